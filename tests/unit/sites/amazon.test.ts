// @vitest-environment happy-dom
/**
 * Amazon adapter (lib/sites/amazon.ts) on the demo amazon.fr reviews page and on
 * a real amazon.it page saved in 2019 (tests/fixtures/real/amazon/, ground truth in
 * tests/fixtures/real/ground-truth.json).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { amazon } from '../../../lib/sites/amazon';
import { parseLocalizedDate } from '../../../lib/sites/dom';
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

const DEMO_URL = 'https://www.amazon.fr/Acme-Caf%C3%A9-grains-Bellecour-1kg/product-reviews/B0ACMEDEMO/';

describe('amazon demo page', () => {
  let page: LoadedPage;
  let items: ExtractedItem[];
  const expected = readDemoJson<ExpectedItem[]>('amazon.expected.json');

  beforeAll(async () => {
    page = await loadPage(readDemo('amazon.html'), DEMO_URL, { runScripts: true });
    items = runAdapter(amazon, page.document, page.url);
  });
  afterAll(() => page.close());

  test('finds every expected item with its fields, and the matcher flags exactly the brand-naming ones', () => {
    expect(expected.length).toBeGreaterThanOrEqual(8);
    expectDemoItems(items, expected);
  });

  test('star alt text, "Lire la suite" and the hidden translation are not part of the text', () => {
    for (const item of items) expect(item.text).not.toMatch(/sur 5 étoiles|Lire la suite|Traduction automatique|\(traduit\)|Traduire cet avis/u);
    expect(items.find((i) => i.author === 'Sophie Lambert')!.text).toMatch(/en redemande depuis\.$/u);
  });

  test('a review from another country: cmps rating, English date', () => {
    expect(items.find((i) => i.author === 'Emily Carter')).toMatchObject({ rating: 5, timestamp: '2023-08-01T00:00:00.000Z' });
  });

  test('hostile: an escaped <script> typed by a reviewer is extracted as literal text and never runs', () => {
    const kevin = items.find((i) => i.author === 'Kevin Marchand')!;
    expect(kevin.text).toContain('<script>window.__veillePwned = 1</script>');
    expect(demoBrandIds(kevin.text)).toEqual(['acme']);
    expect(page.document.querySelectorAll('#cm_cr-review_list script')).toHaveLength(0);
    expect((page.window as unknown as Record<string, unknown>)['__veillePwned']).toBeUndefined();
  });

  test('scroll-appended items: each "load more" adds three reviews, one naming Acme', async () => {
    await appendDemoItems(page);
    const after = runAdapter(amazon, page.document, page.url);
    const added = after.slice(items.length);
    expect(added).toHaveLength(3);
    expect(added.filter((i) => demoBrandIds(i.text).includes('acme'))).toHaveLength(1);
    expect(added.every((i) => /^R[A-Z0-9]+$/u.test(i.id) && i.rating !== null && i.timestamp === '2024-05-05T00:00:00.000Z')).toBe(true);

    (page.document.getElementById('demo-load-more') as HTMLElement).click();
    const again = runAdapter(amazon, page.document, page.url);
    expect(again).toHaveLength(items.length + 6);
    expect(new Set(again.map((i) => i.id)).size).toBe(again.length);
  });
});

interface AmazonTruth {
  id: string;
  author: string;
  rating_text: string;
  title: string;
  date_text: string;
  permalink: string;
  text60: string;
}

describe('amazon real page (amazon.it Kindle Paperwhite, 2019)', () => {
  const FILE = 'amazon/product-reviews-B07747FR44-1.html';
  const URL_ = 'https://www.amazon.it/Paperwhite-resistente-allacqua-risoluzione-speciali/product-reviews/B07747FR44';
  const truth = (JSON.parse(readFixture('real/ground-truth.json')) as Record<string, { items: AmazonTruth[] }>)[FILE]!.items;
  let page: LoadedPage;
  let items: ExtractedItem[];

  beforeAll(async () => {
    page = await loadPage(readFixture('real/' + FILE), URL_);
    items = runAdapter(amazon, page.document, page.url);
  });
  afterAll(() => page.close());

  test('10 reviews, ratings as listed in the fixture README', () => {
    expect(items).toHaveLength(10);
    expect(items.map((i) => i.rating)).toEqual([5, 5, 2, 1, 3, 4, 1, 5, 5, 3]);
    expect(new Set(items.map((i) => i.id)).size).toBe(10);
  });

  test('every review has its id, author, date and permalink on the page host', () => {
    for (const item of items) {
      expect(item).toMatchObject({ site: 'amazon', kind: 'review', handle: null });
      expect(item.id).toMatch(/^R[A-Z0-9]+$/u);
      expect(item.permalink).toBe('https://www.amazon.it/gp/customer-reviews/' + item.id);
      expect(item.author).toBeTruthy();
      expect(item.timestamp).toMatch(/^(2018-1[12]|2019-04)-\d\dT00:00:00\.000Z$/u);
      expect(item.text.length).toBeGreaterThan(20);
    }
    // The newest review is from 14 aprile 2019 (README).
    expect(items.map((i) => i.timestamp).sort().at(-1)).toBe('2019-04-14T00:00:00.000Z');
  });

  test.each(truth.map((t) => [t.author, t] as const))('ground truth: %s', (_author, t) => {
    const item = items.find((i) => i.id === t.id);
    expect(item).toBeDefined();
    expect(item).toMatchObject({ author: t.author, rating: Number.parseFloat(t.rating_text.replace(',', '.')) });
    expect(item!.permalink).toBe(new URL(t.permalink, URL_).href.split('/ref=')[0]);
    expect(item!.timestamp).toBe(parseLocalizedDate(t.date_text));
    expect(item!.timestamp!.startsWith(t.date_text.endsWith('2019') ? '2019-' : '2018-11-')).toBe(true);
    // "title body": the video block and hidden inputs before the body's words add nothing.
    expect(item!.text.startsWith(t.title + ' ' + t.text60)).toBe(true);
  });
});

describe('parseLocalizedDate', () => {
  test.each([
    ['14 novembre 2018', '2018-11-14'],
    ['Recensito in Italia il 14 novembre 2018', '2018-11-14'],
    ['Reviewed in the United States on May 1, 2024', '2024-05-01'],
    ['Reviewed in the United Kingdom on 2 February 2024', '2024-02-02'],
    ['Commenté en France le 3 mars 2024', '2024-03-03'],
    ['Commenté en France le 1er août 2023', '2023-08-01'],
    ['Rezension aus Deutschland vom 3. März 2024', '2024-03-03'],
    ['Revisado en España el 3 de marzo de 2024', '2024-03-03'],
    ['Written October 12, 2025', '2025-10-12'],
    ['Avis écrit le 12 oct. 2025', '2025-10-12'],
  ])('%s', (text, day) => {
    expect(parseLocalizedDate(text)).toBe(day + 'T00:00:00.000Z');
  });
  test('month precision only when asked; impossible days and relative times are null', () => {
    expect(parseLocalizedDate('Reviewed Oct 2025')).toBeNull();
    expect(parseLocalizedDate('Reviewed Oct 2025', { monthPrecision: true })).toBe('2025-10-01T00:00:00.000Z');
    expect(parseLocalizedDate('Date de la visite : octobre 2025', { monthPrecision: true })).toBe('2025-10-01T00:00:00.000Z');
    expect(parseLocalizedDate('31 febbraio 2020')).toBeNull();
    expect(parseLocalizedDate('5d ago')).toBeNull();
    expect(parseLocalizedDate('il y a 3 jours')).toBeNull();
    expect(parseLocalizedDate('')).toBeNull();
  });
});

describe('parseLocalizedDate: more languages (Intl) and the time of day', () => {
  test.each([
    ['вторник, 24 апреля 2018 г.', '2018-04-24'],
    ['terça-feira, 24 de abril de 2018', '2018-04-24'],
    ['dinsdag 24 april 2018', '2018-04-24'],
    ['24 kwietnia 2018', '2018-04-24'],
    ['24 Nisan 2018 Salı', '2018-04-24'],
  ])('%s', (text, day) => {
    expect(parseLocalizedDate(text)).toBe(day + 'T00:00:00.000Z');
  });
  test.each([
    ['вторник, 24 апреля 2018 г., 07:12', [2018, 3, 24, 7, 12]],
    ['Tuesday, April 24, 2018 7:12 PM', [2018, 3, 24, 19, 12]],
    ['April 24, 2018 12:30 am', [2018, 3, 24, 0, 30]],
    ['mardi 24 avril 2018 à 15 h 05', [2018, 3, 24, 15, 5]],
  ] as const)('withTime: %s (local time)', (text, [y, mo, d, h, mi]) => {
    expect(parseLocalizedDate(text, { withTime: true })).toBe(new Date(y, mo, d, h, mi).toISOString());
    expect(parseLocalizedDate(text)).toBe(new Date(Date.UTC(y, mo, d)).toISOString());
  });
  test('withTime: no time, or an impossible one, leaves the day', () => {
    expect(parseLocalizedDate('24 April 2018 (edited 3 times)', { withTime: true })).toBe('2018-04-24T00:00:00.000Z');
    expect(parseLocalizedDate('24 April 2018 25:61', { withTime: true })).toBe('2018-04-24T00:00:00.000Z');
    expect(parseLocalizedDate('24 April 2018 13:05 pm', { withTime: true })).toBe('2018-04-24T00:00:00.000Z');
  });
});

describe('amazon isSupportedPage', () => {
  test.each(amazon.testUrls)('supports %s', (url) => {
    expect(amazon.isSupportedPage(new URL(url))).toBe(true);
    expect(amazon.matches.some((p) => matchesPattern(p, url))).toBe(true);
  });
  test.each(otherSitesUrls('amazon'))('does not claim %s', (url) => {
    expect(amazon.isSupportedPage(new URL(url))).toBe(false);
  });
  test.each([
    'https://www.amazon.fr/',
    'https://www.amazon.fr/s?k=caf%C3%A9+en+grains',
    'https://www.amazon.fr/gp/cart/view.html',
    'https://www.amazon.co.jp/dp/B0ACMEDEMO',
    'https://sellercentral.amazon.fr/dp/B0ACMEDEMO',
    'https://www.amazon.fr.evil.example/dp/B0ACMEDEMO',
  ])('stays off %s', (url) => {
    expect(amazon.isSupportedPage(new URL(url))).toBe(false);
  });
});
