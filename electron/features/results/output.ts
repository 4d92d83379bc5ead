// Results as the command line prints them: the JSON contract and a readable table.
import { tableLines } from '../../cli/table';
import { decisionReference, type PublicationStamp } from '../../../shared/cycle/publication';
import type { YearResults } from '../../../shared/domain';
import { describeChange, formatDecimal, formatPercent } from '../../../shared/format';

/**
 * The `results --json` shape: unrounded numbers, null where a figure does not apply; the
 * decision that published the year (date yyyy-mm-dd), null before.
 */
export function resultsJson(results: YearResults, publication: PublicationStamp | null) {
  return {
    year: results.year,
    publication: publication && { decision: publication.decision, date: publication.date },
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
        fields: u.fields.map((f) => ({
          code: f.code,
          title: f.title,
          score: f.score,
          max: f.max,
          index: f.index,
          rank: f.rank,
          previous: f.previous ? { index: f.previous.index, rank: f.previous.rank } : null,
          deltaIndex: f.deltaIndex,
          deltaRank: f.deltaRank,
        })),
        previous: u.previous ? { year: u.previous.year, index: u.previous.index, rank: u.previous.rank } : null,
        deltaIndex: u.deltaIndex,
        deltaRank: u.deltaRank,
        fieldsUp: u.fieldsUp,
        fieldsDown: u.fieldsDown,
        fieldsUpBoth: u.fieldsUpBoth,
        fieldsDownBoth: u.fieldsDownBoth,
      })),
    })),
  };
}

export function formatResultsTable(results: YearResults, publication: PublicationStamp | null = null): string {
  const lines: string[] = [];
  if (results.blocks.length === 0) return `Năm ${results.year} chưa có kết quả (chưa có điểm nào).`;
  if (publication) lines.push(`Đã công bố theo ${decisionReference(publication)}.`, '');
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
    lines.push(...tableLines(header, rows, [true, false, false, true, true, false, false]));
    lines.push('');
  }
  return lines.join('\n').trimEnd();
}
