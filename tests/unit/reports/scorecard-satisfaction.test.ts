import { describe, expect, it } from 'vitest';
import type { UnitResult } from '../../../shared/domain';
import { scorecardSatisfaction, type ScorecardData } from '../../../shared/print';
import { buildScorecardHtml } from '../../../shared/print/scorecard-view';
import {
  DEFAULT_SURVEY_SETTINGS,
  builtinDefinition,
  computeSurveyIndices,
  surveyChange,
  type SurveyForm,
  type SurveyYearResults,
} from '../../../shared/survey';

/** `count` forms of a unit answering every item with `answer(item index, form index)`. */
function forms(unitCode: string, itemCount: number, count: number, answer: (item: number, form: number) => number | null): SurveyForm[] {
  return Array.from({ length: count }, (_, k) => ({
    unitCode,
    answers: Array.from({ length: itemCount }, (_, i) => answer(i, k)),
    asked: itemCount,
  }));
}

/** Survey results of `year` for units A and B, and A's change against `previous` forms of A. */
function results(year: number, current: SurveyForm[], previous: SurveyForm[] | null): SurveyYearResults {
  const def = builtinDefinition(year);
  const now = computeSurveyIndices(def, DEFAULT_SURVEY_SETTINGS, current, ['A', 'B']);
  const before = previous ? computeSurveyIndices(builtinDefinition(year - 1), DEFAULT_SURVEY_SETTINGS, previous) : null;
  const previousUnits = new Map(before?.units.map((u) => [u.unitCode, u]) ?? []);
  return {
    year,
    model: def.model,
    province: now.province,
    provinceChange: null,
    previousYear: before ? year - 1 : null,
    units: now.units.map(({ unitCode, ...indices }) => ({
      code: unitCode,
      name: `Đơn vị ${unitCode}`,
      blockCode: 'so',
      ...indices,
      change: before ? surveyChange(indices, { code: unitCode, predecessors: [] }, year - 1, previousUnits) : null,
    })),
  };
}

const unit: UnitResult = {
  code: 'A',
  name: 'Sở Tư pháp',
  blockCode: 'so',
  ranked: true,
  total: 90,
  max: 100,
  index: 90,
  rank: 1,
  band: 'Tốt',
  provisional: false,
  submitted: true,
  scored: true,
  fields: [],
  previous: null,
  deltaIndex: null,
  deltaRank: null,
  fieldsUp: null,
  fieldsDown: null,
  fieldsUpBoth: null,
  fieldsDownBoth: null,
};

function card(satisfaction: ScorecardData['satisfaction']): ScorecardData {
  return {
    province: 'Tỉnh Mẫu',
    issuer: 'Sở Nội vụ',
    year: 2025,
    periodName: 'Chỉ số CCHC năm 2025',
    sample: false,
    block: { code: 'so', name: 'Khối sở', average: 90, rankedUnits: 1 },
    unit,
    fields: [],
    largestLosses: [],
    selfAbove: { count: 0, points: 0 },
    missingEvidence: { count: 0, points: 0 },
    notes: [],
    satisfaction,
    issuedOn: '05/01/2026',
    signer: { place: null, title: null, name: null },
    published: false,
    decision: null,
  };
}

const html = (data: ScorecardData) => buildScorecardHtml({ data, chartSvg: '' }, { fontCss: '' });

