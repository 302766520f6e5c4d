/**
 * Issue 5, "Reply assistant": the popup asks a tab's content script to put a
 * draft into the site's own reply box (`insertReply`). In real Chromium with
 * the built extension, on each demo page that has a reply editor: the editor's
 * own state (the demo mock's JS state, not the DOM) must equal the draft, and
 * the site's submit button must be enabled. Nothing is posted.
 */
import type { Page } from '@playwright/test';
import { expect, expectedItems, test } from './fixtures';

const DRAFT = "Merci Tom, ravi que le cortado vous ait plu ! L'équipe d'Acme ☕\nÀ très vite à Oberkampf 🙌";

interface Case {
  site: string;
  /** A brand mention on the demo page (its site id); the page's first mention when empty. */
  itemId: string;
  /** The site's submit button for that reply box. */
  submit: string;
  /** The demo editor's kind (window.__demoEditors). */
  kind: 'draft' | 'lexical' | 'plain' | 'quill' | 'textarea' | 'native';
  /** Expected InsertResult. */
  result: { ok: true; method: string; editor: string };
  /** Another draft than DRAFT (one line: Lexical's insertText path). */
  text?: string;
  /** WordPress's submit button is always enabled. */
  submitAlwaysEnabled?: boolean;
}

const CASES: Case[] = [
  // The reply button opens the Draft.js composer in a dialog (sites.md §1).
  { site: 'x', itemId: '1860000000000000003', submit: '[role="dialog"] [data-testid="tweetButton"]', kind: 'draft', result: { ok: true, method: 'paste', editor: 'draft' } },
  // shreddit: the comment's Reply button opens a Lexical composer in the comment (sites.md §5); several lines → paste.
  { site: 'reddit', itemId: 't1_lq1a003', submit: 'shreddit-comment[thingid="t1_lq1a003"] shreddit-composer button[slot="submit-button"]', kind: 'lexical', result: { ok: true, method: 'paste', editor: 'lexical' } },
  // The post: the top-level trigger button becomes the composer; one line → execCommand insertText.
  { site: 'reddit', itemId: 't3_1h0acme', submit: 'shreddit-composer button[slot="submit-button"]', kind: 'lexical', text: "Merci pour l'accueil, l'équipe d'Acme répond à tout ici ☕", result: { ok: true, method: 'insertText', editor: 'lexical' } },
  // The Reply button opens ytd-commentbox with #contenteditable-root in the thread (sites.md §7).
  { site: 'youtube', itemId: 'UgzAcmeDemoT01AaABAg', submit: 'ytd-commentbox #submit-button button', kind: 'plain', result: { ok: true, method: 'insertText', editor: 'contenteditable' } },
  // Modelled on the Trustpilot Business reply box: a React-controlled textarea.
  { site: 'trustpilot', itemId: '', submit: 'form[data-demo-reply] button[type="submit"]', kind: 'textarea', result: { ok: true, method: 'setter', editor: 'textarea' } },
  // The post's Lexical comment box (sites.md §2).
  { site: 'facebook', itemId: 'pfbid0AcmeDemo1', submit: '.demo-fb-send', kind: 'lexical', result: { ok: true, method: 'paste', editor: 'lexical' } },
  // The post's Quill comment box (sites.md §4).
  { site: 'linkedin', itemId: 'urn:li:activity:7267092214579200001', submit: '[data-id="urn:li:activity:7267092214579200001"] .comments-comment-box__submit-button', kind: 'quill', result: { ok: true, method: 'insertText', editor: 'quill' } },
  // The post's React-controlled comment textarea (sites.md §3).
  { site: 'instagram', itemId: 'DAcmeDemo01', submit: '.demo-ig-post', kind: 'textarea', result: { ok: true, method: 'setter', editor: 'textarea' } },
  // TikTok: the comment's "Répondre" points the Draft.js comment box at it (sites.md §8).
  { site: 'tiktok', itemId: '7300030920873075264', submit: '[data-e2e="comment-post"]', kind: 'draft', result: { ok: true, method: 'paste', editor: 'draft' } },
  // WordPress: the comment's "Répondre" link moves #respond under it (sites.md §13).
  { site: 'generic', itemId: 'h150u9kw', submit: '#respond #submit', kind: 'native', submitAlwaysEnabled: true, result: { ok: true, method: 'setter', editor: 'textarea' } },
];

/** The first brand mention's id on a demo page, when the case does not name one. */
function firstMention(site: string): string {
  const item = expectedItems(site).find((i) => i.namesBrand !== null);
  if (!item) throw new Error(`no mention on ${site}`);
  return item.id;
}

/**
 * Send a raw @webext-core/messaging message ({id, type, data, timestamp}; the
 * answer is {res} or {err}) to the demo tab's top frame, from an extension
 * page, as the popup does: the demo tab is brought to the front and found as
 * the active tab (Veille has no "tabs" permission, so tab URLs are hidden).
 */
