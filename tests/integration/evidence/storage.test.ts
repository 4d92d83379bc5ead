// The documents live in the workspace file: a backup and its restore carry them byte for byte;
// deleting a unit's year removes the contents no one else uses; the missing-evidence flag.
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { Workspace } from '../../../electron/db/workspace';
import { sqlOf } from '../../../electron/db/connection';
import { applyScoreChanges } from '../../../electron/features/appraisal/service';
import { deleteUnitYearEvidence, importEvidence, missingEvidence } from '../../../electron/features/evidence/service';
import { tempDir } from '../../helpers/tmp';
import { cli } from '../../helpers/cli';
import { createTestWorkspace } from '../forms/helpers';
import { makePdf, makePng, writeTree } from './files';

const dir = tempDir('parw-evidence-store-');
const file = (...p: string[]) => path.join(dir, ...p);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const SHARED = makePdf(4, 'Dung chung');
const OWN = makePng(64, 48, [200, 40, 40]);
let ws: Workspace;

beforeAll(async () => {
  ws = createTestWorkspace(file('ws.parws'));
  applyScoreChanges(ws, 2025, [
    { unitCode: 'SNV', criterionCode: '1.1.1', patch: { selfScore: 1 } },
    { unitCode: 'SNV', criterionCode: '1.1.2', patch: { selfScore: 1.5 } },
    { unitCode: 'STP', criterionCode: '1.1.2', patch: { selfScore: 0 } },
    { unitCode: 'STP', criterionCode: '1.1.1', patch: { selfScore: 1 } },
  ], { source: 'test' });
  await importEvidence(ws, writeTree(file('SNV-2025'), { '1.1.1/Chung.pdf': SHARED, '1.1.1/Riêng.png': OWN }), { year: 2025 });
  await importEvidence(ws, writeTree(file('STP-2025'), { '1.1.1 Chung.pdf': SHARED }), { year: 2025 });
  return () => ws.close();
});

describe('documents in the workspace file', () => {
  it('flags evidence-required leaves with a score above 0 and no document', async () => {
    expect(missingEvidence(ws, 2025)).toEqual([{ unit: 'SNV', criterion: '1.1.2', score: 1.5 }]);
    const r = await cli('evidence', 'list', file('ws.parws'), '--year', '2025', '--missing', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([{ unit: 'SNV', criterion: '1.1.2', score: 1.5 }]);
  });

  it('carries every document byte-identical through backup and restore', async () => {
    const r = await cli('backup', file('ws.parws'), file('backup.parws'));
    expect(r.code).toBe(0);
    // restore as the app does it: an online copy of the backup to the chosen file
    const backup = Workspace.open(file('backup.parws'));
    await backup.backup(file('restored.parws'));
    backup.close();
    const out = file('restored-export');
    expect((await cli('evidence', 'export', file('restored.parws'), '--year', '2025', '--unit', 'SNV', '--out', out)).code).toBe(0);
    expect(fs.readFileSync(path.join(out, '1.1.1', 'Chung.pdf')).equals(SHARED)).toBe(true);
    expect(fs.readFileSync(path.join(out, '1.1.1', 'Riêng.png')).equals(OWN)).toBe(true);
    const restored = Workspace.open(file('restored.parws'));
    const blobs = sqlOf(restored).prepare('SELECT sha256, content FROM evidence_blobs ORDER BY sha256').all() as { sha256: string; content: Buffer }[];
    expect(blobs.map((b) => b.sha256)).toEqual([sha(SHARED), sha(OWN)].sort());
    for (const b of blobs) expect(sha(b.content)).toBe(b.sha256);
    restored.close();
  });

  it('deletes a unit\'s year: contents still used by another unit stay, the others go', () => {
    const blobs = () => (sqlOf(ws).prepare('SELECT sha256 FROM evidence_blobs ORDER BY sha256').all() as { sha256: string }[]).map((b) => b.sha256);
    expect(blobs()).toHaveLength(2);
    expect(deleteUnitYearEvidence(ws, 2025, 'SNV')).toBe(2);
    expect(blobs()).toEqual([sha(SHARED)]);
    expect(deleteUnitYearEvidence(ws, 2025, 'STP')).toBe(1);
    expect(blobs()).toEqual([]);
  });
});
