/**
 * `npm run bench -- [--json] [--no-build] [--only feed,matcher,bundle,store] [--posts N] [--batch N] [--interval MS] [--mb N] [--items N] [--runs N] [--pairs N] [--trace FILE]`
 *
 * Measures what the issue asks of the content script and the matcher, in one run:
 *   feed     a 10,000-post X-like feed appended in batches (default 20 posts every 50 ms,
 *            400 posts/s; --batch/--interval) in real Chromium, without the extension, with
 *            it, and with it under the CPU profiler (scripts/bench/feed.ts): long tasks,
 *            main-thread time, the content script's own CPU time, and the mentions the
 *            extension stored (it must store every post that names "Acme").
 *   matcher  500 brand terms over >= 20 MB of French/English social text (scripts/bench/corpus.ts),
 *            lib/brands/matcher.ts against the naive loop of one RegExp per term, same text, same run.
 *   bundle   every content script of .output/chrome-mv3/content-scripts/, gzipped (node:zlib, level 9).
 *   store    (report fields store, popup, dashboard) in real Chromium with the built extension
 *            (scripts/bench/store.ts): 100,000 realistic mentions written with Dexie bulkPut
 *            into the extension's IndexedDB; then the popup (about a demo page) and the
 *            dashboard opened over them, timed by their own first-render marks.
 * See README "Benchmarks" for the definitions and the figures measured.
 *
 * stdout: with --json, ONE JSON object and nothing else; otherwise a short summary.
 * stderr: progress. Exit code 0 when it ran (targets met or not: see `targets`),
 * 1 when a part failed (e.g. the extension did not store the expected mentions), 2 on a usage error.
 *
 * Run with tsx (a devDependency): `tsx scripts/bench.ts …` (what `npm run bench` does).
 * It runs `wxt build` first unless --no-build.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { DEMO_BRANDS } from '../lib/brands/demo';
import { buildMatcher } from '../lib/brands/matcher';
import type { FeedRun } from './bench/feed';
import { brandTerms, compileRegexLoop, generateBrands, generateCorpus, generateFeedPosts, regexLoopMatch } from './bench/corpus';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CONTENT_DIR = path.join(ROOT, '.output', 'chrome-mv3', 'content-scripts');

export class UsageError extends Error {}

export type Part = 'feed' | 'matcher' | 'bundle' | 'store';
export const PARTS: readonly Part[] = ['feed', 'matcher', 'bundle', 'store'];

export interface BenchOptions {
  json: boolean;
  build: boolean;
  only: Part[];
  /** Feed posts. */
  posts: number;
  /** Matcher text size, in MiB of UTF-8. */
  mb: number;
  /** Feed posts per append, and ms between appends. */
  batch: number;
  interval: number;
  /** Stored mentions for the store/popup/dashboard part, and how many times each page is opened. */
  items: number;
  runs: number;
  /** Chrome trace of the feed run with the extension (diagnostics). */
  trace?: string;
  /** Pairs of feed runs (without, with the extension) whose long-task differences give the median. */
  pairs: number;
}

