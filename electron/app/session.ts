// The window's session: the one open workspace (opened, created, closed, backed up,
// restored), the recent files, and every channel's handler, combined from the features.
// Node only, never 'electron', so the main process and the browser test harness bind the
// very same object.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Handlers, Session } from '../../shared/contract';
import type { PickedFile } from '../../shared/channels';
import { BLOCK_DEFAULT_NAMES } from '../../shared/domain';
import { UserError } from '../../shared/errors';
import { WORKSPACE_EXTENSION } from '../db/open';
import { Workspace } from '../db/workspace';
import { isSameFile } from '../files/workspace-identity';
import type { HandlerContext } from '../features/context';
import { listFrameworks } from '../features/framework/store';
import { ensureBlock, ensurePeriod } from '../features/workspace/service';
import { getSetting, listBlocks, listPeriods } from '../features/workspace/store';
import type { PdfPrinter } from '../print/chromium';
import type { PickFiles } from './dialogs';
import { featureHandlers } from './features';
import { heldBy, heldMessage, holdWorkspace, type Holder } from './holder';
import { openWorkspace } from './open';
import { AppSettings } from './app-settings';
import { RecentFiles } from './recent';

export interface AppOptions {
  /** the app's own data folder: recent files, the sample workspace */
  dataDir: string;
  pickFiles: PickFiles;
  /** the printer of scorecards: Electron's hidden print window in the app, Chromium elsewhere */
  openPrinter?: () => Promise<PdfPrinter>;
  /** opens a document with the system's application (Electron's shell in the app); absent elsewhere */
  openWithSystem?: (file: string) => Promise<void>;
}

export const SAMPLE_FILE_NAME = `Du-lieu-mau${WORKSPACE_EXTENSION}`;

/** The first year without district people's committees (Khối huyện). */
const DISTRICTS_ABOLISHED = 2025;

/** The one open workspace of the window, and every channel's handler. */
export class AppSession {
  workspace: Workspace | null = null;
  readonly recent: RecentFiles;
  readonly settings: AppSettings;
  readonly handlers: Handlers;
  /** files picked in dialogs, by the token the window may send back */
  private readonly picked = new Map<string, string>();
  /** another app holding the open workspace (it is then open read-only) */
  private holder: Holder | null = null;
  /** ends this app's hold on the open workspace */
  private release: () => void = () => {};

  constructor(private readonly options: AppOptions) {
    this.recent = new RecentFiles(path.join(options.dataDir, 'recent.json'));
    this.settings = new AppSettings(path.join(options.dataDir, 'settings.json'));
    const context: HandlerContext = {
      workspace: () => this.ws(),
      pickOne: (purpose, defaultName) => this.pickOne(purpose, defaultName),
      pickMany: (purpose) => this.options.pickFiles(purpose),
      session: () => this.session(),
      openPrinter: () => this.openPrinter(),
      openWithSystem: async (file) => {
        if (!this.options.openWithSystem) throw new UserError('Không mở được tài liệu bằng ứng dụng của máy ở đây; hãy chép tài liệu ra thư mục rồi mở.');
        await this.options.openWithSystem(file);
      },
      userName: () => this.settings.userName() ?? this.workspace?.actor ?? '',
      setUserName: (name) => {
        this.settings.setUserName(name);
        if (this.workspace) this.workspace.actor = this.settings.userName() ?? this.workspace.actor;
      },
      rememberFile: (file) => this.issueTokens([file])[0].token,
      fileOf: (token) => {
        const file = this.picked.get(token);
        if (!file) throw new UserError('Tệp đã chọn không còn trong phiên làm việc này; hãy chọn lại tệp.');
        return file;
      },
    };
    this.handlers = { ...this.lifecycleHandlers(), ...featureHandlers(context) };
  }

  /**
   * Files the main process hands to the window (picked in its dialogs, dropped on the window
   * as the preload read them, found in a folder): each kept under a token of its own, which is
   * all the window gets to send back.
   */
  issueTokens(paths: string[]): PickedFile[] {
    return paths.map((file) => {
      const token = randomUUID();
      this.picked.set(token, file);
      return { token, file };
    });
  }

  /**
   * Opens `file` as the workspace of the window (closing the one before); read-only, saying
   * who holds it, when another copy of the app has it open.
   */
  open(file: string): Session {
    if (!fs.existsSync(file)) throw new UserError(`Không tìm thấy tệp dữ liệu ${file}; tệp có thể đã bị chuyển hoặc xóa.`);
    // the file open already stays as it is, unless another app held it: then it is looked at again
    if (this.workspace && !this.holder && isSameFile(this.workspace.file, file)) return this.session();
    const holder = heldBy(file);
    this.replace(openWorkspace(file, { readonly: holder !== null }), holder);
    return this.session();
  }

  /** Opens the demo workspace ("Dữ liệu mẫu"), building it in the app's data folder the first time. */
  async openSample(): Promise<Session> {
    const file = path.join(this.options.dataDir, SAMPLE_FILE_NAME);
    if (!fs.existsSync(file)) {
      fs.mkdirSync(this.options.dataDir, { recursive: true });
      const { createDemoWorkspace } = await import('../features/demo');
      await createDemoWorkspace(file);
    }
    return this.open(file);
  }

  /**
   * What the app shows at start when no file was given: the demo workspace for someone who has
   * never opened one, otherwise the start screen with the recent files.
   */
  async openAtStart(): Promise<Session> {
    if (!this.workspace && this.recent.list().length === 0) return this.openSample();
    return this.session();
  }

  close(): void {
    this.workspace?.close();
    this.workspace = null;
    this.release();
    this.release = () => {};
    this.holder = null;
  }

