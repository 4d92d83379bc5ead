// SQL of frameworks (one per year and block) and their criteria.
import type { CriterionNode, Framework } from '../../../shared/domain';
import { sqlOf } from '../../db/connection';
import type { Workspace } from '../../db/workspace';

export interface FrameworkSummary {
  year: number;
  blockCode: string;
  nodeCount: number;
  leafCount: number;
}

export function listFrameworks(ws: Workspace, year?: number): FrameworkSummary[] {
  const rows = sqlOf(ws)
    .prepare(
      `SELECT f.id, f.year, f.block_code, COUNT(c.id) AS nodes,
              SUM(CASE WHEN NOT EXISTS (SELECT 1 FROM criteria k WHERE k.framework_id = f.id AND k.parent_code = c.code) THEN 1 ELSE 0 END) AS leaves
       FROM frameworks f LEFT JOIN criteria c ON c.framework_id = f.id
       WHERE (? IS NULL OR f.year = ?)
       GROUP BY f.id ORDER BY f.year, f.block_code`,
    )
    .all(year ?? null, year ?? null) as { year: number; block_code: string; nodes: number; leaves: number | null }[];
  return rows.map((r) => ({ year: r.year, blockCode: r.block_code, nodeCount: r.nodes, leafCount: r.leaves ?? 0 }));
}

export function frameworkId(ws: Workspace, year: number, blockCode: string): number | null {
  const row = sqlOf(ws).prepare('SELECT id FROM frameworks WHERE year = ? AND block_code = ?').get(year, blockCode) as
    | { id: number }
    | undefined;
  return row?.id ?? null;
}

function frameworkNodes(ws: Workspace, id: number): CriterionNode[] {
  return (sqlOf(ws)
    .prepare(
      `SELECT code, parent_code, level, title, max_points, source, method, tiers, evidence_required, guidance
       FROM criteria WHERE framework_id = ? ORDER BY sort_order`,
    )
    .all(id) as {
    code: string;
    parent_code: string | null;
    level: number;
    title: string;
    max_points: number | null;
    source: CriterionNode['source'];
    method: CriterionNode['method'];
    tiers: string | null;
    evidence_required: number;
    guidance: string | null;
  }[]).map((r) => ({
    code: r.code,
    parentCode: r.parent_code,
    level: r.level,
    title: r.title,
    maxPoints: r.max_points,
    source: r.source,
    method: r.method,
    tiers: r.tiers ? JSON.parse(r.tiers) : null,
    evidenceRequired: r.evidence_required === 1,
    guidance: r.guidance,
  }));
}

export function getFramework(ws: Workspace, year: number, blockCode: string): Framework | null {
  const id = frameworkId(ws, year, blockCode);
  if (id === null) return null;
  return { year, blockCode, nodes: frameworkNodes(ws, id) };
}

/** The row id of every criterion of a framework, by code. */
export function criterionIds(ws: Workspace, year: number, blockCode: string): Map<string, number> {
  return new Map(
    (sqlOf(ws)
      .prepare('SELECT c.id, c.code FROM criteria c JOIN frameworks f ON f.id = c.framework_id WHERE f.year = ? AND f.block_code = ?')
      .all(year, blockCode) as { id: number; code: string }[]).map((r) => [r.code, r.id]),
  );
}

/** Codes of the framework's criteria that hold scores. */
export function scoredCriteria(ws: Workspace, id: number): string[] {
  return (sqlOf(ws)
    .prepare('SELECT DISTINCT c.code FROM scores s JOIN criteria c ON c.id = s.criterion_id WHERE c.framework_id = ?')
    .all(id) as { code: string }[]).map((r) => r.code);
}

export function hasScores(ws: Workspace, year: number, blockCode: string): boolean {
  return (
    sqlOf(ws)
      .prepare(
        `SELECT 1 FROM scores s JOIN criteria c ON c.id = s.criterion_id JOIN frameworks f ON f.id = c.framework_id
         WHERE f.year = ? AND f.block_code = ? LIMIT 1`,
      )
      .get(year, blockCode) !== undefined
  );
}

/**
 * Writes the nodes of a framework (created if new): nodes keep their rows (and scores) by
 * code, nodes no longer listed are deleted, and scores on nodes that stopped being leaves go.
 */
export function writeFramework(ws: Workspace, framework: Framework): number {
  const db = sqlOf(ws);
  let id = frameworkId(ws, framework.year, framework.blockCode);
  if (id === null) {
    id = Number(
      db.prepare('INSERT INTO frameworks(year, block_code) VALUES (?, ?)').run(framework.year, framework.blockCode).lastInsertRowid,
    );
  }
  const keep = new Set(framework.nodes.map((n) => n.code));
  const existing = db.prepare('SELECT id, code FROM criteria WHERE framework_id = ?').all(id) as { id: number; code: string }[];
  const del = db.prepare('DELETE FROM criteria WHERE id = ?');
  for (const e of existing) if (!keep.has(e.code)) del.run(e.id);
  const upsert = db.prepare(
    `INSERT INTO criteria(framework_id, code, parent_code, level, sort_order, title, max_points, source, method, tiers, evidence_required, guidance)
     VALUES (@fw, @code, @parent, @level, @order, @title, @max, @source, @method, @tiers, @evidence, @guidance)
     ON CONFLICT(framework_id, code) DO UPDATE SET parent_code = excluded.parent_code, level = excluded.level,
       sort_order = excluded.sort_order, title = excluded.title, max_points = excluded.max_points,
       source = excluded.source, method = excluded.method, tiers = excluded.tiers,
       evidence_required = excluded.evidence_required, guidance = excluded.guidance`,
  );
  framework.nodes.forEach((n, i) =>
    upsert.run({
      fw: id,
      code: n.code,
      parent: n.parentCode,
      level: n.level,
      order: i + 1,
      title: n.title,
      max: n.maxPoints,
      source: n.source,
      method: n.method,
      tiers: n.tiers ? JSON.stringify(n.tiers) : null,
      evidence: n.evidenceRequired ? 1 : 0,
      guidance: n.guidance,
    }),
  );
  db.prepare(
    `DELETE FROM scores WHERE criterion_id IN (SELECT c.id FROM criteria c WHERE c.framework_id = ?
       AND EXISTS (SELECT 1 FROM criteria k WHERE k.framework_id = c.framework_id AND k.parent_code = c.code))`,
  ).run(id);
  return id;
}
