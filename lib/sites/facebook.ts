/**
 * Facebook adapter. Selectors: sites.md §2 (facebook-clean-my-feeds 2026-07,
 * comment scrapers 2024–26). No real saved page was found (fixtures README), so
 * this is checked only against the hand-written demo/site/facebook.html; treat
 * every hook here as needing a check on the live site.
 *
 * Classes are atomic (`x1lliihq…`) and change: only roles, aria-labels,
 * `dir="auto"`, `data-ad-preview` and href patterns are used.
 *   post     div[role=article] / [aria-posinset] / [data-pagelet*="FeedUnit_"] (a wrapper
 *            yields to the role=article inside it; an article inside another post,
 *            a shared post, is part of it)
 *            author h2/h3/h4 link, text [data-ad-preview="message"] or the first own div[dir=auto],
 *            permalink a[href*="/posts/"], /permalink/, permalink.php?story_fbid=, /videos/
 *   comment  div[role=article][aria-label^="Comment by NAME …"] ("Commentaire de" in French),
 *            replies "Reply by" / "Réponse de"; permalink = the time link a[href*="comment_id="]
 * Times are relative only ("2 d", "3 h"; the absolute one is a hover tooltip): parseRelativeTime
 * counts them back from ctx.now (English, French, and 23 other languages from ICU).
 * Handle: the "@username" of the author's profile or Page link (facebook.com/McKinsey,
 * facebook.com/xu.yuan.18007: Facebook shows Pages as "@McKinsey"); null for
 * profile.php?id= and /people/ links, which have none.
 * Checked on one real page (a Page's public feed seen logged out, 2023-01, kept out
 * of the repository: no licence): its post and a comment, every field.
 * Anything under [role=dialog] / [role=banner] / [role=navigation] is skipped:
 * account and security dialogs render role=article too (sites.md §2).
 */
import type { AdapterContext, ExtractedItem, ItemKind, SiteAdapter } from './types';
import { absoluteUrl, collapse, fallbackId, parseRelativeTime, readText } from './dom';

const ARTICLE = 'div[role="article"]';
const POST_LIKE = `${ARTICLE}, [aria-posinset], [data-pagelet*="FeedUnit_"]`;
const CHROME = '[role="dialog"], [role="banner"], [role="navigation"]';

