// @vitest-environment happy-dom
/**
 * Reddit adapter (lib/sites/reddit.ts) on the demo page (shreddit markup) and
 * on a real saved old-reddit page (tests/fixtures/real/reddit-old/, ground
 * truth in tests/fixtures/real/ground-truth.json).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseRedditTime, reddit } from '../../../lib/sites/reddit';
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
  readFixture,
  runAdapter,
  text60,
} from './helpers';

const DEMO_URL = 'https://www.reddit.com/r/paris/comments/1h0acme/avis_cafes_acme/';

describe('reddit demo page (shreddit)', () => {
  let page: LoadedPage;
  let items: ExtractedItem[];
  const expected = readDemoJson<ExpectedItem[]>('reddit.expected.json');

  beforeAll(async () => {
    // Scripts run: the page generates its ~200 KB comment at load, as in a browser.
    page = await loadPage(readDemo('reddit.html'), DEMO_URL, { runScripts: true });
    items = runAdapter(reddit, page.document, page.url);
  });
  afterAll(() => page.close());

  test('finds every expected item with its fields, and the matcher flags exactly the brand-naming ones', () => {
    expect(expected.length).toBeGreaterThanOrEqual(8);
    expectDemoItems(items, expected);
  });

  test('post text is the title then the body; replies are nested comments', () => {
    expect(items[0]!.text.startsWith('Avis sur les Cafés Acme ? Je viens d')).toBe(true);
    const kinds = new Map(items.map((i) => [i.id, i.kind]));
    expect(kinds.get('t1_lq1a001')).toBe('comment');
    expect(kinds.get('t1_lq1a002')).toBe('reply');
  });

  test('a parent comment does not take its replies’ text', () => {
    const parent = items.find((i) => i.id === 't1_lq1a003')!;
    expect(parent.text).not.toContain('ACME Lyon');
  });

  test('deleted author: author and handle are null, the text is kept', () => {
    const orphan = items.find((i) => i.id === 't1_lq1a004')!;
    expect(orphan.author).toBeNull();
    expect(orphan.handle).toBeNull();
    expect(demoBrandIds(orphan.text)).toEqual(['acme']);
  });

  test('hostile: markup in a comment is read as literal text and never runs', () => {
    const markup = items.find((i) => i.id === 't1_lq1a007')!;
    expect(markup.text).toBe('<script>window.__veillePwned = 1</script><img src=x onerror="window.__veillePwned=2"> Acme');
    expect(markup.text).toContain('<script>');
    expect(demoBrandIds(markup.text)).toEqual(['acme']);
    expect(page.document.querySelector('shreddit-comment[thingid="t1_lq1a007"] script, shreddit-comment[thingid="t1_lq1a007"] img')).toBeNull();
    expect((page.window as unknown as Record<string, unknown>)['__veillePwned']).toBeUndefined();
  });

  test('hostile: the ~200 KB generated comment is read whole and names Acme at its end', () => {
    const long = items.find((i) => i.id === 't1_lq1a011')!;
    expect(long.text.length).toBeGreaterThan(200_000);
    expect(long.text.endsWith('ma seule adresse fixe reste Acme.')).toBe(true);
    expect(demoBrandIds(long.text)).toEqual(['acme']);
  });

  test('reply box: action row of a comment, the top-level composer for the post', () => {
    const els = [...page.document.querySelectorAll(reddit.itemSelector)];
    expect(reddit.findReplyBox(els[0]!)?.localName).toBe('comment-composer-host');
    for (const el of els.slice(1)) {
      const row = reddit.findReplyBox(el);
      expect(row?.localName).toBe('shreddit-comment-action-row');
      expect(row?.getAttribute('comment-id')).toBe(el.getAttribute('thingid'));
    }
  });

  test('scroll-appended items: each "load more" adds three comments, one naming Acme', async () => {
    await appendDemoItems(page);
    const after = runAdapter(reddit, page.document, page.url);
    const added = after.slice(items.length);
    expect(added).toHaveLength(3);
    expect(added.filter((i) => demoBrandIds(i.text).includes('acme'))).toHaveLength(1);
    expect(added.every((i) => i.kind === 'comment' && i.id.startsWith('t1_') && i.author && i.timestamp && i.permalink)).toBe(true);

    (page.document.getElementById('demo-load-more') as HTMLElement).click();
    const again = runAdapter(reddit, page.document, page.url);
    expect(again).toHaveLength(items.length + 6);
    expect(new Set(again.map((i) => i.id)).size).toBe(again.length);
  });
});

describe('shreddit times', () => {
  test.each([
    ['2024-11-26T09:12:33.123000+0000', '2024-11-26T09:12:33.123Z'],
    ['2024-11-26T09:12:33+0100', '2024-11-26T08:12:33.000Z'],
    ['2024-11-26T09:12:33.5+01:00', '2024-11-26T08:12:33.500Z'],
    ['2024-11-26T09:12:33Z', '2024-11-26T09:12:33.000Z'],
    ['not a date', null],
    ['', null],
  ])('%s', (input, iso) => {
    expect(parseRedditTime(input)).toBe(iso);
  });
});

describe('shreddit comment variants', () => {
  const extract = (html: string) => extractFragment(reddit, `<shreddit-app>${html}</shreddit-app>`, DEMO_URL);

  test('a body in its rich-text block (no slot), a permalink built from the thread, a faceplate-timeago time', async () => {
    const items = await extract(`<shreddit-comment thingid="t1_c1" author="bob" depth="0" postid="t3_1h0acme">
        <div slot="commentMeta"><faceplate-timeago ts="2026-10-01T08:00:00.000Z">3 h</faceplate-timeago></div>
        <div id="t1_c1-comment-rtjson-content" class="md"><p>Acme a rouvert.</p></div>
        <shreddit-comment thingid="t1_c2" author="zoe" depth="1" parentid="t1_c1"><div id="t1_c2-post-rtjson-content"><p>Enfin !</p></div></shreddit-comment>
      </shreddit-comment>`);
    expect(items.map((i) => [i.id, i.kind, i.author, i.text, i.permalink, i.timestamp])).toEqual([
      ['t1_c1', 'comment', 'bob', 'Acme a rouvert.', 'https://www.reddit.com/r/paris/comments/1h0acme/comment/c1/', '2026-10-01T08:00:00.000Z'],
      ['t1_c2', 'reply', 'zoe', 'Enfin !', 'https://www.reddit.com/r/paris/comments/1h0acme/comment/c2/', null],
    ]);
  });

  test('a comment whose body is not rendered yet is no item (it is read when it appears)', async () => {
    expect(await extract('<shreddit-comment thingid="t1_c3" author="bob" depth="0"><div slot="commentMeta">bob · 1 h</div></shreddit-comment>')).toEqual([]);
  });
});

interface GroundTruthReddit {
  count: Record<string, number>;
  items: Array<{
    kind: 'post' | 'comment';
    fullname: string;
    author: string;
    title?: string;
    text60?: string;
    permalink: string;
    datetime?: string;
    timestamp_ms?: string;
  }>;
}

describe('old reddit real saved page', () => {
  const truth = (JSON.parse(readFixture('real/ground-truth.json')) as Record<string, GroundTruthReddit>)['reddit-old/reddit.html']!;
  let page: LoadedPage;
  let items: ExtractedItem[];

  beforeAll(async () => {
    page = await loadPage(
      readFixture('real/reddit-old/reddit.html'),
      'https://www.reddit.com/r/aww/comments/8dyrb3/ben_is_very_proud_of_himself_for_learning_to_go/',
    );
    items = runAdapter(reddit, page.document, page.url);
  });
  afterAll(() => page.close());

  test('every ground-truth item, with its fields', () => {
    for (const t of truth.items) {
      const item = items.find((i) => i.id === t.fullname);
      expect(item, t.fullname).toBeDefined();
      expect(item!.author).toBe(t.author);
      expect(item!.handle).toBe('u/' + t.author);
      expect(item!.permalink).toBe('https://www.reddit.com' + t.permalink);
      if (t.kind === 'post') {
        expect(item!.kind).toBe('post');
        expect(item!.text).toBe(t.title); // a link post: title, no body
        expect(item!.timestamp).toBe(new Date(Number(t.timestamp_ms)).toISOString());
      } else {
        expect(['comment', 'reply']).toContain(item!.kind);
        expect(text60(item!.text)).toBe(t.text60);
        expect(item!.timestamp).toBe(new Date(t.datetime!).toISOString());
      }
    }
  });

  test('197 comments and the post; "load more comments" stubs are not items', () => {
    expect(items.filter((i) => i.kind !== 'post')).toHaveLength(truth.count['div.thing[data-type=comment]']!);
    expect(items.filter((i) => i.kind === 'post')).toHaveLength(truth.count['div.thing[data-type=link]']!);
    expect(items.some((i) => i.text.includes('load more comments'))).toBe(false);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
  });

  test('every comment has its own text, author, time and permalink', () => {
    for (const i of items) {
      expect(i.text, i.id).not.toBe('');
      expect(i.author, i.id).not.toBeNull();
      expect(i.timestamp, i.id).not.toBeNull();
      expect(i.permalink?.endsWith(i.kind === 'post' ? '/' : i.id.slice(3) + '/'), i.id).toBe(true);
    }
  });

  test('nested comments are replies: one per "parent" link on the page', () => {
    const parentLinks = page.document.querySelectorAll('.thing[data-type="comment"] a[data-event-action="parent"]').length;
    expect(items.filter((i) => i.kind === 'reply')).toHaveLength(parentLinks);
    expect(items.find((i) => i.id === 't1_dxr0evr')!.kind).toBe('comment');
    expect(items.find((i) => i.id === 't1_dxr2q90')!.kind).toBe('reply');
  });

  test('a comment’s text is its own, not its replies’ (27 children under t1_dxr0evr)', () => {
    const first = items.find((i) => i.id === 't1_dxr0evr')!;
    expect(first.text).toBe('Bonus pics of Ben on a walk/ chillin like a cool kid. Edit: Bonus Bonus');
  });

  test('reply box: the "reply" link of each comment', () => {
    for (const el of page.document.querySelectorAll('.thing[data-type="comment"]')) {
      const link = reddit.findReplyBox(el);
      expect(link?.getAttribute('data-event-action')).toBe('comment');
      expect(link?.closest('.thing')).toBe(el);
    }
  });
});

describe('reddit isSupportedPage', () => {
  test.each(reddit.testUrls)('supports %s', (url) => {
    expect(reddit.isSupportedPage(new URL(url))).toBe(true);
  });
  test.each(otherSitesUrls('reddit'))('does not claim %s', (url) => {
    expect(reddit.isSupportedPage(new URL(url))).toBe(false);
  });
  test.each(['https://www.reddit.com/message/inbox', 'https://www.reddit.com/chat/room/abc', 'https://old.reddit.com/prefs/', 'https://www.reddit.com/settings/'])(
    'stays off private or non-content route %s',
    (url) => {
      expect(reddit.isSupportedPage(new URL(url))).toBe(false);
    },
  );
  test('match patterns are the reddit hosts', () => {
    expect(reddit.matches).toEqual(['*://www.reddit.com/*', '*://old.reddit.com/*', '*://reddit.com/*']);
  });
});
