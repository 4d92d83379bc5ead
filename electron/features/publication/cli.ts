// What the commands of this feature do; ./commands.ts describes them, and the command line
// loads this module only when one of them runs.
import { formatDay, parseDay } from '../../../shared/format';
import { withWorkspace } from '../../cli/workspace';
import { type CommandRun, UsageError, flagString, flagYear } from '../../cli/framework';
import { publish, unpublish } from './service';

export const runs: Record<string, CommandRun> = {
  'publish'(args, io) {
    const year = flagYear(args);
    const text = flagString(args, 'date')!;
    const date = parseDay(text);
    if (!date) throw new UsageError(`--date cần một ngày dạng dd/mm/yyyy, ví dụ --date 20/01/2026 (không phải "${text}").`);
    return withWorkspace(args.positionals[0], (ws) => {
      const p = publish(ws, { year, decision: flagString(args, 'decision')!, date, force: Boolean(args.flags.force) });
      io.err(
        `Đã công bố kết quả năm ${year} theo Quyết định ${p.decision} ngày ${formatDay(p.decisionDate)}; kỳ đánh giá đã khóa.` +
          (p.forced ? ' (Công bố bắt buộc khi còn việc chưa xong; đã ghi vào lịch sử.)' : ''),
      );
    });
  },

  'unpublish'(args, io) {
    const year = flagYear(args);
    return withWorkspace(args.positionals[0], (ws) => {
      unpublish(ws, year, flagString(args, 'reason')!);
      io.err(`Đã hủy công bố, mở lại kỳ đánh giá năm ${year}.`);
    });
  },
};
