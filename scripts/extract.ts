/**
 * `npm run extract -- FILE.html --url URL [--json] [--ids] [--site ID]`
 *
 * Runs the adapter that URL selects (`adapterFor(url)`, the generic one when no
 * site adapter claims it) on a saved page and prints every item it finds,
 * brand or not (lib/extract/page.ts: document items, then every
 * `itemSelector` element → `extractItem`, one per id, as the runner does).
 *
 *   --json      stdout is ONE JSON array of {site, kind, text, author, handle, permalink, timestamp, rating}
 *   (default)   a readable table
 *   --ids       also print each item's id
 *   --site ID   force an adapter (x, reddit, trustpilot, generic…) instead of the URL's
 *   --now DATE  the time the page was saved (ISO 8601): relative times ("3 hours ago") are counted
 *               back from it; by default, from now
 *   --url URL   the address the page was saved from. When absent, the page's own
 *               "saved from url=" comment, canonical link or og:url is used.
 *
 * DOM: the same adapter code as the extension, over happy-dom (see README
 * "Extract items from a saved page" for why and how it compares with Chromium).
 * The page's scripts never run, and nothing is fetched: no script, CSS, frame
 * or image; any request happy-dom would make is answered locally with a 404.
 *
 * Exit codes: 0 done (even with no item), 2 usage error (no file, unreadable
 * file, bad URL, unknown option). Diagnostics go to stderr, never to stdout.
 *
 * Run with tsx (a devDependency): `tsx scripts/extract.ts …` (what `npm run extract` does).
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Window } from 'happy-dom';
import { extractPage, printable, type PageExtraction } from '../lib/extract/page';
import { ALL_ADAPTERS, adapterFor } from '../lib/sites/index';
import type { SiteAdapter } from '../lib/sites/types';

export class UsageError extends Error {}

export interface ExtractOptions {
  file: string;
  url: string | null;
  json: boolean;
  ids: boolean;
  site: string | null;
  /** --now, in ms (null: Date.now()). */
  now: number | null;
}

const USAGE = 'usage: npm run extract -- FILE.html --url URL [--json] [--ids] [--site ID] [--now DATE]';

export function parseArgs(argv: readonly string[]): ExtractOptions {
  const opts: ExtractOptions = { file: '', url: null, json: false, ids: false, site: null, now: null };
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (name: string): string => {
      const eq = a.indexOf('=');
      if (eq !== -1) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined || v === '') throw new UsageError(`${name} needs a value`);
      return v;
    };
    if (a === '--json') opts.json = true;
    else if (a === '--ids') opts.ids = true;
    else if (a === '--url' || a.startsWith('--url=')) opts.url = value('--url');
    else if (a === '--site' || a.startsWith('--site=')) opts.site = value('--site');
    else if (a === '--now' || a.startsWith('--now=')) {
      const raw = value('--now');
      const t = Date.parse(raw);
      if (!Number.isFinite(t)) throw new UsageError(`--now: not a date: ${raw}`);
      opts.now = t;
    }
    else if (a === '--help' || a === '-h') throw new UsageError('');
    else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    else files.push(a);
  }
  if (files.length === 0) throw new UsageError('no HTML file given');
  if (files.length > 1) throw new UsageError(`one HTML file at a time (got ${files.length})`);
  opts.file = files[0]!;
  return opts;
}

