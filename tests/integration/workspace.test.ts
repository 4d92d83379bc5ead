import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../shared/errors';
import { LATEST_SCHEMA_VERSION, openDatabase } from '../../electron/db/open';
import { Workspace } from '../../electron/db/workspace';
import { migrations } from '../../electron/db/migrations';
import type { Migration } from '../../electron/db/migrations/types';
import { tempDir } from '../helpers/tmp';
import { applyScoreChanges } from '../../electron/features/appraisal/service';
import { getAudit, getScores } from '../../electron/features/appraisal/store';
import { cloneFramework, saveFramework } from '../../electron/features/framework/service';
import { getFramework } from '../../electron/features/framework/store';
import { participatingUnits } from '../../electron/features/participation/service';
import { saveBlockSettings, yearResults } from '../../electron/features/results/service';
import { getBlockSettings } from '../../electron/features/results/store';
import { deleteUnit, setUnitRanked, upsertUnits } from '../../electron/features/units/service';
import { getUnit } from '../../electron/features/units/store';
import { setPeriodLocked } from '../../electron/features/workspace/service';
import { sqlOf } from '../../electron/db/connection';

const leaf = { method: 'free' as const, tiers: null, evidenceRequired: false, guidance: null, source: 'self' as const };

function smallWorkspace(file: string): Workspace {
  const ws = Workspace.create(file);
  upsertUnits(ws, [
    { code: 'A', name: 'Sở Nội vụ', blockCode: 'so' },
    { code: 'B', name: 'Sở Tư pháp', blockCode: 'so' },
  ]);
  saveFramework(ws, {
    year: 2024,
    blockCode: 'so',
    nodes: [
      { ...leaf, code: '1', parentCode: null, level: 1, title: 'Chỉ đạo, điều hành', maxPoints: 3 },
      { ...leaf, code: '1.1', parentCode: '1', level: 2, title: 'Kế hoạch CCHC', maxPoints: 1 },
      { ...leaf, code: '1.2', parentCode: '1', level: 2, title: 'Tuyên truyền CCHC', maxPoints: 2, method: 'yesno' },
      { ...leaf, code: '2', parentCode: null, level: 1, title: 'Hài lòng của người dân', maxPoints: 5, source: 'survey' },
    ],
  });
  return ws;
}

