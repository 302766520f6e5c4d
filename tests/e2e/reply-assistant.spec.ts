/**
 * Issue 5 end to end, through the popup as the CM uses it: on a demo page,
 * select a mention, take a suggestion (arrow keys), insert it (Enter), and
 * read it back from the page's reply box as the site's editor holds it (the
 * demo mock's own state, window.__demoEditors), with the site's submit button
 * enabled. The popup runs in its own window over the demo tab, as the real
 * toolbar popup does, so the demo tab stays the active tab of its window.
 */
import type { Page } from '@playwright/test';
import { expect, test, type Veille } from './fixtures';

interface Case {
  site: string;
  /** The mention's key (`site:itemId`). */
  key: string;
  /** The language the suggestions should be in (the mention's). */
  lang: 'fr' | 'en';
}

const CASES: Case[] = [
  { site: 'x', key: 'x:1860000000000000003', lang: 'en' },
  { site: 'reddit', key: 'reddit:t1_lq1a003', lang: 'fr' },
  { site: 'youtube', key: 'youtube:UgzAcmeDemoT01AaABAg', lang: 'fr' },
  { site: 'trustpilot', key: '', lang: 'fr' },
  { site: 'facebook', key: 'facebook:pfbid0AcmeDemo1', lang: 'fr' },
  { site: 'linkedin', key: 'linkedin:urn:li:activity:7267092214579200001', lang: 'fr' },
  { site: 'instagram', key: 'instagram:DAcmeDemo01', lang: 'fr' },
  { site: 'generic', key: 'generic:h150u9kw', lang: 'fr' },
  { site: 'tiktok', key: 'tiktok:7300030920873075264', lang: 'fr' },
];

/** The popup in its own window, about `page` (its tab id passed as `&tab=`). */
async function popupOver(veille: Veille, page: Page, url: string): Promise<Page> {
  await page.bringToFront();
  const worker = await veille.worker();
  const tabId = await worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id ?? null;
  });
  expect(tabId).not.toBeNull();
  const popupUrl = `chrome-extension://${veille.extensionId}/popup.html?url=${encodeURIComponent(url)}&tab=${tabId}`;
  const opened = veille.context.waitForEvent('page');
  await worker.evaluate((u) => chrome.windows.create({ url: u, type: 'popup', width: 480, height: 700 }), popupUrl);
  const popup = await opened;
  await popup.waitForLoadState();
  return popup;
}

function editorStates(page: Page) {
  return page.evaluate(() =>
    (window as unknown as { __demoEditors: Array<{ kind: string; text: string; submitEnabled: boolean }> }).__demoEditors
      .filter((e) => e.text !== '')
      .map((e) => ({ kind: e.kind, text: e.text, submitEnabled: e.submitEnabled })),
  );
}

const squash = (s: string) => s.replace(/\s+/gu, ' ').trim();

for (const c of CASES) {
  test(`${c.site}: select a mention, take a suggestion, insert it; the site's editor holds it`, async ({ veille }) => {
    const demo = veille.page(c.site);
    const page = await veille.context.newPage();
    await page.goto(demo.url);
    await expect.poll(() => veille.storedCount()).toBeGreaterThan(0);
    const popup = await popupOver(veille, page, demo.url);

    const card = c.key ? popup.locator(`[data-testid="mention"][data-key="${c.key}"]`) : popup.getByTestId('mention').first();
    await expect(card).toBeVisible();
    await card.getByTestId('open-reply').click();
    const panel = popup.getByTestId('reply-panel');
    await expect(panel.getByTestId('suggestion').first()).toBeVisible();
    const n = await panel.getByTestId('suggestion').count();
    expect(n).toBeGreaterThanOrEqual(1);
    expect(n).toBeLessThanOrEqual(3);

    // Keyboard: the list takes arrows; the draft follows the chosen suggestion.
    const list = panel.getByTestId('suggestions');
    await list.focus();
    if (n > 1) {
      await popup.keyboard.press('ArrowDown');
      await expect(panel.getByTestId('suggestion').nth(1)).toHaveAttribute('aria-selected', 'true');
      await popup.keyboard.press('ArrowUp');
    }
    await expect(panel.getByTestId('suggestion').first()).toHaveAttribute('aria-selected', 'true');
    const draft = await panel.getByTestId('draft').inputValue();
    expect(draft.length).toBeGreaterThan(10);
    expect(draft).not.toMatch(/\{(author|handle|brand|agent)\}/u); // filled from the mention and the settings
    // The suggestion is in the mention's language.
    if (c.lang === 'fr') expect(draft).toMatch(/[àâçéèêëîôûù]|merci|nous|vous/iu);
    else expect(draft).toMatch(/\b(we|you|thanks|thank)\b/iu);

    await list.focus();
    await popup.keyboard.press('Enter');
    await expect(panel.getByTestId('reply-outcome')).toHaveAttribute('data-outcome', 'inserted');

    // Read it back from the site's editor state (not the DOM), and its submit button is enabled.
    await expect.poll(async () => (await editorStates(page)).map((e) => squash(e.text))).toContain(squash(draft));
    const state = (await editorStates(page)).find((e) => squash(e.text) === squash(draft))!;
    if (c.site !== 'generic') expect(state.submitEnabled).toBe(true);

    // Marking it replied records when (the KPIs' time to reply).
    await panel.getByTestId('mark-replied').click();
    await expect(card.getByTestId('mention-status')).toHaveAttribute('data-status', 'replied');
  });
}

