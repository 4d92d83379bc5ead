// The documents a unit sent with a petition ("Tài liệu bổ sung"), read beside the petitions.
import { DocumentItem } from '../evidence/DocumentItem';
import type { EvidenceDocumentOutput } from '../evidence/model';

export function PetitionDocuments({ documents, openId, onOpen }: { documents: readonly EvidenceDocumentOutput[]; openId: number | null; onOpen(doc: EvidenceDocumentOutput): void }) {
  if (documents.length === 0) return null;
  return (
    <ul className="evidence-list" data-testid="petition-documents">
      {documents.map((d) => (
        <DocumentItem key={d.id} doc={d} open={d.id === openId} onOpen={onOpen} />
      ))}
    </ul>
  );
}
