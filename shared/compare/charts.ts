// ECharts options for the comparison views and the scorecard, built from results as plain
// data (labels already in vi-VN form), so the screen and the printed page draw the same thing.
import type { EChartsOption } from 'echarts';
import type { Band, BlockResult, UnitResult } from '../domain';
import { formatDecimal, formatNumber, formatPercent } from '../format';
import { escapeHtml } from '../text';
import { blockFieldAverages, blockFields, rankedUnits } from './compare';
import { largestLosses, type BlockLeafLoss, type LeafLoss } from './points-lost';

export const CHART_FONT = "Tinos, 'Times New Roman', serif";

/** Band colours from the best band down; units without a band are grey. */
const BAND_PALETTE = ['#1b7a3d', '#1f5fa8', '#d18b00', '#c0392b', '#7b3fa0', '#5d4037'];
export const NO_BAND_COLOR = '#9e9e9e';
export const UNIT_COLOR = '#1f4e8c';
export const AVERAGE_COLOR = '#b0b7c3';
const UNIT_PALETTE = ['#1f4e8c', '#c0392b', '#1b7a3d', '#d18b00', '#7b3fa0', '#00838f'];

/** The colour of every band, the best band first. */
export function bandColors(bands: Band[]): Map<string, string> {
  return new Map(
    [...bands].sort((a, b) => b.min - a.min).map((b, i) => [b.name, BAND_PALETTE[i % BAND_PALETTE.length]]),
  );
}

/** The band names of a block in legend order: settings first (best first), then any others met. */
function bandOrder(block: BlockResult, bands: Band[]): string[] {
  const names = [...bands].sort((a, b) => b.min - a.min).map((b) => b.name);
  for (const u of block.units) if (u.band !== null && !names.includes(u.band)) names.push(u.band);
  return names;
}

const NO_BAND = 'Chưa xếp loại';

const baseText = { textStyle: { fontFamily: CHART_FONT } } satisfies EChartsOption;

/** A chart's title, centred above its legend. */
function heading(text: string) {
  return { text, left: 'center', top: 4, textStyle: { fontSize: 16, fontFamily: CHART_FONT } };
}
const LEGEND_TOP = 34;
/** Room for the title and legend, and for axis labels that text measurement without a browser underestimates. */
const FRAMED_GRID = { left: 24, right: 24, top: 72, bottom: 12, containLabel: true };

/** Height of a unit on a bar chart's category axis, in CSS pixels. */
export const UNIT_ROW = 24;

/** Chart heights that grow with the units or fields on their category axis, so that their labels have room. */
export const rankingChartHeight = (units: number) => 110 + UNIT_ROW * units;
export const heatmapChartHeight = (units: number) => 150 + UNIT_ROW * units;
export const changeChartHeight = (units: number) => Math.round(110 + UNIT_ROW * 1.4 * units);

function percentLabel(value: number | null): string {
  return value === null ? '' : formatPercent(value);
}

/**
 * The ranking of a block: one horizontal bar per ranked unit, best at the top, coloured by
 * band (one legend entry per band), with the block average as a line.
 */
export function rankingChartOption(block: BlockResult, bands: Band[]): EChartsOption {
  const units = rankedUnits(block).filter((u) => u.index !== null);
  const colors = bandColors(bands);
  const groups = [...bandOrder(block, bands), NO_BAND].filter((name) =>
    units.some((u) => (u.band ?? NO_BAND) === name),
  );
  const series = groups.map((name, i) => ({
    type: 'bar' as const,
    name,
    stack: 'index',
    barMaxWidth: 18,
    itemStyle: { color: colors.get(name) ?? NO_BAND_COLOR },
    label: { show: true, position: 'right' as const, fontSize: 10 },
    // where rows are tighter than the text (a report's page holding a hundred units) a value that would touch its neighbour is left out
    labelLayout: { hideOverlap: true },
    data: units.map((u) =>
      (u.band ?? NO_BAND) === name ? { value: u.index!, label: { formatter: percentLabel(u.index) } } : null,
    ),
    ...(i === 0 && block.average !== null
      ? {
          markLine: {
            symbol: 'none',
            silent: true,
            lineStyle: { color: '#333', type: 'dashed' as const },
            label: { formatter: `Bình quân ${formatPercent(block.average)}`, position: 'start' as const },
            data: [{ xAxis: block.average }],
          },
        }
      : {}),
  }));
  return {
    ...baseText,
    title: heading(`Xếp hạng ${block.name}`),
    legend: { top: LEGEND_TOP, data: groups },
    grid: { ...FRAMED_GRID, right: 60 },
    xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: units.map((u) => `${u.rank}. ${u.name}`),
      axisLabel: { fontSize: 10 },
    },
    series,
  };
}

