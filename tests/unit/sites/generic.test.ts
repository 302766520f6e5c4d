// @vitest-environment happy-dom
/**
 * Generic adapter (lib/sites/generic.ts): JSON-LD, microdata and comment-thread
 * heuristics, on the demo blog post, on real pages (extruct's schema.org sample,
 * Hacker News 2018) and on fragments for each rule of the module comment.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generic } from '../../../lib/sites/generic';
import type { ExtractedItem } from '../../../lib/sites/types';
import {
  appendDemoItems,
  demoBrandIds,
  expectDemoItems,
  loadPage,
  matchesPattern,
  readDemo,
  readDemoJson,
  readFixture,
  runAdapter,
  runPage,
  text60,
  type ExpectedItem,
  type LoadedPage,
  TEST_NOW,
} from './helpers';

/** Where the demo blog is served; the expected permalinks are written for this port. */
const DEMO_URL = 'http://127.0.0.1:8080/blog/acme-degustation.html';

describe('generic demo page (blog post with comments)', () => {
  let page: LoadedPage;
  let items: ExtractedItem[];
  const expected = readDemoJson<ExpectedItem[]>('generic.expected.json');

  beforeAll(async () => {
    page = await loadPage(readDemo('generic.html'), DEMO_URL, { runScripts: true });
    items = runPage(generic, page.document, page.url);
  });
  afterAll(() => page.close());

  test('finds every expected item with its fields, and the matcher flags exactly the brand-naming ones', () => {
    expect(expected.length).toBeGreaterThanOrEqual(8);
    expectDemoItems(items, expected);
  });

  test('the post itself, the recent-comments widget and the comment form are not items', () => {
    expect(items.some((i) => i.text.includes('Samedi matin'))).toBe(false);
    expect(items.some((i) => i.text.includes('dans Dégustation'))).toBe(false);
    expect(generic.extractItem(page.document.querySelector('#post-42')!, { url: page.url })).toBeNull();
  });

  test('one item per comment: li.comment, its article.comment-body and its microdata are one', () => {
    const found = runAdapter(generic, page.document, page.url);
    const comments = found.filter((i) => i.kind !== 'review');
    expect(comments).toHaveLength(page.document.querySelectorAll('li.comment').length);
    expect(comments.map((i) => i.permalink)).toEqual([...page.document.querySelectorAll('li.comment')].map((li) => DEMO_URL + '#' + li.id));
  });

  test('a review given as JSON-LD and as microdata gets one id; the runner keeps one', () => {
    const fromElements = runAdapter(generic, page.document, page.url).filter((i) => i.author === 'Sarah Cohen');
    const fromJsonLd = generic.extractDocumentItems(page.document, { url: page.url }).filter((i) => i.author === 'Sarah Cohen');
    expect(fromElements).toHaveLength(1);
    expect(fromJsonLd).toEqual(fromElements);
    expect(items.filter((i) => i.author === 'Sarah Cohen')).toHaveLength(1);
  });

  test('the hand-edited JSON-LD block (comment, trailing comma) is read; ratings scale to 5', () => {
    expect(items.find((i) => i.author === 'Hugo Lefèvre')).toMatchObject({ kind: 'review', rating: 4.5, timestamp: '2025-02-20T00:00:00.000Z' });
  });

  test('reply box: the comment’s own "Répondre" link', () => {
    const li = page.document.querySelector('#comment-103')!;
    expect(generic.findReplyBox(li)?.getAttribute('data-commentid')).toBe('103');
    expect(generic.findReplyBox(page.document.querySelector('.review-widget [itemprop="review"]')!)?.id).toBe('comment');
  });

  test('scroll-appended items: each "load more" adds three comments, one naming Acme', async () => {
    await appendDemoItems(page);
    const after = runPage(generic, page.document, page.url);
    const added = after.filter((i) => !items.some((j) => j.id === i.id));
    expect(added).toHaveLength(3);
    expect(added.filter((i) => demoBrandIds(i.text).includes('acme'))).toHaveLength(1);
    expect(added.every((i) => i.kind === 'comment' && i.author && i.timestamp && i.permalink?.startsWith(DEMO_URL + '#comment-'))).toBe(true);

    (page.document.getElementById('demo-load-more') as HTMLElement).click();
    expect(runPage(generic, page.document, page.url)).toHaveLength(items.length + 6);
  });
});

