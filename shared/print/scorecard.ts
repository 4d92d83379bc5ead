// The unit scorecard (Phiếu kết quả Chỉ số CCHC) as one self-contained HTML document:
// A4, Times New Roman metrics (bundled Tinos), page numbers in the page margin. Printing is
// someone else's job (Chromium's PDF printer in the app and on the command line).
import type { EChartsOption } from 'echarts';
import { describeChange, describeIndexChange, formatDecimal, formatNumber, formatPercent } from '../format';
import { scorecardFieldsOption } from '../compare/charts';
import type { LeafLoss } from '../compare/points-lost';
import type { ScorecardData, ScorecardSatisfaction } from './scorecard-data';

/** Size of the scorecard chart in CSS pixels (the printable width of the page). */
export const SCORECARD_CHART = { width: 620, height: 185 } as const;

export interface ScorecardAssets {
  /** @font-face rules of the bundled fonts (data: URLs), so that every machine prints the same */
  fontCss: string;
}

export interface ScorecardPage {
  data: ScorecardData;
  /** the chart of field indices, as an SVG element */
  chartSvg: string;
  /** how tightly to set the card; the first of SCORECARD_LAYOUTS when absent */
  layout?: ScorecardLayout;
}

/** How tightly a card is set: smaller type, and at most `noteLimit` appraisal notes (null = all). */
export interface ScorecardLayout {
  compact: boolean;
  noteLimit: number | null;
}

/** A scorecard takes one A4 page, two at most. */
export const SCORECARD_MAX_PAGES = 2;

/** The layout a card gets first: regular type, every note. */
export const FULL_LAYOUT: ScorecardLayout = { compact: false, noteLimit: null };

/** Sub-criteria that share the same appraisal note, in the order first met. */
export interface NoteGroup {
  codes: string[];
  titles: string[];
  note: string;
}

export function groupNotes(notes: LeafLoss[]): NoteGroup[] {
  const groups = new Map<string, NoteGroup>();
  for (const n of notes) {
    const text = (n.note ?? '').trim();
    if (!text) continue;
    const group = groups.get(text) ?? { codes: [], titles: [], note: text };
    group.codes.push(n.code);
    group.titles.push(n.title);
    groups.set(text, group);
  }
  return [...groups.values()];
}

