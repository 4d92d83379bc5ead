// par-workbench: the workspace services from a terminal.
import { commands } from './cli/commands';
import { runCli } from './cli/framework';

const code = await runCli(process.argv.slice(2), commands, {
  out: (text) => process.stdout.write(text + '\n'),
  err: (text) => process.stderr.write(text + '\n'),
}).catch((e: unknown) => {
  process.stderr.write(`Lỗi không mong đợi: ${(e as Error).stack ?? e}\n`);
  return 3;
});
process.exitCode = code;
