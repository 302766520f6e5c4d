/**
 * `npm run extract` (scripts/extract.ts) on real saved pages, run as the CLI
 * is run (a tsx child process): one JSON array of every item, the exact fields,
 * exit code 2 on a usage error. Plus its robustness helpers in-process.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ITEM_FIELDS, extractPage } from '../../../lib/extract/page';
import type { SiteAdapter } from '../../../lib/sites/types';
import { capDepth, decodeHtml, extractFile, loadHtml, parseArgs, UsageError, urlFromPage } from '../../../scripts/extract';

const ROOT = path.resolve(__dirname, '../../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const FIXTURES = path.join(ROOT, 'tests/fixtures/real');

function extract(...args: string[]) {
  const r = spawnSync(TSX, ['scripts/extract.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Printed {
  site: string;
  kind: string;
  text: string;
  author: string | null;
  handle: string | null;
  permalink: string | null;
  timestamp: string | null;
  rating: number | null;
}

describe('extract --json on real saved pages', () => {
  test('X status page: the tweet, with every field', () => {
    const r = extract(path.join(FIXTURES, 'x/x-tweet-sample.html'), '--url', 'https://x.com/TestUser123/status/1981398750557065646', '--json');
    expect(r.code).toBe(0);
    const items = JSON.parse(r.stdout) as Printed[];
    expect(items).toEqual([
      {
        site: 'x',
        kind: 'post',
        text: "Democrat Shutdown Jeopardizes America's Skies",
        author: 'Test User Account',
        handle: '@TestUser123',
        permalink: 'https://x.com/TestUser123/status/1981398750557065646',
        timestamp: '2025-10-23T16:34:09.000Z',
        rating: null,
      },
    ]);
    expect(Object.keys(items[0]!)).toEqual([...ITEM_FIELDS]);
  });

  test('Trustpilot company page: the 20 reviews (not the 4 snippet cards), as in the ground truth', () => {
    const file = 'trustpilot/trustpilot-beautytheshop.com-2025.html';
    const url = 'https://www.trustpilot.com/review/beautytheshop.com';
    const r = extract(path.join(FIXTURES, file), '--url', url, '--json');
    expect(r.code).toBe(0);
    const items = JSON.parse(r.stdout) as Printed[];
    expect(items).toHaveLength(20);
    for (const item of items) {
      expect(Object.keys(item)).toEqual([...ITEM_FIELDS]);
      expect(item).toMatchObject({ site: 'trustpilot', kind: 'review', handle: null });
      expect(item.permalink).toMatch(/^https:\/\/www\.trustpilot\.com\/reviews\/[0-9a-f]{24}$/u);
      expect(item.rating).toBeGreaterThanOrEqual(1);
      expect(item.rating).toBeLessThanOrEqual(5);
      expect(item.timestamp).toMatch(/^2025-0[3-5]-\d\dT/u);
      expect(item.author && item.text).toBeTruthy();
    }
    const truth = (
      JSON.parse(readFileSync(path.join(FIXTURES, 'ground-truth.json'), 'utf8')) as Record<
        string,
        { items: Array<{ author: string; rating: number; title: string; text60: string | null; datetime: string; permalink: string }> }
      >
    )[file]!.items;
    expect(truth.length).toBeGreaterThan(0);
    for (const t of truth) {
      const item = items.find((i) => i.permalink === new URL(t.permalink, url).href);
      expect(item).toMatchObject({ author: t.author, rating: t.rating, timestamp: t.datetime });
      expect(item!.text.startsWith(t.title)).toBe(true);
      if (t.text60) expect(item!.text).toContain(t.text60);
    }
  });

  test('without --json: a readable table on stdout, the count on stderr', () => {
    const r = extract(path.join(FIXTURES, 'x/x-tweet-sample.html'), '--url', 'https://x.com/home');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1 item(s) · adapter x');
    expect(r.stdout).toContain('Test User Account (@TestUser123)');
    expect(r.stderr).toContain('1 item(s)');
  });
});

describe('usage errors: a clear message on stderr, exit code 2', () => {
  test.each([
    ['a file that does not exist', ['tests/fixtures/real/nope.html', '--url', 'https://x.com/home', '--json'], /no such file/u],
    ['a directory', ['tests/fixtures/real', '--url', 'https://x.com/home'], /not a file/u],
    ['a bad URL', ['tests/fixtures/real/x/x-tweet-sample.html', '--url', 'not a url', '--json'], /not a URL/u],
    ['a non-http URL', ['tests/fixtures/real/x/x-tweet-sample.html', '--url', 'file:///etc/passwd'], /not an http\(s\) URL/u],
    ['no URL, and none in the page', ['tests/fixtures/real/x/x-tweet-sample.html', '--json'], /--url is required/u],
    ['no file', ['--json'], /no HTML file/u],
    ['an unknown option', ['tests/fixtures/real/x/x-tweet-sample.html', '--frobnicate'], /unknown option/u],
  ])('%s', (_label, args, message) => {
    const r = extract(...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });
});

describe('odd pages never crash it', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'veille-extract-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('binary garbage, an empty file, and 20,000 unclosed levels: exit 0 and a JSON array', () => {
    const bytes = new Uint8Array(50_000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 256;
    writeFileSync(path.join(dir, 'garbage.html'), bytes);
    writeFileSync(path.join(dir, 'empty.html'), '');
    writeFileSync(path.join(dir, 'deep.html'), '<body>' + '<div>'.repeat(20_000) + '<div id="comments"><article><p>Deep comment</p></article></div>');
    for (const name of ['garbage.html', 'empty.html', 'deep.html']) {
      const r = extract(path.join(dir, name), '--url', 'https://blog.example.org/post.html', '--json');
      expect(r.code, name + ': ' + r.stderr).toBe(0);
      expect(Array.isArray(JSON.parse(r.stdout))).toBe(true);
    }
  });

  test('the page scripts never run and nothing is fetched', async () => {
    const page = await loadHtml(
      '<script>document.title = "ran"</script><script src="https://evil.example/a.js"></script><link rel="stylesheet" href="https://evil.example/a.css"><img src="https://evil.example/i.png" onerror="document.title=\'ran\'"><title>saved</title>',
      'https://x.com/home',
    );
    expect(page.document.title).toBe('saved');
    await page.close();
  });

  test('an adapter exception on one element skips that element only', async () => {
    const page = await loadHtml('<ul><li>one</li><li>boom</li><li>three</li></ul>', 'https://example.org/');
    const adapter = {
      id: 'generic',
      itemSelector: 'li',
      extractItem(el: Element) {
        const text = el.textContent ?? '';
        if (text === 'boom') throw new Error('odd element');
        return { site: 'generic', id: text, kind: 'comment', text, author: null, handle: null, permalink: null, timestamp: null, rating: null };
      },
    } as unknown as SiteAdapter;
    const r = extractPage(adapter, page.document, new URL('https://example.org/'));
    expect(r.items.map((i) => i.text)).toEqual(['one', 'three']);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.message).toContain('odd element');
    await page.close();
  });

  test('capDepth flattens below 512 levels, as Chromium does, and leaves normal pages alone', async () => {
    const page = await loadHtml('<body>' + '<div>'.repeat(3000) + '<article>deep</article>', 'https://example.org/');
    // loadHtml already capped it.
    let depth = 0;
    for (let el: Element | null = page.document.querySelector('article'); el; el = el.parentElement) depth++;
    expect(depth).toBeLessThanOrEqual(513);
    expect(page.document.querySelector('article')?.textContent).toBe('');
    const normal = await loadHtml('<div><p>a</p><p>b</p></div>', 'https://example.org/');
    expect(capDepth(normal.document)).toBe(0);
    await page.close();
    await normal.close();
  });
});

describe('helpers', () => {
  test('parseArgs', () => {
    expect(parseArgs(['a.html', '--url', 'https://x.com/home', '--json'])).toMatchObject({ file: 'a.html', url: 'https://x.com/home', json: true });
    expect(parseArgs(['--url=https://x.com/', 'a.html'])).toMatchObject({ file: 'a.html', url: 'https://x.com/', json: false });
    expect(() => parseArgs(['a.html', 'b.html'])).toThrow(UsageError);
    expect(() => parseArgs(['a.html', '--url'])).toThrow(UsageError);
    expect(parseArgs(['a.html', '--now', '2018-04-24T12:00:00Z']).now).toBe(Date.UTC(2018, 3, 24, 12));
    expect(parseArgs(['a.html']).now).toBeNull();
    expect(() => parseArgs(['a.html', '--now', 'yesterday'])).toThrow(UsageError);
  });

  test('--now: relative times of a saved page are counted back from when it was saved', async () => {
    const saved = Date.UTC(2018, 3, 24, 12);
    const { items } = await extractFile(path.join(FIXTURES, 'hn/news.ycombinator.html'), 'https://news.ycombinator.com/item?id=16909056', null, saved);
    // "8 hours ago" on the first comment (ground truth).
    expect(items.find((i) => i.id === '16909828')!.timestamp).toBe(new Date(saved - 8 * 3_600_000).toISOString());
  });

  test('decodeHtml follows a BOM or a meta charset, else UTF-8', () => {
    expect(decodeHtml(new Uint8Array([0xef, 0xbb, 0xbf, 0x63, 0x61, 0x66, 0xc3, 0xa9]))).toBe('café');
    const latin1 = Buffer.from('<meta charset="iso-8859-1"><p>caf\u00e9</p>', 'latin1');
    expect(decodeHtml(latin1)).toContain('café');
    expect(decodeHtml(Buffer.from('<p>café</p>', 'utf8'))).toBe('<p>café</p>');
  });

  test('urlFromPage reads the "saved from" comment, canonical link or og:url', () => {
    expect(urlFromPage('<!-- saved from url=(0026)https://x.com/a/status/1 -->\n<html>')).toBe('https://x.com/a/status/1');
    expect(urlFromPage('<link rel="canonical" href="https://www.trustpilot.com/review/a.com">')).toBe('https://www.trustpilot.com/review/a.com');
    expect(urlFromPage('<meta property="og:url" content="https://www.reddit.com/r/x/">')).toBe('https://www.reddit.com/r/x/');
    expect(urlFromPage('<p>nothing</p>')).toBeNull();
  });

  test('urlFromPage reads a bare address noted on the first line, before a stale canonical link', () => {
    const page = '<!-- https://www.tiktok.com/@denisemanno/video/7118347470546980101?lang=fr -->\n<html><head><link rel="canonical" href="https://www.tiktok.com/@other/video/1"></head>';
    expect(urlFromPage(page)).toBe('https://www.tiktok.com/@denisemanno/video/7118347470546980101?lang=fr');
    expect(urlFromPage('<!doctype html><!-- https://x.com/a/status/2 --><html>')).toBe('https://x.com/a/status/2');
    // Only the first thing in the file: a comment further down is the page's own.
    expect(urlFromPage('<html><body><!-- https://ads.example/track --><p>x</p>')).toBeNull();
    expect(urlFromPage('<!-- javascript:alert(1) -->')).toBeNull();
  });
});
