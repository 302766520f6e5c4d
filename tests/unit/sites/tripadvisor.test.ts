// @vitest-environment happy-dom
/**
 * TripAdvisor adapter (lib/sites/tripadvisor.ts) on the demo restaurant page,
 * which follows the structure of sites.md §11 (with an older hotel-style card and
 * an English card), and on my own markup of the structures of three real saved
 * pages kept out of the repository (no licence): 2015 (no.tripadvisor.com), 2019
 * and 2026 (www.tripadvisor.com).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { tripadvisor } from '../../../lib/sites/tripadvisor';
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
  type ExpectedItem,
  type LoadedPage,
} from './helpers';

const DEMO_URL = 'https://www.tripadvisor.fr/Restaurant_Review-g187265-d99999999-Reviews-Acme_Cafe-Lyon_Rhone_Auvergne_Rhone_Alpes.html';

describe('tripadvisor demo page', () => {
  let page: LoadedPage;
  let items: ExtractedItem[];
  const expected = readDemoJson<ExpectedItem[]>('tripadvisor.expected.json');

  beforeAll(async () => {
    page = await loadPage(readDemo('tripadvisor.html'), DEMO_URL, { runScripts: true });
    items = runAdapter(tripadvisor, page.document, page.url);
  });
  afterAll(() => page.close());

  test('finds every expected item with its fields, and the matcher flags exactly the brand-naming ones', () => {
    expect(expected.length).toBeGreaterThanOrEqual(8);
    expectDemoItems(items, expected);
  });

  test('the owner response, the "Lire la suite" button, the visit date and the disclaimer are not part of the text', () => {
    for (const item of items) expect(item.text).not.toMatch(/Merci Claire|désolés|Lire la suite|Réponse de|opinion subjective|En couple|Date de la visite/u);
    expect(items[0]!.text).toMatch(/QG du dimanche\.$/u);
  });

  test('hostile: a right-to-left Arabic review is read as written and names Acme', () => {
    const item = items.find((i) => i.id === 'r912345606')!;
    expect(item.text).toBe('قهوة ممتازة أفضل قهوة في ليون، مقهى Acme يستحق الزيارة بالتأكيد.');
    expect(item.author).toBe('يوسف');
    expect(demoBrandIds(item.text)).toEqual(['acme']);
  });

  test('a card without a ShowUserReviews link falls back to data-reviewid, then to a hash', () => {
    const card = page.document.querySelector('[data-automation="reviewCard"]')!.cloneNode(true) as Element;
    card.querySelector('[data-test-target="review-title"] a')!.removeAttribute('href');
    const hashed = tripadvisor.extractItem(card, { url: page.url })!;
    expect(hashed.id).toMatch(/^h[0-9a-z]+$/u);
    expect(hashed.permalink).toBeNull();
    card.setAttribute('data-reviewid', '912345601');
    expect(tripadvisor.extractItem(card, { url: page.url })!.id).toBe('r912345601');
  });

  test('nested legacy cards count once: the outermost', () => {
    const outer = page.document.createElement('div');
    outer.className = 'review-container';
    outer.innerHTML = '<div class="reviewSelector" data-reviewid="555"><a href="/Profile/old">Old Timer</a><span class="ui_bubble_rating bubble_30"></span><p class="partial_entry">Vieux format, café Acme correct.</p></div>';
    const wrapper = page.document.createElement('div');
    wrapper.append(outer);
    expect(runAdapter(tripadvisor, wrapper, page.url)).toEqual([
      expect.objectContaining({ id: 'r555', author: 'Old Timer', rating: 3, text: 'Vieux format, café Acme correct.', timestamp: null }),
    ]);
  });

  test('scroll-appended items: each "load more" adds three reviews, one naming Acme', async () => {
    await appendDemoItems(page);
    const after = runAdapter(tripadvisor, page.document, page.url);
    const added = after.slice(items.length);
    expect(added).toHaveLength(3);
    expect(added.filter((i) => demoBrandIds(i.text).includes('acme'))).toHaveLength(1);
    expect(added.every((i) => /^r\d+$/u.test(i.id) && i.rating !== null && i.timestamp === '2025-11-05T00:00:00.000Z')).toBe(true);

    (page.document.getElementById('demo-load-more') as HTMLElement).click();
    const again = runAdapter(tripadvisor, page.document, page.url);
    expect(again).toHaveLength(items.length + 6);
    expect(new Set(again.map((i) => i.id)).size).toBe(again.length);
  });
});

describe('tripadvisor: structures of real saved pages (own text)', () => {
  const URL_ = 'https://no.tripadvisor.com/Hotel_Review-g1006204-d2440155-Reviews-Acme_Hotel-Trysil.html';
  const link = (id: string) => `/ShowUserReviews-g1006204-d2440155-r${id}-Acme_Hotel-Trysil.html`;

  test('2015: div.reviewSelector#review_N without data-reviewid, star image, dated by the title of a relative date, "Mer" and the owner reply left out, and so is a rating-less "Owner response" block', async () => {
    const items = await extractFragment(
      tripadvisor,
      `<div id="REVIEWS" class="deckB review_collection">
        <div class="reviewSelector" id="review_264384292"></div>
        <div class="reviewSelector" id="review_262844528"><div class="review basic_review">
          <div class="col1of2"><div class="member_info"><div class="username mo"><span class="expand_inline scrname">Ola N</span></div></div></div>
          <div class="col2of2"><div class="rating reviewItemInline"><span class="rate sprite-rating_s rating_s">
            <img class="sprite-rating_s_fill rating_s_fill s40" src="data:," alt="4 av 5 stjerner"></span>
            <span class="ratingDate relativeDate" title="31 mars 2015">Anmeldt 2 uker siden</span></div>
          <div class="quote"><a href="${link('262844528')}#CHECK_RATES_CONT">“<span class="noQuotes">Acme, topp beliggenhet</span>”</a></div>
          <div class="entry"><p class="partial_entry">Sjelden bedre hotell...<span class="partnerRvw"><span class="taLnk moreLink">Mer&nbsp;</span></span></p></div>
          <div class="mgrRspnInline"><div class="header">Svar fra Acme</div><p class="partial_entry">Takk for besøket!</p></div></div>
        </div></div>
        <div class="reviewSelector" id="review_258836251"><div class="member_info"><div class="username"><span>Kari S</span></div></div>
          <img class="rating_s_fill s50" src="data:," alt="5 av 5 stjerner"><span class="ratingDate">Anmeldt 10 mars 2015</span>
          <div class="quote"><a href="${link('258836251')}"><span class="noQuotes">Skiferie</span></a></div>
          <div class="entry"><p class="partial_entry">Flott hotell.</p></div></div>
        <div id="expanded_review_264384292"><div id="UR264384292" class="extended"><div class="member_info"><div class="username mo"><span class="scrname">Gudbrand T</span></div></div>
          <img class="sprite-rating_s_fill rating_s_fill s30" src="data:," alt="3 av 5 stjerner"><span class="ratingDate relativeDate" title="7 april 2015">Anmeldt 2 uker siden</span>
          <div class="quote"><a href="${link('264384292')}">“<span class="noQuotes">Acme, sviktende komfort</span>”</a></div><div class="entry"><p>Stort anlegg.</p></div></div></div>
        <div id="expanded_review_265407109"><div id="UR265407109" class="extended"><div class="member_info"><div class="username"><span>Et TripAdvisor-medlem</span></div></div>
          <span class="ratingDate" title="13 april 2015">Anmeldt 13 april 2015</span><div class="quote"><span class="noQuotes">Owner response</span></div>
          <div class="entry"><p>Takk for besøket, Acme</p></div></div></div>
      </div>`,
      URL_,
    );
    expect(items.map((i) => [i.id, i.author, i.rating, i.timestamp, i.text])).toEqual([
      ['r262844528', 'Ola N', 4, '2015-03-31T00:00:00.000Z', 'Acme, topp beliggenhet Sjelden bedre hotell...'],
      ['r258836251', 'Kari S', 5, '2015-03-10T00:00:00.000Z', 'Skiferie Flott hotell.'],
      // The expanded-review form the list loads into an empty card.
      ['r264384292', 'Gudbrand T', 3, '2015-04-07T00:00:00.000Z', 'Acme, sviktende komfort Stort anlegg.'],
    ]);
  });

  test('2019: .review-container around .reviewSelector, an author without a link, bubble class, "More" left out; the Review Highlights box is no card', async () => {
    const items = await extractFragment(
      tripadvisor,
      `<div class="highlightContainer ui_container"><div class="heading">Review Highlights</div>
        <div class="reviewSelector recent_review friend_review_placeholder"><div class="quote"><span class="taLnk">Acme is small</span></div>
          <div class="entry"><p class="partial_entry"><span>Acme is really nice...</span><span class="taLnk readMore">read more</span></p></div></div></div>
      <div id="REVIEWS"><div class="review-container" data-reviewId="599246690"><div id="review_599246690" class="reviewSelector" data-reviewId="599246690">
        <div class="member_info"><div class="info_text"><div>123jeroens</div><div class="userLoc"><strong>Hengelo</strong></div></div></div>
        <span class="ui_bubble_rating bubble_40"></span><span class="ratingDate" title="July 24, 2018">Reviewed July 24, 2018 </span>
        <div class="quote"><a href="${link('599246690')}" class="title"><span class="noQuotes">Acme is small but worth a visit</span></a></div>
        <div class="entry"><p class="partial_entry">Really nice...<span class="taLnk ulBlueLinks">More</span></p></div>
        <div><span class="stay_date_label">Date of experience:</span> June 2018</div></div></div></div>`,
      URL_,
    );
    expect(items.map((i) => [i.id, i.author, i.rating, i.timestamp, i.text])).toEqual([
      ['r599246690', '123jeroens', 4, '2018-07-24T00:00:00.000Z', 'Acme is small but worth a visit Really nice...'],
    ]);
  });
});

describe('tripadvisor isSupportedPage', () => {
  test.each(tripadvisor.testUrls)('supports %s', (url) => {
    expect(tripadvisor.isSupportedPage(new URL(url))).toBe(true);
    expect(tripadvisor.matches.some((p) => matchesPattern(p, url))).toBe(true);
  });
  test.each(otherSitesUrls('tripadvisor'))('does not claim %s', (url) => {
    expect(tripadvisor.isSupportedPage(new URL(url))).toBe(false);
  });
  test.each([
    'https://www.tripadvisor.fr/',
    'https://www.tripadvisor.fr/Restaurants-g187265-Lyon_Rhone_Auvergne_Rhone_Alpes.html',
    'https://www.tripadvisor.fr/Tourism-g187265-Lyon_Rhone_Auvergne_Rhone_Alpes-Vacations.html',
    'https://www.tripadvisor.fr/Search?q=acme',
    'https://www.tripadvisor.fr.evil.example/Restaurant_Review-g187265-d99999999-Reviews-Acme_Cafe-Lyon.html',
  ])('stays off %s', (url) => {
    expect(tripadvisor.isSupportedPage(new URL(url))).toBe(false);
  });
});
