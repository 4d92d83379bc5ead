// Plain-text tables for the terminal: columns padded by characters (Vietnamese letters with
// marks count once), numbers aligned right.

function pad(text: string, width: number, right: boolean): string {
  const gap = ' '.repeat(Math.max(0, width - [...text].length));
  return right ? gap + text : text + gap;
}

/** The lines of a table: the header, then one line per row; `right` marks right-aligned columns. */
export function tableLines(header: string[], rows: string[][], right: boolean[]): string[] {
  const widths = header.map((h, i) => Math.max([...h].length, ...rows.map((r) => [...r[i]].length)));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i], right[i] ?? false)).join('  ').trimEnd();
  return [line(header), ...rows.map(line)];
}

export function table(header: string[], rows: string[][], right: boolean[]): string {
  return tableLines(header, rows, right).join('\n');
}
