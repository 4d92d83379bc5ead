import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { commands } from '../../electron/cli/commands';
import { runCli } from '../../electron/cli/framework';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs par-workbench in this process (the same code the binary runs), capturing its output. */
export async function cli(...argv: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, commands, {
    out: (t) => (stdout += t + '\n'),
    err: (t) => (stderr += t + '\n'),
  });
  return { code, stdout, stderr };
}

const root = path.resolve(import.meta.dirname, '..', '..');

/** Runs the real par-workbench executable in a child process. */
export function cliProcess(...argv: string[]): CliRun {
  const r = spawnSync(process.execPath, [path.join(root, 'electron', 'bin', 'par-workbench.mjs'), ...argv], {
    encoding: 'utf8',
    cwd: root,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
