/**
 * Shared helpers for the site-adapter tests: load saved HTML into a happy-dom
 * window at the page's real address, and run an adapter over it the way the
 * content-script runner does (every element matching itemSelector → extractItem).
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { expect } from 'vitest';
import { buildMatcher } from '../../../lib/brands/matcher';
import { DEMO_BRANDS } from '../../../lib/brands/demo';
import type { ExtractedItem, SiteAdapter } from '../../../lib/sites/types';

// A string, not a URL object: under the happy-dom environment the global URL is happy-dom's.
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..') + '/';

/** Text of a file under tests/fixtures/ (e.g. "real/x/x-tweet-sample.html"). */
export function readFixture(relativePath: string): string {
  return readFileSync(ROOT + 'tests/fixtures/' + relativePath, 'utf8');
}

/** Text of a file under demo/site/ (e.g. "x.html"). */
export function readDemo(file: string): string {
  return readFileSync(ROOT + 'demo/site/' + file, 'utf8');
}

/** Parsed JSON of a file under demo/site/ (e.g. "x.expected.json"). */
export function readDemoJson<T>(file: string): T {
  return JSON.parse(readDemo(file)) as T;
}

export interface LoadedPage {
  window: Window;
  /** The page's document, typed as the DOM's (adapters take DOM types). */
  document: Document;
  url: URL;
  close(): Promise<void>;
}

/**
 * Load HTML into a fresh happy-dom window at `url`.
 * Scripts never run unless `runScripts` is set: saved real pages carry the
 * sites' own scripts. Only our own demo pages may run theirs (the generated
 * long comment, the "load more" appender). No file, CSS or frame is fetched.
 */
export async function loadPage(html: string, url: string, options: { runScripts?: boolean } = {}): Promise<LoadedPage> {
  const window = new Window({
    url,
    settings: {
      enableJavaScriptEvaluation: options.runScripts === true,
      // Only ever enabled for our own demo pages (see above).
      suppressInsecureJavaScriptEnvironmentWarning: options.runScripts === true,
      disableJavaScriptFileLoading: true,
      enableCSSFileLoading: false,
      enableIframePageLoading: false,
      navigation: { disableChildPageNavigation: true, disableChildFrameNavigation: true, disableMainFrameNavigation: true },
    },
  });
  window.document.write(html);
  await window.happyDOM.waitUntilComplete();
  return {
    window,
    document: window.document as unknown as Document,
    url: new URL(url),
    close: () => window.happyDOM.close(),
  };
}

/**
 * The clock of the adapter tests (AdapterContext.now): relative times ("il y a
 * 2 semaines") are counted back from 2025-03-15 12:00 UTC, so expected
 * timestamps are fixed.
 */
export const TEST_NOW = Date.UTC(2025, 2, 15, 12, 0, 0);

/** Every item the adapter finds under `root` (nulls dropped), in document order. */
export function runAdapter(adapter: SiteAdapter, root: ParentNode, url: URL): ExtractedItem[] {
  const items: ExtractedItem[] = [];
  for (const el of root.querySelectorAll(adapter.itemSelector)) {
    const item = adapter.extractItem(el, { url, now: TEST_NOW });
    if (item) items.push(item);
  }
  return items;
}

/**
 * Every item of a page as the runner reports it (lib/content/runner.ts): the
 * element items (runAdapter), then the adapter's document items (JSON-LD...),
 * one per id, the first kept, since the runner keys items by id.
 */
export function runPage(adapter: SiteAdapter, doc: Document, url: URL): ExtractedItem[] {
  const all = [...runAdapter(adapter, doc, url), ...(adapter.extractDocumentItems?.(doc, { url, now: TEST_NOW }) ?? [])];
  const seen = new Set<string>();
  return all.filter((item) => !seen.has(item.id) && Boolean(seen.add(item.id)));
}

/**
 * Items `adapter` finds in a fragment of markup (`body`, and `head` for JSON-LD)
 * served at `url`: element items (runAdapter), or the whole page as the runner
 * reports it with `run: runPage`.
 */
export async function extractFragment(
  adapter: SiteAdapter,
  body: string,
  url: string,
  options: { head?: string; run?: (adapter: SiteAdapter, doc: Document, url: URL) => ExtractedItem[] } = {},
): Promise<ExtractedItem[]> {
  const page = await loadPage(`<!DOCTYPE html><html><head>${options.head ?? ''}</head><body>${body}</body></html>`, url);
  try {
    return (options.run ?? runAdapter)(adapter, page.document, page.url);
  } finally {
    await page.close();
  }
}

/**
 * First 60 characters, as the ground-truth files give texts. Characters are
 * code points (the ground truth was cut in Python), not UTF-16 units: "😡" is one.
 */
export function text60(text: string): string {
  return [...text].slice(0, 60).join('');
}

/** One entry of demo/site/<site>.expected.json: an item of the static demo page. */
export interface ExpectedItem {
  site: string;
  id: string;
  kind: string;
  /** First 60 characters of the extracted text. */
  text60: string;
  author: string | null;
  handle: string | null;
  permalink: string | null;
  timestamp: string | null;
  rating: number | null;
  /** Id of the demo brand the text names ("acme", or the competitor "zenith"), or null. */
  namesBrand: string | null;
  note?: string;
}

const demoMatcher = buildMatcher(DEMO_BRANDS);

