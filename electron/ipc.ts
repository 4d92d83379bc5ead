// Binds every contract channel to its handler; a message is served only from the app's own page.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { PickedFile } from '../shared/channels';
import { channels, DROP_CHANNEL, droppedSchema, ipcName, type Handlers } from '../shared/contract';
import { dispatch } from './app';
import { isTrustedSender } from './security';

const UNTRUSTED = 'Yêu cầu không đến từ cửa sổ của ứng dụng.';

export function bindIpc(handlers: Handlers, window: () => WebContents | null, issueTokens: (paths: string[]) => PickedFile[]): void {
  const trusted = (event: IpcMainInvokeEvent) => {
    const frame = event.senderFrame;
    return event.sender === window() && isTrustedSender(frame?.url, frame !== null && frame === event.sender.mainFrame);
  };
  for (const channel of channels) {
    ipcMain.handle(ipcName(channel), (event: IpcMainInvokeEvent, payload: unknown) => {
      if (!trusted(event)) return { ok: false, failure: { kind: 'internal', message: UNTRUSTED, problems: [{ message: UNTRUSTED }] } };
      return dispatch(handlers, channel, payload);
    });
  }
  // the paths of a drop, which only the preload reads (webUtils) and sends
  ipcMain.handle(DROP_CHANNEL, (event: IpcMainInvokeEvent, payload: unknown) => {
    if (!trusted(event)) return [];
    const parsed = droppedSchema.safeParse(payload);
    return parsed.success ? issueTokens(parsed.data.paths) : [];
  });
}
