import { describe, expect, test } from 'vitest';
import { bannedToText, productsToText, textToBanned, textToProducts } from '../../../entrypoints/options/vocabulary';
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
