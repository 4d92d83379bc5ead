import { describe, expect, it } from 'vitest';
import type { BlockResult, UnitResult } from '../../../shared/domain';
import type { BlockLeafLoss, LeafLoss } from '../../../shared/compare';
import {
  NO_BAND_COLOR,
  bandColors,
  distributionOption,
  fieldComparisonOption,
  heatmapOption,
  histogramBins,
  paretoOption,
  paretoTooltip,
  unitLossesOption,
  rankArrow,
  rankingChartOption,
  yearOverYearOption,
} from '../../../shared/print';

// Options are plain data; these helpers read the parts a person sees.
type AnySeries = { name: string; type: string; data: unknown[]; itemStyle?: { color: string }; markLine?: { data: unknown[]; label: { formatter: string } } };
const seriesOf = (option: unknown) => (option as { series: AnySeries[] }).series;
const axis = (option: unknown, which: 'xAxis' | 'yAxis') => (option as Record<string, { data: string[] }>)[which];
const labelOf = (item: unknown) => (item as { label: { formatter: string } }).label.formatter;

function unit(code: string, name: string, index: number, rank: number | null, band: string | null, extra: Partial<UnitResult> = {}): UnitResult {
  return {
    code,
    name,
    blockCode: 'xa',
    ranked: rank !== null,
    total: index,
    max: 100,
    index,
    rank,
    band,
    provisional: false,
    submitted: true,
    scored: true,
    fields: [
      { code: 'I', title: 'Chỉ đạo, điều hành', score: index / 10, max: 10, index: index - 2, rank: null, previous: null, deltaIndex: null, deltaRank: null },
      { code: 'II', title: 'Thủ tục hành chính', score: index / 10, max: 10, index: index + 2, rank: null, previous: null, deltaIndex: null, deltaRank: null },
    ],
    previous: null,
    deltaIndex: null,
    deltaRank: null,
    fieldsUp: null,
    fieldsDown: null,
    fieldsUpBoth: null,
    fieldsDownBoth: null,
    ...extra,
  };
}

const bands = [
  { name: 'Tốt', min: 90 },
  { name: 'Khá', min: 80 },
  { name: 'Trung bình', min: 0 },
];

const block: BlockResult = {
  code: 'xa',
  name: 'Khối xã',
  average: 84.2575,
  units: [
    unit('X1', 'Xã Đồng Đăng', 93.125, 1, 'Tốt', { previous: { year: 2024, index: 89.815, rank: 3 }, deltaIndex: 3.31, deltaRank: 2 }),
    unit('X2', 'Phường Đông Kinh', 85.5, 2, 'Khá', { previous: { year: 2024, index: 86, rank: 1 }, deltaIndex: -0.5, deltaRank: -1 }),
    unit('X3', 'Xã Hữu Lũng', 81.405, 3, 'Khá'),
    unit('X4', 'Xã Chi Lăng', 77, 4, 'Trung bình'),
    unit('X5', 'Ban Quản lý khu kinh tế', 99, null, 'Tốt'),
  ],
};

describe('ranking chart', () => {
  const option = rankingChartOption(block, bands);

  it('places ranked units best first, one stacked series per band in band order', () => {
    expect(axis(option, 'yAxis').data).toEqual(['1. Xã Đồng Đăng', '2. Phường Đông Kinh', '3. Xã Hữu Lũng', '4. Xã Chi Lăng']);
    const series = seriesOf(option);
    expect(series.map((s) => s.name)).toEqual(['Tốt', 'Khá', 'Trung bình']);
    expect(series.map((s) => s.itemStyle!.color)).toEqual(['#1b7a3d', '#1f5fa8', '#d18b00']);
    expect(series[1].data.map((d) => (d === null ? null : (d as { value: number }).value))).toEqual([null, 85.5, 81.405, null]);
    expect(labelOf(series[0].data[0])).toBe('93,13%');
  });

  it('draws the block average, shown the Vietnamese way', () => {
    const line = seriesOf(option)[0].markLine!;
    expect(line.data).toEqual([{ xAxis: 84.2575 }]);
    expect(line.label.formatter).toBe('Bình quân 84,26%');
  });

  it('colours bands best first and leaves unbanded units grey', () => {
    expect([...bandColors([{ name: 'C', min: 70 }, { name: 'A', min: 90 }])]).toEqual([
      ['A', '#1b7a3d'],
      ['C', '#1f5fa8'],
    ]);
    const noBands = rankingChartOption({ ...block, units: block.units.map((u) => ({ ...u, band: null })) }, []);
    expect(seriesOf(noBands).map((s) => [s.name, s.itemStyle!.color])).toEqual([['Chưa xếp loại', NO_BAND_COLOR]]);
  });
});

