/**
 * The Chromium part of `npm run bench`: an X-like feed at https://x.com/bench/feed
 * (served by Playwright routing, so the extension's real match pattern and the
 * real X adapter run) that appends posts in batches, as infinite scroll does,
 * while the page counts long tasks. The timeline is virtualised as X's is
 * (absolutely positioned cells; only the newest `keep` stay in the DOM), so
 * the page's own cost per batch stays flat. Each run is a fresh profile:
 * without the extension (same Chromium, same flags), with it, and with it under
 * the CPU profiler.
 *
 * Per run it reports:
 *   - long tasks (> 50 ms) from a buffered PerformanceObserver, counted from
 *     the first append until the page has been quiet for `settleMs`;
 *   - main-thread time (CDP Performance.getMetrics: TaskDuration, ScriptDuration,
 *     ThreadTime; the renderer main thread's, every world included);
 *   - profiled run: a CPU profile (CDP Profiler, 200 µs sampling) of the same
 *     window, and the time of the samples whose stack holds a frame of a
 *     chrome-extension:// script (the content script and what it calls, DOM
 *     reads included), plus the longest run of such samples. The profiler
 *     slows the page down, so long tasks are judged on the runs without it;
 *   - with the extension: how many mentions it stored in its IndexedDB (read
 *     from an extension page, as tests/e2e/fixtures.ts does).
 */
import { chromium, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromiumArgs, chromiumPath, launchVeille } from '../browser.mjs';
import type { FeedPost } from './corpus';

export const FEED_URL = 'https://x.com/bench/feed';

export interface FeedOptions {
  posts: FeedPost[];
  /** Posts per append. */
  batch: number;
  /** Delay between appends (ms). */
  intervalMs: number;
  /** Quiet time after the last append before the window closes (ms). */
  settleMs: number;
  /** Posts the timeline keeps in the DOM: older ones are removed, as X's virtualised timeline does. */
  keep: number;
  /** Mentions the extension must store (computed with the real matcher in Node). */
  expectedMentions: number;
  /**
   * Record a CPU profile of the window (extension runs only). The profiler
   * costs main-thread time itself, so the long-task figures come from runs
   * without it.
   */
  profile?: boolean;
  /**
   * Write a Chrome performance trace of the window to this file (Perfetto /
   * DevTools format), to see what a long task was made of (`--trace FILE`).
   */
  traceFile?: string;
  log(message: string): void;
}

export interface FeedRun {
  extension: boolean;
  /** Posts appended. */
  posts: number;
  /** Posts still in the DOM at the end (the timeline is virtualised). */
  inDom: number;
  /** ms from the first append to the end of the window. */
  windowMs: number;
  longTasks: number;
  longTaskMs: number;
  /** Sum over long tasks of (duration − 50 ms), as Total Blocking Time. */
  blockingMs: number;
  maxLongTaskMs: number;
  /** Each long task: [ms after the first append, duration ms]. */
  longTaskList: Array<[number, number]>;
  /** Renderer main-thread busy time in the window (CDP TaskDuration), ms. */
  taskMs: number;
  /** Of which JavaScript (CDP ScriptDuration), ms. */
  scriptMs: number;
  /** CPU time of the renderer main thread in the window (CDP ThreadTime), ms. */
  threadCpuMs: number;
  /** Profiled runs: time of the CPU-profile samples inside extension code, ms. */
  extensionScriptMs: number | null;
  /** Profiled runs: longest stretch of consecutive samples inside extension code, ms. */
  extensionLongestSliceMs: number | null;
  /** With the extension: mentions stored in its IndexedDB at the end. */
  storedMentions: number | null;
}

