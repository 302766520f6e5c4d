/**
 * The one module that owns the IndexedDB schema (Dexie). Every schema change
 * adds a `version(n)`; keep old versions while they carry an upgrade.
 * The background worker writes; extension pages (popup, options, dashboard)
 * share the origin and may read directly (liveQuery sees the worker's writes).
 */
import Dexie, { type EntityTable } from 'dexie';
import type { MentionRow } from './schema';

export type VeilleDb = Dexie & {
  mentions: EntityTable<MentionRow, 'key'>;
};

export const DB_NAME = 'veille';

export function openDb(name = DB_NAME): VeilleDb {
  const db = new Dexie(name) as VeilleDb;
  db.version(1).stores({
    // &key: primary key; *x: multi-entry index.
    mentions: '&key, site, status, *brandIds, *pageUrls, firstSeen, lastSeen, [status+firstSeen]',
  });
  return db;
}
