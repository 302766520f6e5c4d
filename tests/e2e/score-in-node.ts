/**
 * Helper for runtime-data.spec.ts, run with tsx in a child process (Playwright's
 * loader cannot import the sentiment code's JSON modules): reads
 * [{text, rating, neutralTerms}] on stdin, writes [{lang, label, score}].
 */
import { analyzeSentiment } from '../../lib/sentiment/analyze';

let input = '';
process.stdin.on('data', (d: Buffer) => (input += d.toString()));
process.stdin.on('end', () => {
  const rows = JSON.parse(input) as Array<{ text: string; rating: number | null; neutralTerms: string[] }>;
  const out = rows.map((r) => {
    const s = analyzeSentiment(r.text, { rating: r.rating, neutralTerms: r.neutralTerms });
    return { lang: s.lang, label: s.label, score: s.score };
  });
  process.stdout.write(JSON.stringify(out));
});
