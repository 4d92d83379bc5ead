// Survey results as the command line prints them.
import { describeIndexChange, describeRankChange, formatDecimal, formatNumber, formatPercent } from '../../../shared/format';
import { tableLines } from '../../cli/table';
import type { SurveyApplyReport, SurveyImportPreview, SurveyYearResults } from '../../../shared/survey';

/** "3/5": factors whose index fell, of those compared. */
function declining(factors: { deltaIndex: number | null }[]): string {
  const compared = factors.filter((f) => f.deltaIndex !== null);
  return `${compared.filter((f) => f.deltaIndex! < 0).length}/${compared.length}`;
}

export function formatSurveyResults(results: SurveyYearResults): string {
  if (results.units.length === 0) return `Năm ${results.year} chưa có phiếu khảo sát nào.`;
  const p = results.province;
  const factorCodes = p.factors.map((f) => f.code);
  const lines = [
    `Chỉ số hài lòng (SIPAS) năm ${results.year} — toàn tỉnh ${formatPercent(p.index)} ` +
      `(${formatNumber(p.forms)} phiếu hợp lệ, ${formatNumber(p.invalidForms)} phiếu không hợp lệ)` +
      (results.provinceChange?.deltaIndex != null
        ? `, ${describeIndexChange(results.provinceChange.deltaIndex)} so với năm ${results.provinceChange.previousYear}` +
          `, ${declining(results.provinceChange.factors)} yếu tố giảm`
        : ''),
    ...p.factors.map((f) => `  ${f.code} ${f.name}: ${formatPercent(f.index)} (n = ${formatNumber(f.n)})`),
    '',
  ];
  const rows = results.units.map((u) => [
    u.code,
    u.name,
    formatNumber(u.forms),
    formatPercent(u.index),
    u.standing?.overall.rank != null ? `${u.standing.overall.rank}/${u.standing.of}` : '',
    ...factorCodes.map((c) => formatPercent(u.factors.find((f) => f.code === c)?.index ?? null)),
    [describeIndexChange(u.change?.deltaIndex ?? null), describeRankChange(u.standing?.overall.deltaRank ?? null)].filter(Boolean).join(', '),
  ]);
  const header = ['Mã', 'Đơn vị', 'Phiếu', 'Chỉ số', 'Hạng', ...factorCodes, results.previousYear ? `So với ${results.previousYear}` : 'So với năm trước'];
  lines.push(...tableLines(header, rows, header.map((_, i) => i >= 2 && i < header.length - 1)));
  return lines.join('\n');
}

export function formatImportSummary(r: SurveyImportPreview & { pointsUpdated?: number }): string {
  const lines = [
    `Tệp ${r.fileName} (${r.formatName}): ${formatNumber(r.forms)} phiếu, ${formatNumber(r.validForms)} hợp lệ, ` +
      `${formatNumber(r.invalidForms)} không hợp lệ (bị loại), ${r.mapping.items.length} câu hỏi khớp cột.`,
  ];
  if (r.mapping.missingItems.length) lines.push(`Câu hỏi không có trong tệp: ${r.mapping.missingItems.join(', ')}.`);
  if (r.mapping.ignored.length) lines.push(`Cột bỏ qua: ${r.mapping.ignored.map((h) => `"${h}"`).join(', ')}.`);
  for (const u of r.units) lines.push(`  ${u.code} ${u.name}: ${formatNumber(u.forms)} phiếu (${formatNumber(u.validForms)} hợp lệ)`);
  if (r.pointsUpdated) lines.push(`Đã cập nhật điểm khảo sát của các tiêu chí liên kết (${r.pointsUpdated} thay đổi).`);
  return lines.join('\n');
}

export function formatApplyReport(r: SurveyApplyReport): string {
  const lines = r.links.map(
    (l) =>
      `Khối ${l.blockCode}, tiêu chí ${l.criterionCode} (${formatNumber(l.maxPoints)} điểm) ← ` +
      `${l.target === 'overall' ? 'chỉ số hài lòng chung' : `${l.target === 'area' ? 'lĩnh vực' : 'yếu tố'} ${l.targetCode}`}` +
      (l.automatic ? ' (tự nhận theo tên tiêu chí)' : ''),
  );
  for (const a of r.applied) {
    lines.push(`  ${a.unitCode} ${a.unitName}: ${formatPercent(a.index)} → ${formatDecimal(a.points)} điểm (tiêu chí ${a.criterionCode})`);
  }
  for (const s of r.skipped) lines.push(`  ${s.unitCode} ${s.unitName}: bỏ qua tiêu chí ${s.criterionCode} — ${s.reason}`);
  lines.push(`Đã ghi ${r.changedFields} thay đổi điểm vào nhật ký.`);
  return lines.join('\n');
}
