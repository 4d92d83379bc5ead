// What a printed document may do: nothing but show itself. Both printers (Chromium through
// playwright-core, Electron's print window) print with script off and every request refused;
// the document also carries this policy, so that it holds whichever printer loads it.

/** No script, no request: inline styles, fonts and images from data: URLs only. */
export const PRINT_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:";

/** The document with the print policy as the first thing in its head. */
export function withPrintPolicy(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${PRINT_CONTENT_SECURITY_POLICY}">`;
  const head = /<head\b[^>]*>/i.exec(html);
  if (!head) return meta + html;
  const at = head.index + head[0].length;
  return html.slice(0, at) + meta + html.slice(at);
}

/** Only data: URLs (the inlined fonts) may be read while printing. */
export function allowPrintRequest(url: string): boolean {
  return url.startsWith('data:');
}
