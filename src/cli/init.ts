/** `plumbline init`: not here yet; the command that writes a new catalog takes this file's place. */
import { type CliIo, fail, runCommand } from './common.ts';

export async function run(_argv: string[], io: CliIo): Promise<number> {
  return runCommand(io, () => fail('init is not available in this version of Plumbline yet', 2));
}