/** Width of a unit's name in the field comparison's legend, in CSS pixels; longer names are cut ("…"). */
const FIELD_LEGEND_WIDTH = 170;

/** Component indices of the chosen units field by field, beside the block average. */
export function fieldComparisonOption(block: BlockResult, unitCodes: string[]): EChartsOption {
  const fields = blockFields(block);
  const averages = blockFieldAverages(block);
  const chosen = unitCodes
    .map((code) => block.units.find((u) => u.code === code))
    .filter((u): u is UnitResult => u !== undefined);
  const indexOf = (unit: UnitResult, code: string) => unit.fields.find((f) => f.code === code)?.index ?? null;
  return {
    ...baseText,
    title: heading('Chỉ số thành phần theo lĩnh vực'),
    // unit names are long and up to seven: one a line on the right, cut to a width, whole in the tooltip
    legend: {
      orient: 'vertical',
      right: 8,
      top: 'middle',
      itemWidth: 14,
      itemHeight: 10,
      textStyle: { width: FIELD_LEGEND_WIDTH, overflow: 'truncate' },
      tooltip: { show: true },
    },
    grid: { ...FRAMED_GRID, top: 48, right: FIELD_LEGEND_WIDTH + 48 },
    xAxis: { type: 'category', data: fields.map((f) => f.code), axisLabel: { interval: 0, hideOverlap: false } },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      ...chosen.map((unit, i) => ({
        type: 'bar' as const,
        name: unit.name,
        itemStyle: { color: UNIT_PALETTE[i % UNIT_PALETTE.length] },
        data: fields.map((f) => {
          const v = indexOf(unit, f.code);
          return { value: v, label: { formatter: percentLabel(v) } };
        }),
      })),
      {
        type: 'bar' as const,
        name: `Bình quân ${block.name.toLowerCase()}`,
        itemStyle: { color: AVERAGE_COLOR },
        data: fields.map((f) => {
          const v = averages.get(f.code) ?? null;
          return { value: v, label: { formatter: percentLabel(v) } };
        }),
      },
    ],
  };
}

/** Units (rows, in ranking order) × fields (columns), each cell the component index. */
export function heatmapOption(block: BlockResult): EChartsOption {
  const fields = blockFields(block);
  const units = block.units;
  const data: { value: [number, number, number]; label: { formatter: string } }[] = [];
  units.forEach((unit, y) =>
    fields.forEach((field, x) => {
      const index = unit.fields.find((f) => f.code === field.code)?.index ?? null;
      if (index !== null) data.push({ value: [x, y, index], label: { formatter: formatDecimal(index, 1) } });
    }),
  );
  const values = data.map((d) => d.value[2]);
  const low = values.length ? Math.floor(Math.min(...values) / 10) * 10 : 0;
  return {
    ...baseText,
    title: heading(`Chỉ số thành phần — ${block.name}`),
    grid: { ...FRAMED_GRID, top: 56, bottom: 60 },
    xAxis: { type: 'category', data: fields.map((f) => f.code), position: 'top', splitArea: { show: true } },
    yAxis: { type: 'category', inverse: true, data: units.map((u) => u.name), splitArea: { show: true }, axisLabel: { fontSize: 10 } },
    visualMap: {
      min: low,
      max: 100,
      calculable: true,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      inRange: { color: ['#c0392b', '#f4d03f', '#1b7a3d'] },
      formatter: '{value}%',
    },
    series: [{ type: 'heatmap', name: 'Chỉ số thành phần', data, label: { show: true, fontSize: 9 } }],
  };
}

/** Short form of a change of rank for chart labels: "↑13", "↓2", "=". */
export function rankArrow(deltaRank: number | null): string {
  if (deltaRank === null) return '';
  return deltaRank > 0 ? `↑${deltaRank}` : deltaRank < 0 ? `↓${-deltaRank}` : '=';
}

