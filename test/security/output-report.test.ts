/**
 * CI log injection through `check`: a newline in an unknown YAML key, a quoted CSV value or a file
 * name must not put a `::notice`, `::error` or `::stop-commands::` line (or a legacy `##[command]`)
 * into the text, github or json output. Each format, with hostile input: the exact escaped output,
 * and the only workflow commands the Actions runner finds are the annotations we mean to emit.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnostic, RuleId } from '../../src/core/diagnostics.ts';
import { formatGithub, formatJson, formatText } from '../../src/features/report.ts';
import { removeCatalogs, TODAY, validCatalog, writeCatalog } from '../helpers/catalog.ts';
import { runCliInProcess } from '../helpers/cli.ts';

afterAll(removeCatalogs);

/** A newline and a forged annotation, a CR and a stop-commands, a line separator, a bidi override and a legacy command. */
const HOSTILE = 'bad\n::error file=x::forged\r::stop-commands::token\u2028\u202egnp.exe ##[error]legacy';
/** How every output line shows it. */
const SHOWN = 'bad\\n::error file=x::forged\\r::stop-commands::token\\u2028\\u202egnp.exe #\\u0023[error]legacy';
/** And as a workflow-command property (`:` and `,` escaped too). */
const SHOWN_PROPERTY = 'bad\\n%3A%3Aerror file=x%3A%3Aforged\\r%3A%3Astop-commands%3A%3Atoken\\u2028\\u202egnp.exe #\\u0023[error]legacy';

/** Characters that end a line or reorder text: none may reach any output raw (LF only between lines). */
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/;

interface Command {
  command: string;
  properties: Record<string, string>;
  data: string;
  line: string;
}

/**
 * The workflow commands the GitHub Actions runner reads in an output, the way actions/runner's
 * ActionCommand does: lines split at CR or LF; `::name k=v,…::data` after leading whitespace, or a
 * legacy `##[name k=v;]data` anywhere in the line.
 */
function runnerCommands(output: string): Command[] {
  const unescape = (s: string, map: [string, string][]) => map.reduce((text, [from, to]) => text.split(from).join(to), s);
  const found: Command[] = [];
  for (const line of output.split(/\r\n|\r|\n/)) {
    const trimmed = line.replace(/^[\s\u0085]+/, '');
    if (trimmed.startsWith('::')) {
      const end = trimmed.indexOf('::', 2);
      if (end < 0) continue;
      const info = trimmed.slice(2, end);
      const space = info.indexOf(' ');
      const properties: Record<string, string> = {};
      if (space > 0) {
        for (const pair of info.slice(space + 1).trim().split(',').filter(Boolean)) {
          const at = pair.indexOf('=');
          if (at > 0) properties[pair.slice(0, at)] = unescape(pair.slice(at + 1), [['%0D', '\r'], ['%0A', '\n'], ['%3A', ':'], ['%2C', ','], ['%25', '%']]);
        }
      }
      found.push({ command: space < 0 ? info : info.slice(0, space), properties, data: unescape(trimmed.slice(end + 2), [['%0D', '\r'], ['%0A', '\n'], ['%25', '%']]), line });
    } else if (line.includes('##[')) {
      const start = line.indexOf('##[') + 3;
      const close = line.indexOf(']', start);
      if (close >= 0) found.push({ command: line.slice(start, close).split(' ')[0]!, properties: {}, data: line.slice(close + 1), line });
    }
  }
  return found;
}

