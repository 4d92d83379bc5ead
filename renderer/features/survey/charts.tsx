// The SIPAS charts: the factor indices of one unit beside the province's, and every unit's
// change of satisfaction against the earlier surveyed year. ECharts core with only the parts
// drawn here, rendered as SVG (crisp on screen and in print).
import type { EChartsOption } from 'echarts';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { use as registerParts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { describeIndexChange, formatNumber, formatPercent } from '../../../shared/format';
import type { SurveyIndices, SurveyUnitResult, SurveyYearResults } from '../../../shared/survey';
import { escapeHtml } from '../../../shared/text';
import { useEChart } from '../../app/echarts';

// the parts of ECharts core these charts draw
registerParts([BarChart, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent, SVGRenderer]);

const FONT = '"Noto Sans", sans-serif';
const UNIT_COLOR = '#1f5fa8';
const PROVINCE_COLOR = '#b0b7c3';
const UP_COLOR = '#1e7a43';
const DOWN_COLOR = '#b42318';

/** One ECharts chart in SVG, redrawn when its option changes and resized with its box. */
export function EChart({ option, height, label, testId }: { option: EChartsOption; height: number; label: string; testId?: string }) {
  const { holder } = useEChart(option);
  return <div ref={holder} className="sipas-chart" style={{ height }} role="img" aria-label={label} data-testid={testId} />;
}

const title = (text: string) => ({ text, left: 'center', top: 2, textStyle: { fontSize: 14, fontWeight: 600, fontFamily: FONT, color: '#1d2733' } });

/** Height that gives each category of a horizontal bar chart room for its label. */
export function barChartHeight(categories: number, perCategory: number, frame = 96): number {
  return Math.max(240, frame + categories * perCategory);
}

/** Factor indices of a unit beside the province, one pair of horizontal bars per factor. */
export function factorComparisonOption(unit: SurveyUnitResult, province: SurveyIndices, year: number): EChartsOption {
  const factors = [...province.factors].reverse();
  const unitFactor = (code: string) => unit.factors.find((f) => f.code === code);
  return {
    textStyle: { fontFamily: FONT },
    // drawn at once: the figures are read and printed, not watched
    animation: false,
    title: title(`Chỉ số các yếu tố năm ${year}: ${unit.name} và toàn tỉnh`),
    legend: { top: 28, data: [unit.name, 'Toàn tỉnh'], textStyle: { fontFamily: FONT } },
    grid: { left: 12, right: 64, top: 60, bottom: 28, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const list = params as { dataIndex: number }[];
        const f = factors[list[0]?.dataIndex ?? 0];
        const own = unitFactor(f.code);
        return (
          `<strong>${escapeHtml(`${f.code}. ${f.name}`)}</strong><br/>` +
          `${escapeHtml(unit.name)}: ${formatPercent(own?.index ?? null)} (n = ${formatNumber(own?.n ?? 0)})<br/>` +
          `Toàn tỉnh: ${formatPercent(f.index)} (n = ${formatNumber(f.n)})`
        );
      },
    },
    xAxis: {
      type: 'value',
      min: 0,
      max: 100,
      name: '%',
      axisLabel: { formatter: (v: number) => formatNumber(v) },
    },
    yAxis: {
      type: 'category',
      data: factors.map((f) => `${f.code}. ${f.name}`),
      axisLabel: { width: 230, overflow: 'break', fontSize: 12, lineHeight: 15 },
    },
    series: [
      {
        type: 'bar',
        name: unit.name,
        color: UNIT_COLOR,
        barGap: '10%',
        data: factors.map((f) => unitFactor(f.code)?.index ?? null),
        label: { show: true, position: 'right', fontSize: 11, formatter: (p) => formatPercent(p.value as number) },
      },
      {
        type: 'bar',
        name: 'Toàn tỉnh',
        color: PROVINCE_COLOR,
        data: factors.map((f) => f.index),
        label: { show: true, position: 'right', fontSize: 11, color: '#5b6573', formatter: (p) => formatPercent(p.value as number) },
      },
    ],
  };
}

