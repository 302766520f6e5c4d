// @vitest-environment happy-dom
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { buildMatcher } from '../../../lib/brands/matcher';
import { DEMO_BRANDS } from '../../../lib/brands/demo';
import { startRunner } from '../../../lib/content/runner';
import type { ReportedItem } from '../../../lib/messaging/protocol';
import type { SiteAdapter } from '../../../lib/sites/types';
import { MAX_TEXT } from '../../../lib/storage/schema';

/** A minimal adapter: <div class="post" data-id>text</div>. */
const adapter: SiteAdapter = {
  id: 'generic',
  label: 'Test',
  matches: ['http://localhost/*'],
  isSupportedPage: (url) => !url.pathname.startsWith('/settings'),
  itemSelector: 'div.post',
  extractItem(el) {
    const id = el.getAttribute('data-id');
    if (!id) return null;
    return { site: 'generic', id, kind: 'post', text: el.textContent ?? '', author: null, handle: null, permalink: null, timestamp: null, rating: null };
  },
  testUrls: [],
};

const matcher = buildMatcher(DEMO_BRANDS);
let batches: ReportedItem[][];
let abort: AbortController;

function post(id: string, text: string): HTMLElement {
  const el = document.createElement('div');
  el.className = 'post';
  el.dataset.id = id;
  el.textContent = text;
  return el;
}

const sent = () => batches.flat().map((i) => i.id);
const settle = () => vi.waitFor(() => new Promise((r) => setTimeout(r, 400)), { timeout: 2000 });

beforeEach(() => {
  document.body.innerHTML = '';
  batches = [];
  abort = new AbortController();
});
afterEach(() => abort.abort());

function run() {
  return startRunner({ adapter, doc: document, getMatcher: () => matcher, onItems: (b) => batches.push(b), signal: abort.signal, flushDelayMs: 20 });
}

test('finds brand-naming items present at start and appended later, once each', async () => {
  document.body.append(post('1', 'Acme est top'), post('2', 'rien à voir'));
  run();
  await settle();
  expect(sent()).toEqual(['1']);
  const feed = document.createElement('section');
  feed.append(post('3', 'Vive #AcmeCafe'), post('4', 'le café du coin'), post('5', 'Ac\u200bme encore'));
  document.body.append(feed);
  await settle();
  expect(sent().sort()).toEqual(['1', '3', '5']);
  // Re-rendering the same item with the same text sends nothing new.
  document.body.append(post('1', 'Acme est top'));
  await settle();
  expect(sent()).toHaveLength(3);
});

test('an item whose text grows ("show more") is sent again', async () => {
  const el = post('9', 'Acme…');
  document.body.append(el);
  run();
  await settle();
  el.append(document.createTextNode(' en fait très décevant'));
  await settle();
  expect(batches.flat().filter((i) => i.id === '9').map((i) => i.text)).toEqual(['Acme…', 'Acme… en fait très décevant']);
});

test('huge text is matched in full, then cut and flagged', async () => {
  document.body.append(post('big', 'x '.repeat(150_000) + 'Acme'));
  run();
  await settle();
  const [item] = batches.flat();
  expect(item).toMatchObject({ truncated: true, originalLength: 300_004 });
  expect(item!.text).toHaveLength(MAX_TEXT);
});

test('competitor and exclusions', async () => {
  document.body.append(post('c', 'Brûlerie Zénith est meilleure'), post('e', 'the acme of coffee'));
  run();
  await settle();
  expect(batches.flat().map((i) => [i.id, i.matches[0]!.brandId, i.matches[0]!.competitor])).toEqual([['c', 'zenith', true]]);
});

test('rescan after navigation sends the same item again (new page), abort stops everything', async () => {
  document.body.append(post('1', 'Acme'));
  const runner = run();
  await settle();
  runner.rescan();
  await settle();
  expect(sent()).toEqual(['1', '1']);
  abort.abort();
  document.body.append(post('2', 'Acme'));
  await settle();
  expect(sent()).toEqual(['1', '1']);
});

test('pages the adapter does not handle are skipped', async () => {
  history.pushState({}, '', '/settings');
  document.body.append(post('1', 'Acme'));
  run();
  await settle();
  expect(sent()).toEqual([]);
  history.pushState({}, '', '/');
});

