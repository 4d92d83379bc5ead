import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SURVEY_SETTINGS,
  builtinDefinition,
  computeSurveyIndices,
  definitionProblems,
  labelLookup,
  parseAnswer,
  surveyChange,
  surveyPoints,
  type SurveyDefinition,
  type SurveyForm,
} from '../../../shared/survey';
import { formatNumber } from '../../../shared/format';

const tiny: SurveyDefinition = {
  year: 2025,
  model: 'custom',
  areas: [
    { code: 'A', name: 'Dịch vụ' },
    { code: 'B', name: 'Chính sách' },
  ],
  factors: [
    { code: 'F1', areaCode: 'A', name: 'Tiếp cận' },
    { code: 'F2', areaCode: 'A', name: 'Công chức' },
    { code: 'F3', areaCode: 'B', name: 'Thực hiện' },
  ],
  items: [
    { code: 'q1', factorCode: 'F1', title: 'Câu một', scaleMin: 1, scaleMax: 5 },
    { code: 'q2', factorCode: 'F1', title: 'Câu hai', scaleMin: 1, scaleMax: 5 },
    { code: 'q3', factorCode: 'F2', title: 'Câu ba', scaleMin: 1, scaleMax: 5 },
    { code: 'q4', factorCode: 'F3', title: 'Câu bốn', scaleMin: 1, scaleMax: 5 },
  ],
  scaleLabels: [],
};

const form = (unitCode: string, answers: (number | null)[]): SurveyForm => ({ unitCode, answers, asked: 4 });

describe('built-in questionnaires', () => {
  it('has 5 service factors until 2021 and a policy area from 2022', () => {
    const y2021 = builtinDefinition(2021);
    expect(y2021.model).toBe('sipas2017');
    expect(y2021.areas.map((a) => a.code)).toEqual(['DV']);
    expect(y2021.factors).toHaveLength(5);
    expect(y2021.items).toHaveLength(22);
    const y2022 = builtinDefinition(2022);
    expect(y2022.areas.map((a) => a.code)).toEqual(['DV', 'CS']);
    expect(y2022.items).toHaveLength(33);
    expect(definitionProblems(y2021)).toEqual([]);
    expect(definitionProblems(y2022)).toEqual([]);
    // service items keep their codes across the change of model
    expect(y2022.items.filter((i) => i.code.startsWith('DV')).map((i) => i.code)).toEqual(y2021.items.map((i) => i.code));
  });

  it('names structural problems in Vietnamese', () => {
    const broken = { ...tiny, items: [...tiny.items, { ...tiny.items[0] }, { ...tiny.items[1], code: 'q9', factorCode: 'F9' }] };
    const problems = definitionProblems(broken);
    expect(problems).toContain('Mã câu hỏi "q1" bị trùng; mỗi câu hỏi cần một mã riêng.');
    expect(problems.some((p) => p.includes('"F9"'))).toBe(true);
  });
});

