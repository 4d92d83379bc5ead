// Pure view logic of the evidence panel: which documents a leaf shows, how one is described.
import type { EvidenceDocumentOutput } from '../../../shared/evidence/channels';
import { formatBytes } from '../../../shared/evidence/model';
import { formatDate } from '../../../shared/format';

export type { EvidenceDocumentOutput };

/** The documents of a leaf (or, for null, the unassigned ones), in their order. */
export function documentsOf(documents: readonly EvidenceDocumentOutput[], criterionCode: string | null): EvidenceDocumentOutput[] {
  return documents.filter((d) => d.criterionCode === criterionCode);
}

/** How many documents each leaf has. */
export function documentCounts(documents: readonly EvidenceDocumentOutput[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of documents) if (d.criterionCode !== null) counts.set(d.criterionCode, (counts.get(d.criterionCode) ?? 0) + 1);
  return counts;
}

const LINKED_BY: Record<EvidenceDocumentOutput['linkedBy'], string> = {
  folder: 'theo thư mục tiêu chí',
  prefix: 'theo mã ở đầu tên tệp',
  form: 'theo tên ghi trong biểu',
  staff: 'do cán bộ gán',
  none: 'chưa gán',
};

/** "1,2 MB · 3 trang · nhận 15/11/2025 từ SNV-2025.zip" */
export function describeDocument(d: EvidenceDocumentOutput): string {
  const parts = [formatBytes(d.bytes)];
  if (d.pages !== null && d.kind === 'pdf') parts.push(`${d.pages} trang`);
  parts.push(`nhận ${formatDate(d.receivedAt)} từ ${d.source}`);
  if (d.criterionCode !== null) parts.push(LINKED_BY[d.linkedBy]);
  return parts.join(' · ');
}

export const ZOOM_STEPS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3] as const;

/** The next zoom step up or down from `zoom`. */
export function nextZoom(zoom: number, direction: 1 | -1): number {
  const steps = [...ZOOM_STEPS];
  if (direction > 0) return steps.find((s) => s > zoom + 1e-9) ?? steps[steps.length - 1];
  return [...steps].reverse().find((s) => s < zoom - 1e-9) ?? steps[0];
}

/** The bytes of a base64 text, for the viewer. */
export function bytesOf(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
