// Evidence documents (tài liệu kiểm chứng): what kinds are received, the default limits, and
// how a received file is tied to a leaf of the framework. Pure: used by the import (Node) and
// by the appraisal page.
import { matchKey } from '../text';

/** The kinds of document received, found from the content (magic bytes), never from the name alone. */
export const EVIDENCE_KINDS = ['pdf', 'jpeg', 'png', 'tiff', 'doc', 'docx', 'xls', 'xlsx', 'odt', 'ods', 'text'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** The extensions each kind may carry: a content under another name is refused. */
export const KIND_EXTENSIONS: Record<EvidenceKind, readonly string[]> = {
  pdf: ['.pdf'],
  jpeg: ['.jpg', '.jpeg', '.jpe', '.jfif'],
  png: ['.png'],
  tiff: ['.tif', '.tiff'],
  doc: ['.doc'],
  docx: ['.docx'],
  xls: ['.xls'],
  xlsx: ['.xlsx'],
  odt: ['.odt'],
  ods: ['.ods'],
  text: ['.txt'],
};

/** Kinds the app shows itself; the others open with the system's application after a confirmation. */
export const VIEWABLE_KINDS: ReadonlySet<EvidenceKind> = new Set(['pdf', 'jpeg', 'png']);

export interface EvidenceLimits {
  /** bytes of one document */
  maxFileBytes: number;
  /** bytes of all documents of one unit in one year */
  maxUnitYearBytes: number;
}

export const DEFAULT_EVIDENCE_LIMITS: EvidenceLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxUnitYearBytes: 1024 * 1024 * 1024,
};

/** How a document came to its leaf. */
export type EvidenceLink = 'folder' | 'prefix' | 'form' | 'staff' | 'none';

/**
 * The leaf code that `text` opens with, the longest one: "1.2 - Kế hoạch" → 1.2, "1.2.1_x" →
 * 1.2.1 (not 1.2). The code must be followed by the end, a space, "_", "-", "–" or a dot not
 * followed by a digit. Codes compare without case ("ii.1" = "II.1").
 */
export function leadingCode(text: string, codes: readonly string[]): string | null {
  const t = text.normalize('NFC').trim().toLowerCase();
  let best: string | null = null;
  for (const code of codes) {
    const c = code.toLowerCase();
    if (!t.startsWith(c)) continue;
    const rest = t.slice(c.length);
    const boundary = rest === '' || /^[\s_\-–—]/.test(rest) || (/^\./.test(rest) && !/^\.\d/.test(rest)) || /^\)/.test(rest);
    if (boundary && (best === null || code.length > best.length)) best = code;
  }
  return best;
}

/** The names a form's "Tài liệu kiểm chứng" cell lists, one per line or separated by ";". */
export function listedNames(cell: string | null): string[] {
  if (!cell) return [];
  return cell
    .normalize('NFC')
    .split(/[;\n\r]+/)
    .map((s) => s.replace(/^\s*[-–•+*]\s*/, '').trim())
    .filter((s) => s.length > 0);
}

function stem(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/** Whether a listed name stands for the file `name` (accents, case, NFC/NFD and the extension ignored). */
export function listedNameMatches(listed: string, name: string): boolean {
  const l = matchKey(listed);
  if (l === '') return false;
  const full = matchKey(name);
  const bare = matchKey(stem(name));
  if (l === full || l === bare || matchKey(stem(listed)) === bare) return true;
  // "Kế hoạch CCHC (KH-CCHC-2025.pdf)": the cell names the file inside a description
  return full.length >= 8 && l.includes(full);
}

export interface LinkInput {
  /** the file's folders inside what was received, outermost first (the received folder itself excluded) */
  folders: readonly string[];
  name: string;
}

export interface LinkResult {
  codes: string[];
  by: EvidenceLink;
}

/**
 * The leaves a received file belongs to, in the order: a folder named by a leaf code
 * (the innermost such folder), a file name opening with a leaf code, the names listed in the
 * form's evidence cells; else none (the unit's unassigned evidence).
 */
export function linkEvidence(file: LinkInput, leafCodes: readonly string[], evidenceCells: ReadonlyMap<string, string | null>): LinkResult {
  for (let i = file.folders.length - 1; i >= 0; i--) {
    const code = leadingCode(file.folders[i], leafCodes);
    if (code) return { codes: [code], by: 'folder' };
  }
  const code = leadingCode(file.name, leafCodes);
  if (code) return { codes: [code], by: 'prefix' };
  const listed: string[] = [];
  for (const leaf of leafCodes) {
    if (listedNames(evidenceCells.get(leaf) ?? null).some((n) => listedNameMatches(n, file.name))) listed.push(leaf);
  }
  if (listed.length) return { codes: listed, by: 'form' };
  return { codes: [], by: 'none' };
}

/** Characters, names and endings a Windows folder cannot hold. */
export function windowsNameProblem(name: string): string | null {
  if (name.length === 0) return 'tên trống';
  if (name.length > 255) return 'tên dài quá 255 ký tự';
  if (/[<>:"/\\|?*\u0000-\u001f]/.test(name)) return 'tên có ký tự Windows không cho phép (< > : " / \\ | ? * hoặc ký tự điều khiển)';
  if (/[. ]$/.test(name)) return 'tên kết thúc bằng dấu chấm hoặc khoảng trắng';
  if (/^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i.test(name)) return 'tên trùng tên thiết bị dành riêng của Windows';
  return null;
}

/** A size as people read it: "800 byte", "12 KB", "1,5 MB", "1 GB" (Vietnamese decimals). */
export function formatBytes(bytes: number): string {
  const units: [number, string][] = [
    [1024 ** 3, 'GB'],
    [1024 ** 2, 'MB'],
    [1024, 'KB'],
  ];
  for (const [size, name] of units) {
    if (bytes >= size) return `${(bytes / size).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} ${name}`;
  }
  return `${bytes.toLocaleString('vi-VN')} byte`;
}