/** Previous and current index of every unit with a previous figure, and the places gained or lost. */
export function yearOverYearOption(block: BlockResult, year: number): EChartsOption {
  const units = block.units.filter((u) => u.previous !== null && u.index !== null);
  const previousYear = units[0]?.previous?.year ?? year - 1;
  return {
    ...baseText,
    title: heading(`Thay đổi so với năm ${previousYear}`),
    legend: { top: LEGEND_TOP },
    grid: { ...FRAMED_GRID, right: 110 },
    xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', inverse: true, data: units.map((u) => u.name), axisLabel: { fontSize: 10 } },
    series: [
      {
        type: 'bar',
        name: `Năm ${previousYear}`,
        itemStyle: { color: AVERAGE_COLOR },
        data: units.map((u) => ({ value: u.previous!.index })),
      },
      {
        type: 'bar',
        name: `Năm ${year}`,
        itemStyle: { color: UNIT_COLOR },
        label: { show: true, position: 'right', fontSize: 10 },
        data: units.map((u) => {
          const sign = u.deltaIndex! > 0 ? '+' : '';
          const arrow = rankArrow(u.deltaRank);
          return {
            value: u.index!,
            label: { formatter: `${sign}${formatDecimal(u.deltaIndex!)}${arrow ? ` ${arrow}` : ''}` },
          };
        }),
      },
    ],
  };
}

export interface HistogramBin {
  /** lower bound, included */
  from: number;
  /** upper bound, excluded (the last bin includes 100) */
  to: number;
  label: string;
  count: number;
}

/** Counts of indices per bin of `width` points, from the bin of the lowest index up to 100. */
export function histogramBins(indices: number[], width = 5): HistogramBin[] {
  if (indices.length === 0) return [];
  const start = Math.floor(Math.min(...indices) / width) * width;
  const bins: HistogramBin[] = [];
  for (let from = start; from < 100; from += width) {
    const to = Math.min(from + width, 100);
    bins.push({ from, to, label: `${formatNumber(from)}–<${formatNumber(to)}`, count: 0 });
  }
  if (bins.length === 0) bins.push({ from: 100, to: 100, label: '100', count: 0 });
  const last = bins[bins.length - 1];
  last.label = `${formatNumber(last.from)}–${formatNumber(last.to)}`;
  for (const v of indices) {
    const bin = bins.find((b) => v >= b.from && v < b.to) ?? (v >= last.from ? last : bins[0]);
    bin.count++;
  }
  return bins;
}

/** How the indices of a block's units spread: units per band of `width` points. */
export function distributionOption(block: BlockResult, width = 5): EChartsOption {
  const bins = histogramBins(
    block.units.filter((u) => u.index !== null).map((u) => u.index!),
    width,
  );
  return {
    ...baseText,
    title: heading(`Phân bố chỉ số — ${block.name}`),
    grid: { ...FRAMED_GRID, top: 64, bottom: 36 },
    xAxis: { type: 'category', data: bins.map((b) => b.label), name: 'Chỉ số (%)', nameLocation: 'middle', nameGap: 28 },
    yAxis: { type: 'value', minInterval: 1, name: 'Số đơn vị', nameTextStyle: { align: 'left' } },
    series: [
      {
        type: 'bar',
        name: 'Số đơn vị',
        itemStyle: { color: UNIT_COLOR },
        label: { show: true, position: 'top' },
        data: bins.map((b) => b.count),
      },
    ],
  };
}

/** Points the block lost per sub-criterion, largest first, with the running share (Pareto). */
export function paretoOption(losses: BlockLeafLoss[], limit = 20): EChartsOption {
  const shown = losses.slice(0, limit);
  return {
    ...baseText,
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const index = (params as { dataIndex: number }[])[0]?.dataIndex ?? 0;
        return paretoTooltip(shown[index]);
      },
    },
    title: heading('Các tiêu chí thành phần bị mất nhiều điểm nhất'),
    legend: { top: LEGEND_TOP },
    grid: FRAMED_GRID,
    xAxis: { type: 'category', data: shown.map((l) => l.code), axisLabel: { interval: 0, rotate: shown.length > 12 ? 45 : 0 } },
    yAxis: [
      { type: 'value', name: 'Điểm bị mất', minInterval: 0.5, nameTextStyle: { align: 'left' } },
      { type: 'value', name: 'Lũy kế', min: 0, max: 100, axisLabel: { formatter: '{value}%' }, nameTextStyle: { align: 'right' } },
    ],
    series: [
      {
        type: 'bar',
        name: 'Tổng điểm bị mất',
        itemStyle: { color: '#c0392b' },
        data: shown.map((l) => ({ value: l.lost, label: { formatter: formatNumber(l.lost) } })),
      },
      {
        type: 'line',
        name: 'Tỷ lệ lũy kế',
        yAxisIndex: 1,
        itemStyle: { color: '#333' },
        data: shown.map((l) => ({ value: l.cumulativeShare, label: { formatter: formatPercent(l.cumulativeShare, 0) } })),
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { type: 'dashed', color: '#888' },
          label: { formatter: '80%', position: 'insideEndTop' },
          data: [{ yAxis: 80 }],
        },
      },
    ],
  };
}

