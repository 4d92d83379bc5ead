// Báo cáo phân tích kết quả Chỉ số CCHC và SIPAS năm Y, drafted from the data for staff to
// finish in Word: the province among all provinces (where a national table exists), then each
// block (average and change, bands, top and bottom units, the most improved, where the block
// lost most, units that scored themselves above the appraisal), then the recommendations
// heading left for staff. Charts as PNG pictures.
import { Packer, type Paragraph, type Table } from 'docx';
import { blockLeafLosses, fieldPlacesOption, selfAboveAppraised, unitLeafLosses } from '../../../../shared/compare';
import { rankingChartOption } from '../../../../shared/compare/charts';
import type { SubjectAnalysis } from '../../../../shared/analysis/sentences';
import { describeChange, formatDate, formatNumber, formatPercent } from '../../../../shared/format';
import type { Workspace } from '../../../db/workspace';
import { writeFileAtomically } from '../../../files/output';
import { chartsAsPng, type ChartImage } from '../../../print/png';
import { getScores } from '../../appraisal/store';
import { requireFramework } from '../../framework/service';
import { yearResults } from '../../results/service';
import { getBlockSettings } from '../../results/store';
import { documentSettings } from '../../workspace/settings';
import { requirePeriod } from '../../workspace/service';
import { blockAnalysis, nationalAnalysis } from '../analysis';
import { nationalPosition } from '../service';
import { body, centered, dataTable, documentHeading, documentOf, heading, picture, section, signature, text } from './layout';

const CHART_W = 600;

/** The ranking chart of a block in the report: the page's width, as tall as its units need up to most of a page. */
export const reportRankingChart = (ranked: number) => ({ width: CHART_W, height: Math.min(900, 90 + ranked * 22) });

export interface DocumentOptions {
  chromiumPath?: string;
  /** the day written in the date line; today by default */
  date?: Date;
}

/** "UBND TỈNH MẪU" and the place and date line of the workspace's documents. */
export function headingOf(ws: Workspace, kind: string, date: Date) {
  const s = documentSettings(ws);
  const province = s.province ?? 'Tỉnh …';
  const [day, month, year] = formatDate(date, { timeZone: 'Asia/Ho_Chi_Minh' }).split('/');
  return {
    settings: s,
    province,
    heading: {
      parent: `UBND ${province.toUpperCase()}`,
      body: 'SỞ NỘI VỤ',
      number: `Số:        /${kind}-SNV`,
      dateLine: `${s.signPlace ?? province.replace(/^(Tỉnh|Thành phố)\s+/i, '')}, ngày ${Number(day)} tháng ${Number(month)} năm ${year}`,
    },
  };
}

function componentRows(a: SubjectAnalysis): string[][] {
  return a.components.map((c) => [
    c.code,
    c.title,
    formatPercent(c.index),
    c.rank === null ? '—' : `${c.rank}/${a.of}`,
    c.previous ? formatPercent(c.previous.index) : '—',
    c.previous ? (describeChange(c.deltaIndex, c.deltaRank) ?? '') : '—',
  ]);
}

const COMPONENT_HEADER = ['Mã', 'Thành phần', 'Chỉ số', 'Xếp hạng', 'Năm trước', 'Thay đổi'];
const COMPONENT_WIDTHS = [7, 39, 12, 12, 12, 18];
const COMPONENT_NUMERIC = [false, false, true, true, true, false];

