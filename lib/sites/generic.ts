/**
 * Generic fallback for any page: schema.org data first, then comment-thread
 * heuristics (sites.md §13).
 *
 *   extractDocumentItems(doc)  (1) JSON-LD: every ld+json block, parsed tolerantly (./jsonld.ts),
 *                                  walked through @graph, arrays and nested properties
 *   extractItem(el)            (2) microdata item  [itemscope][itemtype=schema.org/Review|Comment|…]
 *                              (3) heuristic root  WordPress li.comment / .comment-body, [itemprop=comment],
 *                                                  #comments article, [id^=comment-<n>], Hacker News tr.athing.comtr,
 *                                                  Disqus li.post#post-<n> (its embed frame: .post-message,
 *                                                  .author a[data-username], a.time-ago[href][title])
 *
 * Kept schema.org types and their kind: Review, UserReview, CriticReview → 'review';
 * DiscussionForumPosting, SocialMediaPosting → 'post'; Comment, Answer → 'comment'
 * ('reply' when it answers another comment); a heuristic root is a comment too.
 *
 * One item per comment, although several selectors hit it (li.comment and its
 * article.comment-body; a microdata item inside a heuristic root):
 *   - a schema.org item always reads itself (its fields are declared, not guessed);
 *   - a heuristic root is skipped when it holds a schema.org item of the same
 *     comment, or when it is the inner part of another root of the same comment.
 *   "Same comment" = no reply container (`.children`, `[class*=replies]`) between
 *   the two and the inner one is not a list item or table row (every comment of
 *   a threaded list is its own `li`).
 * The page's main `article` (the blog post itself) is never a heuristic root:
 * only articles inside `#comments` are. It becomes an item only when it declares
 * a kept schema.org type (a forum thread's DiscussionForumPosting, say); a
 * BlogPosting / Article is not kept.
 *
 * Ids: the item's declared URL (`url`, `@id`, microdata `url`/`itemid`) when it
 * has one, else fallbackId(author, text). A review given both as JSON-LD and as
 * microdata (review widgets often print both) then gets one id, and the runner,
 * which keys items by id, keeps one. A copy that declares a URL in one form only
 * is not merged (known limit). Hacker News rows use the item id HN gives.
 */
import type { AdapterContext, ExtractedItem, ItemKind, SiteAdapter } from './types';
import { absoluteUrl, collapse, fallbackId, isoDate, joinTitle, parseLocalizedDate, parseRating, parseRelativeTime, queryOwn, readText } from './dom';
import { jsonLdScripts, parseJsonLd } from './jsonld';

// ─── Shared: kinds, item assembly ────────────────────────────────────────────

/** schema.org types kept, with the kind of item each gives. */
const KEPT_TYPES: Readonly<Record<string, 'review' | 'post' | 'comment'>> = {
  Review: 'review',
  UserReview: 'review',
  CriticReview: 'review',
  DiscussionForumPosting: 'post',
  SocialMediaPosting: 'post',
  Comment: 'comment',
  Answer: 'comment',
};

