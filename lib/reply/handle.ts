/**
 * The content script's side of the `insertReply` message (popup → tab):
 * check the sender and the payload, find the item on the page again, ask the
 * adapter for its reply box, and insert. No element is kept between messages:
 * the item is found by re-reading the page, because sites re-render and
 * recycle nodes (sites.md §0.1).
 */
import { insertReplySchema, isExtensionPage, parseOrThrow, type SenderLike } from '../messaging/guards';
import type { SiteAdapter } from '../sites/types';
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
