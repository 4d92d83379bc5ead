// The bundled print fonts as @font-face rules with data: URLs: a printed page then looks
// the same on every machine, whatever fonts it has installed. A document carries only the
// faces whose characters it uses (Latin and Vietnamese; the Latin Extended files seldom),
// a quarter of the bytes that every printed card would otherwise send to the browser.
import fs from 'node:fs';
import path from 'node:path';

const FONT_FOLDER = path.join('fonts', 'tinos');

/** Folders where the bundled resources may sit: the source tree, the built main process, the installed app. */
function resourceCandidates(): string[] {
  const here = import.meta.dirname;
  const packaged = (process as { resourcesPath?: string }).resourcesPath;
  return [
    path.resolve(here, '..', '..', '..', 'resources'),
    path.resolve(here, '..', 'resources'),
    ...(packaged ? [path.join(packaged, 'resources'), packaged] : []),
  ];
}

export function fontFolder(): string {
  const found = resourceCandidates()
    .map((dir) => path.join(dir, FONT_FOLDER))
    .find((dir) => fs.existsSync(path.join(dir, 'fonts.css')));
  if (!found) throw new Error('Không tìm thấy phông chữ in kèm theo chương trình (resources/fonts/tinos).');
  return found;
}

interface FontFace {
  /** the rule, its file inlined */
  css: string;
  /** the code points it covers (unicode-range), or null for all */
  ranges: [number, number][] | null;
}

let cached: FontFace[] | null = null;

function fontFaces(): FontFace[] {
  if (cached) return cached;
  const dir = fontFolder();
  const css = fs.readFileSync(path.join(dir, 'fonts.css'), 'utf8');
  cached = (css.match(/@font-face\s*\{[^}]*\}/g) ?? []).map((rule) => {
    const range = /unicode-range:([^;}]+)/i.exec(rule);
    return {
      css: rule.replace(/url\(([^)]+\.woff2)\)/g, (_, file: string) => {
        const bytes = fs.readFileSync(path.join(dir, path.basename(file)));
        return `url(data:font/woff2;base64,${bytes.toString('base64')})`;
      }),
      ranges: range ? [...range[1].matchAll(/U\+([0-9a-f?]+)(?:-([0-9a-f]+))?/gi)].map(unicodeRange) : null,
    };
  });
  return cached;
}

/** "U+0100-02BA" → [0x100, 0x2ba]; "U+1E??" → [0x1e00, 0x1eff]. */
function unicodeRange(match: RegExpMatchArray): [number, number] {
  const [, from, to] = match;
  if (to) return [parseInt(from, 16), parseInt(to, 16)];
  return [parseInt(from.replace(/\?/g, '0'), 16), parseInt(from.replace(/\?/g, 'f'), 16)];
}

/**
 * The @font-face rules of Tinos (Times New Roman metrics, Vietnamese), each file inlined: the
 * faces that cover a character of `text` (the faces Chromium would load for it), or all of them.
 */
export function printFontCss(text?: string): string {
  const faces = fontFaces();
  if (text === undefined) return faces.map((f) => f.css).join('\n');
  const used = new Set<number>();
  for (const ch of text) used.add(ch.codePointAt(0)!);
  const covers = (ranges: [number, number][]) => [...used].some((c) => ranges.some(([from, to]) => c >= from && c <= to));
  return faces
    .filter((f) => f.ranges === null || covers(f.ranges))
    .map((f) => f.css)
    .join('\n');
}
