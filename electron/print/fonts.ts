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
    path.resolve(here, '..', '..', 'resources'),
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
  /** family, style and weight: faces that differ only in their characters */
  descriptors: string;
  /** the code points it covers (unicode-range), or null for all */
  ranges: [number, number][] | null;
}

let cached: FontFace[] | null = null;

function fontFaces(): FontFace[] {
  if (cached) return cached;
  const dir = fontFolder();
  const css = fs.readFileSync(path.join(dir, 'fonts.css'), 'utf8');
  cached = (css.match(/@font-face\s*\{[^}]*\}/g) ?? []).map((rule) => {
    const descriptor = (name: string) => new RegExp(`${name}:([^;}]+)`, 'i').exec(rule)?.[1].trim() ?? '';
    const range = descriptor('unicode-range');
    return {
      css: rule.replace(/url\(([^)]+\.woff2)\)/g, (_, file: string) => {
        const bytes = fs.readFileSync(path.join(dir, path.basename(file)));
        return `url(data:font/woff2;base64,${bytes.toString('base64')})`;
      }),
      descriptors: ['font-family', 'font-style', 'font-weight'].map(descriptor).join('|'),
      ranges: range ? [...range.matchAll(/U\+([0-9a-f?]+)(?:-([0-9a-f]+))?/gi)].map(unicodeRange) : null,
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

function covers(face: FontFace, codePoint: number): boolean {
  return face.ranges === null || face.ranges.some(([from, to]) => codePoint >= from && codePoint <= to);
}

/**
 * The @font-face rules of Tinos (Times New Roman metrics, Vietnamese), each file inlined: all of
 * them, or for `text` the faces Chromium would load for it. Where the ranges of faces overlap
 * (Vietnamese letters are in the Latin Extended file too) the face declared last is the one used.
 */
export function printFontCss(text?: string): string {
  const faces = fontFaces();
  if (text === undefined) return faces.map((f) => f.css).join('\n');
  const used = new Set<FontFace>();
  const codePoints = new Set<number>();
  for (const ch of text) codePoints.add(ch.codePointAt(0)!);
  const groups = new Set(faces.map((f) => f.descriptors));
  for (const group of groups) {
    const members = faces.filter((f) => f.descriptors === group).reverse();
    for (const codePoint of codePoints) {
      const face = members.find((f) => covers(f, codePoint));
      if (face) used.add(face);
    }
  }
  return faces
    .filter((f) => used.has(f))
    .map((f) => f.css)
    .join('\n');
}
