// The SQL of SIPAS surveys (tables of migration 003). Callers get plain typed rows.
import type { MappingProfile, SurveyDefinition, SurveyImportRecord, SurveyLink, SurveySettings } from '../../../shared/survey';

export type { SurveyImportRecord };
import { sqlOf } from '../../db/connection';
import type { Workspace } from '../../db/workspace';

export interface NewSurveyImport {
  year: number;
  fileName: string;
  format: string;
  sha256: string;
  content: Buffer;
  actor: string;
  profile: string | null;
  itemCodes: string[];
}

export interface StoredForm {
  unitCode: string;
  formCode: string | null;
  rowNumber: number;
  /** answer codes aligned with the import's item codes */
  answers: (number | null)[];
}

interface ImportRow {
  id: number;
  year: number;
  file_name: string;
  format: string;
  sha256: string;
  size: number;
  imported_at: string;
  actor: string;
  profile: string | null;
  item_codes: string;
  form_count: number;
}

function toImport(r: ImportRow): SurveyImportRecord {
  return {
    id: r.id,
    year: r.year,
    fileName: r.file_name,
    format: r.format,
    sha256: r.sha256,
    size: r.size,
    importedAt: r.imported_at,
    actor: r.actor,
    profile: r.profile,
    itemCodes: JSON.parse(r.item_codes) as string[],
    formCount: r.form_count,
  };
}

const IMPORT_COLUMNS = 'id, year, file_name, format, sha256, size, imported_at, actor, profile, item_codes, form_count';

export class SurveyStore {
  constructor(readonly ws: Workspace) {}

  private get db() {
    return sqlOf(this.ws);
  }

  // ------------------------------------------------ definitions, settings

  ownDefinition(year: number): SurveyDefinition | null {
    const row = this.db.prepare('SELECT definition FROM survey_years WHERE year = ?').get(year) as
      | { definition: string | null }
      | undefined;
    return row?.definition ? (JSON.parse(row.definition) as SurveyDefinition) : null;
  }

  ownSettings(year: number): SurveySettings | null {
    const row = this.db.prepare('SELECT settings FROM survey_years WHERE year = ?').get(year) as
      | { settings: string | null }
      | undefined;
    return row?.settings ? (JSON.parse(row.settings) as SurveySettings) : null;
  }

  /** Sets (or with null clears) the year's own questionnaire. */
  saveDefinition(year: number, definition: SurveyDefinition | null): void {
    this.db
      .prepare(
        `INSERT INTO survey_years(year, definition) VALUES (?, ?)
         ON CONFLICT(year) DO UPDATE SET definition = excluded.definition`,
      )
      .run(year, definition ? JSON.stringify(definition) : null);
  }

  saveSettings(year: number, settings: SurveySettings): void {
    this.db
      .prepare(
        `INSERT INTO survey_years(year, settings) VALUES (?, ?)
         ON CONFLICT(year) DO UPDATE SET settings = excluded.settings`,
      )
      .run(year, JSON.stringify(settings));
  }

  // ------------------------------------------------------------ profiles

  listProfiles(): MappingProfile[] {
    return (this.db.prepare('SELECT profile FROM survey_profiles ORDER BY name').all() as { profile: string }[]).map(
      (r) => JSON.parse(r.profile) as MappingProfile,
    );
  }

  getProfile(name: string): MappingProfile | null {
    const row = this.db.prepare('SELECT profile FROM survey_profiles WHERE name = ?').get(name) as
      | { profile: string }
      | undefined;
    return row ? (JSON.parse(row.profile) as MappingProfile) : null;
  }

  saveProfile(profile: MappingProfile): void {
    this.db
      .prepare(
        `INSERT INTO survey_profiles(name, profile, updated_at) VALUES (?, ?, ?)
         ON CONFLICT(name) DO UPDATE SET profile = excluded.profile, updated_at = excluded.updated_at`,
      )
      .run(profile.name, JSON.stringify(profile), new Date().toISOString());
  }

  deleteProfile(name: string): boolean {
    return this.db.prepare('DELETE FROM survey_profiles WHERE name = ?').run(name).changes > 0;
  }

  // ------------------------------------------------------ imports, forms

  listImports(year?: number): SurveyImportRecord[] {
    return (this.db
      .prepare(`SELECT ${IMPORT_COLUMNS} FROM survey_imports WHERE (? IS NULL OR year = ?) ORDER BY id`)
      .all(year ?? null, year ?? null) as ImportRow[]).map(toImport);
  }

  getImport(id: number): SurveyImportRecord | null {
    const row = this.db.prepare(`SELECT ${IMPORT_COLUMNS} FROM survey_imports WHERE id = ?`).get(id) as
      | ImportRow
      | undefined;
    return row ? toImport(row) : null;
  }

