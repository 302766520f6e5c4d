/**
 * Run-time checks of every message payload (valibot). A payload that does not
 * pass is refused with the reason, and nothing changes.
 *
 * Untrusted strings are bounded: ids and names are capped; an over-long text
 * is cut to MAX_TEXT with `truncated: true` instead of being refused, so a
 * 1 MB comment is kept (cut), never dropped.
 */
import * as v from 'valibot';
import { ITEM_KINDS, SITE_IDS } from '../sites/types';
import { MAX_TEXT, STATUSES } from '../storage/schema';

const shortText = (max: number) => v.pipe(v.string(), v.maxLength(max));
const nullableShort = (max: number) => v.nullable(shortText(max));

const httpUrl = v.nullable(
  v.pipe(
    v.string(),
    v.maxLength(2048),
    v.check((s) => /^https?:\/\//iu.test(s), 'permalink must be an http(s) URL'),
  ),
);

const brandMatch = v.object({
  brandId: shortText(64),
  competitor: v.boolean(),
  terms: v.pipe(v.array(shortText(200)), v.maxLength(50)),
});

export const reportedItemSchema = v.pipe(
  v.object({
    site: v.picklist(SITE_IDS),
    id: v.pipe(v.string(), v.minLength(1), v.maxLength(512)),
    kind: v.picklist(ITEM_KINDS),
    text: v.string(),
    author: nullableShort(300),
    handle: nullableShort(300),
    permalink: httpUrl,
    timestamp: v.nullable(v.pipe(v.string(), v.isoTimestamp())),
    rating: v.nullable(v.pipe(v.number(), v.minValue(0), v.maxValue(5))),
    matches: v.pipe(v.array(brandMatch), v.minLength(1), v.maxLength(50)),
    truncated: v.boolean(),
    originalLength: v.pipe(v.number(), v.integer(), v.minValue(0)),
  }),
  v.transform((item) => {
    if (item.text.length <= MAX_TEXT) return item;
    return { ...item, text: item.text.slice(0, MAX_TEXT), truncated: true, originalLength: Math.max(item.originalLength, item.text.length) };
  }),
);

export const reportItemsSchema = v.object({
  items: v.pipe(v.array(reportedItemSchema), v.minLength(1), v.maxLength(200)),
  pageUrl: v.optional(v.pipe(v.string(), v.maxLength(4096), v.url())),
});

/**
 * The page a report is filed under: the content script's own address when it
 * is on the sender's origin (a page can only change its address within its
 * origin, with history.pushState), else the sender's URL.
 */
export function reportPageUrl(senderUrl: string, claimed: string | undefined): string {
  if (!claimed) return senderUrl;
  try {
    return new URL(claimed).origin === new URL(senderUrl).origin ? claimed : senderUrl;
  } catch {
    return senderUrl;
  }
}

export const setMentionStatusSchema = v.object({
  key: shortText(600),
  status: v.picklist(STATUSES),
});

export const correctSentimentSchema = v.object({
  key: shortText(600),
  label: v.picklist(['positive', 'neutral', 'negative']),
});

export const scanTabSchema = v.object({ tabId: v.pipe(v.number(), v.integer(), v.minValue(0)) });

export const watchSiteSchema = v.object({
  url: v.pipe(
    v.string(),
    v.maxLength(4096),
    v.url(),
    v.check((s) => /^https?:\/\//iu.test(s), 'only http(s) pages can be watched'),
  ),
});

/** A draft for a site's reply box (popup → content script). */
export const insertReplySchema = v.object({
  site: v.picklist(SITE_IDS),
  itemId: v.pipe(v.string(), v.minLength(1), v.maxLength(600)),
  text: v.pipe(
    v.string(),
    v.maxLength(10_000),
    v.check((s) => s.trim() !== '', 'the draft is empty'),
  ),
});

/** Parse or throw an Error whose message names the first bad field. */
export function parseOrThrow<TSchema extends v.GenericSchema>(schema: TSchema, data: unknown, what: string): v.InferOutput<TSchema> {
  const result = v.safeParse(schema, data);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const path = issue?.path?.map((p) => String(p.key)).join('.') || '(root)';
  throw new Error(`Refused ${what}: ${path}: ${issue?.message ?? 'invalid'}`);
}

/** Minimal view of a message sender (runtime.MessageSender). */
export interface SenderLike {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
}

/** True when the message comes from one of our own extension pages (popup, options, dashboard). */
export function isExtensionPage(sender: SenderLike, extensionId: string, extensionOrigin: string): boolean {
  return sender.id === extensionId && typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
}

/** True when the message comes from our content script in a web page. */
export function isContentScript(sender: SenderLike, extensionId: string): boolean {
  return sender.id === extensionId && typeof sender.url === 'string' && /^https?:\/\//iu.test(sender.url) && sender.tab !== undefined;
}
