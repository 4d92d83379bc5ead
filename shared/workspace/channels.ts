// The session's channels: which workspace is open, the start screen's actions (create,
// open, recent files, the demo, backup, restore) and the years of the open workspace.
import { z } from 'zod';
import { blockSchema, periodSchema } from '../domain';
import { cancellable, none, year } from '../channels';

const recentFileSchema = z.object({ file: z.string(), name: z.string(), openedAt: z.string(), exists: z.boolean() });

const workspaceStateSchema = z.object({
  file: z.string(),
  name: z.string(),
  /** the demo workspace ("Dữ liệu mẫu") */
  sample: z.boolean(),
  province: z.string().nullable(),
  periods: z.array(periodSchema),
  blocks: z.array(blockSchema),
  /** year and block of every framework in the workspace */
  frameworks: z.array(z.object({ year: z.number(), blockCode: z.string(), nodeCount: z.number(), leafCount: z.number() })),
  /** what the window keeps saying while the file is open: opened read-only, or damaged */
  notice: z.string().nullable(),
});

/** What the start screen and the title bar know: the open workspace (or none) and recent files. */
export const sessionSchema = z.object({ workspace: workspaceStateSchema.nullable(), recent: z.array(recentFileSchema) });
export type Session = z.infer<typeof sessionSchema>;

export const workspaceContract = {
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
} as const;
