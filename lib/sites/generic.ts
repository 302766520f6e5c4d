/**
 * Generic fallback for any page: schema.org data first, then comment-thread
 * heuristics (sites.md §13).
 *
 *   extractDocumentItems(doc)  (1) JSON-LD: every ld+json block, parsed tolerantly (./jsonld.ts),
 *                                  walked through @graph, arrays and nested properties
 *   extractItem(el)            (2) microdata item  [itemscope][itemtype=schema.org/Review|Comment|…]
 *                              (3) heuristic root  WordPress li.comment / .comment-body, [itemprop=comment],
 *                                                  #comments article, Hacker News tr.athing.comtr
 *                                                  (and its submissions, tr.athing: posts),
 *                                                  Disqus li.post#post-<n> (its embed frame: .post-message,
 *                                                  .author a[data-username], a.time-ago[href][title]),
 *                                                  and any element a comment system numbers: an id
 *                                                  "comment-12" / "comment_12" / "b-comment-12", data-comment-id,
 *                                                  Spot.IM's data-message-id, a BEM .comments__item[data-id]
 *                                                  (forums checked: Habr, Pikabu, 4pda, d3.ru, vc.ru, LiveJournal)
 *                              (4) forum engines   FORUM_ENGINES: phpBB 3, PunBB/FluxBB, vBulletin 3–4, SPIP
 *                                                  (checked on real pages), XenForo, Discourse, MyBB, SMF,
 *                                                  Invision (their documented markup only): every post is
 *                                                  a 'post' (SPIP's, a blog's comments: 'comment'/'reply')
 *
 * Kept schema.org types and their kind: Review, UserReview, CriticReview → 'review';
 * DiscussionForumPosting, SocialMediaPosting, Question (Stack Exchange's QAPage) → 'post';
 * Comment, UserComments, Answer → 'comment' ('reply' when it answers another comment; a
 * FAQPage's questions and answers are no items);
 * a heuristic root is a comment too, a reply when it sits in another comment, in
 * a list item of another comment, or deeper than the top of a thread drawn flat
 * (a "level-2" / "depth-2" class, data-message-depth).
 *
 * One item per comment, although several selectors hit it (li.comment and its
 * article.comment-body; a microdata item inside a heuristic root):
 *   - a schema.org item always reads itself (its fields are declared, not guessed);
 *   - a heuristic root is skipped when it holds a schema.org item of the same
 *     comment, or when it is the inner part of another root of the same comment.
 *   "Same comment" = when both are numbered, the same number; else no reply
 *   container (`.children`, `[class*=replies]`) between the two and the inner one
 *   is not a list item or table row (every comment of a threaded list is its own `li`).
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
import { absoluteUrl, collapse, fallbackId, isoDate, joinTitle, parseLocalizedDate, parseRating, parseRelativeTime, queryOwn, readText, withTimeOfDay } from './dom';
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
  // A Q&A page's question (Stack Exchange's QAPage): the post its answers answer. Not in a FAQPage.
  Question: 'post',
  // Older schema.org type for a comment (commentText, commentTime, creator): Launchpad bug pages.
  UserComments: 'comment',
};

/** "Review", "schema:Review", "http://schema.org/Review" → "Review". */
function typeName(type: string): string {
  return type.trim().split(/[/#:]/u).pop() ?? '';
}

/** A schema.org type's kind of item, or null. */
function keptKind(type: string): 'review' | 'post' | 'comment' | null {
  const name = typeName(type);
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
    body: str(node['reviewBody']) || str(node['text']) || str(node['commentText']) || str(node['articleBody']) || str(node['description']),
    author: authorName(node['author'], byId) ?? authorName(node['creator'], byId),
    url: declaredUrl(node, base),
    permalink: null,
    timestamp: isoDate(str(node['datePublished']) || str(node['dateCreated']) || str(node['commentTime']) || null),
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
  const visit = (v: unknown, depth: number, inComment: boolean, inFaq = false): void => {
    if (depth > MAX_DEPTH || --budget < 0) return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1, inComment, inFaq);
      return;
    }
    if (!isObject(v)) return;
    const faq = inFaq || types(v).some((t) => typeName(t) === 'FAQPage');
    const kind = faq && types(v).some((t) => ['Answer', 'Question'].includes(typeName(t))) ? null : kindOfNode(v);
    if (kind) {
      const item = toItem(jsonLdFields(v, kind, inComment, byId, ctx.url));
      if (item) items.push(item);
    }
    for (const [key, x] of Object.entries(v)) {
      if (key !== '@context') visit(x, depth + 1, kind ? kind === 'comment' : inComment, faq);
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
    // A FAQ's questions and answers are the page's own text, not what people say.
    if (k && (k === 'review' || !['Question', 'Answer'].includes(typeName(t)) || !el.closest('[itemtype*="FAQPage"]'))) return k;
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

/** Discourse's crawler view gives a post its place in the thread only ("position" 2): its address is the thread's /t/slug/id/2. */
function discoursePostUrl(item: Element, url: URL): string | null {
  const thread = /^\/t\/[^/]+\/\d+/u.exec(url.pathname)?.[0];
  const position = propValue(prop(item, 'position'));
  return thread && /^\d{1,6}$/u.test(position) ? `${url.origin}${thread}/${position}` : null;
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
  const date = prop(item, 'datePublished', 'dateCreated', 'commentTime');
  const url = absoluteUrl(propValue(prop(item, 'url')) || null, ctx.url) ?? absoluteUrl(item.getAttribute('itemid'), ctx.url);
  const bodyEl = prop(item, 'reviewBody', 'text', 'commentText', 'articleBody', 'description');
  const headline = kind === 'comment' ? null : prop(item, 'headline', 'name');
  let title = propValue(headline);
  // Discourse repeats the thread's title on every post, in a <meta>: the page's title, not the post's.
  if (kind === 'post' && headline?.localName === 'meta' && title && (item.ownerDocument.title ?? '').includes(title)) title = '';
  return {
    kind,
    nested: isReply(item),
    title,
    body: bodyEl ? readText(bodyEl) : heuristicText(item),
    author: authorText || heuristicAuthor(item),
    url,
    permalink: heuristicPermalink(item, ctx) ?? discoursePostUrl(item, ctx.url),
    // Brief and schema.org: `content` first (machine value), then datetime, then the visible text.
    timestamp: date
      ? isoDate(date.getAttribute('content') ?? date.getAttribute('datetime') ?? readText(date))
      : heuristicTime(item, ctx),
    rating: parseRating(propValue(value) || null, Number.isFinite(best) && best > 0 ? best : 5),
  };
}

// ─── (3) Heuristics ──────────────────────────────────────────────────────────

const HN_ROW = 'tr.athing.comtr';
/** A Hacker News submission: a story row of the front page, or the story above an item page's comments. */
const HN_STORY = 'tr.athing:not(.comtr)';
/**
 * A Disqus comment (inside the embed frame, disqus.com/embed/comments/…). A
 * blog's list of posts prints `li.post#post-12` too, so it is a root only with
 * its own `.post-message` (isRoot).
 */
const DISQUS_POST = 'li.post[id^="post-"]';
/** Heuristic roots that need no further check. */
const COMMENT_ROOT = `li.comment, .comment-body, [itemprop~="comment"], #comments article, ${HN_ROW}`;
/**
 * An id naming a numbered comment: "comment-12" (WordPress), "div-comment-12",
 * "comment_12" (Habr, Pikabu), "b-comment-12" (d3.ru); not "comment-form" (no
 * number) nor "comments-2" (a list). The number tells two comments apart.
 */
const COMMENT_ID = /^(?:[a-z]{1,12}[-_])?comment(?!s[-_]?\d)[-_]?(\D{0,12}?)(\d+)/iu;
/** Numbered parts of a comment's page that are not a comment: "comment-count-12", "comment-form-2", "comment-reply-link-9". */
const NOT_COMMENT_ID = /count|form|link|btn|button|reply|respond|total|num|area|box|input|like|vote|share|edit/iu;
/** A BEM comment item with a data-id (vc.ru's .comments__item[data-id]); not its parts (.comments__item__reply). */
const COMMENT_ITEM_CLASS = /^(?:[\w-]*[-_])?comments?(?:__|[-_])item$|^comment$/iu;
/**
 * Candidates that isRoot checks: numbered ids, a comment system's own id
 * attribute (data-comment-id; Spot.IM/OpenWeb's data-message-id), BEM items.
 */
const CANDIDATE_ROOT = '[id*="comment" i], [data-comment-id], [data-message-id], [class*="comment"][data-id], [class*="comment" i] > li';
const HEURISTIC = `${COMMENT_ROOT}, ${CANDIDATE_ROOT}, ${DISQUS_POST}`;
const ANY_ROOT = `${MICRODATA}, ${HEURISTIC}`;
/** Reply lists that hold other comments: WordPress/Disqus `.children`, "replies" containers, Habr's nested lists. */
const REPLY_CONTAINER = '.children, [class*="replies"], [class*="children"], [class*="nested"], ul[class*="comment-list"]';
/** Where a root's own fields stop: its replies, and other schema.org items inside it. */
const NESTED = `${REPLY_CONTAINER}, li.comment, ${HN_ROW}, ${DISQUS_POST}, ${MICRODATA}`;
/** Not text: metadata, actions and forms around a comment (WordPress and common themes). */
const NOT_TEXT = `${NESTED}, .comment-meta, .comment-metadata, .commentmetadata, .metadata, .comment-author, .vcard, .reply, .comment-reply-link, .says, footer, header, form, button, nav`;
/** Elements that are a comment's controls, never the comment (a "Reply" button with data-comment-id). */
const CONTROL = 'a, button, input, select, textarea, form, label, svg';

/** The number or id a comment system gives a root, or null: two roots with different keys are two comments. */
function commentKey(el: Element): string | null {
  const m = COMMENT_ID.exec(el.id);
  if (m && !NOT_COMMENT_ID.test(m[1]!)) return m[2]!;
  const data = el.getAttribute('data-comment-id') ?? el.getAttribute('data-message-id');
  if (data) return data;
  const id = el.getAttribute('data-id');
  if (id && [...el.classList].some((c) => COMMENT_ITEM_CLASS.test(c))) return id;
  return el.localName === 'li' ? anchorKey(el) : null;
}

/**
 * A comment list's item numbered only by the anchor inside it (La Presse's
 * blogs: ul.comments-list > li > div.metadata > a[name="comment-388384"]):
 * the anchor's number, when the li is in a list named for comments and holds
 * exactly one such anchor.
 */
function anchorKey(li: Element): string | null {
  if (!li.parentElement?.matches('[class*="comment" i]')) return null;
  const anchors = li.querySelectorAll('a[name*="comment" i]');
  if (anchors.length !== 1) return null;
  const name = anchors[0]!.getAttribute('name')!;
  const m = COMMENT_ID.exec(name);
  return m && !NOT_COMMENT_ID.test(m[1]!) ? m[2]! : null;
}

function isRoot(el: Element): boolean {
  if (microdataKind(el) !== null || el.matches(COMMENT_ROOT)) return true;
  if (/^post-\d+$/u.test(el.id) && el.matches(DISQUS_POST)) return queryOwn(el, '.post-message', NESTED) !== null;
  return commentKey(el) !== null && !el.matches(CONTROL);
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

/** A class "…level-2" / "depth-3" (WordPress, LiveJournal): 1 is the top of the thread. */
const LEVEL_CLASS = /(?:^|[-_])(?:level|depth)[-_]+(\d{1,2})$/u;

/**
 * How deep a comment sits in a thread drawn flat (LiveJournal, Spot.IM: every
 * comment a sibling, indented by a class or an attribute), counted from 0 at
 * the top; null when neither the root nor its two nearest ancestors say.
 */
function flatDepth(root: Element): number | null {
  for (let p: Element | null = root, k = 0; p && k < 3; p = p.parentElement, k++) {
    // Attributes count from 0 (Spot.IM's data-message-depth).
    const attr = p.getAttribute('data-message-depth') ?? p.getAttribute('data-depth');
    if (attr !== null && /^\d{1,2}$/u.test(attr)) return Number(attr);
    for (const c of p.classList) {
      const m = LEVEL_CLASS.exec(c);
      if (m) return Math.max(0, Number(m[1]) - 1);
    }
  }
  return null;
}

/** A comment inside another comment (not inside a review or a post), or deeper than the top of a flat thread: a reply. */
function isReply(el: Element): boolean {
  const top = sameCommentChain(el).pop()!;
  const parent = nearestRoot(top);
  if (parent !== null) return (microdataKind(parent) ?? 'comment') === 'comment';
  // Threads drawn as lists whose root is a child of the li (4pda, habr): a reply's li sits in another comment's li.
  const li = top.localName === 'li' ? top : top.parentElement?.closest('li');
  const outer = li?.parentElement?.closest('li');
  if (outer && [...outer.children].some((c) => c !== li && isRoot(c))) return true;
  return (flatDepth(top) ?? 0) > 0;
}

/** See the module comment: whether `inner` is part of the same comment as its ancestor `outer`. */
function isSameComment(inner: Element, outer: Element): boolean {
  // Two numbered comments are two comments wherever they sit (d3.ru renders a reply straight inside its parent).
  const a = commentKey(inner);
  const b = commentKey(outer);
  if (a !== null && b !== null) return a === b;
  if (inner.localName === 'li' || inner.localName === 'tr') return false;
  for (let p = inner.parentElement; p && p !== outer; p = p.parentElement) {
    if (p.matches(REPLY_CONTAINER)) return false;
  }
  return true;
}

/** Whether `m` (inside `root`, whose commentKey is `key`) belongs to `root`, not to a reply or another item nested in it. */
function isOwnPart(root: Element, key: string | null, m: Element, skip?: string): boolean {
  for (let p: Element | null = m; p && p !== root; p = p.parentElement) {
    if (p.matches(NESTED) || (skip !== undefined && p.matches(skip))) return false;
    const k = commentKey(p);
    if (k !== null && k !== key && isRoot(p)) return false;
  }
  return true;
}

/** First own match of each selector in turn (priority order, not document order). */
function own(root: Element, selectors: readonly string[], skip?: string): Element | null {
  const key = commentKey(root);
  for (const s of selectors) {
    for (const m of root.querySelectorAll(s)) if (isOwnPart(root, key, m, skip)) return m;
  }
  return null;
}

/** Every own match of the selectors, in priority order, at most `max`. */
function ownAll(root: Element, selectors: readonly string[], max: number): Element[] {
  const out: Element[] = [];
  const key = commentKey(root);
  for (const s of selectors) {
    for (const m of root.querySelectorAll(s)) {
      if (out.length >= max) return out;
      if (!out.includes(m) && isOwnPart(root, key, m)) out.push(m);
    }
  }
  return out;
}

const TEXT_SELECTORS = [
  '.comment-content',
  '.comment-text',
  // Stack Exchange's comments.
  '.comment-copy',
  '.commtext',
  '[itemprop~="text"]',
  '[itemprop~="commentText"]',
  '.comment-message',
  '.post-message',
  // Comment systems' own names for the text: Spot.IM/OpenWeb, BEM blocks (Habr, vc.ru, d3.ru, LiveJournal), old WordPress themes, 4pda.
  '[data-spot-im-class="message-text"]',
  '[class*="comment__message"]',
  '[class*="comment__text"]',
  '[class*="comments__item__text"]',
  '[class*="comment__content"]',
  '[class*="comment__body"]',
  '.commententry',
  'p.content',
];
const AUTHOR_SELECTORS = [
  '.comment-author .fn',
  '.fn',
  '.comment-author cite',
  // Avada and other themes: the name in a strong or a link, the date loose beside it.
  '.comment-author strong',
  '.comment-author a.url',
  '.comment-author',
  '.hnuser',
  '.auteur',
  // Stack Exchange's comments.
  '.comment-user',
  '[itemprop~="author"]',
  '[itemprop~="creator"]',
  '.author',
  // Comment systems' user names: Habr, Pikabu, 4pda, d3.ru, vc.ru, Spot.IM, LiveJournal.
  '.user-info__nickname',
  '.user__nick',
  '.nickname',
  '[class*="user-login__login"]',
  '[class*="user__name"]',
  '[class*="username"]',
  // Launchpad: a.sprite.person (person-inactive for its bots).
  'a[class*="person"]',
];
/** Where a comment names someone else: the comment it answers ("in reply to …"). */
const NOT_AUTHOR = '[class*="reply-to"], [class*="replied"], .parent-link';
/** "Роман пишет:", "Jean says:", "Marie a écrit :": the verb some themes print after the name. */
const SAYS = /\s+(?:says|writes|wrote|dit|écrit|a écrit|пишет|написал|написала|schreibt|escribe|scrive)\s*:?\s*$/iu;
/** Disqus's `a.time-ago` first: a reply's "in reply to" link (`a.parent-link`) also points at a "#comment-". */
const PERMALINK_SELECTORS = [
  'a.time-ago[href]',
  '.comment-metadata a[href]',
  '.commentmetadata a[href]',
  // A comment's own time is usually its link (LiveJournal, d3.ru, vc.ru).
  'a[class*="comment"][class*="time"][href]',
  'a[class*="comment"][class*="date"][href]',
  'a[href*="#comment-"]:not(.parent-link)',
  'a[href*="#comment_"]:not(.parent-link)',
];
/** Where a comment's time is written, when no element gives it as a machine value. */
const TIME_TITLE_SELECTORS = ['a.time-ago[title]', 'time[title]', '[class*="date"][title]', '[class*="time"][title]'];
/** "2018-05-27 06:16:39Z, License: CC BY-SA 4.0" (Stack Exchange's relative times): an ISO time first in a title. */
const ISO_TITLE = /^\s*(\d{4}-\d\d-\d\d)[ T](\d\d:\d\d(?::\d\d)?)(Z|[+-]\d\d:?\d\d)?/u;
const TIME_TEXT_SELECTORS = [
  'time',
  '[data-spot-im-class="message-timestamp"]',
  '[class*="comment-time"]',
  '[class*="comment__time"]',
  '[class*="date"]',
  '[class*="time"]',
  '.h-meta',
  // Avada: "Pascal 22. Juni 2018 um 20:36 Uhr - Antworten", the date loose beside the name.
  '.comment-author',
];
/** "сегодня в 13:10", "today at 1:10 PM", "hier à 18:05": a day word, then maybe a time of day. */
const DAY_WORD = /(?<![\p{L}])(?:(today|aujourd'hui|aujourd’hui|сегодня|heute|hoy|oggi)|(yesterday|hier|вчера|gestern|ayer|ieri))(?![\p{L}])/iu;
/** Unix times in an attribute (vc.ru's time[air-date-timestamp], data-timestamp): seconds or milliseconds. */
const UNIX_TIME_ATTRIBUTES = ['data-timestamp', 'air-date-timestamp', 'data-time', 'data-created'];

function heuristicText(root: Element): string {
  const el = own(root, TEXT_SELECTORS);
  // No text wrapper (old WordPress themes put <p>s straight in .comment-body): the root minus its metadata.
  return el ? readText(el, { skip: '.reply' }) : readText(root, { skip: NOT_TEXT });
}

function heuristicAuthor(root: Element): string | null {
  const name = readText(own(root, AUTHOR_SELECTORS, NOT_AUTHOR), { skip: '.says, .avatar' }).replace(SAYS, '');
  return name || null;
}

function unixTime(value: string | null): string | null {
  if (!value || !/^\d{9,13}$/u.test(value.trim())) return null;
  const n = Number(value);
  return new Date(n < 1e11 ? n * 1000 : n).toISOString();
}

function heuristicTime(root: Element, ctx: AdapterContext): string | null {
  const t = own(root, ['time[datetime]', '[itemprop~="datePublished"][content]']);
  const iso = isoDate(t?.getAttribute('datetime') ?? t?.getAttribute('content'));
  if (iso) return iso;
  for (const attr of UNIX_TIME_ATTRIBUTES) {
    const unix = unixTime(own(root, [`[${attr}]`])?.getAttribute(attr) ?? null);
    if (unix) return unix;
  }
  // Disqus and vc.ru: the visible time is relative ("день назад"); the title is the full date in the reader's language.
  for (const el of ownAll(root, TIME_TITLE_SELECTORS, 4)) {
    const iso = ISO_TITLE.exec(el.getAttribute('title') ?? '');
    const date = (iso ? isoDate(`${iso[1]}T${iso[2]}${iso[3] ?? ''}`) : null) ?? parseLocalizedDate(el.getAttribute('title'), { withTime: true });
    if (date) return date;
  }
  // A shown date ("April 12 2018, 04:34:23 UTC", "22.04.18 в 23:08"), else a relative one ("15h", "1 week ago").
  const shown = ownAll(root, TIME_TEXT_SELECTORS, 6).map((el) => readText(el));
  for (const text of shown) {
    const date = parseLocalizedDate(text, { withTime: true });
    if (date) return date;
  }
  const now = ctx.now ?? Date.now();
  for (const text of shown) {
    if (text.length > 40) continue;
    const date = dayWordTime(text, now) ?? parseRelativeTime(text, now);
    if (date) return date;
  }
  // Only a month ("Июль 2017", "March 2024"): its first day.
  for (const text of shown) {
    const date = text.length <= 40 ? parseLocalizedDate(text, { monthPrecision: true }) : null;
    if (date) return date;
  }
  return null;
}

/** "today at 13:10" / "вчера в 9:05": that day (from `now`, in the browser's zone) at that time; null without a day word. */
function dayWordTime(text: string, now: number): string | null {
  const m = DAY_WORD.exec(text);
  if (!m) return null;
  const day = new Date(now);
  if (m[2]) day.setDate(day.getDate() - 1);
  const midnight = new Date(Date.UTC(day.getFullYear(), day.getMonth(), day.getDate())).toISOString();
  return withTimeOfDay(midnight, text.slice(m.index + m[0].length));
}

/** Disqus's user name (`data-username` on the author link), as "@name". */
function heuristicHandle(root: Element): string | null {
  const name = own(root, ['.author a[data-username]'])?.getAttribute('data-username')?.trim();
  return name && /^[\w.-]{1,64}$/u.test(name) ? `@${name}` : null;
}

/** Query parameters that name the comment a link shows (not WordPress's `replytocom`, a reply form). */
const COMMENT_PARAM = /^(?:c|cid|comment|comment_?id|commentid)$/iu;

/** The comment's own link that names it by id in its query: Pikabu's "…?cid=111902492". */
function commentIdLink(root: Element, chain: readonly Element[], ctx: AdapterContext): string | null {
  const key = chain.map(commentKey).find((k) => k !== null);
  if (!key) return null;
  for (const a of ownAll(root, ['a[href*="="]'], 50)) {
    const url = absoluteUrl(a.getAttribute('href'), ctx.url);
    if (!url) continue;
    for (const [name, value] of new URL(url).searchParams) {
      if (value === key && COMMENT_PARAM.test(name)) return url;
    }
  }
  return null;
}

function heuristicPermalink(root: Element, ctx: AdapterContext): string | null {
  const link = own(root, PERMALINK_SELECTORS);
  const href = absoluteUrl(link?.getAttribute('href'), ctx.url);
  if (href) return href;
  const chain = sameCommentChain(root);
  const byId = commentIdLink(root, chain, ctx);
  if (byId) return byId;
  // The comment's anchor: WordPress prints li#comment-12 (the target of "…#comment-12"),
  // possibly around the element read (a microdata article) or inside it (old themes).
  const anchor =
    chain.find((e) => e.id.startsWith('comment-'))?.id ||
    queryOwn(root, '[id^="comment-"]', NESTED)?.id ||
    chain.find((e) => e.id)?.id ||
    queryOwn(root, 'a[name*="comment" i]', NESTED)?.getAttribute('name');
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

/**
 * A Hacker News submission (post): its title (the `.titleline` link, `a.storylink`
 * in 2018), the story's own text on its item page (Ask HN, Show HN), and the
 * metadata in the row below it (`td.subtext`: author, age).
 */
function hnStory(row: Element, ctx: AdapterContext): ExtractedItem | null {
  const id = row.id;
  const title = readText(row.querySelector('.titleline > a, a.storylink'));
  if (!/^\d+$/u.test(id) || !title) return null;
  const sub = row.nextElementSibling?.querySelector('td.subtext') ?? null;
  const age = sub?.querySelector('.age') ?? null;
  const top = row.closest('table.fatitem')?.querySelector('.toptext');
  return {
    site: 'generic',
    id,
    kind: 'post',
    text: joinTitle(title, readText(top, { skip: '.reply' })),
    author: readText(sub?.querySelector('.hnuser')) || null,
    handle: null,
    permalink: absoluteUrl(age?.querySelector('a[href]')?.getAttribute('href') ?? `item?id=${id}`, ctx.url),
    timestamp: hnTime(age?.getAttribute('title')) ?? parseRelativeTime(readText(age), ctx.now ?? Date.now()),
    rating: null,
  };
}

// ─── Forum engines ───────────────────────────────────────────────────────────

/**
 * A forum engine's post: where its root, text, author, time and permalink are.
 * Every post of a thread is an item of kind 'post' (the thread's first one and its
 * answers alike, as schema.org's DiscussionForumPosting). `skip`: what the text
 * leaves out (quotes of other posts, signatures, edit notes).
 */
interface ForumEngine {
  name: string;
  root: string;
  /** The root's id that numbers the post (checked after the selector). */
  id?: RegExp;
  /** What else a root must hold to be one (vBulletin: the message its number names). */
  holds?: (root: Element) => boolean;
  text: string;
  skip: string;
  author: string;
  /** An attribute of the root that holds the author's name (XenForo's data-author). */
  authorAttribute?: string;
  time: string;
  link: string;
  /** A blog's comment system (SPIP), not a forum: its posts are comments, replies when nested. */
  comments?: boolean;
}

const FORUM_ENGINES: readonly ForumEngine[] = [
  {
    // phpBB 3 (prosilver and its children, checked on a 3.2 page): div.post#p123.
    name: 'phpbb',
    root: 'div.post[id^="p"]',
    id: /^p\d+$/u,
    text: '.postbody .content, .content',
    skip: 'blockquote, .signature, .notice, .codebox > p',
    author: '.postprofile .username, .postprofile .username-coloured, p.author .username, p.author .username-coloured, .postprofile dt a, p.author strong',
    time: 'p.author time[datetime], p.author',
    link: 'p.author a[href*="#p"], h3 a[href*="#p"], a[href*="#p"]',
  },
  {
    // PunBB / FluxBB (checked on a PunBB 1.2 page): div.blockpost#p123, the date is the post's link.
    name: 'punbb',
    root: 'div.blockpost[id^="p"]',
    id: /^p\d+$/u,
    text: '.postmsg',
    skip: 'blockquote, .postsignature, .postedit',
    author: '.postleft dt strong, .postleft dt',
    time: 'h2 a',
    link: 'h2 a[href]',
  },
  {
    // vBulletin 3 and 4 (checked on a 3.9 page): div#post123 / table#post123 / li#post_123 around div#post_message_123.
    name: 'vbulletin',
    root: 'div[id^="post"], table[id^="post"], li[id^="post_"]',
    id: /^post_?\d+$/u,
    // div#post123 holds div#post_message_123 (div#postmenu_123 and the like are parts of it).
    holds: (root) => root.querySelector(`[id="post_message_${root.id.replace(/\D/gu, '')}"]`) !== null,
    text: '[id^="post_message_"]',
    skip: '.bbcode_container, .bbcode_quote, .quote_container, .editnote',
    author: 'a.bigusername, .username_container .username, a.username, .username',
    time: 'time[datetime], .postdate .date, span.date, .thead .tcell:first-child, td.thead:first-child, .thead',
    link: 'a[title="Link to this Post"], a.postcounter, a[id^="postcount"], a[href*="#post"]',
  },
  {
    // XenForo 2 (article.message--post, data-author) and 1 (li.message, data-author).
    name: 'xenforo',
    root: 'article.message[data-author], li.message[data-author]',
    text: '.message-body .bbWrapper, .messageText, .message-body',
    skip: 'blockquote.bbCodeBlock, .bbCodeBlock--quote, .message-signature, .messageTextEndMarker, .bbCodeQuote',
    author: '.message-name, .username',
    authorAttribute: 'data-author',
    time: 'time[datetime], .DateTime[data-time], .DateTime',
    link: '.message-attribution-main a[href], .message-attribution a[href*="post"], a.datePermalink[href], a[href*="/post-"]',
  },
  {
    // Discourse in the browser: article#post_2[data-post-id], text in .cooked.
    name: 'discourse',
    root: 'article[data-post-id]',
    text: '.cooked',
    skip: 'aside.quote, .quote',
    author: '.names .first a, .names .username a, .names a, [data-user-card]',
    time: '.post-date [data-time], .relative-date[data-time], time[datetime]',
    link: 'a.post-date[href], .post-info a[href*="/t/"]',
  },
  {
    // MyBB: div.post#post_123, text in .post_body#pid_123.
    name: 'mybb',
    root: 'div.post[id^="post_"]',
    id: /^post_\d+$/u,
    text: '.post_body',
    skip: 'blockquote, .signature, .post_edit',
    author: '.author_information .largetext a, .author_information a, .post_author a',
    time: '.post_date [title], .post_date',
    link: '.post_head a[href*="pid"], a[href*="#pid"]',
  },
  {
    // SMF 2.0 (.post_wrapper) and 2.1 (div.windowbg#msg123): text in .inner#msg_123.
    name: 'smf',
    root: 'div.post_wrapper, div.windowbg[id^="msg"]',
    text: '.post .inner, [id^="msg_"]',
    skip: 'blockquote, .quoteheader, .quotefooter, .signature, .modified',
    author: '.poster h4 a, .poster h4',
    time: '.keyinfo .smalltext, .postinfo a.smalltext, .postinfo .smalltext',
    link: '.keyinfo h5 a[href*="msg"], .postinfo a.smalltext[href*="msg"], a[href*="#msg"]',
  },
  {
    // Invision Community 4: article#elComment_123, text in [data-role=commentContent].
    name: 'invision',
    root: 'article[id^="elComment_"]',
    text: '[data-role="commentContent"]',
    skip: 'blockquote.ipsQuote, .ipsQuote, [data-role="memberSignature"]',
    author: '.cAuthorPane_author a, .cAuthorPane_author, [itemprop~="author"] [itemprop~="name"]',
    time: 'time[datetime]',
    link: 'a[href*="comment="][href*="do=findComment"], .ipsComment_meta a[href*="comment="]',
  },
  {
    // SPIP's forums (French sites): ul.forum > li.forum-fil, the anchor a#forum123.
    name: 'spip',
    root: 'li.forum-fil',
    text: '.forum-texte',
    skip: 'blockquote',
    author: '[class*="forum-qui"], .forum-auteur, .forum-chapo .vcard',
    time: '.forum-date, .forum-nav, .forum-chapo small',
    link: 'a[href^="#forum"], a[name^="forum"]',
    comments: true,
  },
];
const FORUM_ROOT = FORUM_ENGINES.map((e) => e.root).join(', ');

function forumEngine(el: Element): ForumEngine | null {
  for (const e of FORUM_ENGINES) {
    if (el.matches(e.root) && (!e.id || e.id.test(el.id)) && (!e.holds || e.holds(el))) return e;
  }
  return null;
}

/** A forum post's time: a machine value on the element first, then its text (a date, "Yesterday 20:47", "3 hours ago"). */
function forumTime(el: Element | null, now: number): string | null {
  if (!el) return null;
  const machine = isoDate(el.getAttribute('datetime')) ?? unixTime(el.getAttribute('data-time'));
  if (machine) return machine;
  for (const text of [el.getAttribute('title'), readText(el)]) {
    const date = parseLocalizedDate(text, { withTime: true }) ?? (text && text.length <= 40 ? (dayWordTime(text, now) ?? parseRelativeTime(text, now)) : null);
    if (date) return date;
  }
  return null;
}

/** A permalink without the session id phpBB and others add for visitors without cookies (`sid=<32 hex>`). */
function withoutSession(url: string | null): string | null {
  if (!url) return null;
  const u = new URL(url);
  for (const key of ['sid', 's']) if (/^[0-9a-f]{32}$/iu.test(u.searchParams.get(key) ?? '')) u.searchParams.delete(key);
  return u.href;
}

function forumPost(root: Element, engine: ForumEngine, ctx: AdapterContext): ExtractedItem | null {
  // Its own parts, not those of a post nested in it (SPIP's replies sit in their parent's li).
  const isOwn = (el: Element): boolean => {
    for (let p: Element | null = el; p && p !== root; p = p.parentElement) if (p.matches(engine.root) && forumEngine(p) === engine) return false;
    return true;
  };
  // Selectors in priority order, not document order (an avatar link comes before the name link).
  const all = (selectors: string): Element[] => selectors.split(', ').flatMap((sel) => [...root.querySelectorAll(sel)].filter(isOwn));
  const first = (selectors: string, ok: (el: Element) => boolean = () => true): Element | null => {
    for (const sel of selectors.split(', ')) {
      for (const el of root.querySelectorAll(sel)) if (isOwn(el) && ok(el)) return el;
    }
    return null;
  };
  const nested = [...root.querySelectorAll(engine.root)].some((p) => forumEngine(p) === engine);
  const text = readText(first(engine.text), { skip: nested ? `${engine.skip}, ${engine.root}` : engine.skip });
  if (!text) return null;
  const authorEl = first(engine.author, (el) => readText(el) !== '');
  const author = collapse((engine.authorAttribute && root.getAttribute(engine.authorAttribute)) || '') || readText(authorEl) || null;
  const now = ctx.now ?? Date.now();
  let timestamp: string | null = null;
  for (const el of all(engine.time).slice(0, 4)) {
    timestamp = forumTime(el, now);
    if (timestamp) break;
  }
  // The link selectors in priority order (vBulletin's "#1" counter link comes before its permalink).
  const permalink = withoutSession(absoluteUrl(first(engine.link)?.getAttribute('href'), ctx.url)) ?? (root.id ? absoluteUrl('#' + root.id, ctx.url) : null);
  const kind: ItemKind = !engine.comments ? 'post' : root.parentElement?.closest(engine.root) ? 'reply' : 'comment';
  return {
    site: 'generic',
    id: permalink ?? fallbackId([engine.name, author, text]),
    kind,
    text,
    author,
    handle: null,
    permalink,
    timestamp,
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
    timestamp: heuristicTime(root, ctx),
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

  itemSelector: `${ANY_ROOT}, ${HN_STORY}, ${FORUM_ROOT}`,

  extractItem(el: Element, ctx: AdapterContext): ExtractedItem | null {
    if (el.matches(HN_STORY)) return hnStory(el, ctx);
    const kind = microdataKind(el);
    if (kind) return toItem(microdataFields(el, kind, ctx));
    const engine = forumEngine(el);
    if (engine) {
      // A schema.org item inside it declares the post better; nothing else reads a forum post.
      return el.querySelector(MICRODATA) ? null : forumPost(el, engine, ctx);
    }
    if (!isRoot(el)) return null;
    // Inside a forum post, what looks like a comment (Invision's share menu, its comment-N anchors) is part of it.
    for (let p = el.parentElement?.closest(FORUM_ROOT); p; p = p.parentElement?.closest(FORUM_ROOT)) {
      if (forumEngine(p)) return null;
    }
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
