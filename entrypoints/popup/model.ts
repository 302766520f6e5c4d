/**
 * Popup state: the mentions of the current page and the follow-up queue,
 * live from IndexedDB (liveQuery sees the background's writes), plus the
 * status actions (sent to the background, which owns writes and the badge).
 */
import { signal, computed } from '@preact/signals';
import { liveQuery, type Subscription } from 'dexie';
import { browser } from 'wxt/browser';
import { originPattern } from '../../lib/background/scan';
import { sendMessage } from '../../lib/messaging';
import { openDb } from '../../lib/storage/db';
import { mentionsOnPage } from '../../lib/storage/queries';
import { currentCrisis, queue as urgencyQueue, type QueueFilter } from '../../lib/followup/followup';
import type { CrisisLevel } from '../../lib/crisis/detect';
import { brandsItem } from '../../lib/brands/settings';
import type { Brand } from '../../lib/brands/types';
import type { FollowUpValues } from '../../components/FollowUpForm';
import type { SentimentLabel } from '../../lib/sentiment/types';
import type { MentionRow, MentionStatus } from '../../lib/storage/schema';
import type { ReplyModel } from './reply';

export type PopupTab = 'page' | 'followUp';

/**
 * The page the popup is about: the active tab, or `?url=` when the popup is
 * opened as a page (tests, the headless demo), since then it is itself the active tab;
 * `&tab=` then names the page's tab (for "Insert").
 */
