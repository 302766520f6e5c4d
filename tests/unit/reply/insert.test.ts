// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { editorKind, insertReply } from '../../../lib/reply/insert';

const DRAFT = "Bonjour Camille, merci pour l'avis ! On s'améliore ☕\nÀ bientôt chez Acme";

afterEach(() => {
  document.body.replaceChildren();
});

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, parent: Element = document.body): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  parent.append(e);
  return e;
}

/**
 * A React-like controlled textarea: the state changes only through `input`
 * events, and React's value tracker (a `value` property on the instance)
 * makes a plain `el.value = …` invisible to the next `input` event.
 */
function controlledTextarea(parent: Element = document.body) {
  const ta = el('textarea', {}, parent);
  const proto = Object.getPrototypeOf(ta) as object;
  let desc: PropertyDescriptor | undefined;
  for (let p: object | null = proto; p && !desc; p = Object.getPrototypeOf(p)) desc = Object.getOwnPropertyDescriptor(p, 'value');
  let tracked = '';
  const state = { text: '' };
  Object.defineProperty(ta, 'value', {
    configurable: true,
    get: () => desc!.get!.call(ta) as string,
    set: (v: string) => {
      tracked = v;
      desc!.set!.call(ta, v);
    },
  });
  ta.addEventListener('input', () => {
    const now = desc!.get!.call(ta) as string;
    if (now !== tracked) {
      tracked = now;
      state.text = now;
    }
    desc!.set!.call(ta, state.text); // controlled: the DOM shows the state
  });
  return { ta, state };
}

/** A Draft-like editor: text only through paste, DOM re-rendered from the state, direct edits ignored. */
function pasteOnlyEditor(parent: Element = document.body) {
  const root = el('div', { class: 'DraftEditor-root' }, parent);
  const editor = el('div', { class: 'public-DraftEditor-content', contenteditable: 'true', role: 'textbox' }, root);
  const state = { text: '' };
  const render = () => {
    editor.replaceChildren(...state.text.split('\n').map((line) => Object.assign(document.createElement('div'), { textContent: line })));
  };
  editor.addEventListener('paste', (e) => {
    e.preventDefault();
    state.text += (e as ClipboardEvent).clipboardData?.getData('text/plain') ?? '';
    render();
  });
  editor.addEventListener('input', render);
  return { editor, state };
}

describe('insertReply into a textarea', () => {
  test('React-controlled: the native setter plus an input event reach the state', async () => {
    const { ta, state } = controlledTextarea();
    const res = await insertReply(ta, DRAFT);
    expect(res).toEqual({ ok: true, method: 'setter', editor: 'textarea' });
    expect(state.text).toBe(DRAFT);
    expect(ta.value).toBe(DRAFT);
  });

  test('the controlled mock does ignore a plain value assignment (the reason for the setter)', () => {
    const { ta, state } = controlledTextarea();
    ta.value = 'x';
    ta.dispatchEvent(new Event('input', { bubbles: true }));
    expect(state.text).toBe('');
    expect(ta.value).toBe('');
  });

  test('text already in the box is kept; the draft follows it', async () => {
    const { ta, state } = controlledTextarea();
    // The site prefilled a mention (as a user edit would: the native value, then input).
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(ta, '@camille');
    ta.dispatchEvent(new InputEvent('input', { bubbles: true }));
    expect(state.text).toBe('@camille');
    const res = await insertReply(ta, 'merci !');
    expect(res.ok).toBe(true);
    expect(ta.value).toBe('@camille merci !');
    expect(state.text).toBe(ta.value);
  });

  test('a draft that looks like markup stays text', async () => {
    const { ta } = controlledTextarea();
    const res = await insertReply(ta, '<img src=x onerror=alert(1)>');
    expect(res.ok).toBe(true);
    expect(ta.value).toBe('<img src=x onerror=alert(1)>');
    expect(document.querySelector('img')).toBeNull();
  });
});

