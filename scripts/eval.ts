/**
 * `npm run eval -- --data DIR [--json] [--peers a,b] [--no-cache] [--throughput-seconds N] [--cache-dir DIR]`
 *
 * Evaluates Veille's sentiment scorer and intent rules on every `*.jsonl` in
 * DIR, and the peer libraries of scripts/eval-peers.ts on the same rows in the
 * same run. See README "Sentiment evaluation" for the method.
 *
 * stdout: the report (one JSON object with --json, otherwise a table);
 * stderr: progress and warnings. Exit code 2 on a usage error, 1 on bad data.
 *
 * Run with tsx (a devDependency): `tsx scripts/eval.ts …` (that is what `npm run eval` does).
 */

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { analyzeSentiment } from '../lib/sentiment/analyze';
import type { AnalyzeOptions } from '../lib/sentiment/types';
import { classifyIntent } from '../lib/intent/classify';
import type { Intent } from '../lib/intent/classify';
import {
  EVAL_LANGS,
  EvalDataError,
  describeFile,
  intentProxy,
  isAirline,
  majorityAccuracy,
  mean,
  parseJsonl,
  recall,
  round4,
  scoreFile,
} from '../lib/eval/metrics';
import type { EvalLabel, EvalLang, EvalRow, FileInfo, FileScore, IntentProxy } from '../lib/eval/metrics';
import { PEERS, PEER_KEYS } from './eval-peers';
import { LANGID_SYSTEMS, SHORT_TEXT } from './eval-langid';
import type { LangIdKey, LangIdScore } from './eval-langid';
import type { Peer, PeerKey, RawOutput } from './eval-peers';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export type SystemKey = 'veille' | PeerKey;
export const SYSTEM_KEYS: readonly SystemKey[] = ['veille', ...PEER_KEYS];

/** Files whose texts are timed for the throughput (when present in DIR). */
export const THROUGHPUT_FILES = ['en_twitter_us_airline.jsonl', 'fr_deft2017_tweets.jsonl'];

export interface EvalOptions {
  data: string;
  json: boolean;
  cache: boolean;
  /** Peers to run besides Veille (Veille always runs). */
  peers: PeerKey[];
  /** Timed seconds per system for the throughput (after a warm-up). */
  throughputSeconds: number;
  cacheDir: string;
}

export interface EvalReport {
  files: Array<{
    file: string;
    lang: EvalLang;
    rows: number;
    classes: 2 | 3;
    majorityAccuracy: number;
    scores: Partial<Record<SystemKey, FileScore>>;
  }>;
  languages: Partial<Record<EvalLang, Partial<Record<SystemKey, { meanMacroF1: number }>>>>;
  intent: { complaintRecall: number; requestRecall: number; praiseRecall: number };
  throughput: Partial<Record<SystemKey, number>>;
  /** Language identification (fr / en / other) on every row with a `lang`; Veille against eld and tinyld. */
  languageId: { rows: number; shortRows: number; systems: Partial<Record<LangIdKey, LangIdScore>> };
}

export class UsageError extends Error {}

export const USAGE = `usage: npm run eval -- --data DIR [--json] [--peers ${PEER_KEYS.join(',')}] [--no-cache]
                     [--throughput-seconds N] [--cache-dir DIR]
  --data DIR              folder of *.jsonl files (text, label, lang, optional rating/topic/intent/brand)
  --json                  print one JSON object on stdout (progress stays on stderr)
  --peers a,b             peers to compare with (default: all); Veille always runs
  --no-cache              recompute the peers' predictions (Veille's are always fresh)
  --throughput-seconds N  timed seconds per system after warm-up (default 2; 0 skips the throughput)
  --cache-dir DIR         where peer predictions are cached (default .cache/eval)`;

