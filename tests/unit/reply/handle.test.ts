// @vitest-environment happy-dom
import { beforeEach, describe, expect, test } from 'vitest';
import * as v from 'valibot';
import { insertReplySchema } from '../../../lib/messaging/guards';
import { findItemElement, handleFocusedItem, handleInsertReply, type InsertReplyContext } from '../../../lib/reply/handle';
import type { SiteAdapter } from '../../../lib/sites/types';

const ID = 'abcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const POPUP = { id: ID, url: `${ORIGIN}popup.html` };

/** <div class="post" data-id> with a textarea reply box, or none (data-noreply). */
const adapter: SiteAdapter = {
  id: 'generic',
  label: 'Test',
  matches: ['http://localhost/*'],
  isSupportedPage: () => true,
  itemSelector: 'div.post',
  extractItem: (el) => ({
    site: 'generic',
    id: el.getAttribute('data-id') ?? '',
    kind: 'comment',
    text: el.querySelector('p')?.textContent ?? '',
    author: null,
    handle: null,
    permalink: null,
    timestamp: null,
    rating: null,
  }),
  findReplyBox: (el) => el.querySelector('textarea'),
  testUrls: [],
};
const ctx = (): InsertReplyContext => ({ adapter, doc: document, extensionId: ID, extensionOrigin: ORIGIN, timeoutMs: 100 });

beforeEach(() => {
  document.body.replaceChildren();
  for (const id of ['1', '2']) {
    const div = document.createElement('div');
    div.className = 'post';
    div.dataset.id = id;
    div.append(Object.assign(document.createElement('p'), { textContent: `post ${id}` }));
    if (id === '2') div.append(document.createElement('textarea'));
    document.body.append(div);
  }
});

test('the item is found by re-reading the page through the adapter', () => {
  expect(findItemElement(adapter, document, '2')?.getAttribute('data-id')).toBe('2');
  expect(findItemElement(adapter, document, '3')).toBeNull();
});

test('inserts into the item’s reply box', async () => {
  const res = await handleInsertReply({ site: 'generic', itemId: '2', text: 'Merci !' }, POPUP, ctx());
  expect(res).toEqual({ ok: true, method: 'setter', editor: 'textarea' });
  expect(document.querySelector('textarea')!.value).toBe('Merci !');
});

test('unknown item → item-not-found; no reply box → no-reply-box', async () => {
  expect(await handleInsertReply({ site: 'generic', itemId: '9', text: 'x' }, POPUP, ctx())).toEqual({ ok: false, reason: 'item-not-found' });
  expect(await handleInsertReply({ site: 'generic', itemId: '1', text: 'x' }, POPUP, ctx())).toEqual({ ok: false, reason: 'no-reply-box' });
});

test.each([
  ['a web page (content script)', { id: ID, url: 'https://x.com/a', tab: { id: 3 } }],
  ['another extension', { id: 'other', url: 'chrome-extension://other/popup.html' }],
  ['no sender id', { url: `${ORIGIN}popup.html` }],
])('refused sender: %s', async (_, sender) => {
  await expect(handleInsertReply({ site: 'generic', itemId: '2', text: 'x' }, sender, ctx())).rejects.toThrow(/not from an extension page/u);
  expect(document.querySelector('textarea')!.value).toBe('');
});

test('a popup page opened in a tab is an extension page (sender.tab is set there too)', async () => {
  const res = await handleInsertReply({ site: 'generic', itemId: '2', text: 'ok' }, { ...POPUP, tab: { id: 5, url: `${ORIGIN}popup.html` } }, ctx());
  expect(res.ok).toBe(true);
});

test.each([
  [{ site: 'generic', itemId: '2' }, /text/u],
  [{ site: 'generic', itemId: '2', text: '   ' }, /text: the draft is empty/u],
  [{ site: 'generic', itemId: '2', text: 'a'.repeat(10_001) }, /text/u],
  [{ site: 'generic', itemId: 'x'.repeat(601), text: 'ok' }, /itemId/u],
  [{ site: 'myspace', itemId: '2', text: 'ok' }, /site/u],
  [{ site: 'x', itemId: '2', text: 'ok' }, /site: this page is generic/u],
  ['hello', /Refused insertReply/u],
])('refused payload %#', async (data, message) => {
  await expect(handleInsertReply(data, POPUP, ctx())).rejects.toThrow(message);
  expect(document.querySelector('textarea')!.value).toBe('');
});

test('schema: 10,000 characters and a 600-character id pass', () => {
  expect(v.safeParse(insertReplySchema, { site: 'x', itemId: 'i'.repeat(600), text: 'é'.repeat(10_000) }).success).toBe(true);
});

describe('focusedItem: the item the CM is on', () => {
  test('the item holding the focused element; then the selection; else null', () => {
    expect(handleFocusedItem(POPUP, ctx())).toBeNull();
    (document.querySelector('div.post[data-id="2"] textarea') as HTMLTextAreaElement).focus();
    expect(handleFocusedItem(POPUP, ctx())).toEqual({ site: 'generic', itemId: '2' });
    (document.activeElement as HTMLElement).blur();
    const p = document.querySelector('div.post[data-id="1"] p')!;
    const range = document.createRange();
    range.selectNodeContents(p);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    expect(handleFocusedItem(POPUP, ctx())).toEqual({ site: 'generic', itemId: '1' });
    document.getSelection()!.removeAllRanges();
  });
  test('a web page or a content script is refused', () => {
    expect(() => handleFocusedItem({ id: ID, url: 'https://evil.example/' }, ctx())).toThrow('Refused focusedItem');
    expect(() => handleFocusedItem({ id: 'other', url: 'chrome-extension://other/popup.html' }, ctx())).toThrow('Refused focusedItem');
  });
});
