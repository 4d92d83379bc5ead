import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../electron/cli/commands';
import { runCli } from '../../electron/cli/framework';
import { createDemoWorkspace } from '../../electron/features/demo';
import { Workspace } from '../../electron/db/workspace';
import type { UnitResult, YearResults } from '../../shared/domain';
import { UserError } from '../../shared/errors';
import { checkFramework, frameworkMaximum, leaves } from '../../shared/results';
import { tempDir } from '../helpers/tmp';
import { getAudit, getScores } from '../../electron/features/appraisal/store';
import { requireFramework } from '../../electron/features/framework/service';
import { listFrameworks } from '../../electron/features/framework/store';
import { participatingUnits } from '../../electron/features/participation/service';
import { yearResults } from '../../electron/features/results/service';
import { listUnits } from '../../electron/features/units/store';
import { getSetting, listPeriods } from '../../electron/features/workspace/store';

const YEARS = [2023, 2024, 2025];
let dir: string;
let file: string;
let ws: Workspace;
const results = new Map<number, YearResults>();

function block(year: number, code: string) {
  return results.get(year)!.blocks.find((b) => b.code === code);
}

beforeAll(() => {
  dir = tempDir('parw-demo-');
  file = path.join(dir, 'mau.parws');
  createDemoWorkspace(file);
  ws = Workspace.open(file);
  for (const y of YEARS) results.set(y, yearResults(ws, y));
  return () => ws.close();
});

