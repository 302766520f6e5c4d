/**
 * The one module that owns the IndexedDB schema (Dexie). Every schema change
 * adds a `version(n)`; keep old versions while they carry an upgrade.
 * The background worker writes; extension pages (popup, options, dashboard)
 * share the origin and may read directly (liveQuery sees the worker's writes).
 */
import Dexie, { type EntityTable } from 'dexie';
import type { CorrectionRow } from '../corrections/model';
import { classifyIntent } from '../intent/classify';
import type { StyleGuide } from '../replies/guide';
import type { CrisisRow, MentionRow } from './schema';

export type VeilleDb = Dexie & {
  mentions: EntityTable<MentionRow, 'key'>;
  corrections: EntityTable<CorrectionRow, 'id'>;
  /** One style guide per brand (lib/replies/guide.ts), keyed by brandId. */
  guides: EntityTable<StyleGuide, 'brandId'>;
  /** Crisis level changes per brand (lib/crisis), for notifications and the dashboard's timeline. */
  crisis: EntityTable<CrisisRow, 'id'>;
};

/** v1 → v2: mentions gain their intents (computed from the stored text, language and label). */
export function addIntents(row: MentionRow): void {
  if (Array.isArray(row.intents)) return;
  row.intents = classifyIntent(row.text, { lang: row.lang, sentiment: row.sentiment.label, rating: row.rating });
}

export const DB_NAME = 'veille';

export function openDb(name = DB_NAME): VeilleDb {
  const db = new Dexie(name) as VeilleDb;
  db.version(1).stores({
    // &key: primary key; *x: multi-entry index.
    mentions: '&key, site, status, *brandIds, *pageUrls, firstSeen, lastSeen, [status+firstSeen]',
  });
  // v2: the CM's sentiment corrections (per brand), and intents on mentions.
  db.version(2)
    .stores({ corrections: '++id, brandId, mentionKey, at' })
    .upgrade((tx) => tx.table<MentionRow, string>('mentions').toCollection().modify(addIntents));
  // v3: the brands' style guides (reply templates, voice, vocabulary, platform rules).
  db.version(3).stores({ guides: '&brandId' });
  // v4: follow-up due dates (reminders) and the crisis timeline.
  db.version(4).stores({
    mentions: '&key, site, status, *brandIds, *pageUrls, firstSeen, lastSeen, [status+firstSeen], dueAt',
    crisis: '++id, brandId, at, [brandId+at]',
  });
  return db;
}
