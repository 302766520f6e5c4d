/**
 * The dashboard's data shaping, as pure functions (unit-tested in
 * tests/unit/dashboard/): the filters (date range as local calendar days,
 * brand, site), the days of the range, and every figure the page shows,
 * computed with lib/kpi/formulas.ts on exactly the filtered rows.
 *
 * Map:
 *   hash  ⇄ Filters          parseFilters / filtersToHash (the page's state is in its URL)
 *   Filters → [start, end)   rangeOf (local midnights; `to` is inclusive)
 *   rows (read by the page with the firstSeen index on [start, end)) → filterRows → summarize
 */
import {
  authorKey,
  averageRatingBySite,
  brandHealth,
  localDay,
  netSentiment,
  openFollowUps,
  responseStats,
  sentimentCounts,
  sentimentShare,
  topBy,
  volumeByDay,
  type DayVolume,
  type KpiRow,
  type Ranked,
  type ResponseStats,
  type SentimentCounts,
  type SentimentShare,
} from '../kpi/formulas';
import type { CrisisRow } from '../storage/schema';

/** What the dashboard reads of a mention: the KPI fields and the brands (a MentionRow has them all). */
export type DashboardRow = KpiRow & { brandIds: readonly string[] };

export interface Filters {
  /** First local day shown, YYYY-MM-DD. */
  from: string;
  /** Last local day shown (inclusive), YYYY-MM-DD. */
  to: string;
  /** One brand id, or null for all brands. */
  brandId: string | null;
  /** One site id, or null for all sites. */
  site: string | null;
}

/** Days shown by default: the last 30, today included. */
export const DEFAULT_DAYS = 30;

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/u;

/** Local midnight of a YYYY-MM-DD day, ms; null when it is not a real date. */
export function dayStart(day: string): number | null {
  const m = DAY_RE.exec(day);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(y, mo - 1, d);
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) return null;
  return date.getTime();
}

/** The local day after `day`. */
export function nextDay(day: string): string {
  const start = dayStart(day);
  if (start === null) throw new Error(`not a day: ${day}`);
  const d = new Date(start);
  d.setHours(12); // noon: a DST change cannot skip or repeat a day
  d.setDate(d.getDate() + 1);
  return localDay(d.getTime());
}

/** The local day `n` days before `day`. */
export function daysBefore(day: string, n: number): string {
  const start = dayStart(day);
  if (start === null) throw new Error(`not a day: ${day}`);
  const d = new Date(start);
  d.setHours(12);
  d.setDate(d.getDate() - n);
  return localDay(d.getTime());
}

/** The default filters at `now`: the last DEFAULT_DAYS days (today included), all brands, all sites. */
export function defaultFilters(now = Date.now()): Filters {
  const to = localDay(now);
  return { from: daysBefore(to, DEFAULT_DAYS - 1), to, brandId: null, site: null };
}

/** [start, end) in ms for the filters' days (local time), or null when a day is invalid or from > to. */
export function rangeOf(f: Pick<Filters, 'from' | 'to'>): { start: number; end: number } | null {
  const start = dayStart(f.from);
  const last = dayStart(f.to);
  if (start === null || last === null || start > last) return null;
  return { start, end: dayStart(nextDay(f.to))! };
}

/** Every local day from `from` to `to`, both included (empty when from > to). At most 3,700 days (ten years). */
export function daysOf(from: string, to: string): string[] {
  const out: string[] = [];
  if (dayStart(from) === null || dayStart(to) === null || from > to) return out;
  for (let d = from; d <= to && out.length < 3700; d = nextDay(d)) out.push(d);
  return out;
}

