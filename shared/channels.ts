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

/** A problem with its place, as services report them (shared/errors.ts). */
export const problemSchema = z.object({
  file: z.string().optional(),
  sheet: z.string().optional(),
  cell: z.string().optional(),
  row: z.number().optional(),
  column: z.string().optional(),
  message: z.string(),
});
