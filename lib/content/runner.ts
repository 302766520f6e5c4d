/**
 * Content-script runner: finds a site's items as they appear, keeps the ones
 * that name a watched brand, and hands them on in batches.
 *
 *   MutationObserver ──added nodes──▶ pending set ──idle callback──▶ scan(node)
 *        (with adapters whose item text lies within the item, 3+ siblings added
 *        at once are kept as a run and read through a Range first: scanRun)
 *        scan: node & descendants matching adapter.itemSelector (and the item
 *              an added node sits in, for "show more" expansions)
 *              ──extractItem──▶ already sent with this text? skip
 *              ──brand matcher──▶ batch ──(250 ms / 50 items)──▶ onItems
 *
 * Cheap by construction: no page-wide rescans after the first; work is done
 * in idle time in slices; elements are only held in WeakMaps/WeakSets, and
 * the pending set is emptied at every flush, so removed nodes are released.
 */
import type { BrandMatcher } from '../brands/matcher';
import type { ReportedItem } from '../messaging/protocol';
import type { SiteAdapter } from '../sites/types';
import { fnv1a } from '../sites/dom';
import { MAX_TEXT } from '../storage/schema';

export interface RunnerOptions {
  adapter: SiteAdapter;
  doc: Document;
  /** Current matcher (brands can change while the page is open). */
  getMatcher(): BrandMatcher;
  /** Receives batches of brand-naming items. */
  onItems(items: ReportedItem[]): void;
  /** Stops everything when aborted. */
  signal: AbortSignal;
  /** Batch delay. @default 250 */
  flushDelayMs?: number;
  /** Largest batch. @default 50 */
  maxBatch?: number;
}

export interface Runner {
  /** Forget what was sent and scan the whole document again (SPA navigation, brand change). */
  rescan(): void;
  /** Scan pending nodes now and send the batch (tests, page hide). */
  flush(): void;
}

type IdleHandle = { cancel(): void };

/** Siblings added by one mutation record, kept as their two ends (see scanRun). */
interface AddedRun {
  run: true;
  parent: Node;
  first: Node;
  last: Node;
  /** How many nodes the record added. */
  count: number;
}

function isRun(x: Node | AddedRun): x is AddedRun {
  return (x as AddedRun).run === true;
}

/** Fewest siblings added at once that are scanned as a run (below, each is scanned as a node). */
const MIN_RUN = 3;

/** How far up a text change looks for the item it belongs to, when no item encloses it. */
const NEAR_ITEM_DEPTH = 5;
/** ...and how many items found there it re-reads at most (beyond that it is a list, not one item). */
const NEAR_ITEM_MAX = 3;

/**
 * Longest slice of scanning in one callback (ms). An idle period can last up
 * to 50 ms, and a callback that runs because its timeout expired has no idle
 * time at all: either way the scan stops after this long and goes on in the
 * next callback, so it never makes a long task (> 50 ms) of its own.
 */
export const SLICE_MS = 10;
/** Idle-callback timeout when nothing is behind (ms). */
const IDLE_TIMEOUT_MS = 500;
/** Idle-callback timeout for the rest of a cut-off scan: a busy page still gets ~SLICE_MS in every this many ms. */
const CATCH_UP_TIMEOUT_MS = 100;

function onIdle(win: Window, fn: (deadline?: IdleDeadline) => void, timeout = IDLE_TIMEOUT_MS): IdleHandle {
  if (typeof win.requestIdleCallback === 'function') {
    const id = win.requestIdleCallback(fn, { timeout });
    return { cancel: () => win.cancelIdleCallback(id) };
  }
  const id = win.setTimeout(() => fn(), 50);
  return { cancel: () => win.clearTimeout(id) };
}

