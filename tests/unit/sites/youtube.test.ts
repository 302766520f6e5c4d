// @vitest-environment happy-dom
/**
 * YouTube adapter (lib/sites/youtube.ts) on the demo watch page. No real saved
 * page of today's comment layout exists (tests/fixtures/real/README.md), so the
 * demo page is the only page-level check, plus small hand-made fragments below.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { youtube } from '../../../lib/sites/youtube';
import type { ExtractedItem } from '../../../lib/sites/types';
import {
  appendDemoItems,
  demoBrandIds,
  expectDemoItems,
  type ExpectedItem,
  extractFragment,
  type LoadedPage,
  loadPage,
  otherSitesUrls,
  readDemo,
  readDemoJson,
  runAdapter,
  TEST_NOW,
} from './helpers';

const DEMO_URL = 'https://www.youtube.com/watch?v=acmeDemo001';

describe('youtube demo page', () => {
  let page: LoadedPage;
  let items: ExtractedItem[];
  const expected = readDemoJson<ExpectedItem[]>('youtube.expected.json');

  beforeAll(async () => {
    page = await loadPage(readDemo('youtube.html'), DEMO_URL, { runScripts: true });
    items = runAdapter(youtube, page.document, page.url);
  });
  afterAll(() => page.close());

  test('finds every expected item with its fields, and the matcher flags exactly the brand-naming ones', () => {
    expect(expected.length).toBeGreaterThanOrEqual(8);
    expectDemoItems(items, expected);
  });

  test('the video is not an item; comments under #replies are replies', () => {
    expect(items.some((i) => i.text.startsWith('Dans les coulisses'))).toBe(false);
    expect(items.filter((i) => i.kind === 'reply').map((i) => i.id)).toEqual([
      'UgzAcmeDemoT01AaABAg.A1demoR01',
      'UgyAcmeDemoT03AaABAg.A1demoR02',
      'UgyAcmeDemoT03AaABAg.A1demoR03',
    ]);
  });

  test('the channel owner’s replies (name in a badge, #author-text hidden) keep author and handle', () => {
    const owner = items.filter((i) => i.handle === '@AcmeFrance');
    expect(owner).toHaveLength(2);
    expect(owner.every((i) => i.author === '@AcmeFrance')).toBe(true);
  });

  test('hostile: a right-to-left Arabic comment names Acme; its percent-encoded handle is decoded', () => {
    const rtl = items.find((i) => i.id === 'UgwAcmeDemoT04AaABAg')!;
    expect(rtl.text).toBe('أحب قهوة Acme كثيرا، أفضل محمصة زرتها في باريس!');
    expect(rtl.handle).toBe('@سلمى.قهوة');
    expect(demoBrandIds(rtl.text)).toEqual(['acme']);
  });

  test('reply box: the Reply button of each comment', () => {
    for (const el of page.document.querySelectorAll(youtube.itemSelector)) {
      expect(youtube.findReplyBox(el)?.getAttribute('aria-label')).toBe('Répondre');
    }
  });

  test('scroll-appended items: each "load more" adds three threads, one naming Acme', async () => {
    await appendDemoItems(page);
    const after = runAdapter(youtube, page.document, page.url);
    const added = after.slice(items.length);
    expect(added).toHaveLength(3);
    expect(added.filter((i) => demoBrandIds(i.text).includes('acme'))).toHaveLength(1);
    expect(added.every((i) => i.kind === 'comment' && i.handle?.startsWith('@') && i.permalink?.endsWith('lc=' + i.id))).toBe(true);

    (page.document.getElementById('demo-load-more') as HTMLElement).click();
    const again = runAdapter(youtube, page.document, page.url);
    expect(again).toHaveLength(items.length + 6);
    expect(new Set(again.map((i) => i.id)).size).toBe(again.length);
  });
});

describe('youtube fragments', () => {
  const extract = (html: string) => extractFragment(youtube, html, DEMO_URL);

  test('old layout (ytd-comment-renderer) is read the same way', async () => {
    const [item] = await extract(`<ytd-comment-thread-renderer><ytd-comment-renderer id="comment">
      <a id="author-text" href="/@vieux_format"><span> @vieux_format </span></a>
      <yt-formatted-string id="published-time-text"><a href="/watch?v=acmeDemo001&amp;lc=UgOldLayout1">il y a 5 ans</a></yt-formatted-string>
      <yt-formatted-string id="content-text">Acme,<br>toujours au top</yt-formatted-string>
    </ytd-comment-renderer></ytd-comment-thread-renderer>`);
    expect(item).toEqual({
      site: 'youtube',
      id: 'UgOldLayout1',
      kind: 'comment',
      text: 'Acme, toujours au top',
      author: '@vieux_format',
      handle: '@vieux_format',
      permalink: 'https://www.youtube.com/watch?v=acmeDemo001&lc=UgOldLayout1',
      // "il y a 5 ans": five 365-day years before the tests' clock.
      timestamp: new Date(TEST_NOW - 5 * 365 * 86_400_000).toISOString(),
      rating: null,
    });
  });

  test('2020 layout in Korean: the time is a class, in two copies (the second hidden), and "3개월 전" is read', async () => {
    const [item] = await extract(`<ytd-comment-thread-renderer><ytd-comment-renderer id="comment" comment-style="unknown">
      <a id="author-text" href="/channel/UCacme"><span> 이태원 </span></a>
      <yt-formatted-string class="published-time-text above-comment"><a href="/watch?v=acmeDemo001&amp;lc=UgKorean1">3개월 전</a></yt-formatted-string>
      <yt-formatted-string class="published-time-text below-comment" hidden=""><a href="/watch?v=acmeDemo001&amp;lc=UgKorean1">3개월 전</a></yt-formatted-string>
      <yt-formatted-string id="content-text" slot="content">Acme 최고</yt-formatted-string>
    </ytd-comment-renderer></ytd-comment-thread-renderer>`);
    expect(item).toMatchObject({ id: 'UgKorean1', author: '이태원', text: 'Acme 최고', timestamp: new Date(TEST_NOW - 90 * 86_400_000).toISOString() });
  });

  test('empty #author-text: the author comes from the owner badge', async () => {
    const [item] = await extract(`<ytd-comment-view-model>
      <a id="author-text" hidden href="/@AcmeFrance"><span></span></a>
      <span id="author-comment-badge"><ytd-author-comment-badge-renderer><a id="name" href="/@AcmeFrance"><yt-formatted-string id="text">@AcmeFrance</yt-formatted-string></a></ytd-author-comment-badge-renderer></span>
      <span id="published-time-text"><a href="/watch?v=acmeDemo001&amp;lc=UgBadge1">il y a 1 jour</a></span>
      <yt-attributed-string id="content-text"><span>Merci !</span></yt-attributed-string>
    </ytd-comment-view-model>`);
    expect(item).toMatchObject({ id: 'UgBadge1', author: '@AcmeFrance', handle: '@AcmeFrance' });
  });

  test('a saved page with absolute author links keeps the handle; a /channel/ link has none', async () => {
    const items = await extract(`<ytd-comment-renderer id="comment">
      <a id="author-text" href="https://www.youtube.com/@Sauvegarde"><span>@Sauvegarde</span></a>
      <span id="published-time-text"><a href="https://www.youtube.com/watch?v=acmeDemo001&amp;lc=UgAbs1">il y a 1 jour</a></span>
      <yt-formatted-string id="content-text">Acme encore</yt-formatted-string>
    </ytd-comment-renderer><ytd-comment-renderer id="comment">
      <a id="author-text" href="https://www.youtube.com/channel/UCabc"><span>Vieux Compte</span></a>
      <span id="published-time-text"><a href="/watch?v=acmeDemo001&amp;lc=UgAbs2">il y a 1 jour</a></span>
      <yt-formatted-string id="content-text">Acme toujours</yt-formatted-string>
    </ytd-comment-renderer>`);
    expect(items.map((i) => [i.id, i.author, i.handle])).toEqual([
      ['UgAbs1', '@Sauvegarde', '@Sauvegarde'],
      ['UgAbs2', 'Vieux Compte', null],
    ]);
  });

  test('a comment still rendering (no lc= link yet) is not an item', async () => {
    expect(await extract('<ytd-comment-view-model><yt-attributed-string id="content-text">…</yt-attributed-string></ytd-comment-view-model>')).toEqual([]);
  });
});

describe('youtube isSupportedPage', () => {
  test.each(youtube.testUrls)('supports %s', (url) => {
    expect(youtube.isSupportedPage(new URL(url))).toBe(true);
  });
  test.each(otherSitesUrls('youtube'))('does not claim %s', (url) => {
    expect(youtube.isSupportedPage(new URL(url))).toBe(false);
  });
  test.each(['https://www.youtube.com/', 'https://www.youtube.com/results?search_query=acme', 'https://www.youtube.com/@AcmeFrance/videos', 'https://www.youtube.com/feed/subscriptions'])(
    'stays off pages without comments: %s',
    (url) => {
      expect(youtube.isSupportedPage(new URL(url))).toBe(false);
    },
  );
  test('match patterns are the YouTube hosts', () => {
    expect(youtube.matches).toEqual(['*://www.youtube.com/*', '*://m.youtube.com/*']);
  });
});