async function currentPage(): Promise<{ url: string | null; tabId: number | null }> {
  const params = new URLSearchParams(location.search);
  const fromQuery = params.get('url');
  if (fromQuery) {
    const tab = Number(params.get('tab'));
    return { url: fromQuery, tabId: Number.isInteger(tab) && tab > 0 ? tab : null };
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return { url: tab?.url ?? null, tabId: tab?.id ?? null };
}

export function createPopupModel() {
  const db = openDb();
  const tab = signal<PopupTab>('page');
  const pageUrl = signal<string | null>(null);
  const pageMentions = signal<MentionRow[] | null>(null);
  const queue = signal<MentionRow[] | null>(null);
  const error = signal<string | null>(null);
  const notice = signal<'scanDone' | 'watchingSite' | null>(null);
  const tabId = signal<number | null>(null);
  /** Whether Veille already reads this site (a site adapter, or a watched site); null: not a web page. */
  const siteWatched = signal<boolean | null>(null);
  const subs: Subscription[] = [];
  const filter = signal<QueueFilter>({});
  const crisis = signal<Map<string, CrisisLevel>>(new Map());
  const brands = signal<Brand[]>([]);
  let queueSub: Subscription | null = null;
  /** The reply assistant, loaded on first use (its style-guide, ranking and lint code stays off the popup's start-up). */
  const reply = signal<ReplyModel | null>(null);
  async function replyModel(): Promise<ReplyModel> {
    if (reply.value) return reply.value;
    const { createReplyModel } = await import('./reply');
    reply.value ??= createReplyModel(db, () => tabId.value, (msg) => (error.value = msg));
    return reply.value;
  }

  const visible = computed(() => (tab.value === 'page' ? pageMentions.value : queue.value));

  /**
   * The page's list first (what the popup shows first); the follow-up queue
   * (it reads every waiting mention to sort them by urgency), the crisis levels
   * and the rest start once that list is there, so they do not compete with it.
   */
  async function start(): Promise<void> {
    const { url, tabId: id } = await currentPage();
    pageUrl.value = url;
    tabId.value = id;
    let rest: (() => void) | null = () => {
      watchQueue();
      subs.push(liveQuery(() => currentCrisis(db)).subscribe({ next: (m) => (crisis.value = m), error: (e: unknown) => (error.value = String(e)) }));
    };
    const startRest = () => {
      const run = rest;
      rest = null;
      run?.();
    };
    if (url) {
      subs.push(
        liveQuery(() => mentionsOnPage(db, url)).subscribe({
          next: (rows) => {
            pageMentions.value = rows;
            setTimeout(startRest, 0);
          },
          error: (e: unknown) => (error.value = String(e)),
        }),
      );
    } else {
      pageMentions.value = [];
      startRest();
    }
    const pattern = url ? originPattern(url) : null;
    const [b, watched] = await Promise.all([brandsItem.getValue(), pattern ? browser.permissions.contains({ origins: [pattern] }) : Promise.resolve(null)]);
    brands.value = b;
    siteWatched.value = watched;
    if (url) void openFocused(id);
  }



  /** The follow-up queue (filtered, most urgent first), live. */
  function watchQueue(): void {
    queueSub?.unsubscribe();
    const f = filter.value;
    queueSub = liveQuery(() => urgencyQueue(db, f, Date.now(), (b) => crisis.value.get(b) ?? 'none')).subscribe({
      next: (rows) => (queue.value = rows),
      error: (e: unknown) => (error.value = String(e)),
    });
  }

  function setFilter(f: QueueFilter): void {
    filter.value = f;
    watchQueue();
  }

  async function saveFollowUp(key: string, v: FollowUpValues): Promise<void> {
    error.value = null;
    try {
      await sendMessage('setFollowUp', { key, ...v });
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e);
    }
  }

  async function setStatus(key: string, status: MentionStatus): Promise<void> {
    error.value = null;
    try {
      await sendMessage('setMentionStatus', { key, status });
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e);
    }
  }

  async function correctSentiment(key: string, label: SentimentLabel): Promise<void> {
    error.value = null;
    try {
      await sendMessage('correctSentiment', { key, label });
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e);
    }
  }

  /** The keyboard shortcut's promise: the popup opens on the mention the CM is on in the page (focus or selection). */
  async function openFocused(id: number | null): Promise<void> {
    if (id === null) return;
    const at = await sendMessage('focusedItem', {}, { tabId: id, frameId: 0 }).catch(() => null); // no content script there: nothing to open
    if (!at) return;
    const m = await db.mentions.get(`${at.site}:${at.itemId}`);
    if (m && !m.competitor) await (await replyModel()).open(m);
  }

  async function openReply(key: string): Promise<void> {
    const m = (pageMentions.value ?? []).concat(queue.value ?? []).find((x) => x.key === key);
    if (m) await (await replyModel()).open(m);
  }

  async function markReplied(key: string): Promise<void> {
    await setStatus(key, 'replied');
    reply.value?.close();
  }

  async function scanPage(): Promise<void> {
    if (tabId.value === null) return;
    error.value = null;
    try {
      await sendMessage('scanTab', { tabId: tabId.value });
      notice.value = 'scanDone';
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e);
    }
  }

  /** Must run straight from the click: permissions.request needs the user's gesture. */
  function watchSite(): void {
    const url = pageUrl.value;
    const pattern = url ? originPattern(url) : null;
    if (!url || !pattern) return;
    error.value = null;
    browser.permissions
      .request({ origins: [pattern] })
      .then(async (granted) => {
        if (!granted) return;
        await sendMessage('watchSite', { url });
        siteWatched.value = true;
        notice.value = 'watchingSite';
        if (tabId.value !== null) await sendMessage('scanTab', { tabId: tabId.value });
      })
      .catch((e: unknown) => (error.value = e instanceof Error ? e.message : String(e)));
  }

  function dispose(): void {
    queueSub?.unsubscribe();
    for (const s of subs) s.unsubscribe();
    db.close();
  }

  return { tab, pageUrl, pageMentions, queue, visible, error, notice, tabId, siteWatched, start, setStatus, saveFollowUp, filter, setFilter, crisis, brands, correctSentiment, reply, openReply, markReplied, scanPage, watchSite, dispose };
}

export type PopupModel = ReturnType<typeof createPopupModel>;
