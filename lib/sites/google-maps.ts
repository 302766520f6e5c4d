/**
 * Google Maps place reviews (the "Avis" / "Reviews" tab of a place).
 * Selectors: sites.md §9 (georgekhananaev/google-reviews-scraper-pro 2026-04,
 * gaspa93/googlemaps-scraper 2024-02). No real saved page exists (sites.md §16):
 * demo/site/google-maps.html follows what those sources describe.
 *
 *   div[data-review-id][aria-label="<author>"]                     review card (div.jftiEf)
 *     button[data-review-id][data-href=".../maps/contrib/…"]       avatar and name buttons: repeat the id
 *     div.d4r55                                                    author name (fallback)
 *     span[role="img"][aria-label="5 étoiles" | "4 stars"]         rating, localised: first number
 *     span.rsqaWe                                                  "il y a 2 semaines": relative, counted back from ctx.now
 *     div.MyEned > span.wiI7pd  (newer: [data-expandable-section]) review text, "Plus" button after it
 *     div.CDe7pd > … div.wiI7pd                                    owner reply: NOT part of the review
 *
 * Maps' short classes change every few months (§0.3), so the stable hooks are
 * `data-review-id`, `aria-label` and `role`; the text has no stable hook, hence
 * the fallback chain below. Long reviews are cut until "Plus" is clicked: the
 * adapter reads what is rendered (expanding is the runner's job, §14).
 * Times are relative only: parseRelativeTime (English, French, and 23 other languages from ICU) counts them back from ctx.now (§14).
 * There is no permalink per review: the place URL plus `#review-<id>` stands in.
 */
import type { AdapterContext, ExtractedItem, SiteAdapter } from './types';
import { collapse, parseRating, parseRelativeTime, queryOwn, readText } from './dom';

const CARD = 'div[data-review-id][aria-label]';
const OWNER_REPLY = '.CDe7pd';
/**
 * Where the review text is, most specific first: the 2025 markup's expandable
 * section, the `MyEned` wrapper (2023–24), then the bare text class. Each is
 * looked up outside the owner reply, which reuses `wiI7pd`.
 */
const TEXT_CHAIN = ['[data-expandable-section] span', '.MyEned span', 'span.wiI7pd'];
const HOSTS = new Set(['www.google.com', 'www.google.fr', 'maps.google.com']);

export const googleMaps = {
  id: 'google-maps',
  label: 'Google Maps',
  matches: ['*://www.google.com/maps/*', '*://www.google.fr/maps/*', '*://maps.google.com/*'],

  isSupportedPage(url: URL): boolean {
    return HOSTS.has(url.hostname) && /^\/maps(?:\/|$)/u.test(url.pathname);
  },

  itemSelector: CARD,
  // The item's text is read inside the item element (SiteAdapter.textWithinItem; tests/unit/sites/text-within.test.ts).
  textWithinItem: true,

  extractItem(el: Element, ctx: AdapterContext): ExtractedItem | null {
    // Inner buttons repeat data-review-id (and may carry an aria-label): only the outermost card counts.
    if (el.parentElement?.closest(CARD)) return null;
    const id = el.getAttribute('data-review-id');
    if (!id) return null;

    let textEl: Element | null = null;
    for (const selector of TEXT_CHAIN) {
      textEl = queryOwn(el, selector, OWNER_REPLY);
      if (textEl) break;
    }
    const text = readText(textEl);
    // Rating-only reviews have no text to match a brand in.
    if (!text) return null;

    const stars = queryOwn(el, 'span[role="img"][aria-label]', OWNER_REPLY);
    const page = new URL(ctx.url.href);
    page.hash = '';
    return {
      site: 'google-maps',
      id,
      kind: 'review',
      text,
      author: collapse(el.getAttribute('aria-label') ?? '') || readText(el.querySelector('.d4r55')) || null,
      handle: null,
      permalink: `${page.href}#review-${encodeURIComponent(id)}`,
      // "il y a 2 semaines", "3 months ago": relative only (sites.md §14), counted back from ctx.now.
      timestamp: parseRelativeTime(readText(queryOwn(el, 'span.rsqaWe', OWNER_REPLY)), ctx.now ?? Date.now()),
      rating: parseRating(stars?.getAttribute('aria-label')),
    };
  },

  // No findReplyBox: the reply UI exists only for the signed-in owner (Business
  // Profile) and its selector is unverified (sites.md §9).

  // Test URLs
  // Each must satisfy isSupportedPage; none of them may satisfy another site's
  // adapter (tests/unit/sites/google-maps.test.ts). Not supported on purpose:
  // https://www.google.com/search?q=acme (web search, reviews there differ), https://www.google.com/mapsfoo.
  testUrls: [
    'https://www.google.com/maps/place/Acme+Caf%C3%A9/@48.8566,2.3522,17z/', // demo/site/google-maps.html
    'https://www.google.com/maps/place/Acme+Caf%C3%A9/@48.8566,2.3522,17z/data=!4m8!3m7!1s0x0:0x0!9m1!1b1?entry=ttu',
    'https://www.google.fr/maps/place/Acme+Caf%C3%A9+Lyon/@45.7578,4.8320,17z/',
    'https://maps.google.com/maps?q=Acme+Caf%C3%A9+Paris',
  ],
} satisfies SiteAdapter;