/** aria-label prefixes of comments and replies (English, French). */
const COMMENT_LABEL = /^(Comment by|Commentaire de|Reply by|Réponse de)\s+(.+)$/u;
/** A relative time at the end of a label: "2 days ago", "il y a 3 jours", "a day ago", "Just now". */
const TRAILING_TIME = /\s+(?:(?:an?|\d+)\s+\S+\s+ago|il y a\s+.+|just now|à l[’']instant|yesterday|hier)$/iu;

const HOSTS = new Set(['www.facebook.com', 'web.facebook.com', 'm.facebook.com', 'facebook.com']);
const EXCLUDED_PATH = /^\/(?:messages|settings|login|checkpoint|recover|privacy|help|ads\/manager|business|notifications|bookmarks|friends\/requests)(?:\/|\.php|$)/u;

function commentLabel(el: Element): RegExpExecArray | null {
  return el.matches(ARTICLE) ? COMMENT_LABEL.exec(collapse(el.getAttribute('aria-label') ?? '')) : null;
}

const isComment = (el: Element): boolean => commentLabel(el) !== null;

/** First element matching `selector` in `root` that is not inside a nested article (a comment or shared post). */
function own(root: Element, selector: string): Element | null {
  for (const m of root.querySelectorAll(selector)) {
    const inner = m.closest(ARTICLE);
    if (!inner || inner === root || !root.contains(inner)) return m;
  }
  return null;
}

/** Every element matching `selector` in `root` that is not inside a nested article. */
function ownAll(root: Element, selector: string): Element[] {
  return [...root.querySelectorAll(selector)].filter((m) => {
    const inner = m.closest(ARTICLE);
    return !inner || inner === root || !root.contains(inner);
  });
}

/** A Facebook username: letters, digits and dots, at least 5 (Facebook's rule). */
const USERNAME = /^\/([A-Za-z0-9.]{5,50})\/?$/u;
/** First path segments that are Facebook's own pages, not usernames. */
const NOT_USERNAME = /^(?:profile\.php|groups|pages|people|watch|events|photo(?:\.php)?|photos|videos|stories|hashtag|reel|marketplace|gaming|friends|story\.php|permalink\.php|login|help|settings|messages|notifications|bookmarks|search)$/iu;

/** "@username" from a profile or Page link, or null (profile.php?id=, /people/…, other hosts). */
export function facebookHandle(href: string | null | undefined, base: URL): string | null {
  const abs = absoluteUrl(href, base);
  if (!abs) return null;
  const u = new URL(abs);
  if (!HOSTS.has(u.hostname)) return null;
  const m = USERNAME.exec(u.pathname);
  return m?.[1] && !NOT_USERNAME.test(m[1]) ? '@' + m[1] : null;
}

/** Paths of posts, photos and videos (a comment's time link points at its post). */
const POST_PATH = /\/(?:posts|permalink|videos|reel|photo|watch)\b|[?&]story_fbid=/u;

/** The item text: the first own div[dir=auto] that is not part of the author line or a link. */
function textOf(root: Element): string {
  const preview = own(root, '[data-ad-preview="message"], [data-ad-comet-preview="message"]');
  if (preview) return readText(preview);
  for (const d of root.querySelectorAll('div[dir="auto"]')) {
    const inner = d.closest(ARTICLE);
    if (inner && inner !== root) continue;
    if (d.closest('a, h2, h3, h4, strong, [role="button"]')) continue;
    if (d.parentElement?.closest('div[dir="auto"]') && root.contains(d.parentElement.closest('div[dir="auto"]'))) continue;
    const text = readText(d);
    if (text) return text;
  }
  return '';
}

/** Permalink without the tracking query (__cft__, __tn__…), keeping only what identifies the item. */
function cleanUrl(href: string | null | undefined, base: URL, keep: string[]): string | null {
  const abs = absoluteUrl(href, base);
  if (!abs) return null;
  const u = new URL(abs);
  const params = new URLSearchParams();
  for (const k of keep) {
    const v = u.searchParams.get(k);
    if (v) params.set(k, v);
  }
  u.search = params.toString();
  u.hash = '';
  return u.href;
}

function extractComment(el: Element, label: RegExpExecArray, ctx: AdapterContext): ExtractedItem | null {
  const reply = /^(?:Reply by|Réponse de)$/u.test(label[1]!);
  const kind: ItemKind = reply ? 'reply' : 'comment';
  // The time link is the permalink. The author's profile link can carry a
  // comment_id too (tracking), so a link to a post/photo/video path wins, else the last one.
  const links = ownAll(el, 'a[href*="comment_id="]');
  const link = links.find((a) => POST_PATH.test(absoluteUrl(a.getAttribute('href'), ctx.url) ?? '')) ?? links[links.length - 1];
  const permalink = cleanUrl(link?.getAttribute('href'), ctx.url, ['story_fbid', 'id', 'comment_id', 'reply_comment_id']);
  const params = permalink ? new URL(permalink).searchParams : null;
  const id = params?.get('reply_comment_id') ?? params?.get('comment_id') ?? null;
  // Author: the first visible own link's text (the avatar link is aria-hidden), else the label.
  const nameLink = ownAll(el, 'a[role="link"]').find((a) => a.getAttribute('aria-hidden') !== 'true' && a !== link && readText(a) !== '');
  const author = readText(nameLink) || label[2]!.replace(TRAILING_TIME, '').trim() || null;
  const text = textOf(el);
  if (!text && !author) return null;
  return {
    site: 'facebook',
    id: id ?? fallbackId([ctx.url.href, author, text]),
    kind,
    text,
    author,
    handle: facebookHandle(nameLink?.getAttribute('href'), ctx.url),
    permalink,
    // The time link says "2 d" / "2 j"; the label ends with "2 days ago" / "il y a 2 jours".
    timestamp: parseRelativeTime(readText(link), ctx.now ?? Date.now()) ?? parseRelativeTime(TRAILING_TIME.exec(label[2]!)?.[0], ctx.now ?? Date.now()),
    rating: null,
  };
}

const POST_LINK = 'a[href*="/posts/"], a[href*="/permalink/"], a[href*="story_fbid="], a[href*="/videos/"]';

function postId(permalink: string): string | null {
  const u = new URL(permalink);
  return (
    u.searchParams.get('story_fbid') ??
    /\/(?:posts|permalink|videos)\/([\w-]+)/u.exec(u.pathname)?.[1] ??
    null
  );
}

function extractPost(el: Element, ctx: AdapterContext): ExtractedItem | null {
  // A feed-unit wrapper yields to the article inside it.
  if (!el.matches(ARTICLE) && [...el.querySelectorAll(ARTICLE)].some((a) => !isComment(a))) return null;
  // An article inside another post (a shared post) is part of that post.
  for (let p = el.parentElement?.closest(ARTICLE); p; p = p.parentElement?.closest(ARTICLE)) {
    if (!isComment(p)) return null;
  }
  const link = [...el.querySelectorAll(POST_LINK)].find((a) => {
    const inner = a.closest(ARTICLE);
    return (!inner || inner === el || !el.contains(inner)) && !a.getAttribute('href')?.includes('comment_id=');
  });
  const permalink = cleanUrl(link?.getAttribute('href'), ctx.url, ['story_fbid', 'id']);
  const heading = own(el, 'h2, h3, h4');
  const authorLink = heading?.querySelector('a');
  const author = readText(authorLink ?? heading) || null;
  const text = textOf(el);
  if (!text && !author) return null;
  // The focal post of a post page often has no link to itself: the page URL is its permalink.
  const pagePost = !permalink && /\/(?:posts|permalink)\//u.test(ctx.url.pathname) && !el.parentElement?.closest('[role="feed"]');
  const url = permalink ?? (pagePost ? cleanUrl(ctx.url.href, ctx.url, ['story_fbid', 'id']) : null);
  return {
    site: 'facebook',
    id: (url && postId(url)) ?? fallbackId([ctx.url.href, author, text]),
    kind: 'post',
    text,
    author,
    handle: facebookHandle(authorLink?.getAttribute('href'), ctx.url),
    permalink: url,
    // The post's own link shows its relative time ("3 h", "2 d").
    timestamp: parseRelativeTime(readText(link), ctx.now ?? Date.now()),
    rating: null,
  };
}

export const facebook = {
  id: 'facebook',
  label: 'Facebook',
  matches: ['*://www.facebook.com/*', '*://web.facebook.com/*', '*://m.facebook.com/*', '*://facebook.com/*'],

  isSupportedPage(url: URL): boolean {
    return HOSTS.has(url.hostname) && !EXCLUDED_PATH.test(url.pathname);
  },

  itemSelector: POST_LIKE,
  // The item's text is read inside the item element (SiteAdapter.textWithinItem; tests/unit/sites/text-within.test.ts).
  textWithinItem: true,

  extractItem(el: Element, ctx: AdapterContext): ExtractedItem | null {
    if (el.closest(CHROME)) return null;
    const label = commentLabel(el);
    return label ? extractComment(el, label, ctx) : extractPost(el, ctx);
  },

  findReplyBox(el: Element): Element | null {
    // Comment: its "Reply" / "Répondre" button. Post: the Lexical comment box, else the "Comment" button.
    const buttons = [...el.querySelectorAll('[role="button"]')].filter((b) => {
      const inner = b.closest(ARTICLE);
      return !inner || inner === el;
    });
    if (isComment(el)) return buttons.find((b) => /^(?:reply|répondre)$/iu.test(readText(b))) ?? null;
    return (
      el.querySelector('div[contenteditable="true"][role="textbox"]') ??
      buttons.find((b) => /^(?:comment|commenter)$/iu.test(readText(b) || (b.getAttribute('aria-label') ?? ''))) ??
      null
    );
  },

  // Test URLs: each must satisfy isSupportedPage, and no other adapter's.
  // Not supported on purpose: /messages/ (Messenger), /settings.
  testUrls: [
    'https://www.facebook.com/AcmeFrance/posts/pfbid0AcmeDemo1', // post page (demo/site/facebook.html)
    'https://www.facebook.com/', // news feed
    'https://web.facebook.com/AcmeFrance',
    'https://m.facebook.com/story.php?story_fbid=123&id=456',
    'https://www.facebook.com/groups/cafeparis/permalink/1234567890/',
    'https://www.facebook.com/permalink.php?story_fbid=123&id=456',
  ],
} satisfies SiteAdapter;
