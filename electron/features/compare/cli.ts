// What the commands of this feature do; ./commands.ts describes them, and the command line
// loads this module only when one of them runs.
import type { UnitResult } from '../../../shared/domain';
import { UserError } from '../../../shared/errors';
import { describeChange, formatDecimal, formatNumber, formatPercent, parseLocaleNumber } from '../../../shared/format';
import {
  blockLeafLosses,
  findUnit,
  largestLosses,
  selfAboveAppraised,
  unitLeafLosses,
  type HypotheticalScore,
} from '../../../shared/compare';
import { withWorkspace } from '../../cli/workspace';
import { getScores } from '../appraisal/store';
import { requireFramework } from '../framework/service';
import { yearResults } from '../results/service';
import { requireUnit } from '../units/service';
import { requireBlock, requirePeriod } from '../workspace/service';
import { table } from '../../cli/table';
import { whatIfInWorkspace } from './service';
import { type CommandRun, UsageError, flagNumber, flagString, flagYear } from '../../cli/framework';

/** "3.2=max", "5.1=1,5": a hypothetical score as typed. */
export function parseHypothetical(text: string): HypotheticalScore {
  const eq = text.lastIndexOf('=');
  const code = eq > 0 ? text.slice(0, eq).trim() : '';
  const value = eq > 0 ? text.slice(eq + 1).trim() : '';
  if (code && /^(max|tối đa|toi da)$/i.test(value)) return { criterionCode: code, points: 'max' };
  const points = value ? parseLocaleNumber(value) : null;
  if (!code || points === null) {
    throw new UsageError(`Điểm giả định "${text}" không đúng dạng MÃ=ĐIỂM, ví dụ 3.2=max hoặc 5.1=1,5.`);
  }
  return { criterionCode: code, points };
}

function rankText(u: UnitResult): string {
  return u.rank === null ? (u.ranked ? '—' : 'Không xếp hạng') : String(u.rank);
}

export const runs: Record<string, CommandRun> = {
  'whatif'(args, io) {
    const year = flagYear(args);
    const unitCode = flagString(args, 'unit')!;
    const hypothetical = args.positionals.slice(1).map(parseHypothetical);
    return withWorkspace(args.positionals[0], (ws) => {
      const outcome = whatIfInWorkspace(ws, year, unitCode, hypothetical);
      const { before, after } = outcome;
      if (args.flags.json) {
        const figures = (u: UnitResult) => ({ total: u.total, max: u.max, index: u.index, rank: u.rank, band: u.band, deltaIndex: u.deltaIndex, deltaRank: u.deltaRank });
        io.out(JSON.stringify({ unitCode, year, applied: outcome.applied, before: figures(before), after: figures(after) }));
        return;
      }
      io.out(`${after.name} — tính thử năm ${year} (không lưu vào tệp dữ liệu)`);
      io.out(
        table(
          ['', 'Hiện tại', 'Giả định'],
          [
            ['Tổng điểm', `${formatDecimal(before.total)}/${formatNumber(before.max)}`, `${formatDecimal(after.total)}/${formatNumber(after.max)}`],
            ['Chỉ số', formatPercent(before.index), formatPercent(after.index)],
            ['Xếp hạng', rankText(before), rankText(after)],
            ['Xếp loại', before.band ?? '—', after.band ?? '—'],
            ['So với năm trước', describeChange(before.deltaIndex, before.deltaRank) ?? '—', describeChange(after.deltaIndex, after.deltaRank) ?? '—'],
          ],
          [false, true, true],
        ),
      );
      io.out(`Điểm giả định: ${outcome.applied.map((a) => `${a.criterionCode} = ${formatNumber(a.points)}`).join('; ')}`);
    });
  },

  'losses'(args, io) {
    const year = flagYear(args);
    const unitCode = flagString(args, 'unit');
    const blockCode = flagString(args, 'block');
    if ((unitCode === undefined) === (blockCode === undefined)) {
      throw new UsageError('Chọn đúng một trong --unit, --block.');
    }
    const top = flagNumber(args, 'top') ?? 10;
    if (!Number.isInteger(top) || top < 1) throw new UsageError('--top cần một số nguyên dương, ví dụ --top 5.');
    return withWorkspace(args.positionals[0], (ws) => {
      requirePeriod(ws, year);
      const results = yearResults(ws, year);
      if (unitCode !== undefined) {
        const unit = requireUnit(ws, unitCode);
        const found = findUnit(results, unit.code);
        if (!found) throw new UserError(`Đơn vị ${unit.name} (mã ${unit.code}) chưa có điểm năm ${year}.`);
        const losses = unitLeafLosses(requireFramework(ws, year, unit.blockCode), getScores(ws, year, { unitCode: unit.code }), unit.code);
        io.out(`${unit.name} — năm ${year}: các tiêu chí thành phần bị mất nhiều điểm nhất`);
        io.out(
          table(
            ['Mã', 'Tiêu chí thành phần', 'Tối đa', 'Đạt', 'Mất', 'Ý kiến thẩm định'],
            largestLosses(losses, top).map((l) => [l.code, l.title, formatNumber(l.max), formatNumber(l.score), formatNumber(l.lost), l.note ?? '']),
            [false, false, true, true, true, false],
          ),
        );
        const above = selfAboveAppraised(losses);
        io.out('');
        io.out(above.length ? 'Tự chấm cao hơn điểm thẩm định:' : 'Không có tiêu chí nào tự chấm cao hơn điểm thẩm định.');
        if (above.length) {
          io.out(
            table(
              ['Mã', 'Tiêu chí thành phần', 'Tự chấm', 'Thẩm định', 'Chênh lệch'],
              above.map((l) => [l.code, l.title, formatNumber(l.selfScore!), formatNumber(l.appraisedScore!), formatNumber(l.selfAboveAppraised!)]),
              [false, false, true, true, true],
            ),
          );
        }
        return;
      }
      const block = requireBlock(ws, blockCode!);
      const blockResult = results.blocks.find((b) => b.code === block.code);
      if (!blockResult) throw new UserError(`${block.name} chưa có kết quả năm ${year}.`);
      const losses = blockLeafLosses(requireFramework(ws, year, block.code), getScores(ws, year, { blockCode: block.code }), blockResult.units);
      io.out(`${block.name} — năm ${year}: các tiêu chí thành phần bị mất nhiều điểm nhất (Pareto)`);
      io.out(
        table(
          ['Mã', 'Tiêu chí thành phần', 'Điểm mất', 'Tỷ lệ', 'Lũy kế', 'Số đơn vị', 'Mất nhiều nhất'],
          losses.slice(0, top).map((l) => [
            l.code,
            l.title,
            formatNumber(l.lost),
            formatPercent(l.share),
            formatPercent(l.cumulativeShare),
            String(l.units.length),
            l.units.slice(0, 3).map((u) => `${u.unitName} (${formatNumber(u.lost)})`).join('; '),
          ]),
          [false, false, true, true, true, true, false],
        ),
      );
    });
  },
};
