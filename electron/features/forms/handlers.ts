// Biểu mẫu: forms written for the units of a year, returned files taken back one at a time
// (the window shows progress), the import report saved. Excel loads on first use.
import type { Handlers } from '../../../shared/contract';
import type { formsContract } from '../../../shared/forms/channels';
import type { HandlerContext } from '../context';
import { unitsTakingPart } from '../participation/service';

export function formsHandlers(context: HandlerContext): Pick<Handlers, keyof typeof formsContract> {
  const ws = () => context.workspace();
  /** the workbooks in files and folders the main process handed out, each under a token of its own */
  const expanded = async (paths: string[]) => {
    const { expandFormPaths } = await import('./import');
    return expandFormPaths(paths).map((file) => ({ token: context.rememberFile(file), file }));
  };
  return {
    'forms:status': () => ({ available: true }),

    'forms:generate': async ({ year, blockCode }) => {
      const folder = await context.pickOne('forms-folder');
      if (!folder) return { cancelled: true };
      const unitCodes = blockCode ? unitsTakingPart(ws(), year, blockCode).map((u) => u.code) : undefined;
      const { generateFormTemplates } = await import('./template');
      const forms = await generateFormTemplates(ws(), { year, unitCodes, outDir: folder });
      return { cancelled: false, value: { folder, files: forms.length } };
    },

    'forms:pickReturned': async () => {
      const picked = await context.pickMany('returned-forms');
      if (!picked || picked.length === 0) return { cancelled: true };
      return { cancelled: false, value: { files: await expanded(picked) } };
    },

    'forms:expand': async ({ tokens }) => ({ files: await expanded(tokens.map((token) => context.fileOf(token))) }),

    'forms:importOne': async ({ year, token }) => {
      const { importFormFile } = await import('./import');
      return importFormFile(ws(), context.fileOf(token), { expectedYear: year });
    },

    'forms:history': async ({ year }) => (await import('./history')).pastImports(ws(), year),

    'forms:historyEntry': async ({ id }) => (await import('./history')).pastImportDetail(ws(), id),

    'forms:exportReport': async ({ results }) => {
      const file = await context.pickOne('export-report', 'Bao-cao-nhap-bieu-mau.xlsx');
      if (!file) return { cancelled: true };
      const { writeImportReport } = await import('./report');
      await writeImportReport(results, file);
      return { cancelled: false, value: { file } };
    },
  };
}
