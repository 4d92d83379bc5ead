// Binds every contract channel to its handler; a message is served only from the app's own page.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { channels, ipcName, type Handlers } from '../shared/contract';
import { dispatch } from './app';
import { isTrustedSender } from './security';

export function bindIpc(handlers: Handlers, window: () => WebContents | null): void {
  for (const channel of channels) {
    ipcMain.handle(ipcName(channel), (event: IpcMainInvokeEvent, payload: unknown) => {
      const frame = event.senderFrame;
      const trusted =
        event.sender === window() && isTrustedSender(frame?.url, frame !== null && frame === event.sender.mainFrame);
      if (!trusted) {
        const message = 'Yêu cầu không đến từ cửa sổ của ứng dụng.';
        return { ok: false, failure: { kind: 'internal', message, problems: [{ message }] } };
      }
      return dispatch(handlers, channel, payload);
    });
  }
}
