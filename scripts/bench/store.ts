/**
 * The store / popup / dashboard part of `npm run bench`, in real Chromium with
 * the built extension, in a fresh profile:
 *
 *   1. store: an extension page (popup.html) evaluates scripts/bench/store-page.ts,
 *      bundled here with esbuild: the extension's own Dexie schema, and `items`
 *      realistic MentionRow objects (scripts/bench/mentions.ts, spread over a
 *      year) written with Dexie `bulkPut` in batches, one transaction each, into
 *      the extension's IndexedDB. bulkInsertPerSec = items / time of the bulkPut calls.
 *   0. baselines: both pages opened `runs` times over the still empty database.
 *   2. popup: popup.html?url=<the X demo page> (12 of the stored mentions were
 *      seen there), opened `runs` times in a new tab; each time the popup's own
 *      mark `document.documentElement.dataset.firstRenderMs` (performance.now()
 *      in the frame after its list first rendered, so ms since navigation start).
 *   3. dashboard: dashboard.html (default range, the last 30 days) the same way,
 *      and once more over the whole year (every stored row in range). The KPIs
 *      shown are checked against the same rows summarised in Node.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { buildSync } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { daysBefore, defaultFilters, summarize, type Filters } from '../../lib/dashboard/shape';
import { localDay } from '../../lib/kpi/formulas';
import { pageKey } from '../../lib/storage/schema';
import { launchVeille } from '../browser.mjs';
import { generateCrisisRows, generateMentionRows } from './mentions';
import type { SeedResult } from './store-page';

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** The X demo page (demo/pages.json): the popup is opened about it. */
export const POPUP_PAGE = 'https://x.com/AcmeFrance/status/1860000000000000001';
export const PAGE_MENTIONS = 12;
export const SPAN_DAYS = 365;

export interface StoreOptions {
  items: number;
  batch: number;
  runs: number;
  log(message: string): void;
}

export interface StoreReport {
  /** Mentions stored (counted in the extension's IndexedDB after the inserts). */
  items: number;
  /** items / wall time of the Dexie bulkPut calls. */
  bulkInsertPerSec: number;
  batch: number;
  insertMs: number;
  batchMsMin: number;
  batchMsMax: number;
  spanDays: number;
  how: string;
}

export interface RenderReport {
  /** Median over the runs, ms since navigation start. */
  firstRenderMs: number;
  runsMs: number[];
}

export interface BaselineReport {
  /** The same page, same profile, before any mention was stored (median, and each run): the page's own start-up cost. */
  emptyDbFirstRenderMs: number;
  emptyDbRunsMs: number[];
}

export interface PopupReport extends RenderReport, BaselineReport {
  pageUrl: string;
  /** Mentions of that page the popup listed (expected PAGE_MENTIONS). */
  listed: number;
}

export interface DashboardReport extends RenderReport, BaselineReport {
  range: { from: string; to: string };
  /** Stored rows in the default range (all brands, all sites). */
  rowsInRange: number;
  /** The volume KPI the page showed, and the one computed in Node from the same rows. */
  shownVolume: number;
  expectedVolume: number;
  /** Every other KPI tile equal to the Node computation too. */
  kpisMatch: boolean;
  /** The same page over the whole span (every stored row in range). */
  wholeSpan: RenderReport & { range: { from: string; to: string }; rowsInRange: number; shownVolume: number };
}

/** The browser bundle of store-page.ts (IIFE; Dexie and the schema included). */
export function storePageBundle(): string {
  const out = buildSync({ entryPoints: [path.join(HERE, 'store-page.ts')], bundle: true, format: 'iife', platform: 'browser', target: 'chrome120', write: false, logLevel: 'silent' });
  return out.outputFiles[0]!.text;
}

async function firstRender(context: BrowserContext, url: string): Promise<{ page: Page; ms: number }> {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.firstRenderMs !== undefined, null, { timeout: 60_000 });
  const ms = Number(await page.evaluate(() => document.documentElement.dataset.firstRenderMs));
  return { page, ms };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

async function kpiValues(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => Object.fromEntries([...document.querySelectorAll<HTMLElement>('.kpi')].map((el) => [el.dataset.testid ?? '', el.dataset.value ?? ''])));
}

function expectedKpis(d: ReturnType<typeof summarize>): Record<string, string> {
  const s = (x: number | null) => (x === null ? '' : String(x));
  return {
    'kpi-volume': s(d.counts.total),
    'kpi-share-positive': s(d.share.positive),
    'kpi-share-neutral': s(d.share.neutral),
    'kpi-share-negative': s(d.share.negative),
    'kpi-net': s(d.net),
    'kpi-health': s(d.health),
    'kpi-response-rate': s(d.response.rate),
    'kpi-median-reply': s(d.response.medianMs),
    'kpi-mean-reply': s(d.response.meanMs),
    'kpi-open-follow-ups': s(d.openFollowUps),
  };
}