describe('demo workspace', () => {
  it('is marked as the sample of Tỉnh Mẫu, with three periods, earlier ones published', () => {
    expect(getSetting(ws, 'province')).toBe('Tỉnh Mẫu');
    expect(getSetting(ws, 'sample')).toBe('1');
    expect(listPeriods(ws)).toEqual([
      { year: 2023, name: 'Chỉ số CCHC năm 2023', locked: true },
      { year: 2024, name: 'Chỉ số CCHC năm 2024', locked: true },
      { year: 2025, name: 'Chỉ số CCHC năm 2025', locked: false },
    ]);
  });

  it('has frameworks of 8 fields and about 90 sub-criteria summing to 100, cloned with small changes', () => {
    const expected = { 2023: ['so', 'huyen', 'xa'], 2024: ['so', 'huyen', 'xa'], 2025: ['so', 'xa'] } as Record<number, string[]>;
    for (const y of YEARS) {
      expect(listFrameworks(ws, y).map((f) => f.blockCode).sort()).toEqual([...expected[y]].sort());
      for (const b of expected[y]) {
        const nodes = requireFramework(ws, y, b).nodes;
        const leafNodes = leaves(nodes);
        expect(checkFramework(nodes)).toEqual([]);
        expect(frameworkMaximum(nodes)).toBeCloseTo(100, 9);
        expect(nodes.filter((n) => n.level === 1)).toHaveLength(8);
        expect(leafNodes.length).toBeGreaterThanOrEqual(85);
        expect(leafNodes.length).toBeLessThanOrEqual(95);
        expect(leafNodes.filter((n) => n.source === 'survey').length).toBeGreaterThanOrEqual(3);
        for (const method of ['yesno', 'tiers', 'ratio', 'bonus', 'deduction']) {
          expect(leafNodes.some((n) => n.method === method), `${y} ${b} ${method}`).toBe(true);
        }
        expect(leafNodes.filter((n) => n.method === 'tiers').every((n) => (n.tiers ?? []).length >= 2)).toBe(true);
        expect(leafNodes.filter((n) => n.evidenceRequired).length).toBeGreaterThan(leafNodes.length / 2);
        expect(leafNodes.every((n) => (n.guidance ?? '').length > 10)).toBe(true);
        expect(leafNodes.some((n) => n.maxPoints === 0.25)).toBe(true);
        expect(leafNodes.some((n) => n.maxPoints === 0.5)).toBe(true);
      }
    }
    const titles = (y: number, b: string) => requireFramework(ws, y, b).nodes.map((n) => `${n.code} ${n.title} ${n.maxPoints}`);
    expect(titles(2024, 'so')).not.toEqual(titles(2023, 'so'));
    expect(titles(2025, 'xa')).not.toEqual(titles(2024, 'xa'));
    // departments and communes answer different wording of the same criterion
    expect(titles(2023, 'so')).not.toEqual(titles(2023, 'xa'));
  });

  it('has 20 departments every year, two of them scored but not ranked', () => {
    for (const y of YEARS) {
      const so = block(y, 'so')!;
      expect(so.units).toHaveLength(20);
      const unranked = so.units.filter((u) => u.rank === null);
      expect(unranked).toHaveLength(2);
      expect(unranked.every((u) => !u.ranked && u.index !== null)).toBe(true);
    }
  });

  it('has districts and old communes until 2024 and 65 merged communes in 2025', () => {
    for (const y of [2023, 2024]) {
      expect(block(y, 'huyen')!.units).toHaveLength(10);
      expect(block(y, 'xa')!.units.length).toBeGreaterThan(100);
    }
    expect(block(2025, 'huyen')).toBeUndefined();
    const communes = block(2025, 'xa')!.units;
    expect(communes).toHaveLength(65);
    expect(communes.filter((u) => u.name.startsWith('Phường '))).toHaveLength(4);
    expect(communes.filter((u) => u.name.startsWith('Xã '))).toHaveLength(61);
    expect(participatingUnits(ws, 2025)).toHaveLength(85);
  });

  it('gives every 2025 commune predecessors with 2024 results, covering each old commune once', () => {
    const units = new Map(listUnits(ws).map((u) => [u.code, u]));
    const old2024 = new Set(block(2024, 'xa')!.units.map((u) => u.code));
    const covered: string[] = [];
    const kinds = { keepsCode: 0, renamed: 0, merged: 0 };
    for (const r of block(2025, 'xa')!.units) {
      const unit = units.get(r.code)!;
      expect(unit.predecessors.length, r.name).toBeGreaterThanOrEqual(1);
      expect(unit.predecessors.every((p) => old2024.has(p)), r.name).toBe(true);
      covered.push(...unit.predecessors);
      if (old2024.has(unit.code)) {
        kinds.keepsCode++;
        covered.push(unit.code);
      } else if (unit.predecessors.length === 1) {
        kinds.renamed++;
        expect(units.get(unit.predecessors[0])!.name).not.toBe(unit.name);
      } else kinds.merged++;
    }
    expect(covered.sort()).toEqual([...old2024].sort());
    expect(kinds.keepsCode).toBeGreaterThanOrEqual(2);
    expect(kinds.renamed).toBeGreaterThanOrEqual(3);
    expect(kinds.merged).toBeGreaterThan(50);
  });

  it('has exactly one provisional unit, in 2025', () => {
    const provisional = (y: number) => results.get(y)!.blocks.flatMap((b) => b.units).filter((u) => u.provisional);
    expect(provisional(2023)).toEqual([]);
    expect(provisional(2024)).toEqual([]);
    const open = provisional(2025);
    expect(open).toHaveLength(1);
    const scores = getScores(ws, 2025, { unitCode: open[0].code });
    const awaiting = scores.filter((s) => !s.notApplicable && s.appraisedScore === null);
    expect(awaiting.length).toBeGreaterThan(5);
    expect(awaiting.every((s) => s.selfScore !== null)).toBe(true);
  });

  it('spreads indices mostly between 75 and 95, with a few weak units, and sets bands', () => {
    for (const y of YEARS) {
      const all = results.get(y)!.blocks.flatMap((b) => b.units);
      const indices = all.map((u) => u.index!);
      expect(indices.every((i) => i > 0 && i <= 100)).toBe(true);
      expect(indices.filter((i) => i >= 75 && i <= 95).length / indices.length).toBeGreaterThan(0.85);
      expect(indices.some((i) => i < 70)).toBe(true);
      expect(all.every((u) => u.band !== null)).toBe(true);
      for (const b of results.get(y)!.blocks) {
        expect(new Set(b.units.map((u) => u.band)).size, `${y} ${b.code}`).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it('shows year-over-year change for merged, renamed and continuing units', () => {
    const units = new Map(listUnits(ws).map((u) => [u.code, u]));
    const communes = block(2025, 'xa')!.units;
    const lineage = (r: UnitResult) => units.get(r.code)!.predecessors.length + (block(2024, 'xa')!.units.some((o) => o.code === r.code) ? 1 : 0);
    const merged = communes.filter((r) => lineage(r) >= 2);
    const renamed = communes.filter((r) => lineage(r) === 1);
    expect(merged.length).toBeGreaterThan(50);
    for (const r of merged) {
      expect(r.previous?.year).toBe(2024);
      expect(r.deltaIndex).not.toBeNull();
      expect(r.deltaRank).toBeNull();
    }
    expect(renamed.length).toBeGreaterThanOrEqual(3);
    for (const r of renamed) {
      expect(r.deltaIndex).not.toBeNull();
      expect(r.deltaRank).not.toBeNull();
    }
    for (const r of block(2025, 'so')!.units.filter((u) => u.ranked)) {
      expect(r.previous?.year).toBe(2024);
      expect(r.deltaRank).not.toBeNull();
    }
  });

  it('scores realistically: self a little above appraised, notes on changes, not-applicable leaves, two rounds', () => {
    for (const y of YEARS) {
      const scores = getScores(ws, y).filter((s) => !s.notApplicable && s.selfScore !== null && s.appraisedScore !== null);
      const self = scores.reduce((s, x) => s + x.selfScore!, 0);
      const appraised = scores.reduce((s, x) => s + x.appraisedScore!, 0);
      expect(self).toBeGreaterThan(appraised);
      expect(self).toBeLessThan(appraised * 1.06);
      const above = scores.filter((s) => s.selfScore! > s.appraisedScore!);
      expect(above.length / scores.length).toBeGreaterThan(0.05);
      expect(above.length / scores.length).toBeLessThan(0.4);
      const changed = scores.filter((s) => s.selfScore !== s.appraisedScore && s.appraisalRound === 1);
      expect(changed.every((s) => (s.note ?? '').length > 0)).toBe(true);
      const all = getScores(ws, y);
      expect(all.filter((s) => s.notApplicable).length).toBeGreaterThan(20);
      expect(all.some((s) => s.appraisalRound === 2)).toBe(true);
      expect(all.filter((s) => s.evidence !== null).length).toBeGreaterThan(all.length / 2);
    }
  });

  it('keeps a plausible audit trail, written by the units, the council and the survey team', () => {
    const audit = getAudit(ws, 2025);
    expect(audit.length).toBeGreaterThan(5000);
    expect(new Set(audit.map((a) => a.source))).toEqual(new Set(['demo']));
    const actors = new Set(audit.map((a) => a.actor));
    expect(actors.has('Hội đồng thẩm định Chỉ số CCHC tỉnh')).toBe(true);
    expect(actors.has('Tổ điều tra xã hội học')).toBe(true);
    expect([...actors].some((a) => a.includes('Sở Tư pháp'))).toBe(true);
    const reasons = new Set(audit.map((a) => a.reason));
    expect(reasons.has('Phúc tra (thẩm định lần 2)')).toBe(true);
    const secondRound = audit.find((a) => a.reason === 'Phúc tra (thẩm định lần 2)' && a.field === 'appraisedScore')!;
    expect(Number(secondRound.newValue)).toBeGreaterThan(Number(secondRound.oldValue));
  });

  it('comes out the same every time', () => {
    const again = path.join(dir, 'mau-2.parws');
    createDemoWorkspace(again);
    const other = Workspace.open(again);
    try {
      for (const y of YEARS) expect(yearResults(other, y)).toEqual(results.get(y));
      expect(getScores(other, 2024)).toEqual(getScores(ws, 2024));
      expect(listUnits(other)).toEqual(listUnits(ws));
    } finally {
      other.close();
    }
  });

  it('refuses a file that exists and leaves it untouched', () => {
    const existing = path.join(dir, 'co-san.parws');
    fs.writeFileSync(existing, 'không phải tệp dữ liệu');
    expect(() => createDemoWorkspace(existing)).toThrow(UserError);
    expect(fs.readFileSync(existing, 'utf8')).toBe('không phải tệp dữ liệu');
  });

  it('is built by `par-workbench demo WS`, which refuses an existing file with exit 1', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t) };
    const target = path.join(dir, 'cli.parws');
    expect(await runCli(['demo', target], commands, io)).toBe(0);
    expect(err.join('\n')).toContain('Dữ liệu mẫu');
    const built = Workspace.open(target);
    try {
      expect(yearResults(built, 2025)).toEqual(results.get(2025));
    } finally {
      built.close();
    }
    const size = fs.statSync(target).size;
    expect(await runCli(['demo', target], commands, io)).toBe(1);
    expect(err[err.length - 1]).toMatch(/đã tồn tại/);
    expect(fs.statSync(target).size).toBe(size);
    expect(await runCli(['demo'], commands, io)).toBe(2);
  });
});
