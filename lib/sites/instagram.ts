/**
 * Instagram adapter. Selectors: sites.md §3, checked against the real saved home
 * feed tests/fixtures/real/instagram/instagram-home.html (2025-04, anonymised).
 * Every class is atomic and changes (`x1lliihq`, `_ap3a`): only structure,
 * href patterns, `dir="auto"` and <time> are used.
 *
 * Feed post (`article`):
 *   header: a[href="/<user>/"] span[dir=auto] (username) · a[href="/p/<code>/"] > … > time[datetime]
 *   body:   … a[href="/<user>/"] (again) whose wrapper is followed by span[dir=auto] = the caption
 *           (cut at "… more" until expanded)
 * Comment (post page /p/<code>/): no root hook; anchored on its permalink
 *   a[href="/p/<code>/c/<comment id>/"] > time[datetime], climbing to the
 *   smallest block that also holds the commenter's a[href="/<user>/"]; the text
 *   is that block's span[dir=auto] outside any link or button. A comment inside
 *   another comment's list item is a 'reply'.
 * Instagram shows usernames, not display names, on posts and comments: author
 * is the username and handle "@username".
 */
import type { AdapterContext, ExtractedItem, SiteAdapter } from './types';
import { absoluteUrl, isoDate, readText } from './dom';

const POST = 'article';
const COMMENT_LINK = 'a[href*="/c/"]';
/** /p/<shortcode>/ or /reel/<shortcode>/ (optionally /<user>/p/<code>/). */
const POST_PATH = /^\/(?:[\w.]+\/)?(p|reel)\/([\w-]+)\/?$/u;
const COMMENT_PATH = /^\/(?:[\w.]+\/)?p\/([\w-]+)\/c\/(\d+)(?:\/r\/(\d+))?\/?$/u;
const PROFILE_PATH = /^\/([\w.]{1,30})\/?$/u;
/** Top-level routes that look like profiles. */
const NOT_PROFILES = new Set(['explore', 'reels', 'direct', 'accounts', 'stories', 'legal', 'about', 'developer', 'web', 'p', 'reel']);

const HOSTS = new Set(['www.instagram.com', 'instagram.com']);
const EXCLUDED_PATH = /^\/(?:direct|accounts|emails|challenge|session)(?:\/|$)/u;
const ORIGIN = 'https://www.instagram.com';

function profileOf(a: Element): string | null {
  const user = PROFILE_PATH.exec(a.getAttribute('href') ?? '')?.[1];
  return user && !NOT_PROFILES.has(user) ? user : null;
}

/** Profile links in `root`, in order. */
function profileLinks(root: Element): Element[] {
  return [...root.querySelectorAll('a[href^="/"]')].filter((a) => profileOf(a) !== null);
}

/** The caption of a post: the span[dir=auto] that follows the wrapper of the post author's second link. */
function captionOf(article: Element, user: string, header: Element): Element | null {
  for (const a of profileLinks(article)) {
    if (a === header || profileOf(a) !== user || header.contains(a) || a.contains(header)) continue;
    if (a.closest('li')) continue;
    for (let n: Element | null = a; n && n !== article; n = n.parentElement) {
      const next = n.nextElementSibling;
      if (next?.matches('span[dir="auto"]')) {
        // A comment block (it has a /c/ permalink) is not the caption.
        if (n.parentElement?.querySelector(COMMENT_LINK)) break;
        return next.querySelector('span[dir="auto"]') ?? next;
      }
    }
  }
  return null;
}

function extractPost(el: Element, ctx: AdapterContext): ExtractedItem | null {
  // Header: the first profile link that shows a username (the avatar link has only an image).
  const header = profileLinks(el).find((a) => readText(a) !== '') ?? null;
  const user = header ? profileOf(header) : null;
  const timeLink = [...el.querySelectorAll('a[href] time[datetime]')]
    .map((t) => t.closest('a'))
    .find((a) => a && POST_PATH.test(a.getAttribute('href') ?? ''));
  const m = timeLink ? POST_PATH.exec(timeLink.getAttribute('href')!) : null;
  // Sponsored posts and suggestion blocks have no dated permalink: not keyed, skipped.
  if (!m || !user || !header) return null;
  const [, type, code] = m;
  const caption = captionOf(el, user, header);
  return {
    site: 'instagram',
    id: code!,
    kind: 'post',
    text: readText(caption),
    author: user,
    handle: '@' + user,
    permalink: absoluteUrl(`${ORIGIN}/${type}/${code}/`, ctx.url),
    timestamp: isoDate(timeLink!.querySelector('time')?.getAttribute('datetime')),
    rating: null,
  };
}

