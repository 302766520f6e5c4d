/**
 * Point 3: on every demo page (served at the real site's address), Veille finds
 * the items that name the brand and ignores the others; the popup shows them
 * with site, author, text, sentiment, rating and link; scroll-appended items are found.
 */
import { expect, expectedItems, test } from './fixtures';
import { appendMore, mentionTexts } from './helpers';

const SITES = ['x', 'reddit', 'youtube', 'google-maps', 'trustpilot', 'amazon', 'tripadvisor', 'tiktok', 'linkedin', 'instagram', 'facebook', 'generic'];

for (const site of SITES) {
  test(`${site}: finds exactly the items that name a watched brand`, async ({ veille }) => {
    const demo = veille.page(site);
    const expected = expectedItems(site).filter((i) => i.namesBrand !== null);
    expect(expected.length).toBeGreaterThanOrEqual(3);
    const page = await veille.context.newPage();
    await page.goto(demo.url);
    const popup = await veille.openPopup(demo.url);
    await veille.expectMentionCount(popup, expected.length);

    const texts = await mentionTexts(popup);
    const norm = (s: string) => s.replace(/\s+/gu, ' ').trim();
    for (const item of expected) {
      expect(texts.some((t) => norm(t).startsWith(norm(item.text60))), `missing: ${item.text60}`).toBe(true);
    }
    // Authors and ratings are shown as the page gave them.
    const authors = await popup.getByTestId('mention-author').allTextContents();
    for (const item of expected) if (item.author) expect(authors.some((a) => a.includes(item.author!))).toBe(true);
    const rated = expected.filter((i) => i.rating !== null).length;
    await expect(popup.getByTestId('mention-rating')).toHaveCount(rated);
    // Every mention has a sentiment.
    for (const s of await popup.getByTestId('mention-sentiment').evaluateAll((els) => els.map((e) => e.getAttribute('data-sentiment')))) {
      expect(['positive', 'neutral', 'negative']).toContain(s);
    }

    // Items appended later (infinite scroll) are found too: each demo page appends one that names the brand.
    await appendMore(page);
    await veille.expectMentionCount(popup, expected.length + 1);
  });
}

test('the popup links each mention to its post', async ({ veille }) => {
  const demo = veille.page('x');
  const page = await veille.context.newPage();
  await page.goto(demo.url);
  const popup = await veille.openPopup(demo.url);
  const expected = expectedItems('x').filter((i) => i.namesBrand !== null);
  await veille.expectMentionCount(popup, expected.length);
  const hrefs = await popup.locator('a.permalink').evaluateAll((els) => els.map((e) => (e as HTMLAnchorElement).href));
  for (const item of expected) if (item.permalink) expect(hrefs).toContain(item.permalink);
});
