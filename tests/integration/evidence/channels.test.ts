// The evidence channels as the window calls them, through the real session and dispatch (zod
// both ways): a unit's documents and flags, a document's bytes for the viewer, assigning, and
// a Word document opened by the system's application from a read-only copy.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppSession, dispatch } from '../../../electron/app';
import { applyScoreChanges } from '../../../electron/features/appraisal/service';
import { importEvidence } from '../../../electron/features/evidence/service';
import type { Channel, ChannelInput, ChannelOutput, Envelope } from '../../../shared/contract';
import { tempDir } from '../../helpers/tmp';
import { createTestWorkspace } from '../forms/helpers';
import { makeDocx, makePdf, writeTree } from './files';

const dir = tempDir('parw-evidence-channels-');
const opened: string[] = [];
let session: AppSession;

async function ask<K extends Channel>(channel: K, input: ChannelInput<K>): Promise<Envelope<ChannelOutput<K>>> {
  return (await dispatch(session.handlers, channel, input)) as Envelope<ChannelOutput<K>>;
}

beforeAll(async () => {
  const wsFile = path.join(dir, 'ws.parws');
  const ws = createTestWorkspace(wsFile);
  applyScoreChanges(ws, 2025, [{ unitCode: 'SNV', criterionCode: '1.1.2', patch: { selfScore: 2 } }], { source: 'test' });
  const docx = fs.readFileSync(makeDocx(path.join(dir, 'a.docx')));
  await importEvidence(ws, writeTree(path.join(dir, 'SNV-2025'), { '1.1.1/Kế hoạch.pdf': makePdf(2), 'Báo cáo.docx': docx }), { year: 2025 });
  ws.close();
  session = new AppSession({
    dataDir: path.join(dir, 'app'),
    pickFiles: async () => null,
    openWithSystem: async (file) => {
      opened.push(file);
    },
  });
  session.open(wsFile);
});
afterAll(() => session.close());

describe('evidence channels', () => {
  it('gives a unit\'s documents and flags, and a PDF\'s bytes for the viewer', async () => {
    const unit = await ask('evidence:unit', { year: 2025, unitCode: 'SNV' });
    if (!unit.ok) throw new Error(unit.failure.message);
    expect(unit.value.documents.map((d) => [d.criterionCode, d.name, d.kind])).toEqual([
      ['1.1.1', 'Kế hoạch.pdf', 'pdf'],
      [null, 'Báo cáo.docx', 'docx'],
    ]);
    expect(unit.value.missing).toEqual(['1.1.2']);
    const pdf = await ask('evidence:content', { id: unit.value.documents[0].id });
    expect(pdf.ok && Buffer.from(pdf.value.base64, 'base64').equals(makePdf(2))).toBe(true);
    const word = await ask('evidence:content', { id: unit.value.documents[1].id });
    expect(!word.ok && word.failure.message).toMatch(/không xem được trong ứng dụng/);
  });

  it('assigns a document to a leaf of the unit, refusing a code that is not one', async () => {
    const unit = await ask('evidence:unit', { year: 2025, unitCode: 'SNV' });
    const doc = unit.ok ? unit.value.documents[1] : null;
    const bad = await ask('evidence:assign', { id: doc!.id, criterionCode: '2.3' });
    expect(!bad.ok && bad.failure.message).toMatch(/2\.3 không phải tiêu chí thành phần tự chấm/);
    const good = await ask('evidence:assign', { id: doc!.id, criterionCode: '1.1.2' });
    expect(good.ok && [good.value.criterionCode, good.value.linkedBy]).toEqual(['1.1.2', 'staff']);
    const after = await ask('evidence:unit', { year: 2025, unitCode: 'SNV' });
    expect(after.ok && after.value.missing).toEqual([]);
  });

  it('opens a Word document with the system\'s application from a read-only copy', async () => {
    const unit = await ask('evidence:unit', { year: 2025, unitCode: 'SNV' });
    const doc = unit.ok ? unit.value.documents.find((d) => d.kind === 'docx')! : null;
    const r = await ask('evidence:openWithSystem', { id: doc!.id });
    expect(r.ok && r.value.name).toBe('Báo cáo.docx');
    expect(path.basename(opened[0])).toBe('Báo cáo.docx');
    expect(fs.readFileSync(opened[0]).equals(fs.readFileSync(path.join(dir, 'SNV-2025', 'Báo cáo.docx')))).toBe(true);
    expect(fs.statSync(opened[0]).mode & 0o222).toBe(0);
    fs.rmSync(path.dirname(opened[0]), { recursive: true, force: true });
  });
});
