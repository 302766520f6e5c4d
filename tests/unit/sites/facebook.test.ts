// @vitest-environment happy-dom
/**
 * Facebook adapter (lib/sites/facebook.ts) on the demo post page, built from
 * sites.md §2, and on my own markup of the structure of one real page (a Page's
 * public feed seen logged out, 2023-01; kept out of the repository: no licence).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { facebook, facebookHandle } from '../../../lib/sites/facebook';
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
  runAdapter,
  TEST_NOW,
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

describe('facebook: structure of a real Page feed seen logged out (2023-01, own text)', () => {
  // The post sits in a hidden, fixed-height box (Facebook's virtualisation), its time link's
  // text is "11 h" with an aria-label, the comment is a role=article nested in the post, and
  // its body is only emoji images.
  const body = `<div role="main"><div style="height: 900px"><div hidden=""><div class="x1yztbdb">
    <div role="article" aria-labelledby="jsc_c_9">
      <h2 id="jsc_c_9"><span><a href="https://www.facebook.com/AcmeFrance?__cft__[0]=AZX&amp;__tn__=-UC%2CP-R" role="link"><strong><span>Acme France</span></strong></a></span></h2>
      <a aria-label="11 h" href="https://www.facebook.com/AcmeFrance/posts/pfbid0Sx1?__cft__[0]=AZX&amp;__tn__=%2CO%2CP-R" role="link"><span>11 h</span></a>
      <div data-ad-comet-preview="message" data-ad-preview="message"><div dir="auto"><div dir="auto">Notre #AcmeTalks de la semaine</div></div></div>
      <ul><li><div role="article" aria-label="Comment by Allan Yuan 47 minutes ago">
        <a aria-hidden="true" href="https://www.facebook.com/xu.yuan.18007?comment_id=Y29t&amp;__cft__[0]=AZX" role="link"><svg aria-hidden="true"></svg></a>
        <span><a aria-hidden="false" href="https://www.facebook.com/xu.yuan.18007?comment_id=Y29t&amp;__cft__[0]=AZX" role="link"><span dir="auto">Allan Yuan</span></a></span>
        <div dir="auto"><img alt="👍" src="data:,"><img alt="💐" src="data:,"></div>
        <a href="https://www.facebook.com/AcmeFrance/posts/pfbid0Sx1?comment_id=844040189988844&amp;__cft__[0]=AZX&amp;__tn__=R]-R" role="link">47 m</a>
      </div></li></ul>
    </div></div></div></div></div>`;

  test('the hidden post and its emoji-only comment, with handles, permalinks without tracking, and times', async () => {
    const items = await extractFragment(facebook, body, 'https://www.facebook.com/AcmeFrance');
    expect(items.map((i) => [i.kind, i.id, i.author, i.handle, i.text, i.permalink])).toEqual([
      ['post', 'pfbid0Sx1', 'Acme France', '@AcmeFrance', 'Notre #AcmeTalks de la semaine', 'https://www.facebook.com/AcmeFrance/posts/pfbid0Sx1'],
      ['comment', '844040189988844', 'Allan Yuan', '@xu.yuan.18007', '👍💐', 'https://www.facebook.com/AcmeFrance/posts/pfbid0Sx1?comment_id=844040189988844'],
    ]);
    expect(items.map((i) => TEST_NOW - Date.parse(i.timestamp!))).toEqual([11 * 3600_000, 47 * 60_000]);
  });

  test('facebookHandle: usernames of profiles and Pages; none for numeric profiles, /people/, Facebook paths or other hosts', () => {
    const base = new URL('https://www.facebook.com/');
    expect(facebookHandle('/McKinsey?__cft__[0]=x', base)).toBe('@McKinsey');
    expect(facebookHandle('https://web.facebook.com/xu.yuan.18007/', base)).toBe('@xu.yuan.18007');
    for (const href of ['/profile.php?id=1000', '/people/Jean-Dupont/1000/', '/groups/acme/user/12/', '/hashtag/acme', '/watch', '/abc', 'https://evil.example/McKinsey', null]) {
      expect(facebookHandle(href, base)).toBeNull();
    }
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