describe('comparison charts', () => {
  it('compares the chosen units field by field with the block average', () => {
    const option = fieldComparisonOption(block, ['X2', 'X4', 'missing']);
    expect(axis(option, 'xAxis').data).toEqual(['I', 'II']);
    const series = seriesOf(option);
    expect(series.map((s) => s.name)).toEqual(['Phường Đông Kinh', 'Xã Chi Lăng', 'Bình quân khối xã']);
    expect(series[0].data.map((d) => (d as { value: number }).value)).toEqual([83.5, 87.5]);
    // ranked units only: (91.125 + 83.5 + 79.405 + 75) / 4
    expect((series[2].data[0] as { value: number }).value).toBeCloseTo(82.2575, 10);
    expect(labelOf(series[2].data[0])).toBe('82,26%');
  });

  it('fills the heatmap with one cell per unit and field', () => {
    const option = heatmapOption(block);
    const data = seriesOf(option)[0].data as { value: [number, number, number]; label: { formatter: string } }[];
    expect(data).toHaveLength(10);
    expect(data[0]).toEqual({ value: [0, 0, 91.125], label: { formatter: '91,1' } });
    expect(axis(option, 'yAxis').data[4]).toBe('Ban Quản lý khu kinh tế');
    expect((option as { visualMap: { min: number; max: number } }).visualMap).toMatchObject({ min: 70, max: 100 });
  });

  it('shows last year and this year with the change of index and places', () => {
    const option = yearOverYearOption(block, 2025);
    expect(axis(option, 'yAxis').data).toEqual(['Xã Đồng Đăng', 'Phường Đông Kinh']);
    const [previous, current] = seriesOf(option);
    expect(previous.name).toBe('Năm 2024');
    expect(previous.data).toEqual([{ value: 89.815 }, { value: 86 }]);
    expect(current.data.map(labelOf)).toEqual(['+3,31 ↑2', '-0,50 ↓1']);
    expect([rankArrow(0), rankArrow(null)]).toEqual(['=', '']);
  });

  it('counts units per band of five points', () => {
    expect(histogramBins([77, 81.405, 85.5, 93.125, 99, 100]).map((b) => [b.label, b.count])).toEqual([
      ['75–<80', 1],
      ['80–<85', 1],
      ['85–<90', 1],
      ['90–<95', 1],
      ['95–100', 2],
    ]);
    expect(histogramBins([])).toEqual([]);
    const option = distributionOption(block);
    expect(seriesOf(option)[0].data).toEqual([1, 1, 1, 1, 1]);
  });

  it('draws the Pareto of lost points with the running share', () => {
    const losses: BlockLeafLoss[] = [
      { code: '2.2', title: 'Đúng hạn', fieldCode: 'II', max: 6, lost: 6.5, units: [], applicableUnits: 4, share: 65, cumulativeShare: 65 },
      { code: '1.1', title: 'Kế hoạch', fieldCode: 'I', max: 2, lost: 2.5, units: [], applicableUnits: 4, share: 25, cumulativeShare: 90 },
      { code: '3.1', title: 'Trực tuyến', fieldCode: 'III', max: 4, lost: 1, units: [], applicableUnits: 4, share: 10, cumulativeShare: 100 },
    ];
    const option = paretoOption(losses, 2);
    expect(axis(option, 'xAxis').data).toEqual(['2.2', '1.1']);
    const [bars, line] = seriesOf(option);
    expect(bars.data.map(labelOf)).toEqual(['6,5', '2,5']);
    expect(line.data.map((d) => (d as { value: number }).value)).toEqual([65, 90]);
    expect(line.markLine!.data).toEqual([{ yAxis: 80 }]);
  });
});

describe('points-lost charts', () => {
  it('lists the units behind a Pareto bar in its tooltip, escaped', () => {
    const loss: BlockLeafLoss = {
      code: '2.2',
      title: 'Hồ sơ <đúng hạn>',
      fieldCode: 'II',
      max: 6,
      lost: 4.5,
      units: [
        { unitCode: 'X1', unitName: 'Xã Đồng Đăng', lost: 2.5 },
        { unitCode: 'X2', unitName: 'Phường Đông Kinh', lost: 1.5 },
        { unitCode: 'X3', unitName: 'Xã Hữu Lũng', lost: 0.5 },
      ],
      applicableUnits: 3,
      share: 45,
      cumulativeShare: 45,
    };
    expect(paretoTooltip(loss, 2)).toBe(
      '<b>2.2</b> Hồ sơ &lt;đúng hạn&gt;<br>Tổng điểm bị mất: 4,5 (45,00%; lũy kế 45,00%)<br>Xã Đồng Đăng: 2,5<br>Phường Đông Kinh: 1,5<br>và 1 đơn vị khác',
    );
    expect(paretoTooltip(undefined)).toBe('');
  });

  it("shows a unit's largest losses beside its self scores above the appraisal", () => {
    const leaf = (code: string, lost: number, above: number | null): LeafLoss => ({
      code,
      title: `Tiêu chí ${code}`,
      fieldCode: 'I',
      method: 'free',
      max: 4,
      score: 4 - lost,
      lost,
      selfScore: above === null ? null : 4 - lost + above,
      appraisedScore: 4 - lost,
      selfAboveAppraised: above,
      note: null,
      explanation: null,
    });
    const option = unitLossesOption([leaf('1.1', 0.5, null), leaf('1.2', 2, 1.5), leaf('1.3', 0, null), leaf('2.1', 1, null)], 2);
    expect(axis(option, 'yAxis').data).toEqual(['1.2 Tiêu chí 1.2', '2.1 Tiêu chí 2.1']);
    const [lost, above] = seriesOf(option);
    expect(lost.data.map(labelOf)).toEqual(['2', '1']);
    expect(above.data.map((d) => (d as { value: number }).value)).toEqual([1.5, 0]);
  });
});