/** The page: empty timeline, long-task observer, and an appender driven by `window.__veilleBench.run`. */
export function feedHtml(): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Accueil / X</title>
<style>
  body { margin: 0; font: 15px system-ui, sans-serif; background: #fff; color: #0f1419; }
  main { max-width: 600px; margin: 0 auto; border-left: 1px solid #eff3f4; border-right: 1px solid #eff3f4; }
  /* X's timeline: a virtualised list of absolutely positioned cells in a tall container. */
  #timeline { position: relative; }
  [data-testid=cellInnerDiv] { position: absolute; left: 0; width: 100%; height: 200px; overflow: hidden; }
  article { display: flex; gap: 12px; padding: 12px 16px; border-bottom: 1px solid #eff3f4; }
  .av { width: 40px; height: 40px; border-radius: 50%; background: #8899a6; flex: none; }
  .body { flex: 1; min-width: 0; }
  .meta, .meta a { color: #536471; text-decoration: none; }
  .name { font-weight: 700; color: #0f1419; }
  [role=group] { display: flex; justify-content: space-between; max-width: 425px; margin-top: 12px; color: #536471; }
  button { background: none; border: 0; color: inherit; font: inherit; }
</style></head>
<body><div id="react-root"><main role="main"><div aria-label="Fil d'actualités : Accueil"><div id="timeline"></div></div></main></div>
<script>
(() => {
  const longTasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) longTasks.push([e.startTime, e.duration]); })
    .observe({ type: 'longtask', buffered: true });
  const timeline = document.getElementById('timeline');
  const el = (tag, attrs, ...children) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    for (const c of children) e.append(c);
    return e;
  };
  // One post, in X's structure (sites.md §1): cellInnerDiv > article[data-testid=tweet]
  // with User-Name (name, @handle, status link around <time>), tweetText, the action bar.
  const CELL = 200;
  const post = (p, index) => el('div', { 'data-testid': 'cellInnerDiv', style: 'transform: translateY(' + index * CELL + 'px)' },
    el('div', {}, el('div', {},
      el('article', { 'data-testid': 'tweet', role: 'article', tabindex: '0', 'aria-labelledby': 'id' + p.id },
        el('div', { class: 'av', 'data-testid': 'Tweet-User-Avatar' }),
        el('div', { class: 'body', id: 'id' + p.id },
          el('div', { 'data-testid': 'User-Name', class: 'meta' },
            el('div', {}, el('a', { href: '/' + p.handle, role: 'link' }, el('div', { dir: 'ltr' }, el('span', { class: 'name' }, el('span', {}, p.name))))),
            el('div', {},
              el('a', { href: '/' + p.handle, role: 'link', tabindex: '-1' }, el('div', { dir: 'ltr' }, el('span', {}, '@' + p.handle))),
              el('span', { 'aria-hidden': 'true' }, ' · '),
              el('a', { href: '/' + p.handle + '/status/' + p.id, role: 'link' }, el('time', { datetime: p.datetime }, new Date(p.datetime).toLocaleDateString('fr-FR'))))),
          el('div', { 'data-testid': 'tweetText', dir: 'auto', lang: 'fr' }, el('span', {}, p.text)),
          el('div', { role: 'group', 'aria-label': 'Actions' },
            el('div', {}, el('button', { 'data-testid': 'reply', type: 'button', 'aria-label': 'Répondre' }, '💬')),
            el('div', {}, el('button', { 'data-testid': 'retweet', type: 'button', 'aria-label': 'Reposter' }, '🔁')),
            el('div', {}, el('button', { 'data-testid': 'like', type: 'button', 'aria-label': 'Aimer' }, '♡')),
            el('div', {}, el('button', { 'data-testid': 'bookmark', type: 'button', 'aria-label': 'Signet' }, '🔖'))))))));
  window.__veilleBench = {
    run(posts, batch, interval, settle, keep) {
      return new Promise((resolve) => {
        // The list's full height is set once (as a virtualised list does), so a new cell never resizes it.
        timeline.style.height = posts.length * CELL + 'px';
        const t0 = performance.now();
        let next = 0;
        let appended = 0;
        const append = () => {
          const frag = document.createDocumentFragment();
          for (const [k, p] of posts.slice(next, next + batch).entries()) frag.append(post(p, next + k));
          next += batch;
          appended += frag.childElementCount;
          timeline.append(frag);
          // A virtualised timeline, as X's: the cells far above the reader are removed.
          while (timeline.childElementCount > keep) timeline.firstElementChild.remove();
          // Infinite scroll: the reader follows the newest posts.
          window.scrollTo(0, appended * CELL - innerHeight);
          // On a fixed cadence (t0, t0 + interval, …) while the page keeps up.
          if (next < posts.length) setTimeout(append, Math.max(0, t0 + (next / batch) * interval - performance.now()));
          else setTimeout(done, settle);
        };
        const done = () => {
          const end = performance.now();
          const inWindow = longTasks.filter(([start]) => start >= t0 && start < end);
          resolve({
            windowMs: end - t0,
            appended,
            inDom: document.querySelectorAll('article[data-testid="tweet"]').length,
            longTasks: inWindow.map(([start, d]) => [Math.round(start - t0), Math.round(d)]),
          });
        };
        append();
      });
    },
  };
})();
</script></body></html>`;
}

async function routeFeed(context: BrowserContext): Promise<void> {
  const html = feedHtml();
  // Everything outside the machine is refused; x.com/bench/feed is the page.
  await context.route(
    (url) => url.protocol === 'https:' || (url.protocol === 'http:' && url.hostname !== '127.0.0.1' && url.hostname !== 'localhost'),
    async (route) => {
      const u = new URL(route.request().url());
      if (u.hostname === 'x.com' && u.pathname === '/bench/feed') {
        await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      } else {
        await route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not part of the Veille bench (offline).' });
      }
    },
  );
}

interface ProfileNode {
  id: number;
  callFrame: { url: string };
  children?: number[];
}

/**
 * Time of the samples whose stack holds a chrome-extension:// frame (ms), and
 * the longest run of such samples in a row (≈ the longest slice of extension work).
 */
export function extensionTime(profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] }): { totalMs: number; longestMs: number } {
  const parent = new Map<number, number>();
  const byId = new Map<number, ProfileNode>();
  for (const n of profile.nodes) {
    byId.set(n.id, n);
    for (const c of n.children ?? []) parent.set(c, n.id);
  }
  const inExtension = new Map<number, boolean>();
  const isExt = (id: number): boolean => {
    const known = inExtension.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id);
    const p = parent.get(id);
    const v = Boolean(node?.callFrame.url.startsWith('chrome-extension://')) || (p !== undefined && isExt(p));
    inExtension.set(id, v);
    return v;
  };
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let us = 0;
  let run = 0;
  let longest = 0;
  // timeDeltas[i] is the time since the previous sample: sample i lasts until sample i + 1.
  for (let i = 0; i < samples.length; i++) {
    if (isExt(samples[i]!)) {
      const d = deltas[i + 1] ?? 0;
      us += d;
      run += d;
      longest = Math.max(longest, run);
    } else {
      run = 0;
    }
  }
  return { totalMs: us / 1000, longestMs: longest / 1000 };
}

/** Stop the CDP trace and write it to `file` as one JSON document. */
async function saveTrace(cdp: CDPSession, file: string): Promise<void> {
  const done = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (e: { stream?: string }) => resolve(e.stream ?? '')));
  await cdp.send('Tracing.end');
  const handle = await done;
  const chunks: string[] = [];
  for (;;) {
    const { data, eof, base64Encoded } = (await cdp.send('IO.read', { handle })) as { data: string; eof: boolean; base64Encoded?: boolean };
    chunks.push(base64Encoded ? Buffer.from(data, 'base64').toString('utf8') : data);
    if (eof) break;
  }
  await cdp.send('IO.close', { handle });
  writeFileSync(file, chunks.join(''));
}

async function metrics(cdp: CDPSession): Promise<{ task: number; script: number; thread: number }> {
  const { metrics: m } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
  const get = (name: string) => m.find((x) => x.name === name)?.value ?? 0;
  return { task: get('TaskDuration') * 1000, script: get('ScriptDuration') * 1000, thread: get('ThreadTime') * 1000 };
}

async function storedCount(context: BrowserContext, extensionId: string): Promise<number> {
  const p = await context.newPage();
  try {
    await p.goto(`chrome-extension://${extensionId}/popup.html?url=about%3Ablank`);
    return await p.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const req = indexedDB.open('veille');
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const db = req.result;
            if (!db.objectStoreNames.contains('mentions')) {
              db.close();
              resolve(0);
              return;
            }
            const c = db.transaction('mentions', 'readonly').objectStore('mentions').count();
            c.onsuccess = () => {
              resolve(c.result);
              db.close();
            };
            c.onerror = () => reject(c.error);
          };
        }),
    );
  } finally {
    await p.close();
  }
}

