/**
 * The CM corrects a label in the popup (keyboard): the mention shows the
 * corrected label, and a later copy of the same text on the page is scored
 * with the correction (the brand's correction model), also after the service
 * worker restarts.
 */
import { expect, test } from './fixtures';
import { appendMore } from './helpers';

const TEXT = 'Le nouveau blend d’hiver d’Acme est une tuerie, merci !';

test('a corrected label is kept and teaches later scores of the brand', async ({ veille }) => {
  const demo = veille.page('x');
  const page = await veille.context.newPage();
  await page.goto(demo.url);
  await appendMore(page);
  const popup = await veille.openPopup(demo.url);
  const card = popup.getByTestId('mention').filter({ hasText: TEXT });
  await expect(card).toHaveCount(1);
  const before = await card.getByTestId('mention-sentiment').getAttribute('data-sentiment');
  expect(before).toBe('positive');

  // Keyboard: focus the select and choose "negative" (the CM reads "tuerie" as a complaint here, say).
  const select = card.getByTestId('correct-sentiment');
  await select.focus();
  await select.selectOption('negative');
  await expect(card.getByTestId('mention-sentiment')).toHaveAttribute('data-sentiment', 'negative');
  await expect(card.locator('.corrected')).toBeVisible();

  // The worker restarts (its in-memory models are gone), then the page shows the same text again under a new post.
  await veille.stopServiceWorker();
  await appendMore(page);
  await expect(card).toHaveCount(2);
  await expect(card.nth(0).getByTestId('mention-sentiment')).toHaveAttribute('data-sentiment', 'negative');
  await expect(card.nth(1).getByTestId('mention-sentiment')).toHaveAttribute('data-sentiment', 'negative');
  // The new one was scored negative because of the correction, and says so.
  const corrected = card.locator('[data-testid="mention-sentiment"]:not(:has(.corrected))');
  await expect(corrected).toHaveCount(1);
  await expect(corrected).toHaveAttribute('title', /✎/u);
});
