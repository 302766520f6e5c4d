/**
 * Trustpilot company pages (`/review/<domain>`), server-rendered by Next.js.
 *
 * Hooks are Trustpilot's own `data-service-review-*` / `data-consumer-*`
 * attributes (sites.md §0.3, §10); the CSS-module classes (`styles_reviewCard__meSdm`)
 * change with every build. Checked against a real page saved 2025-05
 * (tests/fixtures/real/trustpilot/).
 *
 *   article[data-service-review-card-paper]
 *     aside > a[data-consumer-profile-link] > span[data-consumer-name-typography]  author
 *     time[data-service-review-date-time-ago][datetime]                            timestamp
 *     [data-service-review-rating="5"]                                              rating
 *     a[href="/reviews/<24 hex>"] > h2[data-service-review-title-typography]        permalink, id, title
 *     p[data-service-review-text-typography]                                        body (absent on title-only reviews)
 *     … [data-service-review-business-reply-*]                                      company reply: not read
 *
 * The "relevant reviews" carousel at the top reuses the same card attribute but
 * has no rating and no /reviews/ link, and repeats reviews listed below: skipped.
 */
import type { AdapterContext, ExtractedItem, SiteAdapter } from './types';
import { absoluteUrl, isoDate, joinTitle, parseRating, readText } from './dom';

const CARD = 'article[data-service-review-card-paper]';
const REVIEW_ID = /\/reviews\/([0-9a-f]{24})(?:[/?#]|$)/iu;
/** Country sites are two-letter subdomains (fr., de., uk....); www is the US/international one. */
const HOST = /^(?:www\.|[a-z]{2}\.)?trustpilot\.com$/u;

function extractItem(el: Element, ctx: AdapterContext): ExtractedItem | null {
  const ratingEl = el.querySelector('[data-service-review-rating]');
  const link = el.querySelector('a[href*="/reviews/"]');
  // Snippet cards of the "relevant reviews" carousel: neither rating nor link.
  if (!ratingEl || !link || el.querySelector('[data-relevant-review-text-typography]')) return null;

  const href = link.getAttribute('href');
  const permalink = absoluteUrl(href, ctx.url);
  const id = REVIEW_ID.exec(href ?? '')?.[1] ?? permalink?.split(/[?#]/u)[0]?.split('/').pop();
  if (!id) return null;

  const text = joinTitle(
    readText(el.querySelector('[data-service-review-title-typography]')),
    readText(el.querySelector('[data-service-review-text-typography]')),
  );
  if (!text) return null;

  // The fallback skips the company reply's own time (it comes after the review's, with its own hook).
  const time =
    el.querySelector('time[data-service-review-date-time-ago]') ??
    el.querySelector('time[datetime]:not([data-service-review-business-reply-date-time-ago])');
  return {
    site: 'trustpilot',
    id,
    kind: 'review',
    text,
    author: readText(el.querySelector('[data-consumer-name-typography]')) || null,
    handle: null,
    permalink,
    timestamp: isoDate(time?.getAttribute('datetime')),
    // The attribute holds the bare 1–5 value; the star image's alt text ("Rated 4 out of 5 stars",
    // "Noté 4 sur 5 étoiles") is the localised fallback.
    rating: parseRating(ratingEl.getAttribute('data-service-review-rating')) ?? parseRating(ratingEl.querySelector('img[alt]')?.getAttribute('alt')),
  };
}

export const trustpilot = {
  id: 'trustpilot',
  label: 'Trustpilot',
  // Every country site; isSupportedPage narrows to company pages. The whole host
  // (not just /review/*) because Trustpilot navigates client-side from search
  // and category pages, and a content script is only injected on full loads.
  matches: ['*://*.trustpilot.com/*'],
  isSupportedPage(url: URL): boolean {
    return HOST.test(url.hostname) && /^\/review\/[^/]+/u.test(url.pathname);
  },
  itemSelector: CARD,
  // The item's text is read inside the item element (SiteAdapter.textWithinItem; tests/unit/sites/text-within.test.ts).
  textWithinItem: true,
  extractItem,
  /**
   * There is no reply box on the public page: businesses answer in the
   * Trustpilot Business app (sites.md §10). This models that app's reply box,
   * as the demo page does (UNVERIFIED against the real app): an open reply
   * textarea in the card, else the card's "Reply" / "Répondre" button.
   */
  findReplyBox(el: Element): Element | null {
    return el.querySelector('textarea') ?? [...el.querySelectorAll('button')].find((b) => /^(?:reply|répondre)$/iu.test(readText(b))) ?? null;
  },

  // Test URLs
  // Each must satisfy isSupportedPage; none of them may satisfy another site's
  // adapter (tests/unit/sites/trustpilot.test.ts). Not supported on purpose:
  // https://www.trustpilot.com/reviews/68228cf64532930794f74c50 (single review, layout not seen),
  // https://www.trustpilot.com/categories/bakery, https://businessapp.b2b.trustpilot.com/.
  testUrls: [
    'https://www.trustpilot.com/review/beautytheshop.com', // tests/fixtures/real/trustpilot
    'https://fr.trustpilot.com/review/acme-cafe.fr', // demo/site/trustpilot.html
    'https://fr.trustpilot.com/review/acme-cafe.fr?page=2&stars=1',
    'https://uk.trustpilot.com/review/www.example.co.uk',
  ],
} satisfies SiteAdapter;
