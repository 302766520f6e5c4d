// @vitest-environment happy-dom
/**
 * Facebook adapter (lib/sites/facebook.ts) on the demo post page. No real saved
 * Facebook page exists (tests/fixtures/real/README.md), so the demo page, built
 * from sites.md §2, is the only check.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { facebook } from '../../../lib/sites/facebook';
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

const DEMO_URL = 'https://www.facebook.com/AcmeFrance/posts/pfbid0AcmeDemo1';

describe('facebook demo page', () => {
  let page: LoadedPage;
  let items: ExtractedItem[];
  const expected = readDemoJson<ExpectedItem[]>('facebook.expected.json');

  beforeAll(async () => {
    page = await loadPage(readDemo('facebook.html'), DEMO_URL, { runScripts: true });
    items = runAdapter(facebook, page.document, page.url);
  });
  afterAll(() => page.close());

  test('finds every expected item with its fields, and the matcher flags exactly the brand-naming ones', () => {
    expect(expected.length).toBeGreaterThanOrEqual(8);
    expectDemoItems(items, expected);
  });

  test('the role=article inside the security dialog is not an item', () => {
    const dialogArticle = page.document.querySelector('[role="dialog"] [role="article"]')!;
    expect(facebook.extractItem(dialogArticle, { url: page.url })).toBeNull();
    expect(items.some((i) => i.text.includes('Confirmez votre identité'))).toBe(false);
  });

  test('a parent comment does not read its nested reply', () => {
    const parent = items.find((i) => i.id === '1001')!;
    expect(parent.text).toBe('Le meilleur café de Lyon, Cafés Acme forever !');
    expect(items.find((i) => i.id === '1002')).toMatchObject({ kind: 'reply', author: 'Acme France' });
  });

  test('hostile: escaped markup stays literal text and never runs', () => {
    const hostile = items.find((i) => i.id === '1006')!;
    expect(hostile.text.startsWith('<script>window.__veillePwned = 1</script>')).toBe(true);
    expect(demoBrandIds(hostile.text)).toEqual(['acme']);
    expect((page.window as unknown as { __veillePwned?: number }).__veillePwned).toBeUndefined();
  });

  test('reply box: a comment’s "Répondre" button, the post’s Lexical editor', () => {
    const comment = page.document.querySelector('[role="article"][aria-label^="Commentaire de"]')!;
    expect(facebook.findReplyBox(comment)?.textContent).toBe('Répondre');
    const post = page.document.querySelector('[role="article"][aria-posinset]')!;
    expect(facebook.findReplyBox(post)?.getAttribute('data-lexical-editor')).toBe('true');
  });

  test('scroll-appended items: each "load more" adds three comments, one naming Acme', async () => {
    await appendDemoItems(page);
    const after = runAdapter(facebook, page.document, page.url);
    const added = after.slice(items.length);
    expect(added).toHaveLength(3);
    expect(added.filter((i) => demoBrandIds(i.text).includes('acme'))).toHaveLength(1);
    expect(added.every((i) => i.kind === 'comment' && /^\d+$/u.test(i.id) && i.permalink?.endsWith(`comment_id=${i.id}`))).toBe(true);

    (page.document.getElementById('demo-load-more') as HTMLElement).click();
    const again = runAdapter(facebook, page.document, page.url);
    expect(again).toHaveLength(items.length + 6);
    expect(new Set(again.map((i) => i.id)).size).toBe(again.length);
  });
});

describe('facebook feed markup (sites.md §2)', () => {
  test('a FeedUnit wrapper yields to its article; English labels; story_fbid permalinks', async () => {
    const html = `<div role="feed"><div data-pagelet="FeedUnit_0"><div aria-posinset="1"><div role="article">
      <h3><a href="/camille.martin" role="link">Camille Martin</a></h3>
      <a href="/permalink.php?story_fbid=555&amp;id=777&amp;__cft__[0]=x" role="link">3 h</a>
      <div dir="auto">Brunch chez Acme dimanche, top.</div>
      <div role="article" aria-label="Reply by Jordan Bernard 2 hours ago"><a href="/jordan.b" role="link"><span>Jordan Bernard</span></a>
        <div dir="auto">Trop bien</div><a href="/permalink.php?story_fbid=555&amp;id=777&amp;comment_id=9&amp;reply_comment_id=10" role="link">2 h</a></div>
    </div></div></div></div>`;
    const page = await loadPage(html, 'https://www.facebook.com/');
    const items = runAdapter(facebook, page.document, page.url);
    await page.close();
    expect(items.map((i) => [i.kind, i.id, i.author, i.text, i.permalink])).toEqual([
      ['post', '555', 'Camille Martin', 'Brunch chez Acme dimanche, top.', 'https://www.facebook.com/permalink.php?story_fbid=555&id=777'],
      ['reply', '10', 'Jordan Bernard', 'Trop bien', 'https://www.facebook.com/permalink.php?story_fbid=555&id=777&comment_id=9&reply_comment_id=10'],
    ]);
  });
});

describe('facebook isSupportedPage', () => {
  test.each(facebook.testUrls)('supports %s', (url) => {
    expect(facebook.isSupportedPage(new URL(url))).toBe(true);
    expect(facebook.matches.some((p) => matchesPattern(p, url))).toBe(true);
  });
  test.each(otherSitesUrls('facebook'))('does not claim %s', (url) => {
    expect(facebook.isSupportedPage(new URL(url))).toBe(false);
  });
  test.each(['https://www.facebook.com/messages/t/123', 'https://www.facebook.com/settings', 'https://www.facebook.com/settings/?tab=account'])(
    'stays off private route %s',
    (url) => {
      expect(facebook.isSupportedPage(new URL(url))).toBe(false);
    },
  );
});
