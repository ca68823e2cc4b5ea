/**
 * Runs a command once and measures it from the outside: wall time and peak resident memory come
 * from GNU time (`/usr/bin/time -f '%e %M'`), so what is measured is the whole process, start-up
 * included. Without GNU time, wall time comes from performance.now and memory is unknown.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';

export const GNU_TIME = '/usr/bin/time';
export const hasGnuTime = () => existsSync(GNU_TIME);
export const NO_TIME_HINT = 'memory unavailable: install GNU time (Debian: apt-get install time) to measure peak RSS';

export interface Sample {
  seconds: number;
  /** Peak resident set size in KB, when GNU time is there. */
  peakKb?: number;
  exitCode: number;
}

export interface RunOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Where the command's stdout goes. */
  stdoutFile: string;
  /** Where its stderr goes (and GNU time's report, read and removed afterwards). */
  stderrFile: string;
}

export async function measure(command: string, args: string[], options: RunOptions): Promise<Sample> {
  const gnuTime = hasGnuTime();
  const timeFile = `${options.stderrFile}.time`;
  const [file, argv] = gnuTime ? [GNU_TIME, ['-f', '%e %M', '-o', timeFile, command, ...args]] : [command, args];
  const stdout = openSync(options.stdoutFile, 'w');
  const stderr = openSync(options.stderrFile, 'w');
  const started = performance.now();
  const exitCode = await new Promise<number>((resolve, reject) => {
    const child = spawn(file, argv, { cwd: options.cwd, env: options.env, stdio: ['ignore', stdout, stderr] });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
  const wall = (performance.now() - started) / 1000;
  closeSync(stdout);
  closeSync(stderr);
  if (!gnuTime) return { seconds: wall, exitCode };
  // GNU time writes "Command exited with non-zero status N" before the numbers when the command fails.
  const report = existsSync(timeFile) ? readFileSync(timeFile, 'utf8').trim().split('\n').at(-1) ?? '' : '';
  rmSync(timeFile, { force: true });
  const [seconds, peakKb] = report.split(' ').map(Number);
  return Number.isFinite(seconds) && Number.isFinite(peakKb) ? { seconds: seconds!, peakKb: peakKb!, exitCode } : { seconds: wall, exitCode };
}
