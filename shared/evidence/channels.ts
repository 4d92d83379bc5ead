// Tài liệu kiểm chứng: the documents of a unit's year (per leaf or not yet assigned), one
// document's bytes for the viewer, assigning a document to a leaf, the missing-evidence flags.
import { z } from 'zod';
import { code, year } from '../channels';
import { EVIDENCE_KINDS } from './model';

/** What the evidence received with a form (or alone) did. */
export const evidenceLandedSchema = z.object({
  source: z.string(),
  files: z.number(),
  added: z.number(),
  unchanged: z.number(),
  unassigned: z.array(z.string()),
  notReceived: z.array(z.object({ criterion: z.string(), name: z.string() })),
});

export const evidenceDocumentSchema = z.object({
  id: z.number(),
  year: z.number(),
  unitCode: z.string(),
  criterionCode: z.string().nullable(),
  name: z.string(),
  path: z.string(),
  sha256: z.string(),
  bytes: z.number(),
  kind: z.enum(EVIDENCE_KINDS),
  pages: z.number().nullable(),
  receivedAt: z.string(),
  source: z.string(),
  submissionId: z.number().nullable(),
  linkedBy: z.enum(['folder', 'prefix', 'form', 'staff', 'none']),
  actor: z.string(),
  /** the petition the document came with ("Tài liệu bổ sung"), or null */
  petitionId: z.number().nullable(),
});
export type EvidenceDocumentOutput = z.infer<typeof evidenceDocumentSchema>;

const id = z.number().int().positive();

export const evidenceContract = {
  /** the documents of a unit's year, and the leaves flagged "Thiếu tài liệu kiểm chứng" */
  'evidence:unit': {
    input: z.object({ year, unitCode: code }),
    output: z.object({ documents: z.array(evidenceDocumentSchema), missing: z.array(z.string()) }),
  },
  /** every leaf of the year flagged "Thiếu tài liệu kiểm chứng", unit by unit (the block matrix marks them) */
  'evidence:missing': {
    input: z.object({ year }),
    output: z.array(z.object({ unitCode: z.string(), criterionCode: z.string(), score: z.number() })),
  },
  /** one document's content (PDF and images only), as base64 so it crosses every bridge alike */
  'evidence:content': {
    input: z.object({ id }),
    output: z.object({ kind: z.enum(EVIDENCE_KINDS), base64: z.string() }),
  },
  /**
   * opens a document the window does not show (Word, Excel, TIFF, text) with the system's
   * application, from a read-only temporary copy; the window asks the person first
   */
  'evidence:openWithSystem': {
    input: z.object({ id }),
    output: z.object({ name: z.string() }),
  },
  /** ties a document to a leaf, or back to the unassigned ones (null) */
  'evidence:assign': {
    input: z.object({ id, criterionCode: code.nullable() }),
    output: evidenceDocumentSchema,
  },
} as const;
