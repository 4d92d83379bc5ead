// Cài đặt: what a newcomer sets once — the province and what prints carry (the place before
// dates, who signs), their own name for the history of changes, the blocks the workspace
// uses, and each block's classification bands for the year.
import { z } from 'zod';
import { bandSchema, blockSchema } from '../domain';
import { code, year } from '../channels';

const text = z.string().max(200);

const tieRule = z.enum(['shared', 'ordinal']);

const settingsSchema = z.object({
  province: z.string().nullable(),
  signPlace: z.string().nullable(),
  signerTitle: z.string().nullable(),
  signerName: z.string().nullable(),
  /** the name written into the history of changes made on this computer */
  userName: z.string(),
  blocks: z.array(blockSchema.extend({ units: z.number(), frameworks: z.number() })),
  /** each block that has a framework in the year, with its bands and how equal indices rank */
  bands: z.array(z.object({ blockCode: z.string(), blockName: z.string(), bands: z.array(bandSchema), ties: tieRule })),
});

export const settingsContract = {
  'settings:get': { input: z.object({ year }), output: settingsSchema },
  'settings:saveDocuments': {
    input: z.object({ province: text, signPlace: text, signerTitle: text, signerName: text }),
    output: z.object({ saved: z.literal(true) }),
  },
  'settings:saveUserName': { input: z.object({ name: z.string().trim().min(1).max(120) }), output: z.object({ saved: z.literal(true) }) },
  'settings:addBlock': { input: z.object({ code: code.regex(/^[A-Za-z0-9_-]+$/), name: z.string().trim().min(1).max(120) }), output: z.object({ saved: z.literal(true) }) },
  'settings:removeBlock': { input: z.object({ code }), output: z.object({ saved: z.literal(true) }) },
  /** bands as staff write them: "Tốt=90;Khá=80;Trung bình=70;Yếu=0" (empty: none) */
  'settings:saveBands': { input: z.object({ year, blockCode: code, bands: z.string().max(2000) }), output: z.object({ bands: z.array(bandSchema) }) },
  /** how equal indices rank in the block that year: shared (1, 2, 2, 4) or ordinal (1, 2, 3, 4) */
  'settings:saveTies': { input: z.object({ year, blockCode: code, ties: tieRule }), output: z.object({ ties: tieRule }) },
} as const;
