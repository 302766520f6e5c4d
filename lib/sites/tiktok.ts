/**
 * TikTok video pages (`/@<user>/video/<id>`): the caption and the comments.
 *
 * Hooks are TikTok's `data-e2e` attributes; classes are emotion-generated
 * (`tiktok-16r0vzi-DivCommentItemContainer`) and only their suffix is stable
 * (sites.md §0.3, §8). Checked against a real page saved in 2022-08
 * (tests/fixtures/real/tiktok/, French).
 *
 *   [data-e2e="browse-video-desc"]                         caption ('post'; id = video id from the URL)
 *   [data-e2e="browse-username"] / [data-e2e="browser-nickname"]   its author (outside the caption)
 *   div[class*="DivCommentItemContainer"]                  one top-level comment and its replies
 *     div#<comment id>[class*="DivCommentContentContainer"]
 *       a[href="/@handle"] > [data-e2e="comment-username-1"]     display name; handle from the href
 *       [data-e2e="comment-level-1"]                             text ('comment')
 *       [data-e2e="comment-time-1"]                              "6d ago": relative, read when the id has no time
 *     div[class*="DivReplyContainer"]                           replies once expanded: same shape, "-2" hooks ('reply')
 *
 * The item element is the text element itself (`comment-level-N`), not a wrapper:
 * the wrapper classes differ between TikTok layouts (DivCommentItemContainer,
 * DivCommentObjectWrapper, DivCommentItemWrapper...) and replies sit inside
 * their parent's wrapper. The comment's own subtree is the largest ancestor
 * that holds no other comment text; author and id are read there.
 *
 * Id: the numeric `id` of the comment's content container (TikTok's comment id,
 * present on the 2022 page); without it, a hash of video URL, handle and text.
 * Timestamp: TikTok video and comment ids carry their creation time in the top
 * 32 bits (unix seconds), so it comes from the id; for hashed ids, the visible
 * "6d ago" / "6 j" counted back from ctx.now (a "2-15" date stays null).
 * Permalink: none per comment in the DOM: the video URL without query or hash,
 * taken from the video view's copy-link box when it has one (shownVideo).
 */
import type { AdapterContext, ExtractedItem, SiteAdapter } from './types';
import { fallbackId, parseRelativeTime, readText } from './dom';

