/**
 * YouTube comments adapter (desktop). Selectors: sites.md §7 (several 2025–26
 * extensions). No real saved page of today's comment layout was available:
 * the demo page (demo/site/youtube.html) follows the structure those sources
 * describe, and the old `ytd-comment-renderer` is kept in the item selector.
 *
 *   ytd-comment-thread-renderer
 *     ├─ ytd-comment-view-model#comment        (old: ytd-comment-renderer)  → kind 'comment'
 *     │    #author-text[href="/@handle"] · #published-time-text a[href*="lc="] · #content-text
 *     └─ #replies … ytd-comment-view-model      (after "n replies" is expanded) → kind 'reply'
 *
 * The video itself is not an item. Times are relative ("2 days ago"):
 * parseRelativeTime (English, French, and 23 other languages from ICU) counts them back from ctx.now (sites.md §14).
 */
import type { AdapterContext, ExtractedItem, SiteAdapter } from './types';
import { absoluteUrl, parseRelativeTime, readText } from './dom';

const COMMENT = 'ytd-comment-view-model, ytd-comment-renderer';

const HOSTS = new Set(['www.youtube.com', 'm.youtube.com']);
/** Pages that have comments: videos, shorts and community posts. */
const COMMENT_PAGE = /^\/(?:watch$|shorts\/|post\/|(?:@[^/]+|channel\/[^/]+)\/(?:community|posts)$)/u;

/** "/@lucie.dlf" → "@lucie.dlf" (non-Latin handles are percent-encoded in hrefs). */
function handleFromHref(href: string | null | undefined): string | null {
  // Relative ("/@name") as YouTube renders it, or absolute as a saved page may hold it.
  const m = href ? /^(?:https?:\/\/(?:www\.|m\.)?youtube\.com)?\/(@[^/?#]+)/iu.exec(href.trim()) : null;
  if (!m?.[1]) return null;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return m[1];
  }
}

export const youtube = {
  id: 'youtube',
  label: 'YouTube',
  // m.youtube.com is matched so that the script is present there, but its
  // comment elements (ytm-*) differ and are not read yet: see the item selector.
  matches: ['*://www.youtube.com/*', '*://m.youtube.com/*'],

  isSupportedPage(url: URL): boolean {
    return HOSTS.has(url.hostname) && COMMENT_PAGE.test(url.pathname);
  },

  itemSelector: COMMENT,
  // The item's text is read inside the item element (SiteAdapter.textWithinItem; tests/unit/sites/text-within.test.ts).
  textWithinItem: true,

  extractItem(el: Element, ctx: AdapterContext): ExtractedItem | null {
    // The comment id is the lc= parameter of the timestamp link (sites.md §7).
    const timeLink = el.querySelector('#published-time-text a[href]') ?? el.querySelector('a[href*="lc="]');
    const permalink = absoluteUrl(timeLink?.getAttribute('href'), ctx.url);
    const id = permalink ? new URL(permalink).searchParams.get('lc') : null;
    // A comment still rendering (or a placeholder) has no id yet; the runner
    // sees it again when its content is added.
    if (!id) return null;

    const authorLink = el.querySelector('#author-text');
    // The channel owner's own comments show the name in a badge instead
    // (#author-text is then hidden, and may be empty).
    const badge = el.querySelector('#author-comment-badge');
    const author = readText(authorLink) || readText(badge) || null;
    const handle =
      handleFromHref(authorLink?.getAttribute('href')) ??
      handleFromHref(badge?.querySelector('a[href]')?.getAttribute('href')) ??
      handleFromHref(el.querySelector('#author-thumbnail a[href]')?.getAttribute('href'));

    return {
      site: 'youtube',
      id,
      kind: el.closest('#replies') ? 'reply' : 'comment',
      text: readText(el.querySelector('#content-text')),
      author,
      handle,
      permalink,
      // "2 days ago (edited)": relative only (sites.md §7), counted back from ctx.now.
      // Layouts of 2018–20 mark it with a class (two copies, the second hidden), not an id.
      timestamp: parseRelativeTime(readText(el.querySelector('#published-time-text, .published-time-text') ?? timeLink), ctx.now ?? Date.now()),
      rating: null,
    };
  },

  findReplyBox(el: Element): Element | null {
    // The "Reply" button under the comment; it opens ytd-commentbox with
    // #contenteditable-root in the thread (sites.md §7).
    return el.querySelector('#reply-button-end button') ?? el.querySelector('#reply-button-end');
  },

  // Test URLs
  // Each must satisfy isSupportedPage; none of them may satisfy another site's
  // adapter (tests/unit/sites/youtube.test.ts). Not supported on purpose:
  // https://www.youtube.com/ (home), https://www.youtube.com/results?search_query=acme.
  testUrls: [
    'https://www.youtube.com/watch?v=acmeDemo001', // demo/site/youtube.html
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s',
    'https://www.youtube.com/shorts/abcDEF12345',
    'https://www.youtube.com/post/UgkxAcmeDemoPost',
    'https://www.youtube.com/@AcmeFrance/community',
    'https://m.youtube.com/watch?v=acmeDemo001',
  ],
} satisfies SiteAdapter;
