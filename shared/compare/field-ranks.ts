// A unit's component ranks as the screens and papers tell them: the places each field gained
// or lost since the year compared with (a chart), and the counts of fields up and down in words.
import type { EChartsOption } from 'echarts';
import type { UnitResult } from '../domain';
import { formatNumber } from '../format';
import { CHART_FONT } from './charts';

const UP_COLOR = '#1b7a3d';
const DOWN_COLOR = '#c0392b';

/** "+2 bậc", "−1 bậc", "giữ nguyên". */
export function placesText(deltaRank: number): string {
  return deltaRank > 0 ? `+${formatNumber(deltaRank)} bậc` : deltaRank < 0 ? `−${formatNumber(-deltaRank)} bậc` : 'giữ nguyên';
}

/** The height of the places chart for a unit with `fields` fields. */
export const fieldPlacesHeight = (fields: number) => Math.max(160, 40 + fields * 26);

/** Places gained (right, green) and lost (left, red) per field, the first field on top, each told in words beside the zero line. */
export function fieldPlacesOption(unit: UnitResult): EChartsOption {
  const fields = unit.fields.filter((f) => f.deltaRank !== null).reverse();
  const widest = Math.max(1, ...fields.map((f) => Math.abs(f.deltaRank!)));
  // the axis ends one place past the widest bar; its end values would crowd the round ticks beside them
  return {
    textStyle: { fontFamily: CHART_FONT },
    title: { text: 'Số bậc tăng, giảm của từng lĩnh vực', left: 0, top: 4, textStyle: { fontSize: 14, fontFamily: CHART_FONT } },
    grid: { left: 8, right: 56, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'value', min: -widest - 1, max: widest + 1, minInterval: 1, axisLabel: { formatter: (v: number) => formatNumber(v), showMinLabel: false, showMaxLabel: false } },
    // the field codes at the left edge, not on the zero line the bars grow from
    yAxis: { type: 'category', data: fields.map((f) => f.code), axisLabel: { interval: 0 }, axisLine: { onZero: false } },
    tooltip: { trigger: 'item' },
    series: [
      {
        type: 'bar',
        name: 'Số bậc',
        data: fields.map((f) => ({
          value: f.deltaRank!,
          name: f.title,
          itemStyle: { color: f.deltaRank! >= 0 ? UP_COLOR : DOWN_COLOR },
          // on the empty side of the zero line: a long bar never pushes its words off the chart
          label: { show: true, position: f.deltaRank! >= 0 ? ('left' as const) : ('right' as const), formatter: placesText(f.deltaRank!) },
        })),
      },
    ],
  };
}

/**
 * "3/8 lĩnh vực tăng điểm, 2/8 giảm điểm; 1 tăng cả điểm và thứ hạng, 1 giảm cả điểm và thứ hạng"
 * for a unit with previous field figures; null without them.
 */
export function fieldCountsText(unit: UnitResult): string | null {
  if (unit.fieldsUp === null || unit.fieldsDown === null) return null;
  const n = unit.fields.filter((f) => f.index !== null).length;
  const parts = [`${unit.fieldsUp}/${n} lĩnh vực tăng điểm`, `${unit.fieldsDown}/${n} giảm điểm`];
  const both: string[] = [];
  if (unit.fieldsUpBoth) both.push(`${unit.fieldsUpBoth} tăng cả điểm và thứ hạng`);
  if (unit.fieldsDownBoth) both.push(`${unit.fieldsDownBoth} giảm cả điểm và thứ hạng`);
  return parts.join(', ') + (both.length ? `; ${both.join(', ')}` : '');
}
