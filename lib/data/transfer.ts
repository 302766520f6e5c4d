/**
 * Data rights (RGPD): export the stored mentions (all, or a filter) as CSV or
 * JSON, and import a JSON export back, merged without duplicates.
 *
 * Long work reports progress (`onProgress(done, total)`) and can be cancelled
 * (`signal`):
 *  - an export reads keys first, then rows in chunks of CHUNK; a cancelled
 *    export produces nothing;
 *  - an import checks the whole file first (size before JSON.parse, format,
 *    version, every row against the schema — an error names the row and the
 *    field), then merges in ONE transaction: cancelled or failed, nothing is
 *    written.
 *
 * CSV cells that a spreadsheet would run as a formula (=, +, -, @ …) are
 * escaped (papaparse's escapeFormulae): page text is hostile.
 */
import Papa from 'papaparse';
import * as v from 'valibot';
import { INTENTS } from '../intent/classify';
import { ITEM_KINDS, SITE_IDS } from '../sites/types';
import type { VeilleDb } from '../storage/db';
import { MAX_NOTE, MAX_PAGE_URLS, MAX_TAGS, MAX_TEXT, PRIORITIES, STATUSES, type MentionRow } from '../storage/schema';
import { EXPECTED, FieldError, expected, issuePath, issueProblem, joinPath, problem } from '../validation/problem';

export const EXPORT_FORMAT = 'veille-export';
export const EXPORT_VERSION = 1;
/** Largest import file, in characters (checked before JSON.parse). */
export const MAX_IMPORT_CHARS = 300_000_000;
export const CHUNK = 1000;

export interface MentionFilter {
  brandId?: string;
  site?: MentionRow['site'];
  status?: MentionRow['status'];
  /** firstSeen range, ms (inclusive). */
  from?: number;
  to?: number;
}

export interface LongWork {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** A refused import that names the row and field ("mentions[3].text"), or "(file)", "format", "version". */
export class TransferError extends FieldError {
  override readonly name = 'TransferError';
}

function checkAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new DOMException('Cancelled', 'AbortError');
}

/** Keys of the mentions matching the filter (the cheapest index first). */
export async function matchingKeys(db: VeilleDb, f: MentionFilter = {}): Promise<string[]> {
  const from = f.from ?? -Infinity;
  const to = f.to ?? Infinity;
  const coll = f.brandId
    ? db.mentions.where('brandIds').equals(f.brandId)
    : f.site
      ? db.mentions.where('site').equals(f.site)
      : f.from !== undefined || f.to !== undefined
        ? db.mentions.where('firstSeen').between(from, to, true, true)
        : db.mentions.toCollection();
  const needsRows = (f.brandId && (f.site || f.status || f.from !== undefined || f.to !== undefined)) || (f.site && (f.status || f.from !== undefined || f.to !== undefined)) || f.status;
  if (!needsRows) return (await coll.primaryKeys()) as string[];
  return (
    await coll
      .filter((m) => (!f.site || m.site === f.site) && (!f.status || m.status === f.status) && m.firstSeen >= from && m.firstSeen <= to)
      .primaryKeys()
  ) as string[];
}

/** Rows for the keys, chunk by chunk, with progress; throws an AbortError when cancelled. */
export async function readRows(db: VeilleDb, keys: readonly string[], work: LongWork = {}): Promise<MentionRow[]> {
  const out: MentionRow[] = [];
  for (let i = 0; i < keys.length; i += CHUNK) {
    checkAborted(work.signal);
    const rows = await db.mentions.bulkGet(keys.slice(i, i + CHUNK));
    for (const r of rows) if (r) out.push(r);
    work.onProgress?.(Math.min(keys.length, i + CHUNK), keys.length);
  }
  return out;
}

const iso = (ms: number | null): string => (ms === null ? '' : new Date(ms).toISOString());

export const CSV_COLUMNS = [
  'key', 'site', 'kind', 'firstSeen', 'published', 'author', 'handle', 'text', 'rating', 'lang', 'sentiment', 'score',
  'confidence', 'corrected', 'intents', 'brands', 'competitor', 'status', 'repliedAt', 'permalink',
] as const;

