// Results as the command line prints them: the JSON contract and a readable table.
import type { YearResults } from '../../../shared/domain';
import { describeChange, formatDecimal, formatPercent } from '../../../shared/format';

/** The `results --json` shape: unrounded numbers, null where a figure does not apply. */
export function resultsJson(results: YearResults) {
  return {
    year: results.year,
    blocks: results.blocks.map((b) => ({
      code: b.code,
      name: b.name,
      average: b.average,
      units: b.units.map((u) => ({
        code: u.code,
        name: u.name,
        total: u.total,
        max: u.max,
        index: u.index,
        rank: u.rank,
        band: u.band,
        provisional: u.provisional,
        submitted: u.submitted,
        fields: u.fields.map((f) => ({ code: f.code, title: f.title, score: f.score, max: f.max, index: f.index })),
        previous: u.previous ? { year: u.previous.year, index: u.previous.index, rank: u.previous.rank } : null,
        deltaIndex: u.deltaIndex,
        deltaRank: u.deltaRank,
      })),
    })),
  };
}

function pad(text: string, width: number, right = false): string {
  const len = [...text].length;
  return right ? ' '.repeat(Math.max(0, width - len)) + text : text + ' '.repeat(Math.max(0, width - len));
}

export function formatResultsTable(results: YearResults): string {
  const lines: string[] = [];
  if (results.blocks.length === 0) return `Năm ${results.year} chưa có kết quả (chưa có điểm nào).`;
  for (const b of results.blocks) {
    lines.push(`${b.name} — năm ${results.year} — bình quân ${formatPercent(b.average)}`);
    const rows = b.units.map((u) => [
      u.rank === null ? (u.ranked ? '—' : 'KXH') : String(u.rank),
      u.code,
      u.name + (u.provisional ? ' (tạm tính)' : ''),
      `${formatDecimal(u.total)}/${formatDecimal(u.max)}`,
      formatPercent(u.index),
      u.band ?? '',
      describeChange(u.deltaIndex, u.deltaRank) ?? '',
    ]);
    const header = ['Hạng', 'Mã', 'Đơn vị', 'Điểm', 'Chỉ số', 'Xếp loại', 'So với năm trước'];
    const widths = header.map((h, i) => Math.max([...h].length, ...rows.map((r) => [...r[i]].length)));
    const right = [true, false, false, true, true, false, false];
    lines.push(header.map((h, i) => pad(h, widths[i], right[i])).join('  '));
    for (const r of rows) lines.push(r.map((c, i) => pad(c, widths[i], right[i])).join('  ').trimEnd());
    lines.push('');
  }
  return lines.join('\n').trimEnd();
}
