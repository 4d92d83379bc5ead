// Documents sent with petitions ("Tài liệu bổ sung"): a folder or .zip beside the returned notice,
// as a form's evidence comes; tied to the leaf and to the petition, shown with it; a document
// that answers no petition kept as the unit's unassigned evidence and said; a refused document
// refuses the notice whole, the workspace untouched.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyScoreChanges } from '../../../electron/features/appraisal/service';
import { listDocuments } from '../../../electron/features/evidence/store';
import { NOTICE_SHEET } from '../../../electron/features/petitions/notices';
import { petitionViews } from '../../../electron/features/petitions/service';
import { cli } from '../../helpers/cli';
import { tempDir } from '../../helpers/tmp';
import { withWs } from '../../helpers/workspace';
import { makePdf, makePng, makeZip, writeTree } from '../evidence/files';
import { createTestWorkspace, dumpWorkspace, fillXlsx } from '../forms/helpers';

const SELF: Record<string, number> = { '1.1.1': 1, '1.1.2': 2, '1.2': 1.5, '2.1': 2.5, '2.2': 0.5, '2.4': 1, '2.5': 0 };
const APPRAISED: Record<string, number> = { '1.1.1': 1, '1.1.2': 1, '1.2': 1.5, '2.1': 2, '2.2': 0.5, '2.4': 0, '2.5': 0 };


describe('documents sent with petitions', () => {
  it('lands them with the petitions, tied to leaf and petition; the rest unassigned; bad ones refuse the notice', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'ws.parws');
    const ws = createTestWorkspace(file);
    applyScoreChanges(ws, 2025, Object.entries(SELF).map(([c, v]) => ({ unitCode: 'SNV', criterionCode: c, patch: { selfScore: v } })), { source: 'form-import', actor: 'Biểu mẫu' });
    applyScoreChanges(ws, 2025, Object.entries(APPRAISED).map(([c, v]) => ({ unitCode: 'SNV', criterionCode: c, patch: { appraisedScore: v } })), { source: 'appraisal', actor: 'Cán bộ Sở' });
    ws.close();
    const notice = path.join(dir, 'SNV.xlsx');
    expect((await cli('notices', file, '--year', '2025', '--unit', 'SNV', '--out', notice)).code).toBe(0);

    // rows from 8 in framework order: 1.1.2 on row 9, 2.4 on row 13
    const returned = path.join(dir, 'tra-ve');
    const filled = path.join(returned, 'SNV-2025.xlsx');
    fs.mkdirSync(returned);
    fillXlsx([{ src: notice, dst: filled, sheet: NOTICE_SHEET, cells: { G9: 'Đã hoàn thành kế hoạch', H9: 'Báo cáo số 12.pdf', G13: 'Sáng kiến đã được công nhận' } }], dir);
    // a folder beside the notice with its base name; one name written in NFD, as macOS writes it
    const docs = path.join(returned, 'SNV-2025');
    writeTree(docs, {
      ['Báo cáo số 12.pdf'.normalize('NFD')]: makePdf(2, 'Bao cao 12'),
      '2.4/Ảnh chụp quyết định.png': makePng(40, 30, [200, 30, 30]),
      'ghi-chu-khac.pdf': makePdf(1, 'Khac'),
    });

    // an executable named .pdf among them: the whole notice is refused, nothing changes
    fs.writeFileSync(path.join(docs, 'bang-tinh.pdf'), Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]));
    const before = withWs(file, dumpWorkspace);
    const refused = await cli('petitions', 'import', file, returned, '--json');
    expect(refused.code).toBe(1);
    const [r0] = JSON.parse(refused.stdout);
    expect(r0).toMatchObject({ file: 'SNV-2025.xlsx', status: 'refused' });
    expect(JSON.stringify(r0.errors)).toContain('bang-tinh.pdf');
    expect(withWs(file, dumpWorkspace)).toEqual(before);
    fs.rmSync(path.join(docs, 'bang-tinh.pdf'));

    // the folder of documents is not taken for notices; the notice and its documents land together
    const r = await cli('petitions', 'import', file, returned);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('SNV-2025.xlsx (SNV): 2 kiến nghị, 3 tài liệu bổ sung');
    expect(r.stderr).toContain('Tài liệu không gắn được với kiến nghị nào');
    expect(r.stderr).toContain('ghi-chu-khac.pdf');
    const views = withWs(file, (w) => petitionViews(w, 2025, 'SNV'));
    const names = (code: string) => views.find((p) => p.criterionCode === code)!.documents.map((d) => d.name);
    expect(names('1.1.2')).toEqual(['Báo cáo số 12.pdf']);
    expect(names('2.4')).toEqual(['Ảnh chụp quyết định.png']);
    const all = withWs(file, (w) => listDocuments(w, 2025, { unitCode: 'SNV' }));
    expect(all.map((d) => [d.criterionCode, d.name, d.petitionId !== null])).toEqual([
      ['1.1.2', 'Báo cáo số 12.pdf', true],
      ['2.4', 'Ảnh chụp quyết định.png', true],
      [null, 'ghi-chu-khac.pdf', false],
    ]);

    // the same notice again with one more document, as a .zip this time: only that one comes in
    fs.rmSync(docs, { recursive: true });
    makeZip(path.join(returned, 'SNV-2025.zip'), { '1.1.2 Kế hoạch bổ sung.pdf': makePdf(1, 'Ke hoach'), 'Báo cáo số 12.pdf': makePdf(2, 'Bao cao 12') });
    const again = await cli('petitions', 'import', file, filled, '--json');
    expect(JSON.parse(again.stdout)[0]).toMatchObject({ status: 'imported', unit: 'SNV', changes: 0 });
    expect(Object.keys(JSON.parse(again.stdout)[0])).toEqual(['file', 'status', 'unit', 'changes', 'conflicts', 'errors', 'warnings']);
    expect(withWs(file, (w) => petitionViews(w, 2025, 'SNV')).find((p) => p.criterionCode === '1.1.2')!.documents.map((d) => d.name)).toEqual([
      '1.1.2 Kế hoạch bổ sung.pdf',
      'Báo cáo số 12.pdf',
    ]);
    const third = await cli('petitions', 'import', file, filled, '--json');
    expect(JSON.parse(third.stdout)[0]).toMatchObject({ status: 'unchanged', unit: 'SNV' });
  }, 120_000);
});
