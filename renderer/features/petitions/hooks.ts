import { call } from '../../app/api';
import { useCallResult } from '../../app/hooks';

/** The petitions of the year with the scores as they stand; `reload` after a decision. */
export function usePetitions(year: number) {
  const { value, reload } = useCallResult('petitions:list', { year });
  return { petitions: value, reload };
}

export function decide(input: { year: number; unitCode: string; criterionCode: string; decision: 'accept' | 'keep'; score: number | null; reason: string }) {
  return call('petitions:decide', input);
}

export function exportDecisions(year: number) {
  return call('petitions:exportDecisions', { year });
}

export function writeNotices(year: number) {
  return call('petitions:writeNotices', { year });
}

export function importReturned(year: number) {
  return call('petitions:import', { year });
}