/** One run of the feed, with or without the extension, in a fresh profile. */
export async function runFeed(withExtension: boolean, opts: FeedOptions): Promise<FeedRun> {
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), withExtension ? 'veille-bench-ext-' : 'veille-bench-plain-'));
  let context: BrowserContext | null = null;
  try {
    let extensionId: string | null = null;
    if (withExtension) {
      const launched = await launchVeille({ userDataDir, headless: true });
      context = launched.context;
      extensionId = launched.extensionId;
      // The worker seeds the demo brand ("Acme") on install; wait for it, so the page starts with it.
      const worker = launched.worker;
      const deadline = Date.now() + 15_000;
      while (Date.now() < deadline) {
        const n = await worker.evaluate(async () => ((await chrome.storage.local.get('brands')) as { brands?: unknown[] }).brands?.length ?? 0);
        if (n > 0) break;
        await new Promise((r) => setTimeout(r, 100));
      }
    } else {
      context = await chromium.launchPersistentContext(userDataDir, {
        executablePath: chromiumPath(),
        headless: true,
        locale: 'en-US',
        viewport: { width: 1280, height: 900 },
        args: chromiumArgs({ extension: false }),
      });
    }
    await routeFeed(context);
    const page: Page = context.pages()[0] ?? (await context.newPage());
    await page.goto(FEED_URL, { waitUntil: 'load' });
    if (withExtension) {
      // The content script marks the page when it starts (lib/content/main.ts).
      await page.waitForFunction(() => document.documentElement.hasAttribute('data-veille'), null, { timeout: 15_000 });
    }
    // Let start-up work (script injection, first scan) finish before the window opens.
    await page.waitForTimeout(500);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const profile = withExtension && opts.profile === true;
    if (profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    if (opts.traceFile) {
      await cdp.send('Tracing.start', {
        transferMode: 'ReturnAsStream',
        traceConfig: { includedCategories: ['devtools.timeline', 'v8', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8.execute', 'disabled-by-default-v8.gc', 'blink_gc', 'disabled-by-default-cppgc', 'disabled-by-default-blink_gc'] },
      });
    }
    const before = await metrics(cdp);
    opts.log(
      `feed: appending ${opts.posts.length} posts (${opts.batch} every ${opts.intervalMs} ms) ${withExtension ? 'with Veille' : 'without extension'}${profile ? ', CPU profile on' : ''}…`,
    );
    type PageResult = { windowMs: number; appended: number; inDom: number; longTasks: Array<[number, number]> };
    const result = await page.evaluate(
      ([posts, batch, interval, settle, keep]) =>
        (window as unknown as { __veilleBench: { run(p: unknown, b: number, i: number, s: number, k: number): Promise<PageResult> } }).__veilleBench.run(posts, batch, interval, settle, keep),
      [opts.posts, opts.batch, opts.intervalMs, opts.settleMs, opts.keep] as const,
    );
    const after = await metrics(cdp);
    if (opts.traceFile) await saveTrace(cdp, opts.traceFile);
    let extensionScriptMs: number | null = null;
    let extensionLongestMs: number | null = null;
    if (profile) {
      const { profile: cpuProfile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] } };
      const ext = extensionTime(cpuProfile);
      extensionScriptMs = ext.totalMs;
      extensionLongestMs = ext.longestMs;
    }
    if (result.appended !== opts.posts.length) throw new Error(`the feed appended ${result.appended} posts, not ${opts.posts.length}`);

    let storedMentions: number | null = null;
    if (extensionId) {
      // The runner sends batches every 250 ms and the worker scores and stores them: wait for all.
      const deadline = Date.now() + 60_000;
      let last = -1;
      while (Date.now() < deadline) {
        storedMentions = await storedCount(context, extensionId);
        if (storedMentions >= opts.expectedMentions) break;
        if (storedMentions !== last) opts.log(`feed: ${storedMentions}/${opts.expectedMentions} mentions stored…`);
        last = storedMentions;
        await new Promise((r) => setTimeout(r, 500));
      }
    }
    const lt = result.longTasks.map(([, d]) => d);
    return {
      extension: withExtension,
      posts: result.appended,
      inDom: result.inDom,
      windowMs: round(result.windowMs),
      longTasks: lt.length,
      longTaskMs: round(lt.reduce((a, d) => a + d, 0)),
      blockingMs: round(lt.reduce((a, d) => a + Math.max(0, d - 50), 0)),
      maxLongTaskMs: round(lt.reduce((a, d) => Math.max(a, d), 0)),
      longTaskList: result.longTasks,
      taskMs: round(after.task - before.task),
      scriptMs: round(after.script - before.script),
      threadCpuMs: round(after.thread - before.thread),
      extensionScriptMs: extensionScriptMs === null ? null : round(extensionScriptMs),
      extensionLongestSliceMs: extensionLongestMs === null ? null : round(extensionLongestMs),
      storedMentions,
    };
  } finally {
    await context?.close().catch(() => {});
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
