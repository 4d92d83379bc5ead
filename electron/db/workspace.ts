import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import {
  BLOCK_DEFAULT_NAMES,
  DEFAULT_PRECISION,
  emptyScore,
  type AuditEntry,
  type Band,
  type Block,
  type BlockSettings,
  type CriterionNode,
  type Framework,
  type Period,
  type Score,
  type Unit,
  type YearResults,
} from '../../shared/domain';
import { UserError } from '../../shared/errors';
import { attachYearOverYear, comparisonYears, computeYear, leafCodes, scoreValueProblem, type YearScoringInput } from '../../shared/results';
import { openDatabase, type OpenOptions } from './open';

/** The fields of a score that a change may set; absent = unchanged, null = cleared. */
export interface ScorePatch {
  selfScore?: number | null;
  appraisedScore?: number | null;
  appraisalRound?: number;
  notApplicable?: boolean;
  reportedValue?: number | null;
  evidence?: string | null;
  explanation?: string | null;
  note?: string | null;
  needsReappraisal?: boolean;
}

export interface ScoreChange {
  unitCode: string;
  criterionCode: string;
  patch: ScorePatch;
}

export interface ChangeContext {
  /** who made the change; defaults to the workspace's actor */
  actor?: string;
  /** what made it: 'import', 'appraisal', 'survey', 'undo', … */
  source: string;
  reason?: string | null;
  /** when the change was made (ISO 8601), for data entered after the fact; defaults to now */
  at?: string;
}

export interface UnitInput {
  code: string;
  name: string;
  blockCode: string;
  ranked?: boolean;
  predecessors?: string[];
}

export interface FrameworkSummary {
  year: number;
  blockCode: string;
  nodeCount: number;
  leafCount: number;
}

const SCORE_COLUMNS: Record<keyof ScorePatch, string> = {
  selfScore: 'self_score',
  appraisedScore: 'appraised_score',
  appraisalRound: 'appraisal_round',
  notApplicable: 'not_applicable',
  reportedValue: 'reported_value',
  evidence: 'evidence',
  explanation: 'explanation',
  note: 'note',
  needsReappraisal: 'needs_reappraisal',
};

/** Fields whose changes go to the audit log (bookkeeping flags do not). */
const AUDITED_FIELDS: (keyof ScorePatch)[] = [
  'selfScore',
  'appraisedScore',
  'appraisalRound',
  'notApplicable',
  'reportedValue',
  'evidence',
  'explanation',
  'note',
];

interface ScoreRow {
  unit_code: string;
  code: string;
  self_score: number | null;
  appraised_score: number | null;
  appraisal_round: number;
  not_applicable: number;
  reported_value: number | null;
  evidence: string | null;
  explanation: string | null;
  note: string | null;
  needs_reappraisal: number;
}

function rowToScore(r: ScoreRow): Score {
  return {
    unitCode: r.unit_code,
    criterionCode: r.code,
    selfScore: r.self_score,
    appraisedScore: r.appraised_score,
    appraisalRound: r.appraisal_round,
    notApplicable: r.not_applicable === 1,
    reportedValue: r.reported_value,
    evidence: r.evidence,
    explanation: r.explanation,
    note: r.note,
    needsReappraisal: r.needs_reappraisal === 1,
  };
}

function auditValue(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean') return v ? '1' : '0';
  return String(v);
}

function sqlValue(v: unknown): unknown {
  if (typeof v === 'boolean') return v ? 1 : 0;
  return v ?? null;
}

/** One workspace file: every read and write of user data goes through here. */
export class Workspace {
  readonly db: Database.Database;
  readonly file: string;
  /** the name written into the audit log when a change names no actor */
  actor: string;
  /** computed results per year, valid while nothing they depend on has changed */
  private readonly yearCache = new Map<number, { stamp: string; results: YearResults }>();
  private readonly yearStamps = new Map<number, number>();
  private structureStamp = 0;

  private constructor(db: Database.Database, file: string) {
    this.db = db;
    this.file = file;
    this.actor = safeUserName();
  }

  /** A new, empty workspace; refuses a path that exists. */
  static create(file: string, options: Omit<OpenOptions, 'create'> = {}): Workspace {
    return new Workspace(openDatabase(file, { ...options, create: true }), file);
  }

