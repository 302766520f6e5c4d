// @vitest-environment happy-dom
/**
 * TripAdvisor adapter (lib/sites/tripadvisor.ts) on the demo restaurant page.
 * No real saved TripAdvisor page exists in the fixtures (README: "not found");
 * the demo page follows the structure of sites.md §11, including an older
 * hotel-style card and an English card.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { tripadvisor } from '../../../lib/sites/tripadvisor';
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
  runAdapter,
  type ExpectedItem,
  type LoadedPage,
} from './helpers';

const DEMO_URL = 'https://www.tripadvisor.fr/Restaurant_Review-g187265-d99999999-Reviews-Acme_Cafe-Lyon_Rhone_Auvergne_Rhone_Alpes.html';

describe('tripadvisor demo page', () => {
  let page: LoadedPage;
  let items: ExtractedItem[];
  const expected = readDemoJson<ExpectedItem[]>('tripadvisor.expected.json');

  beforeAll(async () => {
    page = await loadPage(readDemo('tripadvisor.html'), DEMO_URL, { runScripts: true });
    items = runAdapter(tripadvisor, page.document, page.url);
  });
  afterAll(() => page.close());

  test('finds every expected item with its fields, and the matcher flags exactly the brand-naming ones', () => {
    expect(expected.length).toBeGreaterThanOrEqual(8);
    expectDemoItems(items, expected);
  });

  test('the owner response, the "Lire la suite" button, the visit date and the disclaimer are not part of the text', () => {
    for (const item of items) expect(item.text).not.toMatch(/Merci Claire|désolés|Lire la suite|Réponse de|opinion subjective|En couple|Date de la visite/u);
    expect(items[0]!.text).toMatch(/QG du dimanche\.$/u);
  });

  test('hostile: a right-to-left Arabic review is read as written and names Acme', () => {
    const item = items.find((i) => i.id === 'r912345606')!;
    expect(item.text).toBe('قهوة ممتازة أفضل قهوة في ليون، مقهى Acme يستحق الزيارة بالتأكيد.');
    expect(item.author).toBe('يوسف');
    expect(demoBrandIds(item.text)).toEqual(['acme']);
  });

  test('a card without a ShowUserReviews link falls back to data-reviewid, then to a hash', () => {
    const card = page.document.querySelector('[data-automation="reviewCard"]')!.cloneNode(true) as Element;
    card.querySelector('[data-test-target="review-title"] a')!.removeAttribute('href');
    const hashed = tripadvisor.extractItem(card, { url: page.url })!;
    expect(hashed.id).toMatch(/^h[0-9a-z]+$/u);
    expect(hashed.permalink).toBeNull();
    card.setAttribute('data-reviewid', '912345601');
    expect(tripadvisor.extractItem(card, { url: page.url })!.id).toBe('r912345601');
  });

  test('nested legacy cards count once: the outermost', () => {
    const outer = page.document.createElement('div');
    outer.className = 'review-container';
    outer.innerHTML = '<div class="reviewSelector" data-reviewid="555"><a href="/Profile/old">Old Timer</a><span class="ui_bubble_rating bubble_30"></span><p class="partial_entry">Vieux format, café Acme correct.</p></div>';
    const wrapper = page.document.createElement('div');
    wrapper.append(outer);
    expect(runAdapter(tripadvisor, wrapper, page.url)).toEqual([
      expect.objectContaining({ id: 'r555', author: 'Old Timer', rating: 3, text: 'Vieux format, café Acme correct.', timestamp: null }),
    ]);
  });

  test('scroll-appended items: each "load more" adds three reviews, one naming Acme', async () => {
    await appendDemoItems(page);
    const after = runAdapter(tripadvisor, page.document, page.url);
    const added = after.slice(items.length);
    expect(added).toHaveLength(3);
    expect(added.filter((i) => demoBrandIds(i.text).includes('acme'))).toHaveLength(1);
    expect(added.every((i) => /^r\d+$/u.test(i.id) && i.rating !== null && i.timestamp === '2025-11-05T00:00:00.000Z')).toBe(true);

    (page.document.getElementById('demo-load-more') as HTMLElement).click();
    const again = runAdapter(tripadvisor, page.document, page.url);
    expect(again).toHaveLength(items.length + 6);
    expect(new Set(again.map((i) => i.id)).size).toBe(again.length);
  });
});

describe('tripadvisor isSupportedPage', () => {
  test.each(tripadvisor.testUrls)('supports %s', (url) => {
    expect(tripadvisor.isSupportedPage(new URL(url))).toBe(true);
    expect(tripadvisor.matches.some((p) => matchesPattern(p, url))).toBe(true);
  });
  test.each(otherSitesUrls('tripadvisor'))('does not claim %s', (url) => {
    expect(tripadvisor.isSupportedPage(new URL(url))).toBe(false);
  });
  test.each([
    'https://www.tripadvisor.fr/',
    'https://www.tripadvisor.fr/Restaurants-g187265-Lyon_Rhone_Auvergne_Rhone_Alpes.html',
    'https://www.tripadvisor.fr/Tourism-g187265-Lyon_Rhone_Auvergne_Rhone_Alpes-Vacations.html',
    'https://www.tripadvisor.fr/Search?q=acme',
    'https://www.tripadvisor.fr.evil.example/Restaurant_Review-g187265-d99999999-Reviews-Acme_Cafe-Lyon.html',
  ])('stays off %s', (url) => {
    expect(tripadvisor.isSupportedPage(new URL(url))).toBe(false);
  });
});
