// The comparison screen apart from React: the charts of a block (which, how tall, under what
// file name), which unit a click on a chart points at, the units compared field by field,
// and the what-if's hypotheses as typed.
import type { ECElementEvent, EChartsOption } from 'echarts';
import type { ChannelOutput } from '../../../shared/contract';
import type { HypotheticalScoreInput } from '../../../shared/compare/channels';
import type { Band, BlockResult } from '../../../shared/domain';
import { rankedUnits } from '../../../shared/compare';
import { parseLocaleNumber } from '../../../shared/format';
import { changeChartHeight, heatmapChartHeight, rankingChartHeight } from '../../../shared/compare/charts';
import {
  distributionOption,
  fieldComparisonOption,
  heatmapOption,
  paretoOption,
  rankingChartOption,
  yearOverYearOption,
} from '../../../shared/print';

export type UnitDetail = ChannelOutput<'compare:unit'>;
export type BlockLosses = ChannelOutput<'compare:blockLosses'>['losses'];
export type WhatIfOutcome = ChannelOutput<'compare:whatIf'>;

export type View = 'ranking' | 'fields' | 'heatmap' | 'change' | 'distribution' | 'losses';

export const VIEWS: { key: View; label: string }[] = [
  { key: 'ranking', label: 'Xếp hạng' },
  { key: 'fields', label: 'Chỉ số thành phần' },
  { key: 'heatmap', label: 'Bản đồ nhiệt' },
  { key: 'change', label: 'So với năm trước' },
  { key: 'distribution', label: 'Phân bố' },
  { key: 'losses', label: 'Điểm bị mất của khối' },
];

/** The reason written in the audit trail when hypothetical points are saved as appraised scores. */
export const SAVE_REASON = 'Lưu từ điểm giả định (màn hình So sánh)';

/** Units compared field by field at most, besides the one being looked at. */
const MORE_UNITS = 5;

/** The unit a click on a chart points at: a bar, a heatmap cell, an axis label or a legend series. */
export function unitOfClick(block: BlockResult, event: ECElementEvent): string | null {
  if (event.seriesType === 'heatmap' && Array.isArray(event.value)) return block.units[Number(event.value[1])]?.code ?? null;
  const labels = event.componentType === 'yAxis' ? [String(event.value)] : [event.name, event.seriesName ?? ''];
  const unit = block.units.find((u) => labels.some((l) => l === u.name || l === `${u.rank}. ${u.name}`));
  return unit?.code ?? null;
}

/** Unit names on the category axis answer clicks too, and are set larger than on paper. */
function clickableUnitAxis(option: EChartsOption): EChartsOption {
  const yAxis = option.yAxis as { axisLabel?: object };
  return { ...option, yAxis: { ...yAxis, triggerEvent: true, axisLabel: { ...yAxis.axisLabel, fontSize: 12 } } } as EChartsOption;
}

/**
 * On screen the bars of the field comparison carry their values, upright above each bar (room
 * made under the title); a value that would touch another is left out, and hovering a field
 * lists them all.
 */
function labelledBars(option: EChartsOption): EChartsOption {
  const series = (option.series as object[]).map((s) => ({
    ...s,
    label: { show: true, position: 'top', rotate: 90, align: 'left', verticalAlign: 'middle', distance: 4, fontSize: 10 },
    labelLayout: { hideOverlap: true },
  }));
  const grid = option.grid as { top: number };
  return { ...option, series, grid: { ...grid, top: grid.top + 40 }, tooltip: { trigger: 'axis', confine: true } } as EChartsOption;
}

export interface ChartSpec {
  option: EChartsOption;
  height: number;
  /** the file name offered when saving, without extension */
  fileName: string;
  label: string;
}

/**
 * The chart of `view` for the block; the field comparison shows `compared` units, the Pareto
 * the block's losses (null while they load).
 */
export function chartOf(view: View, block: BlockResult, year: number, bands: Band[], compared: string[], losses: BlockLosses | null): ChartSpec | null {
  const file = (name: string) => `${name}-${block.code}-${year}`;
  switch (view) {
    case 'ranking':
      return { option: clickableUnitAxis(rankingChartOption(block, bands)), height: rankingChartHeight(rankedUnits(block).length), fileName: file('Xep-hang'), label: 'Biểu đồ xếp hạng' };
    case 'fields':
      return { option: labelledBars(fieldComparisonOption(block, compared)), height: 440, fileName: file('Chi-so-thanh-phan'), label: 'Biểu đồ chỉ số thành phần' };
    case 'heatmap':
      return { option: clickableUnitAxis(heatmapOption(block)), height: heatmapChartHeight(block.units.length), fileName: file('Ban-do-nhiet'), label: 'Bản đồ nhiệt chỉ số thành phần' };
    case 'change': {
      const n = block.units.filter((u) => u.previous !== null && u.index !== null).length;
      return { option: clickableUnitAxis(yearOverYearOption(block, year)), height: changeChartHeight(n), fileName: file('So-voi-nam-truoc'), label: 'Biểu đồ thay đổi so với năm trước' };
    }
    case 'distribution':
      return { option: distributionOption(block), height: 400, fileName: file('Phan-bo-chi-so'), label: 'Biểu đồ phân bố chỉ số' };
    case 'losses':
      return losses ? { option: paretoOption(losses), height: 420, fileName: file('Diem-bi-mat'), label: 'Biểu đồ Pareto điểm bị mất' } : null;
  }
}

/** The label of the unit looked at on the chart's unit axis, where the chart has one. */
export function selectedLabel(view: View, unit: { name: string; rank: number | null } | null): string | null | undefined {
  if (!unit) return null;
  if (view === 'ranking') return `${unit.rank}. ${unit.name}`;
  return view === 'heatmap' || view === 'change' ? unit.name : undefined;
}

/**
 * The units compared field by field: the one looked at and those added, while they are in the
 * block; with none, the first and the last of the ranking.
 */
export function comparedUnits(block: BlockResult, unitCode: string | null, added: string[]): string[] {
  const chosen = [...new Set([...(unitCode ? [unitCode] : []), ...added])].filter((c) => block.units.some((u) => u.code === c));
  if (chosen.length) return chosen;
  const ranked = rankedUnits(block);
  return ranked.length > 1 ? [ranked[0].code, ranked[ranked.length - 1].code] : ranked.map((u) => u.code);
}

/** The units added to the comparison after `code` is added: the latest few. */
export function withAdded(compared: string[], unitCode: string | null, code: string): string[] {
  return [...compared.filter((c) => c !== unitCode), code].slice(-MORE_UNITS);
}

/** A hypothesis as typed: a criterion and its points ("" is the full points). */
export interface Entry {
  criterionCode: string;
  text: string;
}

export function hypothesis(entry: Entry): HypotheticalScoreInput | null {
  if (entry.text.trim() === '') return { criterionCode: entry.criterionCode, points: 'max' };
  const points = parseLocaleNumber(entry.text);
  return points === null || points < 0 ? null : { criterionCode: entry.criterionCode, points };
}

/** The hypotheses to ask about, or the codes whose points cannot be read. */
export function hypotheses(entries: Entry[]): { hypothetical: HypotheticalScoreInput[] } | { unreadable: string[] } {
  const read = entries.map(hypothesis);
  const unreadable = entries.filter((_, i) => read[i] === null).map((e) => e.criterionCode);
  return unreadable.length ? { unreadable } : { hypothetical: read as HypotheticalScoreInput[] };
}
