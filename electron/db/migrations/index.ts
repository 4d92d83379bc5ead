import { migration001 } from './001-core';
import { migration002 } from './002-submissions';
import { migration003 } from './003-survey';
import { migration004 } from './004-participation';
import { migration005 } from './005-cycle';
import { migration006 } from './006-evidence';
import { migration007 } from './007-analysis';
import { migration008 } from './008-petition-evidence';
import type { Migration } from './types';

/** Every migration, in order. A new one gets the next number and its own test. */
export const migrations: Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008];

export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1].version;
