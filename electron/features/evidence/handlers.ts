// Tài liệu kiểm chứng in Thẩm định: a unit's documents and missing-evidence flags, one
// document's content for the viewer, and assigning a document to a leaf.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Handlers } from '../../../shared/contract';
import type { evidenceContract } from '../../../shared/evidence/channels';
import { VIEWABLE_KINDS } from '../../../shared/evidence/model';
import { UserError } from '../../../shared/errors';
import type { HandlerContext } from '../context';
import { requireUnit } from '../units/service';
import { requirePeriod } from '../workspace/service';
import { assignDocument, missingEvidence } from './service';
import { blobContent, getDocument, listDocuments } from './store';

export function evidenceHandlers(context: HandlerContext): Pick<Handlers, keyof typeof evidenceContract> {
  const ws = () => context.workspace();
  return {
    'evidence:unit': ({ year, unitCode }) => {
      const w = ws();
      requirePeriod(w, year);
      requireUnit(w, unitCode);
      return w.snapshot(() => ({
        documents: listDocuments(w, year, { unitCode }),
        missing: missingEvidence(w, year, unitCode).map((m) => m.criterion),
      }));
    },
    'evidence:missing': ({ year }) => {
      const w = ws();
      requirePeriod(w, year);
      return missingEvidence(w, year).map((m) => ({ unitCode: m.unit, criterionCode: m.criterion, score: m.score }));
    },
    'evidence:content': ({ id }) => {
      const w = ws();
      const doc = getDocument(w, id);
      if (!doc) throw new UserError('Không tìm thấy tài liệu này (có thể đã bị xóa); hãy tải lại danh sách.');
      if (!VIEWABLE_KINDS.has(doc.kind)) throw new UserError(`Tài liệu "${doc.name}" không xem được trong ứng dụng; hãy mở bằng ứng dụng của máy.`);
      return { kind: doc.kind, base64: blobContent(w, doc.sha256)!.toString('base64') };
    },
    'evidence:openWithSystem': async ({ id }) => {
      const w = ws();
      const doc = getDocument(w, id);
      if (!doc) throw new UserError('Không tìm thấy tài liệu này (có thể đã bị xóa); hãy tải lại danh sách.');
      // a read-only copy in a folder of its own: the application opens the copy, never the workspace
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parw-tai-lieu-'));
      const file = path.join(dir, path.basename(doc.name));
      fs.writeFileSync(file, blobContent(w, doc.sha256)!, { mode: 0o444 });
      await context.openWithSystem(file);
      return { name: doc.name };
    },
    'evidence:assign': ({ id, criterionCode }) => assignDocument(ws(), id, criterionCode),
  };
}
