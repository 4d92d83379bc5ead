// Writes the committed workspace files that the migration tests start from, one per schema
// version, each with the schema of that version and a little data in raw SQL (never through
// today's stores, which know only today's schema). Run once per new migration:
//   npx tsx tests/migrations/make-fixtures.ts
// and commit tests/fixtures/migrations/vN.parws. Files already there are left as they are.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { APPLICATION_ID, migrate } from '../../electron/db/open';
import { migrations } from '../../electron/db/migrations';

const DIR = path.resolve(import.meta.dirname, '..', 'fixtures', 'migrations');

/** Data of each version, added on top of the data of the versions before it. */
const DATA: Record<number, string> = {
  1: `
    INSERT INTO workspace_settings(key, value) VALUES ('province', 'Tỉnh Kiểm Thử');
    INSERT INTO periods(year, name, locked) VALUES (2023, 'Chỉ số CCHC năm 2023', 1), (2024, 'Chỉ số CCHC năm 2024', 0);
    INSERT INTO blocks(code, name, sort_order) VALUES ('so', 'Khối sở', 1), ('xa', 'Khối xã', 3);
    INSERT INTO units(code, name, block_code, ranked, sort_order) VALUES
      ('SNV', 'Sở Nội vụ', 'so', 1, 1), ('STP', 'Sở Tư pháp', 'so', 1, 2), ('X1', 'Xã Một', 'xa', 1, 3),
      ('X2', 'Xã Hai', 'xa', 1, 4), ('XM', 'Xã Mới', 'xa', 1, 5);
    INSERT INTO unit_predecessors(unit_code, predecessor_code) VALUES ('XM', 'X1'), ('XM', 'X2');
    INSERT INTO frameworks(id, year, block_code) VALUES (1, 2024, 'so'), (2, 2024, 'xa');
    INSERT INTO criteria(id, framework_id, code, parent_code, level, sort_order, title, max_points, source, method) VALUES
      (1, 1, 'I', NULL, 1, 1, 'Công tác chỉ đạo, điều hành', 3, 'self', 'free'),
      (2, 1, '1', 'I', 2, 2, 'Kế hoạch CCHC', 2, 'self', 'free'),
      (3, 1, '2', 'I', 2, 3, 'Hài lòng của người dân', 1, 'survey', 'free'),
      (4, 2, 'I', NULL, 1, 1, 'Công tác chỉ đạo, điều hành', 2, 'self', 'yesno');
    INSERT INTO scores(criterion_id, unit_code, self_score, appraised_score, appraisal_round, not_applicable, note, updated_at) VALUES
      (2, 'SNV', 2, 1.5, 1, 0, 'Kế hoạch ban hành chậm', '2024-11-20T08:00:00.000Z'),
      (3, 'SNV', NULL, 0.91, 1, 0, NULL, '2024-11-20T08:00:00.000Z'),
      (2, 'STP', 1.75, NULL, 0, 0, NULL, '2024-11-21T08:00:00.000Z'),
      (4, 'X1', 2, 2, 1, 0, NULL, '2024-11-22T08:00:00.000Z');
    INSERT INTO score_audit(at, actor, year, unit_code, criterion_code, field, old_value, new_value, reason, source) VALUES
      ('2024-11-20T08:00:00.000Z', 'Nguyễn Văn A', 2024, 'SNV', '1', 'appraisedScore', NULL, '1.5', 'Thẩm định lần 1', 'appraisal');
    INSERT INTO block_settings(year, block_code, bands, precision) VALUES (2024, 'so', '[{"name":"Tốt","min":90},{"name":"Khá","min":80}]', 2);`,
  2: `
    INSERT INTO form_submissions(year, unit_code, file_name, sha256, size, content, imported_at, actor, matched_by,
      form_fingerprint, framework_fingerprint, status, leaf_values, diff, warnings)
    VALUES (2024, 'STP', 'STP-2024.xlsx', '${'ab'.repeat(32)}', 3, x'504b03', '2024-11-21T08:00:00.000Z', 'Nguyễn Văn A',
      'metadata', NULL, '${'cd'.repeat(32)}', 'current', '[]', '[]', '[]');`,
  3: `
    INSERT INTO survey_imports(id, year, file_name, format, sha256, size, content, imported_at, actor, item_codes, form_count)
    VALUES (1, 2024, 'phieu.csv', 'entry', '${'ef'.repeat(32)}', 1, x'00', '2024-11-25T08:00:00.000Z', 'Nguyễn Văn A', '["DV1.1"]', 1);
    INSERT INTO survey_forms(import_id, unit_code, row_number, answers) VALUES (1, 'SNV', 2, '[5]');`,
  4: `
    UPDATE units SET from_year = 2025 WHERE code = 'XM';
    INSERT INTO year_participation(year, unit_code, included, at, actor, reason)
    VALUES (2024, 'X2', 0, '2024-11-26T08:00:00.000Z', 'Nguyễn Văn A', 'Sáp nhập trước kỳ đánh giá');
    INSERT INTO published_results(year, block_code, unit_code, idx, rank, total, file_name, imported_at, actor)
    VALUES (2023, 'so', 'SNV', 88.5, 1, 88.5, 'cong-bo-2023.xlsx', '2024-11-26T08:00:00.000Z', 'Nguyễn Văn A');
    INSERT INTO unit_audit(batch, at, actor, source, unit_code, before, after)
    VALUES ('b1', '2024-11-26T08:00:00.000Z', 'Nguyễn Văn A', 'units', 'XM', NULL, '{"code":"XM"}');`,
  5: `
    INSERT INTO cycle_deadlines(year, self_due, appraisal_due, petitions_due, updated_at, actor)
    VALUES (2024, '2024-11-15', '2024-11-30', NULL, '2024-11-01T08:00:00.000Z', 'Nguyễn Văn A');
    INSERT INTO council_members(id, name, organisation, name_key, created_at)
    VALUES (1, 'Trần Thị B', 'Sở Tư pháp', 'tran thi b', '2024-11-01T08:00:00.000Z');
    INSERT INTO council_assignments(year, block_code, member_id, criteria, units, at, actor)
    VALUES (2024, 'so', 1, '["I"]', NULL, '2024-11-01T08:00:00.000Z', 'Nguyễn Văn A');`,
  6: `
    INSERT INTO evidence_blobs(sha256, bytes, kind, pages, content) VALUES ('${'12'.repeat(32)}', 5, 'pdf', 1, x'255044462d');
    INSERT INTO evidence_documents(year, unit_code, criterion_code, name, path, sha256, received_at, source, submission_id, linked_by, actor)
    VALUES (2024, 'STP', '1', 'Kế hoạch.pdf', '1/Kế hoạch.pdf', '${'12'.repeat(32)}', '2024-11-21T08:00:00.000Z', 'STP-2024.zip', 1, 'folder', 'Nguyễn Văn A');`,
};

export function fixturePath(version: number): string {
  return path.join(DIR, `v${version}.parws`);
}

export function makeFixture(version: number, file = fixturePath(version)): void {
  const db = new Database(file);
  db.pragma('journal_mode = DELETE');
  db.pragma(`application_id = ${APPLICATION_ID}`);
  migrate(db, migrations.filter((m) => m.version <= version));
  for (let v = 1; v <= version; v++) if (DATA[v]) db.exec(DATA[v]);
  db.close();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  fs.mkdirSync(DIR, { recursive: true });
  for (const m of migrations) {
    if (fs.existsSync(fixturePath(m.version))) continue;
    makeFixture(m.version);
    console.log(`wrote ${path.relative(process.cwd(), fixturePath(m.version))}`);
  }
}