for (const site of ['google-maps', 'tripadvisor', 'amazon']) {
  test(`${site}: no public reply box, so "Insert" copies the draft to the clipboard`, async ({ veille }) => {
    const demo = veille.page(site);
    const page = await veille.context.newPage();
    await page.goto(demo.url);
    await expect.poll(() => veille.storedCount()).toBeGreaterThan(0);
    const popup = await popupOver(veille, page, demo.url);
    await popup.getByTestId('mention').first().getByTestId('open-reply').click();
    const panel = popup.getByTestId('reply-panel');
    await expect(panel.getByTestId('suggestion').first()).toBeVisible();
    const draft = await panel.getByTestId('draft').inputValue();
    await panel.getByTestId('insert-reply').click();
    await expect(panel.getByTestId('reply-outcome')).toHaveAttribute('data-outcome', 'copied');
    // Read the clipboard back as the CM would: paste it into a text box on the page.
    await page.bringToFront();
    await page.evaluate(() => document.body.append(Object.assign(document.createElement('textarea'), { id: 'paste-here' })));
    await page.locator('#paste-here').focus();
    await page.keyboard.press('ControlOrMeta+V');
    await expect(page.locator('#paste-here')).toHaveValue(draft);
  });
}

test('the popup opens on the mention the CM is on (keyboard focus, as with X’s j/k)', async ({ veille }) => {
  const demo = veille.page('x');
  const page = await veille.context.newPage();
  await page.goto(demo.url);
  await expect.poll(() => veille.storedCount()).toBeGreaterThan(0);
  // Focus the third post, as X's "j" does (articles are focusable).
  await page.locator('article[data-testid="tweet"]').nth(2).focus();
  const popup = await popupOver(veille, page, demo.url);
  const panel = popup.getByTestId('reply-panel');
  await expect(panel).toBeVisible();
  await expect(panel.locator('.quoted')).toContainText('cortado');
  // The Back button returns to the list.
  await panel.getByTestId('reply-back').click();
  await expect(popup.getByTestId('mention').first()).toBeVisible();
});

test.describe('in French', () => {
  test.use({ veilleLang: 'fr' });
  test('the reply panel passes axe checks and speaks French; lint findings offer their fix', async ({ veille }) => {
  const demo = veille.page('x');
  const page = await veille.context.newPage();
  await page.goto(demo.url);
  await expect.poll(() => veille.storedCount()).toBeGreaterThan(0);
  const popup = await popupOver(veille, page, demo.url);
  await popup.getByTestId('mention').first().getByTestId('open-reply').click();
  const panel = popup.getByTestId('reply-panel');
  await expect(panel.getByTestId('suggestion').first()).toBeVisible();
  await expect(panel.getByTestId('insert-reply')).toHaveText('Insérer dans la zone de réponse');
  // A banned word and shouting: each finding says why and offers a fix.
  const draft = panel.getByTestId('draft');
  await draft.fill(`${await draft.inputValue()} Malheureusement c'est un PROBLÈME URGENT !!!`);
  await expect(panel.getByTestId('finding').first()).toBeVisible();
  const before = await panel.getByTestId('finding').count();
  const fixable = panel.getByTestId('finding').filter({ has: popup.getByTestId('apply-fix') });
  await fixable.first().getByTestId('apply-fix').click();
  await expect.poll(() => panel.getByTestId('finding').count()).toBeLessThan(before);
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  const axe = await new AxeBuilder({ page: popup }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
});
});
