/**
 * Reddit adapter: the current site ("shreddit", web components) and
 * old.reddit.com, which both live on reddit domains and may be served on the
 * same address depending on the user's preference.
 *
 *   shreddit (sites.md §5)                       old.reddit (sites.md §6)
 *   shreddit-post[id=t3_…]                       .thing[data-type="link"]
 *     attrs author permalink created-timestamp     data-fullname data-author data-permalink data-timestamp
 *     post-title, body [slot="text-body"]          a.title + .entry .usertext-body .md
 *   shreddit-comment[thingid=t1_…]               .thing[data-type="comment"]
 *     attrs author permalink created depth         data-fullname data-author data-permalink
 *     text :scope > [slot="comment"]               own .entry .usertext-body .md, own .tagline time
 *     replies nested inside their parent           replies nested in .child of their parent
 *
 * Data is read from attributes and light-DOM slotted children, so no shadow
 * root is opened (sites.md §0.2). Because replies are nested inside their
 * parent on both UIs, every read is scoped to the item's own part (queryOwn).
 *
 * Ids are Reddit fullnames (t3_… posts, t1_… comments), the same on both UIs.
 * Handle is "u/NAME", Reddit's own way of naming a user; author is NAME.
 * Kind: 'post' for a submission, 'comment' for a top-level comment, 'reply'
 * for a comment nested under another comment.
 */
import type { AdapterContext, ExtractedItem, ItemKind, SiteAdapter } from './types';
import { absoluteUrl, collapse, fallbackId, isoDate, queryOwn, readText } from './dom';

const OLD_THING = '.thing';
const SHREDDIT_COMMENT = 'shreddit-comment';

const HOSTS = new Set(['www.reddit.com', 'old.reddit.com', 'reddit.com']);
/** Settings, sign-in and private messages/chat: nothing public to watch there. */
const EXCLUDED_PATH = /^\/(?:settings|prefs|login|register|password|message|chat|account)(?:\/|$)/u;

/** Usernames Reddit shows for removed accounts. */
function authorOf(name: string | null | undefined): string | null {
  const n = name?.trim();
  return n && n !== '[deleted]' && n !== '[removed]' ? n : null;
}

/**
 * Shreddit writes times like "2024-11-26T09:12:33.123000+0000": microseconds
 * and an offset without a colon, which Date.parse only accepts in some
 * engines. Rewrite to strict ISO-8601 before parsing.
 */
export function parseRedditTime(value: string | null | undefined): string | null {
  if (!value) return null;
  const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:?\d\d)?$/u.exec(value.trim());
  if (!m) return isoDate(value);
  const frac = m[2] ? '.' + m[2].slice(0, 3).padEnd(3, '0') : '';
  // No zone at all: UTC, like every other Reddit time.
  const zone = !m[3] || m[3] === 'Z' ? 'Z' : m[3].replace(/^([+-]\d\d):?(\d\d)$/u, '$1:$2');
  return isoDate(m[1] + frac + zone);
}

function item(
  ctx: AdapterContext,
  fields: { id: string | null; kind: ItemKind; text: string; author: string | null; permalink: string | null; timestamp: string | null },
): ExtractedItem {
  return {
    site: 'reddit',
    id: fields.id || fallbackId([fields.permalink, fields.author, fields.text]),
    kind: fields.kind,
    text: fields.text,
    author: fields.author,
    handle: fields.author ? 'u/' + fields.author : null,
    permalink: absoluteUrl(fields.permalink, ctx.url),
    timestamp: fields.timestamp,
    rating: null,
  };
}

function extractShredditPost(el: Element, ctx: AdapterContext): ExtractedItem {
  const id = [el.getAttribute('id'), el.getAttribute('thingid')].find((v) => v?.startsWith('t3_')) ?? null;
  const title = collapse(el.getAttribute('post-title') ?? '') || readText(el.querySelector('[slot="title"]'));
  const body = readText(el.querySelector('[slot="text-body"]'));
  return item(ctx, {
    id,
    kind: 'post',
    text: collapse(`${title} ${body}`),
    author: authorOf(el.getAttribute('author')),
    permalink: el.getAttribute('permalink'),
    timestamp: parseRedditTime(el.getAttribute('created-timestamp')),
  });
}

/** A comment's body when it is not a direct slot="comment" child: its rich-text block, by id or class (own, not a reply's). */
const COMMENT_BODY = '[id$="-comment-rtjson-content"], [id$="-post-rtjson-content"], [slot="comment"], .rtjson-content, .md';

/**
 * Where a comment can be seen when it carries no permalink attribute: the
 * thread's address (the page's, /r/<sub>/comments/<post>/…) + comment/<id>/.
 */
function commentPermalink(thingId: string | null, ctx: AdapterContext): string | null {
  const post = /^\/r\/[^/]+\/comments\/[a-z0-9]+\//iu.exec(ctx.url.pathname)?.[0];
  const id = thingId?.startsWith('t1_') ? thingId.slice(3) : null;
  return post && id && /^[a-z0-9]+$/iu.test(id) ? `${post}comment/${id}/` : null;
}

