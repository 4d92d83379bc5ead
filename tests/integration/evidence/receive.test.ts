// Evidence received with the forms and alone: folders and .zip files (Vietnamese names in NFD
// as macOS writes them) tied to leaves by folder, file-name prefix and the form's evidence
// cell; one copy per content; the command line's JSON; a refused form brings in none of its files.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importForms, writeFormTemplate } from '../../../electron/features/forms';
import { FORM_SHEET } from '../../../electron/features/forms/layout';
import type { Workspace } from '../../../electron/db/workspace';
import { sqlOf } from '../../../electron/db/connection';
import { listDocuments } from '../../../electron/features/evidence/store';
import { importEvidence } from '../../../electron/features/evidence/service';
import { tempDir } from '../../helpers/tmp';
import { cli } from '../../helpers/cli';
import { TEST_NODES, createTestWorkspace, dumpWorkspace, fillXlsx, formCell } from '../forms/helpers';
import { TINY_JPEG, makePdf, makePng, makeZip, writeTree } from './files';

const dir = tempDir('parw-evidence-');
const file = (...p: string[]) => path.join(dir, ...p);
const cell = (code: string, column: 'self' | 'evidence') => formCell(TEST_NODES, code, column);
const nfd = (s: string) => s.normalize('NFD');
let ws: Workspace;

const PLAN = makePdf(3, 'Ke hoach CCHC');
const REPORT = makePdf(2, 'Bao cao');
const DECISION = makePdf(1, 'Quyet dinh');
const PHOTO = makePng(40, 30, [30, 120, 200]);

beforeAll(async () => {
  ws = createTestWorkspace(file('ws.parws'));
  const returned = file('returned');
  fs.mkdirSync(returned);
  for (const unit of ['SNV', 'STP', 'SYT']) {
    const blank = file(`blank-${unit}.xlsx`);
    await writeFormTemplate(ws, { year: 2025, unitCode: unit, outFile: blank });
    const bad = unit === 'SYT';
    fillXlsx(
      [
        {
          src: blank,
          dst: path.join(returned, `${unit}-2025.xlsx`),
          sheet: FORM_SHEET,
          cells: {
            [cell('1.1.1', 'self')]: 1,
            [cell('1.1.2', 'self')]: bad ? 9 : 1.5,
            [cell('2.1', 'self')]: 2,
            [cell('1.1.1', 'evidence')]: 'Kế hoạch CCHC năm 2025',
            [cell('1.1.2', 'evidence')]: 'Báo cáo kết quả; Quyết định khen thưởng',
            [cell('2.1', 'evidence')]: 'Sổ theo dõi hồ sơ',
          },
        },
      ],
      dir,
    );
  }
  // SNV: a .zip written on a Mac (names in NFD), with a leaf folder, a prefixed name, a name from the cell
  makeZip(path.join(returned, 'SNV-2025.zip'), {
    [nfd('SNV-2025/1.1.1 - Kế hoạch/Kế hoạch CCHC 2025.pdf')]: PLAN,
    [nfd('SNV-2025/1.1.2_Báo cáo kết quả.pdf')]: REPORT,
    [nfd('SNV-2025/Quyết định khen thưởng.pdf')]: DECISION,
    [nfd('SNV-2025/Ảnh hội nghị.png')]: PHOTO,
    'SNV-2025/__MACOSX/._x': 'litter',
  });
  // STP: a folder, with a spreadsheet of evidence that must not be taken for a form
  writeTree(path.join(returned, 'STP-2025'), {
    '1.1.1/Kế hoạch.pdf': PLAN,
    [nfd('2.1 Sổ theo dõi.jpg')]: TINY_JPEG,
    'Danh sách.xlsx': fs.readFileSync(file('blank-STP.xlsx')),
  });
  // SYT: its form is refused (9 > 2): none of its files may come in
  writeTree(path.join(returned, 'SYT-2025'), { '1.1.1/Kế hoạch.pdf': makePdf(1, 'SYT') });
  return () => ws.close();
});