describe('insertReply into a rich editor', () => {
  test('Draft.js: a synthetic paste carries the text, line breaks included', async () => {
    const { editor, state } = pasteOnlyEditor();
    const res = await insertReply(editor, DRAFT);
    expect(res).toEqual({ ok: true, method: 'paste', editor: 'draft' });
    expect(state.text).toBe(DRAFT);
  });

  test('no HTML injection: a draft "<img src=x onerror=alert(1)>" ends up as text', async () => {
    const { editor, state } = pasteOnlyEditor();
    const draft = '<img src=x onerror=alert(1)>';
    const res = await insertReply(editor, draft);
    expect(res.ok).toBe(true);
    expect(state.text).toBe(draft);
    expect(editor.querySelector('img')).toBeNull();
    expect(editor.textContent).toBe(draft);
  });

  test('an editor that takes nothing: {ok:false, reason:"not-registered"} (the popup copies instead)', async () => {
    const editor = el('div', { contenteditable: 'true' });
    const res = await insertReply(editor, DRAFT);
    expect(res).toEqual({ ok: false, reason: 'not-registered' });
  });

  test('an editor that changes without holding the draft stops the chain: "unverified"', async () => {
    const editor = el('div', { contenteditable: 'true', 'data-lexical-editor': 'true' });
    let pastes = 0;
    editor.addEventListener('paste', (e) => {
      e.preventDefault();
      pastes++;
      editor.textContent = 'something else';
    });
    const res = await insertReply(editor, 'deux\nlignes');
    expect(res).toEqual({ ok: false, reason: 'unverified' });
    expect(pastes).toBe(1);
  });
});

describe('a reply button that opens the editor', () => {
  test('click, wait for the editor to appear in a dialog, then insert', async () => {
    const item = el('article');
    const button = el('button', { 'aria-label': 'Répondre' }, item);
    let state: { text: string } | null = null;
    button.addEventListener('click', () => {
      setTimeout(() => {
        const dialog = el('div', { role: 'dialog' });
        state = pasteOnlyEditor(dialog).state;
      }, 50);
    });
    // An editor already on the page is not the one that opened.
    pasteOnlyEditor();
    const res = await insertReply(button, DRAFT, { item });
    expect(res).toEqual({ ok: true, method: 'paste', editor: 'draft' });
    expect(state!.text).toBe(DRAFT);
  });

  test('a container: its reply button is clicked, the editor opens inside the item', async () => {
    const item = el('div', { class: 'comment' });
    const row = el('div', { class: 'action-row' }, item);
    el('button', {}, row).textContent = 'Partager';
    const reply = el('button', {}, row);
    reply.textContent = 'Répondre';
    let ta: HTMLTextAreaElement | null = null;
    let state: { text: string } | null = null;
    reply.addEventListener('click', () => {
      ({ ta, state } = controlledTextarea(item));
    });
    const res = await insertReply(row, 'Merci 🙏', { item });
    expect(res).toEqual({ ok: true, method: 'setter', editor: 'textarea' });
    expect(ta!.value).toBe('Merci 🙏');
    expect(state!.text).toBe('Merci 🙏');
  });

  test('a link opener is clicked but never followed', async () => {
    const a = el('a', { href: 'https://example.com/?replytocom=1#respond' });
    a.textContent = 'Reply';
    let prevented: boolean | null = null;
    a.addEventListener('click', () => {
      controlledTextarea();
    });
    window.addEventListener('click', (e) => queueMicrotask(() => (prevented = e.defaultPrevented)), { once: true });
    const res = await insertReply(a, 'ok');
    expect(res.ok).toBe(true);
    expect(prevented).toBe(true);
    expect(location.href).not.toContain('replytocom');
  });

  test('nothing opens: {ok:false, reason:"no-editor"} after the timeout', async () => {
    const button = el('button');
    button.textContent = 'Reply';
    const t0 = Date.now();
    const res = await insertReply(button, DRAFT, { timeoutMs: 150 });
    expect(res).toEqual({ ok: false, reason: 'no-editor' });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
  });

  test('a container without any button or editor: no-editor at once', async () => {
    const div = el('div');
    expect(await insertReply(div, DRAFT)).toEqual({ ok: false, reason: 'no-editor' });
  });

  test('a blank draft is refused', async () => {
    const { ta } = controlledTextarea();
    expect(await insertReply(ta, ' \n\u200b ')).toEqual({ ok: false, reason: 'not-registered' });
  });
});

test.each([
  ['<textarea></textarea>', 'textarea'],
  ['<input>', 'textarea'],
  ['<div class="DraftEditor-root"><div class="public-DraftEditor-content" contenteditable="true"></div></div>', 'draft'],
  ['<div data-testid="tweetTextarea_0" contenteditable="true"></div>', 'draft'],
  ['<div contenteditable="true" role="textbox" data-lexical-editor="true"></div>', 'lexical'],
  ['<div class="ql-editor" contenteditable="true"></div>', 'quill'],
  ['<div id="contenteditable-root" contenteditable="true"></div>', 'contenteditable'],
] as const)('editorKind(%s) = %s', (html, kind) => {
  const host = document.createElement('div');
  // Test markup written here, not page text.
  host.insertAdjacentHTML('afterbegin', html);
  const editor = host.querySelector('textarea, input, [contenteditable]')!;
  expect(editorKind(editor)).toBe(kind);
});
