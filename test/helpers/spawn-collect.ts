/** Starting a program without blocking this process, and collecting what it prints. */
import { spawn, type SpawnOptionsWithoutStdio } from 'node:child_process';

export interface ProcessRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `file` with `args`; resolves when it has ended, with its exit status and its output. */
export function spawnAndCollect(file: string, args: string[], options: SpawnOptionsWithoutStdio): Promise<ProcessRun> {
  return new Promise((done, failed) => {
    const child = spawn(file, args, options);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', failed);
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}
