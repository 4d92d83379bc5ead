// Evidence documents: received (checked and hashed before, written inside the caller's or its
// own transaction, one per unit), tied to leaves, listed, flagged where missing, exported and
// assigned by staff. A unit's evidence lands whole or not at all.
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { Unit } from '../../../shared/domain';
import { DEFAULT_EVIDENCE_LIMITS, formatBytes, linkEvidence, listedNameMatches, listedNames, type EvidenceLimits } from '../../../shared/evidence/model';
import { UserError } from '../../../shared/errors';
import { leafCodes } from '../../../shared/framework/tree';
import type { Workspace } from '../../db/workspace';
import { writeFileAtomically } from '../../files/output';
import { unitScoreStates } from '../appraisal/store';
import { getFramework } from '../framework/store';
import { requireUnit } from '../units/service';
import { listUnits } from '../units/store';
import { requireOpenPeriod, requirePeriod } from '../workspace/service';
import { getSetting } from '../workspace/store';
import { receiveEvidence, type ReceivedEvidence, type ReceiveProblem } from './receive';
import {
  blobContent,
  blobExists,
  claimedRequiredLeaves,
  deleteUnitYearDocuments,
  getDocument,
  hasDocument,
  insertBlob,
  insertDocument,
  leavesWithDocuments,
  listDocuments,
  unitYearBytes,
  writeDocumentLeaf,
  type EvidenceDocument,
} from './store';

export { receiveEvidence, type ReceivedEvidence } from './receive';

const LIMIT_KEYS = { maxFileBytes: 'evidence.maxFileBytes', maxUnitYearBytes: 'evidence.maxUnitYearBytes' } as const;

/** The limits of this workspace (settings), or the defaults: 50 MB a file, 1 GB a unit and year. */
export function evidenceLimits(ws: Workspace): EvidenceLimits {
  const read = (key: keyof EvidenceLimits) => {
    const v = Number(getSetting(ws, LIMIT_KEYS[key]));
    return Number.isSafeInteger(v) && v > 0 ? v : DEFAULT_EVIDENCE_LIMITS[key];
  };
  return { maxFileBytes: read('maxFileBytes'), maxUnitYearBytes: read('maxUnitYearBytes') };
}

export { LIMIT_KEYS as EVIDENCE_LIMIT_SETTINGS };

/** What the unit's leaves and evidence cells are, to tie files to leaves. */
export interface LinkContext {
  leafCodes: string[];
  /** the form's "Tài liệu kiểm chứng" cell of each leaf */
  evidenceCells: Map<string, string | null>;
}

/** The unit's self-scored leaves of the year and what its evidence cells say now. */
export function linkContextOf(ws: Workspace, year: number, unit: Unit): LinkContext {
  const framework = getFramework(ws, year, unit.blockCode);
  if (!framework) throw new UserError(`Tệp dữ liệu chưa có bộ chỉ số năm ${year} cho khối "${unit.blockCode}" của ${unit.name}.`);
  const leaves = leafCodes(framework.nodes);
  const codes = framework.nodes.filter((n) => leaves.has(n.code) && n.source === 'self').map((n) => n.code);
  const states = unitScoreStates(ws, year, unit.code);
  return { leafCodes: codes, evidenceCells: new Map(codes.map((c) => [c, states.get(c)?.evidence ?? null])) };
}

export interface LandedEvidence {
  /** documents added (a file tied to two leaves counts twice) */
  added: number;
  /** files the unit had already sent to the same place */
  unchanged: number;
  /** names of the files tied to no leaf (the unit's unassigned evidence) */
  unassigned: string[];
  /** names listed in evidence cells of leaves that received no document */
  notReceived: { criterion: string; name: string }[];
}

export interface LandOptions {
  year: number;
  unitCode: string;
  submissionId?: number | null;
  actor: string;
  at?: string;
  /** documents that come with petitions: the petition of each leaf (a document of a leaf without one is the leaf's own) */
  petitionOf?: (criterionCode: string) => number | null;
}

/** Refusal of what was received, every problem named by its file. */
export function receiveRefusal(problems: ReceiveProblem[]): UserError {
  return new UserError(problems.map((p) => ({ file: p.file, message: p.message })));
}

/**
 * Writes received evidence for one unit's year; call inside a transaction (the form's, or
 * `importEvidence`'s). Throws a UserError (and so rolls the caller back) when what was
 * received had problems, passes the unit's limit, or changed on disk since it was checked.
 */
