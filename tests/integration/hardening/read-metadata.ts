// The metadata a generated form carries, read as the import reads it.
import fs from 'node:fs';
import path from 'node:path';
import { readWorkbookValues } from '../../../electron/excel/workbook-values';
import { readForm, type FormMetadata } from '../../../electron/features/forms/read-form';

export async function readFormMetadata(file: string): Promise<FormMetadata> {
  const content = readForm(await readWorkbookValues(fs.readFileSync(file), path.basename(file)), path.basename(file));
  if (!content.metadata) throw new Error(`${file} has no metadata`);
  return content.metadata;
}
