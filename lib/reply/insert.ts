/**
 * Put the CM's draft into a site's own reply box, so that the site's editor
 * registers it (its internal state, not only the DOM). Veille never posts:
 * the CM presses the site's own button. Runs in the content script; no
 * dependencies. Techniques per editor: /work/shared/sites.md §0.4.
 *
 *   target (adapter.findReplyBox)
 *     ├─ an editor, or a container holding one ─────────────────────────┐
 *     └─ a button/link (or a container holding one): click it, then     │
 *        wait for the editor (MutationObserver + focusin + timeout):    │
 *        a new editor, preferring the focused one, one in a dialog,     │
 *        one in the item, the first after the button                   │
 *   editor kind ◀───────────────────────────────────────────────────────┘
 *     textarea/input  → native value setter + input → execCommand insertText
 *     Draft.js        → synthetic paste (text/plain)   (insertText only on a non-empty editor)
 *     Lexical         → one line: insertText → paste; several lines: paste → insertText
 *     Quill, other contenteditable → insertText → paste
 *   after each method: let the page settle, read back, verify. A method that
 *   changed nothing hands over to the next; one that changed the box without
 *   the draft in it stops the chain (trying more would duplicate text).
 *
 * Never sets innerHTML (the draft stays text), never submits.
 */

export type EditorKind = 'textarea' | 'draft' | 'lexical' | 'quill' | 'contenteditable';
export type InsertMethod = 'paste' | 'insertText' | 'setter';
/**
 * - `item-not-found`: no item on the page has that id (reported by the content script).
 * - `no-reply-box`: the site has no reply box for this item.
 * - `no-editor`: the reply box did not open (no editor within the timeout).
 * - `not-registered`: every method left the editor unchanged.
 * - `unverified`: the editor changed but does not hold the draft; the chain stopped there.
 */
export type InsertFailure = 'item-not-found' | 'no-reply-box' | 'no-editor' | 'not-registered' | 'unverified';
export type InsertResult = { ok: true; method: InsertMethod; editor: EditorKind } | { ok: false; reason: InsertFailure };

export interface InsertOptions {
  /** How long to wait for the editor once the reply button is clicked (ms). @default 3000 */
  timeoutMs?: number;
  /** The item the reply is for: an editor that opens inside it is preferred. */
  item?: Element;
}

const EDITABLE = '[contenteditable]:not([contenteditable="false"])';
const EDITOR = `textarea, input[type="text"], input:not([type]), ${EDITABLE}`;
const CLICKABLE = 'button, a[href], [role="button"], summary';
const REPLY_WORD = /\b(?:reply|comment)|répon|comment/iu;
/** Time given to the page's editor to react to an event before reading back (ms). */
const SETTLE_MS = 30;

type Win = Window & typeof globalThis;
type ValueEditor = HTMLTextAreaElement | HTMLInputElement;

const winOf = (el: Element) => el.ownerDocument.defaultView as Win;
const isValueEditor = (el: Element): el is ValueEditor => el.localName === 'textarea' || el.localName === 'input';

/** Elements matching `selector` in `root`, including open shadow roots below it. */
function queryDeep(root: ParentNode, selector: string): Element[] {
  const found = [...root.querySelectorAll(selector)];
  for (const el of root.querySelectorAll('*')) if (el.shadowRoot) found.push(...queryDeep(el.shadowRoot, selector));
  return found;
}

/** The editor an element belongs to: a usable textarea/input, or the outermost contenteditable. */
function editorOf(el: Element | null): Element | null {
  if (!el) return null;
  if (isValueEditor(el)) return el.disabled || el.readOnly ? null : el;
  let top = el.closest(EDITABLE);
  while (top?.parentElement?.closest(EDITABLE)) top = top.parentElement.closest(EDITABLE);
  return top;
}

function editorsIn(root: ParentNode): Element[] {
  return [...new Set(queryDeep(root, EDITOR).map(editorOf).filter((e): e is Element => e !== null))];
}