/** The smallest ancestor of the comment permalink that also holds a profile link. */
function commentBlock(link: Element): Element | null {
  for (let n = link.parentElement; n && n.localName !== 'body'; n = n.parentElement) {
    if (profileLinks(n).some((a) => !a.contains(link))) return n;
    // Climbed to the post or page without meeting the commenter.
    if (n.matches('article, main, [role="dialog"]')) return null;
  }
  return null;
}

function extractComment(link: Element, ctx: AdapterContext): ExtractedItem | null {
  const m = COMMENT_PATH.exec(link.getAttribute('href') ?? '');
  if (!m || !link.querySelector('time')) return null; // the "Reply" link or a mention: not the permalink
  const [, code, parentId, replyId] = m;
  const block = commentBlock(link);
  if (!block) return null;
  const authorLink = profileLinks(block).find((a) => !a.contains(link)) ?? null;
  const user = authorLink ? profileOf(authorLink) : null;
  const textEl = [...block.querySelectorAll('span[dir="auto"]')].find(
    (s) => !s.closest('a, button, [role="button"], h1, h2, h3') && !s.parentElement?.closest('span[dir="auto"]') && readText(s) !== '',
  );
  const id = replyId ?? parentId!;
  // A reply's list item sits inside its parent comment's list item.
  const parentItem = block.closest('li')?.parentElement?.closest('li');
  const reply = Boolean(replyId) || Boolean(parentItem?.querySelector(COMMENT_LINK));
  return {
    site: 'instagram',
    id,
    kind: reply ? 'reply' : 'comment',
    text: readText(textEl),
    author: user,
    handle: user ? '@' + user : null,
    permalink: absoluteUrl(`${ORIGIN}/p/${code}/c/${id}/`, ctx.url),
    timestamp: isoDate(link.querySelector('time')?.getAttribute('datetime')),
    rating: null,
  };
}

export const instagram = {
  id: 'instagram',
  label: 'Instagram',
  matches: ['*://www.instagram.com/*', '*://instagram.com/*'],

  isSupportedPage(url: URL): boolean {
    return HOSTS.has(url.hostname) && !EXCLUDED_PATH.test(url.pathname);
  },

  itemSelector: `${POST}, ${COMMENT_LINK}`,

  extractItem(el: Element, ctx: AdapterContext): ExtractedItem | null {
    return el.localName === 'a' ? extractComment(el, ctx) : extractPost(el, ctx);
  },

  findReplyBox(el: Element): Element | null {
    // Comment (el is its permalink): its "Reply" button; post: the comment textarea.
    if (el.localName === 'a') {
      const block = commentBlock(el);
      const buttons = block ? [...block.querySelectorAll('button, [role="button"]')] : [];
      return buttons.find((b) => /^(?:reply|répondre)$/iu.test(readText(b))) ?? null;
    }
    return el.querySelector('textarea') ?? el.ownerDocument.querySelector('textarea[aria-label]');
  },

  // Test URLs: each must satisfy isSupportedPage, and no other adapter's.
  // Not supported on purpose: /direct/ (private messages), /accounts/ (settings).
  testUrls: [
    'https://www.instagram.com/p/DAcmeDemo01/', // post page (demo/site/instagram.html)
    'https://www.instagram.com/', // home feed (tests/fixtures/real/instagram/)
    'https://www.instagram.com/acmefrance/',
    'https://www.instagram.com/reel/DAcmeReel01/',
    'https://instagram.com/p/DAcmeDemo01/',
  ],
} satisfies SiteAdapter;
