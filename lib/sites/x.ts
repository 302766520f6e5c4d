/**
 * X (Twitter) adapter. Selectors: sites.md §1 (CPFT 2026-08, tweetyoink 2025-11),
 * checked against the real saved pages in tests/fixtures/real/x/.
 *
 *   article[data-testid="tweet"]
 *     ├─ [data-testid="User-Name"]   display name (first span) · @handle link · a[href*="/status/"] > time
 *     ├─ [data-testid="tweetText"]   text (emoji are <img alt>)
 *     ├─ quoted post (optional)      its own User-Name / time / tweetText, no status link: ignored
 *     └─ [role="group"]              action bar: [data-testid="reply"] ...
 *
 * One article = one item. Kind is 'post', except on a status page
 * (/<user>/status/<id>) where every article other than the focal status is
 * 'reply' (the conversation around it: replies, and the parents of a reply).
 */
import type { AdapterContext, ExtractedItem, SiteAdapter } from './types';
import { absoluteUrl, isoDate, readText } from './dom';

const TWEET = 'article[data-testid="tweet"]';
const USER_NAME = '[data-testid="User-Name"]';
/** Permalink path: /<screen name, 1..15 word chars>/status/<numeric id>. */
const STATUS_PATH = /^\/(\w{1,15})\/status\/(\d+)/u;

const HOSTS = new Set(['x.com', 'twitter.com', 'mobile.x.com']);
/** Routes with no public posts, or private ones (direct messages): the adapter stays off there. */
const EXCLUDED_PATH = /^\/(?:messages|settings|login|logout|signup|compose|i\/(?:chat|flow|oauth2))(?:\/|$)/u;

/**
 * Roots of quoted posts inside `article`. X renders a quote as a nested block
 * with its own User-Name, time and tweetText (and no status link around its
 * time: sites.md §1 pitfalls, fixtures x-tweet-quote*.html). Found
 * structurally: for each User-Name after the first, the largest ancestor that
 * holds no part of the outer post (ownsOuterPart). Works whatever wrapper X
 * uses (today a `div[role="link"]`).
 */
function quotedRoots(article: Element): Element[] {
  const names = [...article.querySelectorAll(USER_NAME)];
  const outer = names[0];
  if (!outer) return [];
  const roots: Element[] = [];
  for (const name of names.slice(1)) {
    let root: Element = name;
    while (root.parentElement && root.parentElement !== article && !ownsOuterPart(root.parentElement, root, name, outer)) {
      root = root.parentElement;
    }
    roots.push(root);
  }
  return roots;
}

/**
 * Whether `parent` (an ancestor of a quoted post's User-Name `name`, one level
 * above `root`) also holds part of the outer post: its User-Name, a time inside
 * a status link (quoted posts' times have none), or a tweetText placed before
 * the quote. On a status page the focal post's text, quote, time and action
 * bar share one container that is a sibling of its header (brocc _x-thread.html).
 */
function ownsOuterPart(parent: Element, root: Element, name: Element, outer: Element): boolean {
  if (parent.contains(outer)) return true;
  for (const t of parent.querySelectorAll('a[href*="/status/"] time')) if (!root.contains(t)) return true;
  for (const t of parent.querySelectorAll('[data-testid="tweetText"]')) {
    if (!root.contains(t) && t.compareDocumentPosition(name) & 4 /* FOLLOWING */) return true;
  }
  return false;
}

/** First element matching `selector` in `article` that is not inside a quoted post. */
function firstOuter(article: Element, selector: string, quoted: Element[]): Element | null {
  for (const el of article.querySelectorAll(selector)) {
    if (!quoted.some((q) => q.contains(el))) return el;
  }
  return null;
}

/** The focal status id when the page is a status page (/<user>/status/<id>[/...]). */
function pageStatusId(url: URL): string | null {
  return STATUS_PATH.exec(url.pathname)?.[2] ?? null;
}