/** Ids of the demo brands (lib/brands/demo.ts) that a text names. */
export function demoBrandIds(text: string): string[] {
  return demoMatcher.match(text).map((m) => m.brandId);
}

/**
 * The demo-page contract: the adapter finds exactly the expected items, in
 * page order, with the expected fields; the demo brand matcher flags exactly
 * the items marked namesBrand, and no other.
 */
export function expectDemoItems(items: ExtractedItem[], expected: ExpectedItem[]): void {
  expect(items.map((i) => i.id)).toEqual(expected.map((e) => e.id));
  for (const [n, e] of expected.entries()) {
    const item = items[n]!;
    expect({
      site: item.site,
      id: item.id,
      kind: item.kind,
      text60: text60(item.text),
      author: item.author,
      handle: item.handle,
      permalink: item.permalink,
      timestamp: item.timestamp,
      rating: item.rating,
      namesBrand: demoBrandIds(item.text)[0] ?? null,
    }).toEqual({ ...e, note: undefined });
    // One brand per demo item at most: a second one would hide in [0] above.
    expect(demoBrandIds(item.text).length).toBeLessThanOrEqual(1);
  }
}

/** Ask a demo page for its "scroll-appended" items, as the e2e driver does. */
export async function appendDemoItems(page: LoadedPage): Promise<void> {
  page.window.postMessage({ veilleDemo: 'append' }, '*');
  // postMessage is delivered asynchronously.
  await new Promise((resolve) => setTimeout(resolve, 20));
  await page.window.happyDOM.waitUntilComplete();
}

/** Pages of sites other than the one under test: an adapter must not claim them. */
export const OTHER_SITE_URLS: Record<string, string[]> = {
  x: ['https://x.com/AcmeFrance/status/1860000000000000001', 'https://twitter.com/AcmeFrance', 'https://mobile.x.com/home'],
  reddit: ['https://www.reddit.com/r/paris/comments/1h0acme/avis_cafes_acme/', 'https://old.reddit.com/r/france/', 'https://reddit.com/r/lyon/'],
  youtube: ['https://www.youtube.com/watch?v=acmeDemo001', 'https://m.youtube.com/watch?v=acmeDemo001', 'https://www.youtube.com/shorts/abcDEF12345'],
  facebook: ['https://www.facebook.com/AcmeFrance/posts/123456789', 'https://www.facebook.com/AcmeFrance/posts/pfbid0AcmeDemo1', 'https://web.facebook.com/AcmeFrance', 'https://m.facebook.com/story.php?story_fbid=123&id=456'],
  instagram: ['https://www.instagram.com/p/DH_ux4pSlV0/', 'https://www.instagram.com/p/DAcmeDemo01/', 'https://www.instagram.com/'],
  linkedin: ['https://www.linkedin.com/feed/', 'https://www.linkedin.com/feed/update/urn:li:activity:7315810659462447104/', 'https://linkedin.com/company/acme-france/'],
  tiktok: ['https://www.tiktok.com/@merveilleux123/video/7135383664971582725', 'https://www.tiktok.com/@acme_cafe/video/7300000000000000001'],
  'google-maps': ['https://www.google.com/maps/place/Acme+Caf%C3%A9/@48.8566,2.3522,17z/'],
  trustpilot: ['https://fr.trustpilot.com/review/acme-cafe.fr', 'https://www.trustpilot.com/review/beautytheshop.com'],
  tripadvisor: [
    'https://www.tripadvisor.fr/Restaurant_Review-g187147-d1-Reviews-Acme_Cafe-Paris.html',
    'https://www.tripadvisor.fr/Restaurant_Review-g187265-d99999999-Reviews-Acme_Cafe-Lyon_Rhone_Auvergne_Rhone_Alpes.html',
  ],
  amazon: ['https://www.amazon.it/product-reviews/B07747FR44', 'https://www.amazon.fr/Acme-Caf%C3%A9-grains-Bellecour-1kg/product-reviews/B0ACMEDEMO/'],
  generic: ['https://news.ycombinator.com/item?id=16909056', 'https://blog.example.org/2024/11/acme-degustation.html'],
};

/** OTHER_SITE_URLS of every site but `site`. */
export function otherSitesUrls(site: string): string[] {
  return Object.entries(OTHER_SITE_URLS)
    .filter(([id]) => id !== site)
    .flatMap(([, urls]) => urls);
}

/**
 * Whether a manifest match pattern covers a URL, as browsers read it: scheme
 * `*` = http or https, host `*.example.com` = the domain and its subdomains,
 * path glob over path plus query; ports are ignored.
 */
export function matchesPattern(pattern: string, url: string): boolean {
  const m = /^(\*|https?):\/\/(\*|(?:\*\.)?[^/*]+)(\/.*)$/u.exec(pattern);
  if (!m) throw new Error('not a match pattern: ' + pattern);
  const [, scheme, host, path] = m as unknown as [string, string, string, string];
  const u = new URL(url);
  const schemeOk = scheme === '*' ? u.protocol === 'http:' || u.protocol === 'https:' : u.protocol === scheme + ':';
  const hostOk = host === '*' || (host.startsWith('*.') ? u.hostname === host.slice(2) || u.hostname.endsWith(host.slice(1)) : u.hostname === host);
  const glob = new RegExp('^' + path.split('*').map((p) => p.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join('.*') + '$', 'u');
  return schemeOk && hostOk && glob.test(u.pathname + u.search);
}
