// The unit scorecard as one self-contained HTML document: A4, Times New Roman metrics (bundled
// Tinos), page numbers in the page margin. React renders it to static markup, so every text a
// person typed (unit names, criterion titles, notes) is escaped by construction; the only markup
// inserted as it is is the chart, an SVG drawn beforehand by ECharts, which escapes its labels.
// Kept out of the reports index so that the screen's bundle does not take in react-dom/server.
// (Past 400 lines: the stylesheet of the printed page and its sections are one document, kept
// together so that a change of layout is made in one place.)
import { Fragment, type CSSProperties, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describeChange, describeIndexChange, formatDecimal, formatNumber, formatPercent } from '../format';
import { decisionReference } from '../cycle/publication';
import type { ScorecardData, ScorecardSatisfaction } from './scorecard-data';
import {
  FULL_LAYOUT,
  SCORECARD_PAPER,
  groupNotes,
  type NoteGroup,
  type ScorecardAssets,
  type ScorecardLayout,
  type ScorecardPage,
} from './scorecard';

function signed(value: number | null, decimals = 2): string {
  if (value === null) return '—';
  const text = formatDecimal(value, decimals);
  return value > 0 && text !== formatDecimal(0, decimals) ? `+${text}` : text;
}

/** "3 (↑2)", "5 (=)", "—": a rank with the places moved since last year. */
function rankCell(rank: number | null, deltaRank: number | null): string {
  if (rank === null) return '—';
  if (deltaRank === null) return String(rank);
  return `${rank} (${deltaRank > 0 ? `↑${deltaRank}` : deltaRank < 0 ? `↓${-deltaRank}` : '='})`;
}

function points(value: number): string {
  return formatDecimal(value, 2);
}

const { margin } = SCORECARD_PAPER;

const STYLE = `
@page { size: A4 portrait; margin: ${margin.top}mm ${margin.right}mm ${margin.bottom}mm ${margin.left}mm; }
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
a.card-mark { position: absolute; display: block; width: 1px; height: 1px; overflow: hidden; }
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
p.above { font-size: 11.5pt; margin: 3px 0 0; }
ul.notes { margin: 0; padding-left: 18px; font-size: 12pt; }
ul.notes li { margin: 0 0 2px; break-inside: avoid; }
.footnote { font-size: 10.5pt; font-style: italic; margin-top: 8px; }
.signature { width: 45%; margin: 10px 0 0 auto; text-align: center; break-inside: avoid; }
.signature .upper { text-transform: uppercase; font-size: 12.5pt; }
.signature .bold { font-weight: bold; }
.signature .sign-space { height: 22mm; }
.compact { font-size: 12pt; line-height: 1.2; }
.compact .summary { font-size: 11.5pt; }
.compact table.grid { font-size: 10.5pt; }
.compact .chart svg { width: 80%; margin: 0 auto; }
.compact ul.notes { font-size: 10.5pt; }
.compact h2 { font-size: 12pt; margin: 4px 0 2px; }
`;

function Heading({ card }: { card: ScorecardData }) {
  const province = card.province ?? 'Tỉnh';
  const place = card.signer.place ?? (card.province ? card.province.replace(/^(tỉnh|thành phố)\s+/i, '') : null);
  const [d, m, y] = card.issuedOn.split('/');
  return (
    <>
      <div className="heading">
        <div className="agency">
          <div className="upper">Ủy ban nhân dân {province}</div>
          <div className="upper bold">{card.issuer}</div>
          <div className="rule" />
        </div>
        <div className="nation">
          <div className="upper bold">Cộng hòa xã hội chủ nghĩa Việt Nam</div>
          <div className="bold">Độc lập - Tự do - Hạnh phúc</div>
          <div className="rule" style={{ width: '55%' }} />
        </div>
      </div>
      <div className="place-date">{`${place ? `${place}, ` : ''}ngày ${d} tháng ${m} năm ${y}`}</div>
    </>
  );
}

