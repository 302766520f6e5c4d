/**
 * Popup state: the mentions of the current page and the follow-up queue,
 * live from IndexedDB (liveQuery sees the background's writes), plus the
 * status actions (sent to the background, which owns writes and the badge).
 */
import { signal, computed } from '@preact/signals';
import { liveQuery, type Subscription } from 'dexie';
import { browser } from 'wxt/browser';
import { sendMessage } from '../../lib/messaging';
import { openDb } from '../../lib/storage/db';
import { followUpQueue, mentionsOnPage } from '../../lib/storage/queries';
import type { MentionRow, MentionStatus } from '../../lib/storage/schema';

export type PopupTab = 'page' | 'followUp';

/**
 * The page the popup is about: the active tab, or `?url=` when the popup is
 * opened as a page (tests, the headless demo), since then it is itself the active tab.
 */
async function currentPageUrl(): Promise<string | null> {
  const fromQuery = new URLSearchParams(location.search).get('url');
  if (fromQuery) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.url ?? null;
}

export function createPopupModel() {
  const db = openDb();
  const tab = signal<PopupTab>('page');
  const pageUrl = signal<string | null>(null);
  const pageMentions = signal<MentionRow[] | null>(null);
  const queue = signal<MentionRow[] | null>(null);
  const error = signal<string | null>(null);
  const subs: Subscription[] = [];

  const visible = computed(() => (tab.value === 'page' ? pageMentions.value : queue.value));

  async function start(): Promise<void> {
    subs.push(liveQuery(() => followUpQueue(db)).subscribe({ next: (rows) => (queue.value = rows), error: (e: unknown) => (error.value = String(e)) }));
    const url = await currentPageUrl();
    pageUrl.value = url;
    if (!url) {
      pageMentions.value = [];
      return;
    }
    subs.push(liveQuery(() => mentionsOnPage(db, url)).subscribe({ next: (rows) => (pageMentions.value = rows), error: (e: unknown) => (error.value = String(e)) }));
  }

  async function setStatus(key: string, status: MentionStatus): Promise<void> {
    error.value = null;
    try {
      await sendMessage('setMentionStatus', { key, status });
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e);
    }
  }

  function dispose(): void {
    for (const s of subs) s.unsubscribe();
    db.close();
  }

  return { tab, pageUrl, pageMentions, queue, visible, error, start, setStatus, dispose };
}

export type PopupModel = ReturnType<typeof createPopupModel>;