/** One CSV document (header + rows). */
export function toCsv(rows: readonly MentionRow[]): string {
  const data = rows.map((m) => [
    m.key, m.site, m.kind, iso(m.firstSeen), m.timestamp ?? '', m.author ?? '', m.handle ?? '', m.text, m.rating ?? '', m.lang,
    m.sentiment.label, m.sentiment.score, m.sentiment.confidence, m.sentiment.corrected ? 'yes' : '', (m.intents ?? []).join('|'),
    m.brandIds.join('|'), m.competitor ? 'yes' : '', m.status, iso(m.repliedAt), m.permalink ?? '',
  ]);
  return Papa.unparse({ fields: [...CSV_COLUMNS], data }, { escapeFormulae: true, newline: '\r\n' });
}

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: number;
  exportedAt: string;
  filter: MentionFilter;
  mentions: MentionRow[];
}

export function toJson(rows: MentionRow[], filter: MentionFilter, now = new Date()): string {
  const file: ExportFile = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now.toISOString(), filter, mentions: rows };
  return JSON.stringify(file);
}

/** The export as text in the chosen format. */
export async function exportMentions(db: VeilleDb, filter: MentionFilter, format: 'csv' | 'json', work: LongWork = {}): Promise<{ text: string; count: number }> {
  const keys = await matchingKeys(db, filter);
  const rows = await readRows(db, keys, work);
  checkAborted(work.signal);
  return { text: format === 'csv' ? toCsv(rows) : toJson(rows, filter), count: rows.length };
}

// ---------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------

const str = (max: number) => v.pipe(v.string(), v.maxLength(max));
const nstr = (max: number) => v.nullable(str(max));
const label = v.picklist(['positive', 'neutral', 'negative']);
const ms = v.pipe(v.number(), v.finite(), v.minValue(0));

export const mentionRowSchema = v.pipe(
  v.object({
    key: str(700),
    site: v.picklist(SITE_IDS),
    itemId: v.pipe(str(600), v.minLength(1)),
    kind: v.picklist(ITEM_KINDS),
    text: str(MAX_TEXT),
    truncated: v.boolean(),
    originalLength: v.pipe(v.number(), v.integer(), v.minValue(0)),
    author: nstr(300),
    handle: nstr(300),
    permalink: nstr(2000),
    timestamp: nstr(64),
    rating: v.nullable(v.pipe(v.number(), v.minValue(0), v.maxValue(5))),
    lang: v.picklist(['fr', 'en', 'other']),
    sentiment: v.object({
      label,
      score: v.pipe(v.number(), v.minValue(-1), v.maxValue(1)),
      confidence: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
      evidence: v.pipe(v.array(str(200)), v.maxLength(8)),
      corrected: v.optional(v.object({ from: label, at: ms })),
    }),
    intents: v.pipe(v.array(v.picklist(INTENTS)), v.maxLength(5)),
    brandIds: v.pipe(v.array(str(64)), v.minLength(1), v.maxLength(50)),
    terms: v.pipe(v.array(str(200)), v.maxLength(200)),
    competitor: v.boolean(),
    status: v.picklist(STATUSES),
    pageUrls: v.pipe(v.array(str(2000)), v.maxLength(MAX_PAGE_URLS)),
    firstSeen: ms,
    lastSeen: ms,
    statusChangedAt: ms,
    repliedAt: v.nullable(ms),
    dueAt: v.optional(v.nullable(ms)),
    note: v.optional(str(MAX_NOTE)),
    priority: v.optional(v.picklist(PRIORITIES)),
    tags: v.optional(v.pipe(v.array(str(60)), v.maxLength(MAX_TAGS))),
    remindedAt: v.optional(v.nullable(ms)),
  }),
  v.check((m) => m.key === `${m.site}:${m.itemId}`, 'key must be "site:itemId"'),
);

