// What the commands of this feature do; ./commands.ts describes them, and the command line
// loads this module only when one of them runs.
import { UNIT_STATE_LABELS, unitStates } from '../../../shared/cycle/status';
import { formatDay, formatNumber, parseDay } from '../../../shared/format';
import { table } from '../../cli/table';
import { withWorkspace } from '../../cli/workspace';
import { type CommandRun, type ParsedArgs, UsageError, flagString, flagYear } from '../../cli/framework';
import { setDeadlines, statusJson, yearDeadlines, yearStatus } from './service';

/** A date flag as a calendar day; "-" or "" clears it. */
function dayFlag(args: ParsedArgs, name: string): string | null | undefined {
  const text = flagString(args, name);
  if (text === undefined) return undefined;
  if (text.trim() === '' || text.trim() === '-') return null;
  const day = parseDay(text);
  if (!day) throw new UsageError(`--${name} cần một ngày dạng dd/mm/yyyy, ví dụ --${name} 15/11/2025 (không phải "${text}").`);
  return day;
}

const show = (d: string | null) => (d ? formatDay(d) : 'chưa đặt');

export const runs: Record<string, CommandRun> = {
  'deadlines'(args, io) {
    const year = flagYear(args);
    const change = { selfDue: dayFlag(args, 'self'), appraisalDue: dayFlag(args, 'appraisal'), petitionsDue: dayFlag(args, 'petitions') };
    return withWorkspace(args.positionals[0], (ws) => {
      const changing = Object.values(change).some((v) => v !== undefined);
      const d = changing ? setDeadlines(ws, year, change) : yearDeadlines(ws, year);
      io.out(
        [
          `Hạn của năm ${year}:`,
          `  Nộp tự chấm: ${show(d.selfDue)}`,
          `  Thẩm định:   ${show(d.appraisalDue)}`,
          `  Kiến nghị:   ${show(d.petitionsDue)}`,
        ].join('\n'),
      );
      if (changing) io.err(`Đã lưu hạn của năm ${year}.`);
    });
  },

  'status'(args, io) {
    const year = flagYear(args);
    return withWorkspace(args.positionals[0], (ws) => {
      const status = yearStatus(ws, year);
      if (args.flags.json) {
        io.out(JSON.stringify(statusJson(status)));
        return;
      }
      const lines: string[] = [];
      if (status.published) lines.push(`Đã công bố: Quyết định ${status.published.decision} ngày ${formatDay(status.published.decisionDate)}.`);
      for (const block of status.blocks) {
        const units = status.units.filter((u) => u.block === block.code);
        const counts = unitStates
          .map((s) => [s, units.filter((u) => u.state === s).length] as const)
          .filter(([, n]) => n > 0)
          .map(([s, n]) => `${UNIT_STATE_LABELS[s]} ${formatNumber(n)}`);
        lines.push('', `${block.name}: ${formatNumber(units.length)} đơn vị — ${counts.join('; ')}`);
        lines.push(
          table(
            ['Mã', 'Đơn vị', 'Trạng thái', 'Thẩm định', 'Kiến nghị', 'Quá hạn'],
            units.map((u) => [
              u.code,
              u.name,
              UNIT_STATE_LABELS[u.state],
              `${u.appraised}/${u.leaves}`,
              u.petitionsPending ? String(u.petitionsPending) : '',
              u.lateReasons.join('; '),
            ]),
            [false, false, false, true, true, false],
          ),
        );
      }
      io.out(lines.join('\n').trimStart());
    });
  },
};
