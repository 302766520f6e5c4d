import { describe, expect, test } from 'vitest';
import { wordTokens } from '../../../lib/sentiment/words';
import { decodeWordTable, getWordTable, metaProbabilities } from '../../../lib/sentiment/meta';
import { FEATURE_COUNT } from '../../../lib/sentiment/features';

describe('wordTokens', () => {
  test('lower-cases, drops links and @mentions, splits negated contractions', () => {
    expect(wordTokens("@user I DON'T like it, can't wait http://t.co/x www.a.com")).toEqual([
      'i', 'do', 'not', '!like', 'it', 'can', 'not', '!wait',
    ]);
  });
  test('negation: the next three words of the clause flip, function words excepted', () => {
    expect(wordTokens('not bad at all')).toEqual(['not', '!bad', 'at', 'all']);
    expect(wordTokens('never again, great staff')).toEqual(['never', '!again', 'great', 'staff']);
    expect(wordTokens('no refund no answer nothing')).toEqual(['no', '!refund', 'no', '!answer', 'nothing']);
    expect(wordTokens('not happy with the delays and the rude crew')).toEqual(['not', '!happy', 'with', 'the', 'delays', 'and', 'the', 'rude', 'crew']);
  });
  test('drops other clitics and keeps digits', () => {
    expect(wordTokens("it's 5 o’clock, we'll see")).toEqual(['it', '5', 'o', 'we', 'see']);
  });
  test('is bounded', () => {
    expect(wordTokens('a '.repeat(1000), 50)).toHaveLength(50);
    expect(wordTokens('')).toEqual([]);
  });
});

describe('word table', () => {
  test('decodes int8 pairs with their scale', () => {
    const t = decodeWordTable({ scale: 0.5, words: 'good bad', scores: Buffer.from([0, 10, 246, 0]).toString('base64') });
    expect(t.size).toBe(2);
    expect(Array.from(t.logits)).toEqual([0, 5, -5, 0]);
  });
  test('rejects a table whose scores do not match its words', () => {
    expect(() => decodeWordTable({ scale: 1, words: 'a b', scores: 'AA==' })).toThrow();
  });
  test('the shipped table is not empty and moves the probabilities the right way', () => {
    const table = getWordTable();
    expect(table.size).toBeGreaterThan(10000);
    const x = new Float64Array(FEATURE_COUNT);
    const [, , pGood] = metaProbabilities(x, ['excellent', 'wonderful']);
    const [pBad] = metaProbabilities(x, ['terrible', 'awful']);
    const [n0, , p0] = metaProbabilities(x, []);
    expect(pGood).toBeGreaterThan(p0);
    expect(pBad).toBeGreaterThan(n0);
  });
});
