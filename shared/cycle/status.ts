// Where a unit stands in the year's appraisal cycle, derived from the data (never stored):
// its self scores, the appraised scores, the notice sent and the petitions returned, and the
// year's publication; and whether it is late against the year's deadlines.

export const unitStates = [
  'not-submitted',
  'submitted',
  'appraising',
  'appraised',
  'notified',
  'petitioned',
  'petitions-decided',
  'published',
] as const;
export type UnitState = (typeof unitStates)[number];

export const UNIT_STATE_LABELS: Record<UnitState, string> = {
  'not-submitted': 'Chưa nộp',
  submitted: 'Đã nộp',
  appraising: 'Đang thẩm định',
  appraised: 'Đã thẩm định',
  notified: 'Đã thông báo sơ bộ',
  petitioned: 'Có kiến nghị chờ xử lý',
  'petitions-decided': 'Đã xử lý kiến nghị',
  published: 'Đã công bố',
};

export interface Deadlines {
  year: number;
  /** calendar days, yyyy-mm-dd */
  selfDue: string | null;
  appraisalDue: string | null;
  petitionsDue: string | null;
}

/** What the data say of one unit in a year. */
export interface UnitProgressFacts {
  /** leaves the unit is scored on by self-assessment and appraisal (survey and not-applicable leaves left out) */
  leaves: number;
  /** of those, leaves with a self score */
  selfScored: number;
  /** of those, leaves with an appraised score */
  appraised: number;
  /** when the first self score arrived (ISO), if any */
  submittedAt: string | null;
  /** the latest change of an appraised score (ISO), if any */
  lastAppraisalAt: string | null;
  /** the latest preliminary notice issued (ISO), if any */
  noticeAt: string | null;
  petitionsPending: number;
  petitionsDecided: number;
  published: boolean;
}

export function unitState(f: UnitProgressFacts): UnitState {
  if (f.published) return 'published';
  if (f.petitionsPending > 0) return 'petitioned';
  if (f.petitionsDecided > 0) return 'petitions-decided';
  if (f.noticeAt !== null && (f.lastAppraisalAt === null || f.noticeAt >= f.lastAppraisalAt)) return 'notified';
  if (f.leaves > 0 && f.appraised >= f.leaves) return 'appraised';
  if (f.appraised > 0) return 'appraising';
  if (f.selfScored > 0) return 'submitted';
  return 'not-submitted';
}

/** The last moment of a deadline's day, in the time zone of the workspace's province (UTC+7). */
export function endOfDay(day: string): string {
  return new Date(`${day}T23:59:59.999+07:00`).toISOString();
}

/**
 * What is still missing, and what of it is late at `now`: the self-assessment once its deadline
 * has passed (or when it came after it), the appraisal once its deadline has passed.
 */
export function progressGaps(f: UnitProgressFacts, d: Deadlines, now: string): { missing: string[]; late: string[] } {
  const missing: string[] = [];
  const late: string[] = [];
  if (f.published) return { missing, late };
  if (f.selfScored === 0) {
    missing.push('Chưa nộp tự chấm');
    if (d.selfDue && now > endOfDay(d.selfDue)) late.push('Quá hạn nộp tự chấm');
  } else {
    if (f.selfScored < f.leaves) missing.push(`Còn ${f.leaves - f.selfScored} tiêu chí chưa tự chấm`);
    if (d.selfDue && f.submittedAt && f.submittedAt > endOfDay(d.selfDue)) late.push('Nộp tự chấm sau hạn');
  }
  if (f.appraised < f.leaves) {
    missing.push(`Còn ${f.leaves - f.appraised} tiêu chí chưa thẩm định`);
    if (d.appraisalDue && now > endOfDay(d.appraisalDue)) late.push('Quá hạn thẩm định');
  }
  if (f.petitionsPending > 0) missing.push(`${f.petitionsPending} kiến nghị chờ xử lý`);
  return { missing, late };
}

/** Whether a petition received at `receivedAt` came after the petition deadline. */
export function isLatePetition(receivedAt: string, petitionsDue: string | null): boolean {
  return petitionsDue !== null && receivedAt > endOfDay(petitionsDue);
}