export function parseArgs(argv: readonly string[]): EvalOptions {
  const opts: EvalOptions = {
    data: '',
    json: false,
    cache: true,
    peers: [...PEER_KEYS],
    throughputSeconds: 2,
    cacheDir: path.join(ROOT, '.cache', 'eval'),
  };
  const value = (i: number, flag: string): string => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const take = (): string => {
      if (inline !== undefined) return inline;
      const v = value(i, flag);
      i++;
      return v;
    };
    switch (flag) {
      case '--data':
        opts.data = take();
        break;
      case '--json':
        opts.json = true;
        break;
      case '--no-cache':
        opts.cache = false;
        break;
      case '--cache-dir':
        opts.cacheDir = path.resolve(take());
        break;
      case '--throughput-seconds': {
        const n = Number(take());
        if (!Number.isFinite(n) || n < 0) throw new UsageError('--throughput-seconds must be a number >= 0');
        opts.throughputSeconds = n;
        break;
      }
      case '--peers': {
        const list = take()
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s !== '' && s !== 'veille');
        for (const p of list) {
          if (!(PEER_KEYS as readonly string[]).includes(p)) {
            throw new UsageError(`unknown peer "${p}" (known: veille, ${PEER_KEYS.join(', ')})`);
          }
        }
        opts.peers = PEER_KEYS.filter((k) => list.includes(k));
        break;
      }
      case '--help':
      case '-h':
        throw new UsageError('');
      default:
        throw new UsageError(`unknown argument "${a}"`);
    }
  }
  if (opts.data === '') throw new UsageError('--data DIR is required');
  return opts;
}

// ---------------------------------------------------------------------------
// Veille
// ---------------------------------------------------------------------------

/** How Veille is called on a row: as the extension would (language detected, the brand's name neutral, the rating when there is one). */
export function veilleOptions(row: EvalRow): AnalyzeOptions {
  const o: AnalyzeOptions = {};
  if (typeof row.rating === 'number') o.rating = row.rating;
  if (row.brand !== undefined && row.brand.trim() !== '') o.neutralTerms = [row.brand];
  return o;
}

function veilleLabel(row: EvalRow): EvalLabel {
  return analyzeSentiment(row.text, veilleOptions(row)).label;
}

/** Veille's intents for a row: sentiment first, then the intent rules with its label and detected language. */
export function veilleIntents(row: EvalRow): Intent[] {
  const s = analyzeSentiment(row.text, veilleOptions(row));
  return classifyIntent(row.text, { lang: s.lang, sentiment: s.label, rating: row.rating ?? null });
}

// ---------------------------------------------------------------------------
// Peers and their cache
// ---------------------------------------------------------------------------

interface CacheFile {
  peer: PeerKey;
  version: string;
  file: string;
  sha256: string;
  /** One entry per labelled row, in file order; null for a row in a language the peer does not support. */
  outputs: Array<RawOutput | null>;
}

export function sha256(content: string): string {
  return createHash('sha256').update(content).digest('hex');
}

function writeJsonAtomic(file: string, data: unknown): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(data));
  renameSync(tmp, file);
}

function readCache(file: string, expected: number): CacheFile | null {
  if (!existsSync(file)) return null;
  try {
    const c = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
    return Array.isArray(c.outputs) && c.outputs.length <= expected ? c : null;
  } catch {
    return null;
  }
}

const log = (msg: string): void => {
  process.stderr.write(`${msg}\n`);
};

/** Checkpoint a slow peer's partial predictions this often (so an interrupted run resumes). */
const CHECKPOINT_MS = 30_000;