/** "Review", "schema:Review", "http://schema.org/Review" → its kind, or null. */
function keptKind(type: string): 'review' | 'post' | 'comment' | null {
  const name = type.trim().split(/[/#:]/u).pop() ?? '';
  return Object.hasOwn(KEPT_TYPES, name) ? KEPT_TYPES[name]! : null;
}

/** What each source reads before it becomes an ExtractedItem. */
interface Fields {
  kind: 'review' | 'post' | 'comment';
  /** Answers another comment (a comment nested in a comment): kind 'reply'. */
  nested: boolean;
  /** Review title / post headline; comments have none. */
  title: string;
  body: string;
  author: string | null;
  /** "@name" where the comment system has user names (Disqus). */
  handle?: string | null;
  /** URL the item declares for itself (absolute); also its id. */
  url: string | null;
  /** Where it can be seen when it declares no URL (anchor of its element, "permalink" link). */
  permalink: string | null;
  timestamp: string | null;
  rating: number | null;
}

function toItem(f: Fields): ExtractedItem | null {
  const text = joinTitle(f.title, f.body);
  if (!text) return null;
  const kind: ItemKind = f.kind === 'comment' && f.nested ? 'reply' : f.kind;
  return {
    site: 'generic',
    id: f.url ?? fallbackId([f.author, text]),
    kind,
    text,
    author: f.author,
    handle: f.handle ?? null,
    permalink: f.url ?? f.permalink,
    timestamp: f.timestamp,
    rating: f.rating,
  };
}

// ─── (1) JSON-LD ─────────────────────────────────────────────────────────────

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Walk limits: a hostile page could ship a huge or deeply nested block. */
const MAX_DEPTH = 32;
const MAX_NODES = 20_000;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * JSON-LD strings are sometimes HTML ("<p>Super</p>", "&amp;"). Plain text
 * is read with string operations, never by building DOM from page data.
 */
function htmlToText(value: string): string {
  if (!/[<&]/u.test(value)) return collapse(value);
  const stripped = value
    .replace(/<!--[\s\S]*?-->/gu, ' ')
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/giu, ' ')
    .replace(/<\/?[a-z][^>]*>/giu, ' ');
  const decoded = stripped.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/giu, (m, name: string) => {
    const lower = name.toLowerCase();
    if (lower.startsWith('#x')) return safeCodePoint(Number.parseInt(lower.slice(2), 16)) ?? m;
    if (lower.startsWith('#')) return safeCodePoint(Number.parseInt(lower.slice(1), 10)) ?? m;
    return ENTITIES[lower] ?? m;
  });
  return collapse(decoded);
}

function safeCodePoint(n: number): string | null {
  return Number.isInteger(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : null;
}

/** First string (or number) of a value that may be a string, a number or an array of them. */
function str(value: unknown): string {
  if (typeof value === 'string') return htmlToText(value);
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    for (const v of value) {
      const s = str(v);
      if (s) return s;
    }
  }
  if (isObject(value) && '@value' in value) return str(value['@value']);
  return '';
}

