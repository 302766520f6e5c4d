import { describe, expect, test } from 'vitest';
import {
  EvalDataError,
  accuracy,
  describeFile,
  f1Score,
  intentProxy,
  macroF1,
  majorityAccuracy,
  majorityLabel,
  mean,
  parseJsonl,
  recall,
  round4,
  scoreFile,
} from '../../../lib/eval/metrics';
import type { EvalLabel, EvalRow } from '../../../lib/eval/metrics';

const P: EvalLabel = 'positive';
const N: EvalLabel = 'negative';
const U: EvalLabel = 'neutral';
const TWO: EvalLabel[] = ['negative', 'positive'];
const THREE: EvalLabel[] = ['negative', 'neutral', 'positive'];

describe('accuracy', () => {
  test.each([
    [[P, N, P, N], [P, N, P, N], 1],
    [[P, N, P, N], [N, P, N, P], 0],
    [[P, N, P, N], [P, N, N, N], 0.75],
    [[P, N], [U, U], 0], // a neutral answer on a two-class file is wrong
    [[], [], 0],
  ] as const)('%j vs %j → %d', (gold, pred, expected) => {
    expect(accuracy(gold, pred)).toBeCloseTo(expected, 10);
  });

  test('lengths must match', () => {
    expect(() => accuracy([P], [P, N])).toThrow(/differ in length/);
  });
});

describe('macro-F1', () => {
  test('two classes, perfect and inverted', () => {
    expect(macroF1([P, N, P, N], [P, N, P, N], TWO)).toBe(1);
    expect(macroF1([P, N, P, N], [N, P, N, P], TWO)).toBe(0);
  });

  test('two classes, by hand', () => {
    // gold P P P N ; pred P P N N → F1(P) = 2·1·(2/3)/(1+2/3) = 0.8 ; F1(N) = 2·0.5·1/1.5 = 2/3
    expect(f1Score([P, P, P, N], [P, P, N, N], P)).toBeCloseTo(0.8, 10);
    expect(f1Score([P, P, P, N], [P, P, N, N], N)).toBeCloseTo(2 / 3, 10);
    expect(macroF1([P, P, P, N], [P, P, N, N], TWO)).toBeCloseTo((0.8 + 2 / 3) / 2, 10);
  });

  test('a neutral prediction on a two-class file counts as wrong and is not a class of the average', () => {
    // gold P N ; pred P U → F1(P) = 1 ; F1(N) = 0 (its row was missed) → 0.5, accuracy 0.5
    const s = scoreFile([P, N], [P, U], TWO);
    expect(s.accuracy).toBe(0.5);
    expect(s.macroF1).toBe(0.5);
    // The same answers scored as a three-class file would average a third class (F1 0).
    expect(macroF1([P, N], [P, U], THREE)).toBeCloseTo(1 / 3, 10);
  });

  test('three classes, by hand', () => {
    const gold = [P, P, U, U, N, N];
    const pred = [P, U, U, U, N, P];
    // P: tp1 fp1 fn1 → 0.5 ; U: tp2 fp1 fn0 → 0.8 ; N: tp1 fp0 fn1 → 2/3
    expect(macroF1(gold, pred, THREE)).toBeCloseTo((0.5 + 0.8 + 2 / 3) / 3, 10);
    expect(accuracy(gold, pred)).toBeCloseTo(4 / 6, 10);
  });

  test('a class never predicted and never gold has F1 0', () => {
    expect(f1Score([P, P], [P, P], N)).toBe(0);
    expect(macroF1([], [], THREE)).toBe(0);
  });
});

describe('majority baseline', () => {
  test.each([
    [[P, P, N], P, 2 / 3],
    [[N, U, U, U, P], U, 0.6],
    [[P, N], N, 0.5], // tie: first in negative/neutral/positive order, same accuracy
  ] as const)('%j → %s (%d)', (gold, label, acc) => {
    expect(majorityLabel(gold)).toBe(label);
    expect(majorityAccuracy(gold)).toBeCloseTo(acc, 10);
  });

  test('no rows', () => {
    expect(majorityLabel([])).toBeNull();
    expect(majorityAccuracy([])).toBe(0);
  });
});

