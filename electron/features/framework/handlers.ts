// Bộ chỉ số: a framework read, checked and saved from the editor, cloned from a year, and
// imported or exported as a spreadsheet (Excel loads on first use).
import type { Handlers } from '../../../shared/contract';
import { UserError } from '../../../shared/errors';
import type { frameworkContract } from '../../../shared/framework/channels';
import { checkFramework } from '../../../shared/framework/tree';
import type { HandlerContext } from '../context';
import { cloneFramework, saveFramework } from './service';
import { getFramework, hasScores } from './store';

export function frameworkHandlers(context: HandlerContext): Pick<Handlers, keyof typeof frameworkContract> {
  const ws = () => context.workspace();
  return {
    'framework:get': ({ year, blockCode }) => {
      const framework = getFramework(ws(), year, blockCode);
      const nodes = framework?.nodes ?? [];
      return {
        exists: framework !== null,
        nodes,
        problems: checkFramework(nodes),
        hasScores: framework !== null && hasScores(ws(), year, blockCode),
      };
    },

    'framework:save': ({ year, blockCode, nodes }) => {
      const problems = checkFramework(nodes);
      if (problems.length) throw new UserError(problems.map((p) => ({ message: p.message })));
      if (nodes.length === 0) throw new UserError('Bộ chỉ số chưa có tiêu chí nào; hãy thêm ít nhất một lĩnh vực.');
      saveFramework(ws(), { year, blockCode, nodes });
      return { saved: true as const };
    },

    'framework:clone': ({ fromYear, toYear, blockCode }) => {
      const cloned = cloneFramework(ws(), fromYear, toYear, blockCode ?? undefined);
      return { session: context.session(), blocks: cloned.map((f) => f.blockCode) };
    },

    'framework:import': async ({ year, blockCode }) => {
      const file = await context.pickOne('import-framework');
      if (!file) return { cancelled: true };
      const { importFrameworkFile } = await import('./import');
      return { cancelled: false, value: { nodes: (await importFrameworkFile(ws(), year, blockCode, file)).nodes } };
    },

    'framework:export': async ({ year, blockCode }) => {
      const file = await context.pickOne('export-framework', `Bo-chi-so-${blockCode}-${year}.xlsx`);
      if (!file) return { cancelled: true };
      const { exportFrameworkFile } = await import('./import');
      await exportFrameworkFile(ws(), year, blockCode, file);
      return { cancelled: false, value: { file } };
    },

    'framework:template': async () => {
      const file = await context.pickOne('framework-template', 'Bo-chi-so-mau.xlsx');
      if (!file) return { cancelled: true };
      const { writeFrameworkTemplate } = await import('./template');
      await writeFrameworkTemplate(file);
      return { cancelled: false, value: { file } };
    },
  };
}
