// The layout of an administrative document per Nghị định 30/2020/NĐ-CP, for Word and
// LibreOffice: A4, Times New Roman 13–14, margins top and bottom 20 mm, left 30 mm, right
// 15 mm; the issuing body and the national motto side by side, the number and the date line;
// page numbers from page 2; tables whose header row repeats on every page.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  ImageRun,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ISectionOptions,
} from 'docx';

export const FONT = 'Times New Roman';
/** half-points */
export const BODY_SIZE = 28;
export const SMALL_SIZE = 26;
export const TABLE_SIZE = 24;

const MM = 56.7; // twips per millimetre
export const A4 = { width: 11906, height: 16838 };
export const MARGINS = { top: Math.round(20 * MM), bottom: Math.round(20 * MM), left: Math.round(30 * MM), right: Math.round(15 * MM) };

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

export interface Heading {
  /** "UBND TỈNH LẠNG SƠN" */
  parent: string;
  /** "SỞ NỘI VỤ" */
  body: string;
  /** "Số: …/BC-SNV" */
  number: string;
  /** "Lạng Sơn, ngày … tháng … năm 2026" */
  dateLine: string;
}

export function text(value: string, options: { bold?: boolean; italics?: boolean; size?: number; underline?: boolean } = {}): TextRun {
  return new TextRun({ text: value, font: FONT, size: options.size ?? BODY_SIZE, bold: options.bold, italics: options.italics, underline: options.underline ? {} : undefined });
}

export function centered(runs: TextRun[], spacingAfter = 0): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: spacingAfter }, children: runs });
}

/** A body paragraph: justified, first line indented 1 cm, 6 pt after, 1.15 lines. */
export function body(value: string | TextRun[]): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: Math.round(10 * MM) },
    spacing: { after: 120, line: 276 },
    children: typeof value === 'string' ? [text(value)] : value,
  });
}

export function heading(value: string): Paragraph {
  return new Paragraph({ spacing: { before: 120, after: 120 }, indent: { firstLine: Math.round(10 * MM) }, children: [text(value, { bold: true })] });
}

function cellOf(children: Paragraph[], widthPct: number): TableCell {
  return new TableCell({ children, width: { size: widthPct, type: WidthType.PERCENTAGE }, borders: { top: NONE, bottom: NONE, left: NONE, right: NONE } });
}

/** The issuing body left, the national motto right; the number left, the place and date right. */
export function documentHeading(h: Heading): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          cellOf([centered([text(h.parent, { size: SMALL_SIZE })]), centered([text(h.body, { bold: true, size: SMALL_SIZE })]), centered([text('________', { size: SMALL_SIZE })])], 40),
          cellOf(
            [
              centered([text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: SMALL_SIZE })]),
              centered([text('Độc lập - Tự do - Hạnh phúc', { bold: true })]),
              centered([text('_______________________', { size: SMALL_SIZE })]),
            ],
            60,
          ),
        ],
      }),
      new TableRow({
        children: [cellOf([centered([text(h.number, { size: SMALL_SIZE })])], 40), cellOf([centered([text(h.dateLine, { italics: true })])], 60)],
      }),
    ],
  });
}

/** A table of `header` and `rows` with a repeating header row; numbers right-aligned. */
export function dataTable(header: string[], rows: string[][], options: { widths?: number[]; numeric?: boolean[]; size?: number } = {}): Table {
  const size = options.size ?? TABLE_SIZE;
  const widths = options.widths ?? header.map(() => 100 / header.length);
  const cell = (value: string, i: number, head: boolean) =>
    new TableCell({
      width: { size: widths[i], type: WidthType.PERCENTAGE },
      verticalAlign: VerticalAlign.CENTER,
      margins: { left: 60, right: 60, top: 20, bottom: 20 },
      children: [
        new Paragraph({
          alignment: head ? AlignmentType.CENTER : options.numeric?.[i] ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [text(value, { bold: head, size })],
        }),
      ],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: header.map((h, i) => cell(h, i, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v, i) => cell(v, i, false)) })),
    ],
  });
}

/** A chart picture, centred, `widthPx` × `heightPx` at 96 dpi. */
export function picture(png: Buffer, widthPx: number, heightPx: number): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 120, after: 120 },
    children: [new ImageRun({ type: 'png', data: png, transformation: { width: widthPx, height: heightPx } })],
  });
}

/** Where the document goes and who signs: "Nơi nhận" left, the signer right. */
export function signature(recipients: string[], signerTitle: string, signerName: string): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          cellOf(
            [
              new Paragraph({ children: [text('Nơi nhận:', { bold: true, italics: true, size: 24 })] }),
              ...recipients.map((r) => new Paragraph({ children: [text(`- ${r};`, { size: 22 })] })),
            ],
            50,
          ),
          cellOf([centered([text(signerTitle, { bold: true })], 1200), centered([text(signerName, { bold: true })])], 50),
        ],
      }),
    ],
  });
}

/** One section on A4 (portrait or landscape) with the margins above and page numbers from page 2. */
export function section(children: ISectionOptions['children'], landscape = false): ISectionOptions {
  return {
    properties: {
      titlePage: true,
      page: {
        // docx turns the portrait size round itself for a landscape page
        size: landscape ? { width: A4.width, height: A4.height, orientation: PageOrientation.LANDSCAPE } : { width: A4.width, height: A4.height },
        margin: { ...MARGINS, header: Math.round(10 * MM), footer: Math.round(10 * MM) },
      },
    },
    headers: {
      first: new Header({ children: [new Paragraph({ children: [] })] }),
      default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: SMALL_SIZE })] })] }),
    },
    children,
  };
}

export function documentOf(title: string, sections: ISectionOptions[]): Document {
  return new Document({
    title,
    creator: 'PAR Workbench',
    styles: { default: { document: { run: { font: FONT, size: BODY_SIZE } } } },
    sections,
  });
}
