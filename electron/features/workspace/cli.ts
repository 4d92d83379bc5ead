// What the commands of this feature do; ./commands.ts describes them, and the command line
// loads this module only when one of them runs.
import { Workspace } from '../../db/workspace';
import { withWorkspace } from '../../cli/workspace';
import { type CommandRun } from '../../cli/framework';

export const runs: Record<string, CommandRun> = {
  'init'({ positionals: [file] }, io) {
    Workspace.create(file).close();
    io.err(`Đã tạo tệp dữ liệu ${file}.`);
  },

  async 'backup'({ positionals: [file, dest], flags }, io) {
    await withWorkspace(file, (ws) => ws.backup(dest, { overwrite: flags.overwrite === true }));
    io.err(`Đã sao lưu sang ${dest}.`);
  },
};
