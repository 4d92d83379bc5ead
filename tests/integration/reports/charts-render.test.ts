// Every chart option drawn by ECharts itself (server-side SVG) from the demo's 2025 results:
// options that ECharts rejects or draws empty fail here. The SVGs are kept for people to look at.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoWorkspace } from '../../../electron/features/demo';
import { renderChartSvg } from '../../../electron/print/charts';
import { Workspace } from '../../../electron/db/workspace';
import { blockLeafLosses, unitLeafLosses } from '../../../shared/compare';
import type { BlockResult } from '../../../shared/domain';
import {
  distributionOption,
  fieldComparisonOption,
  heatmapOption,
  paretoOption,
  rankingChartOption,
  unitLossesOption,
  yearOverYearOption,
} from '../../../shared/print';
import { tempDir } from '../../helpers/tmp';
import { getScores } from '../../../electron/features/appraisal/store';
import { requireFramework } from '../../../electron/features/framework/service';
import { yearResults } from '../../../electron/features/results/service';
import { getBlockSettings } from '../../../electron/features/results/store';

const ARTIFACTS = path.resolve('tests/artifacts/reports/charts');
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1].replace(/&amp;/g, '&'));

describe('charts drawn by ECharts from the demo results', () => {
  const dir = tempDir('parw-charts-');
  let ws: Workspace;
  let xa: BlockResult;
  beforeAll(() => {
    createDemoWorkspace(path.join(dir, 'demo.parws'));
    ws = Workspace.open(path.join(dir, 'demo.parws'));
    xa = yearResults(ws, 2025).blocks.find((b) => b.code === 'xa')!;
    fs.mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(() => ws.close());

  const keep = (name: string, svg: string) => fs.writeFileSync(path.join(ARTIFACTS, `${name}.svg`), svg);

  it('ranking: every commune, its band colour and the block average', () => {
    const svg = renderChartSvg(rankingChartOption(xa, getBlockSettings(ws, 2025, 'xa').bands), 900, 1400);
    keep('xep-hang-khoi-xa', svg);
    const labels = texts(svg);
    expect(labels.filter((t) => /^\d+\. /.test(t))).toHaveLength(xa.units.filter((u) => u.rank !== null).length);
    expect(labels).toContain(`1. ${xa.units[0].name}`);
    expect(labels.some((t) => t.startsWith('Bình quân '))).toBe(true);
    expect(svg).toContain('#1b7a3d');
  });

  it('field comparison, heatmap, year over year, distribution and Pareto', () => {
    const chosen = [xa.units[0].code, xa.units.at(-1)!.code];
    const charts: [string, ReturnType<typeof heatmapOption>, number, number][] = [
      ['linh-vuc', fieldComparisonOption(xa, chosen), 900, 420],
      ['ban-do-nhiet', heatmapOption(xa), 900, 1500],
      ['so-voi-nam-truoc', yearOverYearOption(xa, 2025), 900, 1400],
      ['phan-bo', distributionOption(xa), 700, 360],
      [
        'diem-bi-mat-don-vi',
        unitLossesOption(unitLeafLosses(requireFramework(ws, 2025, 'xa'), getScores(ws, 2025, { unitCode: xa.units.at(-1)!.code }), xa.units.at(-1)!.code)),
        900,
        420,
      ],
      [
        'pareto',
        paretoOption(blockLeafLosses(requireFramework(ws, 2025, 'xa'), getScores(ws, 2025, { blockCode: 'xa' }), xa.units)),
        900,
        420,
      ],
    ];
    for (const [name, option, width, height] of charts) {
      const svg = renderChartSvg(option, width, height);
      keep(name, svg);
      expect(svg.startsWith('<svg'), name).toBe(true);
      expect(svg.match(/<path /g)?.length ?? 0, name).toBeGreaterThan(10);
    }
    expect(texts(renderChartSvg(charts[0][1], 900, 420))).toEqual(expect.arrayContaining([xa.units[0].name, 'Bình quân khối xã']));
    expect(texts(renderChartSvg(charts[2][1], 900, 1400))).toContain('Năm 2024');
    expect(texts(renderChartSvg(charts[5][1], 900, 420))).toContain('Tỷ lệ lũy kế');
    expect(texts(renderChartSvg(charts[4][1], 900, 420))).toContain('Tự chấm cao hơn thẩm định');
  });
});
