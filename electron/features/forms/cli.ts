// What the commands of this feature do; ./commands.ts describes them, and the command line
// loads this module only when one of them runs.
import path from 'node:path';
import { UserError, formatProblem } from '../../../shared/errors';
import { formatDate, formatNumber, parseDay } from '../../../shared/format';
import {
  STATUS_LABELS,
  generateFormTemplates,
  importForms,
  writeFormTemplate,
  writeImportReport,
  type FormImportResult,
} from './index';
import { listSubmissions } from './store';
import { withWorkspace } from '../../cli/workspace';
import { codeForFileName } from '../../../shared/units/codes';
import { fileInside, refuseUnsafeFolder, refuseUnsafeOutput } from '../../files/output';
import { requireUnit } from '../units/service';
import { requirePeriod } from '../workspace/service';
import { type CommandRun, UsageError, flagNumber, flagString, flagYear } from '../../cli/framework';

/** "15/11/2025" or "2025-11-15" → "2025-11-15". */
function parseDeadline(text: string | undefined): string | null {
  if (text === undefined) return null;
  const iso = parseDay(text);
  if (!iso) throw new UsageError(`--deadline cần một ngày dạng dd/mm/yyyy, ví dụ --deadline 15/11/2025 (không phải "${text}").`);
  return iso;
}

/** One entry per file, as `import --json` prints it. */
export function importResultJson(r: FormImportResult) {
  return {
    file: r.file,
    status: r.status,
    unit: r.unit,
    year: r.year,
    matchedBy: r.matchedBy,
    changes: r.changes,
    flaggedForReappraisal: r.flaggedForReappraisal,
    errors: r.errors.map((e) => ({ sheet: e.sheet ?? null, cell: e.cell ?? null, message: e.message })),
    warnings: r.warnings.map((w) => ({ sheet: w.sheet ?? null, cell: w.cell ?? null, message: w.message })),
  };
}

function importResultText(r: FormImportResult): string {
  const who = r.unitName ? `${r.unitName} (${r.unit}), năm ${r.year}` : r.unit ? `${r.unit}, năm ${r.year}` : '';
  const head = `${r.file}: ${STATUS_LABELS[r.status]}${who ? ` — ${who}` : ''}${r.status === 'imported' ? `, ${formatNumber(r.changes)} tiêu chí thay đổi` : ''}`;
  const lines = [
    ...r.errors.map((e) => `  Lỗi: ${formatProblem(e)}`),
    ...r.warnings.map((w) => `  Cảnh báo: ${formatProblem(w)}`),
  ];
  return [head, ...lines].join('\n');
}

export const runs: Record<string, CommandRun> = {
  'template'(args, io) {
    const year = flagYear(args);
    const unit = flagString(args, 'unit');
    const all = args.flags.all === true;
    const out = flagString(args, 'out')!;
    if (Boolean(unit) === all) throw new UsageError('Hãy chọn một trong hai: --unit MÃ_ĐƠN_VỊ hoặc --all.');
    const deadline = parseDeadline(flagString(args, 'deadline'));
    return withWorkspace(args.positionals[0], async (ws) => {
      if (unit) {
        const asFile = path.extname(out).toLowerCase() === '.xlsx';
        if (!asFile) refuseUnsafeFolder(out);
        // the file is named from the unit found in the workspace, never from the typed code
        const outFile = asFile ? out : fileInside(out, `${year}_${codeForFileName(requireUnit(ws, unit).code)}.xlsx`);
        const form = await writeFormTemplate(ws, { year, unitCode: unit, deadline, outFile });
        io.err(`Đã tạo biểu tự đánh giá năm ${year} của ${form.unitName}: ${form.file} (${form.leafCount} tiêu chí thành phần).`);
        return;
      }
      refuseUnsafeFolder(out);
      const forms = await generateFormTemplates(ws, { year, outDir: out, deadline }, (p) =>
        io.err(`[${p.done}/${p.total}] ${p.unitCode}`),
      );
      io.err(`Đã tạo ${forms.length} biểu tự đánh giá năm ${year} trong thư mục ${out}.`);
    });
  },

  async 'import'(args, io) {
    const expectedYear = flagNumber(args, 'year') === undefined ? undefined : flagYear(args);
    const report = flagString(args, 'report');
    const [wsFile, ...inputs] = args.positionals;
    // the report's name is checked before anything is imported: a refusal then changes nothing
    if (report) refuseUnsafeOutput(report);
    const results = await withWorkspace(wsFile, (ws) =>
      importForms(ws, inputs, { expectedYear }, (p) => io.err(`[${p.done}/${p.total}] ${p.file}: ${STATUS_LABELS[p.status]}`)),
    );
    if (results.length === 0) throw new UserError('Không tìm thấy tệp .xlsx nào để nhập.');
    if (report) await writeImportReport(results, report);
    if (args.flags.json) io.out(JSON.stringify(results.map(importResultJson)));
    else io.out(results.map(importResultText).join('\n'));
    const count = (s: FormImportResult['status']) => results.filter((r) => r.status === s).length;
    io.err(
      `Tổng cộng ${results.length} tệp: ${count('imported')} đã nhập, ${count('unchanged')} không đổi, ${count('refused')} bị từ chối.` +
        (report ? ` Báo cáo: ${report}.` : ''),
    );
    return count('refused') > 0 ? 1 : 0;
  },

  'submissions'(args, io) {
    const year = flagYear(args);
    const unit = flagString(args, 'unit');
    return withWorkspace(args.positionals[0], (ws) => {
      requirePeriod(ws, year);
      if (unit) requireUnit(ws, unit);
      const list = listSubmissions(ws, year, { unitCode: unit });
      if (args.flags.json) {
        io.out(JSON.stringify(list));
        return;
      }
      if (list.length === 0) {
        io.out(`Chưa có đơn vị nào nộp biểu tự đánh giá năm ${year}.`);
        return;
      }
      const rows = list.map((s) =>
        [
          s.unitCode,
          s.unitName,
          `lần ${s.version}`,
          s.status === 'current' ? 'hiện hành' : 'đã thay thế',
          formatDate(s.importedAt),
          s.fileName,
          s.sha256.slice(0, 12),
          `${formatNumber(s.changeCount)} tiêu chí thay đổi`,
          s.matchedBy === 'metadata' ? 'biểu mẫu chuẩn' : 'ghép theo nội dung',
        ].join('\t'),
      );
      io.out(['Mã\tĐơn vị\tLần nộp\tTrạng thái\tNgày nhập\tTệp\tSHA-256\tTiêu chí thay đổi\tCách ghép', ...rows].join('\n'));
    });
  },
};
