import { describe, expect, test } from 'vitest';
import { analyzeSentiment } from '../../../lib/sentiment/analyze';
import { FR_SUPPLEMENT, tokenizeFr } from '../../../lib/sentiment/french';

const fr = (text: string) => analyzeSentiment(text, { lang: 'fr' });

describe('French: clear cases', () => {
  test.each([
    ["C'est génial, j'adore !", 'positive'],
    ['Service client au top 😍', 'positive'],
    ['Merci pour votre réponse rapide', 'positive'],
    ['Très bon produit, je recommande', 'positive'],
    ['Livraison nickel, bravo', 'positive'],
    ["c'est nul", 'negative'],
    ['Je suis très déçue', 'negative'],
    ["Service client injoignable, c'est honteux", 'negative'],
    ['Quelle arnaque', 'negative'],
    ['Colis perdu, aucune réponse, inadmissible', 'negative'],
    ['Livraison prévue demain.', 'neutral'],
    ['Le magasin ouvre à 9h', 'neutral'],
    ['Quel est le numéro du service client ?', 'neutral'],
    ['Je vais sur le site une fois par mois', 'neutral'], // "sur" is not "sûr", "fois" is not "foi"
  ] as const)('%s → %s', (text, label) => {
    expect(fr(text).label).toBe(label);
  });
});

describe('French: negation', () => {
  test.each([
    ['pas terrible', 'negative'],
    ["ce n'est pas bon", 'negative'],
    ["je n'aime pas", 'negative'],
    ["j'aime pas", 'negative'],
    ["ce produit n'est pas du tout génial", 'negative'],
    ['jamais déçu', 'positive'],
    ['aucun problème', 'positive'],
    ['pas mal du tout', 'positive'],
    ['sans souci', 'positive'],
  ] as const)('%s → %s', (text, label) => {
    expect(fr(text).label).toBe(label);
  });

  test('the evidence shows the negation', () => {
    expect(fr("ce n'est pas bon").evidence).toEqual(['pas bon']);
    expect(fr("je n'aime pas").evidence).toEqual(["n'aime pas"]);
  });

  test('negation stops at punctuation', () => {
    expect(fr('pas reçu, génial !').label).toBe('positive');
    expect(fr('pas reçu génial').label).toBe('negative');
  });
});

describe('French: contrast, intensity, emphasis', () => {
  test.each([
    ['bon produit mais livraison catastrophique', 'negative'],
    ['livraison lente mais produit génial', 'positive'],
    ['Produit correct, par contre service client nul', 'negative'],
  ] as const)('%s → %s', (text, label) => {
    expect(fr(text).label).toBe(label);
  });

  test('intensifiers strengthen, diminishers weaken', () => {
    expect(fr('très bon').score).toBeGreaterThan(fr('bon').score);
    expect(fr('un peu décevant').score).toBeGreaterThan(fr('décevant').score);
    expect(fr('un peu décevant').label).toBe('negative');
  });

  test('"super" is an intensifier before a cue and a cue on its own', () => {
    expect(fr('super bon').score).toBeGreaterThan(fr('bon').score);
    expect(fr("c'est super").label).toBe('positive');
    expect(fr('super bon').evidence).toEqual(['bon']);
  });

  test('exclamation marks and capitals boost', () => {
    expect(fr('génial !!!').score).toBeGreaterThan(fr('génial').score);
    expect(fr("C'EST NUL").score).toBeLessThan(fr("c'est nul").score);
  });
});

describe('French: word shapes', () => {
  test.each([
    ['nuuul', 'negative', 'nuuul'],
    ['géniaaal', 'positive', 'géniaaal'],
    ['trooop bien', 'positive', 'bien'],
    ["j'adore", 'positive', 'adore'],
    ["c'est nul", 'negative', 'nul'],
    ['l’amour', 'positive', 'amour'],
    ["qu'il est beau", 'positive', 'beau'],
    ['#nul', 'negative', 'nul'],
    ['genial', 'positive', 'genial'], // accents omitted
    ['tres decu', 'negative', 'decu'],
    ['déçues', 'negative', 'déçues'],
    ['elle est nulle', 'negative', 'nulle'],
    ['une expérience honteuse', 'negative', 'honteuse'],
  ] as const)('%s → %s', (text, label, evidence) => {
    const r = fr(text);
    expect(r.label).toBe(label);
    expect(r.evidence).toContain(evidence);
  });

  test('elisions are split, with straight and typographic apostrophes', () => {
    expect(tokenizeFr("l'amour d’été qu'il").map((t) => t.norm)).toEqual(["l'", 'amour', "d'", 'été', "qu'", 'il']);
    expect(tokenizeFr("aujourd'hui").map((t) => t.norm)).toEqual(["aujourd'hui"]);
  });

  test('the supplement stays small and well-formed', () => {
    expect(FR_SUPPLEMENT.length).toBeLessThanOrEqual(80);
    for (const [w, s] of FR_SUPPLEMENT) {
      expect(w).toBe(w.toLowerCase());
      expect(Math.abs(s)).toBeLessThanOrEqual(5);
    }
  });
});

describe('French: emojis and emoticons', () => {
  test.each([
    ['😡😡', 'negative'],
    ['Merci 🙏', 'positive'],
    ['Livraison 👎', 'negative'],
    ['encore en retard :(', 'negative'],
    ['reçu :-)', 'positive'],
    ['❤️❤️❤️', 'positive'],
    ['👍🏽', 'positive'],
  ] as const)('%s → %s', (text, label) => {
    expect(fr(text).label).toBe(label);
  });

  test('a repeated emoji counts once', () => {
    expect(fr('😍😍😍').score).toBe(fr('😍').score);
  });
});
