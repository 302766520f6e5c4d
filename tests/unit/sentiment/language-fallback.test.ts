import { describe, expect, test } from 'vitest';
import { decideFromEvidence, detectLanguage, languageEvidence } from '../../../lib/sentiment/language';

describe('detectLanguage: word lists first, eld when they cannot call it', () => {
  test('clear word-list evidence decides without eld', () => {
    expect(decideFromEvidence(languageEvidence("Je n'ai jamais reçu ma commande"))).toBe('fr');
    expect(decideFromEvidence(languageEvidence("I haven't received my order yet"))).toBe('en');
  });

  test.each([
    'Merci',
    'Livraison rapide, emballage soigné',
    'Produit conforme, je recommande',
  ])('thin French evidence → eld → fr: %s', (text) => {
    expect(decideFromEvidence(languageEvidence(text))).toBeNull();
    expect(detectLanguage(text)).toBe('fr');
  });

  test.each(['Awesome product, fast shipping', 'Highly recommended', 'Terrible customer service'])(
    'thin English evidence → eld → en: %s',
    (text) => {
      expect(detectLanguage(text)).toBe('en');
    },
  );

  test.each(['Muy buen producto, llegó rápido', 'Sehr schnelle Lieferung, top Qualität', 'Ottimo prodotto'])(
    'another language stays other: %s',
    (text) => {
      expect(detectLanguage(text)).toBe('other');
    },
  );

  test('URLs, handles and hashtags do not decide', () => {
    expect(detectLanguage('@acme #acme https://acme.example/x')).toBe('other');
  });
});

describe('languageEvidence counts letters and accents whatever the script mix', () => {
  test.each([
    ['Très déçu par la livraison', { fr: true }],
    ['TRÈS DÉÇU PAR LA LIVRAISON', { fr: true }],
    ['Спасибо за доставку, очень быстро', { nonLatin: true }],
    ['😍😍 great 👍', { nonLatin: false }],
  ])('%s', (text, expected) => {
    const e = languageEvidence(text);
    if ('fr' in expected) expect(e.fr).toBeGreaterThan(e.en);
    if ('nonLatin' in expected) expect(e.nonLatin).toBe(expected.nonLatin);
  });
});