test('an appended item is read once per drain, not once per path that reaches it', async () => {
  const reads = new Map<string, number>();
  const counting: SiteAdapter = {
    ...adapter,
    extractItem(el, ctx) {
      const id = el.getAttribute('data-id') ?? '';
      reads.set(id, (reads.get(id) ?? 0) + 1);
      return adapter.extractItem(el, ctx);
    },
  };
  startRunner({ adapter: counting, doc: document, getMatcher: () => matcher, onItems: (b) => batches.push(b), signal: abort.signal, flushDelayMs: 20 });
  // A cell around each item, as virtualised feeds add them: the runner reaches the item from the
  // cell (an item near the added node) and through the cell's own querySelectorAll.
  for (const [id, text] of [['a', 'Acme encore'], ['b', 'rien']] as const) {
    const cell = document.createElement('div');
    cell.append(post(id, text));
    document.body.append(cell);
  }
  await settle();
  expect(sent()).toEqual(['a']);
  expect(Object.fromEntries(reads)).toEqual({ a: 1, b: 1 });
});

test('textWithinItem: elements whose text names no brand are not read at all; naming ones are read and sent', async () => {
  const reads = new Map<string, number>();
  const within: SiteAdapter = {
    ...adapter,
    textWithinItem: true,
    extractItem(el, ctx) {
      const id = el.getAttribute('data-id') ?? '';
      reads.set(id, (reads.get(id) ?? 0) + 1);
      return adapter.extractItem(el, ctx);
    },
  };
  startRunner({ adapter: within, doc: document, getMatcher: () => matcher, onItems: (b) => batches.push(b), signal: abort.signal, flushDelayMs: 20 });
  document.body.append(post('x', 'Ac\u200bme encore'), post('y', 'le café du coin'), post('z', 'vive #AcmeCafe'));
  await settle();
  expect(sent().sort()).toEqual(['x', 'z']);
  expect(Object.fromEntries(reads)).toEqual({ x: 1, z: 1 });
  // Its text grows to name the brand ("show more"): now it is read, and sent.
  document.querySelector('[data-id="y"]')!.append(' avec Acme');
  await settle();
  expect(sent().sort()).toEqual(['x', 'y', 'z']);
});

test('textWithinItem: an added cell whose text names no brand is not searched for items; one that does is, and a change inside an item still is', async () => {
  const within: SiteAdapter = { ...adapter, textWithinItem: true };
  startRunner({ adapter: within, doc: document, getMatcher: () => matcher, onItems: (b) => batches.push(b), signal: abort.signal, flushDelayMs: 20 });
  const searched: Element[] = [];
  const qsa = Element.prototype.querySelectorAll;
  const spy = vi.spyOn(Element.prototype, 'querySelectorAll').mockImplementation(function (this: Element, sel: string) {
    if (sel === within.itemSelector) searched.push(this);
    return qsa.call(this, sel);
  });
  try {
    const cell = (id: string, text: string) => {
      const c = document.createElement('div');
      c.className = 'cell';
      c.dataset.cell = id;
      c.append(post(id, text));
      return c;
    };
    const quiet = cell('q', 'le café du coin');
    const loud = cell('l', 'encore Ac\u200bme');
    document.body.append(quiet, loud);
    await settle();
    expect(sent()).toEqual(['l']);
    expect(searched).not.toContain(quiet);
    expect(searched).toContain(loud);
    // Inside an item, an added node is read through its item whatever its own text says.
    const span = document.createElement('span');
    span.textContent = ' et Acme';
    document.querySelector('[data-id="q"]')!.append(span);
    await settle();
    expect(sent().sort()).toEqual(['l', 'q']);
  } finally {
    spy.mockRestore();
  }
});

test('textWithinItem: a text change outside every item is not searched for nearby items', async () => {
  const feed = document.createElement('div');
  feed.append(post('a', 'Acme'), post('b', 'Acme aussi'));
  const counter = document.createElement('span');
  counter.textContent = '0 nouveaux posts';
  feed.append(counter);
  document.body.append(feed);
  const searches: Element[] = [];
  const qsa = Element.prototype.querySelectorAll;
  const spy = vi.spyOn(Element.prototype, 'querySelectorAll').mockImplementation(function (this: Element, sel: string) {
    searches.push(this);
    return qsa.call(this, sel);
  });
  try {
    for (const textWithinItem of [true, false]) {
      abort.abort();
      abort = new AbortController();
      startRunner({ adapter: { ...adapter, textWithinItem }, doc: document, getMatcher: () => matcher, onItems: (b) => batches.push(b), signal: abort.signal, flushDelayMs: 20 });
      await settle();
      searches.length = 0;
      counter.firstChild!.nodeValue = `${textWithinItem ? 3 : 4} nouveaux posts (Acme)`;
      await settle();
      // Without the promise, the runner looks a few levels up for an item hooked beside the text (Instagram).
      if (textWithinItem) expect(searches).toEqual([]);
      else expect(searches).toContain(feed);
    }
  } finally {
    spy.mockRestore();
  }
});

