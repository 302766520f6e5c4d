import { describe, expect, test } from 'vitest';
import { bannedToText, commaList, linesOf, productsToText, requiredToText, textToBanned, textToProducts, textToRequired } from '../../../entrypoints/options/vocabulary';
import { demoGuide } from '../../../lib/replies/demo-guide';
import { parseGuide } from '../../../lib/replies/guide';

describe('vocabulary lines', () => {
  test('the demo guide round-trips through the text form unchanged', () => {
    const g = demoGuide();
    expect(textToBanned(bannedToText(g.vocabulary.banned), g.vocabulary.banned)).toEqual(g.vocabulary.banned);
    expect(textToProducts(productsToText(g.vocabulary.products))).toEqual(g.vocabulary.products);
  });
  test('parses "term => replacement | reason", blank lines ignored; the result is a valid guide', () => {
    const banned = textToBanned('malheureusement => nous sommes désolés | trop passif\n\ncheap | dévalorise\n  gratuit  ', []);
    expect(banned).toEqual([
      { term: 'malheureusement', replacement: 'nous sommes désolés', reason: 'trop passif' },
      { term: 'cheap', reason: 'dévalorise' },
      { term: 'gratuit', reason: '' },
    ]);
    expect(textToProducts('AcmeBox: Acme box, acme-box\nOberkampf')).toEqual([
      { name: 'AcmeBox', misspellings: ['Acme box', 'acme-box'] },
      { name: 'Oberkampf', misspellings: [] },
    ]);
    const g = demoGuide();
    expect(() => parseGuide({ ...g, vocabulary: { ...g.vocabulary, banned: banned.filter((b) => b.reason !== '') } })).not.toThrow();
  });
});

describe('required terms, greetings, closings, disclosure lists', () => {
  test('the demo guide’s required terms round-trip; a known term keeps its language, a new one has none', () => {
    const g = demoGuide();
    expect(textToRequired(requiredToText(g.vocabulary.required), g.vocabulary.required)).toEqual(g.vocabulary.required);
    const before = [{ term: 'équipe Acme', reason: 'signature collective', lang: 'fr' as const }];
    expect(textToRequired('équipe Acme\n\n torréfié à Lyon | origine ', before)).toEqual([
      { term: 'équipe Acme', reason: 'signature collective', lang: 'fr' },
      { term: 'torréfié à Lyon', reason: 'origine' },
    ]);
    const next = { ...g, vocabulary: { ...g.vocabulary, required: textToRequired('équipe Acme | nous', []) } };
    expect(parseGuide(next).vocabulary.required).toEqual([{ term: 'équipe Acme', reason: 'nous' }]);
  });
  test('lines and comma lists drop blanks and trim', () => {
    expect(linesOf(' Bonjour {author},\r\n\n  Hello!  ')).toEqual(['Bonjour {author},', 'Hello!']);
    expect(commaList(' #ad, ,#sponsored ,')).toEqual(['#ad', '#sponsored']);
    expect(linesOf('')).toEqual([]);
  });
});