async function peerOutputs(
  peer: Peer,
  fileName: string,
  content: string,
  rows: readonly EvalRow[],
  opts: EvalOptions,
): Promise<Array<RawOutput | null>> {
  const version = peer.version();
  const hash = sha256(content);
  const dir = path.join(opts.cacheDir, `${peer.key}@${version}`);
  const final = path.join(dir, `${hash}.json`);
  const partial = path.join(dir, `${hash}.partial.json`);
  if (opts.cache) {
    const done = readCache(final, rows.length);
    if (done && done.outputs.length === rows.length) {
      log(`  ${peer.key}: ${fileName} from cache`);
      return done.outputs;
    }
  }
  const outputs: Array<RawOutput | null> = [];
  if (opts.cache) {
    const part = readCache(partial, rows.length);
    if (part) {
      outputs.push(...part.outputs);
      log(`  ${peer.key}: ${fileName} resuming at row ${outputs.length}`);
    }
  }
  const analyze = peer.load();
  const started = Date.now();
  let lastLog = started;
  let lastCheckpoint = started;
  const from = outputs.length;
  const save = (file: string): void =>
    writeJsonAtomic(file, { peer: peer.key, version, file: fileName, sha256: hash, outputs } satisfies CacheFile);
  for (let i = outputs.length; i < rows.length; i++) {
    const row = rows[i]!;
    if (!peer.langs.includes(row.lang)) {
      outputs.push(null);
      continue;
    }
    const r = analyze(row.text, row.lang);
    outputs.push(r instanceof Promise ? await r : r);
    const now = Date.now();
    if (now - lastLog > 10_000) {
      const rate = (i + 1 - from) / ((now - started) / 1000);
      log(`  ${peer.key}: ${fileName} ${i + 1}/${rows.length} (${rate.toFixed(1)}/s, ~${Math.round((rows.length - i - 1) / rate)} s left)`);
      lastLog = now;
    }
    if (opts.cache && now - lastCheckpoint > CHECKPOINT_MS) {
      save(partial);
      lastCheckpoint = now;
    }
  }
  if (opts.cache) {
    save(final);
    rmSync(partial, { force: true });
  }
  log(`  ${peer.key}: ${fileName} computed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return outputs;
}

// ---------------------------------------------------------------------------
// Throughput
// ---------------------------------------------------------------------------

interface TimedItem {
  row: EvalRow;
}

/**
 * Texts per second of `fn`, on one thread: a warm-up (one pass over up to 300
 * texts, at most a quarter of the budget), then calls cycling over the texts
 * until `seconds` have passed (at least one call).
 */
export async function measureThroughput(
  fn: (row: EvalRow) => unknown,
  items: readonly TimedItem[],
  seconds: number,
): Promise<number> {
  if (items.length === 0 || seconds <= 0) return 0;
  const budget = seconds * 1000;
  const warmEnd = performance.now() + budget / 4;
  for (let i = 0; i < Math.min(300, items.length) && performance.now() < warmEnd; i++) {
    const r = fn(items[i]!.row);
    if (r instanceof Promise) await r;
  }
  let n = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    const r = fn(items[n % items.length]!.row);
    if (r instanceof Promise) await r;
    n++;
    elapsed = performance.now() - start;
  } while (elapsed < budget);
  return n / (elapsed / 1000);
}

// ---------------------------------------------------------------------------
// Run
// ---------------------------------------------------------------------------

interface LoadedFile {
  name: string;
  content: string;
  rows: EvalRow[];
  info: FileInfo | null;
}

export function loadDir(dir: string): LoadedFile[] {
  if (!existsSync(dir)) throw new UsageError(`--data: no such folder: ${dir}`);
  const names = readdirSync(dir)
    .filter((n) => n.endsWith('.jsonl'))
    .sort();
  if (names.length === 0) throw new UsageError(`--data: no *.jsonl file in ${dir}`);
  return names.map((name) => {
    const content = readFileSync(path.join(dir, name), 'utf8');
    const rows = parseJsonl(content, name);
    return { name, content, rows, info: describeFile(rows) };
  });
}

export async function runEval(opts: EvalOptions): Promise<EvalReport> {
  const files = loadDir(opts.data);
  const peers = opts.peers.map((k) => PEERS[k]);
  const report: EvalReport = {
    files: [],
    languages: {},
    intent: { complaintRecall: 0, requestRecall: 0, praiseRecall: 0 },
    throughput: {},
    languageId: { rows: 0, shortRows: 0, systems: {} },
  };

  // Sentiment, file by file.
  for (const f of files) {
    if (!f.info) {
      log(`${f.name}: intent-only (${f.rows.length} rows)`);
      continue;
    }
    const info = f.info;
    const labelled = f.rows.filter((r) => r.label !== null);
    const gold = labelled.map((r) => r.label as EvalLabel);
    log(`${f.name}: ${info.rows} rows, ${info.lang}, ${info.classes} classes`);
    const scores: Partial<Record<SystemKey, FileScore>> = {};
    const t0 = performance.now();
    scores.veille = scoreFile(gold, labelled.map(veilleLabel), info.labels);
    log(`  veille: ${((performance.now() - t0) / 1000).toFixed(2)} s`);
    for (const peer of peers) {
      if (!peer.langs.includes(info.lang)) continue;
      const outputs = await peerOutputs(peer, f.name, f.content, labelled, opts);
      // A row in a language the peer lacks (a mixed file) counts as a neutral answer.
      const pred = outputs.map((o): EvalLabel => (o === null ? 'neutral' : peer.toLabel(o)));
      scores[peer.key] = scoreFile(gold, pred, info.labels);
    }
    report.files.push({
      file: f.name,
      lang: info.lang,
      rows: info.rows,
      classes: info.classes,
      majorityAccuracy: round4(majorityAccuracy(gold)),
      scores: Object.fromEntries(
        Object.entries(scores).map(([k, s]) => [k, { accuracy: round4(s.accuracy), macroF1: round4(s.macroF1) }]),
      ),
    });
  }

  // Per language: mean of the per-file macro-F1 (a system is listed only where it scored every file of the language).
  for (const lang of EVAL_LANGS) {
    const ofLang = report.files.filter((f) => f.lang === lang);
    if (ofLang.length === 0) continue;
    const entry: Partial<Record<SystemKey, { meanMacroF1: number }>> = {};
    for (const key of SYSTEM_KEYS) {
      const f1s = ofLang.map((f) => f.scores[key]?.macroF1);
      if (f1s.some((x) => x === undefined)) continue;
      entry[key] = { meanMacroF1: round4(mean(f1s as number[])) };
    }
    report.languages[lang] = entry;
  }

  // Intent recall on the proxy rows.
  const hits: Record<IntentProxy, boolean[]> = { complaint: [], request: [], praise: [] };
  const falseAlarms = { complaintOnPraise: [] as boolean[], praiseOnComplaint: [] as boolean[], complaintOnNeutral: [] as boolean[] };
  for (const f of files) {
    for (const row of f.rows) {
      const proxy = intentProxy(row, f.name);
      const airlineNeutral = proxy === null && row.label === 'neutral' && isAirline(row, f.name);
      if (proxy === null && !airlineNeutral) continue;
      const intents = veilleIntents(row);
      if (proxy === 'complaint') {
        hits.complaint.push(intents.includes('complaint'));
        falseAlarms.praiseOnComplaint.push(intents.includes('praise'));
      } else if (proxy === 'request') {
        hits.request.push(intents.includes('request') || intents.includes('question'));
      } else if (proxy === 'praise') {
        hits.praise.push(intents.includes('praise'));
        falseAlarms.complaintOnPraise.push(intents.includes('complaint'));
      } else {
        falseAlarms.complaintOnNeutral.push(intents.includes('complaint'));
      }
    }
  }
  report.intent = {
    complaintRecall: round4(recall(hits.complaint)),
    requestRecall: round4(recall(hits.request)),
    praiseRecall: round4(recall(hits.praise)),
  };
  log(
    `intent: ${hits.complaint.length} complaint, ${hits.request.length} request, ${hits.praise.length} praise proxy rows; ` +
      `false alarms: complaint on praise rows ${pct(recall(falseAlarms.complaintOnPraise))}, ` +
      `praise on complaint rows ${pct(recall(falseAlarms.praiseOnComplaint))}, ` +
      `complaint on neutral airline rows ${pct(recall(falseAlarms.complaintOnNeutral))}`,
  );

  // Throughput on the airline and DEFT texts (all labelled texts when neither file is there).
  if (opts.throughputSeconds > 0) {
    const chosen = files.filter((f) => THROUGHPUT_FILES.includes(f.name));
    const pool = (chosen.length > 0 ? chosen : files).flatMap((f) => f.rows.filter((r) => r.label !== null).map((row) => ({ row })));
    log(`throughput: ${pool.length} texts from ${chosen.length > 0 ? chosen.map((f) => f.name).join(' + ') : 'all files'}, ${opts.throughputSeconds} s each`);
    report.throughput.veille = Math.round(
      await measureThroughput((row) => analyzeSentiment(row.text, veilleOptions(row)), pool, opts.throughputSeconds),
    );
    for (const peer of peers) {
      const items = pool.filter((it) => peer.langs.includes(it.row.lang));
      if (items.length === 0) continue;
      const analyze = peer.load();
      report.throughput[peer.key] = Math.round(
        await measureThroughput((row) => analyze(row.text, row.lang), items, opts.throughputSeconds),
      );
    }
    log(`throughput: ${JSON.stringify(report.throughput)}`);
  }
  report.languageId = await evaluateLanguageId(files, opts.throughputSeconds);
  return report;
}

/**
 * Language identification: accuracy over every row (its `lang` is the gold
 * answer; 'other' counts as wrong), over the short ones, and texts per second
 * (same timing method as the sentiment throughput, over every row).
 */
export async function evaluateLanguageId(files: readonly LoadedFile[], seconds: number): Promise<EvalReport['languageId']> {
  const rows = files.flatMap((f) => f.rows);
  const shortRows = rows.filter((r) => r.text.length <= SHORT_TEXT);
  const out: EvalReport['languageId'] = { rows: rows.length, shortRows: shortRows.length, systems: {} };
  for (const [key, detect] of Object.entries(LANGID_SYSTEMS) as Array<[LangIdKey, (t: string) => string]>) {
    let ok = 0;
    let shortOk = 0;
    for (const r of rows) {
      if (detect(r.text) !== r.lang) continue;
      ok++;
      if (r.text.length <= SHORT_TEXT) shortOk++;
    }
    const textsPerSec =
      seconds > 0 ? Math.round(await measureThroughput((row) => detect(row.text), rows.map((row) => ({ row })), seconds / 2)) : 0;
    out.systems[key] = {
      accuracy: round4(rows.length === 0 ? 0 : ok / rows.length),
      shortAccuracy: round4(shortRows.length === 0 ? 0 : shortOk / shortRows.length),
      textsPerSec,
    };
  }
  log(`language id: ${JSON.stringify(out)}`);
  return out;
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

// ---------------------------------------------------------------------------
// Table
// ---------------------------------------------------------------------------

export function formatTable(report: EvalReport): string {
  const systems = SYSTEM_KEYS.filter(
    (k) => report.files.some((f) => f.scores[k] !== undefined) || report.throughput[k] !== undefined,
  );
  const lines: string[] = [];
  const fmt = (x: number | undefined): string => (x === undefined ? '—' : x.toFixed(3));
  const pad = (s: string, n: number): string => s.padEnd(n);
  const nameW = Math.max(32, ...report.files.map((f) => f.file.length + 1));
  lines.push('Sentiment: accuracy / macro-F1 per file (majority = always the most common label)');
  lines.push(pad('file', nameW) + pad('rows', 6) + pad('cls', 4) + pad('majority', 10) + systems.map((s) => pad(s, 14)).join(''));
  for (const f of report.files) {
    lines.push(
      pad(f.file, nameW) +
        pad(String(f.rows), 6) +
        pad(String(f.classes), 4) +
        pad(fmt(f.majorityAccuracy), 10) +
        systems
          .map((s) => {
            const sc = f.scores[s];
            return pad(sc ? `${fmt(sc.accuracy)}/${fmt(sc.macroF1)}` : '—', 14);
          })
          .join(''),
    );
  }
  lines.push('');
  lines.push('Mean macro-F1 per language');
  for (const [lang, entry] of Object.entries(report.languages)) {
    lines.push(pad(lang, 6) + systems.map((s) => pad(`${s} ${fmt(entry?.[s]?.meanMacroF1)}`, 18)).join(''));
  }
  lines.push('');
  lines.push(
    `Intent recall (Veille): complaint ${fmt(report.intent.complaintRecall)}, request/question ${fmt(report.intent.requestRecall)}, praise ${fmt(report.intent.praiseRecall)}`,
  );
  if (Object.keys(report.throughput).length > 0) {
    lines.push('');
    lines.push(
      'Throughput (texts/s, one thread): ' +
        systems
          .filter((s) => report.throughput[s] !== undefined)
          .map((s) => `${s} ${report.throughput[s]}`)
          .join(', '),
    );
  }
  const ids = Object.entries(report.languageId.systems);
  if (ids.length > 0) {
    lines.push('');
    lines.push(`Language id (fr/en/other) on ${report.languageId.rows} rows (${report.languageId.shortRows} of <= ${SHORT_TEXT} chars): accuracy / short accuracy / texts per s`);
    for (const [k, s] of ids) lines.push(`  ${pad(k, 10)}${fmt(s?.accuracy)} / ${fmt(s?.shortAccuracy)} / ${s?.textsPerSec ?? 0}`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  let opts: EvalOptions;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    if (e instanceof UsageError) {
      if (e.message) log(`eval: ${e.message}`);
      log(USAGE);
      process.exitCode = e.message ? 2 : 0;
      return;
    }
    throw e;
  }
  try {
    const report = await runEval(opts);
    process.stdout.write(opts.json ? `${JSON.stringify(report)}\n` : `${formatTable(report)}\n`);
  } catch (e) {
    if (e instanceof UsageError) {
      log(`eval: ${e.message}`);
      process.exitCode = 2;
    } else if (e instanceof EvalDataError) {
      log(`eval: bad data: ${e.message}`);
      process.exitCode = 1;
    } else {
      throw e;
    }
  }
}

const invoked = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invoked) await main();
