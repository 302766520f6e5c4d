/**
 * LinkedIn adapter. Selectors: sites.md §4, checked against the real saved feed
 * tests/fixtures/real/linkedin/linkedin-feed-3.html (2025-04, anonymised copy).
 *
 * Classic (Ember) feed, one unit per post:
 *   div[data-id="urn:li:activity:…"]                       wrapper (not an item: its inner unit is)
 *     └─ div.feed-shared-update-v2[role=article][data-urn] the post
 *          ├─ .update-components-header                   "X commented on this" / "Promoted" context
 *          ├─ .update-components-actor__title span[aria-hidden=true]   author (a visually-hidden copy follows)
 *          ├─ .feed-shared-update-v2__description .update-components-text   text
 *          └─ article.comments-comment-entity[data-id="urn:li:comment:(activity:P,C)"]  comments;
 *             replies carry .comments-comment-entity--reply
 * data-urn kinds: urn:li:activity (a post, kept even when "Promoted": an ad can
 * name the brand or a competitor), urn:li:aggregate:(activity…) (one post shown
 * because connections commented: kept, keyed by the post's activity),
 * urn:li:aggregate:(urn:li:jobPosting…) and urn:li:lyndaCourse (job and course
 * cards: skipped).
 *
 * Newer SDUI variant (sites.md §4, no saved page available): posts are the
 * children of [data-testid="mainFeed"] (or its [role=listitem]s), text in
 * [data-testid="expandable-text-box"], comments
 * [componentkey^="replaceableComment_urn:li:comment:"].
 *
 * Times: the page shows only relative ones ("20h", "1w"); LinkedIn ids are
 * time-ordered, `id >> 22` = ms since the epoch (checked on the fixture: "20h"
 * and "18h" posts decode to 04-09 18:59 and 20:28 UTC, a page saved ~15:00 on
 * 04-10). A unit shown because a connection acted on it ("X likes this", "X
 * commented on this") carries the id of that action, not of the post: when
 * the post has comments, their thread id (the P of urn:li:comment:(T:P,C)) is
 * the post's own, and the earlier of the two is kept.
 * Handle: LinkedIn has none (the /in/<slug> profile path is not shown), so null.
 */
import type { AdapterContext, ExtractedItem, ItemKind, SiteAdapter } from './types';
import { fallbackId, queryOwn, readText } from './dom';

const CLASSIC_POST = 'div.feed-shared-update-v2[data-urn]';
const URN_POST = '[data-urn^="urn:li:activity:"], [data-urn^="urn:li:aggregate:"], [data-id^="urn:li:activity:"]';
const CLASSIC_COMMENT = 'article.comments-comment-entity[data-id^="urn:li:comment:"]';
const SDUI_POST = '[data-testid="mainFeed"] > div, [data-testid="mainFeed"] [role="listitem"]';
const SDUI_COMMENT = '[componentkey^="replaceableComment_urn:li:comment:"], [id^="replaceableComment_urn:li:comment:"]';
const COMMENT = `${CLASSIC_COMMENT}, ${SDUI_COMMENT}`;
/** Anything that can be a post item (used to skip wrappers that hold one). */
const ANY_POST = `${CLASSIC_POST}, [data-urn^="urn:li:activity:"], [data-urn^="urn:li:aggregate:"]`;

const HOSTS = new Set(['www.linkedin.com', 'linkedin.com']);
/** Messaging, settings, sign-in and job/learning pages: no public posts. */
const EXCLUDED_PATH = /^\/(?:messaging|mypreferences|psettings|settings|login|uas|checkpoint|signup|jobs|learning|talent|sales)(?:\/|$)/u;

const ORIGIN = 'https://www.linkedin.com';
const ACTIVITY = /urn:li:activity:(\d+)/u;
/** urn:li:comment:(activity:P,C) or (ugcPost:P,C). */
const COMMENT_URN = /^urn:li:comment:\((activity|ugcPost):(\d+),(\d+)\)$/u;

