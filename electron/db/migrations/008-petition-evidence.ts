import type { Migration } from './types';

// Documents a unit sends with its petitions ("Tài liệu bổ sung" of a returned preliminary
// notice): evidence documents like the others, tied to the leaf and also to the petition they
// support, so that the council reads them beside the petition. A document of no petition keeps
// null; deleting a petition (its year) leaves the document as the unit's evidence of the leaf.
export const migration008: Migration = {
  version: 8,
  name: 'petition-evidence',
  up(db) {
    db.exec(`
      ALTER TABLE evidence_documents ADD COLUMN petition_id INTEGER REFERENCES petitions(id) ON DELETE SET NULL;
      CREATE INDEX evidence_documents_by_petition ON evidence_documents(petition_id) WHERE petition_id IS NOT NULL;
    `);
  },
};