describe('generic real pages', () => {
  test('extruct CreativeWork sample: the two JSON-LD Reviews of its expected output, nothing else', async () => {
    const page = await loadPage(readFixture('real/generic/extruct-CreativeWork.001.html'), 'https://example.org/book.html');
    const items = runPage(generic, page.document, page.url);
    await page.close();
    type Review = { author: string; datePublished: string; name: string; reviewBody: string; reviewRating: string | { ratingValue: string } };
    const [expected] = JSON.parse(readFixture('real/generic/extruct-CreativeWork.001.expected.jsonld')) as [{ mainEntity: { review: Review[] } }];
    expect(items).toEqual(
      expected.mainEntity.review.map((r) => ({
        site: 'generic',
        id: expect.stringMatching(/^h[0-9a-z]+$/u) as unknown as string,
        kind: 'review',
        text: `${r.name} ${r.reviewBody}`,
        author: r.author,
        handle: null,
        permalink: null,
        timestamp: `${r.datePublished}T00:00:00.000Z`,
        // One rating is a Rating object, the other a bare "4".
        rating: Number(typeof r.reviewRating === 'string' ? r.reviewRating : r.reviewRating.ratingValue),
      })),
    );
  });

  test.each(['extruct-JSONLD_with_JS_comment', 'extruct-JSONLD_with_control_characters', 'extruct-JSONLD_with_control_characters_comment'])(
    '%s: parsed, but holds no review or comment',
    async (name) => {
      const page = await loadPage(readFixture(`real/generic/${name}.html`), 'https://example.org/');
      expect(runPage(generic, page.document, page.url)).toEqual([]);
      await page.close();
    },
  );

  describe('Hacker News item page (2018 markup)', () => {
    const FILE = 'hn/news.ycombinator.html';
    type HnTruth = { id: string; author: string; text60: string | { textContent: string; innerText: string }; age_text: string; permalink: string; indent_px: string };
    const truth = (JSON.parse(readFixture('real/ground-truth.json')) as Record<string, { items: HnTruth[] }>)[FILE]!.items;
    let page: LoadedPage;
    let items: ExtractedItem[];
    beforeAll(async () => {
      page = await loadPage(readFixture('real/' + FILE), 'https://news.ycombinator.com/item?id=16909056');
      items = runPage(generic, page.document, page.url);
    });
    afterAll(() => page.close());

    test('115 comments, one per tr.athing.comtr, each with id, author, text and permalink', () => {
      expect(items.map((i) => i.id)).toEqual([...page.document.querySelectorAll('tr.athing.comtr')].map((tr) => tr.id));
      expect(items).toHaveLength(115);
      for (const item of items) {
        expect(item.author).toBeTruthy();
        expect(item.text).toBeTruthy();
        expect(item.text).not.toMatch(/\breply$/u);
        expect(item.permalink).toBe('https://news.ycombinator.com/item?id=' + item.id);
        // Only relative ages ("8 hours ago") in 2018 (today's HN adds span.age[title]): counted back from the tests' clock.
        expect(Date.parse(item.timestamp!)).toBeLessThan(TEST_NOW);
      }
    });

    test.each(truth.map((t) => [t.author, t] as const))('ground truth: %s', (_author, t) => {
      const item = items.find((i) => i.id === t.id)!;
      expect(item).toMatchObject({ author: t.author, permalink: t.permalink, kind: t.indent_px === '0' ? 'comment' : 'reply' });
      // readText glues "company?<p>Australia" as textContent does (see the report on dom.ts).
      const variants = typeof t.text60 === 'string' ? [t.text60] : [t.text60.textContent, t.text60.innerText];
      expect(variants).toContain(text60(item.text));
      const [, n, unit] = /^(\d+) (minute|hour|day)s? ago$/u.exec(t.age_text)!;
      expect(item.timestamp).toBe(new Date(TEST_NOW - Number(n) * { minute: 60_000, hour: 3_600_000, day: 86_400_000 }[unit as 'minute']).toISOString());
    });
  });
});

