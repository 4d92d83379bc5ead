// What the commands of this feature do; ./commands.ts describes them, and the command line
// loads this module only when one of them runs.
import { importScoresFile } from './scores-import';
import { withWorkspace } from '../../cli/workspace';
import { type CommandRun, flagYear } from '../../cli/framework';

export const runs: Record<string, CommandRun> = {
  'scores import'(args, io) {
    const year = flagYear(args);
    return withWorkspace(args.positionals[0], async (ws) => {
      const s = await importScoresFile(ws, year, args.positionals[1]);
      io.err(`Đã nhập ${s.rows} dòng điểm của ${s.units} đơn vị từ ${s.file}; ${s.changedFields} giá trị thay đổi.`);
    });
  },
};
