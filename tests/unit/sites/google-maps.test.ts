// @vitest-environment happy-dom
/**
 * Google Maps adapter (lib/sites/google-maps.ts). No real saved Maps page
 * exists (tests/fixtures/real/README.md), so the demo page, built from the
 * selectors in sites.md §9, is the page-level check, plus fragments below for
 * each markup variant.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { googleMaps } from '../../../lib/sites/google-maps';
import type { ExtractedItem } from '../../../lib/sites/types';
import {
  appendDemoItems,
  demoBrandIds,
  expectDemoItems,
  type ExpectedItem,
  extractFragment,
  type LoadedPage,
  loadPage,
  matchesPattern,
  otherSitesUrls,
  readDemo,
  readDemoJson,
  runAdapter,
} from './helpers';

const DEMO_URL = 'https://www.google.com/maps/place/Acme+Caf%C3%A9/@48.8566,2.3522,17z/';

describe('google maps demo page', () => {
  let page: LoadedPage;
  let items: ExtractedItem[];
  const expected = readDemoJson<ExpectedItem[]>('google-maps.expected.json');

  beforeAll(async () => {
    page = await loadPage(readDemo('google-maps.html'), DEMO_URL, { runScripts: true });
    items = runAdapter(googleMaps, page.document, page.url);
  });
  afterAll(() => page.close());

  test('finds every expected item with its fields, and the matcher flags exactly the brand-naming ones', () => {
    expect(expected.length).toBeGreaterThanOrEqual(8);
    expectDemoItems(items, expected);
  });

  test('one item per card although inner buttons repeat data-review-id; a rating without text is no item', () => {
    const cards = page.document.querySelectorAll('div.jftiEf[data-review-id]');
    expect(page.document.querySelectorAll('[data-review-id]').length).toBeGreaterThan(cards.length * 3);
    expect(cards).toHaveLength(expected.length + 1);
    expect(items.some((i) => i.author === 'Paul Henry')).toBe(false);
  });

  test('the owner reply (div.CDe7pd) is not part of the review text', () => {
    const thomas = items.find((i) => i.author === 'Thomas Girard')!;
    expect(thomas.text).toBe('Terrasse agréable et pâtisseries maison. Un peu bruyant le week-end, mais on y revient.');
    expect(demoBrandIds(thomas.text)).toEqual([]);
    expect(items.find((i) => i.author === 'Camille Rousseau')!.text).not.toContain('Merci Camille');
  });

  test('hostile: zero-width joiner and right-to-left marks around the name still name Acme', () => {
    const sophie = items.find((i) => i.author === 'Sophie Martin')!;
    expect(sophie.text).toContain('A\u200dcme (\u200fAcme\u200f Marais)');
    expect(demoBrandIds('Très déçue par A\u200dcme')).toEqual(['acme']);
    expect(demoBrandIds(sophie.text)).toEqual(['acme']);
    expect(sophie.rating).toBe(1);
  });

  test('a cut review reads as rendered, without the "Plus" button', () => {
    expect(items.find((i) => i.author === 'Marc Dubois')!.text).toMatch(/samedi matin …$/u);
  });

  test('scroll-appended items: each "load more" adds three reviews, one naming Acme', async () => {
    await appendDemoItems(page);
    const after = runAdapter(googleMaps, page.document, page.url);
    const added = after.slice(items.length);
    expect(added).toHaveLength(3);
    expect(added.filter((i) => demoBrandIds(i.text).includes('acme'))).toHaveLength(1);
    expect(added.every((i) => i.rating !== null && i.author !== null)).toBe(true);

    (page.document.getElementById('demo-load-more') as HTMLElement).click();
    const again = runAdapter(googleMaps, page.document, page.url);
    expect(again).toHaveLength(items.length + 6);
    expect(new Set(again.map((i) => i.id)).size).toBe(again.length);
  });
});

describe('google maps fragments', () => {
  const extract = (html: string, url = DEMO_URL) => extractFragment(googleMaps, html, url);
  const card = (inner: string, stars = '<span role="img" aria-label="4 stars"></span>') =>
    `<div class="jftiEf" aria-label="Ann Lee" data-review-id="Ch1"><button data-review-id="Ch1" aria-label="Photo of Ann Lee"></button>${stars}${inner}</div>`;

  test.each([
    ['div.MyEned (2023–24)', '<div class="MyEned"><span class="wiI7pd">Acme rocks</span></div>'],
    ['[data-expandable-section] (2025)', '<div data-expandable-section><span class="x1">Acme rocks</span></div>'],
    ['bare span.wiI7pd', '<span class="wiI7pd">Acme rocks</span>'],
  ])('text markup: %s', async (_label, inner) => {
    const [item] = await extract(card(inner + '<div class="CDe7pd"><div class="wiI7pd">Owner: thanks!</div></div>'));
    expect(item).toEqual({
      site: 'google-maps',
      id: 'Ch1',
      kind: 'review',
      text: 'Acme rocks',
      author: 'Ann Lee',
      handle: null,
      permalink: DEMO_URL + '#review-Ch1',
      timestamp: null,
      rating: 4,
    });
  });

  test('only the owner reply has text: no item', async () => {
    expect(await extract(card('<div class="CDe7pd"><span class="wiI7pd">Owner: thanks!</span></div>'))).toEqual([]);
  });

  test.each([
    ['5 étoiles', 5],
    ['1 étoile', 1],
    ['4 stars', 4],
    ['3,0 sur 5', 3],
  ])('localised rating "%s"', async (label, rating) => {
    const [item] = await extract(card('<div class="MyEned"><span class="wiI7pd">ok</span></div>', `<span role="img" aria-label="${label}"></span>`));
    expect(item?.rating).toBe(rating);
  });

  test('a nested element matching the card selector is not a second item; author falls back to .d4r55', async () => {
    const items = await extract(
      `<div aria-label=" " data-review-id="Ch2"><div class="d4r55">Bo Chan</div><div aria-label="menu" data-review-id="Ch2"></div>` +
        `<div class="MyEned"><span class="wiI7pd">Fine</span></div></div>`,
    );
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ id: 'Ch2', author: 'Bo Chan', rating: null });
  });

  test('permalink: the place URL without its own hash, plus the review anchor', async () => {
    const [item] = await extract(card('<div class="MyEned"><span class="wiI7pd">ok</span></div>'), DEMO_URL + '#top');
    expect(item?.permalink).toBe(DEMO_URL + '#review-Ch1');
  });
});

describe('google maps isSupportedPage', () => {
  test.each(googleMaps.testUrls)('supports %s', (url) => {
    expect(googleMaps.isSupportedPage(new URL(url))).toBe(true);
    expect(googleMaps.matches.some((p) => matchesPattern(p, url))).toBe(true);
  });
  test.each(otherSitesUrls('google-maps'))('does not claim %s', (url) => {
    expect(googleMaps.isSupportedPage(new URL(url))).toBe(false);
  });
  test.each(['https://www.google.com/search?q=acme+cafe', 'https://www.google.com/mapsfoo', 'https://www.google.de/maps/place/Acme', 'https://maps.google.com/'])(
    'stays off %s',
    (url) => {
      expect(googleMaps.isSupportedPage(new URL(url))).toBe(false);
    },
  );
});
