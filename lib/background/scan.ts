/**
 * Pages beyond the known sites (a blog, a forum, a news comment thread):
 * - "Scan this page" (context menu on the toolbar icon or the page, or the
 *   popup's button) injects the generic adapter once, through activeTab;
 * - "Always watch this site" asks for that one origin (optional host
 *   permission, at that moment) and registers the generic content script on it.
 * Veille holds no host permission beyond its sites' match patterns otherwise.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';

export const SCAN_SCRIPT = '/content-scripts/scan.js';
const WATCH_SCRIPT_ID = 'veille-watched-sites';

/** Origins ("https://blog.example.org") the CM asked Veille to watch. */
export const watchedSitesItem = storage.defineItem<string[]>('local:watchedSites', { fallback: [], version: 1 });

/** The match pattern of a page's origin, or null for pages that cannot be watched. */
export function originPattern(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    return `${u.protocol}//${u.hostname}/*`;
  } catch {
    return null;
  }
}

/** Inject the generic adapter into one tab (needs activeTab or a host permission for it). */
export async function scanTab(tabId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId }, files: [SCAN_SCRIPT] });
}

/**
 * Register the generic content script on the watched origins whose permission
 * is still granted (the CM can revoke it in the browser at any time).
 */
export async function syncWatchedSites(): Promise<string[]> {
  const wanted = await watchedSitesItem.getValue();
  const granted: string[] = [];
  for (const origin of wanted) {
    const pattern = originPattern(origin);
    if (pattern && (await browser.permissions.contains({ origins: [pattern] }))) granted.push(pattern);
  }
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [WATCH_SCRIPT_ID] });
  if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [WATCH_SCRIPT_ID] });
  if (granted.length) {
    await browser.scripting.registerContentScripts([{ id: WATCH_SCRIPT_ID, matches: granted, js: [SCAN_SCRIPT.slice(1)], runAt: 'document_idle', persistAcrossSessions: true }]);
  }
  return granted;
}

/** Add an origin to the watched sites (its permission must have been granted by the popup). */
export async function watchSite(url: string): Promise<string[]> {
  const pattern = originPattern(url);
  if (!pattern) throw new Error('Only http(s) pages can be watched');
  if (!(await browser.permissions.contains({ origins: [pattern] }))) throw new Error(`No permission for ${pattern}`);
  const origin = new URL(url).origin;
  const list = await watchedSitesItem.getValue();
  if (!list.includes(origin)) await watchedSitesItem.setValue([...list, origin]);
  return syncWatchedSites();
}