describe('describeFile: language and number of classes', () => {
  const row = (label: EvalLabel | null, lang: 'en' | 'fr' = 'en'): EvalRow => ({ text: 't', label, lang });

  test('a file with neutral rows is three-class', () => {
    expect(describeFile([row(P), row(U), row(N)])).toEqual({ lang: 'en', classes: 3, rows: 3, labels: THREE });
  });

  test('a file without neutral rows is two-class', () => {
    expect(describeFile([row(P, 'fr'), row(N, 'fr')])).toEqual({ lang: 'fr', classes: 2, rows: 2, labels: TWO });
  });

  test('the language is the majority of the labelled rows; intent-only rows are not counted', () => {
    const info = describeFile([row(P, 'fr'), row(N, 'fr'), row(P, 'en'), row(null, 'en'), row(null, 'en')]);
    expect(info?.lang).toBe('fr');
    expect(info?.rows).toBe(3);
  });

  test('an intent-only file (every label null) is not a sentiment file', () => {
    expect(describeFile([row(null), row(null)])).toBeNull();
    expect(describeFile([])).toBeNull();
  });
});

describe('parseJsonl', () => {
  test('reads rows, skips blank lines, keeps the optional fields', () => {
    const content = [
      '{"text":"great","label":"positive","lang":"en","brand":"Acme","source":"x"}',
      '',
      '{"text":"nul","label":"negative","lang":"fr","rating":1.5}',
      '{"text":"how do I pay?","label":null,"lang":"en","intent":"pay","topic":"t"}\r',
      '   ',
    ].join('\n');
    expect(parseJsonl(content, 'a.jsonl')).toEqual([
      { text: 'great', label: 'positive', lang: 'en', brand: 'Acme', source: 'x' },
      { text: 'nul', label: 'negative', lang: 'fr', rating: 1.5 },
      { text: 'how do I pay?', label: null, lang: 'en', intent: 'pay', topic: 't' },
    ]);
  });

  test.each([
    ['{"text":"a","label":"positive","lang":"en"}\n{"text": "b", "label": ', 2, /invalid JSON/],
    ['[1,2]', 1, /expected a JSON object/],
    ['{"label":"positive","lang":"en"}', 1, /"text" must be a string/],
    ['\n\n{"text":"a","label":"good","lang":"en"}', 3, /"label" must be positive, negative, neutral or null \(got "good"\)/],
    ['{"text":"a","label":"neutral","lang":"de"}', 1, /"lang" must be en or fr \(got "de"\)/],
    ['{"text":"a","label":"neutral","lang":"fr","rating":"5"}', 1, /"rating" must be a number/],
    ['{"text":"a","label":"neutral","lang":"fr","brand":3}', 1, /"brand" must be a string/],
  ] as const)('bad line → error naming the file and line %#', (content, line, message) => {
    let err: unknown;
    try {
      parseJsonl(content, 'data/bad.jsonl');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(EvalDataError);
    const e = err as EvalDataError;
    expect(e.file).toBe('data/bad.jsonl');
    expect(e.line).toBe(line);
    expect(e.message).toMatch(new RegExp(`^data/bad\\.jsonl:${line}: `));
    expect(e.message).toMatch(message);
  });
});

describe('intent proxies', () => {
  const airline = (label: EvalLabel, topic?: string): EvalRow => ({
    text: 't',
    label,
    lang: 'en',
    source: 'twitter_us_airline',
    ...(topic === undefined ? {} : { topic }),
  });

  test.each([
    [airline(N, 'Late Flight'), 'complaint'],
    [airline(N, "Can't Tell"), null],
    [airline(N), null],
    [airline(P), 'praise'],
    [airline(U), null],
    [{ text: 't', label: null, lang: 'en', source: 'banking77' } as EvalRow, 'request'],
    [{ text: 't', label: N, lang: 'en', source: 'tweeteval', topic: 'x' } as EvalRow, null],
  ] as const)('%j → %s', (row, proxy) => {
    expect(intentProxy(row, 'whatever.jsonl')).toBe(proxy);
  });

  test('without a source field, the file name decides', () => {
    expect(intentProxy({ text: 't', label: null, lang: 'en' }, 'intent_en_banking77.jsonl')).toBe('request');
    expect(intentProxy({ text: 't', label: P, lang: 'en' }, 'en_twitter_us_airline.jsonl')).toBe('praise');
    expect(intentProxy({ text: 't', label: P, lang: 'en' }, 'en_other.jsonl')).toBeNull();
  });
});

describe('small helpers', () => {
  test('recall, mean, round4', () => {
    expect(recall([true, false, true, true])).toBe(0.75);
    expect(recall([])).toBe(0);
    expect(mean([0.5, 0.7])).toBeCloseTo(0.6, 10);
    expect(mean([])).toBe(0);
    expect(round4(0.123456)).toBe(0.1235);
  });
});
