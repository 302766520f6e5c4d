import { describe, expect, test } from 'vitest';
import { Automaton } from '../../../lib/brands/automaton';
import { buildMatcher } from '../../../lib/brands/matcher';
import { DEMO_BRANDS } from '../../../lib/brands/demo';
import { asHandle, asHashtag, foldTerm, foldText } from '../../../lib/brands/normalize';

/** Every occurrence of every pattern, by indexOf: "pattern@end", sorted. */
function bruteForce(patterns: string[], text: string): string[] {
  const out: string[] = [];
  patterns.forEach((p, i) => {
    for (let at = text.indexOf(p); at !== -1; at = text.indexOf(p, at + 1)) out.push(`${i}@${at + p.length}`);
  });
  return out.sort();
}

function scanAll(patterns: string[], text: string): string[] {
  const out: string[] = [];
  new Automaton(patterns).scan(text, (p, end) => out.push(`${p}@${end}`));
  return out.sort();
}

describe('Automaton (Aho–Corasick over UTF-16 code units)', () => {
  test('finds every occurrence, overlaps and duplicate patterns included', () => {
    const patterns = ['he', 'she', 'his', 'hers', 'he', 'e'];
    expect(scanAll(patterns, 'ushers said he')).toEqual(bruteForce(patterns, 'ushers said he'));
  });

  test('agrees with brute force on random texts over a small alphabet (accents and an astral emoji included)', () => {
    let seed = 12345;
    const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const alphabet = ['a', 'b', 'c', ' ', 'é', "'", '😀', '@'];
    const word = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
    for (let round = 0; round < 200; round++) {
      const patterns = Array.from({ length: 1 + Math.floor(rand() * 8) }, () => word(1 + Math.floor(rand() * 4)));
      const text = word(Math.floor(rand() * 200));
      expect(scanAll(patterns, text)).toEqual(bruteForce(patterns, text));
    }
  });

  test('reports hits in order of their end', () => {
    const ends: number[] = [];
    new Automaton(['acme', 'cm', 'acme cafe']).scan('acme cafe, acme', (_p, end) => ends.push(end));
    expect(ends).toEqual([...ends].sort((a, b) => a - b));
  });

  test('an empty pattern is refused', () => {
    expect(() => new Automaton(['ok', ''])).toThrow(RangeError);
  });
});

test('the matcher stays linear on long non-ASCII text (Intl.Segmenter is quadratic in Node 20)', () => {
  const matcher = buildMatcher(DEMO_BRANDS);
  const chunk = 'Franchement déçue 😡 par le café, l’accueil était très moyen… ';
  const big = chunk.repeat(Math.ceil(300_000 / chunk.length)) + ' merci @AcmeFrance';
  const t = performance.now();
  expect(matcher.match(big).map((m) => m.brandId)).toEqual(['acme']);
  expect(performance.now() - t).toBeLessThan(1000);
});

describe('scanFolded: the matcher reads the text as foldText folds it', () => {
  // The matcher before scanFolded: foldText, then every occurrence of every folded term, then boundaries and exclusions.
  function reference(brands: typeof DEMO_BRANDS, text: string): Array<{ brandId: string; terms: string[] }> {
    const folded = foldText(text);
    const word = (i: number) => i >= 0 && i < folded.length && /[\p{L}\p{N}_]/u.test(folded[i]!);
    type Hit = { b: number; start: number; end: number; original: string };
    const found: Hit[] = [];
    const excluded: Hit[] = [];
    brands.forEach((b, bi) => {
      const terms: Array<[string, string, 'name' | 'tag' | 'exclusion']> = [
        ...[b.name, ...b.aliases, ...b.misspellings].map((t) => [foldTerm(t), t, 'name'] as [string, string, 'name']),
        ...b.handles.map((h) => [asHandle(h), h.startsWith('@') ? h : '@' + h, 'tag'] as [string, string, 'tag']),
        ...b.hashtags.map((h) => [asHashtag(h), h.startsWith('#') ? h : '#' + h, 'tag'] as [string, string, 'tag']),
        ...b.exclusions.map((x) => [foldTerm(x), x, 'exclusion'] as [string, string, 'exclusion']),
      ];
      for (const [pattern, original, kind] of terms) {
        for (let at = folded.indexOf(pattern); at !== -1; at = folded.indexOf(pattern, at + 1)) {
          const end = at + pattern.length;
          if (word(at - 1) || word(end)) continue;
          if (kind === 'tag' && (folded[at - 1] === '@' || folded[at - 1] === '#')) continue;
          (kind === 'exclusion' ? excluded : found).push({ b: bi, start: at, end, original });
        }
      }
    });
    const out = new Map<number, Set<string>>();
    for (const f of found) {
      if (excluded.some((x) => x.b === f.b && f.start < x.end && f.end > x.start)) continue;
      if (!out.has(f.b)) out.set(f.b, new Set());
      out.get(f.b)!.add(f.original);
    }
    return [...out].sort((a, b) => a[0] - b[0]).map(([bi, terms]) => ({ brandId: brands[bi]!.id, terms: [...terms].sort() }));
  }

  test('same brands and terms as foldText + search on 2,000 random hostile texts', () => {
    const matcher = buildMatcher(DEMO_BRANDS);
    let seed = 2024;
    const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const pieces = [
      'Acme', 'ACMÉ', 'acme', 'Ac\u200bme', 'ＡＣＭＥ', 'Akme', 'Acmee', 'Acme Café', 'cafés  acme', 'Cafés\nAcme', '@AcmeFrance', '@acme_cafe', '#AcmeCafe',
      '#Acme', "l'Acme", 'd’Acme', "Acme's", 'the acme of', 'at its acme', "l'acmé de la", 'Brûlerie Zénith', 'Zénith Coffee', '#BrulerieZenith',
      ' ', ' ', '  ', '\n', '\t', '\u00a0', '.', ',', '!', '@', '#', '_', 'x', 'é', 'e\u0301', '😀', '👏🏽', 'ß', 'İ', 'Σ', 'ς', '\u200d', '`', 'l', 'de', 'la',
    ];
    for (let round = 0; round < 2000; round++) {
      const text = Array.from({ length: 1 + Math.floor(rand() * 12) }, () => pieces[Math.floor(rand() * pieces.length)]).join(rand() < 0.5 ? '' : ' ');
      const got = matcher.match(text).map((m) => ({ brandId: m.brandId, terms: [...m.terms].sort() }));
      expect(got, JSON.stringify(text)).toEqual(reference(DEMO_BRANDS, text));
    }
  });

  test('a Greek brand ending in a final sigma is found whatever the case', () => {
    const greek = buildMatcher([{ id: 'g', name: 'Ήλιος', aliases: [], handles: [], hashtags: [], misspellings: [], exclusions: [], competitor: false }]);
    expect(greek.match('Καλημέρα ΗΛΙΟΣ!')).toHaveLength(1);
    expect(greek.match('ο ήλιος λάμπει')).toHaveLength(1);
    expect(greek.match('ηλιοσ')).toHaveLength(1);
  });
});
