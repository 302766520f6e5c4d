/** Every runtime message is checked: wrong senders and wrong shapes are refused and change nothing. */
import { expect, expectedItems, test } from './fixtures';

test('refused messages change nothing', async ({ veille }) => {
  const demo = veille.page('x');
  const n = expectedItems('x').filter((i) => i.namesBrand !== null).length;
  const page = await veille.context.newPage();
  await page.goto(demo.url);
  const popup = await veille.openPopup(demo.url);
  await veille.expectMentionCount(popup, n);

  const send = (message: unknown) =>
    popup.evaluate(
      (m) =>
        new Promise<unknown>((resolve) => {
          chrome.runtime.sendMessage(m, (res) => resolve(chrome.runtime.lastError ? { lastError: chrome.runtime.lastError.message } : res));
        }),
      message,
    );
  const base = { id: 1, timestamp: Date.now() };
  // reportItems from an extension page: wrong sender.
  const r1 = (await send({ ...base, type: 'reportItems', data: { items: [{ site: 'x', id: '1' }] } })) as { err?: { message?: string } };
  expect(r1.err?.message).toMatch(/not from a content script/u);
  // A status that does not exist.
  const key = await popup.getByTestId('mention').first().getAttribute('data-key');
  const r2 = (await send({ ...base, type: 'setMentionStatus', data: { key, status: 'deleted' } })) as { err?: { message?: string } };
  expect(r2.err?.message).toMatch(/Refused setMentionStatus: status/u);
  // An unknown key.
  const r3 = (await send({ ...base, type: 'setMentionStatus', data: { key: 'x:nope', status: 'done' } })) as { err?: { message?: string } };
  expect(r3.err?.message).toMatch(/Unknown mention/u);
  // Not our format at all, and an unknown type: ignored (and logged by the worker).
  await send({ hello: 'world' });
  await send({ ...base, type: 'dropDatabase', data: {} });

  expect(await veille.storedCount()).toBe(n);
  await expect(popup.locator('[data-status="new"]')).toHaveCount(n);
  expect(await veille.badgeText()).toBe('');
});