function types(node: Json): string[] {
  const t = node['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

function kindOfNode(node: Json): 'review' | 'post' | 'comment' | null {
  for (const t of types(node)) {
    const k = keptKind(t);
    if (k) return k;
  }
  return null;
}

/** author / creator as a display name: a string, a Person/Organization, a reference to one, or an array. */
function authorName(value: unknown, byId: Map<string, Json>): string | null {
  if (Array.isArray(value)) {
    for (const v of value) {
      const name = authorName(v, byId);
      if (name) return name;
    }
    return null;
  }
  if (typeof value === 'string') {
    // "/author/jd_salinger.html" (extruct's CreativeWork sample): a link, not a name.
    const s = collapse(value);
    return s && !/^(?:https?:)?\/|^_:/u.test(s) ? s : null;
  }
  if (!isObject(value)) return null;
  const name = str(value['name']) || str(value['alternateName']);
  if (name) return name;
  const ref = value['@id'];
  const target = typeof ref === 'string' ? byId.get(ref) : undefined;
  return target && target !== value ? authorName(target, new Map()) : null;
}

function declaredUrl(node: Json, base: URL): string | null {
  const url = absoluteUrl(str(node['url']) || null, base);
  if (url) return url;
  const id = node['@id'];
  // Blank nodes ("_:b0") are not addresses.
  return typeof id === 'string' && !id.startsWith('_:') ? absoluteUrl(id, base) : null;
}

function jsonLdRating(value: unknown): number | null {
  if (isObject(value)) {
    const best = Number.parseFloat(str(value['bestRating']).replace(',', '.'));
    return parseRating(str(value['ratingValue']), Number.isFinite(best) && best > 0 ? best : 5);
  }
  return parseRating(str(value));
}

function jsonLdFields(node: Json, kind: Fields['kind'], nested: boolean, byId: Map<string, Json>, base: URL): Fields {
  return {
    kind,
    nested,
    title: kind === 'comment' ? '' : str(node['headline']) || str(node['name']),
    body: str(node['reviewBody']) || str(node['text']) || str(node['articleBody']) || str(node['description']),
    author: authorName(node['author'], byId) ?? authorName(node['creator'], byId),
    url: declaredUrl(node, base),
    permalink: null,
    timestamp: isoDate(str(node['datePublished']) || str(node['dateCreated']) || null),
    rating: jsonLdRating(node['reviewRating']),
  };
}

/** Every object of a parsed block that has an @id, to resolve `{"@id": …}` references (Yoast-style graphs). */
function indexIds(data: unknown): Map<string, Json> {
  const byId = new Map<string, Json>();
  let budget = MAX_NODES;
  const visit = (v: unknown, depth: number): void => {
    if (depth > MAX_DEPTH || --budget < 0) return;
    if (Array.isArray(v)) for (const x of v) visit(x, depth + 1);
    else if (isObject(v)) {
      const id = v['@id'];
      // Keep the fullest description of a node (references repeat the @id alone).
      if (typeof id === 'string' && Object.keys(v).length > 1 && !byId.has(id)) byId.set(id, v);
      for (const x of Object.values(v)) visit(x, depth + 1);
    }
  };
  visit(data, 0);
  return byId;
}

/** Kept items of one parsed JSON-LD value, in document order. */
export function jsonLdItems(data: unknown, ctx: AdapterContext): ExtractedItem[] {
  const byId = indexIds(data);
  const items: ExtractedItem[] = [];
  let budget = MAX_NODES;
  /** `inComment`: under a Comment/Answer, so a Comment here is a reply. */
  const visit = (v: unknown, depth: number, inComment: boolean): void => {
    if (depth > MAX_DEPTH || --budget < 0) return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1, inComment);
      return;
    }
    if (!isObject(v)) return;
    const kind = kindOfNode(v);
    if (kind) {
      const item = toItem(jsonLdFields(v, kind, inComment, byId, ctx.url));
      if (item) items.push(item);
    }
    for (const [key, x] of Object.entries(v)) {
      if (key !== '@context') visit(x, depth + 1, kind ? kind === 'comment' : inComment);
    }
  };
  visit(data, 0, false);
  return items;
}

// ─── (2) Microdata ───────────────────────────────────────────────────────────

const MICRODATA = Object.keys(KEPT_TYPES)
  .map((t) => `[itemscope][itemtype*="schema.org/${t}"]`)
  .join(', ');

/** Kind of a microdata item, or null when none of its itemtypes is kept (`…/ReviewNewsArticle` is not). */
function microdataKind(el: Element): 'review' | 'post' | 'comment' | null {
  if (!el.hasAttribute('itemscope')) return null;
  for (const t of (el.getAttribute('itemtype') ?? '').split(/\s+/u)) {
    const k = t ? keptKind(t) : null;
    if (k) return k;
  }
  return null;
}

/** First property `name` of a microdata item: it belongs to the item when the item is its nearest itemscope. */
function prop(item: Element, ...names: string[]): Element | null {
  for (const name of names) {
    for (const p of item.querySelectorAll(`[itemprop~="${name}"]`)) {
      if (p.parentElement?.closest('[itemscope]') === item) return p;
    }
  }
  return null;
}

/** Elements whose microdata value is an attribute, not their text (HTML microdata spec). */
const VALUE_ATTRIBUTE: Readonly<Record<string, string>> = { a: 'href', link: 'href', area: 'href', time: 'datetime', data: 'value', meter: 'value' };

/** A property's value: `content` first, then the element's value attribute, then its text. */
function propValue(p: Element | null): string {
  if (!p) return '';
  const attr = VALUE_ATTRIBUTE[p.localName];
  const value = p.getAttribute('content') ?? (attr ? p.getAttribute(attr) : null);
  return value !== null ? collapse(value) : readText(p);
}

