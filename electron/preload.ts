// The window's only door to the main process: one function per contract channel, plus the
// menu's commands. Bundled into one CommonJS file, as a sandboxed preload must be.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { channels, DROP_CHANNEL, ipcName, menuCommands, MENU_EVENT, type MenuCommand, type WindowApi, type WindowEvents, type WindowFiles } from '../shared/contract';

const api = Object.fromEntries(
  channels.map((channel) => [channel, (input: unknown) => ipcRenderer.invoke(ipcName(channel), input ?? {})]),
) as WindowApi;

const events: WindowEvents = {
  onMenu(listener) {
    const wrapped = (_event: Electron.IpcRendererEvent, command: unknown) => {
      if (menuCommands.includes(command as MenuCommand)) listener(command as MenuCommand);
    };
    ipcRenderer.on(MENU_EVENT, wrapped);
    return () => ipcRenderer.removeListener(MENU_EVENT, wrapped);
  },
};

// A dropped file's path is read here, where the page cannot reach, and exchanged at once for
// the main process's token: the page holds tokens, never paths it could make up.
const files: WindowFiles = {
  tokensOf: async (dropped) => {
    const paths = dropped.map((file) => webUtils.getPathForFile(file)).filter(Boolean);
    return paths.length ? ipcRenderer.invoke(DROP_CHANNEL, { paths }) : [];
  },
};

contextBridge.exposeInMainWorld('api', api);
contextBridge.exposeInMainWorld('appFiles', files);
contextBridge.exposeInMainWorld('appEvents', events);
