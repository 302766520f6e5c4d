/**
 * The pure parts of `npm run bench` (scripts/bench.ts, scripts/bench/corpus.ts):
 * generators, the RegExp-loop baseline, the profile arithmetic and the report's
 * shape. The Chromium feed run is not started here.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { DEMO_BRANDS } from '../../../lib/brands/demo';
import { buildMatcher } from '../../../lib/brands/matcher';
import { foldTerm } from '../../../lib/brands/normalize';
import { benchMatcher, bundleReport, judgeTargets, parseArgs, UsageError } from '../../../scripts/bench';
import { brandTerms, compileRegexLoop, generateBrands, generateCorpus, generateFeedPosts, regexLoopMatch, rng } from '../../../scripts/bench/corpus';
import { extensionTime } from '../../../scripts/bench/feed';

describe('generators', () => {
  test('the PRNG is deterministic', () => {
    const a = rng(1);
    const b = rng(1);
    const xs = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  test('100 brands give 500 distinct terms: names, aliases, misspellings, @handles, #hashtags, some accented', () => {
    const brands = generateBrands(100);
    expect(brands).toHaveLength(100);
    const terms = brandTerms(brands);
    expect(terms).toHaveLength(500);
    expect(new Set(terms.map((t) => foldTerm(t))).size).toBe(500);
    expect(terms.filter((t) => t.startsWith('@'))).toHaveLength(100);
    expect(terms.filter((t) => t.startsWith('#'))).toHaveLength(100);
    expect(terms.some((t) => /[éèêëàâçôûü]/iu.test(t))).toBe(true);
    expect(generateBrands(100)).toEqual(brands);
  });

  test('the corpus reaches the size asked, in ~1 MB documents, French and English, about 5% naming a brand', () => {
    const brands = generateBrands(100);
    const terms = brandTerms(brands);
    const c = generateCorpus(300_000, { mentionRate: 0.05, terms, docBytes: 100_000 });
    expect(c.bytes).toBeGreaterThanOrEqual(300_000);
    expect(c.docs.length).toBeGreaterThanOrEqual(3);
    expect(c.docs.reduce((n, d) => n + Buffer.byteLength(d) + 1, 0)).toBeGreaterThanOrEqual(c.bytes - c.docs.length);
    const posts = c.docs.flatMap((d) => d.split('\n'));
    expect(posts).toHaveLength(c.posts);
    const all = posts.join(' ');
    expect(all).toMatch(/\b(?:le|la|les|très)\b/u);
    expect(all).toMatch(/\b(?:the|and|really)\b/u);
    const matcher = buildMatcher(brands);
    const naming = posts.filter((p) => matcher.match(p).length > 0).length / posts.length;
    expect(naming).toBeGreaterThan(0.02);
    expect(naming).toBeLessThan(0.1);
  });

  test('feed posts: unique status ids, X-like fields, about 5% naming the demo brand', () => {
    const posts = generateFeedPosts(2000);
    expect(new Set(posts.map((p) => p.id)).size).toBe(2000);
    expect(posts[0]).toMatchObject({ id: expect.stringMatching(/^\d{19}$/u), handle: expect.stringMatching(/^\w{1,15}$/u) });
    expect(Number.isNaN(Date.parse(posts[0]!.datetime))).toBe(false);
    const demo = buildMatcher(DEMO_BRANDS);
    const naming = posts.filter((p) => demo.match(p.text).length > 0).length;
    expect(naming).toBeGreaterThan(50);
    expect(naming).toBeLessThan(200);
  });
});

describe('the RegExp-loop baseline', () => {
  test('one case-insensitive, word-bounded RegExp per term', () => {
    const terms = ['Café Nimbus', '@CafeNimbusFR', '#CafeNimbus'];
    const re = compileRegexLoop(terms);
    expect(re).toHaveLength(3);
    expect(regexLoopMatch(re, "J'adore CAFÉ NIMBUS !")).toEqual([0]);
    expect(regexLoopMatch(re, 'merci @cafenimbusfr et #CafeNimbus')).toEqual([1, 2]);
    expect(regexLoopMatch(re, 'CaféNimbusX @CafeNimbusFRance #CafeNimbus2')).toEqual([]);
    // Stateful global RegExps are reset for each text.
    expect(regexLoopMatch(re, 'Café Nimbus')).toEqual([0]);
  });

  test('the matcher finds at least the brands the RegExp loop finds (it also folds accents)', () => {
    const brands = generateBrands(100);
    const terms = brandTerms(brands);
    const termBrand = brands.flatMap((b) => [b.name, ...b.aliases, ...b.misspellings, ...b.handles, ...b.hashtags].map(() => b.id));
    const re = compileRegexLoop(terms);
    const matcher = buildMatcher(brands);
    const posts = generateCorpus(200_000, { mentionRate: 0.2, terms, seed: 3, docBytes: 1 }).docs;
    let regexHits = 0;
    for (const p of posts) {
      const byRegex = new Set(regexLoopMatch(re, p).map((i) => termBrand[i]));
      regexHits += byRegex.size;
      const byMatcher = new Set(matcher.match(p).map((m) => m.brandId));
      for (const id of byRegex) expect(byMatcher.has(id!), `${id} in ${p}`).toBe(true);
    }
    expect(regexHits).toBeGreaterThan(50);
  });
});

describe('report', () => {
  test('benchMatcher on a small text: the fields, and the automaton beats the RegExp loop', () => {
    const r = benchMatcher(0.3);
    expect(r).toMatchObject({ brands: 100, terms: 500 });
    expect(r.textBytes).toBeGreaterThanOrEqual(0.3 * 1024 * 1024);
    for (const k of ['mbPerSec', 'regexLoopMbPerSec', 'speedupVsRegexLoop', 'matcherMs', 'regexLoopMs'] as const) expect(r[k]).toBeGreaterThan(0);
    expect(r.speedupVsRegexLoop).toBeGreaterThan(1);
    expect(r.termsFound.matcher).toBeGreaterThanOrEqual(r.termsFound.regexLoop);
    expect(r.perPost.speedup).toBeGreaterThan(1);
  }, 60_000);

  test('bundleReport: the largest content script, gzipped', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'veille-bundle-'));
    try {
      writeFileSync(path.join(dir, 'x.js'), 'console.log(1);'.repeat(10));
      writeFileSync(path.join(dir, 'generic.js'), Array.from({ length: 2000 }, (_, i) => `var v${i}=${i * 7919};`).join(''));
      writeFileSync(path.join(dir, 'x.css'), 'a{}');
      const r = bundleReport(dir);
      expect(r.scripts.map((s) => s.file)).toEqual(['generic.js', 'x.js']);
      expect(r.largest).toBe('generic.js');
      expect(r.contentGzipBytes).toBe(r.scripts[0]!.gzipBytes);
      expect(r.contentGzipBytes).toBeLessThan(r.scripts[0]!.bytes);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('extensionTime: samples under a chrome-extension:// frame, total and longest run', () => {
    const profile = {
      nodes: [
        { id: 1, callFrame: { url: '' }, children: [2, 3] },
        { id: 2, callFrame: { url: 'https://x.com/bench/feed' } },
        { id: 3, callFrame: { url: 'chrome-extension://abc/content-scripts/x.js' }, children: [4] },
        { id: 4, callFrame: { url: '' } },
      ],
      samples: [2, 3, 4, 4, 2, 3],
      timeDeltas: [0, 1000, 1000, 1000, 1000, 1000, 1000],
    };
    expect(extensionTime(profile)).toEqual({ totalMs: 4, longestMs: 3 });
  });

  test('judgeTargets reads the issue targets', () => {
    const t = judgeTargets({
      feed: { posts: 10_000, longTasksExtension: 0, msPerPost: 0.1, storedMentions: 5, expectedMentions: 5 } as never,
      matcher: { textMB: 21, terms: 500, speedupVsRegexLoop: 12 } as never,
      bundle: { contentGzipBytes: 39_999 } as never,
    });
    expect(Object.values(t).every(Boolean)).toBe(true);
    expect(judgeTargets({ matcher: { textMB: 21, terms: 500, speedupVsRegexLoop: 9 } as never })['matcher.speedupVsRegexLoop >= 10']).toBe(false);
  });

  test('parseArgs', () => {
    expect(parseArgs(['--json', '--no-build'])).toMatchObject({ json: true, build: false, posts: 10_000, mb: 20 });
    expect(parseArgs(['--only', 'matcher,bundle', '--mb=1'])).toMatchObject({ only: ['matcher', 'bundle'], mb: 1 });
    expect(() => parseArgs(['--only', 'gpu'])).toThrow(UsageError);
    expect(() => parseArgs(['--posts', '-3'])).toThrow(UsageError);
    expect(() => parseArgs(['--frobnicate'])).toThrow(UsageError);
  });
});