/** An http(s) URL, or a UsageError that says what is wrong with it. */
export function parsePageUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new UsageError(`not a URL: ${JSON.stringify(raw)} (give the address the page was saved from, e.g. --url https://x.com/user/status/123)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`not an http(s) URL: ${raw}`);
  return url;
}

/**
 * Decode saved HTML bytes as a browser would, simply: a BOM wins, then a
 * `<meta charset>` / `http-equiv` in the first 4 KB, else UTF-8 (invalid bytes
 * become U+FFFD, never an error).
 */
export function decodeHtml(bytes: Uint8Array): string {
  const decode = (label: string, data: Uint8Array) => {
    try {
      return new TextDecoder(label, { fatal: false }).decode(data);
    } catch {
      return new TextDecoder('utf-8').decode(data);
    }
  };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decode('utf-8', bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decode('utf-16le', bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decode('utf-16be', bytes.subarray(2));
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/iu.exec(head);
  const label = m?.[1]?.toLowerCase();
  // A page saved by a browser is re-encoded in UTF-8 whatever its meta says about UTF-16.
  if (label && !label.startsWith('utf-16') && label !== 'utf-8' && label !== 'utf8') return decode(label, bytes);
  return decode('utf-8', bytes);
}

/**
 * The address a saved page names for itself, when --url is not given: the
 * "saved from url=(NNNN)…" comment browsers write, then canonical, then og:url.
 */
export function urlFromPage(html: string): string | null {
  const head = html.slice(0, 200_000);
  const saved = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/iu.exec(head)?.[1];
  // A tool's note on the page's first line: "<!-- https://www.tiktok.com/@user/video/1 -->". Before the
  // canonical link: a single-page app's head can still describe the page first loaded, not the one saved.
  const noted = /^\s*(?:<!doctype[^>]*>\s*)?<!--\s*(https?:\/\/[^\s<>"]+)\s*-->/iu.exec(head)?.[1];
  const canonical =
    /<link\b[^>]*\brel=["']?canonical["']?[^>]*\bhref=["']([^"']+)["']/iu.exec(head)?.[1] ??
    /<link\b[^>]*\bhref=["']([^"']+)["'][^>]*\brel=["']?canonical\b/iu.exec(head)?.[1];
  const og =
    /<meta\b[^>]*\bproperty=["']og:url["'][^>]*\bcontent=["']([^"']+)["']/iu.exec(head)?.[1] ??
    /<meta\b[^>]*\bcontent=["']([^"']+)["'][^>]*\bproperty=["']og:url["']/iu.exec(head)?.[1];
  for (const candidate of [saved, noted, canonical, og]) {
    if (!candidate) continue;
    const decoded = candidate.replace(/&amp;/gu, '&');
    try {
      const u = new URL(decoded);
      if (u.protocol === 'http:' || u.protocol === 'https:') return u.href;
    } catch {
      // not a URL: try the next one
    }
  }
  return null;
}

/**
 * Load HTML in a fresh happy-dom window at `url`: the settings of the unit
 * tests' loadPage (tests/unit/sites/helpers.ts), with every request refused.
 */
export async function loadHtml(html: string, url: string): Promise<{ document: Document; close(): Promise<void> }> {
  const window = new Window({
    url,
    settings: {
      enableJavaScriptEvaluation: false,
      disableJavaScriptFileLoading: true,
      enableCSSFileLoading: false,
      enableIframePageLoading: false,
      enableImageFileLoading: false,
      handleDisabledFileLoadingAsSuccess: true,
      navigation: { disableChildPageNavigation: true, disableChildFrameNavigation: true, disableMainFrameNavigation: true },
      fetch: {
        interceptor: {
          beforeAsyncRequest: async ({ window: w }) => new w.Response('', { status: 404 }),
          beforeSyncRequest: ({ window: w }) => ({ status: 404, statusText: 'Not Found', ok: false, url: '', redirected: false, headers: new w.Headers(), body: null }),
        },
      },
    },
  });
  // NUL characters: the HTML parser drops them from text; happy-dom keeps them.
  window.document.write(html.includes('\u0000') ? html.split('\u0000').join('') : html);
  // Nothing is loaded, so this settles at once; bounded anyway.
  await Promise.race([window.happyDOM.waitUntilComplete(), new Promise((r) => setTimeout(r, 5000))]);
  capDepth(window.document as unknown as Document);
  return {
    document: window.document as unknown as Document,
    close: async () => {
      await window.happyDOM.abort().catch(() => {});
      await window.happyDOM.close().catch(() => {});
    },
  };
}

/** Chromium's HTML parser nests no deeper than this (kMaximumHTMLParserDOMTreeDepth). */
export const MAX_DEPTH = 512;

/**
 * Flatten what lies deeper than MAX_DEPTH, as Chromium's parser does (past
 * that depth it stops nesting). happy-dom nests without limit, and its
 * recursive querySelectorAll then overflows the stack on a hostile page of
 * 100,000 unclosed <div>s. Here every descendant of an element at MAX_DEPTH
 * becomes, in document order, a childless child of that element. The walk is
 * iterative, and pages of normal depth are not touched. Returns the number of
 * nodes moved.
 */
export function capDepth(doc: Document, max = MAX_DEPTH): number {
  let moved = 0;
  let el: Element | null = doc.documentElement;
  let depth = 1;
  while (el) {
    if (depth === max && el.firstElementChild) {
      const flat: Node[] = [];
      for (let n: Node | null = el.firstChild; n; ) {
        flat.push(n);
        if (n.firstChild) n = n.firstChild;
        else {
          while (n && n !== el && !n.nextSibling) n = n.parentNode;
          n = n && n !== el ? n.nextSibling : null;
        }
      }
      // Detach deepest first, so every node is childless when it moves and
      // happy-dom's (recursive) connect/disconnect bookkeeping stays shallow;
      // then append in document order (cheap, at the end of the list).
      for (let i = flat.length - 1; i >= 0; i--) flat[i]!.parentNode?.removeChild(flat[i]!);
      for (const n of flat) el.appendChild(n);
      moved += flat.length;
    }
    // Next element in document order, tracking depth (el's children are flat now).
    if (el.firstElementChild && depth < max) {
      el = el.firstElementChild;
      depth++;
    } else {
      while (el && !el.nextElementSibling) {
        el = el.parentElement;
        depth--;
      }
      el = el ? el.nextElementSibling : null;
    }
  }
  return moved;
}

export interface FileExtraction extends PageExtraction {
  adapter: SiteAdapter;
  url: URL;
}

/** Read, decode and load `file` at `url`, and run the adapter that URL selects (or `site`). */
export async function extractFile(file: string, url: string | null, site: string | null = null, now: number | null = null): Promise<FileExtraction> {
  let bytes: Buffer;
  try {
    if (!statSync(file).isFile()) throw new UsageError(`not a file: ${file}`);
    bytes = readFileSync(file);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `no such file: ${file}` : `cannot read ${file}: ${(err as Error).message}`);
  }
  const html = decodeHtml(bytes);
  const rawUrl = url ?? urlFromPage(html);
  if (!rawUrl) throw new UsageError(`--url is required: ${path.basename(file)} does not say which address it was saved from`);
  const pageUrl = parsePageUrl(rawUrl);
  let adapter: SiteAdapter;
  if (site) {
    const found = ALL_ADAPTERS.find((a) => a.id === site);
    if (!found) throw new UsageError(`unknown --site ${site} (one of ${ALL_ADAPTERS.map((a) => a.id).join(', ')})`);
    adapter = found;
  } else {
    adapter = adapterFor(pageUrl);
  }
  const page = await loadHtml(html, pageUrl.href);
  try {
    return { ...extractPage(adapter, page.document, pageUrl, now ?? undefined), adapter, url: pageUrl };
  } finally {
    await page.close();
  }
}

/** A plain-text table: one block per item. */
export function formatTable(result: FileExtraction, ids = false): string {
  const lines = [`${result.items.length} item(s) · adapter ${result.adapter.id} · ${result.url.href}`];
  const short = (s: string | null, n: number) => (s === null ? '–' : s.length > n ? s.slice(0, n - 1) + '…' : s);
  result.items.forEach((item, i) => {
    lines.push('');
    lines.push(`#${i + 1} ${item.site} ${item.kind}${item.rating !== null ? ` ★${item.rating}` : ''}${ids ? `  id ${item.id}` : ''}`);
    lines.push(`  author    ${short(item.author, 60)}${item.handle ? ` (${item.handle})` : ''}`);
    lines.push(`  time      ${item.timestamp ?? '–'}`);
    lines.push(`  permalink ${short(item.permalink, 100)}`);
    lines.push(`  text      ${short(item.text, 160)}`);
  });
  return lines.join('\n');
}

