// What printed documents say about the workspace itself: the province, and whether it is the demo.
import type { Workspace } from '../../db';

export const PROVINCE_SETTING = 'province';
export const SAMPLE_SETTING = 'sample';

/** "Tỉnh Mẫu", or null when the workspace does not name its province. */
export function workspaceProvince(ws: Workspace): string | null {
  return ws.getSetting(PROVINCE_SETTING);
}

/** The demo workspace: its documents say "Dữ liệu mẫu". */
export function isSampleWorkspace(ws: Workspace): boolean {
  const v = ws.getSetting(SAMPLE_SETTING);
  return v === '1' || v === 'true';
}
