// What the commands of this feature do; ./commands.ts describes them, and the command line
// loads this module only when one of them runs.
import { formatNumber } from '../../../shared/format';
import { exportFrameworkFile, importFrameworkFile } from './import';
import { withWorkspace } from '../../cli/workspace';
import { cloneFramework } from './service';
import { type CommandRun, flagString, flagYear } from '../../cli/framework';

export const runs: Record<string, CommandRun> = {
  'framework import'(args, io) {
    const year = flagYear(args);
    const block = flagString(args, 'block')!;
    return withWorkspace(args.positionals[0], async (ws) => {
      const s = await importFrameworkFile(ws, year, block, args.positionals[1]);
      io.err(
        `Đã nhập bộ chỉ số năm ${year}, khối ${block}: ${s.nodes} dòng, ${s.leaves} tiêu chí được chấm, ` +
          `tổng điểm tối đa ${formatNumber(s.maximum)}${s.yearCreated ? ` (đã tạo kỳ đánh giá năm ${year})` : ''}.`,
      );
    });
  },

  'framework export'(args, io) {
    const year = flagYear(args);
    const block = flagString(args, 'block')!;
    return withWorkspace(args.positionals[0], async (ws) => {
      await exportFrameworkFile(ws, year, block, args.positionals[1]);
      io.err(`Đã xuất bộ chỉ số năm ${year}, khối ${block} ra ${args.positionals[1]}.`);
    });
  },

  'framework clone'(args, io) {
    const from = flagYear(args, 'from');
    const to = flagYear(args, 'to');
    return withWorkspace(args.positionals[0], (ws) => {
      const cloned = cloneFramework(ws, from, to, flagString(args, 'block'));
      io.err(`Đã sao chép bộ chỉ số năm ${from} sang năm ${to}: ${cloned.map((f) => f.blockCode).join(', ')}.`);
    });
  },
};
