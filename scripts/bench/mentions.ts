/**
 * Stored mentions for the store / popup / dashboard part of `npm run bench`
 * (scripts/bench/store.ts): realistic MentionRow objects, as the worker
 * stores them, generated deterministically. Pure (no I/O, no browser): the
 * same function runs in Node (to compute the expected figures) and, bundled,
 * in the extension page that writes them (so both sides hold the same rows).
 *
 * Shape: `count` mentions first seen uniformly over the `spanDays` days
 * before `now` (100,000 over a year ≈ 274 a day, ~8,200 in the default
 * 30-day range); 11 sites (reviews carry a 1–5 rating); French and English
 * texts from the bench corpus naming the demo brand (or its competitor, ~15 %);
 * sentiment, intents, statuses (about 20 % replied, a reply 5 minutes to 3
 * days later), follow-up fields, 1–3 page URLs. The first `pageMentions` are
 * also seen on `pageUrl` (the popup's "This page").
 */
import type { CrisisRow, MentionRow, MentionStatus } from '../../lib/storage/schema';
import type { ItemKind, SiteId } from '../../lib/sites/types';
import { FEED_TERMS, generatePost, rng } from './corpus';

export interface MentionGenOptions {
  count: number;
  /** ms since epoch: the newest mention is just before it. */
  now: number;
  spanDays: number;
  seed?: number;
  /** A page (pageKey form) the first `pageMentions` mentions were seen on. */
  pageUrl?: string;
  pageMentions?: number;
}

const DAY = 86_400_000;
const SITES: Array<{ site: SiteId; kind: ItemKind; host: string; weight: number }> = [
  { site: 'x', kind: 'post', host: 'https://x.com', weight: 30 },
  { site: 'facebook', kind: 'comment', host: 'https://www.facebook.com', weight: 10 },
  { site: 'instagram', kind: 'comment', host: 'https://www.instagram.com', weight: 10 },
  { site: 'linkedin', kind: 'post', host: 'https://www.linkedin.com', weight: 5 },
  { site: 'reddit', kind: 'comment', host: 'https://www.reddit.com', weight: 10 },
  { site: 'youtube', kind: 'comment', host: 'https://www.youtube.com', weight: 8 },
  { site: 'tiktok', kind: 'comment', host: 'https://www.tiktok.com', weight: 7 },
  { site: 'google-maps', kind: 'review', host: 'https://www.google.com', weight: 8 },
  { site: 'trustpilot', kind: 'review', host: 'https://fr.trustpilot.com', weight: 5 },
  { site: 'tripadvisor', kind: 'review', host: 'https://www.tripadvisor.fr', weight: 4 },
  { site: 'amazon', kind: 'review', host: 'https://www.amazon.fr', weight: 3 },
];
const TOTAL_WEIGHT = SITES.reduce((a, s) => a + s.weight, 0);
const FIRST = ['Camille', 'Léa', 'Hugo', 'Chloé', 'Lucas', 'Inès', 'Jules', 'Zoé', 'Amir', 'Sofia', 'Noah', 'Emma', 'Liam', 'Olivia', 'Yanis', 'Maëlle'];
const LAST = ['Martin', 'Bernard', 'Dubois', 'Garcia', 'Nguyen', 'Smith', 'Johnson', 'Moreau', 'Laurent', 'Brown', 'Fontaine'];
const ZENITH_TERMS = ['Brûlerie Zénith', 'Zénith Coffee', '@BrulerieZenith'];

function pickSite(x: number) {
  let w = x * TOTAL_WEIGHT;
  for (const s of SITES) {
    if (w < s.weight) return s;
    w -= s.weight;
  }
  return SITES[SITES.length - 1]!;
}

