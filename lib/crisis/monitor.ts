/**
 * Crisis monitoring over the stored mentions: the level of one brand now
 * (lib/crisis/detect.ts on its mentions of the last baseline + window), and
 * the change since the last stored level (a `crisis` row is added on each
 * change, for notifications and the dashboard's timeline).
 *
 * A mention's time is its publication time when the page gave one (and it is
 * not in the future), else when Veille first saw it: reading an old thread
 * today must not look like a storm today.
 */
import type { VeilleDb } from '../storage/db';
import type { CrisisRow, MentionRow } from '../storage/schema';
import { DEFAULT_CRISIS_CONFIG, assessCrisis, type CrisisConfig, type CrisisEvent, type CrisisLevel } from './detect';

export function eventTime(m: Pick<MentionRow, 'timestamp' | 'firstSeen'>, now: number): number {
  if (m.timestamp) {
    const t = Date.parse(m.timestamp);
    if (Number.isFinite(t) && t <= now) return t;
  }
  return m.firstSeen;
}

/** The brand's events in the span the detector reads. */
export async function brandEvents(db: VeilleDb, brandId: string, now: number, config: CrisisConfig = DEFAULT_CRISIS_CONFIG): Promise<CrisisEvent[]> {
  const since = now - (config.baselineDays + 1) * config.windowHours * 3_600_000;
  const rows = await db.mentions.where('brandIds').equals(brandId).filter((m) => m.lastSeen >= since).toArray();
  return rows.map((m) => ({ at: eventTime(m, now), negative: m.sentiment.label === 'negative' })).filter((e) => e.at > since);
}

/** The last stored level of a brand ('none' when there is none). */
export async function lastLevel(db: VeilleDb, brandId: string): Promise<CrisisLevel> {
  const last = await db.crisis.where('[brandId+at]').between([brandId, -Infinity], [brandId, Infinity]).last();
  return last?.to ?? 'none';
}

/** Assess a brand now; store and return the change when its level changed, else null. */
export async function checkBrand(db: VeilleDb, brandId: string, now = Date.now(), config: CrisisConfig = DEFAULT_CRISIS_CONFIG): Promise<CrisisRow | null> {
  const a = assessCrisis(await brandEvents(db, brandId, now, config), now, config);
  const before = await lastLevel(db, brandId);
  if (a.level === before) return null;
  const row: CrisisRow = { brandId, at: now, from: before, to: a.level, negatives: a.negatives, total: a.total, baselineMean: a.baselineMean, z: a.z };
  row.id = await db.crisis.add(row);
  return row;
}

const ORDER: readonly CrisisLevel[] = ['none', 'minime', 'moderee', 'severe'];

/** Whether a change raises the level (those are notified; a calming down is only recorded). */
export function isEscalation(r: Pick<CrisisRow, 'from' | 'to'>): boolean {
  return ORDER.indexOf(r.to) > ORDER.indexOf(r.from);
}
