// Who takes part in a year.
import type { Workspace } from '../../db/workspace';
import { unitsWithScores } from '../appraisal/store';

/** Units taking part in `year`, by code. */
export function participatingUnits(ws: Workspace, year: number): string[] {
  return [...unitsWithScores(ws, year)].sort();
}
