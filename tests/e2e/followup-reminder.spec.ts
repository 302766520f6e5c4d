/**
 * Issue 6: a follow-up with a due date leaves the badge until it is due; when
 * it falls due the worker shows a notification and the badge counts it
 * again. The popup's follow-up form stores the due date, priority, note and
 * tags; the queue filters by tone.
 */
import { expect, test } from './fixtures';

test('a due follow-up raises a notification and the badge count changes', async ({ veille }) => {
  const demo = veille.page('trustpilot');
  const page = await veille.context.newPage();
  await page.goto(demo.url);
  const popup = await veille.openPopup(demo.url);
  const first = popup.getByTestId('mention').first();
  await expect(first).toBeVisible();
  const key = (await first.getAttribute('data-key'))!;

  // The form: priority, note, tags, and a due date far ahead (snoozed: not in the badge).
  await first.getByTestId('mark-follow-up').click();
  await expect.poll(() => veille.badgeText()).toBe('1');
  await first.getByTestId('followup-toggle').click();
  await first.getByTestId('followup-due').fill('2099-01-01T09:00');
  await first.getByTestId('followup-priority').selectOption('urgent');
  await first.getByTestId('followup-note').fill('Rappeler après la livraison');
  await first.getByTestId('followup-tags').fill('livraison, colis');
  await first.getByTestId('followup-save').click();
  await expect(first.getByTestId('followup-summary')).toContainText('#livraison #colis');
  await expect.poll(() => veille.badgeText()).toBe('');

  // Due in 4 seconds (set through the same message the form sends): the alarm fires, a notification shows.
  const worker = await veille.worker();
  await popup.evaluate(
    ({ key }) =>
      chrome.runtime.sendMessage({
        id: 1,
        type: 'setFollowUp',
        data: { key, dueAt: Date.now() + 4000, note: 'Rappeler', priority: 'high', tags: [] },
        timestamp: Date.now(),
      }),
    { key },
  );
  expect(await veille.badgeText()).toBe('');
  await expect.poll(() => worker.evaluate(() => chrome.notifications.getAll().then((n) => Object.keys(n))), { timeout: 20_000 }).toContain(`veille-due:${key}`);
  await expect.poll(() => veille.badgeText()).toBe('1');

  // The queue lists it first, and the tone filter works.
  await popup.getByRole('tab', { name: 'Follow-up' }).click();
  await expect(popup.getByTestId('mention')).toHaveCount(1);
  const label = (await popup.getByTestId('mention').getByTestId('mention-sentiment').getAttribute('data-sentiment'))!;
  const other = label === 'negative' ? 'positive' : 'negative';
  await popup.getByTestId('filter-sentiment').selectOption(other);
  await expect(popup.getByTestId('mention')).toHaveCount(0);
  await popup.getByTestId('filter-sentiment').selectOption(label);
  await expect(popup.getByTestId('mention')).toHaveCount(1);
});
