// A recording stand-in for the `electron` module: the bundled main process runs under plain
// Node against it, and everything it asks of Electron is kept in globalThis.electronRecord.
import { EventEmitter } from 'node:events';

const record = (globalThis.electronRecord = {
  schemes: [],
  protocolHandlers: {},
  ipcChannels: [],
  ipcHandlers: {},
  windows: [],
  permissionRequest: null,
  permissionCheck: null,
  headers: null,
  errors: [],
  menu: null,
  quit: 0,
  exposed: {},
});

class WebContents extends EventEmitter {
  constructor() {
    super();
    this.url = '';
    this.mainFrame = { url: '' };
    this.sent = [];
  }
  setWindowOpenHandler(h) { this.windowOpenHandler = h; }
  getURL() { return this.url; }
  send(channel, payload) { this.sent.push([channel, payload]); }
  reload() { this.reloaded = (this.reloaded ?? 0) + 1; }
}

export class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.options = options;
    this.webContents = new WebContents();
    record.windows.push(this);
  }
  async loadURL(url) { this.webContents.url = url; this.webContents.mainFrame.url = url; }
  show() {}
  isMinimized() { return false; }
  restore() {}
  focus() {}
}

class App extends EventEmitter {
  requestSingleInstanceLock() { return process.env.STAND_IN_SECOND_INSTANCE !== '1'; }
  quit() { record.quit++; }
  getPath() { return process.env.STAND_IN_USER_DATA; }
  whenReady() { return Promise.resolve(); }
}
export const app = new App();

export const protocol = {
  registerSchemesAsPrivileged(list) { record.schemes.push(...list); },
  handle(scheme, handler) { record.protocolHandlers[scheme] = handler; },
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler(h) { record.permissionRequest = h; },
    setPermissionCheckHandler(h) { record.permissionCheck = h; },
    webRequest: { onHeadersReceived(h) { record.headers = h; } },
  },
  fromPartition() { return { protocol, setPermissionRequestHandler() {}, setPermissionCheckHandler() {} }; },
};

export const ipcMain = {
  handle(name, handler) { record.ipcChannels.push(name); record.ipcHandlers[name] = handler; },
};

export const dialog = {
  showErrorBox(title, text) { record.errors.push([title, text]); },
  async showOpenDialog() { return { canceled: true, filePaths: [] }; },
  async showSaveDialog() { return { canceled: true }; },
};

export const Menu = {
  buildFromTemplate(t) { return { template: t }; },
  setApplicationMenu(m) { record.menu = m; },
};

/** the system's application for a document: recorded, never run */
export const shell = {
  opened: [],
  async openPath(file) {
    shell.opened.push(file);
    return '';
  },
};
// The preload's side: what it exposes to the page is kept, and its messages reach the main
// process's handlers as from the app's window.
export const contextBridge = {
  exposeInMainWorld(name, value) { record.exposed[name] = value; },
};
export const ipcRenderer = {
  async invoke(channel, payload) {
    const wc = record.windows[0].webContents;
    return record.ipcHandlers[channel]({ sender: wc, senderFrame: wc.mainFrame }, payload);
  },
  on() {},
  removeListener() {},
};
/** a file dropped by a person carries its path (`dropPath` here); a File the page makes has none */
export const webUtils = { getPathForFile: (file) => file?.dropPath ?? '' };
export default { app, BrowserWindow, protocol, session, ipcMain, dialog, Menu, shell, contextBridge, ipcRenderer, webUtils };