export function startRunner(opts: RunnerOptions): Runner {
  const { adapter, doc, signal } = opts;
  const win = (doc.defaultView ?? globalThis) as Window & typeof globalThis;
  const flushDelay = opts.flushDelayMs ?? 250;
  const maxBatch = opts.maxBatch ?? 50;
  // The page URL, parsed once per URL; null when the adapter does not handle this route.
  let lastHref = '';
  let lastCtx: { url: URL } | null = null;
  const ctx = () => {
    const href = doc.location.href;
    if (href !== lastHref) {
      lastHref = href;
      const url = new URL(href);
      lastCtx = adapter.isSupportedPage(url) ? { url } : null;
    }
    return lastCtx;
  };

  /** id → hash of the text last handled, so an item is matched and sent once per text. */
  let handled = new Map<string, string>();
  let pending = new Set<Node | AddedRun>();
  let idle: IdleHandle | null = null;
  let batch: ReportedItem[] = [];
  let sendTimer: ReturnType<typeof setTimeout> | null = null;

  const sendBatch = () => {
    if (sendTimer) clearTimeout(sendTimer);
    sendTimer = null;
    if (batch.length === 0 || signal.aborted) return;
    const out = batch;
    batch = [];
    opts.onItems(out);
  };

  const consider = (item: ReturnType<SiteAdapter['extractItem']>) => {
    if (!item) return;
    const textHash = fnv1a(item.text) + ':' + item.text.length;
    if (handled.get(item.id) === textHash) return;
    handled.set(item.id, textHash);
    // Match on the whole text (the brand may come after the cut), then cut.
    const matches = opts.getMatcher().match(item.text);
    if (matches.length === 0) return;
    const originalLength = item.text.length;
    const truncated = originalLength > MAX_TEXT;
    batch.push({ ...item, text: truncated ? item.text.slice(0, MAX_TEXT) : item.text, matches, truncated, originalLength });
    if (batch.length >= maxBatch) sendBatch();
    else if (!sendTimer) sendTimer = setTimeout(sendBatch, flushDelay);
  };

  /**
   * Elements read in the current drain: an added cell reaches its item both
   * through extractEnclosing and through its own querySelectorAll, and one read
   * is enough (every read allocates strings on the page's heap, which the
   * page's own garbage collections then pay for). Emptied after every drain.
   */
  const readInDrain = new Set<Element>();

  const extract = (el: Element) => {
    const c = ctx();
    if (!c) return;
    if (readInDrain.has(el)) return;
    readInDrain.add(el);
    // One string from the element instead of a walk through its nodes, for the many items that name no brand.
    if (adapter.textWithinItem && !opts.getMatcher().mayMatch(el.textContent ?? '')) return;
    try {
      consider(adapter.extractItem(el, c));
    } catch (err) {
      // A page can render anything; one odd element must not stop the scan.
      console.debug('[veille] extract failed', err);
    }
  };

  /**
   * Re-read the items an element sits in. Every enclosing match is tried, not
   * just the nearest: with nested selectors (a comment body inside a comment
   * root) the adapter decides which element is the item.
   */
  const extractEnclosing = (start: Element | null) => {
    for (let el = start?.closest(adapter.itemSelector); el; el = el.parentElement?.closest(adapter.itemSelector)) extract(el);
    // When an item's text lies within its element, a node outside every item is part of no item's text: the
    // items inside an added element are found by scanNode's own search, and nothing nearby needs a re-read (the
    // search below can reach a container of the whole feed, once per text change outside the items).
    if (adapter.textWithinItem) return;
    // Some adapters hook an item on a small element beside its text (Instagram
    // comments: the permalink), possibly inside a larger item (the post). Look a
    // few levels up for the nearest such hook.
    let anc: Element | null = start;
    for (let depth = 0; anc && depth < NEAR_ITEM_DEPTH; depth++, anc = anc.parentElement) {
      const near = anc.querySelectorAll(adapter.itemSelector);
      if (near.length === 0) continue;
      if (near.length <= NEAR_ITEM_MAX) for (const el of near) extract(el);
      return;
    }
  };

  const scanNode = (node: Node) => {
    if (!node.isConnected) return;
    if (node.nodeType !== 1) {
      // Text changed or added inside an existing item (expanded text): re-read that item.
      extractEnclosing(node.parentElement);
      return;
    }
    const el = node as Element;
    // An added subtree that sits in no item and whose text cannot name a brand holds no item worth reading:
    // one string, and none of its elements is touched (every element the content script touches gets a
    // wrapper in its world that lives as long as the element, and the page's garbage collections pay for it).
    if (adapter.textWithinItem && !el.closest(adapter.itemSelector) && !opts.getMatcher().mayMatch(el.textContent ?? '')) return;
    extractEnclosing(el);
    for (const item of el.querySelectorAll(adapter.itemSelector)) extract(item);
  };

  /** One Range for the runner's whole life (a live range costs the page a little on every mutation until collected). */
  let range: Range | null = null;

  /**
   * Scan a run of siblings added by one mutation without touching those that
   * cannot hold a brand-naming item: the run's text is read through a Range
   * (one string, no element reached), and only a part that may name a brand is
   * split in halves, down to the children that are then scanned as nodes. On a
   * feed where most posts name no brand, most added cells never get a wrapper
   * in the content script's world, and far fewer strings are made.
   */
  const scanRun = (run: AddedRun) => {
    const { parent, first, last } = run;
    if (!parent.isConnected) return;
    const intact = first.parentNode === parent && last.parentNode === parent;
    const inItem = parent.nodeType === 1 && (parent as Element).closest(adapter.itemSelector) !== null;
    if (!intact || inItem) {
      // The page moved things since (or the run is inside an item): walk what is left of it, node by node.
      const seen = new Set<Node>();
      for (let n: Node | null = first, k = 0; n && n.parentNode === parent && k < run.count; n = n.nextSibling, k++) seen.add(n);
      for (let n: Node | null = last, k = 0; n && n.parentNode === parent && k < run.count; n = n.previousSibling, k++) seen.add(n);
      for (const n of seen) scanNode(n);
      return;
    }
    range ??= doc.createRange();
    const r = range;
    r.setStartBefore(first);
    r.setEndAfter(last);
    const from = r.startOffset;
    const to = r.endOffset;
    const matcher = opts.getMatcher();
    const children = parent.childNodes;
    const split = (a: number, b: number) => {
      if (b - a <= 2) {
        for (let i = a; i < b; i++) scanNode(children[i]!);
        return;
      }
      const m = (a + b) >> 1;
      for (const [x, y] of [
        [a, m],
        [m, b],
      ] as const) {
        r.setStart(parent, x);
        r.setEnd(parent, y);
        if (matcher.mayMatch(r.toString())) split(x, y);
      }
    };
    try {
      if (matcher.mayMatch(r.toString())) split(from, to);
    } finally {
      // Let go of the page's nodes.
      r.setStart(doc, 0);
      r.collapse(true);
    }
  };

  const scanPending = (x: Node | AddedRun) => {
    if (isRun(x)) scanRun(x);
    else scanNode(x);
  };

  const scanDocument = () => {
    scannedHref = doc.location.href;
    const c = ctx();
    if (!c) return;
    if (adapter.extractDocumentItems) {
      try {
        for (const item of adapter.extractDocumentItems(doc, c)) consider(item);
      } catch (err) {
        console.debug('[veille] document extract failed', err);
      }
    }
    try {
      for (const el of doc.querySelectorAll(adapter.itemSelector)) extract(el);
    } finally {
      readInDrain.clear();
    }
  };

  /** The address the last scan ran under: an in-page (SPA) navigation changes it. */
  let scannedHref = doc.location.href;

  /** Scan the pending nodes: all of them (`all`), else one slice, the rest in a next idle callback. */
  const drain = (deadline?: IdleDeadline, all = false) => {
    idle = null;
    if (signal.aborted) return;
    if (doc.location.href !== scannedHref) {
      // SPA navigation seen through the DOM change it caused: file everything under the new address.
      rescan();
      return;
    }
    const list = [...pending];
    pending = new Set();
    const clock = win.performance ?? performance;
    const started = clock.now();
    let i = 0;
    try {
      for (; i < list.length; i++) {
        scanPending(list[i]!);
        if (all || i === list.length - 1) continue;
        // Leave the rest for the next callback when the slice or the idle period is used up.
        if (clock.now() - started >= SLICE_MS || (deadline && !deadline.didTimeout && deadline.timeRemaining() < 2)) break;
      }
    } finally {
      readInDrain.clear();
    }
    if (i < list.length - 1) {
      for (let k = i + 1; k < list.length; k++) pending.add(list[k]!);
      idle = onIdle(win, (d) => drain(d), CATCH_UP_TIMEOUT_MS);
    }
  };

  const schedule = () => {
    if (!idle) idle = onIdle(win, (d) => drain(d));
  };

  const observer = new win.MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'childList') {
        const added = r.addedNodes;
        const count = added.length;
        // A run of added siblings (a page of posts) is kept as its two ends: its nodes are reached only if its text may name a brand.
        if (count >= MIN_RUN && adapter.textWithinItem) pending.add({ run: true, parent: r.target, first: added[0]!, last: added[count - 1]!, count });
        else for (const n of added) pending.add(n);
      } else {
        pending.add(r.target);
      }
    }
    if (pending.size) schedule();
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });

  scanDocument();

  signal.addEventListener('abort', () => {
    observer.disconnect();
    idle?.cancel();
    if (sendTimer) clearTimeout(sendTimer);
    pending.clear();
    batch = [];
  });

  function rescan(): void {
    handled = new Map();
    pending.clear();
    scanDocument();
  }

  return {
    rescan,
    flush() {
      idle?.cancel();
      drain(undefined, true);
      sendBatch();
    },
  };
}