/** The rows, oldest first. */
export function generateMentionRows(opts: MentionGenOptions): MentionRow[] {
  const r = rng(opts.seed ?? 2026);
  const rows: MentionRow[] = [];
  const span = opts.spanDays * DAY;
  for (let i = 0; i < opts.count; i++) {
    const s = pickSite(r());
    const competitor = r() < 0.15;
    const terms = competitor ? [ZENITH_TERMS[Math.floor(r() * ZENITH_TERMS.length)]!] : [FEED_TERMS[Math.floor(r() * FEED_TERMS.length)]!];
    const text = generatePost(r, { mentionRate: 1, terms });
    const first = FIRST[Math.floor(r() * FIRST.length)]!;
    const last = LAST[Math.floor(r() * LAST.length)]!;
    // Spread over the span, oldest first, jittered; never in the future.
    const firstSeen = Math.round(opts.now - span + ((i + r()) / opts.count) * span) - 1;
    const z = r();
    const label = z < 0.38 ? 'positive' : z < 0.7 ? 'neutral' : 'negative';
    const rating = s.kind === 'review' ? (label === 'positive' ? 4 + Math.round(r()) : label === 'negative' ? 1 + Math.round(r()) : 3) : null;
    const st = r();
    const status: MentionStatus = st < 0.45 ? 'new' : st < 0.6 ? 'follow_up' : st < 0.8 ? 'replied' : st < 0.93 ? 'done' : 'ignored';
    const repliedAt = status === 'replied' || (status === 'done' && r() < 0.5) ? firstSeen + Math.round(300_000 + r() * r() * 3 * DAY) : null;
    const itemId = `b${opts.seed ?? 2026}-${i}`;
    const permalink = `${s.host}/bench/${itemId}`;
    const pages = [permalink];
    if (r() < 0.3) pages.push(`${s.host}/bench/feed/${Math.floor(r() * 500)}`);
    if (opts.pageUrl && i < (opts.pageMentions ?? 0)) pages.push(opts.pageUrl);
    const fr = /[àâçéèêëîïôûùüÿœ’]/u.test(text) || r() < 0.4;
    rows.push({
      key: `${s.site}:${itemId}`,
      site: s.site,
      itemId,
      kind: s.kind,
      text,
      truncated: false,
      originalLength: text.length,
      author: `${first} ${last}`,
      handle: s.site === 'x' || s.site === 'instagram' || s.site === 'tiktok' ? `@${first.toLowerCase()}${last.toLowerCase()}${Math.floor(r() * 300)}`.normalize('NFD').replace(/\p{M}/gu, '') : null,
      permalink,
      timestamp: new Date(firstSeen - Math.round(r() * 3_600_000)).toISOString(),
      rating,
      lang: fr ? 'fr' : 'en',
      sentiment: {
        label,
        score: label === 'positive' ? 0.2 + r() * 0.8 : label === 'negative' ? -0.2 - r() * 0.8 : r() * 0.1 - 0.05,
        confidence: 0.5 + r() * 0.5,
        evidence: label === 'neutral' ? [] : label === 'positive' ? ['top', 'merci'] : ['déçu', 'never again'],
      },
      intents: label === 'negative' ? ['complaint'] : label === 'positive' ? ['praise'] : ['other'],
      brandIds: competitor ? ['zenith'] : ['acme'],
      terms,
      competitor,
      status,
      pageUrls: pages,
      firstSeen,
      lastSeen: firstSeen + Math.round(r() * DAY),
      statusChangedAt: repliedAt ?? firstSeen,
      repliedAt,
      dueAt: status === 'follow_up' ? firstSeen + 2 * DAY : null,
      note: status === 'follow_up' && r() < 0.3 ? 'Rappeler le client / call back' : '',
      priority: status === 'follow_up' ? (['low', 'normal', 'high', 'urgent'] as const)[Math.floor(r() * 4)]! : 'normal',
      tags: r() < 0.1 ? ['livraison'] : [],
      remindedAt: null,
    });
  }
  return rows;
}

/** A few crisis level changes in the last `spanDays` (for the dashboard's timeline). */
export function generateCrisisRows(now: number, spanDays: number, count = 12): CrisisRow[] {
  const r = rng(77);
  const levels = ['minime', 'moderee', 'severe'] as const;
  const out: CrisisRow[] = [];
  for (let i = 0; i < count; i++) {
    const at = Math.round(now - spanDays * DAY + ((i + r()) / count) * spanDays * DAY);
    const up = i % 2 === 0;
    const level = levels[Math.floor(r() * 3)]!;
    out.push({ brandId: r() < 0.8 ? 'acme' : 'zenith', at, from: up ? 'none' : level, to: up ? level : 'none', negatives: 5 + Math.floor(r() * 30), total: 20 + Math.floor(r() * 40), baselineMean: 2 + r() * 3, z: 2 + r() * 4 });
  }
  return out;
}
