// Takes back the forms units return: each file in its own transaction (its scores and its
// submission record land together or not at all), a summary per file with every error and
// warning located by sheet and cell. A form is read, matched and checked in ./plan.ts; this writes it.
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../../shared/errors';
import { formatDate } from '../../../shared/format';
import { unitScoreStates } from '../appraisal/store';
import type { Workspace } from '../../db/workspace';
import { WorkspaceBusyError } from '../../db/failures';
import { changedCriteria, currentSubmission, recordSubmission, submissionsWithHash } from './store';
import { MAX_WORKBOOK_BYTES } from '../../excel/xlsx';
import { sha256 } from './fingerprint';
import { evidenceBeside, evidenceFolderKeys, isEvidenceFolder, returnedFileProblems } from './evidence-beside';
import { evidenceLimits, importEvidence, landEvidence, linkContextOf, missingEvidence, receiveEvidence, receiveRefusal } from '../evidence/service';
import { readForm } from './read-form';
import { readWorkbookValues } from '../../excel/workbook-values';
import { applyScoreChanges } from '../appraisal/service';
import { requireOpenPeriod } from '../workspace/service';
import { expandSpreadsheetPaths, SPREADSHEET_EXTENSIONS } from '../../files/inputs';

export type { FormImportOptions, FormImportProblem, FormImportProgress, FormImportResult, FormImportStatus } from './import-types';
import type { FormImportOptions, FormImportProblem, FormImportProgress, FormImportResult } from './import-types';
import { BatchLookups, FormRefusal, changesOf, planImport } from './plan';

/** The files a list of files and folders stands for: folders give their spreadsheets, sorted. */
export function expandFormPaths(inputs: string[]): string[] {
  // a folder named like a form beside it holds that form's evidence, not forms
  return expandSpreadsheetPaths(inputs, { skipFolder: (entry, siblings) => isEvidenceFolder(entry, evidenceFolderKeys(siblings, SPREADSHEET_EXTENSIONS)) });
}

const fromUserError = (e: UserError, fileName: string): FormImportProblem[] => returnedFileProblems(e.problems, fileName);

function emptyResult(file: string): FormImportResult {
  return {
    file: path.basename(file),
    path: file,
    status: 'refused',
    unit: null,
    unitName: null,
    year: null,
    matchedBy: null,
    submissionId: null,
    errors: [],
    warnings: [],
    changes: 0,
    otherYear: null,
    flaggedForReappraisal: [],
    evidence: null,
    missingEvidence: [],
  };
}

/**
 * Imports one returned form. Never throws for a bad file: the result says why it was
 * refused, and a refused file leaves the workspace exactly as it was.
 */
export function importFormFile(ws: Workspace, file: string, options: FormImportOptions = {}): Promise<FormImportResult> {
  return importOneForm(ws, new BatchLookups(ws), file, options);
}