function microdataFields(item: Element, kind: Fields['kind'], ctx: AdapterContext): Fields {
  const author = prop(item, 'author', 'creator');
  // An author link's microdata value is its href; the name shown is its text.
  const authorText = author?.hasAttribute('itemscope')
    ? propValue(prop(author, 'name')) || readText(author)
    : collapse(author?.getAttribute('content') ?? '') || readText(author);
  // reviewRating is a Rating item (ratingValue, bestRating inside) or, loosely, a bare value.
  const rating = prop(item, 'reviewRating');
  const ratingScope = rating?.hasAttribute('itemscope') ? rating : item;
  const best = Number.parseFloat(propValue(prop(ratingScope, 'bestRating')).replace(',', '.'));
  const value = prop(ratingScope, 'ratingValue') ?? (rating && ratingScope === item ? rating : null);
  const date = prop(item, 'datePublished', 'dateCreated');
  const url = absoluteUrl(propValue(prop(item, 'url')) || null, ctx.url) ?? absoluteUrl(item.getAttribute('itemid'), ctx.url);
  const bodyEl = prop(item, 'reviewBody', 'text', 'articleBody', 'description');
  return {
    kind,
    nested: isReply(item),
    title: kind === 'comment' ? '' : propValue(prop(item, 'headline', 'name')),
    body: bodyEl ? readText(bodyEl) : heuristicText(item),
    author: authorText || heuristicAuthor(item),
    url,
    permalink: heuristicPermalink(item, ctx),
    // Brief and schema.org: `content` first (machine value), then datetime, then the visible text.
    timestamp: date
      ? isoDate(date.getAttribute('content') ?? date.getAttribute('datetime') ?? readText(date))
      : heuristicTime(item),
    rating: parseRating(propValue(value) || null, Number.isFinite(best) && best > 0 ? best : 5),
  };
}

// ─── (3) Heuristics ──────────────────────────────────────────────────────────

const HN_ROW = 'tr.athing.comtr';
/**
 * A Disqus comment (inside the embed frame, disqus.com/embed/comments/…). A
 * blog's list of posts prints `li.post#post-12` too, so it is a root only with
 * its own `.post-message` (isRoot).
 */
const DISQUS_POST = 'li.post[id^="post-"]';
/** Heuristic roots that need no further check. */
const COMMENT_ROOT = `li.comment, .comment-body, [itemprop~="comment"], #comments article, ${HN_ROW}`;
/** Also `[id^="comment-"]`, with a number: "comment-12" is a comment, "comment-form" is not (isRoot). */
const HEURISTIC = `${COMMENT_ROOT}, [id^="comment-"], ${DISQUS_POST}`;
const ANY_ROOT = `${MICRODATA}, ${HEURISTIC}`;
/** Reply lists that hold other comments: WordPress/Disqus `.children`, "replies" containers. */
const REPLY_CONTAINER = '.children, [class*="replies"]';
/** Where a root's own fields stop: its replies, and other schema.org items inside it. */
const NESTED = `${REPLY_CONTAINER}, li.comment, ${HN_ROW}, ${DISQUS_POST}, ${MICRODATA}`;
/** Not text: metadata, actions and forms around a comment (WordPress and common themes). */
const NOT_TEXT = `${NESTED}, .comment-meta, .comment-metadata, .commentmetadata, .comment-author, .vcard, .reply, .comment-reply-link, .says, footer, header, form, button, nav`;

function isRoot(el: Element): boolean {
  return (
    microdataKind(el) !== null ||
    el.matches(COMMENT_ROOT) ||
    /^comment-\D*\d/u.test(el.id) ||
    (/^post-\d+$/u.test(el.id) && el.matches(DISQUS_POST) && queryOwn(el, '.post-message', NESTED) !== null)
  );
}

/** The nearest root strictly above `el`, or null. */
function nearestRoot(el: Element): Element | null {
  for (let p = el.parentElement?.closest(ANY_ROOT); p; p = p.parentElement?.closest(ANY_ROOT)) {
    if (isRoot(p)) return p;
  }
  return null;
}

/** `el` and the roots above it that are the same comment, innermost first. */
function sameCommentChain(el: Element): Element[] {
  const chain = [el];
  for (let p = nearestRoot(el); p && isSameComment(chain[chain.length - 1]!, p); p = nearestRoot(p)) chain.push(p);
  return chain;
}

