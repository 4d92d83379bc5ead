// Đơn vị: the units of the workspace, added, changed and deleted from the window, a list
// imported from Excel after a preview, and the last change undone.
import type { Handlers } from '../../../shared/contract';
import type { unitsContract } from '../../../shared/units/channels';
import type { HandlerContext } from '../context';
import { listBlocks } from '../workspace/store';
import { addUnit, deleteUnit, editUnit, undoUnitChange } from './service';
import { listUnitChanges, listUnits, type UnitChange } from './store';

function kindOf(c: UnitChange): 'added' | 'changed' | 'deleted' {
  return c.before === null ? 'added' : c.after === null ? 'deleted' : 'changed';
}

export function unitsHandlers(context: HandlerContext): Pick<Handlers, keyof typeof unitsContract> {
  const ws = () => context.workspace();
  const all = () => ({ units: listUnits(ws()), blocks: listBlocks(ws()) });
  return {
    'units:list': () => all(),

    'units:save': ({ unit, mode }) => {
      (mode === 'add' ? addUnit : editUnit)(ws(), unit, { source: 'units' });
      return { units: listUnits(ws()) };
    },

    'units:delete': ({ code }) => {
      deleteUnit(ws(), code, { source: 'units' });
      return { units: listUnits(ws()) };
    },

    'units:history': () => {
      const changes = listUnitChanges(ws(), 100);
      return {
        changes: changes.map((c) => ({
          at: c.at,
          actor: c.actor,
          source: c.source,
          unitCode: c.unitCode,
          unitName: (c.after ?? c.before)?.name ?? c.unitCode,
          kind: kindOf(c),
          undone: c.undone,
        })),
        canUndo: changes.some((c) => !c.undone && c.source !== 'undo'),
      };
    },

    'units:undo': () => {
      const undone = undoUnitChange(ws());
      return { units: listUnits(ws()), undone: undone?.length ?? 0 };
    },

    'units:pickImport': async () => {
      const file = await context.pickOne('import-units');
      if (!file) return { cancelled: true };
      const { previewUnits, readUnitsFile } = await import('./import');
      const read = await readUnitsFile(ws(), file);
      return { cancelled: false, value: { token: context.rememberFile(file), file: read.file, preview: previewUnits(ws(), read), warnings: read.warnings } };
    },

    'units:import': async ({ token }) => {
      const { importUnitsFile } = await import('./import');
      const summary = await importUnitsFile(ws(), context.fileOf(token));
      return { ...all(), created: summary.created, updated: summary.updated };
    },

    'units:template': async () => {
      const file = await context.pickOne('units-template', 'Danh-sach-don-vi.xlsx');
      if (!file) return { cancelled: true };
      const { writeUnitsTemplate } = await import('./template');
      await writeUnitsTemplate(file);
      return { cancelled: false, value: { file } };
    },
  };
}
