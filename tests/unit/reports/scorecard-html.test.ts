import { describe, expect, it } from 'vitest';
import type { UnitResult } from '../../../shared/domain';
import type { LeafLoss } from '../../../shared/compare';
import { FULL_LAYOUT, groupNotes, scorecardChartOption, scorecardFileName, type ScorecardData } from '../../../shared/print';
import { buildCombinedScorecardHtml, buildScorecardHtml } from '../../../shared/print/scorecard-view';

const unit: UnitResult = {
  code: 'X<1>',
  name: 'Xã Đồng Đăng & "Bắc"',
  blockCode: 'xa',
  ranked: true,
  total: 87.114,
  max: 100,
  index: 87.114,
  rank: 3,
  band: 'Khá',
  provisional: true,
  submitted: true,
  scored: true,
  fields: [{ code: 'I', title: 'Chỉ đạo, điều hành', score: 8.7114, max: 10, index: 87.114, rank: null, previous: null, deltaIndex: null, deltaRank: null }],
  previous: { year: 2024, index: 83.8, rank: 16 },
  deltaIndex: 3.314,
  deltaRank: 13,
  fieldsUp: null,
  fieldsDown: null,
  fieldsUpBoth: null,
  fieldsDownBoth: null,
};

const card: ScorecardData = {
  province: 'Tỉnh Mẫu',
  issuer: 'Sở Nội vụ',
  year: 2025,
  periodName: 'Chỉ số CCHC năm 2025',
  sample: true,
  block: { code: 'xa', name: 'Khối xã', average: 84.5, rankedUnits: 65 },
  unit,
  fields: [{ code: 'I', title: 'Chỉ đạo, điều hành', score: 8.7114, max: 10, index: 87.114, blockAverage: 84.5, deltaIndex: -1.25, rank: 2, deltaRank: -1 }],
  largestLosses: [
    {
      code: '1.2',
      title: 'Mức độ hoàn thành kế hoạch <CCHC>',
      fieldCode: 'I',
      method: 'free',
      max: 4,
      score: 2.5,
      lost: 1.5,
      selfScore: 4,
      appraisedScore: 2.5,
      selfAboveAppraised: 1.5,
      note: 'Thiếu báo cáo',
      explanation: null,
    },
  ],
  selfAbove: { count: 1, points: 1.5 },
  missingEvidence: { count: 0, points: 0 },
  notes: [],
  satisfaction: null,
  issuedOn: '05/01/2026',
  signer: { place: 'Lạng Sơn', title: 'KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC', name: 'Nguyễn Văn An' },
  published: false,
  decision: null,
};

