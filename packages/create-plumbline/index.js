#!/usr/bin/env node
// `npm create plumbline@latest <folder> -- [options]`: a new folder, Plumbline installed in it, then
// `plumbline init` there, which asks its questions and writes the catalog. Plain JavaScript with no
// dependencies, so it runs on the Node.js that runs npm (20 or later) before Plumbline is installed.
//
// This launcher writes only what `npm install` needs (the plumbline dependency, the Node.js that
// runs it, and the install scripts allowed); `plumbline init` completes that package.json with
// the rest (the scripts), and is the one place that knows what a catalog's package.json holds.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';

const OWN = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

/** The Node.js that runs Plumbline's commands (Astro needs a newer one than npm does): Plumbline's own `node` devDependency. */
const NODE_RANGE = '^24.21.0';

/** Dependencies that run install scripts: Plumbline checks the Node.js version, node and esbuild fetch their binaries. */
const ALLOW_SCRIPTS = { node: true, esbuild: true, plumbline: true };

const USAGE = `Usage: npm create plumbline@latest <folder> -- [--name NAME] [--levels A,B,C] [--github HANDLE] [--from KIND --source PATH] [--yes]

Creates <folder>, installs Plumbline there, and runs \`plumbline init\` in it, which writes a
catalog that checks and builds: the options after the folder go to init (npx plumbline init --help
explains them). The folder must be new or empty; to add a catalog to a folder that has files,
run \`npm install plumbline\` and \`npx plumbline init\` there.

  --plumbline-spec SPEC  what to install as plumbline (default: ^${OWN.version}), such as a tarball for offline use
  --skip-install         write package.json only, and print the commands that install and run init
  --yes                  ask nothing (also when standard input is not a terminal)
Exit status: 0 done, 1 the folder is not empty or a step failed, 2 bad arguments.
`;

/** The launcher's own options out of the command line; everything else goes to init as it is. */
function parseLauncherArgs(argv) {
  const options = { dir: undefined, spec: `^${OWN.version}`, skipInstall: false, yes: false, help: false, forwarded: [] };
  const args = [...argv];
  // The folder comes first, so that options and their values need not be told apart here.
  if (args[0] !== undefined && !args[0].startsWith('-')) options.dir = args.shift();
  while (args.length) {
    const arg = args.shift();
    if (arg === '--help' || arg === '-h') options.help = true;
    else if (arg === '--skip-install') options.skipInstall = true;
    else if (arg === '--plumbline-spec' || arg.startsWith('--plumbline-spec=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args.shift();
      if (!value || value.startsWith('-')) throw new UsageError('--plumbline-spec needs a value: --plumbline-spec SPEC');
      options.spec = value;
    } else if (arg === '--dir' || arg.startsWith('--dir=')) throw new UsageError('give the folder as the first argument, not --dir');
    else {
      if (arg === '--yes') options.yes = true;
      options.forwarded.push(arg);
    }
  }
  return options;
}

/** What `npm install` needs in the new folder; `plumbline init` adds the rest. */
function installManifest(spec) {
  return { private: true, type: 'module', dependencies: { plumbline: spec }, devDependencies: { node: NODE_RANGE }, allowScripts: ALLOW_SCRIPTS };
}

class UsageError extends Error {}

/** An argument as a shell takes it back: quoted when it holds anything but plain characters. */
function shellWord(arg) {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, "'\\''")}'`;
}

/** Ends with one line on stderr and the exit status. */
function stop(message, code) {
  process.stderr.write(`create-plumbline: ${message}\n`);
  process.exit(code);
}

async function askFolder() {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return (await rl.question('Folder for the new catalog: ')).trim();
  } finally {
    rl.close();
  }
}

/**
 * The environment for npm in the new folder. `npm create` runs this launcher through `npm exec
 * --package create-plumbline`, and passes that on as npm_config_package (and the like): left in,
 * the inner `npm exec` would look for create-plumbline instead of the plumbline just installed.
 * Every other setting (registry, cache, proxy) is the user's and is kept.
 */
function npmEnv() {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (/^npm_config_(package|call|yes)$/i.test(key)) delete env[key];
  return env;
}

/** Runs npm in the folder, its output shown as it comes; a failure ends the launcher. */
function npm(args, cwd, what) {
  const result = spawnSync('npm', args, { cwd, env: npmEnv(), stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.error) stop(`cannot run npm to ${what} (${result.error.message})`, 1);
  if (result.status !== 0) stop(`${what} failed (npm ${args.join(' ')} exited with ${result.status ?? result.signal}); fix the cause and run \`npm ${args.join(' ')}\` in ${cwd}`, result.status || 1);
}

async function main(argv) {
  let options;
  try {
    options = parseLauncherArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) stop(`${error.message}. ${USAGE.split('\n')[0]}`, 2);
    throw error;
  }
  if (options.help) {
    process.stdout.write(USAGE);
    return;
  }
  const interactive = !options.yes && process.stdin.isTTY === true;
  const folder = options.dir ?? (interactive ? await askFolder() : '');
  if (!folder) stop(`give the folder for the new catalog. ${USAGE.split('\n')[0]}`, 2);

  const dir = resolve(folder);
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) stop(`${folder} is a file: give a new folder, or an empty one`, 1);
    const entries = readdirSync(dir);
    if (entries.length) stop(`${folder} is not empty (${entries.slice(0, 5).join(', ')}${entries.length > 5 ? ', …' : ''}): give a new folder; to add a catalog to this one, run \`npm install plumbline\` and \`npx plumbline init\` in it`, 1);
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(installManifest(options.spec), null, 2)}\n`);

  const cd = relative(process.cwd(), dir) || '.';
  const init = ['exec', '--no', '--', 'plumbline', 'init', ...options.forwarded];
  if (options.skipInstall) {
    const initLine = ['npx plumbline init', ...options.forwarded.map(shellWord)].join(' ');
    process.stdout.write(`Wrote ${join(cd, 'package.json')}. Next:\n  cd ${shellWord(cd)}\n  npm install\n  ${initLine}\n`);
    return;
  }
  npm(['install', '--no-audit', '--no-fund'], dir, 'installing Plumbline');
  // `--no`: never download anything here; plumbline is the one just installed.
  npm(init, dir, 'plumbline init');
}

await main(process.argv.slice(2));
