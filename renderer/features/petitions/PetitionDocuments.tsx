// The documents a unit sent with a petition ("Tài liệu bổ sung"): PDFs and images open in the
// app's viewer beside the petitions, other kinds with the system's application after a question.
// Names are shown as text.
import type { EvidenceDocumentOutput } from '../evidence/model';
import { describeDocument } from '../evidence/model';
import { useOpenWithSystem } from '../evidence/hooks';
import { VIEWABLE_KINDS } from '../../../shared/evidence/model';

export function PetitionDocuments({ documents, openId, onOpen }: { documents: readonly EvidenceDocumentOutput[]; openId: number | null; onOpen(doc: EvidenceDocumentOutput): void }) {
  const external = useOpenWithSystem();
  if (documents.length === 0) return null;
  return (
    <ul className="evidence-list" data-testid="petition-documents">
      {documents.map((d) => (
        <li key={d.id} className={d.id === openId ? 'open' : undefined}>
          {VIEWABLE_KINDS.has(d.kind) ? (
            <button type="button" className="link" onClick={() => onOpen(d)} title={d.path}>
              {d.name}
            </button>
          ) : (
            <>
              <span title={d.path}>{d.name}</span>{' '}
              <button type="button" className="small" disabled={external.busy} onClick={() => external.open(d.id, d.name)}>
                Mở bằng ứng dụng của máy
              </button>
            </>
          )}
          <div className="muted">{describeDocument(d)}</div>
        </li>
      ))}
    </ul>
  );
}
