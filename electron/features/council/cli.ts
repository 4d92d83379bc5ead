// What the commands of this feature do; ./commands.ts describes them, and the command line
// loads this module only when one of them runs.
import { splitCodes, type UncoveredLeaf } from '../../../shared/cycle/council';
import { formatNumber } from '../../../shared/format';
import { withWorkspace } from '../../cli/workspace';
import { type CommandRun, flagString, flagYear } from '../../cli/framework';
import { assign, importMembers } from './service';

/** The leaves nobody appraises, one line each, as the terminal shows them. */
export function uncoveredLines(uncovered: UncoveredLeaf[], blockUnits: number): string[] {
  if (uncovered.length === 0) return ['Mọi tiêu chí của mọi đơn vị trong khối đã có thành viên thẩm định.'];
  return [
    `${formatNumber(uncovered.length)} tiêu chí chưa có thành viên thẩm định (cán bộ Sở Nội vụ thẩm định trên phần mềm):`,
    ...uncovered.map((u) => `  ${u.criterion}  ${u.title}${u.units.length < blockUnits ? ` — ${u.units.length} đơn vị: ${u.units.slice(0, 10).join(', ')}${u.units.length > 10 ? ', …' : ''}` : ''}`),
  ];
}

export const runs: Record<string, CommandRun> = {
  async 'council members'(args, io) {
    await withWorkspace(args.positionals[0], async (ws) => {
      const s = await importMembers(ws, args.positionals[1]);
      io.err(`Đã nhập ${formatNumber(s.added + s.updated)} thành viên hội đồng từ ${s.file}: ${formatNumber(s.added)} mới, ${formatNumber(s.updated)} đã có (cập nhật cơ quan).`);
    });
  },

  'council assign'(args, io) {
    const year = flagYear(args);
    const units = flagString(args, 'units');
    return withWorkspace(args.positionals[0], (ws) => {
      const { assignment, uncovered, blockUnits } = assign(ws, {
        year,
        blockCode: flagString(args, 'block')!,
        member: flagString(args, 'member')!,
        criteria: splitCodes(flagString(args, 'criteria')!),
        units: units === undefined ? null : splitCodes(units),
      });
      io.err(
        `Đã phân công ${assignment.memberName} thẩm định ${assignment.criteria.join(', ')} của khối ${assignment.blockCode} năm ${year}` +
          (assignment.units ? ` cho ${formatNumber(assignment.units.length)} đơn vị.` : ' cho mọi đơn vị của khối.'),
      );
      io.out(uncoveredLines(uncovered, blockUnits).join('\n'));
    });
  },
};
