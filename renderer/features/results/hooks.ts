import { useCallResult } from '../../app/hooks';

/** The year's results of every block, with each block's classification bands; `reload` after a change of scores. */
export function useResults(year: number) {
  const { value, reload } = useCallResult('results:get', { year });
  return { data: value, reload };
}
