// SQL of a year's publication: the decision that published it, and the history of publishing
// and reopening.
import { sqlOf } from '../../db/connection';
import type { Workspace } from '../../db/workspace';

export { getPublication, type PublicationRow } from '../cycle/store';

export function writePublication(ws: Workspace, p: { year: number; decision: string; decisionDate: string; forced: boolean; at: string; actor: string }): void {
  sqlOf(ws)
    .prepare('INSERT INTO publications(year, decision, decision_date, forced, at, actor) VALUES (?, ?, ?, ?, ?, ?)')
    .run(p.year, p.decision, p.decisionDate, p.forced ? 1 : 0, p.at, p.actor);
}

export function deletePublication(ws: Workspace, year: number): void {
  sqlOf(ws).prepare('DELETE FROM publications WHERE year = ?').run(year);
}

export interface PublicationLogEntry {
  year: number;
  action: 'publish' | 'unpublish';
  decision: string | null;
  decisionDate: string | null;
  forced: boolean;
  reason: string | null;
  at: string;
  actor: string;
}

export function logPublication(ws: Workspace, e: PublicationLogEntry): void {
  sqlOf(ws)
    .prepare('INSERT INTO publication_log(year, action, decision, decision_date, forced, reason, at, actor) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(e.year, e.action, e.decision, e.decisionDate, e.forced ? 1 : 0, e.reason, e.at, e.actor);
}

export function publicationHistory(ws: Workspace, year: number): PublicationLogEntry[] {
  return (sqlOf(ws)
    .prepare('SELECT year, action, decision, decision_date, forced, reason, at, actor FROM publication_log WHERE year = ? ORDER BY id DESC')
    .all(year) as { year: number; action: 'publish' | 'unpublish'; decision: string | null; decision_date: string | null; forced: number; reason: string | null; at: string; actor: string }[]).map(
    (r) => ({ year: r.year, action: r.action, decision: r.decision, decisionDate: r.decision_date, forced: r.forced === 1, reason: r.reason, at: r.at, actor: r.actor }),
  );
}