/** The rows of an export file, all checked; a TransferError names the first bad row and field. */
export function parseExport(text: string): MentionRow[] {
  if (typeof text !== 'string') throw new TransferError('(file)', problem('problemNotText', 'expected the text of a file'));
  if (text.length > MAX_IMPORT_CHARS) throw new TransferError('(file)', problem('problemFileTooLarge', `too large (${text.length} characters, at most ${MAX_IMPORT_CHARS})`, text.length, MAX_IMPORT_CHARS));
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new TransferError('(file)', problem('problemNotJson', 'not a JSON file'));
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new TransferError('(root)', expected(EXPECTED.object, data));
  const file = data as Record<string, unknown>;
  if (file.format !== EXPORT_FORMAT) throw new TransferError('format', problem('problemNotExport', `expected "${EXPORT_FORMAT}" (a Veille JSON export)`, EXPORT_FORMAT));
  if (typeof file.version !== 'number' || !Number.isInteger(file.version) || file.version < 1) throw new TransferError('version', problem('problemUnknownVersion', 'unknown version'));
  if (file.version > EXPORT_VERSION) throw new TransferError('version', problem('problemNewerVersion', `version ${file.version} was written by a newer Veille; this one reads up to version ${EXPORT_VERSION}`, file.version, EXPORT_VERSION));
  if (!Array.isArray(file.mentions)) throw new TransferError('mentions', expected(EXPECTED.array, file.mentions));
  const out: MentionRow[] = [];
  file.mentions.forEach((row, i) => {
    const r = v.safeParse(mentionRowSchema, row);
    if (!r.success) {
      const issue = r.issues[0]!;
      throw new TransferError(joinPath(`mentions[${i}]`, issuePath(issue.path)), issueProblem(issue));
    }
    out.push(r.output as MentionRow);
  });
  return out;
}

/**
 * A stored row and an imported copy of the same mention, merged: the union of
 * brands, terms and pages; the earliest first-seen and the latest last-seen;
 * the status, sentiment and reply time of the side whose status changed last.
 */
export function mergeRows(a: MentionRow, b: MentionRow): MentionRow {
  const newer = b.statusChangedAt > a.statusChangedAt ? b : a;
  const pages = [...new Set([...a.pageUrls, ...b.pageUrls])];
  return {
    ...a,
    ...(b.lastSeen > a.lastSeen ? { text: b.text, truncated: b.truncated, originalLength: b.originalLength } : {}),
    brandIds: [...new Set([...a.brandIds, ...b.brandIds])],
    terms: [...new Set([...a.terms, ...b.terms])],
    pageUrls: pages.slice(Math.max(0, pages.length - MAX_PAGE_URLS)),
    firstSeen: Math.min(a.firstSeen, b.firstSeen),
    lastSeen: Math.max(a.lastSeen, b.lastSeen),
    status: newer.status,
    statusChangedAt: newer.statusChangedAt,
    repliedAt: newer.repliedAt,
    sentiment: a.sentiment.corrected && !b.sentiment.corrected ? a.sentiment : newer.sentiment,
    intents: newer.intents,
  };
}

/** Merge checked rows in one transaction (nothing is written when cancelled or on error). */
export async function importRows(db: VeilleDb, rows: readonly MentionRow[], work: LongWork = {}): Promise<{ added: number; merged: number }> {
  let added = 0;
  let merged = 0;
  await db.transaction('rw', db.mentions, async () => {
    for (let i = 0; i < rows.length; i += CHUNK) {
      checkAborted(work.signal);
      const chunk = rows.slice(i, i + CHUNK);
      // Duplicates inside the file are merged too.
      const byKey = new Map<string, MentionRow>();
      for (const r of chunk) byKey.set(r.key, byKey.has(r.key) ? mergeRows(byKey.get(r.key)!, r) : r);
      const keys = [...byKey.keys()];
      const existing = await db.mentions.bulkGet(keys);
      const out = keys.map((k, j) => {
        const old = existing[j];
        if (old) merged++;
        else added++;
        return old ? mergeRows(old, byKey.get(k)!) : byKey.get(k)!;
      });
      await db.mentions.bulkPut(out);
      work.onProgress?.(Math.min(rows.length, i + CHUNK), rows.length);
    }
    checkAborted(work.signal);
  });
  return { added, merged };
}