function extractShredditComment(el: Element, ctx: AdapterContext): ExtractedItem | null {
  // The comment body is a direct child (slot="comment"); the replies' bodies are
  // deeper, inside nested shreddit-comment elements (sites.md §5 "Text").
  let body: Element | null = null;
  for (const child of el.children) {
    if (child.getAttribute('slot') === 'comment') {
      body = child;
      break;
    }
  }
  body ??= queryOwn(el, COMMENT_BODY, SHREDDIT_COMMENT);
  const text = readText(body);
  // Still rendering, or collapsed with its body not loaded: nothing to read yet.
  if (!text) return null;
  const depth = Number.parseInt(el.getAttribute('depth') ?? '', 10);
  const nested = Number.isNaN(depth) ? el.parentElement?.closest(SHREDDIT_COMMENT) != null : depth > 0;
  const timeEl = queryOwn(el, '[slot="commentMeta"] time[datetime], time[datetime]', SHREDDIT_COMMENT);
  const thingId = el.getAttribute('thingid');
  return item(ctx, {
    id: thingId,
    kind: nested ? 'reply' : 'comment',
    text,
    author: authorOf(el.getAttribute('author')),
    permalink: el.getAttribute('permalink') ?? commentPermalink(thingId, ctx),
    timestamp:
      parseRedditTime(el.getAttribute('created')) ??
      isoDate(timeEl?.getAttribute('datetime')) ??
      isoDate(queryOwn(el, 'faceplate-timeago[ts]', SHREDDIT_COMMENT)?.getAttribute('ts')),
  });
}

function extractOldThing(el: Element, ctx: AdapterContext): ExtractedItem | null {
  const type = el.getAttribute('data-type');
  if (type !== 'link' && type !== 'comment') return null; // "load more comments" (morechildren)...
  if (el.getAttribute('data-promoted') === 'true') return null; // ads are promoted links
  // Scoped to this thing's own entry: its replies are .thing elements inside .child.
  const own = (selector: string) => queryOwn(el, selector, OLD_THING);
  const body = readText(own('.entry .usertext-body .md'));
  const author = authorOf(el.getAttribute('data-author') ?? own('.entry .tagline .author')?.textContent);
  const permalink = el.getAttribute('data-permalink') ?? own('.entry a.bylink')?.getAttribute('href') ?? null;
  const time = isoDate(own('.entry .tagline time[datetime]:not(.edited-timestamp)')?.getAttribute('datetime'));

  if (type === 'link') {
    const title = readText(own('.entry a.title'));
    const ms = Number(el.getAttribute('data-timestamp'));
    return item(ctx, {
      id: el.getAttribute('data-fullname'),
      kind: 'post',
      text: collapse(`${title} ${body}`),
      author,
      permalink,
      timestamp: ms > 0 ? new Date(ms).toISOString() : time,
    });
  }
  return item(ctx, {
    id: el.getAttribute('data-fullname'),
    kind: el.parentElement?.closest('.thing[data-type="comment"]') ? 'reply' : 'comment',
    text: body,
    author,
    permalink,
    timestamp: time,
  });
}

export const reddit = {
  id: 'reddit',
  label: 'Reddit',
  matches: ['*://www.reddit.com/*', '*://old.reddit.com/*', '*://reddit.com/*'],

  isSupportedPage(url: URL): boolean {
    return HOSTS.has(url.hostname) && !EXCLUDED_PATH.test(url.pathname);
  },

  itemSelector: 'shreddit-post, shreddit-comment[thingid], .thing[data-type="link"], .thing[data-type="comment"]',

  extractItem(el: Element, ctx: AdapterContext): ExtractedItem | null {
    switch (el.localName) {
      case 'shreddit-post':
        return extractShredditPost(el, ctx);
      case 'shreddit-comment':
        return extractShredditComment(el, ctx);
      default:
        return el.classList.contains('thing') ? extractOldThing(el, ctx) : null;
    }
  },

  findReplyBox(el: Element): Element | null {
    const doc = el.ownerDocument;
    switch (el.localName) {
      case 'shreddit-comment':
        // The Reply button is in the action row (partly in its shadow root, sites.md §5).
        return queryOwn(el, 'shreddit-comment-action-row', SHREDDIT_COMMENT);
      case 'shreddit-post':
        // The top-level composer: its trigger button, or the textarea input (sites.md §5).
        return doc.querySelector('comment-composer-host, faceplate-textarea-input');
      default:
        if (el.getAttribute('data-type') === 'link') return doc.querySelector('.commentarea form.usertext textarea[name="text"]');
        // old.reddit: the "reply" link opens a form in .child (sites.md §6).
        return queryOwn(el, '.entry a[data-event-action="comment"]', OLD_THING);
    }
  },

  // Test URLs
  // Each must satisfy isSupportedPage; none of them may satisfy another site's
  // adapter (tests/unit/sites/reddit.test.ts). Not supported on purpose:
  // https://www.reddit.com/message/inbox (private messages), https://www.reddit.com/settings/.
  testUrls: [
    'https://www.reddit.com/r/paris/comments/1h0acme/avis_cafes_acme/', // demo/site/reddit.html (shreddit)
    'https://www.reddit.com/r/aww/comments/8dyrb3/ben_is_very_proud_of_himself_for_learning_to_go/', // tests/fixtures/real/reddit-old
    'https://old.reddit.com/r/france/comments/1h0acme/cafes_acme/',
    'https://www.reddit.com/r/paris/',
    'https://www.reddit.com/search/?q=acme&type=comments',
    'https://reddit.com/r/lyon/comments/1h0beef/un_bon_cafe/',
  ],
} satisfies SiteAdapter;