export function landEvidence(ws: Workspace, received: ReceivedEvidence, link: LinkContext, options: LandOptions): LandedEvidence {
  if (received.problems.length) throw receiveRefusal(received.problems);
  const { year, unitCode, actor } = options;
  const at = options.at ?? new Date().toISOString();
  const limits = evidenceLimits(ws);
  const used = unitYearBytes(ws, year, unitCode);
  let total = used.bytes;
  for (const f of received.files) {
    if (used.hashes.has(f.sha256)) continue;
    used.hashes.add(f.sha256);
    total += f.bytes;
  }
  if (total > limits.maxUnitYearBytes) {
    throw new UserError([
      {
        file: received.source,
        message: `Tài liệu kiểm chứng của đơn vị trong năm ${year} sẽ lên tới ${formatBytes(total)}, vượt giới hạn ${formatBytes(limits.maxUnitYearBytes)}; hãy bỏ bớt tài liệu trùng hoặc nén nhỏ các bản quét rồi gửi lại.`,
      },
    ]);
  }
  const result: LandedEvidence = { added: 0, unchanged: 0, unassigned: [], notReceived: [] };
  for (const f of received.files) {
    if (!blobExists(ws, f.sha256)) {
      const content = fs.readFileSync(f.diskPath);
      if (createHash('sha256').update(content).digest('hex') !== f.sha256) {
        throw new UserError([{ file: `${received.source}/${f.path}`, message: 'Tệp đã thay đổi trong lúc nhập; hãy nhập lại.' }]);
      }
      insertBlob(ws, { sha256: f.sha256, kind: f.kind, pages: f.pages, content });
    }
    const linked = linkEvidence(f, link.leafCodes, link.evidenceCells);
    const targets = linked.codes.length ? linked.codes : [null];
    if (!linked.codes.length) result.unassigned.push(f.path);
    for (const code of targets) {
      const petitionId = code === null ? null : (options.petitionOf?.(code) ?? null);
      if (hasDocument(ws, year, unitCode, code, f.sha256, petitionId)) {
        result.unchanged++;
        continue;
      }
      insertDocument(ws, {
        year,
        unitCode,
        criterionCode: code,
        name: f.name,
        path: f.path,
        sha256: f.sha256,
        receivedAt: at,
        source: received.source,
        submissionId: options.submissionId ?? null,
        linkedBy: linked.by,
        actor,
        petitionId,
      });
      result.added++;
    }
  }
  // names a cell lists that no document of the unit answers, where the unit relied on names
  // (a leaf whose documents came in a folder or under its code describes them in words)
  const docs = listDocuments(ws, year, { unitCode });
  const byCode = new Set(docs.filter((d) => d.linkedBy === 'folder' || d.linkedBy === 'prefix' || d.linkedBy === 'staff').map((d) => d.criterionCode));
  for (const code of link.leafCodes) {
    if (byCode.has(code)) continue;
    for (const listed of listedNames(link.evidenceCells.get(code) ?? null)) {
      if (!docs.some((d) => listedNameMatches(listed, d.name))) result.notReceived.push({ criterion: code, name: listed });
    }
  }
  return result;
}

/** Which unit a folder or archive named like "SNV-2025" or "2025_SNV.zip" belongs to. */
export function unitFromName(units: Unit[], fileName: string): Unit | null {
  const base = path.basename(fileName, path.extname(fileName));
  const tokens = new Set(base.split(/[_\s.\-–]+/).map((t) => t.toUpperCase()));
  const found = units.filter((u) => tokens.has(u.code.toUpperCase()));
  return found.length === 1 ? found[0] : null;
}

export interface EvidenceImportResult extends LandedEvidence {
  source: string;
  unit: string;
  year: number;
  files: number;
}

/** Imports a folder or .zip of one unit's evidence in one transaction. */
export async function importEvidence(
  ws: Workspace,
  input: string,
  options: { year: number; unitCode?: string; actor?: string },
): Promise<EvidenceImportResult> {
  const { year } = options;
  const source = path.basename(input);
  const unit = options.unitCode ? requireUnit(ws, options.unitCode) : unitFromName(listUnits(ws), source);
  if (!unit) {
    throw new UserError([
      { file: source, message: 'Không xác định được tài liệu này của đơn vị nào: tên thư mục hoặc tệp nén cần có mã đơn vị (ví dụ SNV-2025.zip), hoặc hãy chọn đơn vị.', hint: 'unit' },
    ]);
  }
  requireOpenPeriod(ws, year);
  const link = linkContextOf(ws, year, unit);
  const received = await receiveEvidence(input, evidenceLimits(ws));
  try {
    if (received.problems.length) throw receiveRefusal(received.problems);
    const landed = ws.transaction(() => {
      requireOpenPeriod(ws, year);
      return landEvidence(ws, received, link, { year, unitCode: unit.code, actor: options.actor ?? ws.actor });
    });
    return { source: received.source, unit: unit.code, year, files: received.files.length, ...landed };
  } finally {
    received.cleanup();
  }
}