test('textWithinItem: a page of cells added at once is read through its text; only the cells that may name a brand are reached', async () => {
  // happy-dom queues one mutation record per inserted node; a browser queues one for a whole fragment. The
  // observer is replaced by one the test drives, to hand the runner the browser's single record.
  let deliver: ((records: MutationRecord[]) => void) | null = null;
  class DrivenObserver {
    constructor(cb: (records: MutationRecord[]) => void) {
      deliver = cb;
    }
    observe() {}
    disconnect() {}
    takeRecords() {
      return [];
    }
  }
  const native = window.MutationObserver;
  window.MutationObserver = DrivenObserver as never;
  const added = (target: Node, nodes: Node[]) => deliver!([{ type: 'childList', target, addedNodes: nodes, removedNodes: [] } as unknown as MutationRecord]);
  const reads: string[] = [];
  const within: SiteAdapter = {
    ...adapter,
    textWithinItem: true,
    extractItem(el, ctx) {
      reads.push(el.getAttribute('data-id') ?? '');
      return adapter.extractItem(el, ctx);
    },
  };
  const touched = new Set<Element>();
  const qsa = Element.prototype.querySelectorAll;
  const spy = vi.spyOn(Element.prototype, 'querySelectorAll').mockImplementation(function (this: Element, sel: string) {
    touched.add(this);
    return qsa.call(this, sel);
  });
  // Nor is their text read one by one (the run's text comes through a Range).
  // (happy-dom defines an element's textContent on Element.prototype, browsers on Node.prototype.)
  const holder = Object.getOwnPropertyDescriptor(Element.prototype, 'textContent') ? Element.prototype : Node.prototype;
  const textOf = Object.getOwnPropertyDescriptor(holder, 'textContent')!;
  Object.defineProperty(holder, 'textContent', {
    ...textOf,
    get(this: Node) {
      if (this.nodeType === 1) touched.add(this as Element);
      return textOf.get!.call(this);
    },
  });
  try {
    const feed = document.createElement('div');
    document.body.append(feed);
    startRunner({ adapter: within, doc: document, getMatcher: () => matcher, onItems: (b) => batches.push(b), signal: abort.signal, flushDelayMs: 20 });
    const cell = (id: string, text: string) => {
      const c = document.createElement('div');
      c.append(post(id, text));
      return c;
    };
    const cells = Array.from({ length: 20 }, (_, i) => cell(`c${i}`, i === 13 ? 'un café chez Ac\u200bme' : `le café du coin n°${i}`));
    touched.clear();
    feed.append(...cells);
    added(feed, cells);
    await settle();
    expect(sent()).toEqual(['c13']);
    expect(reads).toEqual(['c13']);
    // Cells far from the brand-naming one are neither searched nor read.
    for (const i of [0, 5, 9, 19]) expect(touched.has(cells[i]!), `cell ${i}`).toBe(false);
    expect(touched.has(cells[13]!)).toBe(true);
    // A page with no brand at all: no cell is reached.
    const quiet = Array.from({ length: 8 }, (_, i) => cell(`q${i}`, 'rien à signaler'));
    touched.clear();
    feed.append(...quiet);
    added(feed, quiet);
    await settle();
    expect(quiet.some((c) => touched.has(c))).toBe(false);
    // The page removes the run's first cell before the scan: the rest is still read, node by node.
    const more = Array.from({ length: 5 }, (_, i) => cell(`d${i}`, i === 4 ? 'encore #AcmeCafe' : 'rien'));
    feed.append(...more);
    added(feed, more);
    more[0]!.remove();
    await settle();
    expect(sent().sort()).toEqual(['c13', 'd4']);
  } finally {
    spy.mockRestore();
    Object.defineProperty(holder, 'textContent', textOf);
    window.MutationObserver = native;
  }
});
