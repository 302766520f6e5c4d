/**
 * Sanity evaluation on the development data, when it is present (it is not in
 * CI). Reports accuracy and macro-F1; asserts nothing about their level. Only
 * the English meta-model's weights (lib/sentiment/model-en.json) are derived from
 * two of its files (TweetEval, UCI; see README "Sentiment model").
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyzeSentiment } from '../../../lib/sentiment/analyze';
import type { AnalyzeOptions, SentimentLabel } from '../../../lib/sentiment/types';

const DIR = '/work/shared/data/sentiment';
const LABELS: SentimentLabel[] = ['negative', 'neutral', 'positive'];

interface Row {
  text: string;
  label: SentimentLabel | null;
  lang: string;
  brand?: string;
}

function evaluate(file: string, opts: (row: Row) => AnalyzeOptions = () => ({})) {
  const rows = readFileSync(`${DIR}/${file}`, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Row)
    .filter((r) => r.label !== null);
  const cm = new Map<string, number>();
  let correct = 0;
  let langOk = 0;
  for (const row of rows) {
    const r = analyzeSentiment(row.text, opts(row));
    cm.set(`${row.label}>${r.label}`, (cm.get(`${row.label}>${r.label}`) ?? 0) + 1);
    if (r.label === row.label) correct++;
    if (r.lang === row.lang) langOk++;
  }
  const get = (a: string, b: string) => cm.get(`${a}>${b}`) ?? 0;
  const present = LABELS.filter((l) => LABELS.some((p) => get(l, p) > 0));
  let f1 = 0;
  for (const l of present) {
    const tp = get(l, l);
    const fp = LABELS.reduce((s, o) => s + (o === l ? 0 : get(o, l)), 0);
    const fn = LABELS.reduce((s, o) => s + (o === l ? 0 : get(l, o)), 0);
    const p = tp / (tp + fp || 1);
    const r = tp / (tp + fn || 1);
    f1 += p + r > 0 ? (2 * p * r) / (p + r) : 0;
  }
  const result = {
    n: rows.length,
    accuracy: +(correct / rows.length).toFixed(3),
    macroF1: +(f1 / present.length).toFixed(3),
    langDetected: +(langOk / rows.length).toFixed(3),
  };
  const matrix = LABELS.map((a) => `${a}: ${LABELS.map((b) => get(a, b)).join('/')}`).join(', ');
  console.log(`[sentiment dev] ${file} ${JSON.stringify(result)} (gold: predicted neg/neu/pos) ${matrix}`);
  return result;
}

describe.skipIf(!existsSync(DIR))('sentiment on the development data (report only)', () => {
  test.each(['fr_deft2017_tweets.jsonl', 'en_twitter_us_airline.jsonl'])('%s', (file) => {
    const r = evaluate(file);
    expect(r.n).toBeGreaterThan(0);
  });

  test('airline tweets with the airline as a neutral term', () => {
    const r = evaluate('en_twitter_us_airline.jsonl', (row) => (row.brand ? { neutralTerms: [row.brand] } : {}));
    expect(r.n).toBeGreaterThan(0);
  });
});
