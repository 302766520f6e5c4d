/**
 * TripAdvisor reviews on restaurant, hotel and attraction pages, and on a single
 * review's page (ShowUserReviews), on the main country sites.
 *
 * The selectors follow sites.md §11, and the demo page (demo/site/tripadvisor.html)
 * reproduces that structure. They were checked on two real saved pages kept out of
 * the repository (no licence): an attraction's review cards of 2026
 * (`data-automation="reviewCard"`, rating in the svg's <title>) and a 2019
 * legacy page (`.review-container`, `ui_bubble_rating bubble_40`, an author
 * without a link). Stable hooks are `data-automation`, `data-test-target`,
 * `data-reviewid` and the href patterns; the short classes (`JguWG`, `biGQs`)
 * change with builds and are only fallbacks.
 *
 *   div[data-automation="reviewCard"]  (2024–25)   div[data-test-target="HR_CC_CARD"] (hotels, 2021–23)
 *   [data-reviewid], .review-container (legacy)    only the outermost card counts
 *   div.reviewSelector#review_<id>, div#expanded_review_<id> (2015, no data-reviewid; one
 *     without a rating is the owner's response laid out as a review: skipped; the 2019 "Review Highlights"
 *     box repeats reviews as div.reviewSelector.recent_review without an id: not cards)
 *     a[href*="/Profile/"]                         author (the avatar link has only an image);
 *       legacy: .member_info .info_text > div (no link)
 *     svg[aria-label*="of 5 bubbles"], svg[data-automation="bubbleRatingImage"] > title
 *       ("5,0 sur 5 bulles"), or a class bubble_45 → 4.5          rating
 *     [data-test-target="review-title"] a[href*="ShowUserReviews"]  title, permalink, id "r<review id>"
 *       legacy: .quote > a.title[href*="ShowUserReviews"] > span.noQuotes (the link adds “ ” around it)
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
import { absoluteUrl, fallbackId, joinTitle, parseLocalizedDate, parseRating, parseRelativeTime, readText } from './dom';

const CARD =
  'div[data-automation="reviewCard"], div[data-test-target="HR_CC_CARD"], [data-reviewid], .review-container, div.reviewSelector[id^="review_"], div[id^="expanded_review_"]';
/** 2015 cards known by their id only: a block among them without a rating is the owner's response shown as one. */
const ID_CARD = 'div.reviewSelector[id^="review_"], div[id^="expanded_review_"]';
const RESPONSE = '[data-test-target="management-response"], .mgrRspnInline';
/** A truncated body's "More" / "Mer" / "Plus" link, inside the body's paragraph on legacy pages. */
const MORE = '.partial_entry .taLnk, .moreLink, .partnerRvw, [class*="readMore"]';
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

/** A rating written in a class as tens: "bubble_45", "s50" → 4.5, 5. */
function classRating(re: RegExp, el: Element | null): number | null {
  const m = re.exec(el?.getAttribute('class') ?? '');
  return m ? Number(m[1]) + Number(m[2]) / 10 : null;
}

function ratingOf(el: Element): number | null {
  const labelled = own(el, 'svg[aria-label*="bubbles"], svg[aria-label*="bulles"]');
  const fromLabel = parseRating(labelled?.getAttribute('aria-label'));
  if (fromLabel !== null) return fromLabel;
  const title = own(el, 'svg[data-automation="bubbleRatingImage"] title, svg title');
  const fromTitle = parseRating(title?.textContent);
  if (fromTitle !== null) return fromTitle;
  const fromBubbles = classRating(/\bbubble_([1-5])([05])\b/u, own(el, '[class*="bubble_"]'));
  if (fromBubbles !== null) return fromBubbles;
  // 2015: img.sprite-rating_s_fill.rating_s_fill.s50, alt "5 av 5 stjerner" / "5 of 5 stars".
  const img = own(el, '.rating_s_fill');
  return classRating(/\bs([1-5])([05])\b/u, img) ?? parseRating(img?.getAttribute('alt'));
}

/**
 * When the review was written. Legacy cards: span.ratingDate, whose title holds the
 * date when the text is relative ("Anmeldt 2 uker siden", title "31 mars 2015"),
 * else its text ("Reviewed July 24, 2018"). Newer cards: "Written …" anywhere.
 */
function writtenAt(el: Element, ctx: AdapterContext): string | null {
  const rated = own(el, '.ratingDate');
  const shown = readText(rated);
  const fromLegacy = rated
    ? (parseLocalizedDate(rated.getAttribute('title')) ??
      parseLocalizedDate(shown, { monthPrecision: true }) ??
      parseRelativeTime(shown, ctx.now ?? Date.now()))
    : null;
  return fromLegacy ?? parseLocalizedDate(WRITTEN.exec(readText(el, { skip: RESPONSE }))?.[1], { monthPrecision: true });
}

function authorOf(el: Element): string | null {
  for (const a of el.querySelectorAll('a[href*="/Profile/"]')) {
    if (a.closest(RESPONSE)) continue;
    const name = readText(a, { skip: 'img, svg' });
    if (name) return name;
  }
  // Legacy cards (2016–19) print the name without a link: .member_info .info_text > div, then .userLoc.
  return readText(own(el, '.member_info .info_text > div:not(.userLoc), .member_info .username')) || null;
}

function extractItem(el: Element, ctx: AdapterContext): ExtractedItem | null {
  // Legacy pages nest [data-reviewid] inside .review-container: the outermost card is the item.
  if (el.parentElement?.closest(CARD)) return null;
  // Legacy cards: .quote > a.title > span.noQuotes.
  const titleEl = own(el, '[data-test-target="review-title"]') ?? own(el, '.quote .noQuotes') ?? own(el, '.quote');
  const link = titleEl?.querySelector('a[href*="ShowUserReviews"]') ?? own(el, 'a[href*="ShowUserReviews"]');
  const href = link?.getAttribute('href');
  const permalink = absoluteUrl(href, ctx.url);
  let body: Element | null = null;
  for (const selector of BODY_CHAIN) {
    body = own(el, selector);
    if (body) break;
  }
  const text = joinTitle(readText(titleEl, { skip: RESPONSE }), readText(body, { skip: `${RESPONSE}, ${MORE}` }));
  if (!text) return null;
  const rating = ratingOf(el);
  if (rating === null && el.matches(ID_CARD)) return null;
  const author = authorOf(el);
  const reviewId = REVIEW_LINK.exec(href ?? '')?.[1] ?? (el.getAttribute('data-reviewid') || own(el, '[data-reviewid]')?.getAttribute('data-reviewid'));
  return {
    site: 'tripadvisor',
    id: reviewId ? 'r' + reviewId : fallbackId([ctx.url.origin + ctx.url.pathname, author, text]),
    kind: 'review',
    text,
    author,
    handle: null,
    permalink,
    timestamp: writtenAt(el, ctx),
    rating,
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