export const x = {
  id: 'x',
  label: 'X (Twitter)',
  matches: ['*://x.com/*', '*://twitter.com/*', '*://mobile.x.com/*'],

  isSupportedPage(url: URL): boolean {
    return HOSTS.has(url.hostname) && !EXCLUDED_PATH.test(url.pathname);
  },

  itemSelector: TWEET,
  // The tweet's text is in its article (tweetText, quoted tweet): see SiteAdapter.textWithinItem.
  textWithinItem: true,

  extractItem(el: Element, ctx: AdapterContext): ExtractedItem | null {
    const quoted = quotedRoots(el);
    const userName = firstOuter(el, USER_NAME, quoted);
    if (!userName) return null;

    const time = firstOuter(el, 'time[datetime]', quoted);
    // The status link wraps the post's own time (sites.md §1). Quoted posts have none.
    const statusHref = absoluteUrl(time?.closest('a[href*="/status/"]')?.getAttribute('href'), ctx.url);
    const statusPath = statusHref ? STATUS_PATH.exec(new URL(statusHref).pathname) : null;

    // No status link around a time: not a post we can key (promoted posts show
    // "Ad" instead of a date; deleted or withheld placeholders have none either).
    if (!statusPath) return null;
    // Promoted posts: sites.md §1 names [data-testid="placementTracking"], but
    // organic video posts contain one too (3 of the 8 real posts in
    // fixtures/real/x/xingest-jason.html wrap their videoPlayer in it), so only
    // an ancestor counts, as in one 2025-26 X extension (search index id
    // 69440797674, `el.closest(...)`). No real promoted post was available to check.
    if (el.closest('[data-testid="placementTracking"]')) return null;

    const [, screenName, statusId] = statusPath;
    if (!screenName || !statusId) return null;

    // Display name: first span of User-Name (sites.md §1); readText keeps emoji alts.
    const author = readText(userName.querySelector('span')) || null;
    // Handle: the profile link in User-Name ("/TestUser123"); the status path as fallback.
    const profileHref = userName.querySelector('a[href^="/"]:not([href*="/status/"])')?.getAttribute('href');
    const profile = profileHref ? /^\/(\w{1,15})\/?$/u.exec(profileHref)?.[1] : undefined;
    const handle = '@' + (profile ?? screenName);

    // Media-only posts have no tweetText: text ''. X wraps each @mention of the
    // text in a div (real: xingest-jason.html), so block boundaries add no space.
    const text = readText(firstOuter(el, '[data-testid="tweetText"]', quoted), { inlineBlocks: true });
    const focal = pageStatusId(ctx.url);

    return {
      site: 'x',
      id: statusId,
      kind: focal && focal !== statusId ? 'reply' : 'post',
      text,
      author,
      handle,
      permalink: absoluteUrl(`/${screenName}/status/${statusId}`, ctx.url),
      timestamp: isoDate(time?.getAttribute('datetime')),
      rating: null,
    };
  },

  findReplyBox(el: Element): Element | null {
    // Timeline: the reply button opens the composer in a dialog. Status page:
    // the inline composer under the focal post (sites.md §1, "Reply box").
    return el.querySelector('[data-testid="reply"]') ?? el.ownerDocument.querySelector('[data-testid="tweetTextarea_0"]');
  },

  // Test URLs
  // Each must satisfy isSupportedPage; none of them may satisfy another site's
  // adapter (tests/unit/sites/x.test.ts). Not supported on purpose:
  // https://x.com/messages (direct messages), https://x.com/settings/account.
  testUrls: [
    'https://x.com/AcmeFrance/status/1860000000000000001', // status page (demo/site/x.html)
    'https://x.com/home', // home timeline
    'https://x.com/search?q=acme&src=typed_query&f=live', // live search
    'https://x.com/jason', // profile (tests/fixtures/real/x/xingest-jason.html)
    'https://twitter.com/AcmeFrance/status/1860000000000000001',
    'https://mobile.x.com/AcmeFrance',
  ],
} satisfies SiteAdapter;
