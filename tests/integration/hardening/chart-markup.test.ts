// Names typed by people (units, factors, criteria) reach every chart; none of them may become
// markup. Every chart option is built from a workspace whose names are hostile, every
// function-valued formatter in it is called for every data point, and what it returns must
// show the names as text; the charts drawn as SVG carry them escaped.
import { describe, expect, it } from 'vitest';
import { renderChartSvg } from '../../../electron/print/charts';
import { getScores } from '../../../electron/features/appraisal/store';
import { requireFramework } from '../../../electron/features/framework/service';
import { yearResults } from '../../../electron/features/results/service';
import { getBlockSettings } from '../../../electron/features/results/store';
import { upsertUnits } from '../../../electron/features/units/service';
import { listUnits } from '../../../electron/features/units/store';
import { blockFieldAverages, blockLeafLosses, unitLeafLosses } from '../../../shared/compare';
import {
  distributionOption,
  fieldComparisonOption,
  heatmapOption,
  paretoOption,
  rankingChartOption,
  scorecardFieldsOption,
  unitLossesOption,
  yearOverYearOption,
} from '../../../shared/print';
import type { SurveyIndices, SurveyUnitResult, SurveyYearResults } from '../../../shared/survey';
import { changeOption, factorComparisonOption } from '../../../renderer/features/survey/charts';
import { tempDir } from '../../helpers/tmp';
import { createReportWorkspace } from '../reports/fixture';

const HOSTILE = '<img src=x onerror="alert(1)"><b style="font-size:90px">X</b>';

/** Every formatter function in an option, with where it sits. */
function formatters(option: unknown, at = ''): [string, (...args: unknown[]) => unknown][] {
  if (typeof option !== 'object' || option === null) return [];
  return Object.entries(option).flatMap(([k, v]) =>
    k === 'formatter' && typeof v === 'function' ? [[`${at}.${k}`, v as (...args: unknown[]) => unknown]] : formatters(v, `${at}.${k}`),
  ) as [string, (...args: unknown[]) => unknown][];
}

/** What each formatter makes of every data point, called as ECharts calls it there. */
function outputs(option: unknown, points: number): string[] {
  const texts: string[] = [];
  for (const [where, f] of formatters(option)) {
    for (let i = 0; i < points; i++) {
      const param = { dataIndex: i, value: 1.5, name: HOSTILE, seriesName: HOSTILE };
      const out = where.includes('tooltip') ? f([param]) : where.includes('axisLabel') ? f(HOSTILE) : f(param);
      texts.push(String(out));
    }
  }
  return texts;
}

function expectNoMarkup(texts: string[], label: string): void {
  for (const t of texts) {
    expect(t, label).not.toContain('<img');
    expect(t, label).not.toContain('<b style');
  }
}

function surveyIndices(name: string): SurveyIndices {
  return {
    forms: 10,
    invalidForms: 0,
    index: 80,
    n: 10,
    areas: [{ code: 'A', name, index: 80, n: 10 }],
    factors: [{ code: 'F1', areaCode: 'A', name, index: 80, n: 10, items: [] }],
  };
}

describe('names in charts stay text', () => {
  it('every compare, scorecard and survey chart, with hostile unit, criterion and factor names', () => {
    const dir = tempDir();
    const ws = createReportWorkspace(dir);
    upsertUnits(ws, listUnits(ws).map((u) => ({ code: u.code, name: `${HOSTILE} ${u.name}`, blockCode: u.blockCode })));
    const so = yearResults(ws, 2025).blocks.find((b) => b.code === 'so')!;
    const framework = requireFramework(ws, 2025, 'so');
    const nodes = framework.nodes.map((n) => ({ ...n, title: `${HOSTILE} ${n.title}` }));
    const hostileFramework = { ...framework, nodes };
    const scores = getScores(ws, 2025, { blockCode: 'so' });
    const unit = so.units[0];
    const charts: [string, unknown, number][] = [
      ['ranking', rankingChartOption(so, getBlockSettings(ws, 2025, 'so').bands), so.units.length],
      ['fields', fieldComparisonOption(so, [so.units[0].code, so.units[1].code]), 10],
      ['heatmap', heatmapOption(so), 10],
      ['year over year', yearOverYearOption(so, 2025), so.units.length],
      ['distribution', distributionOption(so), 10],
      ['pareto', paretoOption(blockLeafLosses(hostileFramework, scores, so.units)), 10],
      ['unit losses', unitLossesOption(unitLeafLosses(hostileFramework, scores, unit.code)), 10],
      ['scorecard', scorecardFieldsOption(unit, blockFieldAverages(so), `${HOSTILE} khối`), 10],
    ];
    const surveyUnit: SurveyUnitResult = {
      ...surveyIndices(HOSTILE),
      code: 'S01',
      name: HOSTILE,
      blockCode: 'so',
      change: { previousYear: 2024, previousIndex: 70, deltaIndex: 10 } as SurveyUnitResult['change'],
    };
    const surveyResults = { year: 2025, previousYear: 2024, province: surveyIndices(HOSTILE), provinceChange: null, units: [surveyUnit] } as unknown as SurveyYearResults;
    charts.push(['survey factors', factorComparisonOption(surveyUnit, surveyIndices(HOSTILE), 2025), 1]);
    charts.push(['survey change', changeOption(surveyResults), 1]);
    ws.close();

    let called = 0;
    for (const [label, option, points] of charts) {
      const texts = outputs(option, points);
      called += texts.length;
      expectNoMarkup(texts, label);
      // drawn by ECharts (labels, legends, axis names): the names arrive as text
      const svg = renderChartSvg(option as Parameters<typeof renderChartSvg>[0], 900, 600);
      expect(svg, label).not.toContain('<img');
      expect(svg, label).not.toContain('<b style');
    }
    // the tooltips that build HTML were reached, and show the names escaped
    expect(called).toBeGreaterThan(10);
    const pareto = outputs(charts[5][1], 1).join('');
    expect(pareto).toContain('&lt;img');
    const survey = outputs(charts.at(-2)![1], 1).join('') + outputs(charts.at(-1)![1], 1).join('');
    expect(survey).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
  });
});