const TEXT = '[data-e2e="comment-level-1"], [data-e2e="comment-level-2"]';
const CAPTION = '[data-e2e="browse-video-desc"]';
const VIDEO_PATH = /^\/@([\w.-]+)\/video\/(\d{8,20})(?:\/|$)/u;
const HANDLE_HREF = /^\/@([\w.-]+)(?:[/?#]|$)/u;
const NUMERIC_ID = /^\d{15,20}$/u;
/** 2016-01-01 .. 2100-01-01: anything else is not a creation time. */
const MIN_S = 1451606400;
const MAX_S = 4102444800;

/** Creation time encoded in a TikTok id (video or comment): id >> 32 is unix seconds. */
export function tiktokIdTime(id: string): string | null {
  if (!NUMERIC_ID.test(id)) return null;
  const seconds = Number(BigInt(id) >> 32n);
  return seconds >= MIN_S && seconds < MAX_S ? new Date(seconds * 1000).toISOString() : null;
}

/**
 * The video on show: the one the video view's "copy link" box names
 * (`[data-e2e="browse-video-link"]`, a full https://www.tiktok.com/@user/video/<id> URL)
 * when there is one, else the page's address. Live they agree; a page saved after
 * the SPA moved to another video keeps the old address (or a stale `<head>`).
 */
function shownVideo(doc: Document, url: URL): URL {
  const text = readText(doc.querySelector('[data-e2e="browse-video-link"]'));
  if (!text) return url;
  try {
    const link = new URL(text);
    return link.hostname === url.hostname && VIDEO_PATH.test(link.pathname) ? link : url;
  } catch {
    return url;
  }
}

function videoUrl(url: URL): string {
  return url.origin + url.pathname;
}

function handleOf(link: Element | null | undefined): string | null {
  const m = HANDLE_HREF.exec(link?.getAttribute('href') ?? '');
  return m?.[1] ? '@' + m[1] : null;
}

function extractCaption(el: Element, ctx: AdapterContext): ExtractedItem | null {
  const video = shownVideo(el.ownerDocument, ctx.url);
  const m = VIDEO_PATH.exec(video.pathname);
  if (!m?.[2]) return null;
  const text = readText(el);
  if (!text) return null;
  const doc = el.ownerDocument;
  const username = readText(doc.querySelector('[data-e2e="browse-username"]'));
  // "Merveilleux123 · 6d ago": the nickname is the first text before the date span.
  const nicknameEl = doc.querySelector('[data-e2e="browser-nickname"]');
  const nickname = nicknameEl?.firstChild?.nodeType === 3 ? (nicknameEl.firstChild.nodeValue ?? '').trim() : '';
  const handle = '@' + (username.replace(/^@/u, '') || m[1]);
  return {
    site: 'tiktok',
    id: m[2],
    kind: 'post',
    text,
    author: nickname || username || null,
    handle,
    permalink: `${video.origin}/${handle}/video/${m[2]}`,
    timestamp: tiktokIdTime(m[2]),
    rating: null,
  };
}

function extractItem(el: Element, ctx: AdapterContext): ExtractedItem | null {
  if (el.matches(CAPTION)) return extractCaption(el, ctx);
  const level = el.getAttribute('data-e2e') === 'comment-level-2' ? 2 : 1;
  const text = readText(el);
  if (!text) return null;
  // The comment's own subtree: the largest ancestor holding no other comment text
  // (a parent's container also holds its replies' texts).
  let own: Element = el;
  while (own.parentElement && own.parentElement.querySelectorAll(TEXT).length === 1) own = own.parentElement;
  const nameEl = own.querySelector(`[data-e2e="comment-username-${level}"]`);
  const handle = handleOf(nameEl?.closest('a[href^="/@"]')) ?? handleOf(own.querySelector('a[href^="/@"]'));
  let domId: string | null = null;
  for (let p: Element | null = own === el ? null : el.parentElement; p && !domId; p = p === own ? null : p.parentElement) {
    if (NUMERIC_ID.test(p.id)) domId = p.id;
  }
  const permalink = videoUrl(shownVideo(el.ownerDocument, ctx.url));
  return {
    site: 'tiktok',
    id: domId ?? fallbackId([permalink, handle, text]),
    kind: level === 2 ? 'reply' : 'comment',
    text,
    author: readText(nameEl) || null,
    handle,
    permalink,
    // The id holds the time; without one, the visible "6d ago" (a "2-15" date is not read).
    timestamp:
      (domId ? tiktokIdTime(domId) : null) ??
      parseRelativeTime(readText(own.querySelector(`[data-e2e="comment-time-${level}"]`)), ctx.now ?? Date.now()),
    rating: null,
  };
}

export const tiktok = {
  id: 'tiktok',
  label: 'TikTok',
  // The whole site: TikTok is a single-page app (feed → video → profile).
  matches: ['*://www.tiktok.com/*'],
  isSupportedPage(url: URL): boolean {
    return url.hostname === 'www.tiktok.com' && VIDEO_PATH.test(url.pathname);
  },
  itemSelector: `${TEXT}, ${CAPTION}`,
  // The item's text is read inside the item element (SiteAdapter.textWithinItem; tests/unit/sites/text-within.test.ts).
  textWithinItem: true,
  extractItem,
  findReplyBox(el: Element): Element | null {
    // The comment box: a Draft.js editor in [data-e2e="comment-input"] (sites.md §8).
    // A comment's "Reply" ([data-e2e="comment-reply-N"], seen on the 2022 page;
    // unverified on today's) points it at that comment; the caption answers in it directly.
    const input = el.ownerDocument.querySelector('[data-e2e="comment-input"] .public-DraftEditor-content, [data-e2e="comment-input"] [contenteditable="true"]');
    if (el.matches(CAPTION)) return input;
    let own: Element = el;
    while (own.parentElement && own.parentElement.querySelectorAll(TEXT).length === 1) own = own.parentElement;
    return own.querySelector('[data-e2e^="comment-reply-"]') ?? input;
  },

  // Test URLs
  // Each must satisfy isSupportedPage; none may satisfy another site's adapter
  // (tests/unit/sites/tiktok.test.ts). Not supported on purpose: profile grids
  // (/@user: captions are truncated tiles, no comments), the For You feed (several
  // videos at once, no browse-video-desc), m.tiktok.com, /embed/.
  testUrls: [
    'https://www.tiktok.com/@merveilleux123/video/7135383664971582725', // tests/fixtures/real/tiktok
    'https://www.tiktok.com/@acme_cafe/video/7300000000000000001', // demo/site/tiktok.html
    'https://www.tiktok.com/@acme_cafe/video/7300000000000000001?is_from_webapp=1&sender_device=pc',
    'https://www.tiktok.com/@cafe.lover_69/video/7298765432109876543/',
  ],
} satisfies SiteAdapter;