  /** `holder`: the other app that has the file open, which this window then only reads. */
  private replace(ws: Workspace, holder: Holder | null = null): void {
    this.close();
    // changes are written as made by the person using this computer, when they gave their name
    ws.actor = this.settings.userName() ?? ws.actor;
    this.workspace = ws;
    this.holder = holder;
    if (!holder) this.release = holdWorkspace(ws.file, ws.actor);
    this.recent.remember(ws.file);
  }

  private ws(): Workspace {
    if (!this.workspace) throw new UserError('Chưa mở tệp dữ liệu nào; hãy tạo mới hoặc mở một tệp dữ liệu.');
    return this.workspace;
  }

  session(): Session {
    const ws = this.workspace;
    return {
      recent: this.recent.list(),
      workspace: ws
        ? {
            file: ws.file,
            name: ws.name,
            sample: getSetting(ws, 'sample') === '1',
            province: getSetting(ws, 'province'),
            periods: listPeriods(ws),
            blocks: listBlocks(ws),
            frameworks: listFrameworks(ws),
            notice: this.holder ? heldMessage(ws.name, this.holder) : ws.notice(),
          }
        : null,
    };
  }

  private async pickOne(purpose: Parameters<PickFiles>[0], defaultName?: string): Promise<string | null> {
    const picked = await this.options.pickFiles(purpose, defaultName);
    return picked && picked.length ? picked[0] : null;
  }

  private async openPrinter(): Promise<PdfPrinter> {
    if (this.options.openPrinter) return this.options.openPrinter();
    const { openPdfPrinter } = await import('../print/chromium');
    return openPdfPrinter();
  }

  /** The channels of the workspace's life: create, open, close, back up, restore, add a year. */
  private lifecycleHandlers(): Pick<Handlers, 'session:get' | `workspace:${string}` & keyof Handlers> {
    return {
      'session:get': () => this.session(),

      'workspace:create': async () => {
        const file = await this.pickOne('create-workspace', `Chi-so-CCHC${WORKSPACE_EXTENSION}`);
        if (!file) return { cancelled: true };
        const target = path.extname(file) ? file : file + WORKSPACE_EXTENSION;
        if (fs.existsSync(target)) {
          throw new UserError(`Tệp ${path.basename(target)} đã có; hãy chọn tên khác hoặc dùng "Mở" để mở tệp này.`);
        }
        const ws = openWorkspace(target, { create: true });
        const year = new Date().getFullYear();
        ws.transaction(() => {
          ensurePeriod(ws, year);
          // district level was abolished on 1/7/2025: a new workspace has no district block from then on
          for (const code of Object.keys(BLOCK_DEFAULT_NAMES)) if (code !== 'huyen' || year < DISTRICTS_ABOLISHED) ensureBlock(ws, code);
        });
        this.replace(ws);
        return { cancelled: false, value: this.session() };
      },

      'workspace:open': async () => {
        const file = await this.pickOne('open-workspace');
        if (!file) return { cancelled: true };
        return { cancelled: false, value: this.open(file) };
      },

      // only a file of the list this process keeps: the window cannot name any other path
      'workspace:openRecent': ({ file }) => {
        const known = this.recent.list().find((r) => r.file === file);
        if (!known) throw new UserError('Tệp này không có trong danh sách tệp mở gần đây; hãy dùng "Mở tệp…" để chọn tệp.');
        return this.open(known.file);
      },

      'workspace:openSample': () => this.openSample(),

      'workspace:close': () => {
        this.close();
        return this.session();
      },

      'workspace:backup': async () => {
        const ws = this.ws();
        const file = await this.pickOne('backup', backupName(ws.file));
        if (!file) return { cancelled: true };
        // the save dialog has asked before replacing a file
        await ws.backup(file, { overwrite: true });
        return { cancelled: false, value: { file } };
      },

      'workspace:backupFile': async () => {
        const source = await this.pickOne('backup-source');
        if (!source) return { cancelled: true };
        const file = await this.pickOne('backup', backupName(source));
        if (!file) return { cancelled: true };
        if (this.workspace && isSameFile(this.workspace.file, source)) {
          await this.workspace.backup(file, { overwrite: true });
        } else {
          const ws = Workspace.open(source);
          try {
            await ws.backup(file, { overwrite: true });
          } finally {
            ws.close();
          }
        }
        return { cancelled: false, value: { file } };
      },

      'workspace:restore': async () => {
        const source = await this.pickOne('restore-source');
        if (!source) return { cancelled: true };
        const target = await this.pickOne('restore-target', path.basename(source));
        if (!target) return { cancelled: true };
        if (path.resolve(source) === path.resolve(target) || isSameFile(source, target)) {
          throw new UserError('Tệp khôi phục phải khác bản sao lưu; hãy chọn một tên tệp khác.');
        }
        if (this.workspace && isSameFile(this.workspace.file, target)) this.close();
        const backup = Workspace.open(source);
        try {
          for (const suffix of ['-wal', '-shm']) fs.rmSync(target + suffix, { force: true });
          await backup.backup(target, { overwrite: true });
        } finally {
          backup.close();
        }
        return { cancelled: false, value: this.open(target) };
      },

      'workspace:ensureYear': ({ year }) => {
        ensurePeriod(this.ws(), year);
        return this.session();
      },
    };
  }
}

/** "cchc-sao-luu-2026-01-31.parws" for "cchc.parws" */
function backupName(file: string): string {
  const stamp = new Date().toISOString().slice(0, 10);
  return `${path.basename(file, path.extname(file))}-sao-luu-${stamp}${WORKSPACE_EXTENSION}`;
}
