import { call } from '../../app/api';
import { useCallResult } from '../../app/hooks';

/**
 * The year's results of every block, with each block's classification bands and the decision
 * that published the year; asked again when the year is published or reopened (`locked`),
 * `reload` after a change of scores.
 */
export function useResults(year: number, locked = false) {
  const { value, reload } = useCallResult('results:get', { year }, { refresh: locked, keep: year });
  return { data: value, reload };
}

/** Writes the year's analysis report (.docx) where the person picks. */
export function exportReport(year: number) {
  return call('analysis:exportReport', { year });
}

/** Writes the annex of the publishing decision (.docx) where the person picks. */
export function exportAnnex(year: number) {
  return call('analysis:exportAnnex', { year });
}

/** Picks a file with the year's published ranking of a block and keeps it for year-over-year change. */
export function importPublished(year: number, blockCode: string) {
  return call('results:importPublished', { year, blockCode });
}

/** The national tables imported, each with our province's index, rank and change. */
export function useNationalTables() {
  const { value, reload } = useCallResult('analysis:nationalTables', {});
  return { tables: value, reload };
}

/** Picks MOHA's table of all provinces for `year` and imports it; `ours` names our province in it. */
export function importNational(year: number, ours: string | null) {
  return call('analysis:importNational', { year, ours });
}
