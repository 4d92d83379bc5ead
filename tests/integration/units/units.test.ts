// Units as staff enter them: one typed on screen (a code in use refused unless editing that
// unit), a list imported after a preview, codes that could not name a file refused, years in
// force, and every change recorded and undone whole.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../../electron/db/workspace';
import { previewUnits, readUnitsFile, importUnitsFile } from '../../../electron/features/units/import';
import { addUnit, deleteUnit, editUnit, undoUnitChange, upsertUnits } from '../../../electron/features/units/service';
import { getUnit, listUnitChanges, listUnits } from '../../../electron/features/units/store';
import { cli } from '../../helpers/cli';
import { writeCsv } from '../../helpers/files';
import { tempDir } from '../../helpers/tmp';
import { dumpWorkspace as dumpTables } from '../forms/helpers';

const HEADER = ['Mã', 'Tên đơn vị', 'Khối', 'Kế thừa từ', 'Xếp hạng', 'Từ năm', 'Đến năm'];

function workspace(): { ws: Workspace; dir: string } {
  const dir = tempDir();
  const ws = Workspace.create(path.join(dir, 'don-vi.parws'));
  ws.actor = 'Trần Thị Hoa';
  upsertUnits(ws, [
    { code: 'SNV', name: 'Sở Nội vụ', blockCode: 'so' },
    { code: 'STP', name: 'Sở Tư pháp', blockCode: 'so' },
  ]);
  return { ws, dir };
}

describe('a unit typed on screen', () => {
  it('is added, refused when its code is in use, changed only as an edit, and each change undone', () => {
    const { ws } = workspace();
    addUnit(ws, { code: 'STC', name: 'Sở Tài chính', blockCode: 'so' });
    expect(() => addUnit(ws, { code: 'SNV', name: 'Sở Nội vụ mới', blockCode: 'so' })).toThrow(/Mã SNV đã là mã của Sở Nội vụ; hãy chọn mã khác/);
    editUnit(ws, { code: 'SNV', name: 'Sở Nội vụ tỉnh', blockCode: 'so', fromYear: 2020 });
    expect(getUnit(ws, 'SNV')).toMatchObject({ name: 'Sở Nội vụ tỉnh', fromYear: 2020 });
    expect(() => editUnit(ws, { code: 'XYZ', name: 'Không có', blockCode: 'so' })).toThrow(/Không có đơn vị mã "XYZ"/);
    deleteUnit(ws, 'STC');
    const changes = listUnitChanges(ws);
    expect(changes.map((c) => [c.unitCode, c.before === null ? 'added' : c.after === null ? 'deleted' : 'changed', c.actor])).toEqual([
      ['STC', 'deleted', 'Trần Thị Hoa'],
      ['SNV', 'changed', 'Trần Thị Hoa'],
      ['STC', 'added', 'Trần Thị Hoa'],
      ['STP', 'added', 'Trần Thị Hoa'],
      ['SNV', 'added', 'Trần Thị Hoa'],
    ]);
    undoUnitChange(ws); // the deletion
    expect(getUnit(ws, 'STC')?.name).toBe('Sở Tài chính');
    undoUnitChange(ws); // the edit
    expect(getUnit(ws, 'SNV')).toMatchObject({ name: 'Sở Nội vụ', fromYear: null });
    undoUnitChange(ws); // the addition
    expect(getUnit(ws, 'STC')).toBeNull();
    ws.close();
  });
});

describe('a unit list from Excel', () => {
  it('is previewed without writing, then imported as one change that is undone whole', async () => {
    const { ws, dir } = workspace();
    const file = writeCsv(dir, 'don-vi.csv', [
      HEADER,
      ['SNV', 'Sở Nội vụ', 'so', '', '', '', ''],
      ['STP', 'Sở Tư pháp tỉnh', 'so', '', 'không', '', ''],
      ['X01', 'Xã Một', 'xa', '', '', '', '2024'],
      ['X02', 'Xã Hai', 'xa', '', '', '', '2024'],
      ['X10', 'Xã Mười', 'xa', 'X01; X02', '', '2025', ''],
    ]);
    const before = dumpTables(ws);
    const read = await readUnitsFile(ws, file);
    const preview = previewUnits(ws, read);
    expect(preview.map((p) => [p.unit.code, p.status, p.changes])).toEqual([
      ['SNV', 'unchanged', []],
      ['STP', 'changed', ['tên', 'xếp hạng']],
      ['X01', 'new', []],
      ['X02', 'new', []],
      ['X10', 'new', []],
    ]);
    expect(dumpTables(ws)).toEqual(before);
    const summary = await importUnitsFile(ws, file);
    expect(summary).toMatchObject({ created: 3, updated: 2, blocksCreated: ['xa'] });
    expect(getUnit(ws, 'X10')).toMatchObject({ predecessors: ['X01', 'X02'], fromYear: 2025, toYear: null });
    expect(getUnit(ws, 'X01')).toMatchObject({ fromYear: null, toYear: 2024 });
    expect(new Set(listUnitChanges(ws).slice(0, 4).map((c) => c.source))).toEqual(new Set(['import']));
    undoUnitChange(ws);
    expect(listUnits(ws).map((u) => [u.code, u.name, u.ranked])).toEqual([
      ['SNV', 'Sở Nội vụ', true],
      ['STP', 'Sở Tư pháp', true],
    ]);
    ws.close();
  });

  it('refuses codes that cannot name a file on Windows, and bad years, by row, writing nothing', async () => {
    const { ws, dir } = workspace();
    const before = dumpTables(ws);
    const file = writeCsv(dir, 'xau.csv', [
      HEADER,
      ['../../X', 'Xã Lạ', 'xa', '', '', '', ''],
      ['Z:1', 'Xã Hai Chấm', 'xa', '', '', '', ''],
      ['CON', 'Xã Con', 'xa', '', '', '', ''],
      ['X4', 'Xã Bốn', 'xa', '', '', 'hai nghìn', ''],
      ['X5', 'Xã Năm', 'xa', '', '', '2026', '2024'],
    ]);
    const r = await cli('units', 'import', path.join(dir, 'don-vi.parws'), file);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/dòng 2, cột "Mã": Mã "\.\.\/\.\.\/X" có ký tự "\/"/);
    expect(r.stderr).toMatch(/dòng 3, cột "Mã": Mã "Z:1" có ký tự ":"/);
    expect(r.stderr).toMatch(/dòng 4, cột "Mã": "CON" là tên dành riêng của Windows/);
    expect(r.stderr).toMatch(/dòng 5, cột "Từ năm": Từ năm: "hai nghìn" không phải là số/);
    expect(r.stderr).toMatch(/dòng 6, cột "Đến năm": "Đến năm" 2024 trước "Từ năm" 2026/);
    const again = Workspace.open(path.join(dir, 'don-vi.parws'));
    expect(dumpTables(again)).toEqual(before);
    again.close();
    expect(() => upsertUnits(ws, [{ code: 'A/B', name: 'Lạ', blockCode: 'so' }])).toThrow(/có ký tự "\/"/);
    ws.close();
  });
});