export function editorKind(editor: Element): EditorKind {
  if (isValueEditor(editor)) return 'textarea';
  if (editor.matches('.public-DraftEditor-content, [data-testid^="tweetTextarea_"]') || editor.closest('.DraftEditor-root')) return 'draft';
  if (editor.getAttribute('data-lexical-editor') === 'true') return 'lexical';
  if (editor.classList.contains('ql-editor')) return 'quill';
  return 'contenteditable';
}

/** The focused element, looking into open shadow roots. */
function deepActive(doc: Document): Element | null {
  let a = doc.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

/** A button/link to click: the target itself, or the one reply-like (or only) button inside it. */
function openerOf(target: Element): HTMLElement | null {
  if (target.matches(CLICKABLE)) return target as HTMLElement;
  const buttons = queryDeep(target, CLICKABLE) as HTMLElement[];
  if (buttons.length === 1) return buttons[0]!;
  const named = buttons.find((b) => REPLY_WORD.test(`${b.textContent ?? ''} ${b.getAttribute('aria-label') ?? ''}`));
  if (named) return named;
  // A plain element that says "Reply" and acts as a button through the site's
  // own click handler (TikTok's <span data-e2e="comment-reply-1">Répondre</span>).
  if (buttons.length === 0 && REPLY_WORD.test(`${target.textContent ?? ''} ${target.getAttribute('aria-label') ?? ''}`)) return target as HTMLElement;
  return null;
}

function precedes(a: Element, b: Element): boolean {
  return (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
}

/**
 * Click the opener, but never let the browser follow a link or submit a form:
 * only the site's own handlers may act (they run before this listener, which
 * is the last one on the window).
 */
function clickOpener(opener: HTMLElement): void {
  const win = winOf(opener);
  const noNavigation = (e: Event) => {
    const t = e.target as Element | null;
    if (t?.closest?.('a[href], form button:not([type="button"]), input[type="submit"]')) e.preventDefault();
  };
  win.addEventListener('click', noNavigation, { once: true });
  opener.click();
  win.removeEventListener('click', noNavigation);
}

/** Click the opener, then wait for the editor it opens. */
function openEditor(opener: HTMLElement, item: Element | undefined, timeoutMs: number): Promise<Element | null> {
  const doc = opener.ownerDocument;
  const win = winOf(opener);
  const before = new Set(editorsIn(doc));
  let focused: Element | null = null;
  return new Promise((resolve) => {
    const pick = (): Element | null => {
      const fresh = editorsIn(doc).filter((e) => !before.has(e));
      const active = editorOf(deepActive(doc));
      return (
        fresh.find((e) => e === active) ??
        fresh.find((e) => e.closest('[role="dialog"]')) ??
        fresh.find((e) => item?.contains(e)) ??
        fresh.find((e) => precedes(opener, e)) ??
        fresh[0] ??
        // The button focused an editor that was already there (one comment box per post).
        (focused && focused === active ? focused : null)
      );
    };
    let done = false;
    const finish = (editor: Element | null) => {
      if (done) return;
      done = true;
      observer.disconnect();
      doc.removeEventListener('focusin', onFocus, true);
      win.clearTimeout(timer);
      win.clearInterval(poll);
      resolve(editor);
    };
    const check = () => {
      const editor = pick();
      if (editor) finish(editor);
    };
    const onFocus = (e: Event) => {
      focused = editorOf((e.composedPath()[0] as Element | undefined) ?? null);
      check();
    };
    const observer = new win.MutationObserver(check);
    observer.observe(doc, { childList: true, subtree: true, attributes: true, attributeFilter: ['contenteditable', 'hidden', 'disabled'] });
    doc.addEventListener('focusin', onFocus, true);
    // Mutations inside shadow roots are not observed: look again now and then.
    const poll = win.setInterval(check, 200);
    const timer = win.setTimeout(() => finish(null), timeoutMs);
    clickOpener(opener);
    check();
  });
}

/** Focus the editor and put the caret at its end. */
function focusEnd(editor: Element): void {
  (editor as HTMLElement).focus();
  if (isValueEditor(editor)) {
    const end = editor.value.length;
    editor.setSelectionRange?.(end, end);
    return;
  }
  const sel = winOf(editor).getSelection();
  if (!sel) return;
  const range = editor.ownerDocument.createRange();
  range.selectNodeContents(editor);
  range.collapse(false);
  sel.removeAllRanges();
  sel.addRange(range);
}

function setValue(editor: ValueEditor, text: string): void {
  // React tracks the value on the instance; the prototype's setter bypasses the
  // tracker, so the `input` event that follows is seen as a change (sites.md §0.4).
  let proto: object | null = Object.getPrototypeOf(editor);
  let setter: ((v: string) => void) | undefined;
  while (proto && !setter) {
    setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
    proto = Object.getPrototypeOf(proto);
  }
  const current = editor.value;
  const next = current && !/\s$/u.test(current) ? `${current} ${text}` : current + text;
  if (setter) setter.call(editor, next);
  else editor.value = next;
  const win = winOf(editor);
  editor.dispatchEvent(new win.Event('input', { bubbles: true, composed: true }));
  editor.dispatchEvent(new win.Event('change', { bubbles: true }));
}

function paste(editor: Element, text: string): void {
  const win = winOf(editor);
  const data = new win.DataTransfer();
  data.setData('text/plain', text);
  editor.dispatchEvent(new win.ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true }));
}