/** What the figures are worth: a unit that sent nothing, leaves awaiting appraisal, a year not yet published, or the decision that published it. */
function Status({ card }: { card: ScorecardData }) {
  const lines: string[] = [];
  if (!card.unit.submitted) lines.push('Đơn vị chưa gửi biểu tự đánh giá; kết quả tính theo điểm thẩm định hiện có.');
  if (card.unit.provisional) lines.push('Còn tiêu chí thành phần chưa có điểm thẩm định.');
  if (card.decision) lines.push(`Kết quả chính thức theo ${decisionReference(card.decision)}.`);
  else if (!card.published) lines.push(`Kết quả tạm tính: kết quả năm ${card.year} chưa được công bố.`);
  if (lines.length === 0) return null;
  return <p className="provisional">{lines.join(' ')}</p>;
}

/** The signer's block at the foot of the card: title, room to sign, name. */
function Signature({ card }: { card: ScorecardData }) {
  const title = card.signer.title ?? 'Giám đốc';
  return (
    <div className="signature">
      {title.split(/\n/).map((line) => (
        <div key={line} className="upper bold">
          {line}
        </div>
      ))}
      <div className="sign-space" />
      <div className="bold">{card.signer.name ?? ''}</div>
    </div>
  );
}

function Summary({ card }: { card: ScorecardData }) {
  const u = card.unit;
  const rank =
    u.rank !== null
      ? `${u.rank}/${card.block.rankedUnits} trong ${card.block.name.toLowerCase()}`
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
  const row = (label: string, value: string, label2: string, value2: string) => (
    <tr>
      <td className="label">{label}</td>
      <td className="value">{value}</td>
      <td className="label">{label2}</td>
      <td className="value">{value2}</td>
    </tr>
  );
  return (
    <table className="summary">
      <tbody>
        {row('Tổng điểm', `${points(u.total)}/${formatNumber(u.max)} điểm`, 'Chỉ số CCHC', formatPercent(u.index))}
        {row('Xếp hạng', rank, 'Xếp loại', u.band ?? '—')}
        {row('Bình quân khối', formatPercent(card.block.average), previousLabel, previous)}
        <tr>
          <td colSpan={4} className="change">
            {change}
          </td>
        </tr>
      </tbody>
    </table>
  );
}

/** A row of right-aligned figures. */
function Nums({ values }: { values: string[] }) {
  return (
    <>
      {values.map((v, i) => (
        <td key={i} className="num">
          {v}
        </td>
      ))}
    </>
  );
}

function FieldTable({ card }: { card: ScorecardData }) {
  const u = card.unit;
  return (
    <>
      <h2>1. Kết quả theo lĩnh vực</h2>
      <table className="grid fields">
        <thead>
          <tr>
            <th>TT</th>
            <th>Lĩnh vực</th>
            <th>Điểm đạt</th>
            <th>Điểm tối đa</th>
            <th>Chỉ số thành phần</th>
            <th>Bình quân khối</th>
            <th>Xếp hạng</th>
            <th>So với năm trước</th>
          </tr>
        </thead>
        <tbody>
          {card.fields.map((f) => (
            <tr key={f.code}>
              <td className="code">{f.code}</td>
              <td>{f.title}</td>
              <Nums
                values={[points(f.score), formatNumber(f.max), formatPercent(f.index), formatPercent(f.blockAverage), rankCell(f.rank, f.deltaRank), signed(f.deltaIndex)]}
              />
            </tr>
          ))}
          <tr className="total">
            <td />
            <td>Tổng cộng</td>
            <Nums
              values={[points(u.total), formatNumber(u.max), formatPercent(u.index), formatPercent(card.block.average), rankCell(u.rank, u.deltaRank), signed(u.deltaIndex)]}
            />
          </tr>
        </tbody>
      </table>
    </>
  );
}

