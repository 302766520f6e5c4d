/**
 * Small DOM-reading helpers shared by the adapters. Pure: they only read.
 */

/** Collapse whitespace runs to one space and trim. */
export function collapse(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/**
 * Text of an element as a reader sees it: text nodes joined, emoji images
 * replaced by their alt text (X and others render emoji as <img alt="😀">),
 * <br> and block boundaries as spaces, whitespace collapsed.
 * Script, style and template contents are skipped.
 *
 * `inlineBlocks`: do not add a space at block boundaries, for sites that lay
 * out inline text with block elements (X wraps each @mention inside a post's
 * text in a `div`, so "for <div>@x</div>, from" must read "for @x, from").
 *
 * `skip`: a selector whose subtrees are left out (an owner reply, a nested reply
 * list, a "reply" link). Walking past them is safer than removing them from a
 * clone: a cloned `<img onerror>` would load (and fire) again.
 */
export function readText(el: Element | null | undefined, options: { inlineBlocks?: boolean; skip?: string } = {}): string {
  if (!el) return '';
  const parts: string[] = [];
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        parts.push(child.nodeValue ?? '');
      } else if (child.nodeType === 1) {
        const e = child as Element;
        const tag = e.localName;
        if (tag === 'script' || tag === 'style' || tag === 'template' || tag === 'noscript') continue;
        if (options.skip && e.matches(options.skip)) continue;
        if (tag === 'img') {
          parts.push(e.getAttribute('alt') ?? '');
          continue;
        }
        if (tag === 'br') {
          parts.push(' ');
          continue;
        }
        // Blocks separate words on both sides ("foo<p>Acme</p>bar" reads "foo Acme bar").
        const isBlock = !options.inlineBlocks && BLOCK_TAGS.has(tag);
        if (isBlock) parts.push(' ');
        walk(e);
        if (isBlock) parts.push(' ');
      }
    }
  };
  walk(el);
  return collapse(parts.join(''));
}

const BLOCK_TAGS = new Set(['p', 'div', 'li', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article']);

/** Resolve an href against the page URL; null when absent or not http(s). */
export function absoluteUrl(href: string | null | undefined, base: URL): string | null {
  if (!href) return null;
  try {
    const u = new URL(href, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** ISO string of a date-like attribute value, or null when it does not parse. */
export function isoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/** First number in a string ("4,0 su 5 stelle", "Rated 4 out of 5", "5 stars") clamped to 1..5. */
export function parseRating(value: string | null | undefined, best = 5): number | null {
  if (!value) return null;
  const m = /(\d+(?:[.,]\d+)?)/u.exec(value);
  if (!m?.[1]) return null;
  const n = Number.parseFloat(m[1].replace(',', '.'));
  if (!Number.isFinite(n) || best <= 0) return null;
  const scaled = best === 5 ? n : (n / best) * 5;
  if (scaled < 0 || scaled > 5) return null;
  return Math.round(scaled * 10) / 10;
}

/** A short, stable, non-cryptographic hash (FNV-1a, 32-bit, base36) for fallback ids. */
export function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/** Id for items whose site gives none: a hash of what identifies them on the page. */
export function fallbackId(parts: Array<string | null | undefined>): string {
  return 'h' + fnv1a(parts.map((p) => p ?? '').join('\u0001'));
}

/**
 * First descendant of `root` matching `selector` that belongs to `root` itself,
 * not to an item nested inside it: no element between the match (inclusive)
 * and `root` (exclusive) matches `nested`. For threaded comments whose replies
 * are rendered inside their parent (old.reddit `.thing`, shreddit-comment...),
 * where a plain querySelector would read a child's text, author or time.
 */
export function queryOwn(root: Element, selector: string, nested: string): Element | null {
  for (const m of root.querySelectorAll(selector)) {
    if (isOwn(root, m, nested)) return m;
  }
  return null;
}

function isOwn(root: Element, el: Element, nested: string): boolean {
  for (let p: Element | null = el; p && p !== root; p = p.parentElement) {
    if (p.matches(nested)) return false;
  }
  return true;
}

/**
 * A review's text from its title and body: "title body", or whichever exists.
 * When the body already starts with the title (Trustpilot fills a missing
 * title with the body's first words; ground truth "Never buying from here…"),
 * the title is not repeated.
 */
export function joinTitle(title: string, body: string): string {
  const t = collapse(title);
  const b = collapse(body);
  if (!t) return b;
  if (!b) return t;
  const stem = t.replace(/(?:\.\.\.|…)$/u, '').toLowerCase();
  return b.toLowerCase().startsWith(stem) ? b : `${t} ${b}`;
}