/** ISO time encoded in a LinkedIn id (first 41 bits = ms since the epoch), or null when implausible. */
export function linkedinIdTime(id: string | null | undefined): string | null {
  if (!id || !/^\d{15,20}$/u.test(id)) return null;
  const ms = Number(BigInt(id) >> 22n);
  // LinkedIn launched in 2003; later than a day from now is not a time either.
  if (ms < Date.UTC(2003, 0, 1) || ms > Date.now() + 86_400_000) return null;
  return new Date(ms).toISOString();
}

/** Post permalink for an activity / ugcPost URN. */
function postUrl(urn: string): string {
  return `${ORIGIN}/feed/update/${urn}/`;
}

/**
 * Comment permalink, as LinkedIn builds it (sites.md §4):
 * /feed/update/urn:li:<type>:P/?dashCommentUrn=urn:li:fsd_comment:(C,urn:li:<type>:P), all encoded, parentheses too.
 */
export function linkedinCommentUrl(type: string, postId: string, commentId: string): string {
  const dash = `urn:li:fsd_comment:(${commentId},urn:li:${type}:${postId})`;
  const enc = encodeURIComponent(dash).replace(/\(/gu, '%28').replace(/\)/gu, '%29');
  return `${ORIGIN}/feed/update/urn:li:${type}:${postId}/?dashCommentUrn=${enc}`;
}

function isComment(el: Element): boolean {
  return el.matches(COMMENT);
}

function extractComment(el: Element): ExtractedItem | null {
  const urn = el.getAttribute('data-id') ?? (el.getAttribute('componentkey') ?? el.id).replace(/^replaceableComment_/u, '');
  const m = COMMENT_URN.exec(urn);
  // Replies are rendered inside their parent in some variants: read only this comment's own parts.
  const own = (selector: string) => queryOwn(el, selector, COMMENT);
  const textEl =
    own('.comments-comment-item__main-content .update-components-text') ??
    own('.comments-comment-item__main-content') ??
    own('[data-testid="expandable-text-box"]') ??
    own('.update-components-text');
  const text = readText(textEl);
  let author = readText(own('.comments-comment-meta__description-title')) || readText(own('.comments-post-meta__name-text span[aria-hidden="true"]'));
  if (!author) {
    // SDUI: "View more options for NAME’s comment" / "…for NAME".
    const label = own('[aria-label^="View more options for "]')?.getAttribute('aria-label') ?? '';
    author = label.replace(/^View more options for /u, '').replace(/’s? comment$/u, '').trim();
  }
  if (!text && !author) return null;
  const reply =
    el.classList.contains('comments-comment-entity--reply') || Boolean(el.parentElement?.closest(COMMENT));
  const kind: ItemKind = reply ? 'reply' : 'comment';
  return {
    site: 'linkedin',
    id: m ? urn : fallbackId([urn, author, text]),
    kind,
    text,
    author: author || null,
    handle: null,
    permalink: m ? linkedinCommentUrl(m[1]!, m[2]!, m[3]!) : null,
    timestamp: m ? linkedinIdTime(m[3]) : null,
    rating: null,
  };
}

/**
 * The post's activity URN: itself, or for an aggregate the activity its
 * comments belong to (the aggregate lists the connections' comment activities,
 * not the post: real fixture, post 7), else the aggregate's first activity.
 */
function postUrn(el: Element, urn: string): string | null {
  if (urn.startsWith('urn:li:activity:') || urn.startsWith('urn:li:ugcPost:')) return urn;
  if (!urn.startsWith('urn:li:aggregate:')) return null;
  if (!ACTIVITY.test(urn)) return null; // job postings, not posts
  const comment = el.querySelector(CLASSIC_COMMENT)?.getAttribute('data-id');
  const c = comment ? COMMENT_URN.exec(comment) : null;
  if (c) return `urn:li:${c[1]}:${c[2]}`;
  return `urn:li:activity:${ACTIVITY.exec(urn)![1]}`;
}

