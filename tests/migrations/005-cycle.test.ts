// Migration 5 adds the appraisal cycle's tables and gives the workspace an identity.
import { describe, expect, it } from 'vitest';
import { sqlOf } from '../../electron/db/connection';
import { Workspace } from '../../electron/db/workspace';
import { setDeadlines, yearStatus } from '../../electron/features/cycle/service';
import { getSetting } from '../../electron/features/workspace/store';
import { copyOfFixture } from './helpers';

describe('migration 5 (cycle)', () => {
  it('upgrades a file of schema 4: an identity of its own, no deadlines yet, units keep their state', () => {
    const ws = Workspace.open(copyOfFixture(4));
    expect(getSetting(ws, 'workspace_id')).toMatch(/^[0-9a-f]{32}$/);
    const other = Workspace.open(copyOfFixture(4));
    expect(getSetting(other, 'workspace_id')).not.toBe(getSetting(ws, 'workspace_id'));
    other.close();
    for (const t of ['cycle_deadlines', 'council_members', 'council_assignments', 'council_packages', 'notices', 'petitions', 'publications']) {
      expect(sqlOf(ws).prepare(`SELECT COUNT(*) AS n FROM ${t}`).get()).toEqual({ n: 0 });
    }
    const status = yearStatus(ws, 2024);
    expect(status.deadlines).toEqual({ year: 2024, selfDue: null, appraisalDue: null, petitionsDue: null });
    expect(status.units.length).toBeGreaterThan(0);
    setDeadlines(ws, 2024, { selfDue: '2024-11-15' });
    expect(yearStatus(ws, 2024).deadlines.selfDue).toBe('2024-11-15');
    ws.close();
  });
});
