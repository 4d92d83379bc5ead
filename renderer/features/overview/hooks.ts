import { useCallResult } from '../../app/hooks';

/** The year at a glance: each block's progress and the latest imports and score changes. */
export function useOverview(year: number) {
  return useCallResult('overview:get', { year }).value;
}