  /** An existing workspace, migrated to this version's schema if older (after a backup). */
  static open(file: string, options: Omit<OpenOptions, 'create'> = {}): Workspace {
    return new Workspace(openDatabase(file, options), file);
  }

  get name(): string {
    return path.basename(this.file);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** Runs `fn` in one transaction: all of it lands or none of it. Nests as a savepoint. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  /** An online copy of the workspace to `dest`, consistent even while it is in use. */
  async backup(dest: string): Promise<void> {
    if (path.resolve(dest) === path.resolve(this.file)) {
      throw new UserError('Tệp sao lưu phải khác tệp dữ liệu đang mở.');
    }
    await this.db.backup(dest);
  }

  // ------------------------------------------------------------ settings

  getSetting(key: string): string | null {
    const row = this.db.prepare('SELECT value FROM workspace_settings WHERE key = ?').get(key) as
      | { value: string }
      | undefined;
    return row?.value ?? null;
  }

  setSetting(key: string, value: string): void {
    this.db
      .prepare('INSERT INTO workspace_settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
      .run(key, value);
  }

  // ------------------------------------------------------------- periods

  listPeriods(): Period[] {
    return (this.db.prepare('SELECT year, name, locked FROM periods ORDER BY year').all() as {
      year: number;
      name: string;
      locked: number;
    }[]).map((r) => ({ year: r.year, name: r.name, locked: r.locked === 1 }));
  }

  getPeriod(year: number): Period | null {
    return this.listPeriods().find((p) => p.year === year) ?? null;
  }

  /** The period of `year`, created if new ("Chỉ số CCHC năm 2025"). */
  ensurePeriod(year: number, name?: string): Period {
    this.db
      .prepare('INSERT INTO periods(year, name) VALUES (?, ?) ON CONFLICT(year) DO NOTHING')
      .run(year, name ?? `Chỉ số CCHC năm ${year}`);
    return this.getPeriod(year)!;
  }

  setPeriodLocked(year: number, locked: boolean): void {
    this.requirePeriod(year);
    this.db.prepare('UPDATE periods SET locked = ? WHERE year = ?').run(locked ? 1 : 0, year);
  }

  requirePeriod(year: number): Period {
    const p = this.getPeriod(year);
    if (!p) throw new UserError(`Chưa có kỳ đánh giá năm ${year} trong tệp dữ liệu ${this.name}.`);
    return p;
  }

  /** Refuses changes of scores in a period whose results were published. */
  requireOpenPeriod(year: number): Period {
    const p = this.requirePeriod(year);
    if (p.locked) throw new UserError(`Kỳ đánh giá năm ${year} đã khóa (đã công bố); hãy mở khóa trước khi sửa điểm.`);
    return p;
  }

  // -------------------------------------------------------------- blocks

  listBlocks(): Block[] {
    return (this.db.prepare('SELECT code, name, sort_order FROM blocks ORDER BY sort_order, code').all() as {
      code: string;
      name: string;
      sort_order: number;
    }[]).map((r) => ({ code: r.code, name: r.name, sortOrder: r.sort_order }));
  }

  getBlock(code: string): Block | null {
    return this.listBlocks().find((b) => b.code === code) ?? null;
  }

  /** The block of `code`, created if new; so/huyen/xa get their usual names. */
  ensureBlock(code: string, name?: string): Block {
    this.changedStructure();
    const existing = this.getBlock(code);
    if (existing) {
      if (name && name !== existing.name) this.db.prepare('UPDATE blocks SET name = ? WHERE code = ?').run(name, code);
      return this.getBlock(code)!;
    }
    const order = (this.db.prepare('SELECT COALESCE(MAX(sort_order), 0) + 1 AS n FROM blocks').get() as { n: number }).n;
    const defaultOrder = Object.keys(BLOCK_DEFAULT_NAMES).indexOf(code);
    this.db
      .prepare('INSERT INTO blocks(code, name, sort_order) VALUES (?, ?, ?)')
      .run(code, name ?? BLOCK_DEFAULT_NAMES[code] ?? code, defaultOrder >= 0 ? defaultOrder + 1 : order + 10);
    return this.getBlock(code)!;
  }

  requireBlock(code: string): Block {
    const b = this.getBlock(code);
    if (!b) throw new UserError(`Không có khối "${code}" trong tệp dữ liệu ${this.name}.`);
    return b;
  }

  // --------------------------------------------------------------- units

  listUnits(): Unit[] {
    const preds = new Map<string, string[]>();
    for (const r of this.db
      .prepare('SELECT unit_code, predecessor_code FROM unit_predecessors ORDER BY rowid')
      .all() as { unit_code: string; predecessor_code: string }[]) {
      const list = preds.get(r.unit_code) ?? [];
      list.push(r.predecessor_code);
      preds.set(r.unit_code, list);
    }
    return (this.db
      .prepare('SELECT code, name, block_code, ranked, sort_order FROM units ORDER BY sort_order, code')
      .all() as { code: string; name: string; block_code: string; ranked: number; sort_order: number }[]).map((r) => ({
      code: r.code,
      name: r.name,
      blockCode: r.block_code,
      ranked: r.ranked === 1,
      predecessors: preds.get(r.code) ?? [],
      sortOrder: r.sort_order,
    }));
  }

  getUnit(code: string): Unit | null {
    return this.listUnits().find((u) => u.code === code) ?? null;
  }

  /**
   * Adds or updates units (by code), in one transaction; predecessors may name units of
   * the same batch. Refuses unknown predecessors and cycles of lineage.
   */
  upsertUnits(inputs: UnitInput[]): void {
    this.changedStructure();
    this.transaction(() => {
      let order = (this.db.prepare('SELECT COALESCE(MAX(sort_order), 0) AS n FROM units').get() as { n: number }).n;
      const upsert = this.db.prepare(
        `INSERT INTO units(code, name, block_code, ranked, sort_order) VALUES (@code, @name, @block, @ranked, @order)
         ON CONFLICT(code) DO UPDATE SET name = excluded.name, block_code = excluded.block_code, ranked = excluded.ranked`,
      );
      for (const u of inputs) {
        this.ensureBlock(u.blockCode);
        upsert.run({ code: u.code, name: u.name, block: u.blockCode, ranked: u.ranked === false ? 0 : 1, order: ++order });
      }
      const del = this.db.prepare('DELETE FROM unit_predecessors WHERE unit_code = ?');
      const add = this.db.prepare('INSERT INTO unit_predecessors(unit_code, predecessor_code) VALUES (?, ?)');
      for (const u of inputs) {
        if (!u.predecessors) continue;
        del.run(u.code);
        for (const p of new Set(u.predecessors)) {
          if (p === u.code) continue;
          if (!this.db.prepare('SELECT 1 FROM units WHERE code = ?').get(p)) {
            throw new UserError(`Đơn vị ${u.code} kế thừa từ đơn vị ${p} chưa có trong danh sách; hãy thêm đơn vị ${p} trước.`);
          }
          add.run(u.code, p);
        }
      }
      this.assertNoLineageCycle();
    });
  }

  private assertNoLineageCycle(): void {
    const row = this.db
      .prepare(
        `WITH RECURSIVE chain(start, code, depth) AS (
           SELECT unit_code, predecessor_code, 1 FROM unit_predecessors
           UNION ALL
           SELECT chain.start, p.predecessor_code, depth + 1 FROM chain
             JOIN unit_predecessors p ON p.unit_code = chain.code WHERE depth < 100)
         SELECT start FROM chain WHERE start = code LIMIT 1`,
      )
      .get() as { start: string } | undefined;
    if (row) throw new UserError(`Quan hệ kế thừa của đơn vị ${row.start} tạo thành vòng lặp; hãy sửa cột "Kế thừa từ".`);
  }

  setUnitRanked(code: string, ranked: boolean): void {
    this.changedStructure();
    this.requireUnit(code);
    this.db.prepare('UPDATE units SET ranked = ? WHERE code = ?').run(ranked ? 1 : 0, code);
  }

  /** Removes a unit that has no scores and that no other unit descends from. */
  deleteUnit(code: string): void {
    this.changedStructure();
    this.requireUnit(code);
    if (this.db.prepare('SELECT 1 FROM scores WHERE unit_code = ? LIMIT 1').get(code)) {
      throw new UserError(`Đơn vị ${code} đã có điểm nên không xóa được.`);
    }
    if (this.db.prepare('SELECT 1 FROM unit_predecessors WHERE predecessor_code = ? LIMIT 1').get(code)) {
      throw new UserError(`Đơn vị ${code} là đơn vị tiền thân của đơn vị khác nên không xóa được.`);
    }
    try {
      this.db.prepare('DELETE FROM units WHERE code = ?').run(code);
    } catch (e) {
      if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
        throw new UserError(`Đơn vị ${code} còn biểu mẫu đã nộp hoặc phiếu khảo sát nên không xóa được.`);
      }
      throw e;
    }
  }

  requireUnit(code: string): Unit {
    const u = this.getUnit(code);
    if (!u) throw new UserError(`Không có đơn vị mã "${code}" trong tệp dữ liệu ${this.name}.`);
    return u;
  }

  // ----------------------------------------------------------- frameworks

  listFrameworks(year?: number): FrameworkSummary[] {
    const rows = this.db
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

  private frameworkId(year: number, blockCode: string): number | null {
    const row = this.db.prepare('SELECT id FROM frameworks WHERE year = ? AND block_code = ?').get(year, blockCode) as
      | { id: number }
      | undefined;
    return row?.id ?? null;
  }

  getFramework(year: number, blockCode: string): Framework | null {
    const id = this.frameworkId(year, blockCode);
    if (id === null) return null;
    return { year, blockCode, nodes: this.frameworkNodes(id) };
  }

  requireFramework(year: number, blockCode: string): Framework {
    const f = this.getFramework(year, blockCode);
    if (!f) throw new UserError(`Chưa có bộ chỉ số năm ${year} cho khối "${blockCode}".`);
    return f;
  }

  private frameworkNodes(id: number): CriterionNode[] {
    return (this.db
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

  /**
   * Sets the framework of a year and block (the year is created if new). Nodes keep their
   * scores by code; a leaf that disappears while it holds scores is refused unless
   * `dropScores` is set.
   */
  saveFramework(framework: Framework, options: { dropScores?: boolean } = {}): void {
    this.changedYear(framework.year);
    this.transaction(() => {
      this.ensurePeriod(framework.year);
      this.ensureBlock(framework.blockCode);
      let id = this.frameworkId(framework.year, framework.blockCode);
      if (id === null) {
        id = Number(
          this.db.prepare('INSERT INTO frameworks(year, block_code) VALUES (?, ?)').run(framework.year, framework.blockCode)
            .lastInsertRowid,
        );
      }
      const newLeaves = leafCodes(framework.nodes);
      const scored = this.db
        .prepare(
          `SELECT DISTINCT c.code FROM scores s JOIN criteria c ON c.id = s.criterion_id WHERE c.framework_id = ?`,
        )
        .all(id) as { code: string }[];
      const lost = scored.map((r) => r.code).filter((c) => !newLeaves.has(c));
      if (lost.length && !options.dropScores) {
        throw new UserError(
          `Các tiêu chí ${lost.join(', ')} đã có điểm nhưng không còn là tiêu chí được chấm trong bộ chỉ số mới; ` +
            'hãy giữ lại các tiêu chí này hoặc xóa điểm của chúng trước.',
        );
      }
      const keep = new Set(framework.nodes.map((n) => n.code));
      const existing = this.db.prepare('SELECT id, code FROM criteria WHERE framework_id = ?').all(id) as {
        id: number;
        code: string;
      }[];
      const del = this.db.prepare('DELETE FROM criteria WHERE id = ?');
      for (const e of existing) if (!keep.has(e.code)) del.run(e.id);
      const upsert = this.db.prepare(
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
      // Scores on nodes that stopped being leaves would be counted nowhere.
      this.db
        .prepare(
          `DELETE FROM scores WHERE criterion_id IN (SELECT c.id FROM criteria c WHERE c.framework_id = ?
             AND EXISTS (SELECT 1 FROM criteria k WHERE k.framework_id = c.framework_id AND k.parent_code = c.code))`,
        )
        .run(id);
    });
  }

  /** Copies the frameworks of `fromYear` (one block or all) into `toYear`, which must have none yet. */
  cloneFramework(fromYear: number, toYear: number, blockCode?: string): Framework[] {
    return this.transaction(() => {
      const sources = this.listFrameworks(fromYear).filter((f) => !blockCode || f.blockCode === blockCode);
      if (sources.length === 0) {
        throw new UserError(
          blockCode
            ? `Năm ${fromYear} chưa có bộ chỉ số cho khối "${blockCode}" để sao chép.`
            : `Năm ${fromYear} chưa có bộ chỉ số nào để sao chép.`,
        );
      }
      const cloned: Framework[] = [];
      for (const s of sources) {
        if (this.getFramework(toYear, s.blockCode)) {
          throw new UserError(`Năm ${toYear} đã có bộ chỉ số cho khối "${s.blockCode}"; không sao chép đè.`);
        }
        const fw = { ...this.getFramework(fromYear, s.blockCode)!, year: toYear };
        this.saveFramework(fw);
        const settings = this.getBlockSettings(fromYear, s.blockCode);
        this.saveBlockSettings({ ...settings, year: toYear });
        cloned.push(fw);
      }
      return cloned;
    });
  }

  deleteFramework(year: number, blockCode: string): void {
    this.changedYear(year);
    this.db.prepare('DELETE FROM frameworks WHERE year = ? AND block_code = ?').run(year, blockCode);
  }

  // --------------------------------------------------------------- scores

  /** Scores of a year, of one block or all, one unit or all. */
  getScores(year: number, filter: { blockCode?: string; unitCode?: string } = {}): Score[] {
    // Conditions only for the filters given, so that SQLite can use its indexes.
    const where = ['f.year = @year'];
    if (filter.blockCode !== undefined) where.push('f.block_code = @block');
    if (filter.unitCode !== undefined) where.push('s.unit_code = @unit');
    const rows = this.db
      .prepare(
        `SELECT s.unit_code, c.code, s.self_score, s.appraised_score, s.appraisal_round, s.not_applicable,
                s.reported_value, s.evidence, s.explanation, s.note, s.needs_reappraisal
         FROM scores s JOIN criteria c ON c.id = s.criterion_id JOIN frameworks f ON f.id = c.framework_id
         WHERE ${where.join(' AND ')}
         ORDER BY s.unit_code, c.sort_order`,
      )
      .all({ year, block: filter.blockCode, unit: filter.unitCode }) as ScoreRow[];
    return rows.map(rowToScore);
  }

  /** Units that have scores in `year` (they take part in that year). */
  participatingUnits(year: number): string[] {
    return (this.db
      .prepare(
        `SELECT DISTINCT s.unit_code FROM scores s JOIN criteria c ON c.id = s.criterion_id
         JOIN frameworks f ON f.id = c.framework_id WHERE f.year = ? ORDER BY s.unit_code`,
      )
      .all(year) as { unit_code: string }[]).map((r) => r.unit_code);
  }

  /**
   * Applies score changes in one transaction, each checked against its leaf (range, method,
   * source), and records every changed field in the audit log. All or nothing: the first
   * bad change throws and nothing is written. Returns the number of changed fields.
   */
  applyScoreChanges(year: number, changes: ScoreChange[], context: ChangeContext): number {
    this.changedYear(year);
    return this.transaction(() => {
      this.requireOpenPeriod(year);
      const now = context.at ?? new Date().toISOString();
      const actor = context.actor ?? this.actor;
      const units = new Map(this.listUnits().map((u) => [u.code, u]));
      const leafCache = new Map<string, Map<string, { id: number; node: CriterionNode }>>();
      const leafIndex = (blockCode: string) => {
        let m = leafCache.get(blockCode);
        if (!m) {
          m = new Map();
          const id = this.frameworkId(year, blockCode);
          if (id !== null) {
            const nodes = this.frameworkNodes(id);
            const leafSet = leafCodes(nodes);
            const ids = new Map(
              (this.db.prepare('SELECT id, code FROM criteria WHERE framework_id = ?').all(id) as {
                id: number;
                code: string;
              }[]).map((r) => [r.code, r.id]),
            );
            for (const n of nodes) if (leafSet.has(n.code)) m.set(n.code, { id: ids.get(n.code)!, node: n });
          }
          leafCache.set(blockCode, m);
        }
        return m;
      };
      const select = this.db.prepare(
        `SELECT unit_code, self_score, appraised_score, appraisal_round, not_applicable,
                reported_value, evidence, explanation, note, needs_reappraisal
         FROM scores WHERE unit_code = ? AND criterion_id = ?`,
      );
      const insert = this.db.prepare('INSERT INTO scores(criterion_id, unit_code, updated_at) VALUES (?, ?, ?)');
      const audit = this.db.prepare(
        `INSERT INTO score_audit(at, actor, year, unit_code, criterion_code, field, old_value, new_value, reason, source)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const updates = new Map<string, Database.Statement>();
      let changed = 0;
      for (const change of changes) {
        const unit = units.get(change.unitCode);
        if (!unit) throw new UserError(`Không có đơn vị mã "${change.unitCode}" trong tệp dữ liệu.`);
        const leaf = leafIndex(unit.blockCode).get(change.criterionCode);
        if (!leaf) {
          throw new UserError(
            `Bộ chỉ số năm ${year} của ${unit.name} không có tiêu chí được chấm mã "${change.criterionCode}".`,
          );
        }
        for (const kind of ['selfScore', 'appraisedScore'] as const) {
          const v = change.patch[kind];
          if (v === undefined || v === null) continue;
          const problem = scoreValueProblem(leaf.node, v, kind === 'selfScore' ? 'self' : 'appraised');
          if (problem) throw new UserError(`${unit.name}, ${problem}`);
        }
        const row = select.get(unit.code, leaf.id) as Omit<ScoreRow, 'code'> | undefined;
        const before = row ? rowToScore({ ...row, code: leaf.node.code }) : emptyScore(unit.code, leaf.node.code);
        const fields = (Object.keys(change.patch) as (keyof ScorePatch)[]).filter(
          (k) => change.patch[k] !== undefined && auditValue(change.patch[k]) !== auditValue(before[k]),
        );
        if (fields.length === 0) continue;
        if (!row) insert.run(leaf.id, unit.code, now);
        const key = fields.join(',');
        let update = updates.get(key);
        if (!update) {
          update = this.db.prepare(
            `UPDATE scores SET ${fields.map((f) => `${SCORE_COLUMNS[f]} = ?`).join(', ')}, updated_at = ?
             WHERE unit_code = ? AND criterion_id = ?`,
          );
          updates.set(key, update);
        }
        update.run(...fields.map((f) => sqlValue(change.patch[f])), now, unit.code, leaf.id);
        for (const f of fields) {
          if (!AUDITED_FIELDS.includes(f)) continue;
          audit.run(
            now,
            actor,
            year,
            unit.code,
            leaf.node.code,
            f,
            auditValue(before[f]),
            auditValue(change.patch[f]),
            context.reason ?? null,
            context.source,
          );
          changed++;
        }
      }
      return changed;
    });
  }

  /** Audit entries of a year, newest first, for one unit and leaf or wider. */
  getAudit(year: number, filter: { unitCode?: string; criterionCode?: string; limit?: number } = {}): AuditEntry[] {
    const rows = this.db
      .prepare(
        `SELECT id, at, actor, year, unit_code, criterion_code, field, old_value, new_value, reason, source
         FROM score_audit WHERE year = @year AND (@unit IS NULL OR unit_code = @unit)
           AND (@code IS NULL OR criterion_code = @code)
         ORDER BY id DESC LIMIT @limit`,
      )
      .all({
        year,
        unit: filter.unitCode ?? null,
        code: filter.criterionCode ?? null,
        limit: filter.limit ?? -1,
      }) as {
      id: number;
      at: string;
      actor: string;
      year: number;
      unit_code: string;
      criterion_code: string;
      field: string;
      old_value: string | null;
      new_value: string | null;
      reason: string | null;
      source: string;
    }[];
    return rows.map((r) => ({
      id: r.id,
      at: r.at,
      actor: r.actor,
      year: r.year,
      unitCode: r.unit_code,
      criterionCode: r.criterion_code,
      field: r.field,
      oldValue: r.old_value,
      newValue: r.new_value,
      reason: r.reason,
      source: r.source,
    }));
  }

  // -------------------------------------------------- settings per block

  getBlockSettings(year: number, blockCode: string): BlockSettings {
    const row = this.db
      .prepare('SELECT bands, precision FROM block_settings WHERE year = ? AND block_code = ?')
      .get(year, blockCode) as { bands: string; precision: number } | undefined;
    return {
      year,
      blockCode,
      bands: row ? (JSON.parse(row.bands) as Band[]) : [],
      precision: row?.precision ?? DEFAULT_PRECISION,
    };
  }

  saveBlockSettings(settings: BlockSettings): void {
    this.changedYear(settings.year);
    this.transaction(() => {
      this.requirePeriod(settings.year);
      this.requireBlock(settings.blockCode);
      const bands = [...settings.bands].sort((a, b) => b.min - a.min);
      this.db
        .prepare(
          `INSERT INTO block_settings(year, block_code, bands, precision) VALUES (?, ?, ?, ?)
           ON CONFLICT(year, block_code) DO UPDATE SET bands = excluded.bands, precision = excluded.precision`,
        )
        .run(settings.year, settings.blockCode, JSON.stringify(bands), settings.precision);
    });
  }

  // -------------------------------------------------------------- results

  /** The rows the scoring engine needs for one year. */
  scoringInput(year: number): YearScoringInput {
    const frameworks = this.listFrameworks(year).map((f) => this.getFramework(year, f.blockCode)!);
    return {
      year,
      blocks: this.listBlocks(),
      units: this.listUnits(),
      frameworks,
      scores: this.scoringScores(year),
      settings: frameworks.map((f) => this.getBlockSettings(year, f.blockCode)),
    };
  }

  /** Scores of a year with only what the engine reads, in one lean pass. */
  private scoringScores(year: number): Score[] {
    const rows = this.db
      .prepare(
        `SELECT s.unit_code, c.code, s.self_score, s.appraised_score, s.not_applicable
         FROM frameworks f JOIN criteria c ON c.framework_id = f.id JOIN scores s ON s.criterion_id = c.id
         WHERE f.year = ?`,
      )
      .raw()
      .all(year) as [string, string, number | null, number | null, number][];
    return rows.map(([unitCode, criterionCode, selfScore, appraisedScore, na]) => ({
      unitCode,
      criterionCode,
      selfScore,
      appraisedScore,
      appraisalRound: 0,
      notApplicable: na === 1,
      reportedValue: null,
      evidence: null,
      explanation: null,
      note: null,
      needsReappraisal: false,
    }));
  }

  /** For each year, the blocks that have scores in it. */
  private blocksWithScores(): Map<number, Set<string>> {
    const rows = this.db
      .prepare(
        `SELECT f.year, f.block_code FROM frameworks f
         WHERE EXISTS (SELECT 1 FROM criteria c JOIN scores s ON s.criterion_id = c.id WHERE c.framework_id = f.id)`,
      )
      .all() as { year: number; block_code: string }[];
    const map = new Map<number, Set<string>>();
    for (const r of rows) {
      const set = map.get(r.year) ?? new Set<string>();
      set.add(r.block_code);
      map.set(r.year, set);
    }
    return map;
  }

  /** Results of every year may change: units, blocks or periods changed. */
  private changedStructure(): void {
    this.structureStamp++;
  }

  /** Results of `year` may change: its scores, framework or settings changed. */
  private changedYear(year: number): void {
    this.yearStamps.set(year, (this.yearStamps.get(year) ?? 0) + 1);
  }

  /**
   * One year's figures without the comparison with earlier years, computed once and kept
   * until this workspace or another connection to the file changes what they depend on.
   */
  private yearFigures(year: number): YearResults {
    const external = this.db.pragma('data_version', { simple: true }) as number;
    const stamp = `${external}:${this.structureStamp}:${this.yearStamps.get(year) ?? 0}`;
    const cached = this.yearCache.get(year);
    if (cached?.stamp === stamp) return cached.results;
    const results = computeYear(this.scoringInput(year));
    this.yearCache.set(year, { stamp, results });
    return results;
  }

  /**
   * Totals, indices, ranks, bands and year-over-year change of `year`. Only the years it is
   * compared with (per block, the latest earlier year with results) are read besides it.
   */
  results(year: number): YearResults {
    this.requirePeriod(year);
    const earlier = comparisonYears(this.blocksWithScores(), year).map((y) => this.yearFigures(y));
    return attachYearOverYear(structuredClone(this.yearFigures(year)), earlier, this.listUnits());
  }

}

function safeUserName(): string {
  try {
    return os.userInfo().username || 'người dùng';
  } catch {
    return 'người dùng';
  }
}
