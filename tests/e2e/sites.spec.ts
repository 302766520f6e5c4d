/**
 * Per site, in real Chromium with the built extension: a brand name split by a
 * zero-width space in a new item is found, and after an in-page (SPA)
 * navigation the observer still runs and the page's items are filed under the new address.
 */
import { expect, expectedItems, test } from './fixtures';
import { appendMore } from './helpers';

const SITES = ['x', 'reddit', 'youtube', 'google-maps', 'trustpilot', 'amazon', 'tripadvisor', 'tiktok', 'linkedin', 'instagram', 'facebook', 'generic'];

for (const site of SITES) {
  test(`${site}: zero-width-split name found; SPA navigation re-arms the observer`, async ({ veille }) => {
    const demo = veille.page(site);
    const all = expectedItems(site);
    const n = all.filter((i) => i.namesBrand !== null).length;
    const plain = all.find((i) => i.namesBrand === null && i.text60.length >= 12);
    expect(plain, 'a demo item that does not name the brand').toBeDefined();
    const page = await veille.context.newPage();
    await page.goto(demo.url);
    const popup = await veille.openPopup(demo.url);
    await veille.expectMentionCount(popup, n);

    // Make an item that did not name the brand name it, hidden behind a zero-width space.
    // A piece of its text that sits in one text node and names no one (author names repeat elsewhere).
    const t = plain!.text60;
    const probes = [t.slice(0, 20), t.slice(20, 34), t.slice(34, 48), t.slice(0, 12)].filter((p) => p.trim().length >= 8);
    const changed = await page.evaluate((needles) => {
      for (const needle of needles) {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (node.parentElement?.closest('script, style, template')) continue;
          // Skip short nodes: names (an author's name also starts other items' texts).
          if ((node.nodeValue ?? '').trim().length < 16) continue;
          if (node.nodeValue?.replace(/\s+/gu, ' ').includes(needle)) {
            node.nodeValue += ' Ac\u200bme';
            return true;
          }
        }
      }
      return false;
    }, probes);
    expect(changed, `text node of "${t}"`).toBe(true);
    await veille.expectMentionCount(popup, n + 1);

    // In-page navigation: a new address, then more items arrive (infinite scroll on the new view).
    const next = new URL(demo.url);
    next.searchParams.set('view', 'spa');
    await page.evaluate((href) => history.pushState({}, '', href), next.href);
    await appendMore(page);
    const popup2 = await veille.openPopup(next.href);
    // Everything on the page is filed under the new address too, plus the appended item.
    await veille.expectMentionCount(popup2, n + 2);
    // The item that arrived after the navigation belongs to the new address only.
    await veille.expectMentionCount(popup, n + 1);
  });
}