describe('workspace file', () => {
  it('is created with WAL, foreign keys and the latest schema recorded', () => {
    const dir = tempDir();
    const ws = Workspace.create(path.join(dir, 'a.parws'));
    expect(sqlOf(ws).pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlOf(ws).pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlOf(ws).pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    const recorded = sqlOf(ws).prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[];
    expect(recorded.map((r) => r.version)).toEqual(migrations.map((m) => m.version));
    ws.close();
    expect(() => Workspace.create(path.join(dir, 'a.parws'))).toThrow(/đã tồn tại/);
  });

  it('refuses a workspace written by a newer schema and leaves it untouched', () => {
    const dir = tempDir();
    const file = path.join(dir, 'newer.parws');
    smallWorkspace(file).close();
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    db.close();
    const before = fs.readFileSync(file);
    expect(() => Workspace.open(file)).toThrow(/phiên bản PAR Workbench mới hơn/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a file that is not a workspace', () => {
    const dir = tempDir();
    const file = path.join(dir, 'note.parws');
    fs.writeFileSync(file, 'không phải cơ sở dữ liệu');
    expect(() => Workspace.open(file)).toThrow(UserError);
    const other = path.join(dir, 'other.sqlite');
    new Database(other).exec('CREATE TABLE t(x)');
    expect(() => Workspace.open(other)).toThrow(/không phải là tệp dữ liệu PAR Workbench/);
  });

  it('backs up an older workspace beside itself before migrating it', () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.parws');
    const first = migrations.slice(0, 1);
    openDatabase(file, { create: true, migrations: first }).close();
    const extra: Migration = {
      version: LATEST_SCHEMA_VERSION + 1,
      name: 'test-extra',
      up: (db) => db.exec('CREATE TABLE test_extra (x INTEGER)'),
    };
    const db = openDatabase(file, { migrations: [...migrations, extra] });
    expect(db.pragma('user_version', { simple: true })).toBe(extra.version);
    db.close();
    const backups = fs.readdirSync(dir).filter((f) => f.startsWith('old.v1-') && f.endsWith('.bak.parws'));
    expect(backups).toHaveLength(1);
    const copy = new Database(path.join(dir, backups[0]), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    copy.close();
  });

  it('takes an online backup that opens with the same results', async () => {
    const dir = tempDir();
    const ws = smallWorkspace(path.join(dir, 'live.parws'));
    applyScoreChanges(ws, 2024, [{ unitCode: 'A', criterionCode: '1.1', patch: { appraisedScore: 1 } }], { source: 'test' });
    const dest = path.join(dir, 'copy.parws');
    await ws.backup(dest);
    const copy = Workspace.open(dest);
    expect(yearResults(copy, 2024)).toEqual(yearResults(ws, 2024));
    copy.close();
    ws.close();
  });
});

describe('score changes', () => {
  it('records every changed field in the audit log with who, old, new and why', () => {
    const dir = tempDir();
    const ws = smallWorkspace(path.join(dir, 'audit.parws'));
    applyScoreChanges(ws, 2024, [{ unitCode: 'A', criterionCode: '1.1', patch: { selfScore: 1, appraisedScore: 0.5 } }], {
      source: 'appraisal',
      actor: 'Nguyễn Văn An',
      reason: 'Thiếu tài liệu kiểm chứng',
    });
    applyScoreChanges(ws, 2024, [{ unitCode: 'A', criterionCode: '1.1', patch: { appraisedScore: 0.75, selfScore: 1 } }], {
      source: 'appraisal',
      actor: 'Trần Thị Bình',
    });
    const audit = getAudit(ws, 2024, { unitCode: 'A', criterionCode: '1.1' });
    expect(audit.map((a) => [a.field, a.oldValue, a.newValue, a.actor])).toEqual([
      ['appraisedScore', '0.5', '0.75', 'Trần Thị Bình'],
      ['appraisedScore', null, '0.5', 'Nguyễn Văn An'],
      ['selfScore', null, '1', 'Nguyễn Văn An'],
    ]);
    expect(audit[2].reason).toBe('Thiếu tài liệu kiểm chứng');
    ws.close();
  });

  it('refuses a bad change and writes nothing of the batch', () => {
    const dir = tempDir();
    const ws = smallWorkspace(path.join(dir, 'atomic.parws'));
    const attempt = (patch: object, code = '1.1') => () =>
      applyScoreChanges(ws, 
        2024,
        [
          { unitCode: 'B', criterionCode: '1.1', patch: { appraisedScore: 1 } },
          { unitCode: 'A', criterionCode: code, patch },
        ],
        { source: 'test' },
      );
    expect(attempt({ appraisedScore: 2 })).toThrow(/vượt điểm tối đa 1/);
    expect(attempt({ appraisedScore: -0.5 })).toThrow(/nhỏ hơn 0/);
    expect(attempt({ appraisedScore: 1 }, '1.2')).toThrow(/chỉ được là 0 hoặc 2/);
    expect(attempt({ selfScore: 3 }, '2')).toThrow(/không tự chấm/);
    expect(attempt({ appraisedScore: 1 }, '1')).toThrow(/không có tiêu chí được chấm/);
    expect(getScores(ws, 2024)).toEqual([]);
    expect(getAudit(ws, 2024)).toEqual([]);
    setPeriodLocked(ws, 2024, true);
    expect(() => applyScoreChanges(ws, 2024, [{ unitCode: 'A', criterionCode: '1.1', patch: { appraisedScore: 1 } }], { source: 'test' })).toThrow(/đã khóa/);
    ws.close();
  });

  it('keeps scores by code when the framework is saved again and refuses to drop scored leaves', () => {
    const dir = tempDir();
    const ws = smallWorkspace(path.join(dir, 'fw.parws'));
    applyScoreChanges(ws, 2024, [{ unitCode: 'A', criterionCode: '1.1', patch: { appraisedScore: 1 } }], { source: 'test' });
    const fw = getFramework(ws, 2024, 'so')!;
    saveFramework(ws, { ...fw, nodes: fw.nodes.map((n) => (n.code === '1.1' ? { ...n, title: 'Ban hành kế hoạch CCHC' } : n)) });
    expect(getScores(ws, 2024)[0].appraisedScore).toBe(1);
    expect(() => saveFramework(ws, { ...fw, nodes: fw.nodes.filter((n) => n.code !== '1.1') })).toThrow(/đã có điểm/);
    expect(getFramework(ws, 2024, 'so')!.nodes).toHaveLength(4);
    ws.close();
  });

  it('clones a framework with its bands into a new year and refuses to overwrite', () => {
    const dir = tempDir();
    const ws = smallWorkspace(path.join(dir, 'clone.parws'));
    saveBlockSettings(ws, { year: 2024, blockCode: 'so', bands: [{ name: 'Tốt', min: 90 }], precision: 2 });
    cloneFramework(ws, 2024, 2025);
    expect(getFramework(ws, 2025, 'so')!.nodes).toEqual(getFramework(ws, 2024, 'so')!.nodes);
    expect(getBlockSettings(ws, 2025, 'so').bands).toEqual([{ name: 'Tốt', min: 90 }]);
    expect(() => cloneFramework(ws, 2024, 2025)).toThrow(/không sao chép đè/);
    ws.close();
  });

  it('refuses lineage cycles and unknown predecessors', () => {
    const dir = tempDir();
    const ws = smallWorkspace(path.join(dir, 'lineage.parws'));
    expect(() => upsertUnits(ws, [{ code: 'C', name: 'Xã C', blockCode: 'xa', predecessors: ['Z'] }])).toThrow(/chưa có trong danh sách/);
    upsertUnits(ws, [{ code: 'C', name: 'Xã C', blockCode: 'xa', predecessors: ['A'] }]);
    expect(() => upsertUnits(ws, [{ code: 'A', name: 'Sở Nội vụ', blockCode: 'so', predecessors: ['C'] }])).toThrow(/vòng lặp/);
    expect(getUnit(ws, 'A')!.predecessors).toEqual([]);
    ws.close();
  });
});

describe('units', () => {
  it('deletes a unit without data and refuses one that still has data elsewhere', () => {
    const dir = tempDir();
    const ws = smallWorkspace(path.join(dir, 'units.parws'));
    upsertUnits(ws, [{ code: 'C', name: 'Sở Y tế', blockCode: 'so' }]);
    deleteUnit(ws, 'C');
    expect(getUnit(ws, 'C')).toBeNull();
    applyScoreChanges(ws, 2024, [{ unitCode: 'A', criterionCode: '1.1', patch: { selfScore: 1 } }], { source: 'test' });
    expect(() => deleteUnit(ws, 'A')).toThrow(/đã có điểm/);
    // a row of another room that points at the unit
    sqlOf(ws).exec(`CREATE TABLE test_refs (unit_code TEXT REFERENCES units(code))`);
    sqlOf(ws).prepare('INSERT INTO test_refs VALUES (?)').run('B');
    expect(() => deleteUnit(ws, 'B')).toThrow(/không xóa được/);
    expect(getUnit(ws, 'B')).not.toBeNull();
    ws.close();
  });
});

describe('participation', () => {
  it('writes no score row for a change that sets nothing; every unit of the block takes part before any score', () => {
    const dir = tempDir();
    const ws = smallWorkspace(path.join(dir, 'empty.parws'));
    const changed = applyScoreChanges(ws, 2024, [{ unitCode: 'A', criterionCode: '1.1', patch: { selfScore: null, note: null } }], { source: 'test' });
    expect(changed).toBe(0);
    expect(getScores(ws, 2024)).toEqual([]);
    expect(participatingUnits(ws, 2024)).toEqual(['A', 'B']);
    applyScoreChanges(ws, 2024, [{ unitCode: 'A', criterionCode: '1.1', patch: { selfScore: 1 } }], { source: 'test', at: '2024-11-05T08:00:00.000Z' });
    expect(participatingUnits(ws, 2024)).toEqual(['A', 'B']);
    expect(getAudit(ws, 2024)[0].at).toBe('2024-11-05T08:00:00.000Z');
    ws.close();
  });
});

describe('results kept between calls', () => {
  it('follow every change: scores, framework, settings, units, and writes from another connection', () => {
    const dir = tempDir();
    const file = path.join(dir, 'cache.parws');
    const ws = smallWorkspace(file);
    cloneFramework(ws, 2024, 2025);
    const full = (year: number, unitCode: string, a: number) =>
      applyScoreChanges(ws, 
        year,
        [
          { unitCode, criterionCode: '1.1', patch: { appraisedScore: a } },
          { unitCode, criterionCode: '1.2', patch: { appraisedScore: 2 } },
          { unitCode, criterionCode: '2', patch: { appraisedScore: 5 } },
        ],
        { source: 'test' },
      );
    full(2024, 'A', 1);
    full(2024, 'B', 0);
    full(2025, 'A', 0);
    full(2025, 'B', 1);
    const first = yearResults(ws, 2025);
    const a = () => yearResults(ws, 2025).blocks[0].units.find((u) => u.code === 'A')!;
    expect(a().previous).toEqual({ year: 2024, index: 100, rank: 1 });
    expect(a().deltaRank).toBe(-1);
    // a caller changing what it got back changes nothing kept
    first.blocks[0].units[0].total = -1;
    expect(yearResults(ws, 2025).blocks[0].units[0].total).toBeGreaterThan(0);

    full(2024, 'A', 0); // an earlier year's score
    expect(a().previous).toEqual({ year: 2024, index: 87.5, rank: 1 });
    saveBlockSettings(ws, { year: 2025, blockCode: 'so', bands: [{ name: 'Đạt', min: 0 }], precision: 2 });
    expect(a().band).toBe('Đạt');
    setUnitRanked(ws, 'A', false);
    expect(a().rank).toBeNull();
    upsertUnits(ws, [{ code: 'A', name: 'Sở Nội vụ (mới)', blockCode: 'so', ranked: true }]);
    expect(a().name).toBe('Sở Nội vụ (mới)');
    const fw = getFramework(ws, 2025, 'so')!;
    saveFramework(ws, { ...fw, nodes: fw.nodes.map((n) => (n.code === '2' ? { ...n, maxPoints: 10 } : n)) });
    expect(a().max).toBe(13);

    // another connection (the command line while the app is open) writes to the same file
    const other = Workspace.open(file);
    applyScoreChanges(other, 2025, [{ unitCode: 'A', criterionCode: '2', patch: { appraisedScore: 10 } }], { source: 'test' });
    other.close();
    expect(a().total).toBe(12);
    ws.close();
  });
});
