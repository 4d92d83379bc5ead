// One received document in a list: its name (PDFs and images open in the app's viewer; other
// kinds with the system's application after a question), what it is and where it came from,
// and what the list lets one do with it. Names are shown as text.
import type { ReactNode } from 'react';
import { VIEWABLE_KINDS } from '../../../shared/evidence/model';
import { useOpenWithSystem } from './hooks';
import { describeDocument, type EvidenceDocumentOutput } from './model';

export function DocumentItem({ doc, open, onOpen, children }: { doc: EvidenceDocumentOutput; open: boolean; onOpen(doc: EvidenceDocumentOutput): void; children?: ReactNode }) {
  const external = useOpenWithSystem();
  return (
    <li className={open ? 'open' : undefined}>
      {VIEWABLE_KINDS.has(doc.kind) ? (
        <button type="button" className="link" onClick={() => onOpen(doc)} title={doc.path}>
          {doc.name}
        </button>
      ) : (
        <>
          <span title={doc.path}>{doc.name}</span>{' '}
          <button type="button" className="small" disabled={external.busy} onClick={() => external.open(doc.id, doc.name)}>
            Mở bằng ứng dụng của máy
          </button>
        </>
      )}
      <div className="muted">{describeDocument(doc)}</div>
      {children}
    </li>
  );
}
