// The handler of every contract channel: the app's use of the services. Node only, never
// 'electron', so the main process and the browser test harness bind the very same object.
import fs from 'node:fs';
import path from 'node:path';
import type { ChannelOutput, FormImportResultOutput, Handlers, Session } from '../../shared/contract';
import { BLOCK_DEFAULT_NAMES, type AuditEntry, type Score, type Unit } from '../../shared/domain';
import { UserError } from '../../shared/errors';
import { checkFramework, leafCodes } from '../../shared/results';
import { Workspace } from '../db/workspace';
import { WORKSPACE_EXTENSION } from '../db/open';
import type { PickFiles } from './dialogs';
import { RecentFiles } from './recent';
import { surveyHandlers } from '../features/survey/handlers';
import { compareHandlers } from '../features/compare/handlers';
import type { PdfPrinter } from '../print/chromium';
import { applyScoreChanges } from '../features/appraisal/service';
import { getAudit, getScores } from '../features/appraisal/store';
import { cloneFramework, requireFramework, saveFramework } from '../features/framework/service';
import { getFramework, listFrameworks } from '../features/framework/store';
import { yearResults } from '../features/results/service';
import { getBlockSettings } from '../features/results/store';
import { deleteUnit, upsertUnits } from '../features/units/service';
import { listUnits } from '../features/units/store';
import { ensureBlock, ensurePeriod, requirePeriod } from '../features/workspace/service';
import { getSetting, listBlocks, listPeriods } from '../features/workspace/store';

/** The services the app reaches beyond the workspace itself; absent ones answer "not available". */
export interface AppServices {
  createSample?: (file: string) => Promise<unknown> | unknown;
  importFramework?: (ws: Workspace, year: number, blockCode: string, file: string) => Promise<number> | number;
  exportFramework?: (ws: Workspace, year: number, blockCode: string, file: string) => Promise<unknown> | unknown;
  generateForms?: (ws: Workspace, year: number, blockCode: string | null, folder: string) => Promise<number> | number;
  expandFormPaths?: (paths: string[]) => string[];
  importReturnedForm?: (ws: Workspace, year: number, file: string) => Promise<FormImportResultOutput>;
  exportFormsReport?: (results: FormImportResultOutput[], file: string) => Promise<unknown> | unknown;
  /** a printer of scorecard HTML to PDF for one batch (Electron's printToPDF in the app), closed after it */
  openPrinter?: () => Promise<PdfPrinter>;
  exportSummary?: (ws: Workspace, year: number, file: string) => Promise<{ sheets: string[] }>;
}

export interface AppOptions {
  /** the app's own data folder: recent files, the sample workspace */
  dataDir: string;
  pickFiles: PickFiles;
  services?: AppServices;
}

export const SAMPLE_FILE_NAME = `Du-lieu-mau${WORKSPACE_EXTENSION}`;

/** The one open workspace of the window, and every channel's handler. */
export class AppSession {
  workspace: Workspace | null = null;
  readonly recent: RecentFiles;
  readonly handlers: Handlers;

  constructor(private readonly options: AppOptions) {
    this.recent = new RecentFiles(path.join(options.dataDir, 'recent.json'));
    this.handlers = this.buildHandlers();
  }

  /** Opens `file` as the workspace of the window (closing the one before). */
  open(file: string): Session {
    if (!fs.existsSync(file)) throw new UserError(`Không tìm thấy tệp dữ liệu ${file}; tệp có thể đã bị chuyển hoặc xóa.`);
    const ws = Workspace.open(file);
    this.replace(ws);
    return this.session();
  }

