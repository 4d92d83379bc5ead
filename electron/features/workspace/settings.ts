// What the workspace says about itself on screens and in printed documents: the province, the
// place written before dates ("Lạng Sơn, ngày …"), who signs, and whether it is the demo.
import type { Workspace } from '../../db/workspace';
import { getSetting, setSetting } from './store';

const KEYS = {
  province: 'province',
  signPlace: 'signPlace',
  signerTitle: 'signerTitle',
  signerName: 'signerName',
  sample: 'sample',
} as const;

export interface DocumentSettings {
  /** "Tỉnh Mẫu" */
  province: string | null;
  /** the place written before the date of a document: "Lạng Sơn" in "Lạng Sơn, ngày 15 tháng 3 năm 2026" */
  signPlace: string | null;
  /** "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC" */
  signerTitle: string | null;
  signerName: string | null;
}

export function documentSettings(ws: Workspace): DocumentSettings {
  return {
    province: getSetting(ws, KEYS.province),
    signPlace: getSetting(ws, KEYS.signPlace),
    signerTitle: getSetting(ws, KEYS.signerTitle),
    signerName: getSetting(ws, KEYS.signerName),
  };
}

/** Sets the document settings given (blank text clears one). */
export function saveDocumentSettings(ws: Workspace, settings: Partial<DocumentSettings>): void {
  ws.changedStructure();
  ws.transaction(() => {
    for (const key of ['province', 'signPlace', 'signerTitle', 'signerName'] as const) {
      const value = settings[key];
      if (value === undefined) continue;
      const text = value?.normalize('NFC').trim() ?? '';
      setSetting(ws, KEYS[key], text === '' ? null : text);
    }
  });
}

/** "Tỉnh Mẫu", or null when the workspace does not name its province. */
export function workspaceProvince(ws: Workspace): string | null {
  return getSetting(ws, KEYS.province);
}

/** The demo workspace: its documents say "Dữ liệu mẫu". */
export function isSampleWorkspace(ws: Workspace): boolean {
  const v = getSetting(ws, KEYS.sample);
  return v === '1' || v === 'true';
}