  importBySha(year: number, sha256: string): SurveyImportRecord | null {
    const row = this.db
      .prepare(`SELECT ${IMPORT_COLUMNS} FROM survey_imports WHERE year = ? AND sha256 = ?`)
      .get(year, sha256) as ImportRow | undefined;
    return row ? toImport(row) : null;
  }

  /** The original bytes of an imported file. */
  importContent(id: number): Buffer | null {
    const row = this.db.prepare('SELECT content FROM survey_imports WHERE id = ?').get(id) as
      | { content: Buffer }
      | undefined;
    return row?.content ?? null;
  }

  /** Records a file and its forms; call inside the caller's transaction. */
  insertImport(record: NewSurveyImport, forms: StoredForm[]): number {
    const id = Number(
      this.db
        .prepare(
          `INSERT INTO survey_imports(year, file_name, format, sha256, size, content, imported_at, actor, profile, item_codes, form_count)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          record.year,
          record.fileName,
          record.format,
          record.sha256,
          record.content.length,
          record.content,
          new Date().toISOString(),
          record.actor,
          record.profile,
          JSON.stringify(record.itemCodes),
          forms.length,
        ).lastInsertRowid,
    );
    const insert = this.db.prepare(
      'INSERT INTO survey_forms(import_id, unit_code, form_code, row_number, answers) VALUES (?, ?, ?, ?, ?)',
    );
    for (const f of forms) insert.run(id, f.unitCode, f.formCode, f.rowNumber, JSON.stringify(f.answers));
    return id;
  }

  deleteImport(id: number): boolean {
    return this.db.prepare('DELETE FROM survey_imports WHERE id = ?').run(id).changes > 0;
  }

  /** Form numbers already used in a year, as "unit\u0000form". */
  formCodesOfYear(year: number): Set<string> {
    const rows = this.db
      .prepare(
        `SELECT f.unit_code, f.form_code FROM survey_forms f JOIN survey_imports i ON i.id = f.import_id
         WHERE i.year = ? AND f.form_code IS NOT NULL`,
      )
      .all(year) as { unit_code: string; form_code: string }[];
    return new Set(rows.map((r) => `${r.unit_code}\u0000${r.form_code}`));
  }

  /** Every form of a year, grouped by the file it came from (each file has its own item columns). */
  *formsOfYear(year: number): Generator<{ importId: number; itemCodes: string[]; form: StoredForm }> {
    const codes = new Map(this.listImports(year).map((i) => [i.id, i.itemCodes]));
    const rows = this.db
      .prepare(
        `SELECT f.import_id, f.unit_code, f.form_code, f.row_number, f.answers FROM survey_forms f
         JOIN survey_imports i ON i.id = f.import_id WHERE i.year = ? ORDER BY f.id`,
      )
      .raw()
      .iterate(year) as IterableIterator<[number, string, string | null, number, string]>;
    for (const [importId, unitCode, formCode, rowNumber, answers] of rows) {
      yield {
        importId,
        itemCodes: codes.get(importId)!,
        form: { unitCode, formCode, rowNumber, answers: JSON.parse(answers) as (number | null)[] },
      };
    }
  }

  /** Years that hold at least one form, ascending. */
  yearsWithForms(): number[] {
    return (this.db
      .prepare('SELECT DISTINCT i.year FROM survey_imports i WHERE i.form_count > 0 ORDER BY i.year')
      .all() as { year: number }[]).map((r) => r.year);
  }

  // --------------------------------------------------------------- links

  listLinks(year: number): SurveyLink[] {
    return (this.db
      .prepare(
        'SELECT year, block_code, criterion_code, target, target_code FROM survey_links WHERE year = ? ORDER BY block_code, criterion_code',
      )
      .all(year) as { year: number; block_code: string; criterion_code: string; target: SurveyLink['target']; target_code: string | null }[]).map(
      (r) => ({ year: r.year, blockCode: r.block_code, criterionCode: r.criterion_code, target: r.target, targetCode: r.target_code }),
    );
  }

  saveLink(link: SurveyLink): void {
    this.db
      .prepare(
        `INSERT INTO survey_links(year, block_code, criterion_code, target, target_code) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(year, block_code, criterion_code) DO UPDATE SET target = excluded.target, target_code = excluded.target_code`,
      )
      .run(link.year, link.blockCode, link.criterionCode, link.target, link.targetCode);
  }

  deleteLink(year: number, blockCode: string, criterionCode: string): boolean {
    return (
      this.db
        .prepare('DELETE FROM survey_links WHERE year = ? AND block_code = ? AND criterion_code = ?')
        .run(year, blockCode, criterionCode).changes > 0
    );
  }
}
