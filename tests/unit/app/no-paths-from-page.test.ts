// A compromised page must not make the main process open a file it names: no channel takes a
// path from the window. Files reach handlers as tokens the main process issued; the exceptions
// are the recent list, which the handler checks against its own copy, and the form import
// report, whose paths are only written as text.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, type Channel } from '../../../shared/contract';

const PATH_LIKE = /^(file|files|path|paths|folder|dir|directory|source|target|out)$/i;

/** The names of the string fields (at any depth) of a schema whose name says they hold a path. */
function pathFields(schema: z.ZodType, at = ''): string[] {
  if (schema instanceof z.ZodObject) {
    return Object.entries(schema.shape as Record<string, z.ZodType>).flatMap(([key, value]) => {
      const here = at ? `${at}.${key}` : key;
      const inner = pathFields(value, here);
      return PATH_LIKE.test(key) && holdsString(value) ? [here, ...inner] : inner;
    });
  }
  if (schema instanceof z.ZodArray) return pathFields(schema.element as z.ZodType, `${at}[]`);
  if (schema instanceof z.ZodUnion) return (schema.options as z.ZodType[]).flatMap((o) => pathFields(o, at));
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) return pathFields(schema.unwrap() as z.ZodType, at);
  return [];
}

function holdsString(schema: z.ZodType): boolean {
  if (schema instanceof z.ZodString) return true;
  if (schema instanceof z.ZodArray) return holdsString(schema.element as z.ZodType);
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) return holdsString(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodUnion) return (schema.options as z.ZodType[]).some(holdsString);
  return false;
}

describe('what the window may send', () => {
  it('names no file: every channel input is free of path fields but the recent list', () => {
    const found = (Object.keys(contract) as Channel[]).flatMap((channel) =>
      pathFields(contract[channel].input as z.ZodType).map((field) => `${channel} ${field}`),
    );
    expect(found.sort()).toEqual([
      // the import report the window shows, written back as text into the report workbook
      'forms:exportReport results[].evidence.source',
      'forms:exportReport results[].file',
      'forms:exportReport results[].path',
      'workspace:openRecent file',
    ]);
  });

  it('finds path fields where they are (the check itself can fail)', () => {
    expect(pathFields(z.object({ year: z.number(), file: z.string() }))).toEqual(['file']);
    expect(pathFields(z.object({ paths: z.array(z.string().min(1)) }))).toEqual(['paths']);
    expect(pathFields(z.object({ a: z.union([z.object({ folder: z.string().nullable() }), z.object({})]) }))).toEqual(['a.folder']);
  });
});