export async function writeReport(ws: Workspace, year: number, out: string, options: DocumentOptions = {}): Promise<{ file: string; pages?: number }> {
  requirePeriod(ws, year);
  const { settings, heading: head } = headingOf(ws, 'BC', options.date ?? new Date());
  const results = yearResults(ws, year);
  const charts: ChartImage[] = [];
  const parts: ((pngs: Buffer[]) => (Paragraph | Table)[])[] = [];
  let section1 = 1;

  const position = nationalPosition(ws, year);
  if (position?.ours) {
    const national = nationalAnalysis(ws, year);
    const ours = position.par.units.find((u) => u.code === position.ours)!;
    const chartAt = ours.fields.some((f) => f.deltaRank !== null) ? charts.push({ option: fieldPlacesOption(ours), width: CHART_W, height: 60 + ours.fields.length * 30 }) - 1 : -1;
    parts.push((pngs) => [
      heading(`${section1++}. Kết quả Chỉ số CCHC và SIPAS của ${ours.name} năm ${year}`),
      ...national.par.sentences.map((s) => body(s)),
      dataTable(COMPONENT_HEADER, componentRows(national.par), { widths: COMPONENT_WIDTHS, numeric: COMPONENT_NUMERIC }),
      ...(chartAt >= 0 ? [picture(pngs[chartAt], CHART_W, charts[chartAt].height)] : []),
      ...(national.sipas
        ? [
            ...national.sipas.sentences.map((s) => body(s)),
            dataTable(COMPONENT_HEADER, componentRows(national.sipas), { widths: COMPONENT_WIDTHS, numeric: COMPONENT_NUMERIC }),
          ]
        : []),
    ]);
  }

  for (const block of results.blocks) {
    const analysis = blockAnalysis(ws, year, block.code);
    const bands = getBlockSettings(ws, year, block.code).bands;
    const ranked = block.units.filter((u) => u.ranked).length;
    const chartAt = charts.push({ option: rankingChartOption(block, bands), ...reportRankingChart(ranked) }) - 1;
    const scored = block.units.some((u) => u.fields.length > 0);
    const framework = scored ? requireFramework(ws, year, block.code) : null;
    const scores = framework ? getScores(ws, year, { blockCode: block.code }) : [];
    const pareto = framework ? blockLeafLosses(framework, scores, block.units).slice(0, 5) : [];
    const above = framework
      ? block.units
          .map((u) => ({ unit: u, total: selfAboveAppraised(unitLeafLosses(framework, scores, u.code)).reduce((s, l) => s + (l.selfAboveAppraised ?? 0), 0) }))
          .filter((x) => x.total > 0.005)
          .sort((a, b) => b.total - a.total)
          .slice(0, 5)
      : [];
    parts.push((pngs) => [
      heading(`${section1++}. Kết quả ${block.name.toLowerCase()} năm ${year}`),
      ...analysis.sentences.map((s) => body(s)),
      picture(pngs[chartAt], CHART_W, charts[chartAt].height),
      ...(pareto.length
        ? [
            body(`Các tiêu chí thành phần ${block.name.toLowerCase()} bị mất nhiều điểm nhất (cộng cả khối):`),
            dataTable(
              ['Tiêu chí', 'Nội dung', 'Điểm bị mất', 'Tỷ lệ', 'Cộng dồn'],
              pareto.map((l) => [l.code, l.title, formatNumber(l.lost), formatPercent(l.share, 1), formatPercent(l.cumulativeShare, 1)]),
              { widths: [10, 51, 13, 13, 13], numeric: [false, false, true, true, true] },
            ),
          ]
        : []),
      ...(above.length
        ? [body(`Đơn vị tự chấm cao hơn điểm thẩm định nhiều nhất: ${above.map((x) => `${x.unit.name} (${formatNumber(x.total)} điểm)`).join('; ')}.`)]
        : []),
    ]);
  }

  const pngs = await chartsAsPng(charts, options.chromiumPath);
  const children: (Paragraph | Table)[] = [
    documentHeading(head),
    centered([text('BÁO CÁO', { bold: true })], 0),
    centered([text(`Phân tích kết quả Chỉ số cải cách hành chính (PAR INDEX) và Chỉ số hài lòng về sự phục vụ hành chính (SIPAS) năm ${year}`, { bold: true })], 240),
    ...parts.flatMap((p) => p(pngs)),
    heading(`${section1}. Đề xuất, kiến nghị`),
    body([text('(Phần này do cán bộ soạn thảo bổ sung.)', { italics: true })]),
    signature(['UBND tỉnh (để báo cáo)', 'Các sở, ban, ngành', 'UBND các xã, phường', 'Lưu: VT, CCHC'], settings.signerTitle ?? 'GIÁM ĐỐC', settings.signerName ?? ''),
  ];
  const doc = documentOf(`Báo cáo phân tích kết quả Chỉ số CCHC và SIPAS năm ${year}`, [section(children)]);
  writeFileAtomically(out, await Packer.toBuffer(doc));
  return { file: out };
}
