import { describe, expect, test } from 'vitest';
import { buildMatcher } from '../../../lib/brands/matcher';
import { DEMO_BRANDS } from '../../../lib/brands/demo';
import { fold, foldText } from '../../../lib/brands/normalize';

const matcher = buildMatcher(DEMO_BRANDS);
const acme = (text: string) => matcher.match(text).find((m) => m.brandId === 'acme');

describe('brand matcher finds the brand', () => {
  test.each([
    ['name, any case', 'I love ACME coffee'],
    ['accented', 'Vive ACMÉ !'],
    ['alias with accent folded', 'Les cafes acme sont bons'],
    ['French elision', "Je sors de chez l'Acme de Lyon"],
    ['d’ with typographic apostrophe', 'Le latte d’Acme est top'],
    ['English possessive', "Acme's new blend"],
    ['handle', 'merci @AcmeFrance pour la réponse'],
    ['handle any case', 'cc @ACME_CAFE'],
    ['hashtag', 'Super matin #AcmeCafe'],
    ['zero-width inside the name', 'Ac\u200bme a encore augmenté ses prix'],
    ['soft hyphen and BOM', 'Ac\u00adm\ufeffe'],
    ['fullwidth', 'ＡＣＭＥ rocks'],
    ['misspelling', 'akme est nul'],
    ['url', 'voir acme.fr/contact'],
    ['RTL text around it', 'مرحبا Acme شكرا'],
  ])('%s', (_label, text) => {
    expect(acme(text)).toBeDefined();
  });
});

describe('brand matcher ignores', () => {
  test.each([
    ['inside another word', 'acmeology is not a brand'],
    ['handle prefix of a longer handle', '@AcmeFranceFan says hi'],
    ['English exclusion', 'This film is the acme of boredom'],
    ['French exclusion', "L'acmé de la tension dramatique"],
    ['unrelated text', 'Le café du coin est super'],
    ['empty', ''],
  ])('%s', (_label, text) => {
    expect(acme(text)).toBeUndefined();
  });
});

test('several brands at once, competitor flagged', () => {
  const m = matcher.match('Acme ou Brûlerie Zenith ? #BrulerieZenith');
  expect(m.map((x) => x.brandId)).toEqual(['acme', 'zenith']);
  expect(m[1]!.competitor).toBe(true);
  expect(m[1]!.terms).toEqual(expect.arrayContaining(['Brûlerie Zénith', '#BrulerieZenith']));
});

test('a brand mentioned both inside and outside an exclusion still matches', () => {
  expect(acme('The acme of taste: Acme Café')).toBeDefined();
});

test('fold keeps a map back to original offsets', () => {
  const f = fold('Ac\u200bMÉ');
  expect(f.text).toBe('acme');
  expect(Array.from(f.map)).toEqual([0, 1, 3, 4, 5]);
});

test('a 1 MB text is matched quickly', () => {
  const big = 'lorem ipsum dolor '.repeat(60_000) + ' Acme';
  const t = performance.now();
  expect(acme(big)).toBeDefined();
  expect(performance.now() - t).toBeLessThan(2000);
});

describe('foldText folds like fold', () => {
  test.each([
    'Ac\u200bMÉ', 'ＡＣＭＥ  rocks', 'l’Acmé\u00a0de la', '`quoted`', 'Ｃａｆé\ttab\nline', 'مرحبا Acme', 'Ac\u00adm\ufeffe', 'naïve café ŒUVRE ß',
  ])('%s', (text) => {
    expect(foldText(text)).toBe(fold(text).text.replace(/^ /u, ''));
  });
});

describe('mayMatch: a permissive pre-check that never misses what match finds', () => {
  const m = buildMatcher(DEMO_BRANDS);
  test.each([
    'Acme est top',
    'Vive #AcmeCafe',
    'merci @acme_cafe !',
    'Ac\u200bme encore',
    'ＡＣＭＥ en pleine largeur',
    'Chez Brûlerie\n   Zénith ce matin',
    "l'Acmé du film",
    'Akme, vraiment ?',
  ])('%j', (text) => {
    expect(m.mayMatch(text)).toBe(true);
  });

  test('false when no brand word is there at all; true on glued blocks that match would not read as a name', () => {
    expect(m.mayMatch('Rien à voir, le café du coin')).toBe(false);
    expect(m.mayMatch('')).toBe(false);
    // textContent of "<p>Bonjour</p><p>Acme</p>": glued, so match cannot see the word, mayMatch still says "maybe".
    expect(m.match('BonjourAcme')).toEqual([]);
    expect(m.mayMatch('BonjourAcme')).toBe(true);
    expect(buildMatcher([]).mayMatch('Acme')).toBe(false);
  });

  test('superset of match on 5,000 generated posts (5% name a brand)', async () => {
    const { generateFeedPosts } = await import('../../../scripts/bench/corpus');
    let named = 0;
    for (const p of generateFeedPosts(5000, 0.05, 7)) {
      if (m.match(p.text).length > 0) {
        named++;
        expect(m.mayMatch(p.text)).toBe(true);
        // Also when the text arrives glued to its neighbours and with raw whitespace (textContent).
        expect(m.mayMatch(`Name@handle·3 h${p.text.replace(/ /gu, '\n  ')}Reply`)).toBe(true);
      }
    }
    expect(named).toBeGreaterThan(150);
  });
});