function LossTable({ card }: { card: ScorecardData }) {
  return (
    <div className="keep">
      <h2>3. Các tiêu chí thành phần bị mất nhiều điểm nhất</h2>
      {card.largestLosses.length ? (
        <table className="grid losses">
          <thead>
            <tr>
              <th>STT</th>
              <th>Mã</th>
              <th>Tiêu chí thành phần</th>
              <th>Điểm tối đa</th>
              <th>Điểm đạt</th>
              <th>Điểm bị mất</th>
            </tr>
          </thead>
          <tbody>
            {card.largestLosses.map((l, i) => (
              <tr key={l.code}>
                <td className="code">{i + 1}</td>
                <td className="code">{l.code}</td>
                <td>{l.title}</td>
                <Nums
                  values={[
                    formatNumber(l.max),
                    l.method === 'deduction' ? `−${formatNumber(l.score)}` : formatNumber(l.score),
                    formatNumber(l.lost),
                  ]}
                />
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">Đơn vị đạt điểm tối đa ở tất cả các tiêu chí thành phần.</p>
      )}
      {card.selfAbove.count > 0 && (
        <p className="muted above">
          {`Có ${card.selfAbove.count} tiêu chí thành phần đơn vị tự chấm cao hơn điểm thẩm định (tổng chênh lệch ${formatNumber(card.selfAbove.points)} điểm).`}
        </p>
      )}
      {card.missingEvidence.count > 0 && (
        <p className="muted above">
          {`Điểm tự chấm chưa có tài liệu kiểm chứng: ${formatNumber(card.missingEvidence.count)} tiêu chí, ${formatNumber(card.missingEvidence.points)} điểm.`}
        </p>
      )}
    </div>
  );
}

/** `items` separated by `separator`, as inline content. */
function joined(items: ReactNode[], separator: string): ReactNode[] {
  return items.flatMap((item, i) => (i === 0 ? [item] : [separator, item]));
}

function Satisfaction({ s, number }: { s: ScorecardSatisfaction; number: number }) {
  const compared = s.previousYear !== null;
  const lead = [
    <Fragment key="unit">
      Chỉ số hài lòng của đơn vị: <b>{formatPercent(s.index)}</b> ({formatNumber(s.forms)} phiếu hợp lệ)
    </Fragment>,
    `toàn tỉnh: ${formatPercent(s.provinceIndex)} (${formatNumber(s.provinceForms)} phiếu hợp lệ)`,
    ...(compared ? [`so với năm ${s.previousYear}: ${describeIndexChange(s.deltaIndex) ?? '—'}`] : []),
  ];
  const grouped = s.rows.some((r) => r.kind === 'area');
  return (
    <div className="keep satisfaction">
      <h2>{number}. Mức độ hài lòng (SIPAS)</h2>
      <p className="lead">
        {joined(lead, '; ')}.
      </p>
      <table className="grid satisfaction">
        <thead>
          <tr>
            <th>Mã</th>
            <th>{grouped ? 'Lĩnh vực, yếu tố thành phần' : 'Yếu tố thành phần'}</th>
            <th>Số ý kiến hợp lệ</th>
            <th>Chỉ số đơn vị</th>
            <th>Chỉ số toàn tỉnh</th>
            {compared && <th>So với năm {s.previousYear}</th>}
          </tr>
        </thead>
        <tbody>
          {s.rows.map((r) => {
            const area = r.kind === 'area';
            return (
              <tr key={`${r.kind}-${r.code}`} className={area ? 'area' : undefined}>
                <td className="code">{r.code}</td>
                <td className={grouped && !area ? 'factor-name' : undefined}>{r.name}</td>
                <Nums
                  values={[
                    formatNumber(r.n),
                    formatPercent(r.index),
                    formatPercent(r.provinceIndex),
                    ...(compared ? [area ? '' : signed(r.deltaIndex)] : []),
                  ]}
                />
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Note({ group }: { group: NoteGroup }) {
  return group.codes.length === 1 ? (
    <li>
      <b>{group.codes[0]}</b> {group.titles[0]}: {group.note}
    </li>
  ) : (
    <li>
      <b>{group.codes.join(', ')}</b> ({group.codes.length} tiêu chí thành phần): {group.note}
    </li>
  );
}

function Notes({ card, layout, number }: { card: ScorecardData; layout: ScorecardLayout; number: number }) {
  const groups = groupNotes(card.notes);
  const shown = layout.noteLimit === null ? groups : groups.slice(0, layout.noteLimit);
  const left = groups.length - shown.length;
  return (
    <>
      <h2>{number}. Ý kiến của Hội đồng thẩm định</h2>
      {groups.length === 0 && <p className="muted">Không có ý kiến thẩm định.</p>}
      {shown.length > 0 && (
        <ul className="notes">
          {shown.map((g) => (
            <Note key={g.note} group={g} />
          ))}
        </ul>
      )}
      {left > 0 && (
        <p className="muted">
          {`${shown.length ? 'Còn' : 'Có'} ${left} ý kiến thẩm định${shown.length ? ' khác' : ''} không in hết trên phiếu; xem bảng điểm chi tiết của đơn vị.`}
        </p>
      )}
    </>
  );
}

/** One card; `pageName` puts it on named pages (the combined document numbers each card on its own). */
export function ScorecardSection({ page, pageName, mark }: { page: ScorecardPage; pageName?: string; mark?: string }) {
  const card = page.data;
  const layout = page.layout ?? FULL_LAYOUT;
  const style: CSSProperties | undefined = pageName ? { page: pageName } : undefined;
  return (
    <section className={layout.compact ? 'scorecard compact' : 'scorecard'} style={style} data-unit={card.unit.code}>
      {/* a link the printer leaves on the card's first page, by which a batch's PDF is cut into cards */}
      {mark && <a className="card-mark" href={mark} aria-hidden="true" />}
      <Heading card={card} />
      <h1>Phiếu kết quả Chỉ số cải cách hành chính năm {card.year}</h1>
      <p className="unit-name">{card.unit.name}</p>
      <p className="sub">{`${card.block.name} — ${card.periodName}`}</p>
      {card.sample && <div className="sample">DỮ LIỆU MẪU — không dùng cho báo cáo chính thức</div>}
      <Status card={card} />
      <Summary card={card} />
      <FieldTable card={card} />
      <h2>2. Chỉ số thành phần so với bình quân khối</h2>
      {/* the one piece of markup not built here: the SVG ECharts drew from the card's figures */}
      <div className="chart" dangerouslySetInnerHTML={{ __html: page.chartSvg }} />
      <LossTable card={card} />
      {card.satisfaction && <Satisfaction s={card.satisfaction} number={4} />}
      <Notes card={card} layout={layout} number={card.satisfaction ? 5 : 4} />
      <p className="footnote">
        Chỉ số = tổng điểm đạt / tổng điểm tối đa × 100; số liệu làm tròn đến hai chữ số thập phân khi hiển thị.
      </p>
      <Signature card={card} />
    </section>
  );
}

/**
 * The document: head and body rendered apart (the body first, so that the fonts can be chosen
 * for its text) and put together as React would have written them in one piece.
 */
function documentHtml(title: string, body: ReactNode, assets: ScorecardAssets, pageCss: string): string {
  const bodyMarkup = renderToStaticMarkup(<body>{body}</body>);
  const fontCss = typeof assets.fontCss === 'string' ? assets.fontCss : assets.fontCss(title + bodyMarkup);
  const head = renderToStaticMarkup(
    <head>
      <meta charSet="utf-8" />
      <title>{title}</title>
      <style>{fontCss}</style>
      <style>{STYLE + pageCss}</style>
    </head>,
  );
  // React writes no doctype; without one Chromium would lay the page out in quirks mode
  return `<!DOCTYPE html><html lang="vi">${head}${bodyMarkup}</html>`;
}

const MARGIN_BOX = 'font-family: Tinos, "Times New Roman", serif; font-size: 11pt;';

/** One unit's scorecard, with "Trang 1/2" at the foot of each page. */
/** The title of a unit's printed scorecard (the PDF's title). */
export const scorecardTitle = (page: ScorecardPage): string => `Phiếu kết quả Chỉ số CCHC ${page.data.year} — ${page.data.unit.name}`;

export function buildScorecardHtml(page: ScorecardPage, assets: ScorecardAssets): string {
  const pageCss = `@page { @bottom-center { content: "Trang " counter(page) "/" counter(pages); ${MARGIN_BOX} } }`;
  return documentHtml(
    scorecardTitle(page),
    <ScorecardSection page={page} />,
    assets,
    pageCss,
  );
}

/**
 * Several scorecards in one document, each starting on a new page and numbered on its own
 * ("Trang 1/2" of that unit). `pageCounts[i]` is how many pages card i takes when printed
 * alone, which the printer measures first; CSS counters cannot restart per card. With `marks`,
 * card i carries a link to `${marks}i` on its first page (see electron/print/split.ts).
 */
export function buildCombinedScorecardHtml(pages: ScorecardPage[], pageCounts: number[], assets: ScorecardAssets, options: { marks?: string } = {}): string {
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
    return <ScorecardSection key={name} page={page} pageName={name} mark={options.marks === undefined ? undefined : `${options.marks}${i}`} />;
  });
  const title = pages.length ? `Phiếu kết quả Chỉ số CCHC năm ${pages[0].data.year}` : 'Phiếu kết quả Chỉ số CCHC';
  return documentHtml(title, sections, assets, rules.join('\n'));
}
