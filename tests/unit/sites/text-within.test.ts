// @vitest-environment happy-dom
/**
 * SiteAdapter.textWithinItem: the runner skips an element whose textContent
 * cannot name a brand (BrandMatcher.mayMatch) without reading it. That is
 * only right when every word of the item's text is in the element's own
 * textContent. Checked here, for every adapter that says so, on its demo page
 * and on the real saved pages of its site.
 */
import { describe, expect, test } from 'vitest';
import { foldForScan } from '../../../lib/brands/normalize';
import { ALL_ADAPTERS } from '../../../lib/sites/index';
import type { SiteAdapter } from '../../../lib/sites/types';
import { loadPage, readDemo, readFixture } from './helpers';

/** Real saved pages per site (tests/fixtures/real), with the address they were saved from. */
const REAL: Record<string, Array<[string, string]>> = {
  x: [
    ['real/x/x-tweet-sample.html', 'https://x.com/TestUser123/status/1981398750557065646'],
    ['real/x/x-tweet-quote.html', 'https://x.com/TestQuoter/status/1983130065320780162'],
    ['real/x/x-tweet-quote-video.html', 'https://x.com/QuotingUser/status/1983128852952998358'],
    ['real/x/xingest-jason.html', 'https://x.com/Jason'],
  ],
  amazon: [['real/amazon/product-reviews-B07747FR44-1.html', 'https://www.amazon.it/Paperwhite/product-reviews/B07747FR44']],
  trustpilot: [['real/trustpilot/trustpilot-beautytheshop.com-2025.html', 'https://www.trustpilot.com/review/beautytheshop.com']],
  linkedin: [['real/linkedin/linkedin-feed-3.html', 'https://www.linkedin.com/feed/']],
  tiktok: [['real/tiktok/tiktok-video-1.html', 'https://www.tiktok.com/@merveilleux123/video/7135383664971582725']],
};

/** Words (2+ letters or digits) of the item's text that its element's textContent lacks. */
async function missingWords(adapter: SiteAdapter, html: string, url: string): Promise<{ items: number; missing: string[] }> {
  const page = await loadPage(html, url);
  const missing: string[] = [];
  let items = 0;
  for (const el of page.document.querySelectorAll(adapter.itemSelector)) {
    const item = adapter.extractItem(el, { url: page.url });
    if (!item) continue;
    items++;
    const own = foldForScan(el.textContent ?? '');
    for (const word of foldForScan(item.text).match(/[\p{L}\p{N}]{2,}/gu) ?? []) if (!own.includes(word)) missing.push(`${item.id}: ${word}`);
  }
  await page.close();
  return { items, missing };
}

describe('textWithinItem holds on the demo page and the real pages of every adapter that declares it', () => {
  for (const adapter of ALL_ADAPTERS.filter((a) => a.textWithinItem)) {
    const pages: Array<[string, string, string]> = [
      [`demo/${adapter.id}.html`, readDemo(`${adapter.id}.html`), adapter.testUrls[0]!],
      ...(REAL[adapter.id] ?? []).map(([file, url]) => [file, readFixture(file), url] as [string, string, string]),
    ];
    test.each(pages)(`${adapter.id}: %s`, async (_name, html, url) => {
      const { items, missing } = await missingWords(adapter, html, url);
      expect(items).toBeGreaterThan(0);
      expect(missing).toEqual([]);
    });
  }
});
