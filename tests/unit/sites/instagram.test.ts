// @vitest-environment happy-dom
/**
 * Instagram adapter (lib/sites/instagram.ts) on the demo post page and on the
 * real saved home feed (tests/fixtures/real/instagram/instagram-home.html,
 * anonymised: tests/fixtures/real/README-anonymized.md).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { instagram } from '../../../lib/sites/instagram';
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
  text60,
  type ExpectedItem,
  type LoadedPage,
} from './helpers';

const DEMO_URL = 'https://www.instagram.com/p/DAcmeDemo01/';

describe('instagram demo page', () => {
  let page: LoadedPage;
  let items: ExtractedItem[];
  const expected = readDemoJson<ExpectedItem[]>('instagram.expected.json');

  beforeAll(async () => {
    page = await loadPage(readDemo('instagram.html'), DEMO_URL, { runScripts: true });
    items = runAdapter(instagram, page.document, page.url);
  });
  afterAll(() => page.close());

  test('finds every expected item with its fields, and the matcher flags exactly the brand-naming ones', () => {
    expect(expected.length).toBeGreaterThanOrEqual(8);
    expectDemoItems(items, expected);
  });

  test('the post, then its comments; the reply nested in its parent’s list item', () => {
    expect(items[0]).toMatchObject({ id: 'DAcmeDemo01', kind: 'post', handle: '@acmefrance' });
    expect(items.slice(1).every((i) => i.kind !== 'post')).toBe(true);
    expect(items.filter((i) => i.kind === 'reply').map((i) => i.id)).toEqual(['17990000000000003']);
    // The caption is not read as a comment, nor a comment as the caption.
    expect(items.filter((i) => i.text.startsWith('Nouvelle torréfaction'))).toHaveLength(1);
  });

  test('hostile: a right-to-left Arabic comment naming Acme', () => {
    const rtl = items.find((i) => i.handle === '@ahmed.kassem')!;
    expect(rtl.text).toMatch(/^أفضل/u);
    expect(demoBrandIds(rtl.text)).toEqual(['acme']);
  });

  test('reply box: a comment’s Reply button, the post’s textarea', () => {
    const link = page.document.querySelector('a[href*="/c/"]')!;
    expect(instagram.findReplyBox(link)?.textContent?.trim()).toBe('Reply');
    expect(instagram.findReplyBox(page.document.querySelector('article')!)?.localName).toBe('textarea');
  });

  test('scroll-appended items: each "load more" adds three comments, one naming Acme', async () => {
    await appendDemoItems(page);
    const after = runAdapter(instagram, page.document, page.url);
    const added = after.slice(items.length);
    expect(added).toHaveLength(3);
    expect(added.filter((i) => demoBrandIds(i.text).includes('acme'))).toHaveLength(1);
    expect(added.every((i) => i.kind === 'comment' && /^\d+$/u.test(i.id) && i.timestamp && i.permalink?.endsWith(`/c/${i.id}/`))).toBe(true);

    (page.document.getElementById('demo-load-more') as HTMLElement).click();
    const again = runAdapter(instagram, page.document, page.url);
    expect(again).toHaveLength(items.length + 6);
    expect(new Set(again.map((i) => i.id)).size).toBe(again.length);
  });
});

/**
 * Ground truth of the real feed (tests/fixtures/real/ground-truth.json,
 * "instagram/instagram-home.html"), with the usernames of the anonymised copy.
 */
const REAL = [
  { author: 'user_a', datetime: '2025-04-03T19:15:22.000Z', permalink: '/p/DH_ux4pSlV0/', caption60: 'I’ve got some performances coming up that I thought I would ' },
  { author: 'user_i', datetime: '2025-04-03T21:22:59.000Z', permalink: '/p/DH_9YhJTETDLS6PUkdeBuK3_hVuvSqnlpfGaxM0/', caption60: 'moments from everywhere this year thus far' },
  { author: 'user_j', datetime: '2025-03-30T02:31:26.000Z', permalink: '/p/DHzotRbyARhOAZrv7izxylvrmBVeElJ4eZHWN80/', caption60: '🐈‍⬛' },
];

describe('instagram real saved feed (anonymised)', () => {
  test('the 3 posts: shortcode id, permalink, time, username, caption', async () => {
    const page = await loadPage(readFixture('real/instagram/instagram-home.html'), 'https://www.instagram.com/');
    expect(page.document.querySelectorAll('article').length).toBe(3);
    const items = runAdapter(instagram, page.document, page.url);
    await page.close();
    expect(items).toHaveLength(REAL.length);
    for (const [n, t] of REAL.entries()) {
      const item = items[n]!;
      expect(item.id).toBe(/\/p\/([\w-]+)\//u.exec(t.permalink)![1]);
      expect(item.kind).toBe('post');
      expect(item.permalink).toBe('https://www.instagram.com' + t.permalink);
      expect(item.timestamp).toBe(t.datetime);
      expect(item.author).toBe(t.author);
      expect(item.handle).toBe('@' + t.author);
      expect(text60(item.text)).toBe(t.caption60);
    }
    // The caption is cut at "… more" by the site: the adapter reads what is shown, not the "more" button.
    expect(items[0]!.text.endsWith('more')).toBe(false);
  });
});

describe('instagram isSupportedPage', () => {
  test.each(instagram.testUrls)('supports %s', (url) => {
    expect(instagram.isSupportedPage(new URL(url))).toBe(true);
    expect(instagram.matches.some((p) => matchesPattern(p, url))).toBe(true);
  });
  test.each(otherSitesUrls('instagram'))('does not claim %s', (url) => {
    expect(instagram.isSupportedPage(new URL(url))).toBe(false);
  });
  test.each(['https://www.instagram.com/direct/inbox/', 'https://www.instagram.com/accounts/edit/'])('stays off private route %s', (url) => {
    expect(instagram.isSupportedPage(new URL(url))).toBe(false);
  });
});