/** Units shown at each end of the change chart when there are too many for one chart. */
const CHANGE_CHART_ENDS = 15;

/**
 * The units compared with the earlier year, largest rise first: all of them, or the
 * `ends` largest and the `ends` smallest changes when there are more than twice as many.
 */
export function unitsWithChange(results: SurveyYearResults, ends = CHANGE_CHART_ENDS): { shown: SurveyUnitResult[]; compared: number } {
  const all = results.units
    .filter((u) => u.change?.deltaIndex !== null && u.change?.deltaIndex !== undefined)
    .sort((a, b) => b.change!.deltaIndex! - a.change!.deltaIndex!);
  return { shown: all.length > 2 * ends ? [...all.slice(0, ends), ...all.slice(-ends)] : all, compared: all.length };
}

/** Each unit's change of its overall index against the earlier year, in percentage points. */
export function changeOption(results: SurveyYearResults): EChartsOption {
  const { shown, compared } = unitsWithChange(results);
  const units = [...shown].reverse();
  const cut = shown.length < compared;
  const provinceDelta = results.provinceChange?.deltaIndex ?? null;
  return {
    textStyle: { fontFamily: FONT },
    // drawn at once: the figures are read and printed, not watched
    animation: false,
    title: {
      ...title(`Thay đổi chỉ số hài lòng chung so với năm ${results.previousYear} (điểm %)`),
      subtext: cut ? `${CHANGE_CHART_ENDS} đơn vị tăng nhiều nhất và ${CHANGE_CHART_ENDS} đơn vị tăng ít nhất (hoặc giảm) trong ${compared} đơn vị` : undefined,
      subtextStyle: { fontFamily: FONT, fontSize: 12, color: '#5d6b7a' },
    },
    grid: { left: 12, right: 72, top: cut ? 64 : 44, bottom: 28, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const u = units[(params as { dataIndex: number }[])[0]?.dataIndex ?? 0];
        return (
          `<strong>${escapeHtml(u.name)}</strong><br/>Năm ${results.year}: ${formatPercent(u.index)}<br/>` +
          `Năm ${u.change!.previousYear}: ${formatPercent(u.change!.previousIndex)}<br/>${describeIndexChange(u.change!.deltaIndex)}`
        );
      },
    },
    xAxis: {
      type: 'value',
      // room beside the longest bars for their labels
      boundaryGap: ['8%', '12%'],
      axisLabel: { formatter: (v: number) => formatNumber(v) },
    },
    yAxis: {
      type: 'category',
      data: units.map((u) => u.name),
      axisLine: { onZero: false },
      axisTick: { show: false },
      axisLabel: { width: 200, overflow: 'truncate', fontSize: 12 },
    },
    series: [
      {
        type: 'bar',
        name: 'Thay đổi',
        barMaxWidth: 22,
        data: units.map((u) => {
          const rise = u.change!.deltaIndex! >= 0;
          return { value: u.change!.deltaIndex!, itemStyle: { color: rise ? UP_COLOR : DOWN_COLOR } };
        }),
        // right of the bar: beyond a rise, just right of zero for a fall, clear of the unit names
        label: {
          show: true,
          position: 'right',
          fontSize: 11,
          formatter: (p) => {
            const v = p.value as number;
            return `${v > 0 ? '+' : ''}${formatNumber(v)}`;
          },
        },
        markLine:
          provinceDelta === null
            ? undefined
            : {
                symbol: 'none',
                lineStyle: { color: '#5b6573', type: 'dashed' },
                label: { formatter: `Toàn tỉnh ${provinceDelta > 0 ? '+' : ''}${formatNumber(provinceDelta)}`, fontSize: 11 },
                data: [{ xAxis: provinceDelta }],
              },
      },
    ],
  };
}
