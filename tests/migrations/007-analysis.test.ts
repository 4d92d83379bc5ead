// Migration 7 adds the tie rule of each block and year; settings kept before it rank as they did.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../electron/db/workspace';
import { getBlockSettings, writeBlockSettings } from '../../electron/features/results/store';
import { copyOfFixture } from './helpers';

describe('migration 7 (analysis)', () => {
  it('upgrades a file of schema 4: bands and precision kept, equal indices still share a rank, the rule can be set', () => {
    const file = copyOfFixture(4);
    const raw = new Database(file);
    raw.exec(`UPDATE block_settings SET bands = '[{"name":"Tốt","min":90}]', precision = 1 WHERE year = 2024 AND block_code = 'so'`);
    raw.close();
    const ws = Workspace.open(file);
    expect(getBlockSettings(ws, 2024, 'so')).toEqual({ year: 2024, blockCode: 'so', bands: [{ name: 'Tốt', min: 90 }], precision: 1, ties: 'shared' });
    writeBlockSettings(ws, { ...getBlockSettings(ws, 2024, 'so'), ties: 'ordinal' });
    expect(getBlockSettings(ws, 2024, 'so').ties).toBe('ordinal');
    ws.close();
  });
});
