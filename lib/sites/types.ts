/**
 * The one interface every site adapter implements.
 *
 * An adapter is plain data plus pure DOM-reading functions: it never talks to the
 * extension, never stores anything and never trusts the page. The content-script
 * runner (lib/content/runner.ts) decides when to call it.
 */

/** Every site Veille knows. `generic` is the schema.org / heuristic fallback. */
export const SITE_IDS = [
  'x',
  'facebook',
  'instagram',
  'linkedin',
  'reddit',
  'youtube',
  'tiktok',
  'google-maps',
  'trustpilot',
  'tripadvisor',
  'amazon',
  'generic',
] as const;
export type SiteId = (typeof SITE_IDS)[number];

export const ITEM_KINDS = ['post', 'comment', 'reply', 'review'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** What an adapter reads off the page for one post, comment or review. */
export interface ExtractedItem {
  site: SiteId;
  /**
   * Stable id from the site (X status id, Reddit thingid, Google `data-review-id`,
   * Trustpilot review id...). Never derived from DOM node identity. When the site
   * has no id, the adapter builds one from permalink/author/text (see `fallbackId`).
   */
  id: string;
  kind: ItemKind;
  /** Plain text (textContent-like, whitespace collapsed). Never HTML. */
  text: string;
  /** Display name, as shown. */
  author: string | null;
  /** Handle with a leading "@" when the site has handles (X, YouTube, TikTok...). */
  handle: string | null;
  /** Absolute URL of the item itself (or of the page plus an anchor). */
  permalink: string | null;
  /** ISO-8601 when the page gives an absolute time. */
  timestamp: string | null;
  /** Star rating normalised to 1..5, when the site has ratings. */
  rating: number | null;
}

export interface AdapterContext {
  /** The page URL (location in the browser; a given URL in tests and the extract CLI). */
  url: URL;
  /**
   * The clock relative times ("3 hours ago") are counted back from, in ms:
   * Date.now() when absent (the page was just rendered); fixed in tests, and
   * `--now` in the extract CLI for a page saved earlier.
   */
  now?: number;
}

export interface SiteAdapter {
  id: SiteId;
  /** Human label shown in the UI. */
  label: string;
  /** Manifest match patterns of the pages this adapter handles (also the content script's `matches`). */
  matches: string[];
  /** Whether this adapter applies to the URL (finer than `matches`). */
  isSupportedPage(url: URL): boolean;
  /**
   * CSS selector of one item's root element. The runner finds these in added
   * subtrees and calls `extractItem` once per element.
   */
  itemSelector: string;
  /**
   * The item's text is read from the item element's own text only (never from
   * an ancestor, a sibling or an attribute), so its `textContent` holds every
   * word of it. The runner then reads an element only when that textContent
   * may name a brand (`BrandMatcher.mayMatch`): on a feed where most posts name
   * none, most elements are never walked, which spares the page's heap.
   * Not declared by Instagram (a comment is hooked on its permalink, beside
   * its text), Reddit (shreddit's `post-title` attribute) and the generic
   * adapter (microdata `content` attributes). tests/unit/sites/text-within.test.ts
   * checks the adapters that declare it.
   */
  textWithinItem?: boolean;
  /** Read one item. Returns null when the element is not a usable item (ad, empty, dialog...). */
  extractItem(el: Element, ctx: AdapterContext): ExtractedItem | null;
  /**
   * Items that are not tied to one element (JSON-LD blocks, page-level data).
   * Called on load and after SPA navigation.
   */
  extractDocumentItems?(doc: Document, ctx: AdapterContext): ExtractedItem[];
  /** Where the item's reply box is (or the button that opens it), for later insertion. */
  findReplyBox?(el: Element): Element | null;
  /** URLs that must satisfy isSupportedPage (checked by tests). */
  testUrls: string[];
}