async function importOneForm(ws: Workspace, lookups: BatchLookups, file: string, options: FormImportOptions): Promise<FormImportResult> {
  const result = emptyResult(file);
  const fileName = result.file;
  const cleanups: (() => void)[] = [];
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) {
      // a named pipe would make the read wait for ever
      throw new FormRefusal([{ message: 'không phải tệp thông thường (ống dẫn, thiết bị hoặc thư mục); đã bỏ qua, không đọc.' }]);
    }
    if (stat.size > MAX_WORKBOOK_BYTES) {
      throw new FormRefusal([{ message: `Tệp lớn hơn giới hạn ${MAX_WORKBOOK_BYTES / 1024 / 1024} MB; hãy xóa các trang, hình ảnh không cần thiết rồi gửi lại.` }]);
    }
    const bytes = fs.readFileSync(file);
    const hash = sha256(bytes);
    const earlier = submissionsWithHash(ws, hash);
    const wanted = options.year ?? options.expectedYear;
    const same = earlier.find((s) => s.status === 'current' && (wanted === undefined || s.year === wanted));
    const beside = evidenceBeside(file);
    if (same) {
      // the form is the one already taken; the evidence beside it may still be new
      const evidence = beside ? await importEvidence(ws, beside, { year: same.year, unitCode: same.unitCode, actor: options.actor }) : null;
      return {
        ...result,
        evidence,
        missingEvidence: missingEvidence(ws, same.year, same.unitCode).map((m) => m.criterion),
        status: 'unchanged',
        unit: same.unitCode,
        unitName: same.unitName,
        year: same.year,
        matchedBy: same.matchedBy,
        submissionId: same.id,
        warnings: [{ message: `Tệp này đã được nhập ngày ${formatDate(same.importedAt)} (lần nộp thứ ${same.version}); không có gì thay đổi.` }],
      };
    }
    const workbook = await readWorkbookValues(bytes, fileName);
    const content = readForm(workbook, fileName);
    const plan = planImport(ws, lookups, content, fileName, options);
    const actor = options.actor ?? ws.actor;
    const received = beside ? await receiveEvidence(beside, evidenceLimits(ws)) : null;
    cleanups.push(() => received?.cleanup());
    if (received?.problems.length) throw receiveRefusal(received.problems);
    if (earlier.length) {
      plan.warnings.unshift({
        message: `Tệp này trùng với bản đã nộp ngày ${formatDate(earlier[0].importedAt)} (lần nộp thứ ${earlier[0].version}) đã được thay thế; bản này được nhập lại làm bản hiện hành.`,
      });
    }
    const landed = ws.transaction(() => {
      // another program may have imported the same file since it was looked up above
      const meanwhile = submissionsWithHash(ws, hash).find((s) => s.status === 'current' && s.year === plan.year);
      if (meanwhile) return { duplicate: meanwhile } as const;
      requireOpenPeriod(ws, plan.year);
      const current = unitScoreStates(ws, plan.year, plan.unit.code);
      const previous = currentSubmission(ws, plan.year, plan.unit.code);
      const { changes, diff, flagged, kept } = changesOf(
        plan,
        current,
        previous ? new Map(previous.leaves.map((l) => [l.criterionCode, l])) : null,
      );
      if (kept.length) {
        plan.warnings.push({
          message: `Biểu mẫu để trống ${kept.length} tiêu chí đã có điểm, tài liệu hoặc giải trình trong tệp dữ liệu từ trước (${kept.join(', ')}); các giá trị đó được giữ nguyên.`,
        });
      }
      if (flagged.length) {
        plan.warnings.push({
          message: `Điểm tự chấm của ${flagged.length} tiêu chí đã thẩm định bị thay đổi (${flagged.join(', ')}); điểm thẩm định được giữ nguyên và các tiêu chí này được đánh dấu cần thẩm định lại.`,
        });
      }
      applyScoreChanges(ws, plan.year, changes, { source: 'form-import', actor, reason: `Biểu tự đánh giá ${fileName}` });
      const submissionId = recordSubmission(ws, {
        year: plan.year,
        unitCode: plan.unit.code,
        fileName,
        sha256: hash,
        content: bytes,
        actor,
        matchedBy: plan.matchedBy,
        formFingerprint: plan.formFingerprint,
        frameworkFingerprint: plan.frameworkFingerprint,
        leaves: plan.leaves,
        diff,
        warnings: plan.warnings,
      });
      let evidence: FormImportResult['evidence'] = null;
      if (received) {
        const link = linkContextOf(ws, plan.year, plan.unit);
        for (const leaf of plan.leaves) if (leaf.evidence !== null) link.evidenceCells.set(leaf.criterionCode, leaf.evidence);
        const landed = landEvidence(ws, received, link, { year: plan.year, unitCode: plan.unit.code, submissionId, actor });
        evidence = { source: received.source, files: received.files.length, ...landed };
      }
      return { submissionId, diff, flagged, evidence, duplicate: null };
    });
    if (landed.duplicate) {
      const same = landed.duplicate;
      return {
        ...result,
        status: 'unchanged',
        unit: same.unitCode,
        unitName: same.unitName,
        year: same.year,
        matchedBy: same.matchedBy,
        submissionId: same.id,
        warnings: [{ message: `Tệp này đã được nhập ngày ${formatDate(same.importedAt)} (lần nộp thứ ${same.version}); không có gì thay đổi.` }],
      };
    }
    return {
      ...result,
      status: 'imported',
      unit: plan.unit.code,
      unitName: plan.unit.name,
      year: plan.year,
      matchedBy: plan.matchedBy,
      submissionId: landed.submissionId,
      warnings: plan.warnings,
      changes: changedCriteria(landed.diff),
      flaggedForReappraisal: landed.flagged,
      evidence: landed.evidence,
      missingEvidence: missingEvidence(ws, plan.year, plan.unit.code).map((m) => m.criterion),
    };
  } catch (e) {
    if (e instanceof FormRefusal) return { ...result, ...e.partial, status: 'refused', errors: e.errors };
    // the file is not at fault: the whole run stops, each file before it landed whole
    if (e instanceof WorkspaceBusyError) throw e;
    if (e instanceof UserError) return { ...result, status: 'refused', errors: fromUserError(e, fileName) };
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'EACCES') {
      return { ...result, status: 'refused', errors: [{ message: `Không đọc được tệp (${(e as NodeJS.ErrnoException).code}); hãy kiểm tra đường dẫn và quyền truy cập.` }] };
    }
    throw e;
  } finally {
    for (const cleanup of cleanups) cleanup();
  }
}

/**
 * Imports files and folders one file at a time, each in its own transaction: a refused file
 * stops nothing else.
 */
export async function importForms(
  ws: Workspace,
  inputs: string[],
  options: FormImportOptions = {},
  onProgress?: (p: FormImportProgress) => void,
): Promise<FormImportResult[]> {
  const files = expandFormPaths(inputs);
  const lookups = new BatchLookups(ws);
  const results: FormImportResult[] = [];
  for (const file of files) {
    const r = await importOneForm(ws, lookups, file, options);
    results.push(r);
    onProgress?.({ done: results.length, total: files.length, file: r.file, status: r.status });
  }
  return results;
}
