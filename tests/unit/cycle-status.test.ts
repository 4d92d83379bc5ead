// The state of a unit in the cycle and its lateness, derived from the facts alone.
import { describe, expect, it } from 'vitest';
import { isLatePetition, progressGaps, unitState, type UnitProgressFacts } from '../../shared/cycle/status';

const base: UnitProgressFacts = {
  leaves: 5,
  selfScored: 0,
  appraised: 0,
  submittedAt: null,
  lastAppraisalAt: null,
  noticeAt: null,
  petitionsPending: 0,
  petitionsDecided: 0,
  published: false,
};

describe('unit state', () => {
  it('follows the cycle from nothing sent to published', () => {
    expect(unitState(base)).toBe('not-submitted');
    expect(unitState({ ...base, selfScored: 5 })).toBe('submitted');
    expect(unitState({ ...base, selfScored: 5, appraised: 2 })).toBe('appraising');
    expect(unitState({ ...base, selfScored: 5, appraised: 5 })).toBe('appraised');
    const appraised = { ...base, selfScored: 5, appraised: 5, lastAppraisalAt: '2025-11-20T03:00:00.000Z' };
    expect(unitState({ ...appraised, noticeAt: '2025-11-21T03:00:00.000Z' })).toBe('notified');
    // an appraisal changed after the notice: the notice no longer tells the unit where it stands
    expect(unitState({ ...appraised, noticeAt: '2025-11-19T03:00:00.000Z' })).toBe('appraised');
    expect(unitState({ ...appraised, noticeAt: '2025-11-21T03:00:00.000Z', petitionsPending: 1, petitionsDecided: 2 })).toBe('petitioned');
    expect(unitState({ ...appraised, petitionsDecided: 2 })).toBe('petitions-decided');
    expect(unitState({ ...appraised, petitionsPending: 1, published: true })).toBe('published');
  });

  it('counts a unit late against the deadline of the step it has not done, in Vietnam time', () => {
    const d = { year: 2025, selfDue: '2025-11-15', appraisalDue: '2025-11-30', petitionsDue: '2025-12-10' };
    // 23:00 on 15/11 in Hà Nội is still the deadline's day
    expect(progressGaps(base, d, '2025-11-15T16:00:00.000Z').late).toEqual([]);
    expect(progressGaps(base, d, '2025-11-15T17:00:00.000Z').late).toEqual(['Quá hạn nộp tự chấm']);
    const sentLate = { ...base, selfScored: 5, submittedAt: '2025-11-17T02:00:00.000Z' };
    expect(progressGaps(sentLate, d, '2025-11-20T00:00:00.000Z')).toEqual({
      missing: ['Còn 5 tiêu chí chưa thẩm định'],
      late: ['Nộp tự chấm sau hạn'],
    });
    expect(progressGaps({ ...sentLate, submittedAt: '2025-11-10T02:00:00.000Z', appraised: 3 }, d, '2025-12-01T00:00:00.000Z')).toEqual({
      missing: ['Còn 2 tiêu chí chưa thẩm định'],
      late: ['Quá hạn thẩm định'],
    });
    expect(progressGaps({ ...base, published: true }, d, '2026-01-01T00:00:00.000Z')).toEqual({ missing: [], late: [] });
    expect(isLatePetition('2025-12-10T16:59:59.000Z', d.petitionsDue)).toBe(false);
    expect(isLatePetition('2025-12-10T17:00:00.000Z', d.petitionsDue)).toBe(true);
    expect(isLatePetition('2030-01-01T00:00:00.000Z', null)).toBe(false);
  });
});