/** A comment inside another comment (not inside a review or a post): a reply. */
function isReply(el: Element): boolean {
  const parent = nearestRoot(sameCommentChain(el).pop()!);
  return parent !== null && (microdataKind(parent) ?? 'comment') === 'comment';
}

/** See the module comment: whether `inner` is part of the same comment as its ancestor `outer`. */
function isSameComment(inner: Element, outer: Element): boolean {
  if (inner.localName === 'li' || inner.localName === 'tr') return false;
  for (let p = inner.parentElement; p && p !== outer; p = p.parentElement) {
    if (p.matches(REPLY_CONTAINER)) return false;
  }
  return true;
}

/** First own match of each selector in turn (priority order, not document order). */
function own(root: Element, selectors: readonly string[]): Element | null {
  for (const s of selectors) {
    const m = queryOwn(root, s, NESTED);
    if (m) return m;
  }
  return null;
}

const TEXT_SELECTORS = ['.comment-content', '.comment-text', '.commtext', '[itemprop~="text"]', '.comment-message', '.post-message'];
const AUTHOR_SELECTORS = ['.comment-author .fn', '.fn', '.comment-author', '.hnuser', '[itemprop~="author"]', '.author'];
/** Disqus's `a.time-ago` first: a reply's "in reply to" link (`a.parent-link`) also points at a "#comment-". */
const PERMALINK_SELECTORS = ['a.time-ago[href]', '.comment-metadata a[href]', '.commentmetadata a[href]', 'a[href*="#comment-"]:not(.parent-link)'];

function heuristicText(root: Element): string {
  const el = own(root, TEXT_SELECTORS);
  // No text wrapper (old WordPress themes put <p>s straight in .comment-body): the root minus its metadata.
  return el ? readText(el, { skip: '.reply' }) : readText(root, { skip: NOT_TEXT });
}

function heuristicAuthor(root: Element): string | null {
  return readText(own(root, AUTHOR_SELECTORS), { skip: '.says, .avatar' }) || null;
}

function heuristicTime(root: Element): string | null {
  const t = own(root, ['time[datetime]', '[itemprop~="datePublished"][content]']);
  const iso = isoDate(t?.getAttribute('datetime') ?? t?.getAttribute('content'));
  if (iso) return iso;
  // Disqus: the visible time is relative ("день назад"); its title is the full date in the reader's language.
  return parseLocalizedDate(own(root, ['a.time-ago[title]'])?.getAttribute('title'), { withTime: true });
}

/** Disqus's user name (`data-username` on the author link), as "@name". */
function heuristicHandle(root: Element): string | null {
  const name = own(root, ['.author a[data-username]'])?.getAttribute('data-username')?.trim();
  return name && /^[\w.-]{1,64}$/u.test(name) ? `@${name}` : null;
}

function heuristicPermalink(root: Element, ctx: AdapterContext): string | null {
  const link = own(root, PERMALINK_SELECTORS);
  const href = absoluteUrl(link?.getAttribute('href'), ctx.url);
  if (href) return href;
  // The comment's anchor: WordPress prints li#comment-12 (the target of "…#comment-12"),
  // possibly around the element read (a microdata article) or inside it (old themes).
  const chain = sameCommentChain(root);
  const anchor = chain.find((e) => e.id.startsWith('comment-'))?.id || queryOwn(root, '[id^="comment-"]', NESTED)?.id || chain.find((e) => e.id)?.id;
  return anchor ? absoluteUrl('#' + anchor, ctx.url) : null;
}

/** HN's `span.age` title: "2024-05-01T12:34:56" (UTC, no zone) optionally followed by the Unix time. */
function hnTime(title: string | null | undefined): string | null {
  const [iso, unix] = (title ?? '').trim().split(/\s+/u);
  if (unix && /^\d+$/u.test(unix)) return new Date(Number(unix) * 1000).toISOString();
  return iso ? isoDate(/[zZ]|[+-]\d\d:?\d\d$/u.test(iso) ? iso : iso + 'Z') : null;
}

