// The pieces every feature's channels are made of: a year, a code, no input, a dialog the
// person may cancel, a located problem. Each feature's channels.ts uses these, and
// shared/contract.ts composes the features' channels into the one contract.
import { z } from 'zod';
import { yearSchema } from './domain';

export const year = yearSchema;
export const code = z.string().min(1).max(100);
export const none = z.object({}).strict();

/** A file operation the person may cancel in its dialog. */
export const cancellable = <T extends z.ZodType>(value: T) =>
  z.union([z.object({ cancelled: z.literal(true) }), z.object({ cancelled: z.literal(false), value })]);

/**
 * A file the main process handed to the window: the token it issued (from its own dialog, a
 * drop the preload resolved, or a folder it expanded) and the path, to show. A handler opens
 * only the file of a token it issued, never a path the page sends.
 */
export const fileToken = z.string().uuid();
export const pickedFileSchema = z.object({ token: fileToken, file: z.string() });
export type PickedFile = z.infer<typeof pickedFileSchema>;

/** A problem with its place, as services report them (shared/errors.ts). */
export const problemSchema = z.object({
  file: z.string().optional(),
  sheet: z.string().optional(),
  cell: z.string().optional(),
  row: z.number().optional(),
  column: z.string().optional(),
  message: z.string(),
});
