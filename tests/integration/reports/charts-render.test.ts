// Every chart option drawn by ECharts itself (server-side SVG) from the demo's 2025 results:
// options that ECharts rejects or draws empty fail here. The SVGs are kept for people to look at.
import { execFileSync } from 'node:child_process';
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
import { chromium, type Browser, type Page } from 'playwright-core';
import type { EChartsOption } from 'echarts';
import { printFontCss } from '../../../electron/print/fonts';
import { applyScoreChanges } from '../../../electron/features/appraisal/service';
import { saveFramework } from '../../../electron/features/framework/service';
import { saveBlockSettings } from '../../../electron/features/results/service';
import { upsertUnits } from '../../../electron/features/units/service';
import { blockFieldAverages, rankedUnits } from '../../../shared/compare';
import { fieldPlacesHeight, fieldPlacesOption } from '../../../shared/compare/field-ranks';
import { chartOf, VIEWS } from '../../../renderer/features/compare/model';
import { SCORECARD_CHART, scorecardFieldsOption } from '../../../shared/print';
import { labelBoxes, overlappingLabels, type LabelBox } from '../../helpers/label-boxes';
import { printScorecards } from '../../../electron/features/print/scorecards';
import { reportRankingChart } from '../../../electron/features/analysis/documents/report';
import type { CriterionNode } from '../../../shared/domain';
import type { SurveyIndices, SurveyUnitResult, SurveyYearResults } from '../../../shared/survey';
import { barChartHeight, changeOption, factorComparisonOption, unitsWithChange } from '../../../renderer/features/survey/charts';
import { getScores } from '../../../electron/features/appraisal/store';
import { requireFramework } from '../../../electron/features/framework/service';
import { yearResults } from '../../../electron/features/results/service';
import { getBlockSettings } from '../../../electron/features/results/store';

const ARTIFACTS = path.resolve('tests/artifacts/reports/charts');
const LABEL_ARTIFACTS = path.join(ARTIFACTS, 'labels');
/** The width a chart of the compare screen has at 1440 × 900: the window less the menu and the unit panel. */
const SCREEN_CHART_WIDTH = 760;
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

// ---------------------------------------------------------------------------------------------
// No two labels of a chart overlap once Chromium lays them out with the print fonts (the PDF's
// and the .docx images' renderer): the demo's largest block and a made-up block of 100 communes
// with long Vietnamese names.

const SYLLABLES = ['Thượng', 'Quan', 'Nghĩa', 'Đô', 'Phúc', 'Khánh', 'Hưng', 'Thịnh', 'Xuân', 'Trường', 'Bình', 'Lương', 'Ngọc', 'Tiến', 'Đông'];

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV'];

/** A framework of `fields` fields (more than provinces use), two sub-criteria each, the last one the survey's. */
function manyFields(fields: number): CriterionNode[] {
  const node = (code: string, parentCode: string | null, level: number, title: string, maxPoints: number, source: 'self' | 'survey' = 'self'): CriterionNode => ({
    code, parentCode, level, title, maxPoints, source, method: 'free', tiers: null, evidenceRequired: true, guidance: null,
  });
  return ROMAN.slice(0, fields).flatMap((field, i) => [
    node(field, null, 1, `Lĩnh vực số ${i + 1} về cải cách hành chính`, 6),
    node(`${i + 1}.1`, field, 2, `Tiêu chí thứ nhất của lĩnh vực ${i + 1}`, 3),
    node(`${i + 1}.2`, field, 2, `Tiêu chí thứ hai của lĩnh vực ${i + 1}`, 3, i === fields - 1 ? 'survey' : 'self'),
  ]);
}

/** A workspace with `count` communes named at length ("Ủy ban nhân dân xã Thượng Quan Nghĩa …"), scored two years. */
function crowdedWorkspace(dir: string, count: number): Workspace {
  const ws = Workspace.create(path.join(dir, 'crowded.parws'));
  const units = Array.from({ length: count }, (_, i) => {
    const words = Array.from({ length: 2 + (i % 5) }, (_, k) => SYLLABLES[(i * 7 + k * 3) % SYLLABLES.length]);
    return { code: `X${String(i + 1).padStart(3, '0')}`, name: `Ủy ban nhân dân xã ${words.join(' ')} ${i + 1}`, blockCode: 'xa' };
  });
  upsertUnits(ws, units);
  const nodes = manyFields(12);
  const leaves = nodes.filter((n) => !nodes.some((c) => c.parentCode === n.code));
  for (const year of [2024, 2025]) {
    saveFramework(ws, { year, blockCode: 'xa', nodes });
    saveBlockSettings(ws, { year, blockCode: 'xa', precision: 2, bands: [{ name: 'Tốt', min: 90 }, { name: 'Khá', min: 80 }, { name: 'Trung bình', min: 70 }, { name: 'Yếu', min: 0 }] });
    const changes = units.flatMap((u, i) =>
      leaves.map((leaf, k) => {
        // spread from about 55% to 100%, different each year
        const share = 1 - (((i * 37 + k * 11 + year) % 47) / 100) * (1 + (k % 3)) * 0.5;
        const appraised = leaf.method === 'yesno' ? (share > 0.8 ? leaf.maxPoints! : 0) : Math.max(0, Math.round(leaf.maxPoints! * share * 4) / 4);
        return { unitCode: u.code, criterionCode: leaf.code, patch: { selfScore: leaf.source === 'survey' ? null : leaf.maxPoints, appraisedScore: appraised, appraisalRound: 1 } };
      }),
    );
    applyScoreChanges(ws, year, changes, { source: 'test' });
  }
  return ws;
}