/**
 * A Hacker News comment row (sites.md §16 fixture, 2018 markup; today's HN adds
 * `.commtext` and a dated `span.age[title]`). Nesting is drawn, not structural:
 * the indent image's width (40 px per level).
 */
function hnItem(row: Element, ctx: AdapterContext): ExtractedItem | null {
  const id = row.id;
  const textEl = row.querySelector('.commtext') ?? row.querySelector('div.comment');
  const text = readText(textEl, { skip: '.reply' });
  if (!id || !text) return null;
  const age = row.querySelector('.age');
  const indent = Number.parseInt(row.querySelector('td.ind img')?.getAttribute('width') ?? row.querySelector('td.ind')?.getAttribute('indent') ?? '0', 10);
  return {
    site: 'generic',
    id,
    kind: indent > 0 ? 'reply' : 'comment',
    text,
    author: readText(row.querySelector('.hnuser')) || null,
    handle: null,
    permalink: absoluteUrl(age?.querySelector('a[href]')?.getAttribute('href') ?? `item?id=${id}`, ctx.url),
    // 2018 markup has only "8 hours ago": counted back from ctx.now.
    timestamp: hnTime(age?.getAttribute('title')) ?? parseRelativeTime(readText(age), ctx.now ?? Date.now()),
    rating: null,
  };
}

function heuristicFields(root: Element, ctx: AdapterContext): Fields {
  return {
    kind: 'comment',
    nested: isReply(root),
    title: '',
    body: heuristicText(root),
    author: heuristicAuthor(root),
    handle: heuristicHandle(root),
    url: null,
    permalink: heuristicPermalink(root, ctx),
    timestamp: heuristicTime(root),
    rating: null,
  };
}

// ─── The adapter ─────────────────────────────────────────────────────────────

export const generic = {
  id: 'generic',
  label: 'Web',
  // The bundled demo blog for now; other pages are read through activeTab on request.
  matches: ['http://localhost/*', 'http://127.0.0.1/*'],

  isSupportedPage(url: URL): boolean {
    return url.protocol === 'http:' || url.protocol === 'https:';
  },

  itemSelector: ANY_ROOT,

  extractItem(el: Element, ctx: AdapterContext): ExtractedItem | null {
    const kind = microdataKind(el);
    if (kind) return toItem(microdataFields(el, kind, ctx));
    if (!isRoot(el)) return null;
    // The inner part of a comment whose outer root reads it (article.comment-body in li.comment).
    const outer = nearestRoot(el);
    if (outer && isSameComment(el, outer)) return null;
    // A schema.org item of this same comment inside it reads it better.
    for (const m of el.querySelectorAll(MICRODATA)) {
      if (microdataKind(m) && isSameComment(m, el)) return null;
    }
    if (el.matches(HN_ROW)) return hnItem(el, ctx);
    return toItem(heuristicFields(el, ctx));
  },

  extractDocumentItems(doc: Document, ctx: AdapterContext): ExtractedItem[] {
    const items: ExtractedItem[] = [];
    for (const script of jsonLdScripts(doc)) {
      const data = parseJsonLd(script.textContent ?? '');
      if (data !== undefined) items.push(...jsonLdItems(data, ctx));
    }
    return items;
  },

  findReplyBox(el: Element): Element | null {
    // WordPress: the comment's own "Reply" link moves the form under it; else the page's comment form.
    return queryOwn(el, '.comment-reply-link', NESTED) ?? el.ownerDocument.querySelector('#respond textarea, #commentform textarea');
  },

  // Test URLs
  // Any http(s) page is supported; the generic adapter is the fallback, so the
  // cross-site "no other adapter claims it" check does not apply to it.
  testUrls: [
    'http://127.0.0.1:8080/blog/acme-degustation.html', // demo/site/generic.html
    'http://localhost:3000/blog/acme-degustation.html',
    'https://news.ycombinator.com/item?id=16909056', // tests/fixtures/real/hn
    'https://blog.example.fr/2025/03/cafes-de-lyon/#comments',
  ],
} satisfies SiteAdapter;
