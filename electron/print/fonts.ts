// The bundled print fonts as @font-face rules with data: URLs: a printed page then looks
// the same on every machine, whatever fonts it has installed.
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

let cached: string | null = null;

/** The @font-face rules of Tinos (Times New Roman metrics, Vietnamese), each file inlined. */
export function printFontCss(): string {
  if (cached !== null) return cached;
  const dir = fontFolder();
  const css = fs.readFileSync(path.join(dir, 'fonts.css'), 'utf8');
  cached = css.replace(/url\(([^)]+\.woff2)\)/g, (_, file: string) => {
    const bytes = fs.readFileSync(path.join(dir, path.basename(file)));
    return `url(data:font/woff2;base64,${bytes.toString('base64')})`;
  });
  return cached;
}
