// One printed document of several scorecards cut into one PDF per card. Chromium prints a batch
// of cards in one document several times faster than each card alone (the fonts, the styles and
// the print pipeline once); where each card starts is read from the link every card leaves on its
// first page (ScorecardSection's mark), so the cut follows the printed pages, never an estimate.
// pdf-lib reads and writes the PDFs: a kept library, pure JavaScript, already what the field
// uses to split and merge PDF files.
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString, type PDFRef } from 'pdf-lib';

/** The first page (0-based) of each of `count` cards of a batch printed with `marks`, and the PDF loaded. */
export async function cardStarts(pdf: Buffer, marks: string, count: number): Promise<{ doc: PDFDocument; starts: number[] } | null> {
  // a printer that gives no PDF (a stand-in) leaves the cards to be printed alone
  if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') return null;
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const starts: number[] = new Array(count).fill(-1);
  doc.getPages().forEach((page, index) => {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    if (!annots) return;
    const kept: (PDFRef | PDFDict)[] = [];
    for (const entry of annots.asArray()) {
      const uri = doc.context.lookupMaybe(entry, PDFDict)?.lookupMaybe(PDFName.of('A'), PDFDict)?.lookupMaybe(PDFName.of('URI'), PDFString)?.decodeText();
      if (uri?.startsWith(marks)) {
        const card = Number(uri.slice(marks.length));
        if (Number.isInteger(card) && card >= 0 && card < count && starts[card] === -1) starts[card] = index;
      } else kept.push(entry as PDFRef | PDFDict);
    }
    // the marks are not links a reader should find in a card
    if (kept.length) page.node.set(PDFName.of('Annots'), doc.context.obj(kept));
    else page.node.delete(PDFName.of('Annots'));
  });
  // every card found, in order, each with a page of its own
  const ok = starts.every((s, i) => s >= 0 && (i === 0 ? s === 0 : s > starts[i - 1]));
  return ok ? { doc, starts } : null;
}

/** The pages of each card as a PDF of its own, titled `titles[i]`. */
export async function splitCards(doc: PDFDocument, starts: number[], titles: string[]): Promise<{ pdf: Buffer; pages: number }[]> {
  const total = doc.getPageCount();
  const out: { pdf: Buffer; pages: number }[] = [];
  for (let i = 0; i < starts.length; i++) {
    const end = i + 1 < starts.length ? starts[i + 1] : total;
    const card = await PDFDocument.create({ updateMetadata: false });
    const indices = Array.from({ length: end - starts[i] }, (_, k) => starts[i] + k);
    for (const page of await card.copyPages(doc, indices)) card.addPage(page);
    card.setTitle(titles[i]);
    card.setProducer(doc.getProducer() ?? 'PAR Workbench');
    out.push({ pdf: Buffer.from(await card.save()), pages: indices.length });
  }
  return out;
}