/** `evidence list --json`: one entry per document. */
export function evidenceListJson(docs: EvidenceDocument[]) {
  return docs.map((d) => ({ unit: d.unitCode, criterion: d.criterionCode, name: d.name, sha256: d.sha256, bytes: d.bytes, receivedAt: d.receivedAt }));
}

export interface MissingEvidence {
  unit: string;
  criterion: string;
  score: number;
}

/** Evidence-required leaves with a score above 0 and no document ("Thiếu tài liệu kiểm chứng"). */
export function missingEvidence(ws: Workspace, year: number, unitCode?: string): MissingEvidence[] {
  const withDocs = leavesWithDocuments(ws, year, unitCode);
  return claimedRequiredLeaves(ws, year, unitCode)
    .filter((l) => !withDocs.get(l.unitCode)?.has(l.criterionCode))
    .map((l) => ({ unit: l.unitCode, criterion: l.criterionCode, score: l.selfScore ?? l.appraisedScore ?? 0 }));
}

/** Writes a unit's documents of a year into `outDir`: one folder per leaf, "Chưa gán" for the rest. */
export function exportEvidence(ws: Workspace, year: number, unitCode: string, outDir: string): { files: number; bytes: number } {
  requirePeriod(ws, year);
  requireUnit(ws, unitCode);
  const docs = listDocuments(ws, year, { unitCode });
  const taken = new Set<string>();
  let bytes = 0;
  for (const d of docs) {
    const folder = d.criterionCode ?? 'Chưa gán';
    const ext = path.extname(d.name);
    const stem = path.basename(d.name, ext);
    let name = d.name;
    for (let i = 2; taken.has(`${folder}/${name}`.toLowerCase()); i++) name = `${stem} (${i})${ext}`;
    taken.add(`${folder}/${name}`.toLowerCase());
    const content = blobContent(ws, d.sha256)!;
    writeFileAtomically(path.join(outDir, folder, name), content);
    bytes += content.length;
  }
  return { files: docs.length, bytes };
}

/** Ties a document to a leaf of its unit's framework, or back to the unassigned ones (null). */
export function assignDocument(ws: Workspace, id: number, criterionCode: string | null, actor?: string): EvidenceDocument {
  return ws.transaction(() => {
    const doc = getDocument(ws, id);
    if (!doc) throw new UserError('Không tìm thấy tài liệu này (có thể đã bị xóa); hãy tải lại danh sách.');
    requireOpenPeriod(ws, doc.year);
    if (criterionCode !== null) {
      const unit = requireUnit(ws, doc.unitCode);
      const { leafCodes: codes } = linkContextOf(ws, doc.year, unit);
      if (!codes.includes(criterionCode)) {
        throw new UserError(`Tiêu chí ${criterionCode} không phải tiêu chí thành phần tự chấm của bộ chỉ số năm ${doc.year} của ${unit.name}.`);
      }
      if (hasDocument(ws, doc.year, doc.unitCode, criterionCode, doc.sha256)) {
        throw new UserError(`Tiêu chí ${criterionCode} đã có tài liệu "${doc.name}".`);
      }
    }
    writeDocumentLeaf(ws, id, criterionCode, criterionCode === null ? 'none' : 'staff', actor ?? ws.actor);
    ws.changedYear(doc.year);
    return getDocument(ws, id)!;
  });
}

/** Removes a unit's documents of a year; contents no other document uses go with them. */
export function deleteUnitYearEvidence(ws: Workspace, year: number, unitCode: string): number {
  return ws.transaction(() => {
    requireOpenPeriod(ws, year);
    const removed = deleteUnitYearDocuments(ws, year, unitCode);
    ws.changedYear(year);
    return removed;
  });
}

/** What the unit's evidence of a leaf is: its words on the form, the files received, the missing flag. */
export interface LeafEvidence {
  files: string[];
  missing: boolean;
}

/** The documents received per unit and leaf of a year, and the leaves flagged missing, by "unit\0leaf". */
export function leafEvidence(ws: Workspace, year: number): Map<string, LeafEvidence> {
  const byLeaf = new Map<string, LeafEvidence>();
  const at = (unit: string, leaf: string) => {
    const key = `${unit}\u0000${leaf}`;
    let e = byLeaf.get(key);
    if (!e) byLeaf.set(key, (e = { files: [], missing: false }));
    return e;
  };
  for (const d of listDocuments(ws, year)) if (d.criterionCode !== null) at(d.unitCode, d.criterionCode).files.push(d.name);
  for (const m of missingEvidence(ws, year)) at(m.unit, m.criterion).missing = true;
  return byLeaf;
}
