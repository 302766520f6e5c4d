/**
 * TripAdvisor reviews on restaurant, hotel and attraction pages, and on a single
 * review's page (ShowUserReviews), on the main country sites.
 *
 * No real saved page was available (fixtures README): the selectors follow
 * sites.md §11 and the demo page (demo/site/tripadvisor.html) reproduces that
 * structure. Stable hooks are `data-automation`, `data-test-target`, `data-reviewid`
 * and the href patterns; the short classes (`JguWG`, `biGQs`) change with builds
 * and are only fallbacks.
 *
 *   div[data-automation="reviewCard"]  (2024–25)   div[data-test-target="HR_CC_CARD"] (hotels, 2021–23)
 *   [data-reviewid], .review-container (legacy)    only the outermost card counts
 *     a[href*="/Profile/"]                         author (the avatar link has only an image)
 *     svg[aria-label*="of 5 bubbles"], svg[data-automation="bubbleRatingImage"] > title
 *       ("5,0 sur 5 bulles"), or a class bubble_45 → 4.5          rating
 *     [data-test-target="review-title"] a[href*="ShowUserReviews"]  title, permalink, id "r<review id>"
 *     text, first found of: [data-test-target="review-body"] · span.JguWG (2025) ·
 *       q (2021–23 hotel cards) · .partial_entry / .entry (legacy)
 *     "Avis écrit le 12 octobre 2025" / "Written October 12, 2025" / "Reviewed Oct 2025"   timestamp
 *     [data-test-target="management-response"]   owner's response: never read
 *
 * Timestamp: the date the review was written, not the date of the visit ("Date
 * de la visite : octobre 2025", "oct. 2025 • En couple"). A full date gives that day,
 * midnight UTC; a month only ("Reviewed Oct 2025") gives the first of the month;
 * no keyword, no date (null).
 */
import type { AdapterContext, ExtractedItem, SiteAdapter } from './types';
import { absoluteUrl, fallbackId, joinTitle, parseLocalizedDate, parseRating, readText } from './dom';

