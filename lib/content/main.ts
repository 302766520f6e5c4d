/**
 * What every site's content script does (entrypoints/<site>.content.ts only
 * picks the adapter): load the watched brands, run the adapter on the page,
 * send brand-naming items to the background, and clean up with the context.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { buildMatcher, type BrandMatcher } from '../brands/matcher';
import { brandsItem } from '../brands/settings';
import { onMessage, sendMessage } from '../messaging';
import type { ReportedItem } from '../messaging/protocol';
import { handleFocusedItem, handleInsertReply } from '../reply/handle';
import type { SiteAdapter } from '../sites/types';
import { startRunner } from './runner';

const MARK = 'data-veille';

export async function runContentScript(ctx: ContentScriptContext, adapter: SiteAdapter): Promise<void> {
  const root = document.documentElement;
  // Guard against double injection (a programmatic scan on a page that already has the script).
  if (root.hasAttribute(MARK)) return;
  root.setAttribute(MARK, adapter.id);

  const abort = new AbortController();
  let runner: ReturnType<typeof startRunner> | null = null;
  let matcher: BrandMatcher = buildMatcher([]);
  let changed = false;
  // Watch before the first read: on first install the worker may seed the
  // brands while this page loads, and a change between read and watch would be lost.
  const unwatch = brandsItem.watch((brands) => {
    changed = true;
    matcher = buildMatcher(brands ?? []);
    runner?.rescan();
  });
  abort.signal.addEventListener('abort', unwatch);
  const initial = await brandsItem.getValue();
  // A change seen while reading is newer than what was read.
  if (!changed) matcher = buildMatcher(initial);

  ctx.onInvalidated(() => abort.abort());

  const send = (items: ReportedItem[]) => {
    sendMessage('reportItems', { items, pageUrl: location.href }).catch((err: unknown) => {
      // "Extension context invalidated" after an update/reload: stop quietly.
      if (String(err).includes('context invalidated')) abort.abort();
      else console.warn('[veille] report refused:', err);
    });
  };

  const started = startRunner({ adapter, doc: document, getMatcher: () => matcher, onItems: send, signal: abort.signal });
  runner = started;

  // The popup's "insert reply": answered by the tab's top frame only.
  if (window.top === window) {
    const replyCtx = { adapter, doc: document, extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/') };
    const stops = [
      onMessage('insertReply', ({ data, sender }) => handleInsertReply(data, sender, replyCtx)),
      onMessage('focusedItem', ({ sender }) => handleFocusedItem(sender, replyCtx)),
    ];
    abort.signal.addEventListener('abort', () => stops.forEach((stop) => stop()));
  }

  // SPA navigation without reload: the same items may now belong to another page.
  ctx.addEventListener(window, 'wxt:locationchange', () => started.rescan());
  // Send what is pending before the page goes away.
  ctx.addEventListener(window, 'pagehide', () => started.flush());
}
