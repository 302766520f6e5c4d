// @vitest-environment happy-dom
/**
 * TikTok adapter (lib/sites/tiktok.ts) on the demo video page and on a real
 * video page saved in 2022-08 (tests/fixtures/real/tiktok/, ground truth in
 * tests/fixtures/real/ground-truth.json).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { tiktok, tiktokIdTime } from '../../../lib/sites/tiktok';
import type { ExtractedItem } from '../../../lib/sites/types';
import {
  appendDemoItems,
  demoBrandIds,
  expectDemoItems,
  extractFragment,
  loadPage,
  matchesPattern,
  otherSitesUrls,
  readDemo,
  readDemoJson,
  readFixture,
  runAdapter,
  text60,
  type ExpectedItem,
  type LoadedPage,
  TEST_NOW,
} from './helpers';

const DEMO_URL = 'https://www.tiktok.com/@acme_cafe/video/7300000000000000001';

describe('tiktok demo page', () => {
  let page: LoadedPage;
  let items: ExtractedItem[];
  const expected = readDemoJson<ExpectedItem[]>('tiktok.expected.json');

  beforeAll(async () => {
    page = await loadPage(readDemo('tiktok.html'), DEMO_URL + '?is_from_webapp=1', { runScripts: true });
    items = runAdapter(tiktok, page.document, page.url);
  });
  afterAll(() => page.close());

  test('finds every expected item with its fields, and the matcher flags exactly the brand-naming ones', () => {
    expect(expected.length).toBeGreaterThanOrEqual(8);
    expectDemoItems(items, expected);
  });

  test('a reply is its own item: its author, not its parent’s; the parent does not include it', () => {
    const reply = items.find((i) => i.kind === 'reply')!;
    expect(reply).toMatchObject({ author: 'Acme Café', handle: '@acme_cafe' });
    const julie = items.find((i) => i.handle === '@julie_mtn')!;
    expect(julie.text).not.toContain('croissant');
  });

  test('comment ids are TikTok’s, and their time comes from the id, after the video’s', () => {
    const video = items.find((i) => i.kind === 'post')!;
    expect(video.timestamp).toBe('2023-11-11T00:48:18.000Z');
    for (const item of items.filter((i) => i.kind !== 'post')) {
      expect(item.id).toMatch(/^\d{19}$/u);
      expect(item.timestamp! > video.timestamp!).toBe(true);
    }
  });

  test('without a numeric id, the id is a hash of video URL, handle and text, and the time is the visible "6j" counted back', () => {
    const el = page.document.querySelector('[data-e2e="comment-level-1"]')!;
    const container = el.closest('[class*="DivCommentContentContainer"]')!;
    const id = container.id;
    container.removeAttribute('id');
    try {
      const item = tiktok.extractItem(el, { url: page.url, now: TEST_NOW })!;
      expect(item.id).toMatch(/^h[0-9a-z]+$/u);
      // The demo's first comment says "6j" (6 days).
      expect(item.timestamp).toBe(new Date(TEST_NOW - 6 * 86_400_000).toISOString());
      expect(tiktok.extractItem(el, { url: page.url })!.timestamp).not.toBeNull();
      expect(item.permalink).toBe(DEMO_URL);
      expect(tiktok.extractItem(el, { url: new URL(DEMO_URL + '?lang=fr') })!.id).toBe(item.id);
    } finally {
      container.id = id;
    }
  });

  test('hostile: a zero-width space inside the name is kept in the text and still matched', () => {
    const item = items.find((i) => i.handle === '@prix_watch')!;
    expect(item.text.startsWith('Ac\u200bme ')).toBe(true);
    expect(demoBrandIds(item.text)).toEqual(['acme']);
  });

  test('scroll-appended items: each "load more" adds three comments, one naming Acme', async () => {
    await appendDemoItems(page);
    const after = runAdapter(tiktok, page.document, page.url);
    const added = after.slice(items.length);
    expect(added).toHaveLength(3);
    expect(added.filter((i) => demoBrandIds(i.text).includes('acme'))).toHaveLength(1);
    expect(added.every((i) => i.kind === 'comment' && /^\d{19}$/u.test(i.id) && i.handle !== null && i.timestamp !== null)).toBe(true);

    (page.document.getElementById('demo-load-more') as HTMLElement).click();
    const again = runAdapter(tiktok, page.document, page.url);
    expect(again).toHaveLength(items.length + 6);
    expect(new Set(again.map((i) => i.id)).size).toBe(again.length);
  });
});

interface TikTokTruth {
  kind: string;
  author?: string;
  desc?: string;
  canonical?: string;
  handle?: string;
  display_name?: string;
  text60?: string;
  time_text?: string;
}

describe('tiktok real page (@merveilleux123, 2022-08)', () => {
  const FILE = 'tiktok/tiktok-video-1.html';
  const URL_ = 'https://www.tiktok.com/@merveilleux123/video/7135383664971582725';
  const truth = (JSON.parse(readFixture('real/ground-truth.json')) as Record<string, { items: TikTokTruth[] }>)[FILE]!.items;
  let page: LoadedPage;
  let items: ExtractedItem[];

  beforeAll(async () => {
    page = await loadPage(readFixture('real/' + FILE), URL_);
    items = runAdapter(tiktok, page.document, page.url);
  });
  afterAll(() => page.close());

  test('the caption, then 20 top-level comments (replies are collapsed)', () => {
    expect(items).toHaveLength(21);
    expect(items[0]!.kind).toBe('post');
    expect(items.slice(1).every((i) => i.kind === 'comment')).toBe(true);
    expect(new Set(items.map((i) => i.id)).size).toBe(21);
  });

  test('the caption: video id, author, text, time from the id (posted 2022-08-24)', () => {
    const video = truth.find((t) => t.kind === 'video')!;
    expect(items[0]).toMatchObject({
      site: 'tiktok',
      id: '7135383664971582725',
      text: video.desc,
      handle: '@' + video.author,
      author: 'Merveilleux123',
      permalink: video.canonical,
      rating: null,
    });
    expect(items[0]!.timestamp).toMatch(/^2022-08-24T/u);
  });

  test('every comment has TikTok’s id, a handle, a name, the video URL, and a time from the id (≤ 7 days later)', () => {
    for (const item of items.slice(1)) {
      expect(item.id).toMatch(/^\d{19}$/u);
      expect(item.handle).toMatch(/^@[\w.]+$/u);
      expect(item.author).toBeTruthy();
      expect(item.permalink).toBe(URL_);
      expect(item.timestamp! >= '2022-08-24T' && item.timestamp! < '2022-09-01T').toBe(true);
    }
  });

  test.each(truth.filter((t) => t.kind === 'comment').map((t) => [t.handle!, t] as const))('ground truth: %s', (handle, t) => {
    const item = items.find((i) => i.handle === handle);
    expect(item).toBeDefined();
    expect(item!.author).toBe(t.display_name);
    expect(text60(item!.text)).toBe(t.text60);
    // "6d ago" on a page saved ~2022-08-30: the id's time agrees within a day.
    const days = Number.parseInt(t.time_text!, 10);
    const saved = Date.parse('2022-08-30T12:00:00Z');
    expect(Math.abs(saved - days * 86400e3 - Date.parse(item!.timestamp!))).toBeLessThan(1.5 * 86400e3);
  });

  test('the Arabic comment reads as written (right-to-left text, emoji kept)', () => {
    expect(items.find((i) => i.handle === '@dalouletbouha08')!.text).toBe('حاسة حالي يتيمة هون 😂😂😂😂😂');
  });
});

describe('tiktok video view whose copy-link box names another video than the address', () => {
  // A page saved after the SPA moved on (trex's tk-video-2: the For You feed with a video open
  // over it, and the address of a video seen before). My own markup, the same hooks.
  const body = `
    <div class="DivBrowserModeContainer">
      <a href="/@denise_m"><span data-e2e="browse-username">denise_m</span></a>
      <span data-e2e="browser-nickname">Denise M<span> · 7-9</span></span>
      <div data-e2e="browse-video-desc"><span>Consigli? Acme</span></div>
      <div class="DivCopyLinkContainer"><p data-e2e="browse-video-link">https://www.tiktok.com/@denise_m/video/7118347470546980101?is_from_webapp=1&amp;sender_device=pc</p></div>
      <div class="DivCommentListContainer"><div class="DivCommentItemContainer">
        <div id="7118474373401379589" class="DivCommentContentContainer">
          <a href="/@umile"><span data-e2e="comment-username-1">Umile</span></a>
          <p data-e2e="comment-level-1"><span>Vogliamo seconda parte</span></p>
        </div>
      </div></div>
    </div>`;

  test("the caption and the comments are the shown video's: id, permalink and time", async () => {
    const items = await extractFragment(tiktok, body, 'https://www.tiktok.com/@other/video/7135383664971582725');
    expect(items.map((i) => [i.kind, i.id, i.permalink])).toEqual([
      ['post', '7118347470546980101', 'https://www.tiktok.com/@denise_m/video/7118347470546980101'],
      ['comment', '7118474373401379589', 'https://www.tiktok.com/@denise_m/video/7118347470546980101'],
    ]);
    expect(items[0]!.timestamp).toBe(tiktokIdTime('7118347470546980101'));
  });

  test('a copy-link text that is not a video on the same host is ignored', async () => {
    for (const link of ['javascript:alert(1)', 'https://evil.example/@x/video/7118347470546980101', 'not a url']) {
      const items = await extractFragment(tiktok, body.replace(/https:\/\/www\.tiktok\.com\/@denise_m[^<]*/u, link), 'https://www.tiktok.com/@other/video/7135383664971582725');
      // The address's video id then (the caption's handle is the video view's, as on any page).
      expect(items.map((i) => [i.id, i.permalink])).toEqual([
        ['7135383664971582725', 'https://www.tiktok.com/@denise_m/video/7135383664971582725'],
        ['7118474373401379589', 'https://www.tiktok.com/@other/video/7135383664971582725'],
      ]);
    }
  });
});