describe('satisfaction section of the scorecard', () => {
  // 2021 (one area, five factors): A answers 4 on every item of 3 forms and 2 on the fourth
  // (75%); B answers 5 on 1 form of 2 (50%); the province pools the forms (4 of 6 = 66,67%)
  const def2021 = builtinDefinition(2021);
  const n = def2021.items.length;
  const year2021 = results(
    2021,
    [...forms('A', n, 4, (_, k) => (k < 3 ? 4 : 2)), ...forms('B', n, 2, (_, k) => (k === 0 ? 5 : 1))],
    null,
  );

  it('lists the factors of a one-area year with n and the province beside, without a change column', () => {
    const s = scorecardSatisfaction(year2021, 'A')!;
    expect(s.index).toBeCloseTo(75, 9);
    expect(s.forms).toBe(4);
    expect(s.provinceIndex).toBeCloseTo((100 * 4) / 6, 9);
    expect(s.provinceForms).toBe(6);
    expect(s.previousYear).toBeNull();
    expect(s.rows.map((r) => [r.kind, r.code])).toEqual(def2021.factors.map((f) => ['factor', f.code]));
    const dv3 = s.rows.find((r) => r.code === 'DV3')!;
    expect(dv3.n).toBe(4 * 6);

    const page = html(card(s));
    expect(page).toContain('4. Mức độ hài lòng (SIPAS)');
    expect(page).toContain('Chỉ số hài lòng của đơn vị: <b>75,00%</b> (4 phiếu hợp lệ); toàn tỉnh: 66,67% (6 phiếu hợp lệ).');
    expect(page).toContain(
      '<tr><td class="code">DV3</td><td>Công chức trực tiếp giải quyết công việc</td><td class="num">24</td><td class="num">75,00%</td><td class="num">66,67%</td></tr>',
    );
    const section = page.slice(page.indexOf('Mức độ hài lòng'), page.indexOf('Ý kiến của Hội đồng'));
    expect(section).not.toMatch(/so với năm/i);
    expect(page).toContain('5. Ý kiến của Hội đồng thẩm định');
  });

  it('groups the factors under their areas in a two-area year and shows the change against last year', () => {
    const def = builtinDefinition(2025);
    const service = def.items.map((i) => def.factors.find((f) => f.code === i.factorCode)!.areaCode === 'DV');
    // A: every service item satisfied, policy items satisfied on 1 form of 2 → 100% and 50%, overall 75%
    const current = forms('A', def.items.length, 2, (i, k) => (service[i] || k === 0 ? 5 : 3));
    // last year A scored 60% on every item: change +15 overall, +40 on each service factor
    const previous = forms('A', def.items.length, 5, (_, k) => (k < 3 ? 4 : 1));
    const s = scorecardSatisfaction(results(2025, current, previous), 'A')!;
    expect(s.rows.map((r) => r.code)).toEqual(['DV', 'DV1', 'DV2', 'DV3', 'DV4', 'DV5', 'CS', 'CS1', 'CS2', 'CS3']);
    expect(s.previousYear).toBe(2024);
    expect(s.deltaIndex).toBeCloseTo(15, 9);
    expect(s.rows.find((r) => r.code === 'DV1')!.deltaIndex).toBeCloseTo(40, 9);
    expect(s.rows.find((r) => r.code === 'CS1')!.deltaIndex).toBeCloseTo(-10, 9);

    const page = html(card(s));
    expect(page).toContain('so với năm 2024: tăng 15%.');
    expect(page).toContain('<th>Lĩnh vực, yếu tố thành phần</th>');
    expect(page).toContain('<th>So với năm 2024</th>');
    expect(page).toContain('<tr class="area"><td class="code">CS</td><td>Xây dựng và tổ chức thực hiện chính sách</td>');
    expect(page).toContain('<td class="factor-name">Tiếp cận dịch vụ</td>');
    expect(page).toMatch(/Tiếp cận dịch vụ<\/td><td class="num">8<\/td><td class="num">100,00%<\/td><td class="num">100,00%<\/td><td class="num">\+40,00<\/td>/);
    expect(page).toContain('<td class="num">-10,00</td>');
  });

  it('has no section for a unit without valid forms, or without forms at all', () => {
    const def = builtinDefinition(2021);
    const onlyInvalid = results(2021, [...forms('A', def.items.length, 2, () => 4), ...forms('B', def.items.length, 3, () => null)], null);
    expect(scorecardSatisfaction(onlyInvalid, 'B')).toBeNull();
    expect(scorecardSatisfaction(onlyInvalid, 'C')).toBeNull();
    const page = html(card(null));
    expect(page).not.toContain('Mức độ hài lòng');
    expect(page).toContain('4. Ý kiến của Hội đồng thẩm định');
  });
});
