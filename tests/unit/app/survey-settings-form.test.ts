import { describe, expect, it } from 'vitest';
import { fromForm, scaleCodes, toForm } from '../../../renderer/features/survey/settings-form';
import { builtinDefinition, DEFAULT_SURVEY_SETTINGS, type SurveySettings } from '../../../shared/survey';

const def = builtinDefinition(2025);

describe('the SIPAS settings form', () => {
  it('shows settings the Vietnamese way and reads them back unchanged', () => {
    const settings: SurveySettings = { satisfiedCodes: [5, 4], noAnswerCodes: [0, 9], factorMode: 'pooled', minAnsweredShare: 0.6, weights: { CS: 1.5, 'DV1.1': 2 } };
    const form = toForm(settings, def);
    expect(form).toMatchObject({ satisfied: [4, 5], noAnswer: '0, 9', minShare: '60' });
    expect(form.weights.CS).toBe('1,5');
    expect(form.weights.DV1).toBe('1');
    // the item's weight, not shown in the form, is kept; weights of 1 are not stored
    expect(fromForm(form, def, settings).settings).toEqual({ ...settings, satisfiedCodes: [4, 5] });
    expect(scaleCodes(def).map((c) => c.code)).toEqual([1, 2, 3, 4, 5]);
    expect(scaleCodes(def)[4].label).toBe('Rất hài lòng');
  });

  it('names every bad value with its field', () => {
    const form = { ...toForm(DEFAULT_SURVEY_SETTINGS, def), satisfied: [], noAnswer: '0; x', minShare: 'nửa' };
    form.weights = { ...form.weights, DV: '0', CS: '0', CS1: 'a' };
    const read = fromForm(form, def, DEFAULT_SURVEY_SETTINGS);
    expect(read.settings).toBeNull();
    expect(read.problems.map((p) => p.field)).toEqual(['satisfied', 'noAnswer', 'minShare', 'weight:CS1', 'weight:DV']);
    expect(read.problems[2].message).toContain('"nửa" không phải là số');
    expect(read.problems[4].message).toContain('Các lĩnh vực không thể cùng có trọng số 0');
    expect(fromForm({ ...toForm(DEFAULT_SURVEY_SETTINGS, def), minShare: '33,5' }, def, DEFAULT_SURVEY_SETTINGS).settings?.minAnsweredShare).toBeCloseTo(0.335, 12);
  });
});