describe('tiktokIdTime', () => {
  test('top 32 bits are unix seconds; non-ids are null', () => {
    expect(tiktokIdTime('7135383664971582725')).toBe('2022-08-24T10:12:51.000Z');
    expect(tiktokIdTime('123')).toBeNull();
    expect(tiktokIdTime('abc')).toBeNull();
    expect(tiktokIdTime('99999999999999999999')).toBeNull();
  });
});

describe('tiktok isSupportedPage', () => {
  test.each(tiktok.testUrls)('supports %s', (url) => {
    expect(tiktok.isSupportedPage(new URL(url))).toBe(true);
    expect(tiktok.matches.some((p) => matchesPattern(p, url))).toBe(true);
  });
  test.each(otherSitesUrls('tiktok'))('does not claim %s', (url) => {
    expect(tiktok.isSupportedPage(new URL(url))).toBe(false);
  });
  test.each([
    'https://www.tiktok.com/',
    'https://www.tiktok.com/foryou',
    'https://www.tiktok.com/@acme_cafe',
    'https://www.tiktok.com/tag/acmecafe',
    'https://www.tiktok.com/embed/v2/7300000000000000001',
    'https://www.tiktok.com.evil.example/@acme_cafe/video/7300000000000000001',
  ])('stays off %s', (url) => {
    expect(tiktok.isSupportedPage(new URL(url))).toBe(false);
  });
});