const CARD = 'div[data-automation="reviewCard"], div[data-test-target="HR_CC_CARD"], [data-reviewid], .review-container';
const RESPONSE = '[data-test-target="management-response"], .mgrRspnInline';
const BODY_CHAIN = ['[data-test-target="review-body"]', 'span.JguWG', 'q', '.partial_entry', '.entry'];
const REVIEW_LINK = /ShowUserReviews-g\d+-d\d+-r(\d+)-/u;
/** "Avis écrit le 12 octobre 2025", "Écrit le …", "Written October 12, 2025", "Reviewed Oct 2025", "Date of review: …". */
const WRITTEN = /(?:avis écrit|écrit|rédigé|written|reviewed|date of review|date de l[’']avis)\s*:?\s*(?:(?:le|on|en|in)\s+)?(.{3,40})/iu;
const TLDS = ['com', 'fr', 'co.uk', 'ca', 'de', 'it', 'es', 'be', 'ch', 'ie', 'com.au'];
const HOST = new RegExp(`^(?:www|[a-z]{2})\\.tripadvisor\\.(?:${TLDS.map((t) => t.replace('.', '\\.')).join('|')})$`, 'u');
const PAGE = /^\/(?:Restaurant_Review|Hotel_Review|Attraction_Review|AttractionProductReview|ShowUserReviews)-g\d+-/u;

/** First element matching `selector` in the card that is not inside the owner's response. */
function own(el: Element, selector: string): Element | null {
  for (const m of el.querySelectorAll(selector)) if (!m.closest(RESPONSE)) return m;
  return null;
}

function ratingOf(el: Element): number | null {
  const labelled = own(el, 'svg[aria-label*="bubbles"], svg[aria-label*="bulles"]');
  const fromLabel = parseRating(labelled?.getAttribute('aria-label'));
  if (fromLabel !== null) return fromLabel;
  const title = own(el, 'svg[data-automation="bubbleRatingImage"] title, svg title');
  const fromTitle = parseRating(title?.textContent);
  if (fromTitle !== null) return fromTitle;
  const m = /\bbubble_([1-5])([05])\b/u.exec(own(el, '[class*="bubble_"]')?.getAttribute('class') ?? '');
  return m ? Number(m[1]) + Number(m[2]) / 10 : null;
}

function authorOf(el: Element): string | null {
  for (const a of el.querySelectorAll('a[href*="/Profile/"]')) {
    if (a.closest(RESPONSE)) continue;
    const name = readText(a, { skip: 'img, svg' });
    if (name) return name;
  }
  return null;
}

function extractItem(el: Element, ctx: AdapterContext): ExtractedItem | null {
  // Legacy pages nest [data-reviewid] inside .review-container: the outermost card is the item.
  if (el.parentElement?.closest(CARD)) return null;
  const titleEl = own(el, '[data-test-target="review-title"]');
  const link = titleEl?.querySelector('a[href*="ShowUserReviews"]') ?? own(el, 'a[href*="ShowUserReviews"]');
  const href = link?.getAttribute('href');
  const permalink = absoluteUrl(href, ctx.url);
  let body: Element | null = null;
  for (const selector of BODY_CHAIN) {
    body = own(el, selector);
    if (body) break;
  }
  const text = joinTitle(readText(titleEl, { skip: RESPONSE }), readText(body, { skip: RESPONSE }));
  if (!text) return null;
  const author = authorOf(el);
  const reviewId = REVIEW_LINK.exec(href ?? '')?.[1] ?? (el.getAttribute('data-reviewid') || own(el, '[data-reviewid]')?.getAttribute('data-reviewid'));
  const written = WRITTEN.exec(readText(el, { skip: RESPONSE }))?.[1];
  return {
    site: 'tripadvisor',
    id: reviewId ? 'r' + reviewId : fallbackId([ctx.url.origin + ctx.url.pathname, author, text]),
    kind: 'review',
    text,
    author,
    handle: null,
    permalink,
    timestamp: parseLocalizedDate(written, { monthPrecision: true }),
    rating: ratingOf(el),
  };
}

export const tripadvisor = {
  id: 'tripadvisor',
  label: 'Tripadvisor',
  // Whole country sites: review pages are reached client-side from search and
  // "nearby" lists. isSupportedPage narrows to review pages.
  matches: TLDS.map((t) => `*://*.tripadvisor.${t}/*`),
  isSupportedPage(url: URL): boolean {
    return HOST.test(url.hostname) && PAGE.test(url.pathname);
  },
  itemSelector: CARD,
  // The item's text is read inside the item element (SiteAdapter.textWithinItem; tests/unit/sites/text-within.test.ts).
  textWithinItem: true,
  extractItem,
  // Owners answer in the Management Center, not on the public page (sites.md §11).

  // Test URLs
  // Each must satisfy isSupportedPage; none may satisfy another site's adapter
  // (tests/unit/sites/tripadvisor.test.ts). Not supported on purpose: search,
  // Tourism and Restaurants list pages (no reviews), forums, trip planner.
  testUrls: [
    'https://www.tripadvisor.fr/Restaurant_Review-g187265-d99999999-Reviews-Acme_Cafe-Lyon_Rhone_Auvergne_Rhone_Alpes.html', // demo/site/tripadvisor.html
    'https://www.tripadvisor.fr/Restaurant_Review-g187265-d99999999-Reviews-or15-Acme_Cafe-Lyon_Rhone_Auvergne_Rhone_Alpes.html',
    'https://www.tripadvisor.com/Hotel_Review-g187147-d197572-Reviews-Hotel_Example-Paris_Ile_de_France.html',
    'https://www.tripadvisor.co.uk/Attraction_Review-g186338-d187555-Reviews-British_Museum-London_England.html',
    'https://www.tripadvisor.fr/ShowUserReviews-g187265-d99999999-r912345601-Acme_Cafe-Lyon_Rhone_Auvergne_Rhone_Alpes.html',
    'https://fr.tripadvisor.ca/Restaurant_Review-g155032-d1-Reviews-Acme_Cafe-Montreal_Quebec.html',
  ],
} satisfies SiteAdapter;