describe('evidence with the forms', () => {
  let results: Awaited<ReturnType<typeof importForms>>;
  it('imports each form with the folder or .zip beside it, one transaction per unit', async () => {
    const before = sqlOf(ws).prepare('SELECT COUNT(*) AS n FROM evidence_documents').get() as { n: number };
    expect(before.n).toBe(0);
    results = await importForms(ws, [file('returned')], { expectedYear: 2025 });
    expect(results.map((r) => [r.file, r.status])).toEqual([
      ['SNV-2025.xlsx', 'imported'],
      ['STP-2025.xlsx', 'imported'],
      ['SYT-2025.xlsx', 'refused'],
    ]);
    const snv = results[0].evidence!;
    expect(snv).toMatchObject({ source: 'SNV-2025.zip', files: 4, added: 4, unchanged: 0 });
    expect(snv.unassigned).toEqual(['SNV-2025/Ảnh hội nghị.png']);
  });

  it('ties files to leaves by folder, prefix and the names in the evidence cell (NFD names as NFC)', () => {
    const docs = listDocuments(ws, 2025, { unitCode: 'SNV' });
    expect(docs.map((d) => [d.criterionCode, d.name, d.linkedBy, d.kind, d.pages])).toEqual([
      ['1.1.1', 'Kế hoạch CCHC 2025.pdf', 'folder', 'pdf', 3],
      ['1.1.2', '1.1.2_Báo cáo kết quả.pdf', 'prefix', 'pdf', 2],
      ['1.1.2', 'Quyết định khen thưởng.pdf', 'form', 'pdf', 1],
      [null, 'Ảnh hội nghị.png', 'none', 'png', 1],
    ]);
    for (const d of docs) expect(d.name).toBe(d.name.normalize('NFC'));
    expect(docs.every((d) => d.submissionId === results[0].submissionId)).toBe(true);
    const stp = listDocuments(ws, 2025, { unitCode: 'STP' });
    expect(stp.map((d) => [d.criterionCode, d.path])).toEqual([
      ['1.1.1', '1.1.1/Kế hoạch.pdf'],
      ['2.1', '2.1 Sổ theo dõi.jpg'],
      [null, 'Danh sách.xlsx'],
    ]);
  });

  it('keeps one copy of a content however many units send it', () => {
    const blobs = sqlOf(ws).prepare('SELECT sha256, bytes FROM evidence_blobs').all() as { sha256: string; bytes: number }[];
    expect(blobs).toHaveLength(6);
    const plan = sqlOf(ws).prepare('SELECT COUNT(*) AS n FROM evidence_documents WHERE sha256 = (SELECT sha256 FROM evidence_documents WHERE unit_code = ? AND criterion_code = ?)').get('STP', '1.1.1') as { n: number };
    expect(plan.n).toBe(2);
  });

  it('brings in none of the files of a refused form', () => {
    expect(results[2].errors[0].message).toMatch(/1\.1\.2/);
    expect(listDocuments(ws, 2025, { unitCode: 'SYT' })).toEqual([]);
  });

  it('takes new evidence beside a form already imported, and nothing twice', async () => {
    const again = await importForms(ws, [file('returned', 'SNV-2025.xlsx')], { expectedYear: 2025 });
    expect(again[0].status).toBe('unchanged');
    expect(again[0].evidence).toMatchObject({ added: 0, unchanged: 4 });
  });
});

describe('evidence import, list and export on the command line', () => {
  it('imports a folder of one unit named by the option, listing names the form gave but no file came for', async () => {
    const folder = writeTree(file('stp-more'), { [nfd('Báo cáo kết quả.pdf')]: REPORT });
    const r = await cli('evidence', 'import', file('ws.parws'), '--year', '2025', folder, '--unit', 'STP', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ unit: 'STP', year: 2025, files: 1, added: 1, unassigned: [] });
    expect(out.notReceived).toEqual([{ criterion: '1.1.2', name: 'Quyết định khen thưởng' }]);
  });

  it('takes a folder of forms with their evidence beside them, as the import of forms does', async () => {
    const r = await cli('evidence', 'import', file('ws.parws'), '--year', '2025', file('returned'), '--json');
    const out = JSON.parse(r.stdout) as { file: string; status: string; evidence: { added: number; unchanged: number } | null }[];
    expect(out.map((x) => [x.file, x.status, x.evidence?.added ?? null, x.evidence?.unchanged ?? null])).toEqual([
      ['SNV-2025.xlsx', 'unchanged', 0, 4],
      ['STP-2025.xlsx', 'unchanged', 0, 3],
      ['SYT-2025.xlsx', 'refused', null, null],
    ]);
    expect(r.code).toBe(1);
  });

  it('finds the unit from the name of a .zip', async () => {
    const zip = makeZip(file('SYT_2025.zip'), { '2.1/So.pdf': makePdf(1, 'SYT') });
    const r = await importEvidence(ws, zip, { year: 2025 });
    expect(r).toMatchObject({ unit: 'SYT', added: 1 });
  });

  it('lists documents in the exact JSON shape', async () => {
    const r = await cli('evidence', 'list', file('ws.parws'), '--year', '2025', '--unit', 'SNV', '--json');
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout);
    expect(list).toHaveLength(4);
    for (const d of list) expect(Object.keys(d)).toEqual(['unit', 'criterion', 'name', 'sha256', 'bytes', 'receivedAt']);
    expect(list[0]).toMatchObject({ unit: 'SNV', criterion: '1.1.1', name: 'Kế hoạch CCHC 2025.pdf', bytes: PLAN.length });
    expect(list[3].criterion).toBeNull();
  });

  it('exports a unit\'s documents byte-identical, one folder per leaf', async () => {
    const out = file('export-snv');
    const r = await cli('evidence', 'export', file('ws.parws'), '--year', '2025', '--unit', 'SNV', '--out', out);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(path.join(out, '1.1.1', 'Kế hoạch CCHC 2025.pdf')).equals(PLAN)).toBe(true);
    expect(fs.readFileSync(path.join(out, '1.1.2', '1.1.2_Báo cáo kết quả.pdf')).equals(REPORT)).toBe(true);
    expect(fs.readFileSync(path.join(out, 'Chưa gán', 'Ảnh hội nghị.png')).equals(PHOTO)).toBe(true);
  });

  it('says which unit a nameless folder belongs to is unknown, and changes nothing', async () => {
    const folder = writeTree(file('bo-sung'), { 'a.pdf': REPORT });
    const before = dumpWorkspace(ws);
    const r = await cli('evidence', 'import', file('ws.parws'), '--year', '2025', folder);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/không xác định được tài liệu này của đơn vị nào/i);
    expect(dumpWorkspace(ws)).toEqual(before);
  });
});
