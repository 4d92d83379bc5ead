// Migration 4 adds the years in force of units and the choices by hand of who takes part.
import { describe, expect, it } from 'vitest';
import { sqlOf } from '../../electron/db/connection';
import { Workspace } from '../../electron/db/workspace';
import { participatingUnits, setParticipation } from '../../electron/features/participation/service';
import { upsertUnits } from '../../electron/features/units/service';
import { getUnit } from '../../electron/features/units/store';
import { copyOfFixture } from './helpers';

describe('migration 4 (participation)', () => {
  it('upgrades a file of schema 3: units keep their lineage, years in force start open, survey forms stay', () => {
    const ws = Workspace.open(copyOfFixture(3));
    expect(getUnit(ws, 'XM')).toMatchObject({ predecessors: ['X1', 'X2'], fromYear: null, toYear: null });
    expect(sqlOf(ws).prepare('SELECT COUNT(*) AS n FROM survey_forms').get()).toEqual({ n: 1 });
    // 2024 has data for X1 (the merged commune XM has none): the communes of the time take part
    expect(participatingUnits(ws, 2024)).toEqual(['SNV', 'STP', 'X1', 'X2']);
    setParticipation(ws, 2024, 'X2', false, { reason: 'Sáp nhập trước kỳ đánh giá' });
    upsertUnits(ws, [{ code: 'XM', name: 'Xã Mới', blockCode: 'xa', fromYear: 2025 }]);
    expect(participatingUnits(ws, 2024)).toEqual(['SNV', 'STP', 'X1']);
    expect(getUnit(ws, 'XM')?.fromYear).toBe(2025);
    ws.close();
  });
});