/** Filters from the page's hash (`#from=…&to=…&brand=…&site=…`); missing or invalid parts take the defaults. */
export function parseFilters(hash: string, now = Date.now()): Filters {
  const f = defaultFilters(now);
  const p = new URLSearchParams(hash.replace(/^#/u, ''));
  const from = p.get('from');
  const to = p.get('to');
  if (from !== null && dayStart(from) !== null) f.from = from;
  if (to !== null && dayStart(to) !== null) f.to = to;
  const brand = p.get('brand');
  if (brand) f.brandId = brand;
  const site = p.get('site');
  if (site) f.site = site;
  return f;
}

export function filtersToHash(f: Filters): string {
  const p = new URLSearchParams({ from: f.from, to: f.to });
  if (f.brandId !== null) p.set('brand', f.brandId);
  if (f.site !== null) p.set('site', f.site);
  return '#' + p.toString();
}

/** The rows of one brand (any brand when null) and one site (any when null). */
export function filterRows<R extends DashboardRow>(rows: readonly R[], f: Pick<Filters, 'brandId' | 'site'>): R[] {
  if (f.brandId === null && f.site === null) return rows.slice();
  return rows.filter((r) => (f.brandId === null || r.brandIds.includes(f.brandId)) && (f.site === null || r.site === f.site));
}

/** Mentions first seen each day of [from, to], by sentiment, every day included (zeros on empty days). */
export function volumeSeries(rows: readonly KpiRow[], from: string, to: string): DayVolume[] {
  const byDay = new Map(volumeByDay(rows).map((v) => [v.day, v]));
  return daysOf(from, to).map((day) => byDay.get(day) ?? { day, positive: 0, neutral: 0, negative: 0, total: 0 });
}

export interface SiteRating {
  site: string;
  mean: number;
  count: number;
}

export interface DashboardData {
  counts: SentimentCounts;
  share: SentimentShare;
  net: number | null;
  health: number | null;
  days: DayVolume[];
  /** Sites with rated mentions, by site id. */
  ratings: SiteRating[];
  response: ResponseStats;
  topSites: Ranked[];
  topAuthors: Ranked[];
  openFollowUps: number;
  /** Crisis level changes in the range (of the brand when one is chosen), oldest first. */
  crisis: CrisisRow[];
}

/** Every figure of the dashboard, from the rows of the range (already limited to [start, end) by the caller or not). */
export function summarize(rows: readonly DashboardRow[], crisis: readonly CrisisRow[], f: Filters, topLimit = 10): DashboardData {
  const range = rangeOf(f);
  const inRange = range ? rows.filter((r) => r.firstSeen >= range.start && r.firstSeen < range.end) : [];
  const picked = filterRows(inRange, f);
  const counts = sentimentCounts(picked);
  const ratings = Object.entries(averageRatingBySite(picked))
    .map(([site, s]) => ({ site, mean: s.mean, count: s.count }))
    .sort((a, b) => (a.site < b.site ? -1 : a.site > b.site ? 1 : 0));
  return {
    counts,
    share: sentimentShare(counts),
    net: netSentiment(counts),
    health: brandHealth(counts),
    days: range ? volumeSeries(picked, f.from, f.to) : [],
    ratings,
    response: responseStats(picked),
    topSites: topBy(picked, (r) => r.site, topLimit),
    topAuthors: topBy(picked, authorKey, topLimit),
    openFollowUps: openFollowUps(picked),
    crisis: crisisInRange(crisis, f),
  };
}

/** Crisis rows of the range (and brand), oldest first. */
export function crisisInRange(rows: readonly CrisisRow[], f: Filters): CrisisRow[] {
  const range = rangeOf(f);
  if (!range) return [];
  return rows
    .filter((c) => c.at >= range.start && c.at < range.end && (f.brandId === null || c.brandId === f.brandId))
    .sort((a, b) => a.at - b.at || (a.id ?? 0) - (b.id ?? 0));
}

/**
 * A duration as the page shows it: minutes under an hour, hours (one decimal)
 * under two days, days (one decimal) beyond. Units from Intl, in `lang`.
 */
export function formatDuration(ms: number, lang: string): string {
  const min = ms / 60_000;
  const [value, unit] = min < 60 ? [min, 'minute'] : min < 48 * 60 ? [min / 60, 'hour'] : [min / 1440, 'day'];
  return new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'long', maximumFractionDigits: unit === 'minute' ? 0 : 1 }).format(value);
}

/** A 0..1 share as a percentage with at most one decimal. */
export function formatPercent(x: number, lang: string): string {
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(x);
}

export function formatNumber(x: number, lang: string, digits = 2): string {
  return new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(x);
}
