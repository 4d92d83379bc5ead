// What the commands of this feature do; ./commands.ts describes them, and the command line
// loads this module only when one of them runs.
import { splitCodes, type UncoveredLeaf } from '../../../shared/cycle/council';
import { formatDateTime, formatNumber } from '../../../shared/format';
import { withWorkspace } from '../../cli/workspace';
import { type CommandRun, UsageError, flagString, flagYear } from '../../cli/framework';
import { problemForTerminal } from '../../cli/framework';
import { assign } from './service';

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
      const { importMembers } = await import('./members-import');
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

  async 'council packages'(args, io) {
    const year = flagYear(args);
    const { writePackages } = await import('./packages');
    await withWorkspace(args.positionals[0], async (ws) => {
      const written = await writePackages(ws, year, flagString(args, 'out')!);
      for (const p of written) io.err(`${p.memberName}: ${formatNumber(p.rows)} dòng, ${formatNumber(p.units)} đơn vị → ${p.file}`);
      io.err(`Đã lập ${formatNumber(written.length)} hồ sơ thẩm định năm ${year}.`);
    });
  },

  async 'council import'(args, io) {
    const prefer = flagString(args, 'prefer');
    if (prefer !== undefined && prefer !== 'package') throw new UsageError(`--prefer chỉ nhận giá trị "package" (không phải "${prefer}").`);
    const { importPackages } = await import('./package-import');
    return withWorkspace(args.positionals[0], async (ws) => {
      const results = await importPackages(ws, args.positionals.slice(1), { preferPackage: prefer === 'package' });
      if (args.flags.json) io.out(JSON.stringify(results));
      else {
        for (const r of results) {
          const head = r.status === 'imported' ? `${formatNumber(r.changes)} thay đổi` : r.status === 'unchanged' ? 'không thay đổi' : 'bị từ chối';
          io.err(`${r.file}${r.member ? ` (${r.member})` : ''}: ${head}`);
          for (const e of r.errors) io.err(`  Lỗi: ${problemForTerminal(e)}`);
          for (const c of r.conflicts) {
            io.err(
              `  Xung đột: đơn vị ${c.unit}, tiêu chí ${c.criterion}: hồ sơ ${c.packageValue ?? 'trống'}, hiện tại ${c.currentValue ?? 'trống'}` +
                (c.changedBy ? ` (${c.changedBy} sửa lúc ${formatDateTime(c.changedAt!)})` : ''),
            );
          }
          for (const w of r.warnings) io.err(`  Lưu ý: ${problemForTerminal(w)}`);
        }
      }
      return results.some((r) => r.status === 'refused') ? 1 : 0;
    });
  },
};
