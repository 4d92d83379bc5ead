// The mapping step of a survey import: the columns of the file as the preview read them, and
// the profile the person draws up by choosing what each column holds and what each unread
// answer means. The main process maps the file again with that profile, so the preview on
// screen is always the import that would run.
import type { MappingProfile, SurveyImportPreview } from '../../../shared/survey';

/** What a column of the file is used for: an item's code, the unit, the form number, or nothing. */
export type ColumnUse = { kind: 'item'; itemCode: string } | { kind: 'unit' } | { kind: 'form' } | { kind: 'ignore' };

export interface FileColumn {
  header: string;
  use: ColumnUse;
  /**
   * how the use was found: by an item's code or title, by the mapping profile, by the
   * column's own name (unit, form number), or not at all (ignored)
   */
  foundBy: 'code' | 'title' | 'profile' | 'header' | 'unmatched';
}

/** The profile's name while it is only a draft (the schema wants one); the person names it when saving. */
const DRAFT_NAME = 'Hồ sơ đang soạn';

export function emptyProfile(name = DRAFT_NAME): MappingProfile {
  return { name, columns: {}, labels: {}, unitColumn: null, formColumn: null };
}

/** Every named column of the file, the unit and form columns first, then the items in file order, then the ignored ones. */
export function fileColumns(preview: SurveyImportPreview, profile: MappingProfile | null): FileColumn[] {
  const columns: FileColumn[] = [];
  const special = (header: string | null, use: ColumnUse, profiled: string | null | undefined) => {
    if (header) columns.push({ header, use, foundBy: profiled === header ? 'profile' : 'header' });
  };
  special(preview.unitColumn, { kind: 'unit' }, profile?.unitColumn);
  special(preview.formColumn, { kind: 'form' }, profile?.formColumn);
  for (const item of [...preview.mapping.items].sort((a, b) => a.column - b.column)) {
    columns.push({ header: item.header, use: { kind: 'item', itemCode: item.itemCode }, foundBy: item.matchedBy });
  }
  for (const header of preview.mapping.ignored) {
    columns.push({ header, use: { kind: 'ignore' }, foundBy: profile && header in profile.columns ? 'profile' : 'unmatched' });
  }
  return columns;
}

/** The draft after the person says what `header` holds. */
export function withColumnUse(profile: MappingProfile, header: string, use: ColumnUse): MappingProfile {
  const columns = { ...profile.columns };
  delete columns[header];
  const next: MappingProfile = {
    ...profile,
    columns,
    unitColumn: profile.unitColumn === header ? null : profile.unitColumn,
    formColumn: profile.formColumn === header ? null : profile.formColumn,
  };
  if (use.kind === 'unit') next.unitColumn = header;
  else if (use.kind === 'form') next.formColumn = header;
  else columns[header] = use.kind === 'item' ? use.itemCode : '';
  return next;
}

/** The draft after the person says what an answer text means (a code, or null for no answer). */
export function withLabel(profile: MappingProfile, label: string, code: number | null): MappingProfile {
  return { ...profile, labels: { ...profile.labels, [label]: code } };
}

/** The value of a column's picker: "item:DV1.1", "unit", "form" or "ignore". */
export function columnUseKey(use: ColumnUse): string {
  return use.kind === 'item' ? `item:${use.itemCode}` : use.kind;
}

export function columnUseOf(key: string): ColumnUse {
  if (key.startsWith('item:')) return { kind: 'item', itemCode: key.slice(5) };
  return { kind: key as 'unit' | 'form' | 'ignore' };
}

/**
 * The answer texts to map: those the file holds that could not be read (with the columns they
 * were met in), then those the profile already maps.
 */
export function answerLabels(preview: SurveyImportPreview, profile: MappingProfile | null): { label: string; headers: string[] }[] {
  const byLabel = new Map<string, string[]>();
  for (const { header, labels } of preview.unknownLabels) {
    for (const label of labels) byLabel.set(label, [...(byLabel.get(label) ?? []), header]);
  }
  for (const label of Object.keys(profile?.labels ?? {})) if (!byLabel.has(label)) byLabel.set(label, []);
  return [...byLabel.entries()].map(([label, headers]) => ({ label, headers }));
}