export async function main(argv: readonly string[]): Promise<number> {
  // `extract … | head`: a closed pipe ends the output, not in a stack trace.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => process.exit(err.code === 'EPIPE' ? 0 : 1));
  let opts: ExtractOptions;
  try {
    opts = parseArgs(argv);
  } catch (err) {
    process.stderr.write((err as Error).message ? `extract: ${(err as Error).message}\n${USAGE}\n` : `${USAGE}\n`);
    return 2;
  }
  let result: FileExtraction;
  try {
    result = await extractFile(opts.file, opts.url, opts.site, opts.now);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`extract: ${err.message}\n`);
      return 2;
    }
    process.stderr.write(`extract: failed to read ${opts.file}: ${(err as Error)?.stack ?? String(err)}\n`);
    return 1;
  }
  for (const e of result.errors.slice(0, 20)) process.stderr.write(`extract: skipped ${e.where}: ${e.message}\n`);
  if (result.errors.length > 20) process.stderr.write(`extract: … ${result.errors.length - 20} more skipped\n`);
  process.stderr.write(`extract: ${result.items.length} item(s) from ${result.candidates} element(s) matching ${result.adapter.id}'s itemSelector\n`);
  const out = opts.json ? JSON.stringify(result.items.map((i) => printable(i, opts.ids)), null, 2) : formatTable(result, opts.ids);
  // Wait for the pipe to take it all before exiting.
  await new Promise<void>((resolve) => process.stdout.write(out + '\n', () => resolve()));
  return 0;
}

const invoked = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invoked) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`extract: ${(err as Error)?.stack ?? String(err)}\n`);
      process.exit(1);
    },
  );
}
