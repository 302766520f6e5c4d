/**
 * The dashboard's KPI formulas (DOMAIN.md "KPIs"), as pure functions over
 * stored mentions, so every number the dashboard shows can be checked against
 * the data:
 *
 *  - volume over time by sentiment (per local day);
 *  - sentiment share; net sentiment = (pos − neg) / (pos + neg) (Talkwalker);
 *    brand health = pos / (pos + neg) (SentiOne); both null without polar mentions;
 *  - average star rating per site (reviews only);
 *  - response rate = mentions replied / mentions that call for an answer (the
 *    brand's own mentions, not competitors', not ignored);
 *  - time to reply: repliedAt − firstSeen (when Veille first saw the mention;
 *    the page's publication time is often missing or relative), median and mean;
 *  - top sites and authors by volume; open follow-ups.
 *
 * Competitor mentions count in volume and sentiment (filtered by brand on the
 * dashboard), never in the response rate.
 */

import type { MentionRow } from '../storage/schema';

/** The fields the formulas read (a MentionRow has them all). */
export type KpiRow = Pick<
  MentionRow,
  'site' | 'sentiment' | 'rating' | 'status' | 'firstSeen' | 'repliedAt' | 'competitor' | 'author' | 'handle'
>;

export interface SentimentCounts {
  positive: number;
  neutral: number;
  negative: number;
  total: number;
}

export function sentimentCounts(rows: readonly KpiRow[]): SentimentCounts {
  const c: SentimentCounts = { positive: 0, neutral: 0, negative: 0, total: 0 };
  for (const r of rows) {
    c[r.sentiment.label]++;
    c.total++;
  }
  return c;
}

export interface SentimentShare {
  positive: number;
  neutral: number;
  negative: number;
}

/** Shares of the three labels (0 each without mentions). */
export function sentimentShare(c: SentimentCounts): SentimentShare {
  if (c.total === 0) return { positive: 0, neutral: 0, negative: 0 };
  return { positive: c.positive / c.total, neutral: c.neutral / c.total, negative: c.negative / c.total };
}

/** (pos − neg) / (pos + neg), −1..1; null without polar mentions. */
export function netSentiment(c: SentimentCounts): number | null {
  const polar = c.positive + c.negative;
  return polar === 0 ? null : (c.positive - c.negative) / polar;
}

/** pos / (pos + neg), 0..1; null without polar mentions. */
export function brandHealth(c: SentimentCounts): number | null {
  const polar = c.positive + c.negative;
  return polar === 0 ? null : c.positive / polar;
}

export interface DayVolume extends SentimentCounts {
  /** Local calendar day, YYYY-MM-DD. */
  day: string;
}

/** The local calendar day of a time (the CM's time zone, as the browser has it). */
export function localDay(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Mentions first seen each day, by sentiment, every day from the first to the last (empty days included). */
export function volumeByDay(rows: readonly KpiRow[]): DayVolume[] {
  if (rows.length === 0) return [];
  const byDay = new Map<string, DayVolume>();
  let min = Infinity;
  let max = -Infinity;
  for (const r of rows) {
    min = Math.min(min, r.firstSeen);
    max = Math.max(max, r.firstSeen);
    const day = localDay(r.firstSeen);
    let v = byDay.get(day);
    if (!v) byDay.set(day, (v = { day, positive: 0, neutral: 0, negative: 0, total: 0 }));
    v[r.sentiment.label]++;
    v.total++;
  }
  const out: DayVolume[] = [];
  const d = new Date(min);
  d.setHours(12, 0, 0, 0); // noon: immune to DST shifts when stepping by days
  const last = localDay(max);
  for (;;) {
    const day = localDay(d.getTime());
    out.push(byDay.get(day) ?? { day, positive: 0, neutral: 0, negative: 0, total: 0 });
    if (day === last) break;
    d.setDate(d.getDate() + 1);
  }
  return out;
}

export interface RatingStat {
  mean: number;
  count: number;
}

/** Mean star rating per site, over the mentions that have a rating. */
export function averageRatingBySite(rows: readonly KpiRow[]): Record<string, RatingStat> {
  const acc = new Map<string, { sum: number; count: number }>();
  for (const r of rows) {
    if (r.rating === null || !Number.isFinite(r.rating)) continue;
    const a = acc.get(r.site) ?? { sum: 0, count: 0 };
    a.sum += r.rating;
    a.count++;
    acc.set(r.site, a);
  }
  return Object.fromEntries([...acc].map(([site, a]) => [site, { mean: a.sum / a.count, count: a.count }]));
}

/** Mentions that call for an answer: the brand's own (not only competitors'), not ignored. */
export function callsForAnswer(r: KpiRow): boolean {
  return !r.competitor && r.status !== 'ignored';
}

export interface ResponseStats {
  eligible: number;
  replied: number;
  /** replied / eligible; null without eligible mentions. */
  rate: number | null;
  /** Median of repliedAt − firstSeen over the replied ones, ms; null when none. */
  medianMs: number | null;
  meanMs: number | null;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function responseStats(rows: readonly KpiRow[]): ResponseStats {
  let eligible = 0;
  const delays: number[] = [];
  for (const r of rows) {
    if (!callsForAnswer(r)) continue;
    eligible++;
    if (r.repliedAt !== null) delays.push(Math.max(0, r.repliedAt - r.firstSeen));
  }
  return {
    eligible,
    replied: delays.length,
    rate: eligible === 0 ? null : delays.length / eligible,
    medianMs: median(delays),
    meanMs: delays.length === 0 ? null : delays.reduce((a, b) => a + b, 0) / delays.length,
  };
}

export interface Ranked {
  key: string;
  count: number;
}

/** The `limit` most frequent keys (ties: alphabetical), nulls skipped. */
export function topBy(rows: readonly KpiRow[], key: (r: KpiRow) => string | null, limit = 10): Ranked[] {
  const counts = new Map<string, number>();
  for (const r of rows) {
    const k = key(r);
    if (k === null || k === '') continue;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts]
    .map(([k, count]) => ({ key: k, count }))
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, limit);
}

/** An author's identity across sites: the handle when there is one, else the display name. */
export function authorKey(r: KpiRow): string | null {
  return r.handle ?? r.author ?? null;
}

export function openFollowUps(rows: readonly KpiRow[]): number {
  let n = 0;
  for (const r of rows) if (r.status === 'follow_up') n++;
  return n;
}
