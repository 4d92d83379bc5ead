import { describe, expect, it } from 'vitest';
import { setupSteps } from '../../../renderer/features/overview/model';
import type { YearSetup } from '../../../shared/overview/channels';

const base: YearSetup = {
  provinceNamed: true,
  blocks: 1,
  units: 4,
  allUnits: 4,
  blocksWithoutFramework: [],
  blocksWithoutBands: [],
  submitted: 2,
  deadlines: { self: false, appraisal: false, petitions: false },
};

describe('the checklist of a year', () => {
  it('asks for the three deadlines, naming those missing, and links to Tiến độ', () => {
    const step = (setup: YearSetup) => setupSteps(setup, 2025).find((s) => s.label.startsWith('Thời hạn'))!;
    expect(step(base)).toMatchObject({ done: false, page: 'progress', detail: 'Chưa đặt: hạn nộp tự đánh giá, hạn thẩm định, hạn kiến nghị (để biết đơn vị nào chậm)' });
    expect(step({ ...base, deadlines: { self: true, appraisal: false, petitions: true } }).detail).toBe('Chưa đặt: hạn thẩm định (để biết đơn vị nào chậm)');
    expect(step({ ...base, deadlines: { self: true, appraisal: true, petitions: true } })).toMatchObject({ done: true, detail: 'Đã đặt đủ ba thời hạn' });
  });
});
