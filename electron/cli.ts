// par-workbench: the workspace services from a terminal.
import { commands } from './cli/commands';
import { runCli } from './cli/framework';

// A reader that stops early (`| head`) closes the pipe: the command stops there, saying so
// once, instead of an English stack from the stream.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    if (stream === process.stdout) process.stderr.write('Lỗi: chương trình nhận kết quả đã đóng trước khi nhận hết (ống dẫn bị đóng); kết quả bị cắt.\n');
    process.exit(1);
  });
}

const code = await runCli(process.argv.slice(2), commands, {
  out: (text) => process.stdout.write(text + '\n'),
  err: (text) => process.stderr.write(text + '\n'),
}).catch((e: unknown) => {
  process.stderr.write(`Lỗi không mong đợi: ${(e as Error).stack ?? e}\n`);
  return 3;
});
process.exitCode = code;
