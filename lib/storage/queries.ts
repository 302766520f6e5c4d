/**
 * Reads and writes used by the background handlers and the popup.
 * Sentiment is passed in (`score`) so storage does not depend on the NLP code.
 */
import type { ReportedItem, ReportResult } from '../messaging/protocol';
import type { CorrectionRow } from '../corrections/model';
import { MAX_CORRECTIONS_PER_BRAND, MAX_CORRECTION_TEXT } from '../corrections/model';
import { foldText } from '../brands/normalize';
import type { SentimentLabel } from '../sentiment/types';
import { parseGuide, type StyleGuide } from '../replies/guide';
import type { VeilleDb } from './db';
import { MAX_PAGE_URLS, type MentionRow, type MentionStatus, type StoredSentiment, pageKey } from './schema';

export type Scorer = (item: ReportedItem) => StoredSentiment & { lang: MentionRow['lang']; intents: MentionRow['intents'] };

export function mentionKey(site: string, itemId: string): string {
  return `${site}:${itemId}`;
}

function addPage(pages: string[], page: string): string[] {
  if (pages.includes(page)) return pages;
  const next = [...pages, page];
  return next.length > MAX_PAGE_URLS ? next.slice(next.length - MAX_PAGE_URLS) : next;
}

/**
 * Store reported items: one row per site id (same post seen twice, in two
 * tabs or after a reload stays one row; its pages and last-seen time grow).
 */
export async function recordItems(db: VeilleDb, items: readonly ReportedItem[], pageUrl: string, score: Scorer, now = Date.now()): Promise<ReportResult> {
  const page = pageKey(pageUrl);
  // Collapse duplicates inside one batch first (the last copy wins).
  const byKey = new Map<string, ReportedItem>();
  for (const item of items) byKey.set(mentionKey(item.site, item.id), item);
  const keys = [...byKey.keys()];
  // Score outside the transaction: an IndexedDB transaction must not wait on other work.
  const scores = new Map(keys.map((k) => [k, score(byKey.get(k)!)]));

  return db.transaction('rw', db.mentions, async () => {
    const existing = await db.mentions.bulkGet(keys);
    const rows: MentionRow[] = [];
    let added = 0;
    let updated = 0;
    keys.forEach((key, i) => {
      const item = byKey.get(key)!;
      const old = existing[i];
      const s = scores.get(key)!;
      const sentiment: StoredSentiment = { label: s.label, score: s.score, confidence: s.confidence, evidence: s.evidence };
      const brandIds = [...new Set(item.matches.map((m) => m.brandId))];
      const terms = [...new Set(item.matches.flatMap((m) => m.terms))];
      if (old) {
        updated++;
        // A label the CM corrected is kept even when the text grows.
        const textChanged = old.text !== item.text;
        const rescore = textChanged && old.sentiment.corrected === undefined;
        rows.push({
          ...old,
          // A longer read of the same item (e.g. after "show more") replaces the text and its score.
          ...(textChanged ? { text: item.text, truncated: item.truncated, originalLength: item.originalLength, lang: s.lang } : {}),
          ...(rescore ? { sentiment, intents: s.intents } : {}),
          author: item.author ?? old.author,
          handle: item.handle ?? old.handle,
          permalink: item.permalink ?? old.permalink,
          // The first time read is kept: a relative one ("3 min", later "2 h", then "il y a 2 semaines") is most
          // precise when the item is new, and an absolute one does not change.
          timestamp: old.timestamp ?? item.timestamp,
          rating: item.rating ?? old.rating,
          brandIds: [...new Set([...old.brandIds, ...brandIds])],
          terms: [...new Set([...old.terms, ...terms])],
          pageUrls: addPage(old.pageUrls, page),
          lastSeen: now,
        });
      } else {
        added++;
        rows.push({
          key,
          site: item.site,
          itemId: item.id,
          kind: item.kind,
          text: item.text,
          truncated: item.truncated,
          originalLength: item.originalLength,
          author: item.author,
          handle: item.handle,
          permalink: item.permalink,
          timestamp: item.timestamp,
          rating: item.rating,
          lang: s.lang,
          sentiment,
          intents: s.intents,
          brandIds,
          terms,
          competitor: item.matches.every((m) => m.competitor),
          status: 'new',
          pageUrls: [page],
          firstSeen: now,
          lastSeen: now,
          statusChangedAt: now,
          repliedAt: null,
        });
      }
    });
    await db.mentions.bulkPut(rows);
    return { added, updated };
  });
}

/** Change a mention's status; records when it was replied. Throws when the key is unknown. */
export async function setStatus(db: VeilleDb, key: string, status: MentionStatus, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.mentions, async () => {
    const row = await db.mentions.get(key);
    if (!row) throw new Error(`Unknown mention: ${key}`);
    await db.mentions.update(key, {
      status,
      statusChangedAt: now,
      repliedAt: status === 'replied' ? now : row.repliedAt,
    });
  });
}


/** Mentions seen on one page, newest first. */
export async function mentionsOnPage(db: VeilleDb, url: string): Promise<MentionRow[]> {
  const rows = await db.mentions.where('pageUrls').equals(pageKey(url)).toArray();
  return rows.sort((a, b) => b.firstSeen - a.firstSeen);
}


/**
 * The CM corrects a mention's sentiment: the mention takes the label (marked
 * corrected), and one correction row per brand it names is stored for the
 * brands' correction models. Returns the brands whose model changed. Throws
 * when the key is unknown. Correcting back to the scorer's own label removes
 * the mark and the correction rows.
 */
export async function correctSentiment(db: VeilleDb, key: string, label: SentimentLabel, now = Date.now()): Promise<string[]> {
  return db.transaction('rw', db.mentions, db.corrections, async () => {
    const row = await db.mentions.get(key);
    if (!row) throw new Error(`Unknown mention: ${key}`);
    const predicted = row.sentiment.corrected?.from ?? row.sentiment.label;
    await db.corrections.where('mentionKey').equals(key).delete();
    if (label === predicted) {
      const { corrected: _dropped, ...rest } = row.sentiment;
      await db.mentions.update(key, { sentiment: { ...rest, label } });
      return row.brandIds;
    }
    await db.mentions.update(key, { sentiment: { ...row.sentiment, label, corrected: { from: predicted, at: now } } });
    const text = foldText(row.text.slice(0, MAX_CORRECTION_TEXT));
    const evidence = row.sentiment.evidence.filter((e) => !e.startsWith('✎'));
    await db.corrections.bulkAdd(
      row.brandIds.map((brandId): CorrectionRow => ({ brandId, mentionKey: key, text, predicted, evidence, label, at: now })),
    );
    return row.brandIds;
  });
}

/** A brand's newest corrections (at most MAX_CORRECTIONS_PER_BRAND). */
export function correctionsOf(db: VeilleDb, brandId: string): Promise<CorrectionRow[]> {
  return db.corrections.where('brandId').equals(brandId).reverse().sortBy('at').then((rows) => rows.slice(0, MAX_CORRECTIONS_PER_BRAND));
}

/** A brand's style guide, or null when it has none. Parsed again on the way out: storage is not trusted blindly. */
export async function guideOf(db: VeilleDb, brandId: string): Promise<StyleGuide | null> {
  const g = await db.guides.get(brandId);
  return g ? parseGuide(g) : null;
}

/** Store (replace) a brand's guide; it must be valid (parseGuide throws a GuideError naming the field otherwise). */
export async function saveGuide(db: VeilleDb, guide: unknown): Promise<StyleGuide> {
  const g = parseGuide(guide);
  await db.guides.put(g);
  return g;
}
