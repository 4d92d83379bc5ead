// A document shown beside the score: images as they are, PDFs page by page through pdf.js,
// with page navigation and zoom. Other kinds are not shown here.
import { useEffect, useRef, useState } from 'react';
import { useDocumentContent } from './hooks';
import { bytesOf, describeDocument, nextZoom, type EvidenceDocumentOutput } from './model';
import { openPdf, renderPage, type PDFDocumentProxy } from './pdf';

const IMAGE_TYPES: Partial<Record<EvidenceDocumentOutput['kind'], string>> = { jpeg: 'image/jpeg', png: 'image/png' };

export function EvidenceViewer({ document: doc, onClose }: { document: EvidenceDocumentOutput; onClose(): void }) {
  const content = useDocumentContent(doc.id);
  const [zoom, setZoom] = useState(1);
  return (
    <section className="evidence-viewer" aria-label="Xem tài liệu kiểm chứng" data-testid="evidence-viewer">
      <header>
        <strong title={doc.path}>{doc.name}</strong>
        <span className="spacer" />
        <button type="button" onClick={() => setZoom((z) => nextZoom(z, -1))} aria-label="Thu nhỏ">
          −
        </button>
        <span data-testid="evidence-zoom">{Math.round(zoom * 100)}%</span>
        <button type="button" onClick={() => setZoom((z) => nextZoom(z, 1))} aria-label="Phóng to">
          +
        </button>
        <button type="button" onClick={onClose} aria-label="Đóng tài liệu">
          ×
        </button>
      </header>
      <div className="muted evidence-meta">{describeDocument(doc)}</div>
      {content.loading && <p className="muted">Đang mở tài liệu…</p>}
      {content.value && content.value.kind === 'pdf' && <PdfPages key={doc.id} base64={content.value.base64} zoom={zoom} />}
      {content.value && IMAGE_TYPES[content.value.kind] && <ImageView base64={content.value.base64} type={IMAGE_TYPES[content.value.kind]!} zoom={zoom} name={doc.name} />}
    </section>
  );
}

function ImageView({ base64, type, zoom, name }: { base64: string; type: string; zoom: number; name: string }) {
  const image = useRef<HTMLImageElement>(null);
  // the image's bytes as a blob: URL of this window (the CSP allows img-src blob:), freed when it changes
  useEffect(() => {
    const url = URL.createObjectURL(new Blob([bytesOf(base64) as BlobPart], { type }));
    if (image.current) image.current.src = url;
    return () => URL.revokeObjectURL(url);
  }, [base64, type]);
  return (
    <div className="evidence-page">
      <img ref={image} alt={name} style={{ width: `${zoom * 100}%` }} data-testid="evidence-image" />
    </div>
  );
}

function PdfPages({ base64, zoom }: { base64: string; zoom: number }) {
  const [pdf, setPdf] = useState<PDFDocumentProxy | null>(null);
  const [failed, setFailed] = useState(false);
  const [page, setPage] = useState(1);
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    let current = true;
    let opened: PDFDocumentProxy | null = null;
    openPdf(bytesOf(base64)).then(
      (p) => {
        opened = p;
        if (current) setPdf(p);
        else void p.destroy();
      },
      () => {
        if (current) setFailed(true);
      },
    );
    return () => {
      current = false;
      void opened?.destroy();
    };
  }, [base64]);

  useEffect(() => {
    if (!pdf || !canvas.current) return;
    const drawing = renderPage(pdf, page, canvas.current, zoom);
    drawing.done.catch(() => setFailed(true));
    return () => drawing.cancel();
  }, [pdf, page, zoom]);

  if (failed) return <p className="problem">Không hiển thị được tệp PDF này; hãy chép tài liệu ra thư mục và mở bằng ứng dụng của máy.</p>;
  const pages = pdf?.numPages ?? 0;
  return (
    <>
      <div className="evidence-pager">
        <button type="button" disabled={page <= 1} onClick={() => setPage((p) => p - 1)} aria-label="Trang trước">
          ‹
        </button>
        <span data-testid="evidence-page">{pdf ? `Trang ${page} / ${pages}` : 'Đang đọc…'}</span>
        <button type="button" disabled={page >= pages} onClick={() => setPage((p) => p + 1)} aria-label="Trang sau">
          ›
        </button>
      </div>
      <div className="evidence-page">
        <canvas ref={canvas} data-testid="evidence-canvas" />
      </div>
    </>
  );
}
