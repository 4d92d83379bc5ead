// pdf.js, loaded when a PDF is first shown: its worker comes from the app's own origin (the
// CSP allows workers from 'self' only), eval is off, XFA forms and scripting are off, and no
// wasm, fonts or anything else is fetched: a document's scripts never run.
import type { PDFDocumentProxy } from 'pdfjs-dist';

export type { PDFDocumentProxy };

let loaded: Promise<typeof import('pdfjs-dist')> | null = null;

function pdfjs(): Promise<typeof import('pdfjs-dist')> {
  loaded ??= Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]).then(([lib, worker]) => {
    lib.GlobalWorkerOptions.workerSrc = worker.default;
    return lib;
  });
  return loaded;
}

/** Opens a PDF held in memory; the caller destroys it when done. */
export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const lib = await pdfjs();
  return lib.getDocument({
    data: bytes,
    isEvalSupported: false,
    enableXfa: false,
    useWasm: false,
    useWorkerFetch: false,
    useSystemFonts: true,
    disableAutoFetch: true,
    stopAtErrors: false,
  }).promise;
}

/**
 * Draws page `number` of `pdf` on `canvas` at `scale` (× the device pixel ratio for
 * sharpness). `cancel()` stops a drawing the next one replaces (a canvas takes one at a time);
 * the promise then resolves with false.
 */
export function renderPage(pdf: PDFDocumentProxy, number: number, canvas: HTMLCanvasElement, scale: number): { done: Promise<boolean>; cancel(): void } {
  let cancelled = false;
  let task: { cancel(): void; promise: Promise<void> } | null = null;
  const done = pdf.getPage(number).then(async (page) => {
    if (cancelled) return false;
    const ratio = window.devicePixelRatio || 1;
    const viewport = page.getViewport({ scale: scale * ratio });
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
    canvas.style.height = `${Math.floor(viewport.height / ratio)}px`;
    task = page.render({ canvas, viewport });
    try {
      await task.promise;
      return true;
    } catch (e) {
      if (cancelled && e instanceof Error && e.name === 'RenderingCancelledException') return false;
      throw e;
    }
  });
  return {
    done,
    cancel() {
      cancelled = true;
      task?.cancel();
    },
  };
}