function apply(method: InsertMethod, editor: Element, text: string): void {
  focusEnd(editor);
  try {
    if (method === 'setter' && isValueEditor(editor)) setValue(editor, text);
    else if (method === 'paste') paste(editor, text);
    else if (method === 'insertText') editor.ownerDocument.execCommand('insertText', false, text);
  } catch {
    // An editor or a browser without this path: the read-back decides.
  }
}

/** Text with every space, line break and zero-width character removed: editors lay lines out as blocks. */
const squash = (s: string) => s.normalize('NFC').replace(/[\s\u200b-\u200d\u2060\ufeff]+/gu, '');
const readBack = (editor: Element) => squash(isValueEditor(editor) ? editor.value : (editor.textContent ?? ''));
function occurrences(hay: string, needle: string): number {
  let n = 0;
  for (let i = hay.indexOf(needle); i !== -1; i = hay.indexOf(needle, i + needle.length)) n++;
  return n;
}

function methodsFor(kind: EditorKind, text: string, editor: Element): InsertMethod[] {
  switch (kind) {
    case 'textarea':
      return ['setter', 'insertText'];
    case 'draft':
      // insertText on an empty Draft editor duplicates or corrupts its state (sites.md §0.4).
      return readBack(editor) ? ['paste', 'insertText'] : ['paste'];
    case 'lexical':
      // insertText flattens line breaks; Lexical's own paste handler keeps them.
      return text.includes('\n') ? ['paste', 'insertText'] : ['insertText', 'paste'];
    default:
      return ['insertText', 'paste'];
  }
}

export async function insertReply(target: Element, text: string, opts: InsertOptions = {}): Promise<InsertResult> {
  const wanted = squash(text);
  if (!wanted) return { ok: false, reason: 'not-registered' };
  const editor = editorOf(target) ?? editorsIn(target)[0] ?? null;
  const opener = editor ? null : openerOf(target);
  const found = editor ?? (opener ? await openEditor(opener, opts.item, opts.timeoutMs ?? 3000) : null);
  if (!found) return { ok: false, reason: 'no-editor' };

  const kind = editorKind(found);
  const win = winOf(found);
  for (const method of methodsFor(kind, text, found)) {
    const before = readBack(found);
    apply(method, found, text);
    await new Promise((r) => win.setTimeout(r, SETTLE_MS));
    const after = readBack(found);
    if (occurrences(after, wanted) > occurrences(before, wanted)) return { ok: true, method, editor: kind };
    if (after !== before) return { ok: false, reason: 'unverified' };
  }
  return { ok: false, reason: 'not-registered' };
}