export async function runStore(opts: StoreOptions): Promise<{ store: StoreReport; popup: PopupReport; dashboard: DashboardReport }> {
  const bundle = storePageBundle();
  const now = Date.now();
  const gen = { count: opts.items, now, spanDays: SPAN_DAYS, pageUrl: pageKey(POPUP_PAGE), pageMentions: PAGE_MENTIONS };
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'veille-bench-store-'));
  const launched = await launchVeille({ userDataDir, headless: true });
  const { context, extensionId } = launched;
  const base = `chrome-extension://${extensionId}`;
  try {
    // The worker creates the database and seeds the demo brands on install: wait for it.
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      const n = await launched.worker.evaluate(async () => ((await chrome.storage.local.get('brands')) as { brands?: unknown[] }).brands?.length ?? 0);
      if (n > 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }

    // 0. Baselines: both pages over an empty database.
    const baseline = async (url: string) => {
      const runs: number[] = [];
      for (let i = 0; i < opts.runs; i++) {
        const { page, ms } = await firstRender(context, url);
        runs.push(ms);
        await page.close();
      }
      return runs;
    };
    const popupUrl = `${base}/popup.html?url=${encodeURIComponent(POPUP_PAGE)}`;
    const popupEmpty = await baseline(popupUrl);
    const dashEmpty = await baseline(`${base}/dashboard.html`);
    opts.log(`empty database: popup ${popupEmpty.join(', ')} ms; dashboard ${dashEmpty.join(', ')} ms`);

    // 1. Store.
    opts.log(`store: writing ${opts.items} mentions with Dexie bulkPut (batches of ${opts.batch}) in the extension's IndexedDB…`);
    const seeder = await context.newPage();
    await seeder.goto(`${base}/popup.html?url=about%3Ablank`);
    await seeder.evaluate(bundle);
    const seeded = await seeder.evaluate(
      (o) => (globalThis as unknown as { __veilleStore: { seed(x: typeof o): Promise<SeedResult> } }).__veilleStore.seed(o),
      { ...gen, batch: opts.batch },
    );
    await seeder.close();
    if (seeded.stored < opts.items) throw new Error(`store: ${seeded.stored} rows stored, ${opts.items} expected`);
    const store: StoreReport = {
      items: seeded.stored,
      bulkInsertPerSec: Math.round(seeded.items / (seeded.insertMs / 1000)),
      batch: seeded.batch,
      insertMs: round(seeded.insertMs),
      batchMsMin: round(Math.min(...seeded.batchMs)),
      batchMsMax: round(Math.max(...seeded.batchMs)),
      spanDays: SPAN_DAYS,
      how: "Dexie bulkPut of MentionRow objects (scripts/bench/mentions.ts) from an extension page, with the extension's own schema (lib/storage/db.ts), into the extension's IndexedDB in Chromium; one transaction per batch; generation not timed",
    };
    opts.log(`store: ${store.items} rows, ${store.bulkInsertPerSec} rows/s`);

    // The same rows in Node, for the expected figures.
    const rows = generateMentionRows(gen);
    const crisis = generateCrisisRows(now, SPAN_DAYS);

    // 2. Popup. One warm-up opening first, not counted: the first opening after 100,000 writes also waits for
    // the database's own compaction of those writes, which is not what a CM opening the popup meets.
    await (await firstRender(context, popupUrl)).page.close();
    const popupRuns: number[] = [];
    let listed = 0;
    for (let i = 0; i < opts.runs; i++) {
      const { page, ms } = await firstRender(context, popupUrl);
      popupRuns.push(ms);
      listed = await page.getByTestId('mention').count();
      await page.close();
    }
    opts.log(`popup: first render ${popupRuns.join(', ')} ms (${listed} mentions listed)`);

    // 3. Dashboard: default range, then the whole span.
    const f: Filters = defaultFilters();
    const expected = summarize(rows, crisis, f);
    const dashRuns: number[] = [];
    let shown: Record<string, string> = {};
    for (let i = 0; i < opts.runs; i++) {
      const { page, ms } = await firstRender(context, `${base}/dashboard.html`);
      dashRuns.push(ms);
      shown = await kpiValues(page);
      await page.close();
    }
    const want = expectedKpis(expected);
    const kpisMatch = Object.entries(want).every(([k, v]) => shown[k] === v);
    if (!kpisMatch) opts.log(`dashboard: KPIs differ: shown ${JSON.stringify(shown)}, expected ${JSON.stringify(want)}`);
    opts.log(`dashboard: first render ${dashRuns.join(', ')} ms (${expected.counts.total} mentions in range)`);

    const whole: Filters = { from: daysBefore(localDay(Date.now()), SPAN_DAYS), to: localDay(Date.now()), brandId: null, site: null };
    const wholeExpected = summarize(rows, crisis, whole);
    const wholeRuns: number[] = [];
    let wholeShown = -1;
    for (let i = 0; i < Math.min(3, opts.runs); i++) {
      const { page, ms } = await firstRender(context, `${base}/dashboard.html#from=${whole.from}&to=${whole.to}`);
      wholeRuns.push(ms);
      wholeShown = Number((await kpiValues(page))['kpi-volume']);
      await page.close();
    }
    opts.log(`dashboard, whole span: first render ${wholeRuns.join(', ')} ms (${wholeExpected.counts.total} mentions in range)`);

    return {
      store,
      popup: { firstRenderMs: median(popupRuns), runsMs: popupRuns, emptyDbFirstRenderMs: median(popupEmpty), emptyDbRunsMs: popupEmpty, pageUrl: POPUP_PAGE, listed },
      dashboard: {
        firstRenderMs: median(dashRuns),
        runsMs: dashRuns,
        emptyDbFirstRenderMs: median(dashEmpty),
        emptyDbRunsMs: dashEmpty,
        range: { from: f.from, to: f.to },
        rowsInRange: expected.counts.total,
        shownVolume: Number(shown['kpi-volume']),
        expectedVolume: expected.counts.total,
        kpisMatch,
        wholeSpan: {
          firstRenderMs: median(wholeRuns),
          runsMs: wholeRuns,
          range: { from: whole.from, to: whole.to },
          rowsInRange: wholeExpected.counts.total,
          shownVolume: wholeShown,
        },
      },
    };
  } finally {
    await context.close().catch(() => {});
    rmSync(userDataDir, { recursive: true, force: true });
  }
}
