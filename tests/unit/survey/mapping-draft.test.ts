import { describe, expect, it } from 'vitest';
import { answerLabels, emptyProfile, fileColumns, columnUseKey, columnUseOf, withColumnUse, withLabel } from '../../../renderer/features/survey/mapping-draft';
import { importRequest, importStepReducer, noImport, profileOf } from '../../../renderer/features/survey/model';
import { builtinDefinition, mapSurveyColumns, type SurveyImportPreview, type SurveyImportReport } from '../../../shared/survey';

const TOKEN = '6f1c2d9e-3b7a-4c1e-9a55-0d2b7e8f4a10';
const def = builtinDefinition(2025);
const headers = ['Dấu thời gian', 'Cơ quan giải quyết hồ sơ', 'Số phiếu', 'DV1.1', `Mức độ hài lòng [${def.items[1].title}]`, 'Câu hỏi lạ'];

/** The preview the screen receives, as far as the mapping step reads it. */
function previewOf(profile: Parameters<typeof mapSurveyColumns>[2], unknownLabels: SurveyImportPreview['unknownLabels'] = []): SurveyImportPreview {
  const mapping = mapSurveyColumns(headers, def, profile);
  return {
    year: 2025,
    fileName: 'f.csv',
    format: mapping.format,
    formatName: '',
    mapping,
    unitColumn: mapping.unitColumn === null ? null : headers[mapping.unitColumn],
    formColumn: mapping.formColumn === null ? null : headers[mapping.formColumn],
    forms: 0,
    validForms: 0,
    invalidForms: 0,
    units: [],
    unknownLabels,
    problems: [],
  };
}

describe('the mapping step of a survey import', () => {
  it('lists every named column with its use and how it was found', () => {
    const columns = fileColumns(previewOf(null), null);
    expect(columns.map((c) => [c.header, columnUseKey(c.use), c.foundBy])).toEqual([
      ['Số phiếu', 'form', 'header'],
      ['DV1.1', 'item:DV1.1', 'code'],
      [headers[4], `item:${def.items[1].code}`, 'title'],
      ['Dấu thời gian', 'ignore', 'unmatched'],
      ['Cơ quan giải quyết hồ sơ', 'ignore', 'unmatched'],
      ['Câu hỏi lạ', 'ignore', 'unmatched'],
    ]);
  });

  it('draws up a profile that the column mapping then follows: unit, item, ignored, and a use moved elsewhere', () => {
    let profile = emptyProfile();
    profile = withColumnUse(profile, 'Cơ quan giải quyết hồ sơ', columnUseOf('unit'));
    profile = withColumnUse(profile, 'Câu hỏi lạ', columnUseOf('item:DV3.1'));
    profile = withColumnUse(profile, 'DV1.1', columnUseOf('ignore'));
    const mapping = mapSurveyColumns(headers, def, profile);
    expect(headers[mapping.unitColumn!]).toBe('Cơ quan giải quyết hồ sơ');
    expect(mapping.items.find((i) => i.header === 'Câu hỏi lạ')).toMatchObject({ itemCode: 'DV3.1', matchedBy: 'profile' });
    expect(mapping.ignored).toContain('DV1.1');
    const columns = fileColumns(previewOf(profile), profile);
    expect(columns.find((c) => c.header === 'Cơ quan giải quyết hồ sơ')).toMatchObject({ use: { kind: 'unit' }, foundBy: 'profile' });
    expect(columns.find((c) => c.header === 'DV1.1')).toMatchObject({ use: { kind: 'ignore' }, foundBy: 'profile' });

    // the unit column becomes an item: it is no longer the unit column
    profile = withColumnUse(profile, 'Cơ quan giải quyết hồ sơ', columnUseOf('item:DV4.1'));
    expect(profile.unitColumn).toBeNull();
    expect(profile.columns['Cơ quan giải quyết hồ sơ']).toBe('DV4.1');
    expect(mapSurveyColumns(headers, def, profile).unitColumn).toBeNull();
  });

  it('keeps answer labels mapped by the profile in view beside those still unread', () => {
    const profile = withLabel(withLabel(emptyProfile(), 'Rất tốt', 5), 'Không ý kiến gì', null);
    const unread = [
      { header: 'DV1.1', labels: ['Tạm được'] },
      { header: headers[4], labels: ['Tạm được', 'Kém'] },
    ];
    expect(answerLabels(previewOf(profile, unread), profile)).toEqual([
      { label: 'Tạm được', headers: ['DV1.1', headers[4]] },
      { label: 'Kém', headers: [headers[4]] },
      { label: 'Rất tốt', headers: [] },
      { label: 'Không ý kiến gì', headers: [] },
    ]);
    expect(profile.labels).toEqual({ 'Rất tốt': 5, 'Không ý kiến gì': null });
  });
});

describe('the steps of a survey import', () => {
  const saved = { ...emptyProfile('Google Forms SIPAS'), unitColumn: 'Cơ quan giải quyết hồ sơ' };

  it('asks for the preview the steps describe: the draft over the saved profile, one unit for the file when chosen', () => {
    expect(importRequest(noImport, 2025)).toBeNull();
    let steps = importStepReducer(noImport, { type: 'start', file: { token: TOKEN, file: '/tmp/f.csv' } });
    steps = importStepReducer(steps, { type: 'chooseProfile', name: saved.name });
    expect(steps.profileName).toBe(saved.name);
    expect(importRequest(steps, 2025)).toEqual({ year: 2025, token: TOKEN, profile: saved.name, unitCode: null });
    expect(profileOf(steps, [saved])).toBe(saved);
    const draft = withColumnUse(saved, 'Số phiếu', columnUseOf('form'));
    steps = importStepReducer(steps, { type: 'edit', draft });
    steps = importStepReducer(steps, { type: 'unitSource', source: 'fixed' });
    // one unit for the whole file counts once a unit is chosen
    expect(importRequest(steps, 2025)?.unitCode).toBeNull();
    steps = importStepReducer(steps, { type: 'fixedUnit', code: 'STC' });
    expect(importRequest(steps, 2025)).toEqual({ year: 2025, token: TOKEN, profile: draft, unitCode: 'STC' });
    // saved under a name, the draft is that profile
    steps = importStepReducer(steps, { type: 'profileSaved', name: 'Giấy' });
    expect([steps.savedProfile, steps.draft]).toEqual(['Giấy', null]);
  });

  it('ends with the report, and offers the same mapping for the next file', () => {
    let steps = importStepReducer(noImport, { type: 'start', file: { token: TOKEN, file: 'a.csv' } });
    steps = importStepReducer(steps, { type: 'chooseProfile', name: saved.name });
    const report = { fileName: 'a.csv' } as SurveyImportReport;
    steps = importStepReducer(steps, { type: 'imported', report });
    expect([steps.file, steps.report]).toEqual([null, report]);
    steps = importStepReducer(steps, { type: 'start', file: { token: TOKEN, file: 'b.csv' } });
    expect([steps.file, steps.report, steps.savedProfile]).toEqual([{ token: TOKEN, file: 'b.csv' }, null, saved.name]);
  });
});
