// The one contract between the window and the main process: every channel with the zod
// schema of what goes in and what comes back, composed from the features' channels.ts. The
// preload, the main process's IPC binding, the renderer's client and the browser test
// harness are all derived from this object, so a channel cannot exist in one place only.
import { z } from 'zod';
import type { PickedFile } from './channels';
import { analysisContract } from './analysis/channels';
import { appraisalContract } from './appraisal/channels';
import { compareContract } from './compare/channels';
import { cycleContract } from './cycle/channels';
import { councilContract } from './cycle/council-channels';
import { publicationContract } from './cycle/publication-channels';
import { evidenceContract } from './evidence/channels';
import { formsContract } from './forms/channels';
import { frameworkContract } from './framework/channels';
import { overviewContract } from './overview/channels';
import { petitionsContract } from './petitions/channels';
import { printContract } from './print/channels';
import { resultsContract } from './results/channels';
import { settingsContract } from './settings/channels';
import { surveyContract } from './survey/channels';
import { unitsContract } from './units/channels';
import { workspaceContract } from './workspace/channels';

export type { Session } from './workspace/channels';
export type { ScoreChangeInput, ScorePatchInput } from './appraisal/channels';
export type { FormImportResultOutput } from './forms/channels';

/** Every channel: `input` is parsed in the main process before the handler runs, `output` before it returns. */
export const contract = {
  ...workspaceContract,
  ...overviewContract,
  ...unitsContract,
  ...frameworkContract,
  ...appraisalContract,
  ...resultsContract,
  ...analysisContract,
  ...formsContract,
  ...evidenceContract,
  ...surveyContract,
  ...compareContract,
  ...printContract,
  ...settingsContract,
  ...cycleContract,
  ...councilContract,
  ...publicationContract,
  ...petitionsContract,
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

/**
 * Files dropped on the window: the preload reads their paths (the sandbox hides them from the
 * page) and sends them on this channel, which only the preload can reach; the main process
 * answers with a token for each. The page never holds a path it could send.
 */
export const DROP_CHANNEL = 'parw:files:dropped';
export const droppedSchema = z.object({ paths: z.array(z.string().min(1).max(4096)).max(5000) });

/** `window.appFiles`: the files dropped on the window, as tokens of the main process. */
export interface WindowFiles {
  tokensOf(files: File[]): Promise<PickedFile[]>;
}
