// What-if on the workspace: the year's rows with hypothetical scores through the real
// engine, compared with the same earlier years as the saved results. Nothing is saved.
import { whatIf, type HypotheticalScore, type WhatIfOutcome } from '../../../shared/compare/what-if';
import type { Workspace } from '../../db/workspace';
import { comparisonHistory, scoringInput } from '../results/service';
import { requirePeriod } from '../workspace/service';

export function whatIfInWorkspace(ws: Workspace, year: number, unitCode: string, hypothetical: HypotheticalScore[]): WhatIfOutcome {
  requirePeriod(ws, year);
  return whatIf(scoringInput(ws, year), comparisonHistory(ws, year), unitCode, hypothetical);
}
