// @vitest-environment happy-dom
/**
 * Trustpilot adapter (lib/sites/trustpilot.ts) on the demo company page and on
 * a real page saved in 2025-05 (tests/fixtures/real/trustpilot/, ground truth in
 * tests/fixtures/real/ground-truth.json).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { trustpilot } from '../../../lib/sites/trustpilot';
import type { ExtractedItem } from '../../../lib/sites/types';
import {
  appendDemoItems,
  demoBrandIds,
  expectDemoItems,
  loadPage,
  matchesPattern,
  otherSitesUrls,
  readDemo,
  readDemoJson,
  readFixture,
  runAdapter,
  type ExpectedItem,
  type LoadedPage,
} from './helpers';

const DEMO_URL = 'https://fr.trustpilot.com/review/acme-cafe.fr';
const CARD = 'article[data-service-review-card-paper]';

describe('trustpilot demo page', () => {
  let page: LoadedPage;
  let items: ExtractedItem[];
  const expected = readDemoJson<ExpectedItem[]>('trustpilot.expected.json');

  beforeAll(async () => {
    // The page's own script (the "load more" appender) runs, as in the browser.
    page = await loadPage(readDemo('trustpilot.html'), DEMO_URL, { runScripts: true });
    items = runAdapter(trustpilot, page.document, page.url);
  });
  afterAll(() => page.close());

  test('finds every expected item with its fields, and the matcher flags exactly the brand-naming ones', () => {
    expect(expected.length).toBeGreaterThanOrEqual(8);
    expectDemoItems(items, expected);
  });

  test('the "relevant reviews" snippet cards are skipped: no rating, no link, duplicates', () => {
    expect(page.document.querySelectorAll(CARD)).toHaveLength(expected.length + 2);
    for (const snippet of page.document.querySelectorAll('.styles_relevantReviewsSection__nog13 ' + CARD)) {
      expect(trustpilot.extractItem(snippet, { url: page.url })).toBeNull();
    }
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
  });

  test('a review with a title only reads as its title', () => {
    expect(items.find((i) => i.author === 'Paul-Henri Vasseur')?.text).toBe('Parfait, rien à redire');
  });

  test('the company reply is not part of the review, nor is its date', () => {
    const claire = items.find((i) => i.author === 'Claire Moreau')!;
    expect(claire.text).not.toContain('Merci Claire');
    expect(claire.timestamp).toBe('2025-05-12T08:21:40.000Z');
    expect(items.find((i) => i.author === 'Léo Garnier')!.text).not.toContain('Acme');
  });

  test("a card whose review time lacks its hook is dated by the review's time, not the company reply's", () => {
    const card = page.document.createElement('article');
    card.setAttribute('data-service-review-card-paper', 'true');
    card.innerHTML = `
      <span data-consumer-name-typography="true">Nina</span>
      <div data-service-review-rating="2"></div>
      <a href="/reviews/0123456789abcdef01234567"><h2 data-service-review-title-typography="true">Lent</h2></a>
      <div><div class="styles_replyInfo__x"><time datetime="2025-05-20T10:00:00.000Z" data-service-review-business-reply-date-time-ago="true">Reply</time></div></div>`;
    // The reply's time comes first in the card's markup; the review's, without its hook, last.
    card.insertAdjacentHTML('beforeend', '<p><time datetime="2025-05-18T09:00:00.000Z">18 May</time></p>');
    expect(trustpilot.extractItem(card, { url: page.url })?.timestamp).toBe('2025-05-18T09:00:00.000Z');
  });

  test('hostile: markup typed by a reviewer is extracted as literal text and never runs', () => {
    const kevin = items.find((i) => i.author === 'Kevin Roux')!;
    expect(kevin.text).toContain('<script>window.__veillePwned = 1</script>');
    expect(kevin.text).toContain('<img src=x onerror="window.__veillePwned=3">');
    expect(demoBrandIds(kevin.text)).toEqual(['acme']);
    expect((page.window as unknown as Record<string, unknown>)['__veillePwned']).toBeUndefined();
  });

  test('scroll-appended items: each "load more" adds three reviews, one naming Acme', async () => {
    await appendDemoItems(page);
    const after = runAdapter(trustpilot, page.document, page.url);
    const added = after.slice(items.length);
    expect(added).toHaveLength(3);
    expect(added.filter((i) => demoBrandIds(i.text).includes('acme'))).toHaveLength(1);
    expect(added.every((i) => /^[0-9a-f]{24}$/u.test(i.id) && i.rating !== null && i.timestamp !== null)).toBe(true);

    (page.document.getElementById('demo-load-more') as HTMLElement).click();
    const again = runAdapter(trustpilot, page.document, page.url);
    expect(again).toHaveLength(items.length + 6);
    expect(new Set(again.map((i) => i.id)).size).toBe(again.length);
  });
});

interface TrustpilotTruth {
  author: string;
  rating: number;
  title: string;
  text60: string | null;
  datetime: string;
  permalink: string;
  snippet_card: boolean;
}

describe('trustpilot real page (beautytheshop.com, 2025-05)', () => {
  const FILE = 'trustpilot/trustpilot-beautytheshop.com-2025.html';
  const URL_ = 'https://www.trustpilot.com/review/beautytheshop.com';
  const truth = (JSON.parse(readFixture('real/ground-truth.json')) as Record<string, { items: TrustpilotTruth[] }>)[FILE]!.items;
  let page: LoadedPage;
  let items: ExtractedItem[];

  beforeAll(async () => {
    page = await loadPage(readFixture('real/' + FILE), URL_);
    items = runAdapter(trustpilot, page.document, page.url);
  });
  afterAll(() => page.close());

  test('20 real reviews out of 24 cards: the 4 snippet cards are skipped', () => {
    expect(page.document.querySelectorAll(CARD)).toHaveLength(24);
    expect(items).toHaveLength(20);
    expect(new Set(items.map((i) => i.id)).size).toBe(20);
    // Ratings as listed in the fixture's README: 16 × 5, 1 × 3, 3 × 1.
    expect(items.map((i) => i.rating).sort()).toEqual([...Array<number>(3).fill(1), 3, ...Array<number>(16).fill(5)]);
  });

  test('every review has its id, author, time, rating and permalink', () => {
    for (const item of items) {
      expect(item).toMatchObject({ site: 'trustpilot', kind: 'review', handle: null });
      expect(item.id).toMatch(/^[0-9a-f]{24}$/u);
      expect(item.permalink).toBe('https://www.trustpilot.com/reviews/' + item.id);
      expect(item.author).toBeTruthy();
      expect(item.timestamp).toMatch(/^2025-0[3-5]-\d\dT/u);
      expect(item.text).toBeTruthy();
    }
  });

  test.each(truth.map((t) => [t.author, t] as const))('ground truth: %s', (_author, t) => {
    const item = items.find((i) => i.permalink === new URL(t.permalink, URL_).href);
    expect(item).toBeDefined();
    expect(item).toMatchObject({ author: t.author, rating: t.rating, timestamp: t.datetime });
    if (t.text60 === null) {
      // Paul and Dave wrote a title only.
      expect(item!.text).toBe(t.title);
    } else {
      // "title body"; when the body starts with the title, the title is not repeated.
      expect(item!.text.startsWith(t.title)).toBe(true);
      expect(item!.text).toContain(t.text60);
    }
  });
});

describe('trustpilot isSupportedPage', () => {
  test.each(trustpilot.testUrls)('supports %s', (url) => {
    expect(trustpilot.isSupportedPage(new URL(url))).toBe(true);
    expect(trustpilot.matches.some((p) => matchesPattern(p, url))).toBe(true);
  });
  test.each(otherSitesUrls('trustpilot'))('does not claim %s', (url) => {
    expect(trustpilot.isSupportedPage(new URL(url))).toBe(false);
  });
  test.each([
    'https://www.trustpilot.com/',
    'https://fr.trustpilot.com/categories/coffee_shop',
    'https://www.trustpilot.com/reviews/68228cf64532930794f74c50',
    'https://businessapp.b2b.trustpilot.com/review/acme-cafe.fr',
    'https://trustpilot.com.evil.example/review/acme-cafe.fr',
  ])('stays off %s', (url) => {
    expect(trustpilot.isSupportedPage(new URL(url))).toBe(false);
  });
});
