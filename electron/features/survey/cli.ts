// What the commands of this feature do; ./commands.ts describes them, and the command line
// loads this module only when one of them runs.
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../../shared/errors';
import { formatDate, formatNumber, parseLocaleNumber } from '../../../shared/format';
import { mappingProfileSchema, schemaIssues, type SurveyDefinition, type SurveyLink, type SurveySettings } from '../../../shared/survey';
import {
  applySurveyPoints,
  deleteSurveyImport,
  exportSurveyDefinition,
  exportSurveyResults,
  formatApplyReport,
  formatImportSummary,
  formatSurveyResults,
  getSurveyDefinition,
  getSurveySettings,
  importSurveyDefinition,
  importSurveyFile,
  listSurveyImports,
  previewSurveyImport,
  saveMappingProfile,
  saveSurveySettings,
  setSurveyLink,
  surveyResults,
  surveyResultsJson,
  writeSurveyTemplate,
} from './index';
import { withWorkspace } from '../../cli/workspace';
import { type CommandRun, UsageError, flagNumber, flagString, flagYear } from '../../cli/framework';

function codeList(text: string, flag: string): number[] {
  const codes = text
    .split(/[,;\s]+/)
    .filter(Boolean)
    .map(Number);
  if (codes.some((c) => !Number.isInteger(c))) throw new UsageError(`--${flag} cần các mã số nguyên cách nhau bởi dấu phẩy, ví dụ 4,5.`);
  return codes;
}

/** "CS=1;DV3=2" → weights by area, factor or item code of the year's questionnaire. */
function parseWeights(text: string, def: SurveyDefinition): Record<string, number> {
  const known = new Set([...def.areas, ...def.factors, ...def.items].map((x) => x.code));
  const weights: Record<string, number> = {};
  for (const part of text.split(/[;\s]+/).filter(Boolean)) {
    const [code, value] = part.split('=', 2);
    const w = value === undefined ? null : parseLocaleNumber(value);
    if (!code || w === null || w < 0) throw new UsageError(`--weights cần dạng MÃ=số, ví dụ --weights "CS=1;DV3=2"; không hiểu "${part}".`);
    if (!known.has(code)) throw new UserError(`Bộ câu hỏi năm ${def.year} không có lĩnh vực, yếu tố hay câu hỏi mã "${code}".`);
    weights[code] = w;
  }
  return weights;
}

/** "overall", "area:CS", "factor:DV3" */
function parseTarget(text: string): Pick<SurveyLink, 'target' | 'targetCode'> {
  const [kind, code] = text.split(':', 2);
  if (kind === 'overall' && !code) return { target: 'overall', targetCode: null };
  if ((kind === 'area' || kind === 'factor') && code) return { target: kind, targetCode: code };
  throw new UsageError('--to cần "overall", "area:MÃ" hoặc "factor:MÃ", ví dụ --to factor:DV3.');
}

