/** Bad input: hostile page text is stored and shown as text, never executed; huge text is cut, not dropped. */
import { expect, test } from './fixtures';

declare global {
  interface Window {
    __veillePwned?: number;
  }
}

test('a <script> comment appears as text in the popup and nothing executes', async ({ veille }) => {
  const demo = veille.page('reddit');
  const page = await veille.context.newPage();
  await page.goto(demo.url);
  const popup = await veille.openPopup(demo.url);
  const hostile = popup.getByTestId('mention-text').filter({ hasText: '<script>window.__veillePwned = 1</script>' });
  await expect(hostile).toHaveCount(1);
  await expect(hostile).toContainText('onerror=');
  // The text is one text node: no element was created from it.
  expect(await hostile.evaluate((el) => el.children.length)).toBe(0);
  await popup.waitForTimeout(500);
  expect(await popup.evaluate(() => window.__veillePwned)).toBeUndefined();
  expect(await page.evaluate(() => window.__veillePwned)).toBeUndefined();
  expect(await popup.locator('main script, main img').count()).toBe(0);
});

test('a 200 KB comment is kept, cut and flagged', async ({ veille }) => {
  const demo = veille.page('reddit');
  const page = await veille.context.newPage();
  await page.goto(demo.url);
  const popup = await veille.openPopup(demo.url);
  const note = popup.locator('.mention .note');
  await expect(note).toHaveCount(1);
  await expect(note).toContainText(/\d{6}/u);
});

test('a brand name split by a zero-width space is still found; RTL text is shown as written', async ({ veille }) => {
  const x = veille.page('x');
  const page = await veille.context.newPage();
  await page.goto(x.url);
  const popup = await veille.openPopup(x.url);
  // Playwright's text matching ignores zero-width characters, so read the raw text.
  await expect(popup.getByTestId('mention').first()).toBeVisible();
  await expect
    .poll(() => popup.getByTestId('mention-text').evaluateAll((els) => els.filter((e) => e.textContent?.includes('Ac\u200bme')).length))
    .toBe(1);

  const yt = veille.page('youtube');
  await page.goto(yt.url);
  const popup2 = await veille.openPopup(yt.url);
  const rtl = popup2.getByTestId('mention-text').filter({ hasText: /[\u0600-\u06FF]/u });
  await expect(rtl).toHaveCount(1);
  await expect(rtl).toHaveAttribute('dir', 'auto');
});