describe('chart labels never overlap (laid out by Chromium with the print fonts)', () => {
  const dir = tempDir('parw-chart-labels-');
  let browser: Browser;
  let page: Page;
  const workspaces: Workspace[] = [];

  let demo: Workspace;
  let crowded: Workspace;
  let largest: BlockResult;
  let hundred: BlockResult;

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true });
    page = await browser.newPage();
    createDemoWorkspace(path.join(dir, 'demo.parws'));
    demo = Workspace.open(path.join(dir, 'demo.parws'));
    workspaces.push(demo);
    largest = [...yearResults(demo, 2025).blocks].sort((a, b) => b.units.length - a.units.length)[0];
    crowded = crowdedWorkspace(dir, 100);
    workspaces.push(crowded);
    hundred = yearResults(crowded, 2025).blocks.find((b) => b.code === 'xa')!;
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    for (const w of workspaces) w.close();
  });

  /** The chart drawn by ECharts on the server, as the printed page holds it, and the overlapping labels. */
  async function overlapsOf(name: string, option: EChartsOption, width: number, height: number): Promise<[string, string][]> {
    const svg = renderChartSvg(option, width, height);
    fs.mkdirSync(LABEL_ARTIFACTS, { recursive: true });
    fs.writeFileSync(path.join(LABEL_ARTIFACTS, `${name}.svg`), svg);
    await page.setViewportSize({ width, height });
    await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>${printFontCss()} html,body{margin:0}</style></head><body>${svg}</body></html>`, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const boxes = await labelBoxes(page, 'svg');
    expect(boxes.length, name).toBeGreaterThan(5);
    await page.screenshot({ path: path.join(LABEL_ARTIFACTS, `${name}.png`) });
    return overlappingLabels(boxes);
  }

  /**
   * Every chart of the compare screen as the screen builds it (at the width it has beside the
   * unit panel; six units compared field by field), the unit panel's places chart, and the
   * scorecard's chart at its printed size.
   */
  function chartsOf(ws: Workspace, block: BlockResult): [string, EChartsOption, number, number][] {
    const framework = requireFramework(ws, 2025, block.code);
    const last = block.units.at(-1)!;
    // a unit whose fields moved places since last year (the places chart has bars), else the middle one
    const card = block.units.find((u) => u.fields.filter((f) => f.deltaRank).length >= 3) ?? block.units[Math.floor(block.units.length / 2)];
    const bands = getBlockSettings(ws, 2025, block.code).bands;
    const report = reportRankingChart(block.units.filter((u) => u.ranked).length);
    const compared = rankedUnits(block).slice(0, 6).map((u) => u.code);
    const losses = blockLeafLosses(framework, getScores(ws, 2025, { blockCode: block.code }), block.units);
    const screen = VIEWS.map(({ key }) => {
      const spec = chartOf(key, block, 2025, bands, compared, losses)!;
      return [key, spec.option, SCREEN_CHART_WIDTH, spec.height] as [string, EChartsOption, number, number];
    });
    return [
      ...screen,
      ['diem-bi-mat-don-vi', unitLossesOption(unitLeafLosses(framework, getScores(ws, 2025, { unitCode: last.code }), last.code)), 900, 420],
      ['phieu-ket-qua', scorecardFieldsOption(card, blockFieldAverages(block), block.name), SCORECARD_CHART.width, SCORECARD_CHART.height],
      ['bac-linh-vuc', fieldPlacesOption(card), 410, fieldPlacesHeight(card.fields.length)],
      // the analysis report's ranking (an image in the .docx), at most most of a page tall
      ['bao-cao-xep-hang', rankingChartOption(block, bands), report.width, report.height],
    ];
  }

  it('on every chart of the demo\'s largest block and of a block of 100 communes with long names', async () => {
    expect(hundred.units).toHaveLength(100);
    expect(largest.units.length).toBeGreaterThan(20);
    const found: Record<string, [string, string][]> = {};
    for (const [ws, block, tag] of [[demo, largest, 'demo'], [crowded, hundred, '100']] as const) {
      for (const [name, option, width, height] of chartsOf(ws, block)) {
        const pairs = await overlapsOf(`${tag}-${name}`, option, width, height);
        if (pairs.length) found[`${tag}-${name}`] = pairs.slice(0, 5);
      }
    }
    expect(found).toEqual({});
  }, 240_000);

  it('on the SIPAS screen\'s charts, with the long factor names of the survey and a hundred units', async () => {
    const factorNames = [
      'Tiếp cận dịch vụ hành chính công của cơ quan hành chính nhà nước',
      'Thủ tục hành chính',
      'Công chức trực tiếp giải quyết công việc, tiếp nhận và trả kết quả',
      'Kết quả cung ứng dịch vụ hành chính công',
      'Tiếp nhận, xử lý các ý kiến góp ý, phản ánh, kiến nghị của người dân, tổ chức',
    ];
    const indices = (shift: number): SurveyIndices => ({
      forms: 400,
      invalidForms: 3,
      index: 84 + shift,
      n: 400,
      areas: [{ code: 'A', name: 'Sự phục vụ hành chính', index: 84 + shift, n: 400 }],
      factors: factorNames.map((name, i) => ({ code: `F${i + 1}`, areaCode: 'A', name, index: 78 + i * 3 + shift, n: 400, items: [] })),
    });
    const units: SurveyUnitResult[] = hundred.units.map((u, i) => ({
      ...indices((i % 9) - 4),
      code: u.code,
      name: u.name,
      blockCode: 'xa',
      change: { previousYear: 2024, previousIndex: 80, deltaIndex: ((i * 7) % 23) - 11 } as SurveyUnitResult['change'],
    }));
    const results = { year: 2025, previousYear: 2024, province: indices(0), provinceChange: null, units } as unknown as SurveyYearResults;
    const { compared } = unitsWithChange(results);
    const found: Record<string, [string, string][]> = {};
    for (const [name, option, height] of [
      ['sipas-yeu-to', factorComparisonOption(units[42], indices(0), 2025), barChartHeight(factorNames.length, 46)],
      ['sipas-thay-doi', changeOption(results), barChartHeight(compared, 26, 80)],
    ] as const) {
      const pairs = await overlapsOf(name, option, SCREEN_CHART_WIDTH, height);
      if (pairs.length) found[name] = pairs.slice(0, 5);
    }
    expect(found).toEqual({});
  }, 60_000);

  it('on the printed scorecard: no two words of its chart overlap in the PDF', async () => {
    for (const [ws, block, tag] of [[demo, largest, 'demo'], [crowded, hundred, '100']] as const) {
      const unit = block.units[Math.floor(block.units.length / 2)];
      const out = path.join(dir, `pdf-${tag}`);
      const [file] = (await printScorecards(ws, { year: 2025, selection: { unitCode: unit.code }, outDir: out, chromiumPath: '/usr/bin/chromium' })).files;
      fs.copyFileSync(file, path.join(LABEL_ARTIFACTS, `phieu-${tag}.pdf`));
      execFileSync('pdftoppm', ['-r', '80', '-png', file, path.join(LABEL_ARTIFACTS, `phieu-${tag}`)]);
      const words = chartWords(file);
      // the field codes and the values of the unit and the block average, each a word of its own
      expect(words.map((w) => w.text), tag).toEqual(expect.arrayContaining(['I', 'VIII', 'Bình', 'quân']));
      expect(words.length, tag).toBeGreaterThan(2 * unit.fields.length);
      const boxes: LabelBox[] = words.map((w) => ({ text: w.text, corners: [[w.x0, w.y0], [w.x1, w.y0], [w.x1, w.y1], [w.x0, w.y1]] }));
      expect(overlappingLabels(boxes, 0.5), tag).toEqual([]);
    }
  }, 180_000);
});

interface PdfWord {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The words of a scorecard between the chart's heading and the next heading (or the page's foot), with their boxes in points. */
function chartWords(file: string): PdfWord[] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-']).toString('utf8');
  for (const pageHtml of html.split('<page ').slice(1)) {
    const words = [...pageHtml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      text: m[5].replace(/&amp;/g, '&'),
      x0: Number(m[1]),
      y0: Number(m[2]),
      x1: Number(m[3]),
      y1: Number(m[4]),
    }));
    const heading = words.findIndex((w, i) => w.text === '2.' && words[i + 1]?.text === 'Chỉ' && words[i + 2]?.text === 'số' && words[i + 3]?.text === 'thành');
    if (heading < 0) continue;
    // the next heading, or the page number when the next section starts on the next page
    const next = words.findIndex((w, i) => i > heading && (w.text === '3.' || w.text === 'Trang'));
    expect(next).toBeGreaterThan(heading);
    const top = Math.max(...words.slice(heading, heading + 8).map((w) => w.y1));
    const bottom = words[next].y0;
    return words.filter((w) => w.y0 >= top && w.y1 <= bottom);
  }
  throw new Error(`no chart heading in ${file}`);
}