describe('Disqus embed frame (2018, Russian)', () => {
  const FILE = 'disqus/disqus.html';
  type DisqusTruth = { id: string; author: string; username: string; text60: string; time_title: string; permalink: string; is_reply: boolean };
  const truth = (JSON.parse(readFixture('real/ground-truth.json')) as Record<string, { items: DisqusTruth[] }>)[FILE]!.items;
  let page: LoadedPage;
  let items: ExtractedItem[];
  beforeAll(async () => {
    page = await loadPage(readFixture('real/' + FILE), 'https://disqus.com/embed/comments/?base=default&f=androidmr');
    items = runPage(generic, page.document, page.url);
  });
  afterAll(() => page.close());

  test('50 comments, one per li.post: 15 top-level, 35 replies, each with author, @handle, text, permalink and time', () => {
    expect(items).toHaveLength(page.document.querySelectorAll('li.post').length);
    expect(items).toHaveLength(50);
    expect(items.filter((i) => i.kind === 'reply')).toHaveLength(35);
    for (const item of items) {
      expect(item.author).toBeTruthy();
      expect(item.handle).toMatch(/^@[\w.-]+$/u);
      expect(item.text.length).toBeGreaterThan(0);
      // Not the "in reply to" link of a reply: the comment's own anchor.
      expect(item.permalink).toMatch(/^http:\/\/android\.mobile-review\.com\/articles\/54479\/#comment-\d+$/u);
      expect(item.timestamp).toMatch(/^2018-04-2\dT/u);
    }
    expect(new Set(items.map((i) => i.permalink)).size).toBe(50);
  });

  test.each(truth.map((t) => [t.author, t] as const))('ground truth: %s', (_author, t) => {
    const item = items.find((i) => i.permalink === t.permalink)!;
    expect(item).toMatchObject({ author: t.author, handle: '@' + t.username, kind: t.is_reply ? 'reply' : 'comment' });
    expect(text60(item.text)).toBe(t.text60);
    // "вторник, 24 апреля 2018 г., 07:12": Russian month names come from Intl; the time is the reader's local time.
    const [, day, hh, mm] = /(\d+) \S+ 2018 г\., (\d\d):(\d\d)/u.exec(t.time_title)!;
    expect(item.timestamp).toBe(new Date(2018, 3, Number(day), Number(hh), Number(mm)).toISOString());
  });

  test('a blog\'s list of posts (li.post#post-12 without a Disqus message) is not a comment', async () => {
    const list = await loadPage(
      '<ul><li id="post-12" class="post type-post"><h2><a href="/p/12">Acme launches</a></h2><p>Acme news excerpt</p></li></ul>',
      'https://blog.example.org/',
    );
    expect(runPage(generic, list.document, list.url)).toEqual([]);
    await list.close();
  });
});

describe('generic fragments', () => {
  const URL_ = 'https://blog.example.fr/2025/03/cafes/';
  const extract = async (body: string, head = '') => {
    const page = await loadPage(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`, URL_);
    const items = runPage(generic, page.document, page.url);
    await page.close();
    return items;
  };
  // "<" escaped as sites do, so that a "</script>" inside a string does not end the block.
  const ld = (data: unknown) => `<script type="application/ld+json">${JSON.stringify(data).replace(/</gu, '\\u003c')}</script>`;

  test('JSON-LD: url gives id and permalink; Comment under Comment is a reply; author by @id reference', async () => {
    const items = await extract(
      '',
      ld({
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'Person', '@id': '#lea', name: 'Léa' },
          {
            '@type': 'DiscussionForumPosting',
            headline: 'Acme ou pas ?',
            text: 'Votre avis ?',
            url: '/forum/t/1',
            author: { '@id': '#lea' },
            comment: [{ '@type': 'Comment', '@id': '#c1', text: 'Oui', author: ['Max'], comment: { '@type': 'Comment', text: 'Non', author: { name: 'Zoé' }, dateCreated: '2025-01-02T03:04:05Z' } }],
          },
        ],
      }),
    );
    expect(items.map((i) => [i.kind, i.id, i.text, i.author, i.permalink, i.timestamp])).toEqual([
      ['post', 'https://blog.example.fr/forum/t/1', 'Acme ou pas ? Votre avis ?', 'Léa', 'https://blog.example.fr/forum/t/1', null],
      ['comment', URL_ + '#c1', 'Oui', 'Max', URL_ + '#c1', null],
      ['reply', expect.stringMatching(/^h/u), 'Non', 'Zoé', null, '2025-01-02T03:04:05.000Z'],
    ]);
  });

  test('JSON-LD: HTML in a body is read as text; markup in it never becomes DOM', async () => {
    const [item] = await extract('', ld({ '@type': 'schema:Review', reviewBody: '<p>Super &amp; rapide</p><script>window.__x=1</script><img src=x onerror="window.__x=2">', author: 'A' }));
    expect(item?.text).toBe('Super & rapide');
  });

  test('JSON-LD: types outside the kept set are ignored; a Review inside one is found', async () => {
    const items = await extract('', ld([{ '@type': 'NewsArticle', articleBody: 'Acme' }, { '@type': 'Product', review: { '@type': 'UserReview', reviewBody: 'Bien', reviewRating: { ratingValue: 80, bestRating: 100 } } }]));
    expect(items.map((i) => [i.kind, i.text, i.rating])).toEqual([['review', 'Bien', 4]]);
  });

  test('microdata: rating scope, author link text, date from content, itemid/url as id', async () => {
    const items = await extract(`
      <div itemscope itemtype="http://schema.org/Review" itemid="https://shop.example/r/9">
        <a itemprop="author" href="/u/ana">Ana</a>
        <meta itemprop="datePublished" content="2024-12-01"><span>1er décembre</span>
        <div itemprop="reviewRating" itemscope itemtype="http://schema.org/Rating"><span itemprop="ratingValue">8</span>/<span itemprop="bestRating">10</span></div>
        <div itemprop="itemReviewed" itemscope itemtype="http://schema.org/Product"><span itemprop="name">Mélange</span>
          <div itemprop="aggregateRating" itemscope itemtype="http://schema.org/AggregateRating"><span itemprop="ratingValue">2</span></div></div>
        <p itemprop="reviewBody">Très bon café Acme.</p>
      </div>`);
    expect(items).toEqual([
      { site: 'generic', id: 'https://shop.example/r/9', kind: 'review', text: 'Très bon café Acme.', author: 'Ana', handle: null, permalink: 'https://shop.example/r/9', timestamp: '2024-12-01T00:00:00.000Z', rating: 4 },
    ]);
  });

  test('microdata: a ReviewNewsArticle is not a Review', async () => {
    expect(await extract('<article itemscope itemtype="https://schema.org/ReviewNewsArticle"><p itemprop="reviewBody">Acme</p></article>')).toEqual([]);
  });

  test('main article: a BlogPosting is not an item, a DiscussionForumPosting is a post', async () => {
    expect(await extract('<article class="post" itemscope itemtype="https://schema.org/BlogPosting"><div itemprop="articleBody">Acme</div></article><article><p>Acme</p></article>')).toEqual([]);
    const [post] = await extract('<article itemscope itemtype="https://schema.org/DiscussionForumPosting"><h1 itemprop="headline">Acme ?</h1><div itemprop="text">Avis</div></article>');
    expect(post).toMatchObject({ kind: 'post', text: 'Acme ? Avis' });
  });

  test('heuristics: li.comment holding a microdata article is one item (the microdata one)', async () => {
    const items = await extract(`<ol class="comment-list"><li class="comment" id="comment-7">
      <article class="comment-body" itemscope itemtype="https://schema.org/Comment"><span itemprop="author">Iris</span>
      <time itemprop="dateCreated" datetime="2025-01-01T10:00:00Z">hier</time><div itemprop="text">Acme !</div></article></li></ol>`);
    expect(items).toEqual([{ site: 'generic', id: expect.stringMatching(/^h/u), kind: 'comment', text: 'Acme !', author: 'Iris', handle: null, permalink: URL_ + '#comment-7', timestamp: '2025-01-01T10:00:00.000Z', rating: null }]);
  });

  test('heuristics: old WordPress markup without .comment-content reads the body minus its metadata', async () => {
    const [item] = await extract(`<ol class="commentlist"><li class="comment" id="li-comment-3"><div id="comment-3">
      <div class="comment-author vcard"><cite class="fn">Paul</cite> <span class="says">says:</span></div>
      <div class="comment-meta commentmetadata"><a href="https://blog.example.fr/x/#comment-3">March 2, 2025</a></div>
      <p>Acme is <b>great</b>.</p><p>Really.</p>
      <div class="reply"><a class="comment-reply-link" href="#respond">Reply</a></div></div></li></ol>`);
    expect(item).toMatchObject({ kind: 'comment', text: 'Acme is great. Really.', author: 'Paul', permalink: 'https://blog.example.fr/x/#comment-3' });
  });

  test('heuristics: #comments articles with a replies container; [id^=comment-] needs a number', async () => {
    const items = await extract(`<section id="comments">
      <article id="c1"><header><span class="author">Léo</span></header><p>Premier</p>
        <div class="comment-replies"><article id="c2"><header><span class="author">Mia</span></header><p>Réponse</p></article></div>
      </article></section>
      <div id="comment-form"><textarea id="comment"></textarea><p>Écrire</p></div>
      <div class="comment-body" id="comment-99"><span class="fn">Solo</span><div class="comment-text">Seul</div></div>`);
    expect(items.map((i) => [i.kind, i.author, i.text])).toEqual([
      ['comment', 'Léo', 'Premier'],
      ['reply', 'Mia', 'Réponse'],
      ['comment', 'Solo', 'Seul'],
    ]);
  });

  test('heuristics: today’s Hacker News row (commtext, dated age)', async () => {
    const [item] = await extract(`<table><tr class="athing comtr" id="4242"><td><table><tr><td class="ind" indent="1"><img src="s.gif" height="1" width="40"></td>
      <td class="default"><span class="comhead"><a class="hnuser" href="user?id=pg">pg</a> <span class="age" title="2025-01-15T18:23:45 1736965425"><a href="item?id=4242">2 hours ago</a></span></span>
      <div class="comment"><div class="commtext c00">Acme <i>works</i>.</div><div class="reply"><a href="reply?id=4242">reply</a></div></div></td></tr></table></td></tr></table>`);
    expect(item).toEqual({ site: 'generic', id: '4242', kind: 'reply', text: 'Acme works.', author: 'pg', handle: null, permalink: URL_ + 'item?id=4242', timestamp: '2025-01-15T18:23:45.000Z', rating: null });
  });
});

describe('generic isSupportedPage', () => {
  test.each(generic.testUrls)('supports %s', (url) => {
    expect(generic.isSupportedPage(new URL(url))).toBe(true);
  });
  test('any http(s) page is supported (the fallback), nothing else', () => {
    expect(generic.isSupportedPage(new URL('https://www.trustpilot.com/review/x'))).toBe(true);
    for (const url of ['file:///home/a.html', 'chrome-extension://abc/popup.html', 'about:blank', 'ftp://example.org/']) {
      expect(generic.isSupportedPage(new URL(url))).toBe(false);
    }
  });
  test('match patterns: the local demo site only, for now', () => {
    expect(generic.matches).toEqual(['http://localhost/*', 'http://127.0.0.1/*']);
    expect(matchesPattern(generic.matches[1]!, DEMO_URL)).toBe(true);
  });
});