export function parseArgs(argv: readonly string[]): BenchOptions {
  const opts: BenchOptions = { json: false, build: true, only: [...PARTS], posts: 10_000, mb: 20, batch: 20, interval: 50, items: 100_000, runs: 5, pairs: 5 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined || v === '') throw new UsageError(`${a} needs a value`);
      return v;
    };
    const positive = (v: string) => {
      const n = Number(v);
      if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${a}: not a positive number: ${v}`);
      return n;
    };
    if (a === '--json') opts.json = true;
    else if (a === '--no-build') opts.build = false;
    else if (a === '--only' || a.startsWith('--only=')) {
      const parts = value().split(',').map((s) => s.trim());
      for (const p of parts) if (!(PARTS as readonly string[]).includes(p)) throw new UsageError(`--only: unknown part ${p} (${PARTS.join(', ')})`);
      opts.only = parts as Part[];
    } else if (a === '--posts' || a.startsWith('--posts=')) opts.posts = Math.round(positive(value()));
    else if (a === '--mb' || a.startsWith('--mb=')) opts.mb = positive(value());
    else if (a === '--batch' || a.startsWith('--batch=')) opts.batch = Math.round(positive(value()));
    else if (a === '--interval' || a.startsWith('--interval=')) opts.interval = positive(value());
    else if (a === '--items' || a.startsWith('--items=')) opts.items = Math.round(positive(value()));
    else if (a === '--runs' || a.startsWith('--runs=')) opts.runs = Math.round(positive(value()));
    else if (a === '--trace' || a.startsWith('--trace=')) opts.trace = value();
    else if (a === '--pairs' || a.startsWith('--pairs=')) opts.pairs = Math.round(positive(value()));
    else if (a === '--help' || a === '-h') throw new UsageError('');
    else throw new UsageError(`unknown option ${a}`);
  }
  return opts;
}

const log = (message: string) => process.stderr.write(message + '\n');
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

// ─── Bundle ──────────────────────────────────────────────────────────────────

export interface BundleReport {
  /** Largest content script, gzipped (level 9), bytes. */
  contentGzipBytes: number;
  largest: string;
  scripts: Array<{ file: string; bytes: number; gzipBytes: number }>;
}

export function bundleReport(dir = CONTENT_DIR): BundleReport {
  if (!existsSync(dir)) throw new Error(`no build in ${dir}: run without --no-build, or "npm run build" first`);
  const scripts = readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .sort()
    .map((file) => {
      const bytes = readFileSync(path.join(dir, file));
      return { file, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
    });
  if (scripts.length === 0) throw new Error(`no content script in ${dir}`);
  const largest = scripts.reduce((a, b) => (b.gzipBytes > a.gzipBytes ? b : a));
  return { contentGzipBytes: largest.gzipBytes, largest: largest.file, scripts };
}

// ─── Matcher ─────────────────────────────────────────────────────────────────

export interface MatcherReport {
  brands: number;
  terms: number;
  /** UTF-8 bytes of text, and the same in MB (10^6 bytes). */
  textBytes: number;
  textMB: number;
  posts: number;
  /** Documents of ~1 MB (posts joined by newlines): both contenders get each one in one call. */
  docs: number;
  /** lib/brands/matcher.ts (fold + automaton + boundaries + exclusions), median of 3 passes. */
  matcherMs: number;
  mbPerSec: number;
  /** One RegExp per term, `test` on each document (stops at its first hit), one pass. */
  regexLoopMs: number;
  regexLoopMbPerSec: number;
  speedupVsRegexLoop: number;
  /** Sum over documents of the distinct terms found (the matcher folds accents, the RegExps do not). */
  termsFound: { matcher: number; regexLoop: number };
  /** The same matcher called once per post, as the content script does, against the RegExp loop on a sample of posts. */
  perPost: { matcherMbPerSec: number; regexLoopMbPerSec: number; regexSampleMB: number; speedup: number };
  matcherBuildMs: number;
}

export function benchMatcher(mb: number): MatcherReport {
  const brands = generateBrands(100);
  const terms = brandTerms(brands);
  log(`matcher: generating ${mb} MiB of text with ${terms.length} brand terms…`);
  const corpus = generateCorpus(mb * 1024 * 1024, { mentionRate: 0.05, terms, seed: 42, docBytes: 1_000_000 });
  const textMB = corpus.bytes / 1e6;

  let t = performance.now();
  const matcher = buildMatcher(brands);
  const matcherBuildMs = performance.now() - t;
  const regexps = compileRegexLoop(terms);

  // Warm-up (JIT, regexp tier-up) on a small text, for both.
  const warm = corpus.docs[0]!.slice(0, 20_000);
  for (let i = 0; i < 5; i++) matcher.match(warm);
  regexLoopMatch(regexps, warm);
  regexLoopMatch(regexps, warm);

  log(`matcher: ${corpus.docs.length} documents, ${round(textMB)} MB; Aho–Corasick matcher…`);
  const passes: number[] = [];
  let matcherFound = 0;
  for (let pass = 0; pass < 3; pass++) {
    let found = 0;
    t = performance.now();
    for (const doc of corpus.docs) for (const m of matcher.match(doc)) found += m.terms.length;
    passes.push(performance.now() - t);
    matcherFound = found;
  }
  const matcherMs = median(passes);

  log(`matcher: RegExp loop (${regexps.length} RegExps)…`);
  let regexFound = 0;
  t = performance.now();
  for (const doc of corpus.docs) regexFound += regexLoopMatch(regexps, doc).length;
  const regexLoopMs = performance.now() - t;

  // Per post, as the content script calls it: the whole text for the matcher, ~1 MB of posts for the RegExp loop.
  const posts = corpus.docs.flatMap((d) => d.split('\n'));
  t = performance.now();
  for (const p of posts) matcher.match(p);
  const perPostMatcherMs = performance.now() - t;
  const sample: string[] = [];
  let sampleBytes = 0;
  for (const p of posts) {
    if (sampleBytes >= 1_000_000) break;
    sample.push(p);
    sampleBytes += Buffer.byteLength(p) + 1;
  }
  log(`matcher: per post (${posts.length} posts; RegExp loop on ${sample.length} of them)…`);
  t = performance.now();
  for (const p of sample) regexLoopMatch(regexps, p);
  const perPostRegexMs = performance.now() - t;
  const perPostMatcherMbps = textMB / (perPostMatcherMs / 1000);
  const perPostRegexMbps = sampleBytes / 1e6 / (perPostRegexMs / 1000);

  const mbPerSec = textMB / (matcherMs / 1000);
  const regexLoopMbPerSec = textMB / (regexLoopMs / 1000);
  return {
    brands: brands.length,
    terms: terms.length,
    textBytes: corpus.bytes,
    textMB: round(textMB),
    posts: corpus.posts,
    docs: corpus.docs.length,
    matcherMs: round(matcherMs, 1),
    mbPerSec: round(mbPerSec, 1),
    regexLoopMs: round(regexLoopMs, 1),
    regexLoopMbPerSec: round(regexLoopMbPerSec),
    speedupVsRegexLoop: round(regexLoopMs / matcherMs, 1),
    termsFound: { matcher: matcherFound, regexLoop: regexFound },
    perPost: {
      matcherMbPerSec: round(perPostMatcherMbps, 1),
      regexLoopMbPerSec: round(perPostRegexMbps),
      regexSampleMB: round(sampleBytes / 1e6),
      speedup: round(perPostMatcherMbps / perPostRegexMbps, 1),
    },
    matcherBuildMs: round(matcherBuildMs, 1),
  };
}

// ─── Feed ────────────────────────────────────────────────────────────────────

export interface FeedReport {
  posts: number;
  batch: number;
  intervalMs: number;
  /** Posts the virtualised timeline keeps in the DOM. */
  keep: number;
  /** Long tasks (> 50 ms) with the extension minus without it: the median over the pairs of runs. */
  longTasksExtension: number;
  /** The mean of the same differences. */
  longTasksExtensionMean: number;
  /** Long tasks of each pair of runs. */
  pairs: Array<{ withExtension: number; withoutExtension: number }>;
  /** Content-script main-thread time per post (CPU profile, see README), ms. */
  msPerPost: number;
  /** (main-thread busy time with − without) / posts, ms: the same cost seen from outside, noisier. */
  msPerPostMainThreadDelta: number;
  /** Longest stretch of extension code in the profiled run, ms (the runner slices its work). */
  longestExtensionSliceMs: number | null;
  definitions: Record<string, string>;
  expectedMentions: number;
  storedMentions: number | null;
  /** The pair whose difference is the median, in full. */
  withExtension: FeedRun;
  withoutExtension: FeedRun;
  /** A third run, with the extension and the CPU profiler (msPerPost comes from it). */
  withExtensionProfiled: FeedRun;
}

export async function benchFeed(count: number, batch = 20, intervalMs = 50, traceFile?: string, pairs = 5): Promise<FeedReport> {
  const { runFeed } = await import('./bench/feed');
  const posts = generateFeedPosts(count, 0.05);
  const demo = buildMatcher(DEMO_BRANDS);
  const expectedMentions = posts.filter((p) => demo.match(p.text).length > 0).length;
  const common = { posts, batch, intervalMs, settleMs: 2000, keep: 1000, expectedMentions, log };
  // Long tasks are counted in pairs of runs (without Veille, with it; the order alternates so that a drift of the
  // machine weighs on both sides). The page alone has long tasks of its own on a busy feed, and a single pair's
  // difference swings by ±3 even when the extension does nothing at all (README, "Notes on the feed figures"):
  // the figure is the median of the pairs' differences.
  const runs: Array<{ without: FeedRun; with: FeedRun }> = [];
  for (let i = 0; i < pairs; i++) {
    const trace = i === 0 ? traceFile : undefined;
    // --trace FILE: the first pair's run with Veille goes to FILE, the one without to FILE's name + "-without".
    const runWithout = () => runFeed(false, trace ? { ...common, traceFile: trace.replace(/(\.json)?$/, '-without$1') } : common);
    const runWith = () => runFeed(true, trace ? { ...common, traceFile: trace } : common);
    if (i % 2 === 0) {
      const without = await runWithout();
      runs.push({ without, with: await runWith() });
    } else {
      const withRun = await runWith();
      runs.push({ without: await runWithout(), with: withRun });
    }
    log(`bench: pair ${i + 1}/${pairs}: long tasks ${runs[i]!.with.longTasks} with Veille, ${runs[i]!.without.longTasks} without`);
  }
  const diffs = runs.map((r) => r.with.longTasks - r.without.longTasks);
  const medianDiff = median(diffs);
  // The pair whose difference is the median is reported in full.
  const shown = runs[diffs.indexOf(medianDiff)]!;
  const { with: withExtension, without: withoutExtension } = shown;
  const profiled = await runFeed(true, { ...common, profile: true });
  const n = withExtension.posts;
  const stored = runs.map((r) => r.with.storedMentions ?? 0);
  return {
    posts: n,
    batch: common.batch,
    intervalMs: common.intervalMs,
    keep: common.keep,
    longTasksExtension: medianDiff,
    longTasksExtensionMean: round(diffs.reduce((a, b) => a + b, 0) / diffs.length),
    pairs: runs.map((r) => ({ withExtension: r.with.longTasks, withoutExtension: r.without.longTasks })),
    msPerPost: round((profiled.extensionScriptMs ?? 0) / n, 4),
    msPerPostMainThreadDelta: round(runs.reduce((a, r) => a + r.with.taskMs - r.without.taskMs, 0) / runs.length / n, 4),
    longestExtensionSliceMs: profiled.extensionLongestSliceMs,
    definitions: {
      longTasksExtension:
        'median over the pairs of (withExtension.longTasks - withoutExtension.longTasks): PerformanceObserver longtask entries (> 50 ms) from the first append until 2 s after the last, runs without the profiler',
      msPerPost:
        'withExtensionProfiled.extensionScriptMs / posts: CPU-profile samples (200 µs) whose stack holds a chrome-extension:// frame (content script, its DOM reads, matcher, messaging), per post appended',
      msPerPostMainThreadDelta: 'mean over the pairs of (withExtension.taskMs - withoutExtension.taskMs) / posts: CDP TaskDuration of the renderer main thread, with minus without',
    },
    expectedMentions,
    // Every run with Veille must store every mention: the fewest stored is reported.
    storedMentions: Math.min(...stored),
    withExtension,
    withoutExtension,
    withExtensionProfiled: profiled,
  };
}

// ─── Report ──────────────────────────────────────────────────────────────────

export interface BenchReport {
  feed?: FeedReport;
  matcher?: MatcherReport;
  bundle?: BundleReport;
  store?: import('./bench/store').StoreReport;
  popup?: import('./bench/store').PopupReport;
  dashboard?: import('./bench/store').DashboardReport;
  targets: Record<string, boolean>;
  environment: {
    node: string;
    platform: string;
    cpus: number;
    cpuModel: string;
    chromium: string | null;
    date: string;
    /** 1-minute load average when the bench started and when it ended: long tasks are wall-clock, other processes stretch them. */
    loadAverage: { start: number; end: number | null };
  };
}

/** Each target of the issue that this report can judge, true when met. */
export function judgeTargets(r: Pick<BenchReport, 'feed' | 'matcher' | 'bundle' | 'store' | 'popup' | 'dashboard'>): Record<string, boolean> {
  const t: Record<string, boolean> = {};
  if (r.feed) {
    t['feed.posts >= 10000'] = r.feed.posts >= 10_000;
    t['feed.longTasksExtension == 0'] = r.feed.longTasksExtension <= 0;
    t['feed.msPerPost < 1'] = r.feed.msPerPost < 1;
    t['feed.storedMentions == expected'] = r.feed.storedMentions === r.feed.expectedMentions;
  }
  if (r.matcher) {
    t['matcher.textMB >= 20'] = r.matcher.textMB >= 20;
    t['matcher.terms == 500'] = r.matcher.terms === 500;
    t['matcher.speedupVsRegexLoop >= 10'] = r.matcher.speedupVsRegexLoop >= 10;
  }
  if (r.bundle) t['bundle.contentGzipBytes < 40000'] = r.bundle.contentGzipBytes < 40_000;
  if (r.store) t['store.items >= 100000'] = r.store.items >= 100_000;
  if (r.popup) t['popup.firstRenderMs < 100'] = r.popup.firstRenderMs < 100;
  if (r.dashboard) {
    t['dashboard.firstRenderMs < 500'] = r.dashboard.firstRenderMs < 500;
    t['dashboard.kpis == expected'] = r.dashboard.kpisMatch && r.dashboard.shownVolume === r.dashboard.expectedVolume;
  }
  return t;
}

function chromiumVersion(): string | null {
  try {
    const bin = process.env.CHROME_PATH || '/usr/bin/chromium';
    const r = spawnSync(bin, ['--version'], { encoding: 'utf8', timeout: 10_000 });
    return r.stdout.trim() || null;
  } catch {
    return null;
  }
}

function summary(r: BenchReport): string {
  const lines: string[] = [];
  if (r.feed) {
    const f = r.feed;
    lines.push(
      `feed     ${f.posts} posts: long tasks with/without Veille ${f.pairs.map((p) => `${p.withExtension}/${p.withoutExtension}`).join(', ')} (median difference ${f.longTasksExtension}, mean ${f.longTasksExtensionMean});`,
      `         content script ${f.msPerPost} ms/post (main-thread delta ${f.msPerPostMainThreadDelta} ms/post); ${f.storedMentions}/${f.expectedMentions} mentions stored`,
    );
  }
  if (r.matcher) {
    const m = r.matcher;
    lines.push(
      `matcher  ${m.terms} terms over ${m.textMB} MB: ${m.mbPerSec} MB/s, RegExp loop ${m.regexLoopMbPerSec} MB/s, speedup ×${m.speedupVsRegexLoop}` +
        ` (per post: ${m.perPost.matcherMbPerSec} vs ${m.perPost.regexLoopMbPerSec} MB/s, ×${m.perPost.speedup})`,
    );
  }
  if (r.bundle) lines.push(`bundle   largest content script ${r.bundle.largest}: ${r.bundle.contentGzipBytes} bytes gzipped`);
  if (r.store) lines.push(`store    ${r.store.items} mentions, Dexie bulkPut ${r.store.bulkInsertPerSec} rows/s (batches of ${r.store.batch})`);
  if (r.popup) lines.push(`popup    first render ${r.popup.firstRenderMs} ms (median of ${r.popup.runsMs.join(', ')}; ${r.popup.listed} mentions listed; empty database ${r.popup.emptyDbFirstRenderMs} ms)`);
  if (r.dashboard) {
    const d = r.dashboard;
    lines.push(
      `dashboard first render ${d.firstRenderMs} ms (median of ${d.runsMs.join(', ')}; ${d.rowsInRange} mentions in ${d.range.from}..${d.range.to}, KPIs ${d.kpisMatch ? 'match' : 'DIFFER'});`,
      `         whole span ${d.wholeSpan.firstRenderMs} ms (${d.wholeSpan.rowsInRange} mentions); empty database ${d.emptyDbFirstRenderMs} ms`,
    );
  }
  for (const [k, ok] of Object.entries(r.targets)) lines.push(`${ok ? 'met    ' : 'MISSED '} ${k}`);
  return lines.join('\n');
}

export async function main(argv: readonly string[]): Promise<number> {
  let opts: BenchOptions;
  try {
    opts = parseArgs(argv);
  } catch (err) {
    const usage = 'usage: npm run bench -- [--json] [--no-build] [--only feed,matcher,bundle,store] [--posts N] [--batch N] [--interval MS] [--mb N] [--items N] [--runs N] [--pairs N] [--trace FILE]';
    process.stderr.write((err as Error).message ? `bench: ${(err as Error).message}\n${usage}\n` : usage + '\n');
    return 2;
  }
  const started = performance.now();
  const needsBuild = opts.only.includes('feed') || opts.only.includes('bundle') || opts.only.includes('store');
  if (opts.build && needsBuild) {
    log('bench: wxt build…');
    const r = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'wxt'), ['build'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
    if (r.status !== 0) {
      log('bench: wxt build failed');
      return 1;
    }
  }
  const report: BenchReport = {
    targets: {},
    environment: {
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      chromium: opts.only.includes('feed') || opts.only.includes('store') ? chromiumVersion() : null,
      date: new Date().toISOString(),
      loadAverage: { start: round(os.loadavg()[0]!), end: null },
    },
  };
  if (os.loadavg()[0]! > os.cpus().length * 0.75) {
    log(`bench: warning: load average ${round(os.loadavg()[0]!)} on ${os.cpus().length} CPUs; long-task counts are wall-clock and will be noisy`);
  }
  let failed = false;
  if (opts.only.includes('bundle')) report.bundle = bundleReport();
  if (opts.only.includes('matcher')) report.matcher = benchMatcher(opts.mb);
  if (opts.only.includes('feed')) {
    report.feed = await benchFeed(opts.posts, opts.batch, opts.interval, opts.trace, opts.pairs);
    if (report.feed.storedMentions !== report.feed.expectedMentions) {
      log(`bench: the extension stored ${report.feed.storedMentions} mentions, ${report.feed.expectedMentions} expected`);
      failed = true;
    }
  }
  if (opts.only.includes('store')) {
    const { runStore } = await import('./bench/store');
    const r = await runStore({ items: opts.items, batch: 10_000, runs: opts.runs, log });
    report.store = r.store;
    report.popup = r.popup;
    report.dashboard = r.dashboard;
    if (!r.dashboard.kpisMatch) {
      log('bench: the dashboard showed other KPIs than the stored rows give');
      failed = true;
    }
  }
  report.targets = judgeTargets(report);
  report.environment.loadAverage.end = round(os.loadavg()[0]!);
  log(`bench: done in ${round((performance.now() - started) / 1000, 1)} s`);
  const out = opts.json ? JSON.stringify(report, null, 2) : summary(report);
  await new Promise<void>((resolve) => process.stdout.write(out + '\n', () => resolve()));
  return failed ? 1 : 0;
}

const invoked = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invoked) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`bench: ${(err as Error)?.stack ?? String(err)}\n`);
      process.exit(1);
    },
  );
}