describe('indices', () => {
  const forms = [
    form('U1', [5, 4, 3, 5]),
    form('U1', [4, 2, null, 1]),
    form('U1', [3, null, 5, 4]),
    form('U1', [null, null, null, 5]), // 1 of 4 answered: invalid
    form('U2', [5, 5, 5, 5]),
    form('U2', [1, 4, 2, null]),
  ];

  it('averages items into factors, factors into areas, areas into the overall index', () => {
    const r = computeSurveyIndices(tiny, DEFAULT_SURVEY_SETTINGS, forms, ['U2', 'U1']);
    expect(r.units.map((u) => u.unitCode)).toEqual(['U2', 'U1']);
    const u1 = r.units.find((u) => u.unitCode === 'U1')!;
    expect(u1.forms).toBe(3);
    expect(u1.invalidForms).toBe(1);
    // q1: 5,4,3 → 2/3; q2: 4,2 → 1/2; q3: 3,5 → 1/2; q4: 5,1,4 → 2/3
    expect(u1.factors[0].items.map((i) => i.n)).toEqual([3, 2]);
    expect(u1.factors[0].index).toBeCloseTo(((200 / 3 + 50) / 2), 10);
    expect(u1.factors[1].index).toBeCloseTo(50, 10);
    expect(u1.areas[0].index).toBeCloseTo(((200 / 3 + 50) / 2 + 50) / 2, 10);
    expect(u1.areas[0].n).toBe(7);
    expect(u1.areas[1].index).toBeCloseTo(200 / 3, 10);
    expect(u1.index).toBeCloseTo((((200 / 3 + 50) / 2 + 50) / 2 + 200 / 3) / 2, 10);
    expect(r.province.forms).toBe(5);
    expect(r.province.invalidForms).toBe(1);
    // province pools every valid answer: q1 5,4,3,5,1 → 3/5
    expect(r.province.factors[0].items[0].index).toBeCloseTo(60, 10);
  });

  it('pools answers, weighs, and treats no-answer codes like blanks when told to', () => {
    const settings = { ...DEFAULT_SURVEY_SETTINGS, factorMode: 'pooled' as const, noAnswerCodes: [9], weights: { A: 3, B: 1 } };
    const r = computeSurveyIndices(tiny, settings, [form('U', [5, 9, 4, 2]), form('U', [2, 4, 9, 9]), form('U', [4, 4, 4, 9])]);
    const u = r.units[0];
    // second form answers 2 of 4 (= half): still valid
    expect(u.forms).toBe(3);
    // F1 pooled: q1 5,2,4 + q2 4,4 → 4 of 5
    expect(u.factors[0].index).toBeCloseTo(80, 10);
    expect(u.factors[0].n).toBe(5);
    expect(u.areas[1].index).toBe(0);
    expect(u.index).toBeCloseTo((3 * ((80 + 100) / 2) + 0) / 4, 10);
  });

  it('counts other satisfied codes when told to', () => {
    const r = computeSurveyIndices(tiny, { ...DEFAULT_SURVEY_SETTINGS, satisfiedCodes: [5] }, [form('U', [5, 4, 4, 5])]);
    expect(r.units[0].factors[0].index).toBe(50);
  });

  it('gives null, not 0, where nobody answered', () => {
    const r = computeSurveyIndices(tiny, DEFAULT_SURVEY_SETTINGS, [form('U', [5, 4, 4, null])]);
    expect(r.units[0].areas[1].index).toBeNull();
    expect(r.units[0].index).toBe(100);
  });

  it('turns an index into points: Hà Tĩnh 2021, 91,17% of 10 points', () => {
    expect(formatNumber(surveyPoints(91.17, 10), 2)).toBe('9,12');
    expect(surveyPoints(91.17, 10)).toBeCloseTo(9.117, 12);
  });
});

describe('year over year through lineage', () => {
  it('compares a merged unit with the mean of the units it came from', () => {
    const prev = computeSurveyIndices(tiny, DEFAULT_SURVEY_SETTINGS, [form('A', [5, 5, 5, 5]), form('B', [5, 1, 1, 1])]);
    const cur = computeSurveyIndices(tiny, DEFAULT_SURVEY_SETTINGS, [form('C', [5, 5, 1, 5])]);
    const prevUnits = new Map(prev.units.map((u) => [u.unitCode, u]));
    const change = surveyChange(cur.units[0], { code: 'C', predecessors: ['A', 'B'] }, 2024, prevUnits)!;
    const a = prevUnits.get('A')!.index!;
    const b = prevUnits.get('B')!.index!;
    expect(change.previousIndex).toBeCloseTo((a + b) / 2, 10);
    expect(change.deltaIndex).toBeCloseTo(cur.units[0].index! - (a + b) / 2, 10);
    expect(change.factors.find((f) => f.code === 'F2')!.deltaIndex).toBeCloseTo(0 - 50, 10);
    expect(surveyChange(cur.units[0], { code: 'C', predecessors: [] }, 2024, prevUnits)).toBeNull();
  });
});

describe('answers', () => {
  const lookup = labelLookup(builtinDefinition(2025).scaleLabels, { 'A5': 5, 'Không liên quan': null });
  it('reads codes, labels and both', () => {
    expect(parseAnswer(4, lookup)).toEqual({ code: 4 });
    expect(parseAnswer(' 3 ', lookup)).toEqual({ code: 3 });
    expect(parseAnswer('Rất hài lòng', lookup)).toEqual({ code: 5 });
    expect(parseAnswer('rat_hai_long', lookup)).toEqual({ code: 5 });
    expect(parseAnswer('KHÔNG HÀI LÒNG', lookup)).toEqual({ code: 2 });
    expect(parseAnswer('Ra\u0302\u0301t hài lòng'.normalize('NFD'), lookup)).toEqual({ code: 5 });
    expect(parseAnswer('4 - Hài lòng', lookup)).toEqual({ code: 4 });
    expect(parseAnswer('a5', lookup)).toEqual({ code: 5 });
    expect(parseAnswer('Không liên quan', lookup)).toEqual({ code: null });
    expect(parseAnswer('', lookup)).toEqual({ code: null });
    expect(parseAnswer(null, lookup)).toEqual({ code: null });
    expect(parseAnswer('Tạm được', lookup)).toEqual({ unknown: 'Tạm được' });
    expect(parseAnswer(4.5, lookup)).toEqual({ unknown: '4.5' });
  });
});
