// Beside the score being appraised: the documents of the selected leaf (name, size, pages,
// when and with what they came), the flag "Thiếu tài liệu kiểm chứng", and the unit's
// documents tied to no leaf, which staff assign to the selected leaf. Names are shown as text.
import type { EvidenceDocumentOutput } from './model';
import { documentsOf } from './model';
import { DocumentItem } from './DocumentItem';

interface EvidencePanelProps {
  unitName: string;
  /** the selected leaf, or null */
  focusCode: string | null;
  documents: readonly EvidenceDocumentOutput[];
  missing: ReadonlySet<string>;
  openId: number | null;
  editable: boolean;
  busy: boolean;
  onOpen(doc: EvidenceDocumentOutput): void;
  onAssign(doc: EvidenceDocumentOutput, criterionCode: string | null): void;
}

export function EvidencePanel({ unitName, focusCode, documents, missing, openId, editable, busy, onOpen, onAssign }: EvidencePanelProps) {
  const ofLeaf = focusCode ? documentsOf(documents, focusCode) : [];
  const unassigned = documentsOf(documents, null);
  const item = (d: EvidenceDocumentOutput, action?: React.ReactNode) => (
    <DocumentItem key={d.id} doc={d} open={d.id === openId} onOpen={onOpen}>
      {action}
    </DocumentItem>
  );
  return (
    <section className="evidence" aria-label="Tài liệu kiểm chứng" data-testid="evidence-panel">
      <h3>Tài liệu kiểm chứng {focusCode ? `— tiêu chí ${focusCode}` : ''}</h3>
      {!focusCode && <p className="muted">Chọn một tiêu chí để xem tài liệu kiểm chứng {unitName} đã gửi.</p>}
      {focusCode && missing.has(focusCode) && (
        <p className="evidence-missing" data-testid="evidence-missing">
          Thiếu tài liệu kiểm chứng
        </p>
      )}
      {focusCode && ofLeaf.length === 0 && !missing.has(focusCode) && <p className="muted">Tiêu chí này chưa có tài liệu.</p>}
      <ul className="evidence-list">
        {ofLeaf.map((d) =>
          item(
            d,
            editable && (
              <button type="button" className="small" disabled={busy} onClick={() => onAssign(d, null)}>
                Bỏ gán
              </button>
            ),
          ),
        )}
      </ul>
      {unassigned.length > 0 && (
        <>
          <h4>Chưa gán tiêu chí ({unassigned.length})</h4>
          <ul className="evidence-list" data-testid="evidence-unassigned">
            {unassigned.map((d) =>
              item(
                d,
                editable && focusCode && (
                  <button type="button" className="small" disabled={busy} onClick={() => onAssign(d, focusCode)}>
                    Gán cho tiêu chí {focusCode}
                  </button>
                ),
              ),
            )}
          </ul>
        </>
      )}
    </section>
  );
}
