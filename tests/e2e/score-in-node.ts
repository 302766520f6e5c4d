/**
 * Helper for runtime-data.spec.ts, run with tsx in a child process (Playwright's
 * loader cannot import the sentiment code's JSON modules): reads
 * [{text, rating, terms}] on stdin, scores them as the worker does (the brand's
 * terms neutral), writes [{lang, label, score}].
 */
import { neutralWordsOf } from '../../lib/brands/normalize';
import { analyzeSentiment } from '../../lib/sentiment/analyze';

let input = '';
process.stdin.on('data', (d: Buffer) => (input += d.toString()));
process.stdin.on('end', () => {
  const rows = JSON.parse(input) as Array<{ text: string; rating: number | null; terms: string[] }>;
  const out = rows.map((r) => {
    const s = analyzeSentiment(r.text, { rating: r.rating, neutralTerms: neutralWordsOf(r.terms) });
    return { lang: s.lang, label: s.label, score: s.score };
  });
  process.stdout.write(JSON.stringify(out));
});
