/**
 * "Scan this page" on a page beyond Veille's sites (a blog at an address no
 * content script matches), in real Chromium:
 *   - Veille holds no permission for it: nothing runs there, and the popup's
 *     Scan button is refused;
 *   - a click on the toolbar icon (CDP Extensions.triggerAction, which grants
 *     activeTab as a real click does) lets the same button inject the generic
 *     adapter once; the blog's brand-naming comments are stored;
 *   - activeTab ends with the page: after a reload nothing runs again.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectedItems, test, type Veille } from './fixtures';

const BLOG = 'https://blog.example.org/2025/acme-degustation.html';
const html = readFileSync(path.join(import.meta.dirname, '../../demo/site/generic.html'), 'utf8');

/** The popup in its own window, about `page` (its tab id passed as `&tab=`, as the reply-assistant spec does). */
async function popupOver(veille: Veille, page: Page): Promise<{ popup: Page; tabId: number }> {
  await page.bringToFront();
  const worker = await veille.worker();
  const tabId = await worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id ?? null);
  expect(tabId).not.toBeNull();
  const opened = veille.context.waitForEvent('page');
  const url = `chrome-extension://${veille.extensionId}/popup.html?url=${encodeURIComponent(BLOG)}&tab=${tabId}`;
  await worker.evaluate((u) => chrome.windows.create({ url: u, type: 'popup', width: 480, height: 700 }), url);
  const popup = await opened;
  await popup.waitForLoadState();
  return { popup, tabId: tabId! };
}

/** A click on Veille's toolbar icon for the tab showing `url` (grants activeTab on it). */
async function clickToolbarIcon(veille: Veille, url: string): Promise<void> {
  const browser = veille.context.browser();
  expect(browser, 'a browser-level CDP session').not.toBeNull();
  const cdp = await browser!.newBrowserCDPSession();
  const { targetInfos } = (await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] })) as { targetInfos: Array<{ targetId: string; url: string }> };
  const tab = targetInfos.find((t) => t.url === url);
  expect(tab, `a tab target at ${url}`).toBeDefined();
  await cdp.send('Extensions.triggerAction', { id: veille.extensionId, targetId: tab!.targetId });
  await cdp.detach();
}

test('Scan this page: refused without activeTab, injects the generic adapter once the toolbar icon was clicked', async ({ veille }) => {
  await veille.context.route('https://blog.example.org/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
  const n = expectedItems('generic').filter((i) => i.namesBrand !== null).length;
  const page = await veille.context.newPage();
  await page.goto(BLOG);
  await expect(page.getByText('Acme', { exact: false }).first()).toBeVisible();

  // No content script matches this address, and Veille has no host permission for it.
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => document.documentElement.getAttribute('data-veille'))).toBeNull();

  const { popup } = await popupOver(veille, page);
  await popup.getByTestId('scan-page').click();
  await expect(popup.getByRole('alert')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.getAttribute('data-veille'))).toBeNull();
  await veille.expectMentionCount(popup, 0);

  // The CM clicks Veille's icon on that tab: activeTab is granted; the popup's Scan now works.
  await clickToolbarIcon(veille, BLOG);
  await popup.getByTestId('scan-page').click();
  await expect(popup.getByRole('status')).toBeVisible();
  await expect.poll(() => page.evaluate(() => document.documentElement.getAttribute('data-veille'))).toBe('generic');
  await veille.expectMentionCount(popup, n);

  // activeTab ends when the tab navigates: after a reload, nothing runs until the CM asks again.
  await page.reload();
  await expect(page.getByText('Acme', { exact: false }).first()).toBeVisible();
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => document.documentElement.getAttribute('data-veille'))).toBeNull();
});