  /** Opens the demo workspace ("Dữ liệu mẫu"), building it in the app's data folder the first time. */
  async openSample(): Promise<Session> {
    const file = path.join(this.options.dataDir, SAMPLE_FILE_NAME);
    if (!fs.existsSync(file)) {
      fs.mkdirSync(this.options.dataDir, { recursive: true });
      const ws = await this.service('createSample')(file);
      if (ws instanceof Workspace) ws.close();
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
  }

  private replace(ws: Workspace): void {
    this.close();
    this.workspace = ws;
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
          }
        : null,
    };
  }

  private async pickOne(purpose: Parameters<PickFiles>[0], defaultName?: string): Promise<string | null> {
    const picked = await this.options.pickFiles(purpose, defaultName);
    return picked && picked.length ? picked[0] : null;
  }

  private service<K extends keyof AppServices>(key: K): NonNullable<AppServices[K]> {
    const s = this.options.services?.[key];
    if (!s) throw new UserError('Chức năng này chưa có trong phiên bản đang dùng.');
    return s as NonNullable<AppServices[K]>;
  }

  /** Units of a block taking part in `year`: those with scores, else the current ones (no successor). */
  private unitsOfYear(year: number, blockCode: string, scores: Score[]): Unit[] {
    const all = listUnits(this.ws()).filter((u) => u.blockCode === blockCode);
    const scored = new Set(scores.map((s) => s.unitCode));
    if (scored.size) return all.filter((u) => scored.has(u.code));
    const succeeded = new Set(listUnits(this.ws()).flatMap((u) => u.predecessors));
    return all.filter((u) => !succeeded.has(u.code));
  }

  private buildHandlers(): Handlers {
    return {
      'session:get': () => this.session(),

      'workspace:create': async () => {
        const file = await this.pickOne('create-workspace', `Chi-so-CCHC${WORKSPACE_EXTENSION}`);
        if (!file) return { cancelled: true };
        const target = path.extname(file) ? file : file + WORKSPACE_EXTENSION;
        if (fs.existsSync(target)) {
          throw new UserError(`Tệp ${path.basename(target)} đã có; hãy chọn tên khác hoặc dùng "Mở" để mở tệp này.`);
        }
        const ws = Workspace.create(target);
        ensurePeriod(ws, new Date().getFullYear());
        for (const code of Object.keys(BLOCK_DEFAULT_NAMES)) ensureBlock(ws, code);
        this.replace(ws);
        return { cancelled: false, value: this.session() };
      },

      'workspace:open': async () => {
        const file = await this.pickOne('open-workspace');
        if (!file) return { cancelled: true };
        return { cancelled: false, value: this.open(file) };
      },

      'workspace:openRecent': ({ file }) => this.open(file),

      'workspace:openSample': () => this.openSample(),

      'workspace:close': () => {
        this.close();
        return this.session();
      },

      'workspace:backup': async () => {
        const ws = this.ws();
        const file = await this.pickOne('backup', backupName(ws.file));
        if (!file) return { cancelled: true };
        await ws.backup(file);
        return { cancelled: false, value: { file } };
      },

      'workspace:backupFile': async () => {
        const source = await this.pickOne('backup-source');
        if (!source) return { cancelled: true };
        const file = await this.pickOne('backup', backupName(source));
        if (!file) return { cancelled: true };
        if (this.workspace && path.resolve(this.workspace.file) === path.resolve(source)) {
          await this.workspace.backup(file);
        } else {
          const ws = Workspace.open(source);
          try {
            await ws.backup(file);
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
        if (path.resolve(source) === path.resolve(target)) {
          throw new UserError('Tệp khôi phục phải khác bản sao lưu; hãy chọn một tên tệp khác.');
        }
        if (this.workspace && path.resolve(this.workspace.file) === path.resolve(target)) this.close();
        const backup = Workspace.open(source);
        try {
          for (const suffix of ['-wal', '-shm']) fs.rmSync(target + suffix, { force: true });
          await backup.backup(target);
        } finally {
          backup.close();
        }
        return { cancelled: false, value: this.open(target) };
      },

      'workspace:ensureYear': ({ year }) => {
        ensurePeriod(this.ws(), year);
        return this.session();
      },

      'overview:get': ({ year }) => {
        const ws = this.ws();
        requirePeriod(ws, year);
        const results = yearResults(ws, year);
        const blocks = listBlocks(ws).map((block) => {
          const framework = getFramework(ws, year, block.code);
          const scores = framework ? getScores(ws, year, { blockCode: block.code }) : [];
          const submitted = new Set(scores.filter((s) => s.selfScore !== null).map((s) => s.unitCode));
          const blockResult = results.blocks.find((b) => b.code === block.code);
          const scoredUnits = blockResult?.units ?? [];
          return {
            blockCode: block.code,
            blockName: block.name,
            hasFramework: framework !== null,
            leafCount: framework ? leafCodes(framework.nodes).size : 0,
            units: framework ? this.unitsOfYear(year, block.code, scores).length : 0,
            submitted: submitted.size,
            appraised: scoredUnits.filter((u) => !u.provisional).length,
            provisional: scoredUnits.filter((u) => u.provisional).length,
            average: blockResult?.average ?? null,
          };
        });
        return { year, blocks, activity: groupActivity(getAudit(ws, year, { limit: 50_000 })) };
      },

      'units:list': () => ({ units: listUnits(this.ws()), blocks: listBlocks(this.ws()) }),

      'units:save': ({ unit }) => {
        upsertUnits(this.ws(), [unit]);
        return { units: listUnits(this.ws()) };
      },

      'units:delete': ({ code }) => {
        deleteUnit(this.ws(), code);
        return { units: listUnits(this.ws()) };
      },

      'framework:get': ({ year, blockCode }) => {
        const ws = this.ws();
        const framework = getFramework(ws, year, blockCode);
        const nodes = framework?.nodes ?? [];
        return {
          exists: framework !== null,
          nodes,
          problems: checkFramework(nodes),
          hasScores: framework !== null && getScores(ws, year, { blockCode }).length > 0,
        };
      },

      'framework:save': ({ year, blockCode, nodes }) => {
        const problems = checkFramework(nodes);
        if (problems.length) throw new UserError(problems.map((p) => ({ message: p.message })));
        if (nodes.length === 0) throw new UserError('Bộ chỉ số chưa có tiêu chí nào; hãy thêm ít nhất một lĩnh vực.');
        saveFramework(this.ws(), { year, blockCode, nodes });
        return { saved: true as const };
      },

      'framework:clone': ({ fromYear, toYear, blockCode }) => {
        cloneFramework(this.ws(), fromYear, toYear, blockCode);
        return this.session();
      },

      'framework:import': async ({ year, blockCode }) => {
        const run = this.service('importFramework');
        const file = await this.pickOne('import-framework');
        if (!file) return { cancelled: true };
        return { cancelled: false, value: { nodes: await run(this.ws(), year, blockCode, file) } };
      },

      'framework:export': async ({ year, blockCode }) => {
        const run = this.service('exportFramework');
        const file = await this.pickOne('export-framework', `Bo-chi-so-${blockCode}-${year}.xlsx`);
        if (!file) return { cancelled: true };
        await run(this.ws(), year, blockCode, file);
        return { cancelled: false, value: { file } };
      },

      'appraisal:block': ({ year, blockCode }) => {
        const ws = this.ws();
        const period = requirePeriod(ws, year);
        const framework = requireFramework(ws, year, blockCode);
        const scores = getScores(ws, year, { blockCode });
        return {
          year,
          locked: period.locked,
          blockCode,
          nodes: framework.nodes,
          units: this.unitsOfYear(year, blockCode, scores),
          scores,
          settings: getBlockSettings(ws, year, blockCode),
          results: yearResults(ws, year),
        };
      },

      'scores:apply': ({ year, changes, source, reason }) => {
        return { changed: applyScoreChanges(this.ws(), year, changes, { source, reason }) };
      },

      'scores:history': ({ year, unitCode, criterionCode }) => getAudit(this.ws(), year, { unitCode, criterionCode }),

      'results:get': ({ year }) => {
        const ws = this.ws();
        const results = yearResults(ws, year);
        return { results, settings: results.blocks.map((b) => getBlockSettings(ws, year, b.code)) };
      },

      'forms:status': () => ({
        available: Boolean(this.options.services?.generateForms && this.options.services?.importReturnedForm),
      }),

      'forms:generate': async ({ year, blockCode }) => {
        const run = this.service('generateForms');
        const folder = await this.pickOne('forms-folder');
        if (!folder) return { cancelled: true };
        return { cancelled: false, value: { folder, files: await run(this.ws(), year, blockCode, folder) } };
      },

      'forms:pickReturned': async () => {
        const expand = this.service('expandFormPaths');
        const picked = await this.options.pickFiles('returned-forms');
        if (!picked || picked.length === 0) return { cancelled: true };
        return { cancelled: false, value: { files: expand(picked) } };
      },

      'forms:expand': ({ paths }) => ({ files: this.service('expandFormPaths')(paths) }),

      'forms:importOne': ({ year, file }) => this.service('importReturnedForm')(this.ws(), year, file),

      'forms:exportReport': async ({ results }) => {
        const run = this.service('exportFormsReport');
        const file = await this.pickOne('export-report', 'Bao-cao-nhap-bieu-mau.xlsx');
        if (!file) return { cancelled: true };
        await run(results, file);
        return { cancelled: false, value: { file } };
      },

      ...surveyHandlers({ workspace: () => this.ws(), pickOne: (purpose, name) => this.pickOne(purpose, name) }),
      ...compareHandlers({ workspace: () => this.ws(), pickOne: (purpose, name) => this.pickOne(purpose, name), services: this.options.services ?? {} }),
    } satisfies Handlers;
  }
}

/** "cchc-sao-luu-2026-01-31.parws" for "cchc.parws" */
function backupName(file: string): string {
  const stamp = new Date().toISOString().slice(0, 10);
  return `${path.basename(file, path.extname(file))}-sao-luu-${stamp}${WORKSPACE_EXTENSION}`;
}

/** Audit entries written together (one transaction shares its time) as one line of activity, newest first. */
export function groupActivity(entries: AuditEntry[], limit = 8): ChannelOutput<'overview:get'>['activity'] {
  const groups = new Map<string, { at: string; source: string; actor: string; units: Set<string>; changes: number }>();
  for (const e of entries) {
    const key = `${e.at}|${e.source}|${e.actor}`;
    let g = groups.get(key);
    if (!g) {
      if (groups.size >= limit) continue;
      groups.set(key, (g = { at: e.at, source: e.source, actor: e.actor, units: new Set(), changes: 0 }));
    }
    g.units.add(e.unitCode);
    g.changes++;
  }
  return [...groups.values()].map((g) => ({ at: g.at, source: g.source, actor: g.actor, units: g.units.size, changes: g.changes }));
}
