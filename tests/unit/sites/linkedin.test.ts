// @vitest-environment happy-dom
/**
 * LinkedIn adapter (lib/sites/linkedin.ts) on the demo feed and on the real
 * saved feed (tests/fixtures/real/linkedin/linkedin-feed-3.html, anonymised:
 * tests/fixtures/real/README-anonymized.md).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { linkedin, linkedinCommentUrl, linkedinIdTime } from '../../../lib/sites/linkedin';
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

const DEMO_URL = 'https://www.linkedin.com/feed/';

describe('linkedin demo page', () => {
  let page: LoadedPage;
  let items: ExtractedItem[];
  const expected = readDemoJson<ExpectedItem[]>('linkedin.expected.json');

  beforeAll(async () => {
    page = await loadPage(readDemo('linkedin.html'), DEMO_URL, { runScripts: true });
    items = runAdapter(linkedin, page.document, page.url);
  });
  afterAll(() => page.close());

  test('finds every expected item with its fields, and the matcher flags exactly the brand-naming ones', () => {
    expect(expected.length).toBeGreaterThanOrEqual(8);
    expectDemoItems(items, expected);
  });

  test('wrappers, the course card and the job recommendations are not items', () => {
    // 8 units with data-urn (6 posts, 1 course, 1 job aggregate), each in a data-id wrapper.
    expect(page.document.querySelectorAll('[data-urn]').length).toBe(8);
    expect(items.filter((i) => i.kind === 'post')).toHaveLength(6);
    expect(items.some((i) => /lyndaCourse|jobPosting/u.test(i.id))).toBe(false);
  });

  test('hostile: a zero-width space inside the brand name is still found', () => {
    const split = items.find((i) => i.author === 'Sophie Marchand')!;
    expect(split.text).toContain('Ac\u200bme');
    expect(demoBrandIds(split.text)).toEqual(['acme']);
  });

  test('reply box: a comment’s Reply button, a post’s comment editor', () => {
    const comment = page.document.querySelector('article.comments-comment-entity')!;
    expect(linkedin.findReplyBox(comment)?.getAttribute('aria-label')).toMatch(/^Reply to /u);
    const post = page.document.querySelector('.feed-shared-update-v2[data-urn]')!;
    expect(linkedin.findReplyBox(post)?.classList.contains('ql-editor')).toBe(true);
  });

  test('scroll-appended items: each "load more" adds three comments, one naming Acme', async () => {
    await appendDemoItems(page);
    const after = runAdapter(linkedin, page.document, page.url);
    const added = after.slice(items.length);
    expect(added).toHaveLength(3);
    expect(added.filter((i) => demoBrandIds(i.text).includes('acme'))).toHaveLength(1);
    expect(added.every((i) => i.kind === 'comment' && i.id.startsWith('urn:li:comment:(activity:') && i.timestamp?.startsWith('2024-11-26T12:0') && i.permalink?.includes('dashCommentUrn='))).toBe(true);

    (page.document.getElementById('demo-load-more') as HTMLElement).click();
    const again = runAdapter(linkedin, page.document, page.url);
    expect(again).toHaveLength(items.length + 6);
    expect(new Set(again.map((i) => i.id)).size).toBe(again.length);
  });
});

/**
 * Ground truth of the real feed (tests/fixtures/real/ground-truth.json,
 * "linkedin/linkedin-feed-3.html"), with the names as the anonymised copy has them.
 */
const REAL = {
  count: { units: 13, activityUrns: 10, comments: 7 },
  posts: [
    { urn: 'urn:li:activity:7315810659462447104', author: 'Camille Martin', text60: "We're hiring Unity Devs! Come build with us in our new SF of" },
    // "Promoted": kept.
    { urn: 'urn:li:activity:7291187213990576129', author: 'Together AI', text60: 'Unlock exascale computing power with NVIDIA GB200 NVL72, sta' },
    // urn:li:aggregate:(urn:li:activity:7315422894027689987,urn:li:activity:7315284516753842176): keyed by
    // the post its comments belong to (the aggregate's activities are the two connections' comments).
    { urn: 'urn:li:activity:7315282296939438080', author: 'Charlie Leroy', text60: "🌟 I'm thrilled to share that I'm joining Anthropic as Head o" },
  ],
  comments: [
    { id: 'urn:li:comment:(activity:7315282296939438080,7315422881981599744)', author: 'Noa Simon', text60: 'Congrats Charlie! Hope you and the family are well!' },
    { id: 'urn:li:comment:(activity:7311234512154202112,7311388739459551232)', author: 'Kim Vincent', text60: 'Missed opportunity to call it CatGPT 😹' },
  ],
};