async function sendToTab(popup: Page, page: Page, type: string, data: unknown): Promise<{ res?: unknown; err?: { message?: string } }> {
  await page.bringToFront();
  return popup.evaluate(
    async ({ type, data }) => {
      const self = await chrome.tabs.getCurrent();
      const tabs = (await chrome.tabs.query({ active: true })).filter((t) => t.id !== self?.id);
      if (tabs.length !== 1 || tabs[0]?.id === undefined) throw new Error(`expected one active demo tab, found ${tabs.length}`);
      const tabId = tabs[0].id;
      const message = { id: 1, type, data, timestamp: Date.now() };
      return new Promise<{ res?: unknown; err?: { message?: string } }>((resolve) => {
        chrome.tabs.sendMessage(tabId, message, { frameId: 0 }, (response: unknown) =>
          resolve(chrome.runtime.lastError ? { err: { message: chrome.runtime.lastError.message } } : (response as { res?: unknown })),
        );
      });
    },
    { type, data },
  );
}

function demoEditors(page: Page) {
  return page.evaluate(() =>
    (window as unknown as { __demoEditors: Array<{ kind: string; text: string; submitEnabled: boolean }> }).__demoEditors
      .filter((e) => e.text !== '')
      .map((e) => ({ kind: e.kind, text: e.text, submitEnabled: e.submitEnabled })),
  );
}

for (const c of CASES) {
  test(`${c.site} ${c.itemId || '(first mention)'}: the draft lands in the site's own editor state and enables its submit button`, async ({ veille }) => {
    const demo = veille.page(c.site);
    const itemId = c.itemId || firstMention(c.site);
    const n = expectedItems(c.site).filter((i) => i.namesBrand !== null).length;
    const page = await veille.context.newPage();
    await page.goto(demo.url);
    const popup = await veille.openPopup(demo.url);
    await veille.expectMentionCount(popup, n);
    // Before: no editor holds text, and the submit button is absent or disabled.
    expect(await demoEditors(page)).toEqual([]);
    if (!c.submitAlwaysEnabled && (await page.locator(c.submit).count()) > 0) await expect(page.locator(c.submit)).toBeDisabled();

    const text = c.text ?? DRAFT;
    const reply = await sendToTab(popup, page, 'insertReply', { site: c.site, itemId, text });
    expect(reply.err).toBeUndefined();
    expect(reply.res).toEqual(c.result);

    // The editor's own state, read in the page: exactly the draft, in one editor.
    expect(await demoEditors(page)).toEqual([{ kind: c.kind, text, submitEnabled: true }]);
    await expect(page.locator(c.submit)).toBeEnabled();
    // Veille never posts: the page still shows the draft and no reply was added.
    expect(await page.evaluate(() => document.title)).not.toMatch(/publi/iu);
  });
}

test('insertReply: bad payloads and senders are refused; an unknown item is {ok:false}', async ({ veille }) => {
  const demo = veille.page('x');
  const n = expectedItems('x').filter((i) => i.namesBrand !== null).length;
  const page = await veille.context.newPage();
  await page.goto(demo.url);
  const popup = await veille.openPopup(demo.url);
  await veille.expectMentionCount(popup, n);

  const bad = await sendToTab(popup, page, 'insertReply', { site: 'x', itemId: '1860000000000000003', text: 'x'.repeat(10_001) });
  expect(bad.err?.message).toMatch(/Refused insertReply: text/u);
  const noText = await sendToTab(popup, page, 'insertReply', { site: 'x', itemId: '1860000000000000003' });
  expect(noText.err?.message).toMatch(/Refused insertReply: text/u);
  const otherSite = await sendToTab(popup, page, 'insertReply', { site: 'reddit', itemId: '1860000000000000003', text: 'ok' });
  expect(otherSite.err?.message).toMatch(/Refused insertReply: site/u);
  const unknown = await sendToTab(popup, page, 'insertReply', { site: 'x', itemId: '1860000000000099999', text: 'ok' });
  expect(unknown.res).toEqual({ ok: false, reason: 'item-not-found' });

  // Nothing was typed anywhere, and no reply dialog opened.
  expect(await demoEditors(page)).toEqual([]);
  await expect(page.locator('[role="dialog"]')).toHaveCount(0);
});

test('the demo editors are meaningful: DOM edits and plain value assignments do not register', async ({ veille }) => {
  const page = await veille.context.newPage();
  await page.goto(veille.page('x').url);
  // X's inline Draft.js composer: a direct DOM edit is reverted and leaves the state empty.
  await page.evaluate(() => {
    const box = document.querySelector('[data-testid="tweetTextarea_0"]')!;
    box.textContent = 'typed into the DOM';
    box.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await expect(page.locator('[data-testid="tweetTextarea_0"]')).not.toContainText('typed into the DOM');
  await expect(page.getByTestId('tweetButtonInline')).toBeDisabled();
  expect(await demoEditors(page)).toEqual([]);

  await page.goto(veille.page('trustpilot').url);
  // The React-controlled textarea: el.value = … then input is ignored (React's value tracker).
  await page.locator('[data-demo-reply-button]').first().click();
  await page.evaluate(() => {
    const ta = document.querySelector('form[data-demo-reply] textarea') as HTMLTextAreaElement;
    ta.value = 'assigned';
    ta.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await expect(page.locator('form[data-demo-reply] textarea')).toHaveValue('');
  await expect(page.locator('form[data-demo-reply] button[type="submit"]')).toBeDisabled();
  expect(await demoEditors(page)).toEqual([]);
});