describe('scorecard HTML', () => {
  const html = buildScorecardHtml({ data: card, chartSvg: '<svg id="chart"></svg>' }, { fontCss: '@font-face{font-family:Tinos}' });

  it('shows the figures the Vietnamese way', () => {
    expect(html).toContain('87,11%');
    expect(html).toContain('87,11/100 điểm');
    expect(html).toContain('3/65 trong khối xã');
    expect(html).toContain('So với năm 2024: tăng 3,31% và tăng 13 bậc.');
    expect(html).toContain('83,80%, hạng 16');
    expect(html).toContain('<td class="num">-1,25</td>');
    expect(html).toContain('Lạng Sơn, ngày 05 tháng 01 năm 2026');
    expect(html).toContain('Kết quả tạm tính: kết quả năm 2025 chưa được công bố.');
    expect(html).toContain('DỮ LIỆU MẪU');
    expect(html).toContain('Có 1 tiêu chí thành phần đơn vị tự chấm cao hơn điểm thẩm định (tổng chênh lệch 1,5 điểm)');
    expect(html).toContain('Không có ý kiến thẩm định.');
  });

  it('ends with the signer\'s block, and says nothing of provisional results once the year is published', () => {
    expect(html).toMatch(/<div class="signature"><div class="upper bold">KT. GIÁM ĐỐC<\/div><div class="upper bold">PHÓ GIÁM ĐỐC<\/div><div class="sign-space"><\/div><div class="bold">Nguyễn Văn An<\/div><\/div><\/section>/);
    const published = buildScorecardHtml(
      { data: { ...card, published: true, unit: { ...card.unit, provisional: false } }, chartSvg: '<svg></svg>' },
      { fontCss: '' },
    );
    expect(published).not.toContain('tạm tính');
    const decided = buildScorecardHtml(
      { data: { ...card, published: true, decision: { decision: '123/QĐ-UBND', date: '2026-01-15' }, unit: { ...card.unit, provisional: false } }, chartSvg: '<svg></svg>' },
      { fontCss: '' },
    );
    expect(decided).toContain('Kết quả chính thức theo Quyết định số 123/QĐ-UBND ngày 15/01/2026.');
    expect(decided).not.toContain('tạm tính');
  });

  it('escapes names and titles and embeds the fonts and the chart', () => {
    expect(html).toContain('Xã Đồng Đăng &amp; &quot;Bắc&quot;');
    expect(html).toContain('Mức độ hoàn thành kế hoạch &lt;CCHC&gt;');
    expect(html).not.toContain('<CCHC>');
    expect(html).toContain('@font-face{font-family:Tinos}');
    expect(html).toContain('<svg id="chart"></svg>');
    expect(html).toContain('size: A4 portrait');
    expect(html).toContain('"Trang " counter(page) "/" counter(pages)');
  });

  it('numbers each card of a combined document on its own', () => {
    const pages = [1, 2, 1].map(() => ({ data: card, chartSvg: '' }));
    const combined = buildCombinedScorecardHtml(pages, [1, 2, 1], { fontCss: '' });
    expect(combined).toContain('@counter-style card1 { system: fixed 1; symbols: "1"; }');
    expect(combined).toContain('@counter-style card2 { system: fixed 2; symbols: "1" "2"; }');
    expect(combined).toContain('@counter-style card3 { system: fixed 4; symbols: "1"; }');
    expect(combined).toContain('content: "Trang " counter(page, card2) "/2"');
    expect(combined.match(/<section class="scorecard" style="page:card\d"/g)).toHaveLength(3);
  });

  it('names files safely and draws the unit beside the block average', () => {
    // a code that cleans to another's carries its own hash
    expect(scorecardFileName(2025, 'xa', 'X<1>')).toMatch(/^Phieu-ket-qua-2025-xa-X_1_~[0-9a-f]{6}\.pdf$/);
    expect(scorecardFileName(2025, 'xa', 'X_1_')).toBe('Phieu-ket-qua-2025-xa-X_1_.pdf');
    const option = scorecardChartOption(card) as { series: { name: string; data: { value: number }[] }[] };
    expect(option.series.map((s) => s.name)).toEqual(['Xã Đồng Đăng & "Bắc"', 'Bình quân khối xã']);
    expect(option.series.map((s) => s.data[0].value)).toEqual([87.114, 84.5]);
  });
});

describe('appraisal notes on the card', () => {
  const note = (code: string, text: string): LeafLoss => ({ ...card.largestLosses[0], code, title: `Tiêu chí ${code}`, note: text });
  const notes = [note('1.1', 'Chậm'), note('2.1', 'Chưa thẩm định'), note('2.2', 'Chưa thẩm định'), note('3.1', 'Thiếu TLKC'), note('3.2', ' Chưa thẩm định ')];

  it('groups sub-criteria that share one note, in the order first met', () => {
    expect(groupNotes(notes).map((g) => [g.codes, g.note])).toEqual([
      [['1.1'], 'Chậm'],
      [['2.1', '2.2', '3.2'], 'Chưa thẩm định'],
      [['3.1'], 'Thiếu TLKC'],
    ]);
  });

  it('prints all notes, or as many as the layout allows and says how many are left', () => {
    const html = (layout: typeof FULL_LAYOUT) =>
      buildScorecardHtml({ data: { ...card, notes }, chartSvg: '', layout }, { fontCss: '' });
    const full = html(FULL_LAYOUT);
    expect(full).toContain('<li><b>2.1, 2.2, 3.2</b> (3 tiêu chí thành phần): Chưa thẩm định</li>');
    expect(full).toContain('<li><b>1.1</b> Tiêu chí 1.1: Chậm</li>');
    expect(full).not.toContain('class="scorecard compact"');
    const limited = html({ compact: true, noteLimit: 1 });
    expect(limited).toContain('class="scorecard compact"');
    expect(limited.match(/<li>/g)).toHaveLength(1);
    expect(limited).toContain('Còn 2 ý kiến thẩm định khác không in hết trên phiếu');
    expect(html({ compact: true, noteLimit: 0 })).toContain('Có 3 ý kiến thẩm định không in hết trên phiếu');
  });
});
