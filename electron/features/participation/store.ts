// SQL of who takes part in a year: the units staff added or took out by hand, and the years
// in which each unit has data.
import { sqlOf } from '../../db/connection';
import type { Workspace } from '../../db/workspace';

export interface ParticipationOverride {
  year: number;
  unitCode: string;
  included: boolean;
  at: string;
  actor: string;
  reason: string | null;
}

export function listOverrides(ws: Workspace, year?: number): ParticipationOverride[] {
  return (sqlOf(ws)
    .prepare(
      `SELECT year, unit_code, included, at, actor, reason FROM year_participation
       WHERE (@year IS NULL OR year = @year) ORDER BY year, unit_code`,
    )
    .all({ year: year ?? null }) as { year: number; unit_code: string; included: number; at: string; actor: string; reason: string | null }[]).map(
    (r) => ({ year: r.year, unitCode: r.unit_code, included: r.included === 1, at: r.at, actor: r.actor, reason: r.reason }),
  );
}

export function writeOverride(ws: Workspace, o: ParticipationOverride): void {
  sqlOf(ws)
    .prepare(
      `INSERT INTO year_participation(year, unit_code, included, at, actor, reason) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(year, unit_code) DO UPDATE SET included = excluded.included, at = excluded.at,
         actor = excluded.actor, reason = excluded.reason`,
    )
    .run(o.year, o.unitCode, o.included ? 1 : 0, o.at, o.actor, o.reason);
}

export function deleteOverride(ws: Workspace, year: number, unitCode: string): void {
  sqlOf(ws).prepare('DELETE FROM year_participation WHERE year = ? AND unit_code = ?').run(year, unitCode);
}

/** For each unit, the years in which it holds scores, ascending. */
export function dataYearsByUnit(ws: Workspace): Map<string, number[]> {
  const map = new Map<string, number[]>();
  for (const r of sqlOf(ws)
    .prepare(
      `SELECT DISTINCT s.unit_code, f.year FROM scores s JOIN criteria c ON c.id = s.criterion_id
       JOIN frameworks f ON f.id = c.framework_id ORDER BY f.year`,
    )
    .all() as { unit_code: string; year: number }[]) {
    map.set(r.unit_code, [...(map.get(r.unit_code) ?? []), r.year]);
  }
  return map;
}
