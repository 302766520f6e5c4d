/** Point 6: everything survives a browser restart (same profile) and a service-worker restart. */
import { expect, expectedItems, test } from './fixtures';

test('mentions, statuses and the badge survive closing and reopening the browser', async ({ veille }) => {
  const demo = veille.page('youtube');
  const n = expectedItems('youtube').filter((i) => i.namesBrand !== null).length;
  const page = await veille.context.newPage();
  await page.goto(demo.url);
  let popup = await veille.openPopup(demo.url);
  await veille.expectMentionCount(popup, n);
  await popup.getByTestId('mark-follow-up').first().click();
  await expect.poll(() => veille.badgeText()).toBe('1');

  await veille.restart();

  popup = await veille.openPopup(demo.url);
  await veille.expectMentionCount(popup, n);
  await expect(popup.locator('[data-status="follow_up"]')).toHaveCount(1);
  await expect.poll(() => veille.badgeText()).toBe('1');
  // The demo brand was not re-seeded over the CM's data, and detection still works after the restart.
  const again = await veille.context.newPage();
  await again.goto(demo.url);
  await again.waitForTimeout(1500);
  expect(await veille.storedCount()).toBe(n);
});

test('a service-worker restart loses nothing and the worker keeps working', async ({ veille }) => {
  const x = veille.page('x');
  const nx = expectedItems('x').filter((i) => i.namesBrand !== null).length;
  const page = await veille.context.newPage();
  await page.goto(x.url);
  const popup = await veille.openPopup(x.url);
  await veille.expectMentionCount(popup, nx);
  await popup.getByTestId('mark-follow-up').first().click();
  await expect.poll(() => veille.badgeText()).toBe('1');

  await veille.stopServiceWorker();

  // A new page wakes the worker through the content script's message.
  const tp = veille.page('trustpilot');
  const nt = expectedItems('trustpilot').filter((i) => i.namesBrand !== null).length;
  await page.goto(tp.url);
  const popup2 = await veille.openPopup(tp.url);
  await veille.expectMentionCount(popup2, nt);
  await expect.poll(() => veille.storedCount()).toBe(nx + nt);
  const popup3 = await veille.openPopup(x.url);
  await expect(popup3.locator('[data-status="follow_up"]')).toHaveCount(1);
  await expect.poll(() => veille.badgeText()).toBe('1');
});
