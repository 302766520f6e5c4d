/**
 * The content script's side of the `insertReply` message (popup → tab):
 * check the sender and the payload, find the item on the page again, ask the
 * adapter for its reply box, and insert. No element is kept between messages:
 * the item is found by re-reading the page, because sites re-render and
 * recycle nodes (sites.md §0.1).
 */
import { insertReplySchema, isExtensionPage, parseOrThrow, type SenderLike } from '../messaging/guards';
import type { SiteAdapter, SiteId } from '../sites/types';
import { insertReply, type InsertResult } from './insert';

export interface InsertReplyContext {
  adapter: SiteAdapter;
  doc: Document;
  /** browser.runtime.id */
  extensionId: string;
  /** browser.runtime.getURL('/'): "chrome-extension://<id>/" */
  extensionOrigin: string;
  /** How long to wait for the reply box to open (ms). @default 3000 */
  timeoutMs?: number;
}

/** The item's element on the page now, or null. */
export function findItemElement(adapter: SiteAdapter, doc: Document, itemId: string): Element | null {
  const url = new URL(doc.location.href);
  for (const el of doc.querySelectorAll(adapter.itemSelector)) {
    if (adapter.extractItem(el, { url })?.id === itemId) return el;
  }
  return null;
}

/**
 * Throws (the messenger answers with the error) when the sender or the
 * payload is refused; otherwise always answers an InsertResult.
 */
export async function handleInsertReply(data: unknown, sender: SenderLike, ctx: InsertReplyContext): Promise<InsertResult> {
  // Only our own extension pages (the popup; in tests a popup page opened in a
  // tab, which has `sender.tab` too): never a web page or a content script.
  if (!isExtensionPage(sender, ctx.extensionId, ctx.extensionOrigin)) throw new Error('Refused insertReply: not from an extension page');
  const { site, itemId, text } = parseOrThrow(insertReplySchema, data, 'insertReply');
  if (site !== ctx.adapter.id) throw new Error(`Refused insertReply: site: this page is ${ctx.adapter.id}`);
  const el = findItemElement(ctx.adapter, ctx.doc, itemId);
  if (!el) return { ok: false, reason: 'item-not-found' };
  const box = ctx.adapter.findReplyBox?.(el) ?? null;
  if (!box) return { ok: false, reason: 'no-reply-box' };
  return insertReply(box, text, { item: el, timeoutMs: ctx.timeoutMs });
}

/**
 * The item the CM is on (the popup's keyboard shortcut opens the reply
 * assistant on it): the item holding the focused element (X's j/k and
 * YouTube's Tab focus posts and comments), else the item holding the
 * selection; null when neither is inside an item. Same sender rule as
 * insertReply.
 */
export function handleFocusedItem(sender: SenderLike, ctx: Omit<InsertReplyContext, 'timeoutMs'>): { site: SiteId; itemId: string } | null {
  if (!isExtensionPage(sender, ctx.extensionId, ctx.extensionOrigin)) throw new Error('Refused focusedItem: not from an extension page');
  const { doc, adapter } = ctx;
  const starts: Element[] = [];
  const active = doc.activeElement;
  if (active && active !== doc.body && active !== doc.documentElement) starts.push(active);
  const anchor = doc.getSelection()?.anchorNode ?? null;
  const anchorEl = anchor === null ? null : anchor.nodeType === 1 ? (anchor as Element) : anchor.parentElement;
  if (anchorEl) starts.push(anchorEl);
  const url = new URL(doc.location.href);
  for (const start of starts) {
    // The innermost item first (a reply inside a thread), then the enclosing ones.
    for (let el = start.closest(adapter.itemSelector); el !== null; el = el.parentElement?.closest(adapter.itemSelector) ?? null) {
      const item = adapter.extractItem(el, { url });
      if (item) return { site: adapter.id, itemId: item.id };
    }
  }
  return null;
}