export function scorecardChartOption(card: ScorecardData): EChartsOption {
  const averages = new Map(card.fields.map((f) => [f.code, f.blockAverage]));
  return scorecardFieldsOption(card.unit, averages, card.block.name);
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The file name of a unit's scorecard: "2025-so-S01-Phieu-ket-qua.pdf" style, safe on every system. */
export function scorecardFileName(year: number, blockCode: string, unitCode: string): string {
  const safe = (s: string) => s.normalize('NFC').replace(/[^\p{L}\p{N}_-]+/gu, '_');
  return `Phieu-ket-qua-${year}-${safe(blockCode)}-${safe(unitCode)}.pdf`;
}

function signed(value: number | null, decimals = 2): string {
  if (value === null) return '—';
  const text = formatDecimal(value, decimals);
  return value > 0 && text !== formatDecimal(0, decimals) ? `+${text}` : text;
}

function points(value: number): string {
  return formatDecimal(value, 2);
}

const STYLE = `
@page { size: A4 portrait; margin: 20mm 15mm 18mm 30mm; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: Tinos, 'Times New Roman', serif; font-size: 13pt; line-height: 1.3; color: #000;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.scorecard + .scorecard { break-before: page; }
.heading { display: flex; justify-content: space-between; text-align: center; }
.heading .agency { width: 42%; }
.heading .nation { width: 58%; }
.heading .upper { font-size: 12pt; text-transform: uppercase; }
.heading .bold { font-weight: bold; }
.heading .rule { width: 35%; margin: 2px auto 0; border-top: 1px solid #000; }
.place-date { text-align: right; font-style: italic; margin-top: 6px; }
h1 { font-size: 14pt; text-align: center; margin: 12px 0 2px; text-transform: uppercase; }
.unit-name { text-align: center; font-weight: bold; font-size: 14pt; margin: 0; }
.sub { text-align: center; margin: 0 0 6px; }
.sample { text-align: center; color: #b00020; font-weight: bold; border: 1.5px solid #b00020; padding: 1px 6px;
  width: max-content; margin: 4px auto; font-size: 11pt; }
.provisional { text-align: center; font-style: italic; font-size: 11pt; margin: 0 0 4px; }
.summary { width: 100%; border-collapse: collapse; margin: 6px 0 8px; font-size: 12.5pt; }
.summary td { border: 1px solid #000; padding: 2px 6px; vertical-align: top; }
.summary .label { width: 19%; }
.summary .value { width: 31%; }
.summary .change { font-weight: bold; }
.summary .value { font-weight: bold; }
h2 { font-size: 13pt; margin: 6px 0 2px; break-after: avoid; }
table.grid { width: 100%; border-collapse: collapse; font-size: 11.5pt; }
table.grid th, table.grid td { border: 1px solid #000; padding: 2px 4px; }
table.grid th { font-weight: bold; text-align: center; background: #eef1f5; font-size: 10.5pt; line-height: 1.15; }
table.grid thead { display: table-header-group; }
table.grid tr { break-inside: avoid; }
table.grid td.num { text-align: right; white-space: nowrap; width: 9%; }
table.grid td.code { text-align: center; white-space: nowrap; width: 6%; }
table.grid tr.total td { font-weight: bold; }
table.grid tr.area td { font-weight: bold; background: #f6f7f9; }
table.grid td.factor-name { padding-left: 14px; }
p.lead { margin: 0 0 3px; font-size: 12pt; }
.compact p.lead { font-size: 11pt; }
.chart { margin: 4px 0 0; break-inside: avoid; }
.keep { break-inside: avoid; }
.chart svg { display: block; width: 100%; height: auto; }
.muted { font-style: italic; }
ul.notes { margin: 0; padding-left: 18px; font-size: 12pt; }
ul.notes li { margin: 0 0 2px; break-inside: avoid; }
.footnote { font-size: 10.5pt; font-style: italic; margin-top: 8px; }
.compact { font-size: 12pt; line-height: 1.2; }
.compact .summary { font-size: 11.5pt; }
.compact table.grid { font-size: 10.5pt; }
.compact .chart svg { width: 80%; margin: 0 auto; }
.compact ul.notes { font-size: 10.5pt; }
.compact h2 { font-size: 12pt; margin: 4px 0 2px; }
`;

function heading(card: ScorecardData): string {
  const province = card.province ?? 'Tỉnh';
  const place = card.province ? card.province.replace(/^(tỉnh|thành phố)\s+/i, '') : null;
  const [d, m, y] = card.issuedOn.split('/');
  return `
<div class="heading">
  <div class="agency">
    <div class="upper">Ủy ban nhân dân ${escapeHtml(province)}</div>
    <div class="upper bold">${escapeHtml(card.issuer)}</div>
    <div class="rule"></div>
  </div>
  <div class="nation">
    <div class="upper bold">Cộng hòa xã hội chủ nghĩa Việt Nam</div>
    <div class="bold">Độc lập - Tự do - Hạnh phúc</div>
    <div class="rule" style="width:55%"></div>
  </div>
</div>
<div class="place-date">${place ? `${escapeHtml(place)}, ` : ''}ngày ${d} tháng ${m} năm ${y}</div>`;
}

function summary(card: ScorecardData): string {
  const u = card.unit;
  const rank =
    u.rank !== null
      ? `${u.rank}/${card.block.rankedUnits} trong ${escapeHtml(card.block.name.toLowerCase())}`
      : u.ranked
        ? '—'
        : 'Không xếp hạng';
  const previousLabel = u.previous ? `Năm ${u.previous.year}` : 'Năm trước';
  const previous = u.previous
    ? `${formatPercent(u.previous.index)}${u.previous.rank !== null ? `, hạng ${u.previous.rank}` : ''}`
    : 'Chưa có kết quả';
  const change = u.previous
    ? `So với năm ${u.previous.year}: ${describeChange(u.deltaIndex, u.deltaRank) ?? '—'}${
        u.previous.rank === null ? ' (đơn vị hình thành từ nhiều đơn vị, so sánh với bình quân các đơn vị cũ)' : ''
      }.`
    : 'Chưa có kết quả năm trước để so sánh.';
  return `
<table class="summary">
  <tr><td class="label">Tổng điểm</td><td class="value">${points(u.total)}/${formatNumber(u.max)} điểm</td>
      <td class="label">Chỉ số CCHC</td><td class="value">${formatPercent(u.index)}</td></tr>
  <tr><td class="label">Xếp hạng</td><td class="value">${rank}</td>
      <td class="label">Xếp loại</td><td class="value">${escapeHtml(u.band ?? '—')}</td></tr>
  <tr><td class="label">Bình quân khối</td><td class="value">${formatPercent(card.block.average)}</td>
      <td class="label">${previousLabel}</td><td class="value">${previous}</td></tr>
  <tr><td colspan="4" class="change">${escapeHtml(change)}</td></tr>
</table>`;
}

function fieldTable(card: ScorecardData): string {
  const u = card.unit;
  const rows = card.fields
    .map(
      (f) => `<tr><td class="code">${escapeHtml(f.code)}</td><td>${escapeHtml(f.title)}</td>
<td class="num">${points(f.score)}</td><td class="num">${formatNumber(f.max)}</td>
<td class="num">${formatPercent(f.index)}</td><td class="num">${formatPercent(f.blockAverage)}</td><td class="num">${signed(f.deltaIndex)}</td></tr>`,
    )
    .join('\n');
  return `
<h2>1. Kết quả theo lĩnh vực</h2>
<table class="grid fields">
<thead><tr><th>TT</th><th>Lĩnh vực</th><th>Điểm đạt</th><th>Điểm tối đa</th><th>Chỉ số thành phần</th><th>Bình quân khối</th><th>So với năm trước</th></tr></thead>
<tbody>
${rows}
<tr class="total"><td></td><td>Tổng cộng</td><td class="num">${points(u.total)}</td><td class="num">${formatNumber(u.max)}</td>
<td class="num">${formatPercent(u.index)}</td><td class="num">${formatPercent(card.block.average)}</td><td class="num">${signed(u.deltaIndex)}</td></tr>
</tbody></table>`;
}

function lossTable(card: ScorecardData): string {
  const body = card.largestLosses.length
    ? `<table class="grid losses">
<thead><tr><th>STT</th><th>Mã</th><th>Tiêu chí thành phần</th><th>Điểm tối đa</th><th>Điểm đạt</th><th>Điểm bị mất</th></tr></thead>
<tbody>
${card.largestLosses
  .map(
    (l, i) => `<tr><td class="code">${i + 1}</td><td class="code">${escapeHtml(l.code)}</td><td>${escapeHtml(l.title)}</td>
<td class="num">${formatNumber(l.max)}</td><td class="num">${l.method === 'deduction' ? `−${formatNumber(l.score)}` : formatNumber(l.score)}</td><td class="num">${formatNumber(l.lost)}</td></tr>`,
  )
  .join('\n')}
</tbody></table>`
    : '<p class="muted">Đơn vị đạt điểm tối đa ở tất cả các tiêu chí thành phần.</p>';
  const above = card.selfAbove.count
    ? `<p class="muted" style="font-size:11.5pt;margin:3px 0 0">Có ${card.selfAbove.count} tiêu chí thành phần đơn vị tự chấm cao hơn điểm thẩm định (tổng chênh lệch ${formatNumber(card.selfAbove.points)} điểm).</p>`
    : '';
  return `<div class="keep"><h2>3. Các tiêu chí thành phần bị mất nhiều điểm nhất</h2>\n${body}\n${above}</div>`;
}

function satisfaction(s: ScorecardSatisfaction, number: number): string {
  const compared = s.previousYear !== null;
  const lead = [
    `Chỉ số hài lòng của đơn vị: <b>${formatPercent(s.index)}</b> (${formatNumber(s.forms)} phiếu hợp lệ)`,
    `toàn tỉnh: ${formatPercent(s.provinceIndex)} (${formatNumber(s.provinceForms)} phiếu hợp lệ)`,
    ...(compared ? [`so với năm ${s.previousYear}: ${describeIndexChange(s.deltaIndex) ?? '—'}`] : []),
  ].join('; ');
  const grouped = s.rows.some((r) => r.kind === 'area');
  const rows = s.rows
    .map((r) => {
      const area = r.kind === 'area';
      const nameCell = grouped && !area ? '<td class="factor-name">' : '<td>';
      const change = compared ? `<td class="num">${area ? '' : signed(r.deltaIndex)}</td>` : '';
      return `<tr${area ? ' class="area"' : ''}><td class="code">${escapeHtml(r.code)}</td>${nameCell}${escapeHtml(r.name)}</td>
<td class="num">${formatNumber(r.n)}</td><td class="num">${formatPercent(r.index)}</td><td class="num">${formatPercent(r.provinceIndex)}</td>${change}</tr>`;
    })
    .join('\n');
  return `<div class="keep satisfaction"><h2>${number}. Mức độ hài lòng (SIPAS)</h2>
<p class="lead">${lead}.</p>
<table class="grid satisfaction">
<thead><tr><th>Mã</th><th>${grouped ? 'Lĩnh vực, yếu tố thành phần' : 'Yếu tố thành phần'}</th><th>Số ý kiến hợp lệ</th><th>Chỉ số đơn vị</th><th>Chỉ số toàn tỉnh</th>${
    compared ? `<th>So với năm ${s.previousYear}</th>` : ''
  }</tr></thead>
<tbody>
${rows}
</tbody></table></div>`;
}

function notes(card: ScorecardData, layout: ScorecardLayout, number: number): string {
  const groups = groupNotes(card.notes);
  const shown = layout.noteLimit === null ? groups : groups.slice(0, layout.noteLimit);
  const left = groups.length - shown.length;
  const item = (g: NoteGroup) =>
    g.codes.length === 1
      ? `<li><b>${escapeHtml(g.codes[0])}</b> ${escapeHtml(g.titles[0])}: ${escapeHtml(g.note)}</li>`
      : `<li><b>${escapeHtml(g.codes.join(', '))}</b> (${g.codes.length} tiêu chí thành phần): ${escapeHtml(g.note)}</li>`;
  const rest = left
    ? `<p class="muted">${shown.length ? 'Còn' : 'Có'} ${left} ý kiến thẩm định${shown.length ? ' khác' : ''} không in hết trên phiếu; xem bảng điểm chi tiết của đơn vị.</p>`
    : '';
  const body = groups.length
    ? `${shown.length ? `<ul class="notes">${shown.map(item).join('\n')}</ul>` : ''}${rest}`
    : '<p class="muted">Không có ý kiến thẩm định.</p>';
  return `<h2>${number}. Ý kiến của Hội đồng thẩm định</h2>\n${body}`;
}

function section(page: ScorecardPage, pageName: string | null): string {
  const card = page.data;
  const layout = page.layout ?? FULL_LAYOUT;
  return `
<section class="scorecard${layout.compact ? ' compact' : ''}"${pageName ? ` style="page: ${pageName}"` : ''} data-unit="${escapeHtml(card.unit.code)}">
${heading(card)}
<h1>Phiếu kết quả Chỉ số cải cách hành chính năm ${card.year}</h1>
<p class="unit-name">${escapeHtml(card.unit.name)}</p>
<p class="sub">${escapeHtml(card.block.name)} — ${escapeHtml(card.periodName)}</p>
${card.sample ? '<div class="sample">DỮ LIỆU MẪU — không dùng cho báo cáo chính thức</div>' : ''}
${card.unit.provisional ? '<p class="provisional">Kết quả tạm tính: còn tiêu chí thành phần chưa có điểm thẩm định.</p>' : ''}
${summary(card)}
${fieldTable(card)}
<h2>2. Chỉ số thành phần so với bình quân khối</h2>
<div class="chart">${page.chartSvg}</div>
${lossTable(card)}
${card.satisfaction ? satisfaction(card.satisfaction, 4) : ''}
${notes(card, layout, card.satisfaction ? 5 : 4)}
<p class="footnote">Chỉ số = tổng điểm đạt / tổng điểm tối đa × 100; số liệu làm tròn đến hai chữ số thập phân khi hiển thị.</p>
</section>`;
}

function documentHtml(title: string, body: string, assets: ScorecardAssets, pageCss: string): string {
  return `<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>${assets.fontCss}</style>
<style>${STYLE}${pageCss}</style>
</head><body>
${body}
</body></html>`;
}

const MARGIN_BOX = 'font-family: Tinos, "Times New Roman", serif; font-size: 11pt;';

/** One unit's scorecard, with "Trang 1/2" at the foot of each page. */
export function buildScorecardHtml(page: ScorecardPage, assets: ScorecardAssets): string {
  const pageCss = `@page { @bottom-center { content: "Trang " counter(page) "/" counter(pages); ${MARGIN_BOX} } }`;
  return documentHtml(`Phiếu kết quả Chỉ số CCHC ${page.data.year} — ${page.data.unit.name}`, section(page, null), assets, pageCss);
}

/**
 * Several scorecards in one document, each starting on a new page and numbered on its own
 * ("Trang 1/2" of that unit). `pageCounts[i]` is how many pages card i takes when printed
 * alone, which the printer measures first; CSS counters cannot restart per card.
 */
export function buildCombinedScorecardHtml(pages: ScorecardPage[], pageCounts: number[], assets: ScorecardAssets): string {
  let first = 1;
  const rules: string[] = [];
  const sections = pages.map((page, i) => {
    const count = Math.max(1, pageCounts[i] ?? 1);
    const name = `card${i + 1}`;
    const symbols = Array.from({ length: count }, (_, k) => `"${k + 1}"`).join(' ');
    rules.push(
      `@counter-style ${name} { system: fixed ${first}; symbols: ${symbols}; }`,
      `@page ${name} { @bottom-center { content: "Trang " counter(page, ${name}) "/${count}"; ${MARGIN_BOX} } }`,
    );
    first += count;
    return section(page, name);
  });
  const title = pages.length ? `Phiếu kết quả Chỉ số CCHC năm ${pages[0].data.year}` : 'Phiếu kết quả Chỉ số CCHC';
  return documentHtml(title, sections.join('\n'), assets, rules.join('\n'));
}