const key: Diagnostic = { file: 'metrics/wait-days.yaml', line: 17, column: 1, endLine: 17, endColumn: 24, severity: 'error', rule: 'unknown-field', message: `unknown field \`${HOSTILE}\``, hint: 'the fields here are: name, owner' };
const csv: Diagnostic = { file: 'data/wait-days.csv', line: 3, column: 12, endLine: 3, endColumn: 40, severity: 'error', rule: 'data-row', message: `\`value\` must be a plain number: \`${HOSTILE}\`` };
const file: Diagnostic = { file: `goals/${HOSTILE}.yaml`, line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error', rule: 'invalid-id', message: `the file name \`${HOSTILE}\` is not a valid id`, hint: `rename it: \`${HOSTILE}\`` };
/** A path that starts its log line with `::`, after whitespace the runner trims. */
const leading: Diagnostic = { file: '\u00a0::stop-commands::token', line: 2, column: 3, endLine: 2, endColumn: 4, severity: 'warning', rule: 'x' as RuleId, message: 'y' };
const hostile = [key, csv, file, leading];

const LOG = [
  `metrics/wait-days.yaml:17:1 error unknown-field unknown field \`${SHOWN}\``,
  '  hint: the fields here are: name, owner',
  `data/wait-days.csv:3:12 error data-row \`value\` must be a plain number: \`${SHOWN}\``,
  `goals/${SHOWN}.yaml:1:1 error invalid-id the file name \`${SHOWN}\` is not a valid id`,
  `  hint: rename it: \`${SHOWN}\``,
  '\u00a0\\u003a:stop-commands::token:2:3 warning x y',
];

describe('check --format text, with hostile keys, values and file names', () => {
  it('prints each problem on its own line, every control shown as an escape', () => {
    expect(formatText(hostile, 4)).toBe([...LOG, '3 errors, 1 warning in 4 files', ''].join('\n'));
  });

  it('holds no workflow command and no raw control character', () => {
    const out = formatText(hostile, 4);
    expect(runnerCommands(out)).toEqual([]);
    expect(out).not.toMatch(RAW);
  });
});

describe('check --format github, with hostile keys, values and file names', () => {
  const out = formatGithub(hostile, 4, 'catalog/');

  it('logs each problem on one line and annotates with every field escaped, then GitHub-escaped', () => {
    expect(out).toBe(
      [
        `catalog/metrics/wait-days.yaml:17:1 error unknown-field unknown field \`${SHOWN}\``,
        '  hint: the fields here are: name, owner',
        `catalog/data/wait-days.csv:3:12 error data-row \`value\` must be a plain number: \`${SHOWN}\``,
        `catalog/goals/${SHOWN}.yaml:1:1 error invalid-id the file name \`${SHOWN}\` is not a valid id`,
        `  hint: rename it: \`${SHOWN}\``,
        // Not at the start of the line here, so not a command: left as it is.
        'catalog/\u00a0::stop-commands::token:2:3 warning x y',
        `::error file=catalog/metrics/wait-days.yaml,line=17,col=1,endLine=17,endColumn=24,title=unknown-field::unknown field \`${SHOWN}\`%0Athe fields here are: name, owner`,
        `::error file=catalog/data/wait-days.csv,line=3,col=12,endLine=3,endColumn=40,title=data-row::\`value\` must be a plain number: \`${SHOWN}\``,
        `::error file=catalog/goals/${SHOWN_PROPERTY}.yaml,line=1,col=1,endLine=1,endColumn=1,title=invalid-id::the file name \`${SHOWN}\` is not a valid id%0Arename it: \`${SHOWN}\``,
        '::warning file=catalog/\u00a0%3A%3Astop-commands%3A%3Atoken,line=2,col=3,endLine=2,endColumn=4,title=x::y',
        '3 errors, 1 warning in 4 files',
        '',
      ].join('\n'),
    );
  });

  it('escapes a line that would start with :: when no prefix comes first', () => {
    expect(formatGithub([leading], 1).split('\n')[0]).toBe('\u00a0\\u003a:stop-commands::token:2:3 warning x y');
  });

  it('holds no workflow command but the annotations it means, each for the right file and text', () => {
    expect(out).not.toMatch(RAW);
    const commands = runnerCommands(out);
    expect(commands.map((c) => c.line)).toEqual(out.split('\n').filter((line) => /^::(error|warning) file=/.test(line)));
    expect(commands.map((c) => [c.command, c.properties.file, c.properties.title])).toEqual([
      ['error', 'catalog/metrics/wait-days.yaml', 'unknown-field'],
      ['error', 'catalog/data/wait-days.csv', 'data-row'],
      ['error', `catalog/goals/${SHOWN}.yaml`, 'invalid-id'],
      ['warning', 'catalog/\u00a0::stop-commands::token', 'x'],
    ]);
    expect(commands[0]!.data).toBe(`unknown field \`${SHOWN}\`\nthe fields here are: name, owner`);
    expect(commands[2]!.data).toBe(`the file name \`${SHOWN}\` is not a valid id\nrename it: \`${SHOWN}\``);
  });
});

describe('check --format json, with hostile keys, values and file names', () => {
  const out = formatJson(hostile);

  it('keeps the exact values for tools', () => {
    expect((JSON.parse(out) as Diagnostic[]).map((d) => [d.file, d.message, d.hint])).toEqual(hostile.map((d) => [d.file, d.message, d.hint ?? null]));
  });

  it('writes them with JSON escapes only: no raw control, separator or bidi character, no command', () => {
    expect(out).toContain(`"message": "unknown field \`bad\\n::error file=x::forged\\r::stop-commands::token\\u2028\\u202egnp.exe ##\\u005berror]legacy\`"`);
    expect(out).not.toMatch(RAW);
    expect(runnerCommands(out)).toEqual([]);
  });
});

/** `check`'s run in this process, as CI runs it from the repository root, without inheriting CATALOG_* settings or GITHUB_WORKSPACE. */
const check = (args: string[]) => runCliInProcess('check', args);

describe('npm run check on a hostile catalog', () => {
  const files = validCatalog();
  files['metrics/wait-days.yaml'] += '"bad\\n::notice::forged": 1\n"cr\\r::stop-commands::token\\u2028\\u202e": 2\n';
  files['data/open-slots.csv'] = 'date,value,note\n2026-11-09,31,\n2026-11-16,"36\n::error file=x::forged",\n';
  files['goals/evil\n::warning::forged.yaml'] = 'title: Evil\nlevel: strategy\nparent: mission\nowner: ops\n';
  const dir = writeCatalog(files);

  it.each(['text', 'github'])('--format %s: every problem found, escaped, and no forged command', async (format) => {
    const { status, stdout, stderr } = await check(['--dir', dir, '--today', TODAY, '--format', format]);
    expect(stderr).toBe('');
    expect(status).toBe(1);
    expect(stdout).not.toMatch(RAW);
    const lines = stdout.split('\n');
    expect(lines).toContain('metrics/wait-days.yaml:17:1 error unknown-field unknown field `bad\\n::notice::forged`');
    expect(lines).toContain('metrics/wait-days.yaml:18:1 error unknown-field unknown field `cr\\r::stop-commands::token\\u2028\\u202e`');
    expect(lines.find((l) => l.startsWith('data/open-slots.csv:3:'))).toMatch(/ error data-row .*`36\\n::error file=x::forged`$/);
    expect(lines).toContain('goals/evil\\n::warning::forged.yaml:1:1 error invalid-id the file name `evil\\n::warning::forged` is not a valid id');
    const commands = runnerCommands(stdout);
    if (format === 'text') expect(commands).toEqual([]);
    else {
      // One annotation per problem, each for a real file of the catalog, and nothing else.
      expect(commands.map((c) => c.line)).toEqual(lines.filter((l) => /^::(error|warning) file=/.test(l)));
      expect(commands.map((c) => `${c.command} ${c.properties.file}:${c.properties.line}`).sort()).toEqual(
        // Line 18's key holds U+202E: refused as a control character too.
        ['error data/open-slots.csv:3', 'error goals/evil\\n::warning::forged.yaml:1', 'error metrics/wait-days.yaml:17', 'error metrics/wait-days.yaml:18', 'error metrics/wait-days.yaml:18', 'warning goals/access.yaml:2', 'warning metrics/open-slots.yaml:12'].sort(),
      );
      expect(commands.find((c) => c.properties.line === '17')!.data).toMatch(/^unknown field `bad\\n::notice::forged`\n/);
    }
  });
});
