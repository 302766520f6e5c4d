/**
 * Erasure (RGPD): one mention, one author's data, one brand's data,
 * everything, and the retention limit (mentions not seen for N days).
 * Corrections made on erased mentions go with them. Brands and style guides
 * are the brand's settings, not collected data: they stay (delete a brand on
 * the Brands tab).
 *
 * Deletes run in chunks of CHUNK keys, each in its own transaction, with
 * progress; cancelling stops between chunks (what was erased stays erased,
 * the rest is untouched).
 */
import { foldTerm } from '../brands/normalize';
import type { VeilleDb } from '../storage/db';
import type { MentionRow } from '../storage/schema';
import { CHUNK, type LongWork } from './transfer';

async function deleteKeys(db: VeilleDb, keys: readonly string[], work: LongWork): Promise<number> {
  let n = 0;
  for (let i = 0; i < keys.length; i += CHUNK) {
    if (work.signal?.aborted) break;
    const chunk = keys.slice(i, i + CHUNK);
    await db.transaction('rw', db.mentions, db.corrections, async () => {
      await db.mentions.bulkDelete(chunk);
      await db.corrections.where('mentionKey').anyOf(chunk).delete();
    });
    n += chunk.length;
    work.onProgress?.(n, keys.length);
  }
  return n;
}

export async function eraseMention(db: VeilleDb, key: string): Promise<number> {
  return deleteKeys(db, (await db.mentions.get(key)) ? [key] : [], {});
}

/** An author's identity as the CM types it: "@lea", "lea", "Léa Martin" (case, accents and a leading @ ignored). */
export function sameAuthor(m: Pick<MentionRow, 'author' | 'handle'>, who: string): boolean {
  const w = foldTerm(who).replace(/^@/u, '');
  if (w === '') return false;
  return (m.handle !== null && foldTerm(m.handle).replace(/^@/u, '') === w) || (m.author !== null && foldTerm(m.author) === w);
}

/** Every mention written by `who` (handle or display name). */
export async function eraseAuthor(db: VeilleDb, who: string, work: LongWork = {}): Promise<number> {
  const keys = (await db.mentions.filter((m) => sameAuthor(m, who)).primaryKeys()) as string[];
  return deleteKeys(db, keys, work);
}

/**
 * A brand's collected data: its mentions (a mention naming other brands too
 * only loses this brand) and its corrections.
 */
export async function eraseBrand(db: VeilleDb, brandId: string, work: LongWork = {}): Promise<number> {
  const rows = await db.mentions.where('brandIds').equals(brandId).toArray();
  const only = rows.filter((m) => m.brandIds.every((b) => b === brandId)).map((m) => m.key);
  const shared = rows.filter((m) => m.brandIds.some((b) => b !== brandId));
  const n = await deleteKeys(db, only, work);
  if (work.signal?.aborted) return n;
  await db.transaction('rw', db.mentions, db.corrections, async () => {
    for (const m of shared) await db.mentions.update(m.key, { brandIds: m.brandIds.filter((b) => b !== brandId) });
    await db.corrections.where('brandId').equals(brandId).delete();
  });
  return n + shared.length;
}

/** Every mention and correction. */
export async function eraseAll(db: VeilleDb, work: LongWork = {}): Promise<number> {
  const keys = (await db.mentions.toCollection().primaryKeys()) as string[];
  const n = await deleteKeys(db, keys, work);
  if (!work.signal?.aborted) await db.corrections.clear();
  return n;
}

/** Mentions last seen more than `days` days before `now` (the retention setting; 0 = keep everything). */
export async function applyRetention(db: VeilleDb, days: number, now = Date.now(), work: LongWork = {}): Promise<number> {
  if (!Number.isFinite(days) || days <= 0) return 0;
  const cutoff = now - days * 86_400_000;
  const keys = (await db.mentions.where('lastSeen').below(cutoff).primaryKeys()) as string[];
  return deleteKeys(db, keys, work);
}