function extractPost(el: Element, ctx: AdapterContext): ExtractedItem | null {
  // A wrapper around a post unit (div[data-id] > … > .feed-shared-update-v2[data-urn]): the inner unit is the item.
  if (el.querySelector(ANY_POST)) return null;
  // A unit nested in another one (a reshared post): part of the outer post.
  if (el.parentElement?.closest(ANY_POST)) return null;

  const own = (selector: string) => queryOwn(el, selector, COMMENT);
  const dataUrn = el.getAttribute('data-urn') ?? el.getAttribute('data-id');
  let urn: string | null = null;
  if (dataUrn) {
    urn = postUrn(el, dataUrn);
    if (!urn) return null; // course cards, job recommendations
  } else {
    // SDUI: no URN attribute; a link to the post carries it.
    for (const a of el.querySelectorAll('a[href]')) {
      if (a.closest(COMMENT)) continue;
      const href = a.getAttribute('href') ?? '';
      const m = /urn:li:activity:(\d+)|activity-(\d+)/u.exec(decodeURIComponent(href));
      if (m) {
        urn = `urn:li:activity:${m[1] ?? m[2]}`;
        break;
      }
    }
  }

  const textEl =
    own('.feed-shared-update-v2__description .update-components-text') ??
    own('.update-components-text') ??
    own('[data-testid="expandable-text-box"]');
  const text = readText(textEl);

  let author = readText(own('.update-components-actor__title span[aria-hidden="true"]')) || readText(own('.update-components-actor__name span[aria-hidden="true"]'));
  if (!author) {
    const label = own('[aria-label^="Open control menu for post by "]')?.getAttribute('aria-label') ?? '';
    author = label.replace(/^Open control menu for post by /u, '').trim();
  }
  if (!text && !author) return null;
  const activityId = urn ? /:(\d+)$/u.exec(urn)?.[1] : undefined;
  let timestamp = linkedinIdTime(activityId);
  // A unit shown because of a connection's action ("X commented on this", "X likes this",
  // "X finds this funny") carries that action's activity id, whose time is the action's,
  // not the post's. The post's own id is the P of its comments' urn:li:comment:(T:P,C).
  const firstComment = COMMENT_URN.exec(el.querySelector(CLASSIC_COMMENT)?.getAttribute('data-id') ?? '');
  const postTime = firstComment ? linkedinIdTime(firstComment[2]) : null;
  if (postTime && (!timestamp || postTime < timestamp)) timestamp = postTime;

  return {
    site: 'linkedin',
    id: urn ?? fallbackId([ctx.url.href, author, text]),
    kind: 'post',
    text,
    author: author || null,
    handle: null,
    permalink: urn ? postUrl(urn) : null,
    timestamp,
    rating: null,
  };
}

export const linkedin = {
  id: 'linkedin',
  label: 'LinkedIn',
  matches: ['*://www.linkedin.com/*', '*://linkedin.com/*'],

  isSupportedPage(url: URL): boolean {
    return HOSTS.has(url.hostname) && !EXCLUDED_PATH.test(url.pathname);
  },

  itemSelector: [CLASSIC_POST, URN_POST, SDUI_POST, COMMENT].join(', '),
  // The item's text is read inside the item element (SiteAdapter.textWithinItem; tests/unit/sites/text-within.test.ts).
  textWithinItem: true,

  extractItem(el: Element, ctx: AdapterContext): ExtractedItem | null {
    return isComment(el) ? extractComment(el) : extractPost(el, ctx);
  },

  findReplyBox(el: Element): Element | null {
    // Comment: its Reply button (opens an inline box). Post: the open comment
    // box (Quill editor), else the Comment button that opens it.
    if (isComment(el)) return el.querySelector('button.reply, button[aria-label^="Reply to "]');
    return (
      el.querySelector('.comments-comment-box .ql-editor, .comments-comment-texteditor [role="textbox"][contenteditable="true"]') ??
      el.querySelector('button[aria-label="Comment"], button.comment-button')
    );
  },

  // Test URLs: each must satisfy isSupportedPage, and no other adapter's.
  // Not supported on purpose: /messaging/ (private), /mypreferences/, /jobs/.
  testUrls: [
    'https://www.linkedin.com/feed/', // home feed (demo/site/linkedin.html, tests/fixtures/real/linkedin/)
    'https://www.linkedin.com/feed/update/urn:li:activity:7315810659462447104/',
    'https://www.linkedin.com/company/acme-france/posts/',
    'https://www.linkedin.com/in/camille-martin/recent-activity/all/',
    'https://www.linkedin.com/search/results/content/?keywords=acme',
    'https://linkedin.com/feed/',
  ],
} satisfies SiteAdapter;
