// The one contract between the window and the main process: every channel with the zod
// schema of what goes in and what comes back. The preload, the main process's IPC binding,
// the renderer's client and the browser test harness are all derived from this object, so
// a channel cannot exist in one place only.
import { z } from 'zod';
import {
  auditEntrySchema,
  yearResultsSchema,
  blockSchema,
  blockSettingsSchema,
  criterionNodeSchema,
  periodSchema,
  scoreSchema,
  unitSchema,
} from './domain';
import { surveyContract } from './survey/channels';
import { compareContract } from './compare/channels';

const year = z.number().int().min(1990).max(2200);
const code = z.string().min(1).max(100);
const none = z.object({}).strict();


const recentFileSchema = z.object({ file: z.string(), name: z.string(), openedAt: z.string(), exists: z.boolean() });

export const workspaceStateSchema = z.object({
  file: z.string(),
  name: z.string(),
  /** the demo workspace ("Dữ liệu mẫu") */
  sample: z.boolean(),
  province: z.string().nullable(),
  periods: z.array(periodSchema),
  blocks: z.array(blockSchema),
  /** year and block of every framework in the workspace */
  frameworks: z.array(z.object({ year: z.number(), blockCode: z.string(), nodeCount: z.number(), leafCount: z.number() })),
});
export type WorkspaceState = z.infer<typeof workspaceStateSchema>;

/** What the start screen and the title bar know: the open workspace (or none) and recent files. */
const sessionSchema = z.object({ workspace: workspaceStateSchema.nullable(), recent: z.array(recentFileSchema) });
export type Session = z.infer<typeof sessionSchema>;

/** A file operation the person may cancel in its dialog. */
const cancellable = <T extends z.ZodType>(value: T) =>
  z.union([z.object({ cancelled: z.literal(true) }), z.object({ cancelled: z.literal(false), value })]);

const scorePatchSchema = z
  .object({
    selfScore: z.number().nullable(),
    appraisedScore: z.number().nullable(),
    appraisalRound: z.number().int().min(0).max(9),
    notApplicable: z.boolean(),
    evidence: z.string().max(4000).nullable(),
    explanation: z.string().max(4000).nullable(),
    note: z.string().max(4000).nullable(),
  })
  .partial()
  .strict();
export type ScorePatchInput = z.infer<typeof scorePatchSchema>;

export const scoreChangeSchema = z.object({ unitCode: code, criterionCode: code, patch: scorePatchSchema });
export type ScoreChangeInput = z.infer<typeof scoreChangeSchema>;

const blockStatusSchema = z.object({
  blockCode: z.string(),
  blockName: z.string(),
  hasFramework: z.boolean(),
  leafCount: z.number(),
  units: z.number(),
  /** units with at least one self score */
  submitted: z.number(),
  /** units whose every applicable leaf has an appraised score */
  appraised: z.number(),
  /** units with scores but some leaf not appraised yet */
  provisional: z.number(),
  average: z.number().nullable(),
});

const activitySchema = z.object({
  at: z.string(),
  source: z.string(),
  actor: z.string(),
  units: z.number(),
  changes: z.number(),
});

export const frameworkProblemSchema = z.object({ code: z.string(), message: z.string() });

const formProblemSchema = z.object({ sheet: z.string().optional(), cell: z.string().optional(), message: z.string() });

/** What importing one returned form did: its unit, status, every error and warning. */
export const formImportResultSchema = z.object({
  file: z.string(),
  path: z.string(),
  status: z.enum(['imported', 'refused', 'unchanged']),
  unit: z.string().nullable(),
  unitName: z.string().nullable(),
  year: z.number().nullable(),
  matchedBy: z.string().nullable(),
  submissionId: z.number().nullable(),
  errors: z.array(formProblemSchema),
  warnings: z.array(formProblemSchema),
  changes: z.number(),
  flaggedForReappraisal: z.array(z.string()),
});
export type FormImportResultOutput = z.infer<typeof formImportResultSchema>;


