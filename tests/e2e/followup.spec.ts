/** Point 5: mark "to follow up", then "done"; the toolbar badge counts what waits. Keyboard only. */
import AxeBuilder from '@axe-core/playwright';
import { expect, expectedItems, test } from './fixtures';

test('follow-up queue and badge, driven from the keyboard', async ({ veille }) => {
  const demo = veille.page('trustpilot');
  const n = expectedItems('trustpilot').filter((i) => i.namesBrand !== null).length;
  const page = await veille.context.newPage();
  await page.goto(demo.url);
  const popup = await veille.openPopup(demo.url);
  await veille.expectMentionCount(popup, n);
  expect(await veille.badgeText()).toBe('');

  // Keyboard: focus the first "To follow up" button and press Enter.
  await popup.getByTestId('mark-follow-up').first().focus();
  await popup.keyboard.press('Enter');
  await expect(popup.getByTestId('mention-status').first()).toHaveAttribute('data-status', 'follow_up');
  await popup.getByTestId('mark-follow-up').nth(1).click();
  await expect.poll(() => veille.badgeText()).toBe('2');

  // The follow-up tab lists them (arrow keys move between tabs).
  await popup.getByRole('tab', { selected: true }).focus();
  await popup.keyboard.press('ArrowRight');
  await expect(popup.getByRole('tab', { selected: true })).toHaveAttribute('id', 'tab-followUp');
  await veille.expectMentionCount(popup, 2);

  await popup.getByTestId('mark-done').first().click();
  await veille.expectMentionCount(popup, 1);
  await expect.poll(() => veille.badgeText()).toBe('1');
  await popup.getByTestId('mark-done').first().click();
  await expect(popup.getByTestId('empty')).toBeVisible();
  await expect.poll(() => veille.badgeText()).toBe('');
});

test('the popup passes axe checks', async ({ veille }) => {
  const demo = veille.page('google-maps');
  const page = await veille.context.newPage();
  await page.goto(demo.url);
  const popup = await veille.openPopup(demo.url);
  await expect(popup.getByTestId('mention').first()).toBeVisible();
  const results = await new AxeBuilder({ page: popup }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
});

test.describe('in French', () => {
  test.use({ veilleLang: 'fr' });
  test('the popup speaks French', async ({ veille }) => {
    const demo = veille.page('x');
    const page = await veille.context.newPage();
    await page.goto(demo.url);
    const popup = await veille.openPopup(demo.url);
    await expect(popup.getByRole('tab', { name: 'Cette page' })).toBeVisible();
    await expect(popup.getByTestId('mark-follow-up').first()).toHaveText('À suivre');
  });
});
