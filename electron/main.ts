// The main process: one window, the Vietnamese menu, the app:// protocol, the security
// settings of security.ts, and the contract's handlers bound to IPC.
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, Menu, protocol, session, shell, type MenuItemConstructorOptions } from 'electron';
import { MENU_EVENT, type MenuCommand } from '../shared/contract';
import { UserError } from '../shared/errors';
import { bindIpc } from './ipc';
import {
  allowNavigation,
  allowPermission,
  APP_ENTRY,
  CONTENT_SECURITY_POLICY,
  APP_SCHEME,
  resolveAppFile,
  responseHeaders,
  webPreferences,
  windowOpenResponse,
} from './security';
import { AppSession, DIALOGS, FILE_FILTERS, workspaceArgument, type PickFiles } from './app';
import { openElectronPrinter } from './print-window';

const here = import.meta.dirname;
const rendererRoot = path.join(here, '..', 'dist');
let mainWindow: BrowserWindow | null = null;

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

const pickFiles: PickFiles = async (purpose, defaultName) => {
  const spec = DIALOGS[purpose];
  const filters = spec.filter ? [FILE_FILTERS[spec.filter]] : [];
  const owner = mainWindow ?? undefined;
  if (spec.mode === 'save') {
    const options = { title: spec.title, defaultPath: defaultName, filters };
    const r = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
    return r.canceled || !r.filePath ? null : [r.filePath];
  }
  const properties: ('openFile' | 'openDirectory' | 'multiSelections' | 'createDirectory')[] =
    spec.mode === 'folder' ? ['openDirectory', 'createDirectory'] : spec.multiple ? ['openFile', 'multiSelections'] : ['openFile'];
  const options = { title: spec.title, filters, properties };
  const r = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
  return r.canceled || r.filePaths.length === 0 ? null : r.filePaths;
};

const appSession = new AppSession({
  dataDir: app.getPath('userData'),
  pickFiles,
  openPrinter: openElectronPrinter,
  // a document the window does not show, opened by the system's application for its kind
  openWithSystem: async (file) => {
    const failure = await shell.openPath(file);
    if (failure) throw new UserError(`Máy không có ứng dụng mở được tài liệu này (${failure}); hãy chép tài liệu ra thư mục rồi mở.`);
  },
});

function send(command: MenuCommand): void {
  mainWindow?.webContents.send(MENU_EVENT, command);
}

function buildMenu(): Menu {
  const item = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => send(command),
  });
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'Tệp',
      submenu: [
        item('Tạo tệp dữ liệu mới…', 'create', 'CmdOrCtrl+N'),
        item('Mở tệp dữ liệu…', 'open', 'CmdOrCtrl+O'),
        item('Mở dữ liệu mẫu', 'openSample'),
        { type: 'separator' },
        item('Sao lưu…', 'backup'),
        item('Khôi phục từ bản sao lưu…', 'restore'),
        { type: 'separator' },
        item('Đóng tệp dữ liệu', 'close'),
        { type: 'separator' },
        { label: 'Thoát', role: 'quit' },
      ],
    },
    {
      label: 'Sửa',
      submenu: [
        // The grid keeps its own undo history of saved scores; the keys reach the page.
        { label: 'Hoàn tác', accelerator: 'CmdOrCtrl+Z', registerAccelerator: false, click: () => send('undo') },
        { label: 'Làm lại', accelerator: 'CmdOrCtrl+Y', registerAccelerator: false, click: () => send('redo') },
        { type: 'separator' },
        { label: 'Cắt', role: 'cut' },
        { label: 'Sao chép', role: 'copy' },
        { label: 'Dán', role: 'paste' },
        { label: 'Chọn tất cả', role: 'selectAll' },
      ],
    },
    {
      label: 'Xem',
      submenu: [
        { label: 'Phóng to', role: 'zoomIn' },
        { label: 'Thu nhỏ', role: 'zoomOut' },
        { label: 'Cỡ chữ mặc định', role: 'resetZoom' },
        { type: 'separator' },
        { label: 'Toàn màn hình', role: 'togglefullscreen' },
      ],
    },
    { label: 'Trợ giúp', submenu: [item('Giới thiệu PAR Workbench', 'about')] },
  ];
  return Menu.buildFromTemplate(template);
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1366,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    title: 'PAR Workbench – Chỉ số CCHC',
    show: false,
    backgroundColor: '#f5f7fa',
    // The tested settings of security.ts; the key ones are repeated literally so that static
    // scanners (electronegativity) see them where the window is made.
    webPreferences: {
      ...webPreferences(path.join(here, 'preload.cjs')),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.webContents.on('will-navigate', (event, url) => {
    if (!allowNavigation(win.webContents.getURL(), url)) event.preventDefault();
  });
  win.webContents.on('will-redirect', (event, url) => {
    if (!allowNavigation(win.webContents.getURL(), url)) event.preventDefault();
  });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  win.webContents.setWindowOpenHandler(windowOpenResponse);
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    mainWindow = null;
  });
  void win.loadURL(APP_ENTRY);
  return win;
}

function openFromCommandLine(argv: string[]): void {
  const file = workspaceArgument(argv);
  if (!file) return;
  try {
    appSession.open(file);
  } catch (error) {
    dialog.showErrorBox('Không mở được tệp dữ liệu', error instanceof Error ? error.message : String(error));
  }
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv) => {
    openFromCommandLine(argv);
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
      mainWindow.webContents.reload();
    }
  });

  // macOS hands a double-clicked .parws file to the running app this way.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    openFromCommandLine(['', file]);
    mainWindow?.webContents.reload();
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!allowNavigation(contents.getURL(), url)) event.preventDefault();
    });
    contents.setWindowOpenHandler(windowOpenResponse);
  });

  void app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(allowPermission()));
    session.defaultSession.setPermissionCheckHandler(() => allowPermission());
    session.defaultSession.webRequest.onHeadersReceived((details, callback) =>
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } }),
    );
    protocol.handle(APP_SCHEME, async (request) => {
      const file = resolveAppFile(rendererRoot, request.url);
      if (!file || !fs.existsSync(file)) return new Response('Không tìm thấy', { status: 404 });
      return new Response(await fs.promises.readFile(file), { headers: responseHeaders(file) });
    });
    bindIpc(appSession.handlers, () => mainWindow?.webContents ?? null, (paths) => appSession.issueTokens(paths));
    Menu.setApplicationMenu(buildMenu());
    openFromCommandLine(process.argv);
    void appSession
      .openAtStart()
      .catch((error: unknown) => dialog.showErrorBox('Không mở được dữ liệu mẫu', error instanceof Error ? error.message : String(error)))
      .finally(() => {
        mainWindow = createWindow();
      });
  });

  app.on('window-all-closed', () => {
    appSession.close();
    app.quit();
  });
}