export const runs: Record<string, CommandRun> = {
  'survey template'(args, io) {
    const year = flagYear(args);
    const out = flagString(args, 'out')!;
    return withWorkspace(args.positionals[0], async (ws) => {
      const r = await writeSurveyTemplate(ws, year, out);
      io.err(`Đã ghi phiếu nhập năm ${year} (${r.items} câu hỏi, ${r.units} đơn vị) vào ${out}.`);
    });
  },

  'survey import'(args, io) {
    const year = flagYear(args);
    const [wsFile, file] = args.positionals;
    const options = { year, file, profile: flagString(args, 'profile'), unitCode: flagString(args, 'unit') };
    return withWorkspace(wsFile, async (ws) => {
      if (args.flags.preview) {
        const preview = await previewSurveyImport(ws, options);
        io.out(args.flags.json ? JSON.stringify(preview) : formatImportSummary(preview));
        if (preview.problems.length) throw new UserError(preview.problems);
        return;
      }
      const report = await importSurveyFile(ws, options);
      if (args.flags.json) io.out(JSON.stringify(report));
      else io.err(formatImportSummary(report));
    });
  },

  'survey imports'(args, io) {
    const year = args.flags.year === undefined ? undefined : flagYear(args);
    return withWorkspace(args.positionals[0], (ws) => {
      const list = listSurveyImports(ws, year);
      if (list.length === 0) return io.out('Chưa nhập tệp khảo sát nào.');
      for (const i of list) {
        io.out(`${i.id}  năm ${i.year}  ${formatDate(i.importedAt)}  ${i.fileName}  ${formatNumber(i.formCount)} phiếu  ${i.actor}`);
      }
    });
  },

  'survey remove'(args, io) {
    const id = flagNumber(args, 'import')!;
    return withWorkspace(args.positionals[0], (ws) => {
      const r = deleteSurveyImport(ws, id);
      io.err(`Đã xóa lần nhập số ${id} (năm ${r.year}).` + (r.pointsUpdated ? ` Đã cập nhật điểm khảo sát (${r.pointsUpdated} thay đổi).` : ''));
    });
  },

  'survey results'(args, io) {
    const year = flagYear(args);
    const out = flagString(args, 'out');
    return withWorkspace(args.positionals[0], async (ws) => {
      const results = surveyResults(ws, year);
      if (out) {
        await exportSurveyResults(results, out);
        io.err(`Đã xuất chỉ số hài lòng năm ${year} vào ${out}.`);
        if (!args.flags.json) return;
      }
      io.out(args.flags.json ? JSON.stringify(surveyResultsJson(results)) : formatSurveyResults(results));
    });
  },

  'survey apply'(args, io) {
    const year = flagYear(args);
    return withWorkspace(args.positionals[0], (ws) => {
      const report = applySurveyPoints(ws, year);
      io.out(args.flags.json ? JSON.stringify(report) : formatApplyReport(report));
    });
  },

  'survey link'(args, io) {
    const year = flagYear(args);
    const target = parseTarget(flagString(args, 'to') ?? 'overall');
    return withWorkspace(args.positionals[0], (ws) => {
      const link = setSurveyLink(ws, {
        year,
        blockCode: flagString(args, 'block')!,
        criterionCode: flagString(args, 'criterion')!,
        ...target,
      });
      io.err(`Đã liên kết tiêu chí ${link.criterionCode} (${link.criterionTitle}) khối ${link.blockCode} năm ${year}.`);
    });
  },

  'survey profile'({ positionals: [wsFile, file] }, io) {
    let json: unknown;
    try {
      json = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (e) {
      throw new UserError([{ file: path.basename(file), message: `không đọc được JSON (${(e as Error).message}).` }]);
    }
    const parsed = mappingProfileSchema.safeParse({ unitColumn: null, formColumn: null, labels: {}, ...(json as object) });
    if (!parsed.success) {
      throw new UserError([
        {
          file: path.basename(file),
          message: `hồ sơ ánh xạ không hợp lệ: ${schemaIssues(parsed.error)}`,
        },
      ]);
    }
    return withWorkspace(wsFile, (ws) => {
      const saved = saveMappingProfile(ws, parsed.data);
      io.err(`Đã lưu hồ sơ ánh xạ "${saved.name}" (${Object.keys(saved.columns).length} cột, ${Object.keys(saved.labels).length} nhãn).`);
    });
  },

  'survey settings'(args, io) {
    const year = flagYear(args);
    return withWorkspace(args.positionals[0], (ws) => {
      const current = getSurveySettings(ws, year);
      const next: SurveySettings = { ...current };
      const satisfied = flagString(args, 'satisfied');
      const noAnswer = flagString(args, 'no-answer');
      const mode = flagString(args, 'factor-mode');
      const share = flagNumber(args, 'min-answered');
      const weights = flagString(args, 'weights');
      if (weights !== undefined) next.weights = parseWeights(weights, getSurveyDefinition(ws, year));
      if (satisfied !== undefined) next.satisfiedCodes = codeList(satisfied, 'satisfied');
      if (noAnswer !== undefined) next.noAnswerCodes = codeList(noAnswer, 'no-answer');
      if (mode !== undefined) {
        if (mode !== 'items' && mode !== 'pooled') throw new UsageError('--factor-mode cần "items" hoặc "pooled".');
        next.factorMode = mode;
      }
      if (share !== undefined) next.minAnsweredShare = share;
      if (satisfied ?? noAnswer ?? mode ?? share ?? weights) saveSurveySettings(ws, year, next);
      const weighted = Object.entries(next.weights).map(([code, w]) => `${code} = ${formatNumber(w, 4)}`);
      io.out(
        [
          `Năm ${year}: mã hài lòng ${next.satisfiedCodes.join(', ')}; mã không trả lời ${next.noAnswerCodes.join(', ') || '(chỉ ô trống)'}; ` +
            `yếu tố tính bằng ${next.factorMode === 'items' ? 'trung bình các câu hỏi' : 'gộp mọi câu trả lời'}; ` +
            `phiếu hợp lệ khi trả lời ít nhất ${formatNumber(next.minAnsweredShare * 100)}% số câu hỏi.`,
          `Trọng số: ${weighted.length ? weighted.join('; ') : 'bằng nhau (1)'}.`,
        ].join('\n'),
      );
    });
  },

  'survey definition export'(args, io) {
    const year = flagYear(args);
    const out = flagString(args, 'out')!;
    return withWorkspace(args.positionals[0], async (ws) => {
      const def = await exportSurveyDefinition(ws, year, out);
      io.err(`Đã xuất bộ câu hỏi năm ${year} (${def.items.length} câu hỏi) vào ${out}.`);
    });
  },

  'survey definition import'(args, io) {
    const year = flagYear(args);
    return withWorkspace(args.positionals[0], async (ws) => {
      const def = await importSurveyDefinition(ws, year, args.positionals[1]);
      io.err(`Đã đặt bộ câu hỏi năm ${year}: ${def.areas.length} lĩnh vực, ${def.factors.length} yếu tố, ${def.items.length} câu hỏi.`);
    });
  },
};
