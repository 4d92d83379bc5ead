import { describe, expect, it } from 'vitest';
import { builtinDefinition, mapSurveyColumns } from '../../../shared/survey';

const def = builtinDefinition(2025);

describe('column mapping', () => {
  it('recognises the entry sheet by item codes', () => {
    const m = mapSurveyColumns(['Đơn vị', 'Mã phiếu', 'DV1.1', 'dv1.2', 'CS3.3'], def, null);
    expect(m.format).toBe('entry');
    expect(m.unitColumn).toBe(0);
    expect(m.formColumn).toBe(1);
    expect(m.items.map((i) => [i.itemCode, i.matchedBy])).toEqual([
      ['DV1.1', 'code'],
      ['DV1.2', 'code'],
      ['CS3.3', 'code'],
    ]);
    expect(m.missingItems).toHaveLength(30);
  });

  it('recognises Google Forms grid columns by the item title in brackets', () => {
    const t1 = def.items[0].title;
    const t2 = def.items[5].title;
    const m = mapSurveyColumns(
      ['Dấu thời gian', 'Đơn vị', `Ông/Bà đánh giá về tiếp cận dịch vụ [${t1.toUpperCase()}]`, `Thủ tục [${t2}]`, 'Góp ý khác'],
      def,
      null,
    );
    expect(m.format).toBe('google');
    expect(m.items.map((i) => [i.itemCode, i.matchedBy])).toEqual([
      [def.items[0].code, 'title'],
      [def.items[5].code, 'title'],
    ]);
    expect(m.ignored).toEqual(['Dấu thời gian', 'Góp ý khác']);
  });

  it('recognises KoboToolbox group/question names and LimeSurvey Q[SQ] columns', () => {
    const kobo = mapSurveyColumns(['start', 'end', 'thong_tin/don_vi', 'dich_vu/DV1_1', 'dich_vu/dv3_6', '_uuid'], def, null);
    expect(kobo.format).toBe('kobo');
    expect(kobo.unitColumn).toBe(2);
    expect(kobo.formColumn).toBe(5);
    expect(kobo.items.map((i) => i.itemCode)).toEqual(['DV1.1', 'DV3.6']);
    const lime = mapSurveyColumns(['id', 'submitdate', 'lastpage', 'DV1[SQ001]', 'DV1[SQ002]', 'CS2[3]'], def, null);
    expect(lime.format).toBe('limesurvey');
    expect(lime.items.map((i) => i.itemCode)).toEqual(['DV1.1', 'DV1.2', 'CS2.3']);
    const lime6 = mapSurveyColumns(['id', 'submitdate', 'DV3_SQ006', 'DV3[SQ010]'], def, null);
    expect(lime6.items.map((i) => i.itemCode)).toEqual(['DV3.6']);
    expect(lime6.ignored).toEqual(['id', 'submitdate', 'DV3[SQ010]']);
    const odk = mapSurveyColumns(['SubmissionDate', 'thong_tin-ma_don_vi', 'dich_vu-dv2_4', 'meta-instanceID'], def, null);
    expect(odk).toMatchObject({ unitColumn: 1, formColumn: 3 });
    expect(odk.items.map((i) => i.itemCode)).toEqual(['DV2.4']);
  });

  it('follows a profile and reports columns that claim the same item', () => {
    const m = mapSurveyColumns(['donvi', 'G01Q01[SQ001]', 'G01Q01[SQ002]', 'khác'], def, {
      name: 'p',
      columns: { 'G01Q01[SQ001]': 'DV1.1', 'g01q01[sq002]': 'DV1.1', 'khác': '' },
      labels: {},
      unitColumn: 'donvi',
      formColumn: null,
    });
    expect(m.unitColumn).toBe(0);
    expect(m.items.map((i) => i.matchedBy)).toEqual(['profile', 'profile']);
    expect(m.conflicts).toEqual([{ itemCode: 'DV1.1', headers: ['G01Q01[SQ001]', 'G01Q01[SQ002]'] }]);
    expect(m.ignored).toEqual(['khác']);
  });
});
