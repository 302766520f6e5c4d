/**
 * Follow-up: due dates (a reminder fires then), notes, priorities, tags, and
 * the queue's urgency order and filters (DOMAIN.md "Statuses"; issue 6).
 *
 * A follow-up with a due date in the future is "snoozed": it leaves the badge
 * count until it is due, then a reminder notification fires and it counts
 * again. Without a due date it counts at once.
 *
 * Urgency (higher first), documented so the CM can predict the order:
 *   crisis level of its brand (sévère 40, modérée 25, minime 10)
 *   + priority (urgent 30, high 15, normal 0, low −10)
 *   + negative sentiment 15 (or a 1–2 star rating)
 *   + complaint 10, question or request 5
 *   + overdue 20
 *   + age: 1 point per hour waited, at most 48
 */
import * as v from 'valibot';
import type { CrisisLevel } from '../crisis/detect';
import type { VeilleDb } from '../storage/db';
import { MAX_NOTE, MAX_TAGS, PRIORITIES, STATUSES, type MentionRow, type Priority } from '../storage/schema';

export const followUpSchema = v.object({
  key: v.pipe(v.string(), v.maxLength(600)),
  dueAt: v.nullable(v.pipe(v.number(), v.finite(), v.minValue(0))),
  note: v.pipe(v.string(), v.maxLength(MAX_NOTE)),
  priority: v.picklist(PRIORITIES),
  tags: v.pipe(v.array(v.pipe(v.string(), v.trim(), v.maxLength(60))), v.maxLength(MAX_TAGS)),
});
export type FollowUpUpdate = v.InferOutput<typeof followUpSchema>;

/** Set a mention's follow-up fields (it becomes "to follow up" when it was new). Throws on an unknown key. */
export async function setFollowUp(db: VeilleDb, u: FollowUpUpdate, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.mentions, async () => {
    const row = await db.mentions.get(u.key);
    if (!row) throw new Error(`Unknown mention: ${u.key}`);
    const tags = [...new Set(u.tags.filter((t) => t !== ''))];
    await db.mentions.update(u.key, {
      dueAt: u.dueAt,
      note: u.note,
      priority: u.priority,
      tags,
      // A new due date re-arms the reminder.
      remindedAt: u.dueAt !== (row.dueAt ?? null) ? null : (row.remindedAt ?? null),
      ...(row.status === 'new' ? { status: 'follow_up' as const, statusChangedAt: now } : {}),
    });
  });
}

/** Waiting now: to follow up, and not snoozed until a later due date. */
export function waitingNow(m: Pick<MentionRow, 'status' | 'dueAt'>, now: number): boolean {
  return m.status === 'follow_up' && (m.dueAt == null || m.dueAt <= now);
}

/** The badge: follow-ups waiting now. */
export function countWaiting(db: VeilleDb, now = Date.now()): Promise<number> {
  return db.mentions
    .where('status')
    .equals('follow_up')
    .filter((m) => waitingNow(m, now))
    .count();
}

/** Follow-ups whose due date has come and whose reminder has not been shown. */
export function dueForReminder(db: VeilleDb, now = Date.now()): Promise<MentionRow[]> {
  return db.mentions
    .where('dueAt')
    .belowOrEqual(now)
    .filter((m) => m.status === 'follow_up' && (m.remindedAt ?? null) === null)
    .toArray();
}

export async function markReminded(db: VeilleDb, keys: readonly string[], now = Date.now()): Promise<void> {
  await db.transaction('rw', db.mentions, async () => {
    for (const k of keys) await db.mentions.update(k, { remindedAt: now });
  });
}

/** The next due date still to remind (for the alarm), or null. */
export async function nextDue(db: VeilleDb, now = Date.now()): Promise<number | null> {
  const next = await db.mentions
    .where('dueAt')
    .above(now)
    .filter((m) => m.status === 'follow_up' && (m.remindedAt ?? null) === null)
    .first();
  return next?.dueAt ?? null;
}

const CRISIS_POINTS: Record<CrisisLevel, number> = { none: 0, minime: 10, moderee: 25, severe: 40 };
const PRIORITY_POINTS: Record<Priority, number> = { low: -10, normal: 0, high: 15, urgent: 30 };

/** The urgency of a mention in the queue (see the module comment). */
export function urgency(m: MentionRow, now: number, crisisOf: (brandId: string) => CrisisLevel = () => 'none'): number {
  let u = Math.max(0, ...m.brandIds.map((b) => CRISIS_POINTS[crisisOf(b)]));
  u += PRIORITY_POINTS[m.priority ?? 'normal'];
  if (m.sentiment.label === 'negative' || (m.rating !== null && m.rating <= 2)) u += 15;
  const intents = m.intents ?? [];
  if (intents.includes('complaint')) u += 10;
  else if (intents.includes('question') || intents.includes('request')) u += 5;
  if (m.dueAt != null && m.dueAt <= now) u += 20;
  u += Math.min(48, Math.max(0, (now - m.firstSeen) / 3_600_000));
  return u;
}

export interface QueueFilter {
  brandId?: string;
  site?: MentionRow['site'];
  sentiment?: MentionRow['sentiment']['label'];
  status?: MentionRow['status'];
  lang?: MentionRow['lang'];
  /** firstSeen range (ms, inclusive). */
  from?: number;
  to?: number;
}

export const QUEUE_STATUSES = STATUSES;

export function matchesFilter(m: MentionRow, f: QueueFilter): boolean {
  return (
    (!f.brandId || m.brandIds.includes(f.brandId)) &&
    (!f.site || m.site === f.site) &&
    (!f.sentiment || m.sentiment.label === f.sentiment) &&
    (!f.status || m.status === f.status) &&
    (!f.lang || m.lang === f.lang) &&
    (f.from === undefined || m.firstSeen >= f.from) &&
    (f.to === undefined || m.firstSeen <= f.to)
  );
}

/** The queue: mentions of the status (default: to follow up) matching the filter, most urgent first, at most `limit`. */
export async function queue(
  db: VeilleDb,
  f: QueueFilter = {},
  now = Date.now(),
  crisisOf: (brandId: string) => CrisisLevel = () => 'none',
  limit = 200,
): Promise<MentionRow[]> {
  const status = f.status ?? 'follow_up';
  const rows = await db.mentions.where('status').equals(status).filter((m) => matchesFilter(m, { ...f, status })).toArray();
  return rows
    .map((m) => ({ m, u: urgency(m, now, crisisOf) }))
    .sort((a, b) => b.u - a.u || a.m.firstSeen - b.m.firstSeen || (a.m.key < b.m.key ? -1 : 1))
    .slice(0, limit)
    .map((x) => x.m);
}

/** The latest crisis level of each brand (from the crisis table). */
export async function currentCrisis(db: VeilleDb): Promise<Map<string, CrisisLevel>> {
  const out = new Map<string, CrisisLevel>();
  const rows = await db.crisis.orderBy('at').toArray();
  for (const r of rows) out.set(r.brandId, r.to);
  return out;
}