/** The tooltip of a Pareto bar: the sub-criterion and the units behind its loss (HTML, escaped). */
export function paretoTooltip(loss: BlockLeafLoss | undefined, unitsShown = 8): string {
  if (!loss) return '';
  const esc = escapeHtml;
  const units = loss.units.slice(0, unitsShown).map((u) => `${esc(u.unitName)}: ${formatNumber(u.lost)}`);
  const more = loss.units.length - units.length;
  return [
    `<b>${esc(loss.code)}</b> ${esc(loss.title)}`,
    `Tổng điểm bị mất: ${formatNumber(loss.lost)} (${formatPercent(loss.share)}; lũy kế ${formatPercent(loss.cumulativeShare)})`,
    ...units,
    ...(more > 0 ? [`và ${more} đơn vị khác`] : []),
  ].join('<br>');
}

/** Where one unit lost most points, and by how much its self score exceeded the appraisal there. */
export function unitLossesOption(losses: LeafLoss[], limit = 10): EChartsOption {
  const shown = largestLosses(losses, limit);
  return {
    ...baseText,
    title: heading('Các tiêu chí thành phần bị mất nhiều điểm nhất'),
    legend: { top: LEGEND_TOP },
    grid: { ...FRAMED_GRID, right: 40, bottom: 32 },
    xAxis: { type: 'value', name: 'Điểm', nameLocation: 'middle', nameGap: 24, minInterval: 0.25 },
    yAxis: { type: 'category', inverse: true, data: shown.map((l) => `${l.code} ${l.title}`), axisLabel: { width: 260, overflow: 'truncate' } },
    series: [
      {
        type: 'bar',
        name: 'Điểm bị mất',
        itemStyle: { color: '#c0392b' },
        label: { show: true, position: 'right', fontSize: 10 },
        // the two bars of a sub-criterion lie close: their values move apart rather than cross
        labelLayout: { moveOverlap: 'shiftY' },
        data: shown.map((l) => ({ value: l.lost, label: { formatter: formatNumber(l.lost) } })),
      },
      {
        type: 'bar',
        name: 'Tự chấm cao hơn thẩm định',
        itemStyle: { color: '#d18b00' },
        label: { fontSize: 10 },
        labelLayout: { moveOverlap: 'shiftY' },
        data: shown.map((l) => ({
          value: l.selfAboveAppraised ?? 0,
          label: { show: l.selfAboveAppraised !== null, position: 'right' as const, formatter: formatNumber(l.selfAboveAppraised ?? 0) },
        })),
      },
    ],
  };
}

/** Value labels on paper: black, without the white outline drawn as a second copy of the text. */
const PRINT_LABEL = { show: true, position: 'top' as const, fontSize: 10, color: '#000', textBorderWidth: 0 };
/** With many fields the values of neighbouring bars could touch: one of two that would is left out (the table above has them all). */
const PRINT_LABEL_LAYOUT = { hideOverlap: true };

/** The scorecard's chart: the unit's component index per field beside the block average. */
export function scorecardFieldsOption(unit: UnitResult, averages: Map<string, number | null>, blockName: string): EChartsOption {
  const fields = unit.fields.filter((f) => f.index !== null);
  return {
    ...baseText,
    textStyle: { fontFamily: CHART_FONT, fontSize: 12, color: '#000' },
    legend: { top: 0, itemWidth: 14, itemHeight: 10, textStyle: { fontFamily: CHART_FONT, fontSize: 12 } },
    grid: { left: 4, right: 4, top: 30, bottom: 4, containLabel: true },
    xAxis: { type: 'category', data: fields.map((f) => f.code), axisLabel: { interval: 0, fontSize: 12, color: '#000' } },
    yAxis: { type: 'value', min: 0, max: 100, interval: 20, axisLabel: { formatter: '{value}%', fontSize: 11, color: '#000' } },
    series: [
      {
        type: 'bar',
        name: unit.name,
        barGap: '10%',
        itemStyle: { color: UNIT_COLOR },
        label: { ...PRINT_LABEL },
        labelLayout: PRINT_LABEL_LAYOUT,
        data: fields.map((f) => ({ value: f.index!, label: { formatter: formatDecimal(f.index!, 1) } })),
      },
      {
        type: 'bar',
        name: `Bình quân ${blockName.toLowerCase()}`,
        itemStyle: { color: AVERAGE_COLOR },
        label: { ...PRINT_LABEL },
        labelLayout: PRINT_LABEL_LAYOUT,
        data: fields.map((f) => {
          const v = averages.get(f.code) ?? null;
          return { value: v, label: { formatter: v === null ? '' : formatDecimal(v, 1) } };
        }),
      },
    ],
  };
}
