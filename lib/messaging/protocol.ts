/**
 * The typed message protocol between content scripts, extension pages and the
 * background worker. Types describe the wire at compile time; the valibot
 * schemas in ./guards.ts check it at run time (types do not survive the wire).
 *
 * Direction and trust (decided from the sender, see ./guards.ts):
 *   content script → background : reportItems           (data only, page-derived, untrusted)
 *   extension page → background : setMentionStatus, setFollowUp, correctSentiment, dataChanged, scanTab, watchSite (privileged: extension pages only)
 *   extension page → content script (tabs.sendMessage, top frame) : insertReply, focusedItem (extension pages only)
 */
import type { ExtractedItem, SiteId } from '../sites/types';
import type { BrandMatch } from '../brands/types';
import type { MentionStatus } from '../storage/schema';
import type { InsertResult } from '../reply/insert';

/** One extracted item that named a brand, as a content script reports it. */
export interface ReportedItem extends ExtractedItem {
  matches: BrandMatch[];
  /** The content script already cut the text (see MAX_TEXT). */
  truncated: boolean;
  /** Text length on the page before any cut. */
  originalLength: number;
}

export interface ReportResult {
  /** New mentions stored. */
  added: number;
  /** Items already stored (same site id): their last-seen time and pages were updated. */
  updated: number;
}

export interface ProtocolMap {
  /**
   * `pageUrl` is the content script's location.href: after an in-page (SPA)
   * navigation it is newer than the sender's URL; the worker accepts it only
   * on the sender's own origin.
   */
  reportItems(data: { items: ReportedItem[]; pageUrl?: string }): ReportResult;
  setMentionStatus(data: { key: string; status: MentionStatus }): { ok: true };
  /** Follow-up fields of a mention (due date → reminder, note, priority, tags); a new mention becomes "to follow up". */
  setFollowUp(data: { key: string; dueAt: number | null; note: string; priority: 'low' | 'normal' | 'high' | 'urgent'; tags: string[] }): { ok: true };
  /** An extension page changed the data (import, erase, retention): the worker refreshes the badge and its caches. */
  dataChanged(data: Record<string, never>): { ok: true };
  /** The CM's sentiment label for a mention; it also teaches the brands' correction models. */
  correctSentiment(data: { key: string; label: 'positive' | 'neutral' | 'negative' }): { ok: true };
  /** Run the generic adapter once in a tab (the popup's "Scan this page"). */
  scanTab(data: { tabId: number }): { ok: true };
  /** Watch a site from now on; the popup has obtained its host permission. Returns the watched patterns. */
  watchSite(data: { url: string }): { patterns: string[] };
  /**
   * Popup → the content script of one tab (send with `{ tabId, frameId: 0 }`):
   * put the draft into the site's reply box for that item. Never posts.
   * `{ ok: false }` means the popup should copy the draft to the clipboard instead.
   */
  insertReply(data: { site: SiteId; itemId: string; text: string }): InsertResult;
  /** Popup → the tab's content script: the item the CM is on (focus or selection), if any. */
  focusedItem(data: Record<string, never>): { site: SiteId; itemId: string } | null;
}
