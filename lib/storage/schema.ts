/**
 * Row types of the Veille database. Plain data: no Dexie import here, so
 * migrations and queries can be unit-tested on plain objects.
 */
import type { Intent } from '../intent/classify';
import type { ItemKind, SiteId } from '../sites/types';

export const STATUSES = ['new', 'follow_up', 'replied', 'done', 'ignored'] as const;
/** new → to follow up ("à suivre") → replied ("répondu") → done ("traité"); ignored ("ignoré") at any time. */
export type MentionStatus = (typeof STATUSES)[number];

export interface StoredSentiment {
  label: 'positive' | 'neutral' | 'negative';
  /** -1..1 */
  score: number;
  /** 0..1 */
  confidence: number;
  /** Words, emojis or rating that decided the label. */
  evidence: string[];
  /** Set when the CM corrected the label (the scorer's label was `from`); a corrected label is never re-scored. */
  corrected?: { from: 'positive' | 'neutral' | 'negative'; at: number };
}

export interface MentionRow {
  /** Primary key: `${site}:${itemId}`. The dedup key across tabs, reloads and restarts. */
  key: string;
  site: SiteId;
  /** The site's own id for the item (status id, thingid, review id...). */
  itemId: string;
  kind: ItemKind;
  /** Plain text, at most MAX_TEXT characters (see `truncated`). Never rendered as HTML. */
  text: string;
  /** True when the page text was longer than MAX_TEXT and was cut. */
  truncated: boolean;
  /** Length of the text as it was on the page. */
  originalLength: number;
  author: string | null;
  handle: string | null;
  permalink: string | null;
  /** ISO time from the page, when it has one. */
  timestamp: string | null;
  rating: number | null;
  lang: 'fr' | 'en' | 'other';
  sentiment: StoredSentiment;
  /** complaint / question / request / praise (several may hold), or ['other']. */
  intents: Intent[];
  /** Brands named (multi-entry index). */
  brandIds: string[];
  /** Brand terms matched, for display ("@AcmeFrance", "Acme"). */
  terms: string[];
  /** True when every brand named is a competitor. */
  competitor: boolean;
  status: MentionStatus;
  /** Normalised URLs of the pages where the item was seen (multi-entry index; the popup's "this page" query). */
  pageUrls: string[];
  /** ms since epoch. */
  firstSeen: number;
  lastSeen: number;
  statusChangedAt: number;
  /** When the CM marked it replied (feeds time-to-reply). */
  repliedAt: number | null;
  /** Follow-up (schema v4): when it is due (ms; a reminder fires then), a free note, a priority, tags. */
  dueAt?: number | null;
  note?: string;
  priority?: Priority;
  tags?: string[];
  /** Set once the due reminder was shown, so it is not shown again. */
  remindedAt?: number | null;
}

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const MAX_NOTE = 2000;
export const MAX_TAGS = 20;

/** A crisis level change of one brand (schema v4), kept for the dashboard's timeline. */
export interface CrisisRow {
  id?: number;
  brandId: string;
  /** ms since epoch. */
  at: number;
  from: 'none' | 'minime' | 'moderee' | 'severe';
  to: 'none' | 'minime' | 'moderee' | 'severe';
  negatives: number;
  total: number;
  baselineMean: number;
  z: number;
}

/** Longest text kept for one item; longer page text is cut and flagged. */
export const MAX_TEXT = 10_000;
/** At most this many page URLs are remembered per mention (oldest dropped). */
export const MAX_PAGE_URLS = 20;

/**
 * The form of a page URL used to find "the mentions of this page": no hash,
 * no tracking parameters, no trailing slash. Query strings that identify
 * content (YouTube's ?v=) are kept.
 */
export function pageKey(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    for (const p of [...u.searchParams.keys()]) {
      if (/^(utm_|fbclid$|gclid$|ref$|ref_src$|s$|t$|si$|lc$)/u.test(p)) u.searchParams.delete(p);
    }
    let s = u.href;
    if (s.endsWith('/') && u.pathname !== '/') s = s.slice(0, -1);
    return s;
  } catch {
    return url;
  }
}
