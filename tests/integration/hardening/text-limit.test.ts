// Text read from files is held to what one field holds in the app (4,000 characters): a longer
// evidence cell refuses the form naming the cell, a longer name refuses the list naming its
// place, and the workspace stays as it was.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../../electron/db/workspace';
import { importForms } from '../../../electron/features/forms';
import { FORM_SHEET } from '../../../electron/features/forms/layout';
import { cli } from '../../helpers/cli';
import { writeCsv } from '../../helpers/files';
import { tempDir } from '../../helpers/tmp';
import { TEST_NODES, dumpWorkspace, fillXlsx, formCell } from '../forms/helpers';
import { workspaceWithFilledForms } from './forms-fixture';

describe('text cells from files', () => {
  it('a form with 4,001 characters of evidence is refused naming the cell; 4,000 are taken', async () => {
    const dir = tempDir();
    const { file, forms } = await workspaceWithFilledForms(dir, 3);
    const cell = formCell(TEST_NODES, '1.1.2', 'evidence');
    const long = path.join(dir, 'dai.xlsx');
    const fits = path.join(dir, 'vua.xlsx');
    fillXlsx(
      [
        { src: forms[0], dst: long, sheet: FORM_SHEET, cells: { [cell]: 'Quyết định số 12/QĐ-UBND. '.repeat(200).slice(0, 4001) } },
        { src: forms[0], dst: fits, sheet: FORM_SHEET, cells: { [cell]: 'x'.repeat(4000) } },
      ],
      dir,
    );
    const ws = Workspace.open(file);
    try {
      const before = dumpWorkspace(ws);
      const started = Date.now();
      const [refused] = await importForms(ws, [long]);
      expect(Date.now() - started).toBeLessThan(1000);
      expect(refused.status).toBe('refused');
      expect(refused.errors).toEqual([expect.objectContaining({ sheet: FORM_SHEET, cell, message: expect.stringMatching(/4\.001 ký tự.*4\.000/) })]);
      expect(dumpWorkspace(ws)).toEqual(before);
      const [taken] = await importForms(ws, [fits]);
      expect(taken.status).toBe('imported');
    } finally {
      ws.close();
    }
  });

  it('a unit list with a 5,000-character name is refused naming its row and column, nothing changed', async () => {
    const dir = tempDir();
    const { file } = await workspaceWithFilledForms(dir, 3);
    const csv = writeCsv(dir, 'don-vi.csv', [
      ['Mã', 'Tên đơn vị', 'Khối'],
      ['SCT', 'Sở Công Thương '.repeat(400).slice(0, 5000), 'so'],
    ]);
    const ws = Workspace.open(file);
    const before = dumpWorkspace(ws);
    ws.close();
    const r = await cli('units', 'import', file, csv);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/dòng 2, cột "Tên đơn vị".*5\.000 ký tự/);
    const after = Workspace.open(file);
    expect(dumpWorkspace(after)).toEqual(before);
    after.close();
  });
});
