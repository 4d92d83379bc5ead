// Provinces matched across years by name, and the lineage of provinces merged in 2025.
import { describe, expect, it } from 'vitest';
import { fieldOfHeader, nationalWithHistory, nationalYear, provinceKey, sipasFactorOfHeader, type NationalRow } from '../../../shared/analysis/national';

const row = (name: string, index: number, sipas: number | null = null): NationalRow => ({
  key: provinceKey(name),
  name,
  index,
  fields: [
    { code: 'I', title: 'Chỉ đạo', score: index / 2, max: 50 },
    { code: 'II', title: 'Thể chế', score: index / 2, max: 50 },
  ],
  sipas,
  sipasFactors: sipas === null ? [] : [{ code: 'DV1', title: 'Tiếp cận dịch vụ', index: sipas }],
});

describe('provinces across years', () => {
  it('match by name without accents, case and the Tỉnh / Thành phố prefix', () => {
    expect(provinceKey('Tỉnh Lạng Sơn')).toBe(provinceKey('LẠNG SƠN'));
    expect(provinceKey('Thành phố Hà Nội')).toBe(provinceKey('Hà Nội'));
    expect(provinceKey('TP. Hồ Chí Minh')).toBe(provinceKey('Hồ Chí Minh'));
    expect(provinceKey('Đắk Lắk')).toBe('dak lak');
  });

  it('read field and SIPAS headers by numeral, name or code, and nothing else', () => {
    expect(fieldOfHeader('VIII. Tác động của CCHC', 2021)).toEqual({ code: 'VIII', title: 'Tác động của CCHC' });
    expect(fieldOfHeader('Lĩnh vực III', 2021)?.code).toBe('III');
    expect(fieldOfHeader('Cải cách thể chế', 2023)?.code).toBe('II');
    expect(fieldOfHeader('Chỉ số', 2021)).toBeNull();
    expect(fieldOfHeader('Tỉnh, thành phố', 2021)).toBeNull();
    expect(sipasFactorOfHeader('Thủ tục hành chính')?.code).toBe('DV2');
    expect(sipasFactorOfHeader('dv5')?.code).toBe('DV5');
    expect(fieldOfHeader('Thủ tục hành chính', 2021)).toBeNull();
  });

  it('compare a continuing province with itself, a merged one with the mean of its predecessors, and SIPAS with SIPAS', () => {
    const y2024 = nationalYear(2024, [row('Tuyên Quang', 80, 70), row('Hà Giang', 90, 90), row('Lạng Sơn', 85, 80)]);
    const y2025 = nationalYear(2025, [row('Tuyên Quang', 88, 75), row('Lạng Sơn', 84, 85)]);
    const lineage = new Map([[provinceKey('Tuyên Quang'), [provinceKey('Tuyên Quang'), provinceKey('Hà Giang')]]]);
    const r = nationalWithHistory(y2025, [y2024], lineage);
    const par = r.blocks[0].units;
    const tq = par.find((u) => u.name === 'Tuyên Quang')!;
    const ls = par.find((u) => u.name === 'Lạng Sơn')!;
    expect(tq.previous).toEqual({ year: 2024, index: 85, rank: null });
    expect(tq.deltaIndex).toBeCloseTo(3);
    expect(tq.deltaRank).toBeNull();
    expect(ls.previous).toEqual({ year: 2024, index: 85, rank: 2 });
    expect(ls.deltaRank).toBe(0);
    expect(ls.fieldsDown).toBe(2);
    const sipas = r.blocks[1].units.find((u) => u.name === 'Lạng Sơn')!;
    expect(sipas.previous).toEqual({ year: 2024, index: 80, rank: 2 });
    expect(sipas.deltaRank).toBe(1);
  });
});