describe('linkedin real saved feed (anonymised)', () => {
  let page: LoadedPage;
  let items: ExtractedItem[];
  beforeAll(async () => {
    page = await loadPage(readFixture('real/linkedin/linkedin-feed-3.html'), DEMO_URL);
    items = runAdapter(linkedin, page.document, page.url);
  });
  afterAll(() => page.close());

  test('the copy keeps the ground-truth counts', () => {
    const doc = page.document;
    expect(doc.querySelectorAll('.feed-shared-update-v2').length).toBe(REAL.count.units);
    expect(doc.querySelectorAll('[data-urn^="urn:li:activity"]').length).toBe(REAL.count.activityUrns);
    expect(doc.querySelectorAll('article.comments-comment-entity').length).toBe(REAL.count.comments);
  });

  test('11 posts (10 activities + the aggregate; course and jobs skipped) and the 7 comments, 2 of them replies', () => {
    expect(items.filter((i) => i.kind === 'post')).toHaveLength(11);
    expect(items.filter((i) => i.kind !== 'post')).toHaveLength(7);
    expect(items.filter((i) => i.kind === 'reply')).toHaveLength(2);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    expect(items.every((i) => i.text !== '' && i.author && i.handle === null && i.timestamp && i.permalink)).toBe(true);
  });

  test.each(REAL.posts)('post $urn', (t) => {
    const item = items.find((i) => i.id === t.urn)!;
    expect(item).toBeDefined();
    expect(item.kind).toBe('post');
    expect(item.author).toBe(t.author);
    expect(text60(item.text)).toBe(t.text60);
    expect(item.permalink).toBe(`https://www.linkedin.com/feed/update/${t.urn}/`);
  });

  test.each(REAL.comments)('comment $id', (t) => {
    const item = items.find((i) => i.id === t.id)!;
    expect(item).toBeDefined();
    expect(item.kind).toBe('comment');
    expect(item.author).toBe(t.author);
    expect(text60(item.text)).toBe(t.text60);
  });

  test('times come from the ids: the newest unit is 2025-04-10 06:17 UTC (a connection\'s like: no comment gives the post\'s own id)', () => {
    const newest = items.filter((i) => i.kind === 'post').map((i) => i.timestamp!).sort().at(-1);
    expect(newest).toBe('2025-04-10T06:17:53.670Z');
    expect(items.find((i) => i.id === REAL.comments[0]!.id)!.timestamp).toBe('2025-04-08T17:18:49.049Z');
  });

  test("a post shown for a connection's reaction is dated by its comments' thread id, not by the reaction's", () => {
    // data-urn 7311236025152901120 is the reaction (03:55:43 + 6 min); the comments' P, 7311234512154202112, is the post.
    const post = items.find((i) => i.id === 'urn:li:activity:7311236025152901120')!;
    expect(post.timestamp).toBe(linkedinIdTime('7311234512154202112'));
    expect(post.timestamp! < linkedinIdTime('7311236025152901120')!).toBe(true);
    expect(post.permalink).toContain('7311236025152901120');
  });

  test('comment permalink: dashCommentUrn with parentheses encoded', () => {
    expect(items.find((i) => i.id === REAL.comments[1]!.id)!.permalink).toBe(
      'https://www.linkedin.com/feed/update/urn:li:activity:7311234512154202112/?dashCommentUrn=urn%3Ali%3Afsd_comment%3A%287311388739459551232%2Curn%3Ali%3Aactivity%3A7311234512154202112%29',
    );
  });
});

describe('linkedin SDUI variant (no saved page: minimal markup from sites.md §4)', () => {
  test('posts under mainFeed and replaceableComment comments', async () => {
    const html = `<div data-testid="mainFeed"><div role="listitem">
      <button aria-label="Open control menu for post by Camille Martin">…</button>
      <a href="/feed/update/urn:li:activity:7267092214579200001/">2d</a>
      <div data-testid="expandable-text-box">Un café chez Acme ce matin.</div>
      <div componentkey="replaceableComment_urn:li:comment:(activity:7267092214579200001,7267097751060480011)">
        <button aria-label="View more options for Jordan Bernard’s comment">…</button>
        <div data-testid="expandable-text-box">Moi aussi !</div>
      </div></div></div>`;
    const page = await loadPage(html, DEMO_URL);
    const items = runAdapter(linkedin, page.document, page.url);
    await page.close();
    expect(items.map((i) => [i.kind, i.id, i.author, i.text])).toEqual([
      ['post', 'urn:li:activity:7267092214579200001', 'Camille Martin', 'Un café chez Acme ce matin.'],
      ['comment', 'urn:li:comment:(activity:7267092214579200001,7267097751060480011)', 'Jordan Bernard', 'Moi aussi !'],
    ]);
  });
});

describe('linkedin helpers', () => {
  test('id time: BigInt shift, null for non-ids', () => {
    expect(linkedinIdTime('7315981330998005761')).toBe('2025-04-10T06:17:53.670Z');
    expect(linkedinIdTime('3833001')).toBeNull();
    expect(linkedinIdTime('abc')).toBeNull();
    expect(linkedinIdTime(null)).toBeNull();
  });
  test('comment url for ugcPost comments', () => {
    expect(linkedinCommentUrl('ugcPost', '1', '2')).toBe('https://www.linkedin.com/feed/update/urn:li:ugcPost:1/?dashCommentUrn=urn%3Ali%3Afsd_comment%3A%282%2Curn%3Ali%3AugcPost%3A1%29');
  });
});

describe('linkedin isSupportedPage', () => {
  test.each(linkedin.testUrls)('supports %s', (url) => {
    expect(linkedin.isSupportedPage(new URL(url))).toBe(true);
    expect(linkedin.matches.some((p) => matchesPattern(p, url))).toBe(true);
  });
  test.each(otherSitesUrls('linkedin'))('does not claim %s', (url) => {
    expect(linkedin.isSupportedPage(new URL(url))).toBe(false);
  });
  test.each(['https://www.linkedin.com/messaging/thread/2-abc/', 'https://www.linkedin.com/mypreferences/d/categories/account', 'https://www.linkedin.com/jobs/view/123/'])(
    'stays off private or non-content route %s',
    (url) => {
      expect(linkedin.isSupportedPage(new URL(url))).toBe(false);
    },
  );
});
