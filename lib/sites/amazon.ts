/**
 * Amazon customer reviews: the `/product-reviews/<ASIN>` pages and the review
 * list at the bottom of a product page (`/dp/<ASIN>`), on the main European and
 * North American stores.
 *
 * Hooks are Amazon's `data-hook` attributes, stable 2019–2026 (sites.md §0.3, §12).
 * Checked against a real amazon.it page saved in 2019 (tests/fixtures/real/amazon/).
 *
 *   [data-hook="review"]#R3OXHZOZ0WM7AZ                         id (also #customer_review-<id>)
 *     .a-profile-name                                            author
 *     [data-hook="review-star-rating"] .a-icon-alt               rating ("5,0 su 5 stelle", "4,0 sur 5 étoiles")
 *       or [data-hook="cmps-review-star-rating"]                  (reviews from other countries)
 *     a[data-hook="review-title"] > span:not(.a-icon-alt)        title; links to /gp/customer-reviews/<id>
 *     [data-hook="review-date"]                                  localised text date: "14 novembre 2018",
 *                                                                "Commenté en France le 3 mars 2024"
 *     [data-hook="review-body"]                                  body (video inputs, "Read more" prompt, translation skipped)
 *
 * The permalink is rebuilt as https://<page host>/gp/customer-reviews/<id>, without the
 * title link's ref and query. The date is a calendar day: midnight UTC.
 */
import type { AdapterContext, ExtractedItem, SiteAdapter } from './types';
import { parseLocalizedDate, parseRating, joinTitle, readText } from './dom';

const REVIEW = '[data-hook="review"]';
const REVIEW_ID = /^R[A-Z0-9]{6,20}$/u;
const LINK_ID = /\/customer-reviews\/(R[A-Z0-9]{6,20})(?:[/?#]|$)/u;
/** Stores whose review dates are in a language parseLocalizedDate reads (en, fr, it, de, es). */
const HOSTS = ['www.amazon.com', 'www.amazon.ca', 'www.amazon.co.uk', 'www.amazon.fr', 'www.amazon.com.be', 'www.amazon.de', 'www.amazon.it', 'www.amazon.es'];
const REVIEW_PATH = /(?:^|\/)(?:product-reviews|dp|gp\/product|gp\/customer-reviews)\/[A-Za-z0-9]{6,}/u;
/**
 * Not part of the review's own words: star icon alt text inside the title,
 * the "Read more" expander, the machine translation of a foreign review
 * (the original is kept), hidden video inputs.
 */
const SKIP = '.a-icon-alt, .a-expander-header, .cr-translated-review-content, [data-hook="cr-translate-this-review-section"], input';

function reviewId(el: Element): string | null {
  if (REVIEW_ID.test(el.id)) return el.id;
  const inner = el.querySelector('[id^="customer_review-"], [id^="customer_review_foreign-"]');
  const fromInner = inner?.id.replace(/^customer_review(?:_foreign)?-/u, '');
  if (fromInner && REVIEW_ID.test(fromInner)) return fromInner;
  for (const a of el.querySelectorAll('a[href*="/customer-reviews/"]')) {
    const m = LINK_ID.exec(a.getAttribute('href') ?? '');
    if (m?.[1]) return m[1];
  }
  return null;
}

function extractItem(el: Element, ctx: AdapterContext): ExtractedItem | null {
  const id = reviewId(el);
  if (!id) return null;
  const text = joinTitle(
    readText(el.querySelector('[data-hook="review-title"]'), { skip: SKIP }),
    readText(el.querySelector('[data-hook="review-body"]'), { skip: SKIP }),
  );
  if (!text) return null;
  const stars =
    el.querySelector('[data-hook="review-star-rating"] .a-icon-alt') ??
    el.querySelector('[data-hook="cmps-review-star-rating"] .a-icon-alt') ??
    el.querySelector('[data-hook="review-star-rating"], [data-hook="cmps-review-star-rating"]');
  return {
    site: 'amazon',
    id,
    kind: 'review',
    text,
    author: readText(el.querySelector('.a-profile-name')) || null,
    handle: null,
    permalink: `https://${ctx.url.host}/gp/customer-reviews/${id}`,
    timestamp: parseLocalizedDate(readText(el.querySelector('[data-hook="review-date"]'))),
    // "5,0 su 5 stelle" / "5.0 out of 5 stars": the first number. Class a-star-4 as a last resort.
    rating: parseRating(readText(stars)) ?? parseRating(/\ba-star-(\d)\b/u.exec(stars?.getAttribute('class') ?? '')?.[1]),
  };
}

export const amazon = {
  id: 'amazon',
  label: 'Amazon',
  // Whole stores: product pages are reached from search and recommendations
  // under any slug (/<slug>/dp/<ASIN>, /-/fr/dp/...). isSupportedPage narrows.
  matches: HOSTS.map((h) => `*://${h}/*`),
  isSupportedPage(url: URL): boolean {
    return HOSTS.includes(url.hostname) && REVIEW_PATH.test(url.pathname);
  },
  itemSelector: REVIEW,
  // The item's text is read inside the item element (SiteAdapter.textWithinItem; tests/unit/sites/text-within.test.ts).
  textWithinItem: true,
  extractItem,
  // No reply box: Amazon has no public comments on reviews (sites.md §12).

  // Test URLs
  // Each must satisfy isSupportedPage; none may satisfy another site's adapter
  // (tests/unit/sites/amazon.test.ts). Not supported on purpose: amazon.co.jp,
  // .com.br, .nl... (dates in languages the date table does not read), search and cart pages.
  testUrls: [
    'https://www.amazon.it/Paperwhite-resistente-allacqua-risoluzione-speciali/product-reviews/B07747FR44', // tests/fixtures/real/amazon
    'https://www.amazon.fr/Acme-Caf%C3%A9-grains-Bellecour-1kg/product-reviews/B0ACMEDEMO/', // demo/site/amazon.html
    'https://www.amazon.fr/product-reviews/B0ACMEDEMO/ref=cm_cr_arp_d_paging_btm_next_2?pageNumber=2',
    'https://www.amazon.com/Acme-Whole-Bean-Coffee/dp/B0ACMEDEMO',
    'https://www.amazon.de/-/en/dp/B0ACMEDEMO?th=1',
    'https://www.amazon.co.uk/gp/product/B0ACMEDEMO',
    'https://www.amazon.fr/gp/customer-reviews/R1ACMEDEMO0001',
  ],
} satisfies SiteAdapter;
