import type { Migration } from './types';

// How a block ranks equal indices in a year: 'shared' (equal at the display precision share a
// rank: 1, 2, 2, 4; the rule so far) or 'ordinal' (by the unrounded index, then points, then code).
export const migration007: Migration = {
  version: 7,
  name: 'analysis',
  up(db) {
    db.exec(`
      ALTER TABLE block_settings ADD COLUMN ties TEXT NOT NULL DEFAULT 'shared' CHECK (ties IN ('shared', 'ordinal'));
    `);
  },
};
