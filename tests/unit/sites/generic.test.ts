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
  type ExpectedItem,
  extractFragment,
  type LoadedPage,
  loadPage,
  matchesPattern,
  readDemo,
  readDemoJson,
  readFixture,
  runAdapter,
  runPage,
  TEST_NOW,
  text60,
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

    test('the story is a post, then 115 comments, one per tr.athing.comtr, each with id, author, text and permalink', () => {
      expect(items[0]).toEqual({
        site: 'generic',
        id: '16909056',
        kind: 'post',
        text: 'Tech company career ladders',
        author: 'tim_sw',
        handle: null,
        permalink: 'https://news.ycombinator.com/item?id=16909056',
        timestamp: new Date(TEST_NOW - 11 * 3_600_000).toISOString(),
        rating: null,
      });
      const comments = items.slice(1);
      expect(comments.map((i) => i.id)).toEqual([...page.document.querySelectorAll('tr.athing.comtr')].map((tr) => tr.id));
      expect(comments).toHaveLength(115);
      for (const item of comments) {
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

/** Items the generic adapter finds in a fragment (body, and head for JSON-LD) served at `url`. */
const extractAt =
  (url: string) =>
  (body: string, head = ''): Promise<ExtractedItem[]> =>
    extractFragment(generic, body, url, { head, run: runPage });

describe('generic fragments', () => {
  const URL_ = 'https://blog.example.fr/2025/03/cafes/';
  const extract = extractAt(URL_);
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

  test('Hacker News front page: each submission is a post (title, author and dated age from the row below)', async () => {
    const items = await extract(`<table><tr class="athing submission" id="43621007"><td class="title"><span class="rank">1.</span></td>
      <td class="title"><span class="titleline"><a href="https://acme.example/">Show HN: Acme, a coffee roaster's terminal</a><span class="sitebit comhead"> (<a href="from?site=acme.example"><span class="sitestr">acme.example</span></a>)</span></span></td></tr>
      <tr><td colspan="2"></td><td class="subtext"><span class="subline"><span class="score">85 points</span> by <a href="user?id=lea" class="hnuser">lea</a>
      <span class="age" title="2025-04-08T12:36:53 1744115813"><a href="item?id=43621007">3 hours ago</a></span> | <a href="item?id=43621007">20&nbsp;comments</a></span></td></tr>
      <tr class="spacer"></tr><tr class="athing submission" id="43615912"><td class="title"><span class="titleline"></span></td></tr></table>`);
    expect(items).toEqual([
      { site: 'generic', id: '43621007', kind: 'post', text: "Show HN: Acme, a coffee roaster's terminal", author: 'lea', handle: null, permalink: 'https://blog.example.fr/2025/03/cafes/item?id=43621007', timestamp: '2025-04-08T12:36:53.000Z', rating: null },
    ]);
  });

  test('heuristics: today’s Hacker News row (commtext, dated age)', async () => {
    const [item] = await extract(`<table><tr class="athing comtr" id="4242"><td><table><tr><td class="ind" indent="1"><img src="s.gif" height="1" width="40"></td>
      <td class="default"><span class="comhead"><a class="hnuser" href="user?id=pg">pg</a> <span class="age" title="2025-01-15T18:23:45 1736965425"><a href="item?id=4242">2 hours ago</a></span></span>
      <div class="comment"><div class="commtext c00">Acme <i>works</i>.</div><div class="reply"><a href="reply?id=4242">reply</a></div></div></td></tr></table></td></tr></table>`);
    expect(item).toEqual({ site: 'generic', id: '4242', kind: 'reply', text: 'Acme works.', author: 'pg', handle: null, permalink: URL_ + 'item?id=4242', timestamp: '2025-01-15T18:23:45.000Z', rating: null });
  });
});

/** What the forum tests compare: kind, author, text, time, permalink. */
const rows = (items: ExtractedItem[]) => items.map((i) => [i.kind, i.author, i.text, i.timestamp, i.permalink]);
/** A time of day read in the browser's zone, as forums print them without one. */
const local = (y: number, m: number, d: number, h: number, min: number) => new Date(y, m - 1, d, h, min).toISOString();

describe('generic: comment systems beyond WordPress (structures of real forum pages, own text)', () => {
  const URL_ = 'https://forum.example.org/t/354052/';
  const extract = extractAt(URL_);

  test('FAQPage JSON-LD: its answers are not comments', async () => {
    const faq = { '@context': 'https://schema.org', '@type': 'FAQPage', mainEntity: [{ '@type': 'Question', name: 'Acme livre ?', acceptedAnswer: { '@type': 'Answer', text: 'Oui, partout.' } }] };
    expect(await extract('', `<script type="application/ld+json">${JSON.stringify(faq)}</script>`)).toEqual([]);
  });

  test('ids with an underscore, replies in a nested list, a dotted date with its time (Habr, Pikabu)', async () => {
    const items = await extract(`<ul class="content-list content-list_comments">
      <li class="content-list__item content-list__item_comment"><div class="comment" id="comment_101">
        <div class="comment__head"><span class="user-info__nickname">lea</span> <time class="comment__date-time">22.04.18 в 23:08</time></div>
        <div class="comment__message">Acme a répondu vite.</div><a class="icon_comment-anchor" href="#comment_101">#</a></div>
        <ul class="content-list content-list_nested-comments"><li class="content-list__item content-list__item_comment"><div class="comment" id="comment_102">
          <span class="user-info__nickname">max</span> <time>23.04.2018 в 05:08</time><div class="comment__message">Pas à moi.</div></div></li></ul>
      </li></ul>`);
    expect(rows(items)).toEqual([
      ['comment', 'lea', 'Acme a répondu vite.', local(2018, 4, 22, 23, 8), URL_ + '#comment_101'],
      ['reply', 'max', 'Pas à moi.', local(2018, 4, 23, 5, 8), URL_ + '#comment_102'],
    ]);
  });

  test("a link naming the comment by id in its query is its permalink, not WordPress's reply-form link (Pikabu)", async () => {
    const items = await extract(`<div class="comment" id="comment_111902492" data-id="111902492"><div class="comment__body">
        <div class="comment__header"><span class="user__nick">lea</span>
          <a class="comment__tool" href="${URL_}?replytocom=111902492#respond">Répondre</a>
          <a class="comment__tool hint" data-role="link" aria-label="Ссылка на комментарий" href="${URL_}?cid=111902492">🔗</a></div>
        <div class="comment__content">Acme, enfin.</div></div></div>
      <div class="comment" id="comment_111902493"><span class="user__nick">max</span><a href="${URL_}?replytocom=111902493">Répondre</a>
        <a href="${URL_}?cid=111902492">citée</a><div class="comment__content">Oui !</div></div>`);
    expect(items.map((i) => [i.author, i.permalink])).toEqual([
      ['lea', URL_ + '?cid=111902492'],
      // A link to another comment's id is not this one's permalink: its anchor then.
      ['max', URL_ + '#comment_111902493'],
    ]);
  });

  test('Avada (a real WordPress theme): the name in a strong, the date loose beside it, the reply link left out', async () => {
    const items = await extract(`<ol class="commentlist"><li class="comment even depth-1" id="comment-128"><div class="the-comment"><div class="comment-box">
      <div class="comment-author meta"><strong><a href="https://acme.example/" class="url">Pascal</a></strong> 22. Juni 2018 um 20:36 Uhr
        <a class="comment-reply-link" href="?replytocom=128#respond" data-commentid="128"> - Antworten</a></div>
      <div class="comment-text"><p>Acme ist gut.</p></div></div></div></li></ol>`);
    expect(rows(items)).toEqual([['comment', 'Pascal', 'Acme ist gut.', local(2018, 6, 22, 20, 36), URL_ + '#comment-128']]);
  });

  test("a list item numbered only by the anchor inside it; empty items and the sidebar's recent comments are none (La Presse's blogs)", async () => {
    const items = await extract(`<a name="comments"></a><ul class="comments-list"><li></li>
      <li><div class="metadata"><a name="comment-388384"></a><p class="auteur">crafty </p><p class="date">24 janvier 2017<br>12h10</p></div>
        <div class="body-text"><p>Acme,</p><p>tic toc.</p></div></li><li></li>
      <li><div class="metadata"><a name="comment-388385"></a><p class="auteur">udes</p><p class="date">24 janvier 2017<br>12h20</p></div><div class="body-text"><p>Pas Acme.</p></div></li></ul>
      <aside><h3>10 derniers commentaires</h3><ul class="recentcomments"><li><a href="/autre/#comment-12">Acme ailleurs</a></li></ul></aside>`);
    expect(rows(items)).toEqual([
      ['comment', 'crafty', 'Acme, tic toc.', local(2017, 1, 24, 12, 10), URL_ + '#comment-388384'],
      ['comment', 'udes', 'Pas Acme.', local(2017, 1, 24, 12, 20), URL_ + '#comment-388385'],
    ]);
  });

  test('a reply rendered straight inside its parent is its own comment; "today at" / "yesterday at" (d3.ru)', async () => {
    const items = await extract(`<div class="b-comment b-comment__comment" id="b-comment-201"><div class="b-comment__body">
        <div class="b-comment__content"><div class="b-comment__content-cell">Acme, enfin.</div></div>
        <div class="b-comment__footer"><a class="b-user-login"><span class="b-user-login__login">noa</span></a>
        <a class="b-comment__time" href="https://forum.example.org/t/354052/#201">сегодня в 13:10</a></div></div>
      <div class="b-comment b-comment__comment" id="b-comment-202"><div class="b-comment__body">
        <div class="b-comment__content"><div class="b-comment__content-cell">Oui !</div></div>
        <div class="b-comment__footer"><a class="b-user-login"><span class="b-user-login__login">eli</span></a>
        <a class="b-comment__time" href="https://forum.example.org/t/354052/#202">yesterday at 9:05 pm</a></div></div></div>
    </div>`);
    const today = new Date(TEST_NOW);
    expect(rows(items)).toEqual([
      ['comment', 'noa', 'Acme, enfin.', local(today.getFullYear(), today.getMonth() + 1, today.getDate(), 13, 10), URL_ + '#201'],
      ['reply', 'eli', 'Oui !', local(today.getFullYear(), today.getMonth() + 1, today.getDate() - 1, 21, 5), URL_ + '#202'],
    ]);
  });

  test('BEM items with a data-id and a Unix time; the reply button carrying the same data-id is no item (vc.ru)', async () => {
    const items = await extract(`<div class="comments"><div class="comments__item" data-id="301"><div class="comments__item__self">
        <a class="comments__item__user"><span class="comments__item__user__name">Alex</span></a>
        <a class="comments__item__date" href="#comment-301"><time class="time" air-date-timestamp="1524574100" title="24.04.2018 15:48:20 (Europe/Moscow)">7 минут назад</time></a>
        <div class="comments__item__text"><p>Acme devrait ouvrir ici.</p></div>
        <div class="comments__item__reply" data-id="301"><span>Répondre</span></div></div>
      <div class="comments__item__children"><div class="comments__item" data-id="302"><div class="comments__item__self">
        <span class="comments__item__user__name">Sam</span><a class="comments__item__date" href="#comment-302"><time title="24.04.2018 15:54:38">7 минут назад</time></a>
        <div class="comments__item__text"><p>D'accord.</p></div></div></div></div></div></div>`);
    expect(rows(items)).toEqual([
      ['comment', 'Alex', 'Acme devrait ouvrir ici.', '2018-04-24T12:48:20.000Z', URL_ + '#comment-301'],
      ['reply', 'Sam', "D'accord.", local(2018, 4, 24, 15, 54), URL_ + '#comment-302'],
    ]);
  });

  test('a flat thread indented by a level class; the time link is the permalink (LiveJournal)', async () => {
    const items = await extract(`<div id="comments"><div class="mdscomments-list">
      <div class="mdspost-thread mdspost-thread--level-1"><article id="t7121792" class="mdspost-comment comment" data-username="lima">
        <a class="i-ljuser-username"><b>lima</b></a><a class="mdspost-comment-time mdspost-comment-time--ctime" href="https://forum.example.org/t/354052/?thread=7121792#t7121792">April 12 2018, 04:34:23 UTC</a>
        <div class="mdspost-comment__body">Acme manque ici.</div></article></div>
      <div class="mdspost-thread mdspost-thread--level-2"><article id="t7122048" class="mdspost-comment comment" data-username="loz">
        <a class="i-ljuser-username"><b>loz</b></a><a class="mdspost-comment-time mdspost-comment-time--ctime" href="?thread=7122048#t7122048">April 12 2018, 04:38:42 UTC</a>
        <div class="mdspost-comment__body">C'est voulu.</div></article></div></div></div>`);
    expect(rows(items)).toEqual([
      ['comment', 'lima', 'Acme manque ici.', expect.stringMatching(/^2018-04-1[12]T/u), URL_ + '?thread=7121792#t7121792'],
      ['reply', 'loz', "C'est voulu.", expect.stringMatching(/^2018-04-1[12]T/u), URL_ + '?thread=7122048#t7122048'],
    ]);
  });

  test('Spot.IM / OpenWeb: data-message-id roots, depth attribute, the person answered is not the author', async () => {
    const items = await extract(`<ul class="sppre_messages-list"><li><div class="sppre_root-message">
      <div class="sppre_message-view sppre_depth-0" data-message-id="sp_x_c_A" data-message-depth="0">
        <span class="sppre_user-link"><span class="sppre_username">scal</span></span><span data-spot-im-class="message-timestamp">15h</span>
        <div class="sppre_text-entity" data-spot-im-class="message-text">Acme ne force personne.</div></div>
      <ul class="sppre_children-list"><li><div class="sppre_message-view sppre_depth-1" data-message-id="sp_x_c_A_r_B" data-message-depth="1">
        <span class="sppre_reply-to">en réponse à <span class="sppre_username">scal</span></span>
        <span class="sppre_user-link"><span class="sppre_username">joe</span></span><span data-spot-im-class="message-timestamp">14h</span>
        <div class="sppre_text-entity" data-spot-im-class="message-text">Vraiment ?</div></div></li></ul></div></li></ul>`);
    expect(rows(items)).toEqual([
      ['comment', 'scal', 'Acme ne force personne.', new Date(TEST_NOW - 15 * 3_600_000).toISOString(), null],
      ['reply', 'joe', 'Vraiment ?', new Date(TEST_NOW - 14 * 3_600_000).toISOString(), null],
    ]);
  });

  test('schema.org UserComments microdata (Launchpad); an activity entry beside them is no item', async () => {
    const items = await extract(`<div class="boardComment" itemscope itemtype="http://schema.org/UserComments">
        <a href="https://launchpad.example/~tom" class="sprite person">Tom (tom)</a> <a itemprop="url" href="/bug/1/comments/1"><time itemprop="commentTime" datetime="2010-05-24T15:13:03.482053+00:00">2010-05-24</time></a>
        <div class="comment-text" itemprop="commentText">Acme 3.1 plante aussi.</div></div>
      <div class="boardComment"><div class="boardCommentDetails"><a class="sprite person">Rolf (r0lf)</a> <span title="2016-07-19 08:14:00 UTC">on 2016-07-19</span></div>
        <div class="boardCommentActivity"><table class="bug-activity"><tr><td>Changed in acme: status New → Confirmed</td></tr></table></div></div>`);
    expect(rows(items)).toEqual([['comment', 'Tom (tom)', 'Acme 3.1 plante aussi.', '2010-05-24T15:13:03.482Z', 'https://forum.example.org/bug/1/comments/1']]);
  });

  test('a theme that prints "says:" after the name, and a month for a date (WordPress themes)', async () => {
    const items = await extract(`<ol class="commentlist"><li class="comment depth-1" id="comment-3064"><div class="comment-body">
      <p class="comment-author"><cite>Roman пишет:</cite> <small class="comment-time">Июль 2017</small></p>
      <div class="commententry"><p>Acme ne répond plus.</p></div></div></li></ol>`);
    expect(rows(items)).toEqual([['comment', 'Roman', 'Acme ne répond plus.', '2017-07-01T00:00:00.000Z', URL_ + '#comment-3064']]);
  });

  test('junk: a control with a comment id, a list of comments, a "comments-2" widget are no items', async () => {
    const items = await extract(`<section id="comments-2" class="widget">Derniers commentaires : Acme</section>
      <button data-comment-id="9">Répondre à Acme</button><a data-message-id="m1" href="#">Acme</a>
      <div id="comment-form"><textarea>Acme</textarea></div><span id="post-comment-count-12">12 commentaires sur Acme</span>
      <div id="comment-reply-link-9">Répondre à Acme</div>`);
    expect(items).toEqual([]);
  });
});

describe('generic: forum engines and Q&A pages (structures of real pages where said, own text)', () => {
  const URL_ = 'https://forum.example.org/viewtopic.php?t=42';
  const extract = extractAt(URL_);

  test('phpBB 3 (a real 3.2 page): div.post#p123, quotes, signatures and the code box header left out', async () => {
    const items = await extract(`<div id="subsilver-nav-topic"><div class="post has-profile"><div class="postbody">Message</div></div></div>
      <div id="p101" class="post has-profile bg2"><div class="inner"><dl class="postprofile"><dt><a href="memberlist.php?u=8" class="username">lea</a></dt></dl>
        <div class="postbody"><h3 class="first"><a href="#p101">Acme en panne</a></h3>
        <p class="author"><a class="unread" href="viewtopic.php?p=101#p101">#1</a> by <strong><a class="username">lea</a></strong> » 03 Sep 2018 13:39</p>
        <div class="content"><blockquote><cite>max wrote:</cite>Pas chez moi</blockquote>Acme ne répond plus.<div class="codebox"><p>Code: <a href="#">Select all</a></p><pre><code>ping acme</code></pre></div></div>
        <div class="signature">Lea, Lyon</div></div></div></div>`);
    expect(rows(items)).toEqual([['post', 'lea', 'Acme ne répond plus. ping acme', local(2018, 9, 3, 13, 39), 'https://forum.example.org/viewtopic.php?p=101#p101']]);
  });

  test("phpBB 3.3 (a real page): the time element inside p.author wins over the line's text; the visitor's session id leaves the permalink", async () => {
    const items = await extract(`<div id="p297120" class="post has-profile bg2"><div class="inner"><dl class="postprofile"><dt><a href="./memberlist.php?mode=viewprofile&amp;u=1&amp;sid=5673b41f701d34d4a2afb3e98bb483e5" class="username">evtim</a></dt></dl>
      <div class="postbody"><p class="author"><a class="unread" href="./viewtopic.php?p=297120&amp;sid=5673b41f701d34d4a2afb3e98bb483e5#p297120"><span class="sr-only">Post</span></a>
      <span class="responsive-hide">by <strong><a class="username">evtim</a></strong> » </span><time datetime="2024-11-12T10:43:23+00:00">Tue Nov 12, 2024 3:43 am</time></p>
      <div class="content">Acme DMA.</div></div></div></div>`);
    expect(rows(items)).toEqual([['post', 'evtim', 'Acme DMA.', '2024-11-12T10:43:23.000Z', 'https://forum.example.org/viewtopic.php?p=297120#p297120']]);
  });

  test('Invision 4 (a real page): the share menu and comment anchors inside a post are no comments; Discourse: the avatar link before the name is not the author', async () => {
    const items = await extract(`<a id="comment-92583"></a><article id="elComment_92583" class="cPost ipsComment"><aside class="cAuthorPane"><h3 class="cAuthorPane_author"><strong><a href="/profile/1-fabio/">fabio</a></strong></h3></aside>
        <div id="comment-92583_wrap" data-commentid="92583"><div class="ipsComment_meta"><a href="/topic/1-acme/?do=findComment&amp;comment=92583"><time datetime="2020-01-08T22:09:53Z">8 Jan</time></a></div>
        <div data-role="commentContent"><p>Acme marche.</p></div>
        <ul id="elShareComment_92583_menu" class="ipsMenu" data-comment-id="92583"><li><a href="#">Share Post</a></li></ul></div></article>
      <article id="post_1" data-post-id="9"><div class="topic-avatar"><a class="trigger-user-card" data-user-card="ana"><img alt=""></a></div>
        <div class="names trigger-user-card"><span class="first username"><a href="/u/ana" data-user-card="ana">ana</a></span></div><div class="cooked"><p>Acme Discourse.</p></div></article>`);
    expect(items.map((i) => [i.kind, i.author, i.text])).toEqual([
      ['post', 'fabio', 'Acme marche.'],
      ['post', 'ana', 'Acme Discourse.'],
    ]);
  });

  test('PunBB / FluxBB (a real 1.2 page): div.blockpost#p123, the date is the post link ("Yesterday 20:47:30")', async () => {
    const items = await extract(`<div id="p62708" class="blockpost roweven"><h2><span><span class="conr">#2</span><a href="viewtopic.php?pid=62708#p62708">Yesterday 20:47:30</a></span></h2>
      <div class="box"><div class="postleft"><dl><dt><strong><a href="profile.php?id=2707">jq</a></strong></dt><dd>Posts: 422</dd></dl></div>
      <div class="postright"><h3>Re: Acme</h3><div class="postmsg"><blockquote><div class="incqbox"><h4>geo wrote:</h4><p>Acme plante</p></div></blockquote><p>Essaie la mise à jour Acme.</p></div>
      <div class="postsignature"><hr>mon site</div></div></div></div>`);
    const yesterday = new Date(TEST_NOW - 86_400_000);
    expect(rows(items)).toEqual([
      ['post', 'jq', 'Essaie la mise à jour Acme.', local(yesterday.getFullYear(), yesterday.getMonth() + 1, yesterday.getDate(), 20, 47), 'https://forum.example.org/viewtopic.php?pid=62708#p62708'],
    ]);
  });

  test('vBulletin 3 (a real 3.9 page): div#post123 around div#post_message_123, "7th Mar 2021, 05:42", the permalink before the "#1" counter', async () => {
    const items = await extract(`<div id="posts"><div id="edit11"><div id="post11"><div class="trow thead"><div class="tcell"><a name="post11"></a> 7th Mar 2021, 05:42</div>
      <div class="tcell"># <a href="https://forum.example.org/11-post1.html" id="postcount11" name="1">1</a> (<a href="https://forum.example.org/t/42.html#post11" title="Link to this Post">permalink</a>)</div></div>
      <div class="trow"><div id="postmenu_11"><a class="bigusername" href="member.php?u=3">kris</a></div>
      <div id="td_post_11"><div class="smallfont"><strong>Acme</strong></div><div id="post_message_11">Acme a livré en retard.</div></div></div></div></div></div>`);
    expect(rows(items)).toEqual([['post', 'kris', 'Acme a livré en retard.', local(2021, 3, 7, 5, 42), 'https://forum.example.org/t/42.html#post11']]);
  });

  test('XenForo 2, Discourse, MyBB, SMF 2.1, Invision 4 (their documented markup; no real page checked)', async () => {
    const items = await extract(`
      <article class="message message--post js-post" data-author="Ana" data-content="post-7" id="js-post-7"><div class="message-attribution-main"><a href="/threads/acme.42/post-7"><time class="u-dt" datetime="2024-05-01T10:00:00+0200">1 May</time></a></div>
        <div class="message-body"><div class="bbWrapper"><blockquote class="bbCodeBlock bbCodeBlock--quote">Ben said</blockquote>Acme XenForo.</div></div><aside class="message-signature">sig</aside></article>
      <article id="post_2" data-post-id="88"><div class="names"><span class="first"><a href="/u/bob">bob</a></span></div><a class="post-date" href="/t/acme/42/2"><span class="relative-date" data-time="1714557600000">1 May</span></a>
        <div class="cooked"><aside class="quote">ana: Acme?</aside><p>Acme Discourse.</p></div></article>
      <div class="post" id="post_55"><div class="post_author"><div class="author_information"><strong><span class="largetext"><a href="member.php?uid=1">cy</a></span></strong></div></div>
        <div class="post_head"><span class="post_date">01-05-2024, 10:00 AM</span><a href="showthread.php?pid=55#pid55">#1</a></div><div class="post_body" id="pid_55">Acme MyBB.</div></div>
      <div class="windowbg" id="msg66"><div class="poster"><h4><a href="profile;u=4">dan</a></h4></div><div class="postinfo"><a href="index.php?msg=66" class="smalltext">May 01, 2024, 10:00:00 AM</a></div>
        <div class="post"><div class="inner" id="msg_66"><blockquote>cited</blockquote>Acme SMF.</div></div></div>
      <article id="elComment_77" class="ipsComment"><aside><h3 class="cAuthorPane_author"><a href="/profile/5-eve/">eve</a></h3></aside>
        <div class="ipsComment_meta"><a href="/topic/42-acme/?do=findComment&amp;comment=77"><time datetime="2024-05-01T08:00:00Z">1 May</time></a></div>
        <div data-role="commentContent"><blockquote class="ipsQuote">old</blockquote><p>Acme Invision.</p></div></article>`);
    expect(items.map((i) => [i.kind, i.author, i.text, i.timestamp, i.permalink])).toEqual([
      ['post', 'Ana', 'Acme XenForo.', '2024-05-01T08:00:00.000Z', 'https://forum.example.org/threads/acme.42/post-7'],
      ['post', 'bob', 'Acme Discourse.', '2024-05-01T10:00:00.000Z', 'https://forum.example.org/t/acme/42/2'],
      // "01-05-2024": month or day first depends on the board's settings, so no time.
      ['post', 'cy', 'Acme MyBB.', null, 'https://forum.example.org/showthread.php?pid=55#pid55'],
      ['post', 'dan', 'Acme SMF.', local(2024, 5, 1, 10, 0), 'https://forum.example.org/index.php?msg=66'],
      ['post', 'eve', 'Acme Invision.', '2024-05-01T08:00:00.000Z', 'https://forum.example.org/topic/42-acme/?do=findComment&comment=77'],
    ]);
  });

  test('SPIP (a real French blog): li.forum-fil, anonymous or named, "(22 juin 2018 @11h13)", a reply nested in its parent', async () => {
    const items = await extract(`<ul class="forum"><li class="forum-fil"><div class="forum-top"><a href="#forum226836" name="forum226836" id="forum226836"><img alt="permalien"></a>
        <div class="forum-nav">(22 juin 2018 @11h13)&nbsp;</div>:</div><div class="forum-message"><div class="forum-chapo"><p><strong class="forum-titre">Titre</strong></p></div>
        <div class="forum-texte"><p>Acme n'est pas un modèle.</p></div></div>
        <ul><li class="forum-fil"><div class="forum-top"><a href="#forum226837" name="forum226837"></a><b class="crayon forum-qui-226837">Red</b><div class="forum-nav">(22 juin 2018 @11h29)</div></div>
          <div class="forum-texte"><p>Même argument.</p></div></li></ul></li></ul>`);
    expect(rows(items)).toEqual([
      ['comment', null, "Acme n'est pas un modèle.", local(2018, 6, 22, 11, 13), URL_ + '#forum226836'],
      ['reply', 'Red', 'Même argument.', local(2018, 6, 22, 11, 29), URL_ + '#forum226837'],
    ]);
  });

  test('Stack Exchange (a real QAPage): the question is a post, its answer a comment by its author (not its editor), comments dated by their title', async () => {
    const items = await extract(`<div itemprop="mainEntity" itemscope itemtype="https://schema.org/Question"><h1 itemprop="name">Acme lampe</h1>
      <time itemprop="dateCreated" datetime="2018-04-29T21:17:19">5 anos</time>
      <div class="question" data-questionid="1"><div class="s-prose" itemprop="text"><p>Ma lampe Acme clignote.</p></div>
        <div class="post-signature owner"><div class="user-details" itemprop="author" itemscope itemtype="http://schema.org/Person"><a href="/users/2/ari">Ari</a><span itemprop="name">Ari</span></div></div>
        <ul class="comments-list"><li id="comment-613403" class="comment js-comment" data-comment-id="613403"><div class="comment-body"><span class="comment-copy">Marque une réponse.</span>
          – <a href="/users/8/sam" class="comment-user">Sam</a> <span class="comment-date"><span title="2018-05-27 06:16:39Z, License: CC BY-SA 4.0" class="relativetime-clean">May 27, 2018</span></span></div></li></ul></div>
      <div id="answer-2" class="answer" data-answerid="2" itemprop="acceptedAnswer" itemscope itemtype="https://schema.org/Answer">
        <div class="s-prose" itemprop="text"><p>Change la pile Acme.</p></div><a href="/a/2" class="js-share-link">Share</a>
        <div class="post-signature"><div class="user-details"><a href="/users/9/ed">editor</a></div></div>
        <div class="post-signature"><div class="user-details" itemprop="author" itemscope itemtype="http://schema.org/Person"><a href="/users/3/wic">Wic</a><span itemprop="name">Wic</span></div>
          <time itemprop="dateCreated" datetime="2018-04-29T21:38:50">answered</time></div></div></div>`);
    expect(items.map((i) => [i.kind, i.author, i.text, i.timestamp])).toEqual([
      ['post', 'Ari', 'Acme lampe Ma lampe Acme clignote.', '2018-04-29T21:17:19.000Z'],
      ['comment', 'Sam', 'Marque une réponse.', '2018-05-27T06:16:39.000Z'],
      ['comment', 'Wic', 'Change la pile Acme.', '2018-04-29T21:38:50.000Z'],
    ]);
  });

  test("a FAQ's questions in microdata are no posts; Discourse's crawler view: the thread title in a <meta> is left out, the position gives the permalink", async () => {
    const faq = await extract(`<div itemscope itemtype="https://schema.org/FAQPage"><div itemprop="mainEntity" itemscope itemtype="https://schema.org/Question">
      <h3 itemprop="name">Acme livre ?</h3><div itemprop="acceptedAnswer" itemscope itemtype="https://schema.org/Answer"><p itemprop="text">Oui.</p></div></div></div>`);
    expect(faq).toEqual([]);
    const page = await extractFragment(
      generic,
      `<div itemscope itemtype='http://schema.org/DiscussionForumPosting' class='topic-body crawler-post'><meta itemprop='headline' content='Acme wins'>
        <span class='creator' itemprop='author' itemscope itemtype='http://schema.org/Person'><a itemprop='url' href='/u/tech'><span itemprop='name'>tech</span></a></span>
        <span class='crawler-post-infos'><meta itemprop='datePublished' content='2014-02-06T04:55:19Z'><span itemprop='position'>2</span></span>
        <div class='post' itemprop='articleBody'><p>Congrats Acme.</p></div></div>`,
      'https://meta.example.org/t/acme-wins/12483',
      { head: '<title>Acme wins - praise - Meta</title>', run: runPage },
    );
    expect(page.map((i) => [i.kind, i.author, i.text, i.timestamp, i.permalink])).toEqual([
      ['post', 'tech', 'Congrats Acme.', '2014-02-06T04:55:19.000Z', 'https://meta.example.org/t/acme-wins/12483/2'],
    ]);
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
