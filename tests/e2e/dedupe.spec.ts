/** Point 4: the same post seen twice (reload, two tabs) is stored once. */
import { expect, expectedItems, test } from './fixtures';

test('no duplicate after a reload or with the same page in two tabs', async ({ veille }) => {
  const demo = veille.page('x');
  const n = expectedItems('x').filter((i) => i.namesBrand !== null).length;
  const tab1 = await veille.context.newPage();
  await tab1.goto(demo.url);
  const popup = await veille.openPopup(demo.url);
  await veille.expectMentionCount(popup, n);
  expect(await veille.storedCount()).toBe(n);

  await tab1.reload();
  const tab2 = await veille.context.newPage();
  await tab2.goto(demo.url);
  // Give both tabs' content scripts time to report (they batch every 250 ms).
  await tab2.waitForTimeout(2500);
  await veille.expectMentionCount(popup, n);
  expect(await veille.storedCount()).toBe(n);
});

test('the same review reached from two addresses is one mention seen on both pages', async ({ veille }) => {
  const demo = veille.page('trustpilot');
  const n = expectedItems('trustpilot').filter((i) => i.namesBrand !== null).length;
  const a = await veille.context.newPage();
  await a.goto(demo.url);
  await a.waitForTimeout(1500);
  const b = await veille.context.newPage();
  await b.goto(demo.url + '?page=1#reviews');
  const popup = await veille.openPopup(demo.url + '?page=1');
  await veille.expectMentionCount(popup, n);
  expect(await veille.storedCount()).toBe(n);
});
