// What a file users send may declare, at most. Every figure read from a file (a cell address,
// a merged range, a count, a length) is checked against these before anything is built from
// it, so that a hostile or broken file is refused in well under a second instead of filling
// memory. Excel's own limits come first; the others leave room for the largest real files
// (a 40,000-form survey of ~35 columns is 1.4 M cells) several times over.

/** A workbook file larger than this is refused before it is read (a form is ~50 KB, a 40,000-row survey ~6 MB). */
export const MAX_WORKBOOK_BYTES = 30 * 1024 * 1024;
/** All parts of a workbook together, uncompressed; counted while inflating, never taken from the declared sizes alone. */
export const MAX_UNCOMPRESSED_BYTES = 300 * 1024 * 1024;
/** Parts of a workbook's zip: a 200-sheet workbook with a drawing, comments and relationships per sheet. */
export const MAX_WORKBOOK_ENTRIES = 2_000;
/**
 * Uncompressed size over compressed size of one part, checked once a part is past
 * RATIO_CHECKED_FROM_BYTES: spreadsheet XML deflates 5 to 30 times; deflate's ceiling (~1,030) is a bomb's.
 */
export const MAX_COMPRESSION_RATIO = 200;
export const RATIO_CHECKED_FROM_BYTES = 1024 * 1024;
/** A part read whole into memory (workbook.xml, relationships, styles); sheets and shared strings are streamed. */
export const MAX_WHOLE_PART_BYTES = 16 * 1024 * 1024;

/** Excel: 1,048,576 rows and 16,384 columns (XFD) per sheet, 32,767 characters per cell. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;
export const MAX_CELL_TEXT = 32_767;
/** Sheets in one workbook (a form has 3; Excel has no fixed limit). */
export const MAX_SHEETS = 200;
/** Cells written in a workbook (empty styled cells included): 100,000 rows × 50 columns. */
export const MAX_CELLS = 5_000_000;
/**
 * Slots of the rows read back: a row is as wide as its last filled column, so one value in
 * column XFD costs 16,384 slots. Bounds the memory of what a reader returns (~8 bytes a slot).
 */
export const MAX_ROW_SLOTS = 10_000_000;
/** Merged cells of a workbook, all ranges together, by area (the Excel library expands each one). */
export const MAX_MERGED_CELLS = 250_000;
/** Distinct texts in the shared-string table (a 40,000-form survey with three free-text answers has ~120,000). */
export const MAX_SHARED_STRINGS = 500_000;
/** Cell formats (Excel's own limit is 64,000). */
export const MAX_CELL_FORMATS = 65_536;
/**
 * XML characters read without any markup event: no text, attribute or comment of a real
 * workbook is this long (a cell holds at most 32,767 characters, ~200,000 once escaped).
 */
export const MAX_XML_TOKEN_CHARS = 1_000_000;

/**
 * For the Excel library's full loader only, which builds an object per cell (~0.5 KB) and
 * one per cell of every defined name's range and data-validation range.
 */
export const MAX_CELLS_FULL_LOAD = 1_000_000;
export const MAX_EXPANDED_RANGE_CELLS = 250_000;

/** A CSV file larger than this is refused before it is read. */
export const MAX_CSV_BYTES = 50 * 1024 * 1024;