/** Every channel: `input` is parsed in the main process before the handler runs, `output` before it returns. */
export const contract = {
  // ----------------------------------------------------- session and start screen
  'session:get': { input: none, output: sessionSchema },
  'workspace:create': { input: none, output: cancellable(sessionSchema) },
  'workspace:open': { input: none, output: cancellable(sessionSchema) },
  'workspace:openRecent': { input: z.object({ file: z.string().min(1) }), output: sessionSchema },
  'workspace:openSample': { input: none, output: sessionSchema },
  'workspace:close': { input: none, output: sessionSchema },
  'workspace:backup': { input: none, output: cancellable(z.object({ file: z.string() })) },
  /** from the start screen: a backup of a workspace file that is not open */
  'workspace:backupFile': { input: none, output: cancellable(z.object({ file: z.string() })) },
  'workspace:restore': { input: none, output: cancellable(sessionSchema) },
  'workspace:ensureYear': { input: z.object({ year }), output: sessionSchema },

  // ------------------------------------------------------------------ overview
  'overview:get': {
    input: z.object({ year }),
    output: z.object({ year: z.number(), blocks: z.array(blockStatusSchema), activity: z.array(activitySchema) }),
  },

  // --------------------------------------------------------------------- units
  'units:list': { input: none, output: z.object({ units: z.array(unitSchema), blocks: z.array(blockSchema) }) },
  'units:save': {
    input: z.object({
      unit: z.object({
        code: z.string().trim().min(1).max(40),
        name: z.string().trim().min(1).max(300),
        blockCode: code,
        ranked: z.boolean(),
        predecessors: z.array(code).max(200),
      }),
    }),
    output: z.object({ units: z.array(unitSchema) }),
  },
  'units:delete': { input: z.object({ code }), output: z.object({ units: z.array(unitSchema) }) },

  // ----------------------------------------------------------------- framework
  'framework:get': {
    input: z.object({ year, blockCode: code }),
    output: z.object({
      exists: z.boolean(),
      nodes: z.array(criterionNodeSchema),
      problems: z.array(frameworkProblemSchema),
      hasScores: z.boolean(),
    }),
  },
  'framework:save': {
    input: z.object({ year, blockCode: code, nodes: z.array(criterionNodeSchema).max(2000) }),
    output: z.object({ saved: z.literal(true) }),
  },
  'framework:clone': { input: z.object({ fromYear: year, toYear: year, blockCode: code }), output: sessionSchema },
  'framework:import': { input: z.object({ year, blockCode: code }), output: cancellable(z.object({ nodes: z.number() })) },
  'framework:export': { input: z.object({ year, blockCode: code }), output: cancellable(z.object({ file: z.string() })) },

  // ----------------------------------------------------------------- appraisal
  'appraisal:block': {
    input: z.object({ year, blockCode: code }),
    output: z.object({
      year: z.number(),
      locked: z.boolean(),
      blockCode: z.string(),
      nodes: z.array(criterionNodeSchema),
      units: z.array(unitSchema),
      scores: z.array(scoreSchema),
      settings: blockSettingsSchema,
      results: yearResultsSchema,
    }),
  },
  'scores:apply': {
    input: z.object({
      year,
      changes: z.array(scoreChangeSchema).min(1).max(50_000),
      source: z.enum(['appraisal', 'paste', 'undo', 'redo']),
      reason: z.string().max(2000).nullable(),
    }),
    /** the number of changed fields; the window ranks from its own rows at once and reads the saved results after */
    output: z.object({ changed: z.number() }),
  },
  'scores:history': {
    input: z.object({ year, unitCode: code, criterionCode: code }),
    output: z.array(auditEntrySchema),
  },

  // ------------------------------------------------------------------- results
  'results:get': {
    input: z.object({ year }),
    output: z.object({ results: yearResultsSchema, settings: z.array(blockSettingsSchema) }),
  },

  // --------------------------------------------------------------------- forms
  'forms:status': { input: none, output: z.object({ available: z.boolean() }) },
  'forms:generate': {
    input: z.object({ year, blockCode: code.nullable() }),
    output: cancellable(z.object({ folder: z.string(), files: z.number() })),
  },
  /** the returned files (or folders of them) the person picks, expanded to the forms they hold */
  'forms:pickReturned': { input: none, output: cancellable(z.object({ files: z.array(z.string()) })) },
  'forms:expand': { input: z.object({ paths: z.array(z.string().min(1)).max(5000) }), output: z.object({ files: z.array(z.string()) }) },
  /** one file at a time, so that the window shows the progress */
  'forms:importOne': { input: z.object({ year, file: z.string().min(1) }), output: formImportResultSchema },
  'forms:exportReport': {
    input: z.object({ results: z.array(formImportResultSchema).max(5000) }),
    output: cancellable(z.object({ file: z.string() })),
  },

  ...surveyContract,
  ...compareContract,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<K extends Channel> = z.input<Contract[K]['input']>;
export type ChannelOutput<K extends Channel> = z.output<Contract[K]['output']>;

export const channels = Object.keys(contract) as Channel[];

/** What the main process does for each channel (the handlers receive parsed input). */
export type Handlers = {
  [K in Channel]: (input: z.output<Contract[K]['input']>) => Promise<ChannelOutput<K>> | ChannelOutput<K>;
};

/** A refusal as it crosses the process boundary: the Vietnamese message and its places. */
export const failureSchema = z.object({
  kind: z.enum(['user', 'internal']),
  message: z.string(),
  problems: z.array(z.object({ message: z.string(), cell: z.string().optional(), row: z.number().optional() }).passthrough()),
});
export type Failure = z.infer<typeof failureSchema>;

/** Every channel answers with an envelope, so a refusal keeps its problems across IPC. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; failure: Failure };

/** `window.api`: one function per channel, each answering with an envelope. */
export type WindowApi = { [K in Channel]: (input: ChannelInput<K>) => Promise<Envelope<ChannelOutput<K>>> };

/** The IPC channel name in Electron for a contract channel. */
export const ipcName = (channel: Channel): string => `parw:${channel}`;

/** Commands the main process's menu sends to the window (one event channel, window-bound). */
export const menuCommands = ['create', 'open', 'openSample', 'backup', 'restore', 'close', 'undo', 'redo', 'about'] as const;
export type MenuCommand = (typeof menuCommands)[number];
export const MENU_EVENT = 'parw:menu';

/** `window.appEvents`: what the main process tells the window without being asked. */
export interface WindowEvents {
  onMenu(listener: (command: MenuCommand) => void): () => void;
}

/** `window.appFiles`: the path of a file dropped on the window (the sandbox hides it from the page). */
export interface WindowFiles {
  pathOf(file: File): string;
}
