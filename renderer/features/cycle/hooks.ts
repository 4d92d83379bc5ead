import { call } from '../../app/api';
import { useCallResult } from '../../app/hooks';

/** The year's deadlines and each unit's state; `reload` after a change. */
export function useYearStatus(year: number) {
  const { value, reload, replace } = useCallResult('cycle:status', { year });
  return { status: value, reload, replace };
}

export function saveDeadlines(year: number, d: { selfDue: string | null; appraisalDue: string | null; petitionsDue: string | null }) {
  return call('cycle:setDeadlines', { year, ...d });
}
