// Who takes part in a year, by the one rule of shared/units/participation.ts, from what the
// workspace holds: units and lineage, frameworks, data, and staff's own choices.
import type { Unit } from '../../../shared/domain';
import { UserError } from '../../../shared/errors';
import { participatingCodes } from '../../../shared/units/participation';
import type { Workspace } from '../../db/workspace';
import { listFrameworks } from '../framework/store';
import { requireUnit } from '../units/service';
import { listUnits } from '../units/store';
import { requirePeriod } from '../workspace/service';
import { dataYearsByUnit, deleteOverride, listOverrides, writeOverride } from './store';

/** The codes of the units taking part in `year`, from the rows as they are. */
export function participantCodes(ws: Workspace, year: number, units: Unit[] = listUnits(ws)): Set<string> {
  return participatingCodes({
    year,
    units,
    blocksWithFramework: new Set(listFrameworks(ws, year).map((f) => f.blockCode)),
    dataYears: dataYearsByUnit(ws),
    overrides: new Map(listOverrides(ws, year).map((o) => [o.unitCode, o.included])),
  });
}

/** The units taking part in `year` (of one block, or all), in the units' order. */
export function unitsTakingPart(ws: Workspace, year: number, blockCode?: string): Unit[] {
  const units = listUnits(ws);
  const codes = participantCodes(ws, year, units);
  return units.filter((u) => codes.has(u.code) && (blockCode === undefined || u.blockCode === blockCode));
}

/** Codes of the units taking part in `year`, sorted. */
export function participatingUnits(ws: Workspace, year: number): string[] {
  return [...participantCodes(ws, year)].sort();
}

/**
 * Adds a unit to a year or takes it out by hand (`included`), or with null goes back to the
 * rule; recorded with who, when and why.
 */
export function setParticipation(
  ws: Workspace,
  year: number,
  unitCode: string,
  included: boolean | null,
  context: { actor?: string; reason?: string | null } = {},
): void {
  ws.changedYear(year);
  ws.transaction(() => {
    requirePeriod(ws, year);
    const unit = requireUnit(ws, unitCode);
    if (included === true && !listFrameworks(ws, year).some((f) => f.blockCode === unit.blockCode)) {
      throw new UserError(`${unit.name} thuộc khối chưa có bộ chỉ số năm ${year}; hãy tạo bộ chỉ số cho khối trước.`);
    }
    if (included === null) deleteOverride(ws, year, unitCode);
    else {
      writeOverride(ws, {
        year,
        unitCode,
        included,
        at: new Date().toISOString(),
        actor: context.actor ?? ws.actor,
        reason: context.reason ?? null,
      });
    }
  });
}
