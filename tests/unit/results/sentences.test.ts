// The analysis sentences: the usage of provincial reports, and nothing the data do not support.
import { describe, expect, it } from 'vitest';
import { nationalWithHistory, nationalYear, provinceKey, type NationalRow } from '../../../shared/analysis/national';
import { analyseSubject } from '../../../shared/analysis/sentences';

const row = (name: string, index: number, fields: [number, number]): NationalRow => ({
  key: provinceKey(name),
  name,
  index,
  fields: [
    { code: 'I', title: 'Chỉ đạo, điều hành', score: fields[0], max: 50 },
    { code: 'II', title: 'Cải cách thể chế', score: fields[1], max: 50 },
  ],
  sipas: null,
  sipasFactors: [],
});

describe('analysis sentences', () => {
  it('say "giữ nguyên thứ hạng" for a rank kept and name the fields that fell in both points and rank', () => {
    const before = nationalYear(2023, [row('A', 90, [45, 45]), row('B', 80, [35, 45]), row('C', 70, [40, 30])]);
    const after = nationalWithHistory(nationalYear(2024, [row('A', 91, [46, 45]), row('B', 81, [41, 40]), row('C', 60, [30, 30])]), [before]);
    const block = after.blocks[0];
    const b = analyseSubject(block, block.units.find((u) => u.name === 'B')!, { subject: 'B', component: 'lĩnh vực', year: 2024 });
    const text = b.sentences.join(' ');
    expect(text).toContain('Năm 2024, B đạt 81,00%, xếp hạng 2/3, tăng 1% và giữ nguyên thứ hạng so với năm 2023.');
    expect(text).toContain('có 1/2 lĩnh vực tăng điểm: I. Chỉ đạo, điều hành; 1/2 lĩnh vực giảm điểm: II. Cải cách thể chế');
    expect(text).toContain('Có 1/2 lĩnh vực giảm cả về điểm và xếp hạng: II. Cải cách thể chế.');
    expect(text).toContain('Đứng đầu là A với 91,00%.');
  });

  it('say nothing of change, fields up or down, or a leader where the data have none', () => {
    const only = nationalYear(2024, [row('A', 91, [46, 45])]);
    const a = analyseSubject(only.blocks[0], only.blocks[0].units[0], { subject: 'A', component: 'lĩnh vực', year: 2024 });
    expect(a.sentences).toEqual(['Năm 2024, A đạt 91,00%, xếp hạng 1/1.']);
    expect(a.up).toEqual([]);
  });
});
