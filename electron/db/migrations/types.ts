import type { Database } from 'better-sqlite3';

/** A numbered schema change, applied once inside a transaction and recorded in the file. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}
