/**
 * End-to-end test of `npm run eval` (scripts/eval.ts) on a tiny folder written
 * here: an English three-class file, a French two-class file and an
 * intent-only file, with the fast peers only. Runs in CI (no shared data).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { UsageError, parseArgs } from '../../../scripts/eval';

const ROOT = path.resolve(__dirname, '../../..');
let dir = '';

const jsonl = (rows: object[]): string => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'veille-eval-'));
  const air = { lang: 'en', source: 'twitter_us_airline', brand: 'United' };
  writeFileSync(
    path.join(dir, 'en_small.jsonl'),
    jsonl([
      { text: '@united thank you so much, great crew and a smooth flight!', label: 'positive', ...air },
      { text: '@united I love this airline', label: 'positive', ...air },
      { text: '@united my bag is lost and nobody answers, worst service ever', label: 'negative', topic: 'Lost Luggage', ...air },
      { text: '@united flight delayed 3 hours, still waiting at the gate', label: 'negative', topic: 'Late Flight', ...air },
      { text: '@united ugh', label: 'negative', topic: "Can't Tell", ...air },
      { text: '@united what time does boarding start?', label: 'neutral', ...air },
      { text: 'The meeting is on Tuesday.', label: 'neutral', lang: 'en' },
    ]),
  );
  writeFileSync(
    path.join(dir, 'fr_small.jsonl'),
    jsonl([
      { text: "Un film magnifique, j'ai adoré", label: 'positive', lang: 'fr', rating: 5 },
      { text: 'Vraiment nul, je suis déçu', label: 'negative', lang: 'fr', rating: 1 },
      { text: 'Pas mal du tout, bravo', label: 'positive', lang: 'fr' },
    ]),
  );
  writeFileSync(
    path.join(dir, 'intent_en_small.jsonl'),
    jsonl([
      { text: 'How do I reset my PIN?', label: null, lang: 'en', source: 'banking77', intent: 'change_pin' },
      { text: 'My card payment was declined', label: null, lang: 'en', source: 'banking77', intent: 'declined_card_payment' },
    ]),
  );
  writeFileSync(path.join(dir, 'notes.txt'), 'not a data file');
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function runEval(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/eval.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('npm run eval (end to end)', () => {
  test('--json prints one JSON object of the documented shape', () => {
    const cache = path.join(dir, 'cache');
    const r = runEval(['--data', dir, '--json', '--peers', 'veille,afinn,vader', '--throughput-seconds', '0.05', '--cache-dir', cache]);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const report = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual(['files', 'languages', 'intent', 'throughput', 'languageId']);

    const files = report.files as Array<Record<string, unknown>>;
    expect(files.map((f) => f.file)).toEqual(['en_small.jsonl', 'fr_small.jsonl']); // intent-only file left out
    const [en, fr] = files as [Record<string, unknown>, Record<string, unknown>];
    expect(en).toMatchObject({ lang: 'en', rows: 7, classes: 3 });
    expect(fr).toMatchObject({ lang: 'fr', rows: 3, classes: 2 });
    expect(en.majorityAccuracy).toBeCloseTo(3 / 7, 3);
    expect(fr.majorityAccuracy).toBeCloseTo(2 / 3, 3);
    for (const f of files) expect(Object.keys(f)).toEqual(['file', 'lang', 'rows', 'classes', 'majorityAccuracy', 'scores']);
    expect(Object.keys(en.scores as object).sort()).toEqual(['afinn', 'vader', 'veille']);
    expect(Object.keys(fr.scores as object)).toEqual(['veille']); // English-only peers are absent from French
    for (const f of files) {
      for (const s of Object.values(f.scores as Record<string, { accuracy: number; macroF1: number }>)) {
        expect(Object.keys(s)).toEqual(['accuracy', 'macroF1']);
        expect(s.accuracy).toBeGreaterThanOrEqual(0);
        expect(s.accuracy).toBeLessThanOrEqual(1);
        expect(s.macroF1).toBeGreaterThanOrEqual(0);
        expect(s.macroF1).toBeLessThanOrEqual(1);
      }
    }

    const languages = report.languages as Record<string, Record<string, { meanMacroF1: number }>>;
    expect(Object.keys(languages)).toEqual(['en', 'fr']);
    expect(Object.keys(languages.en!).sort()).toEqual(['afinn', 'vader', 'veille']);
    expect(Object.keys(languages.fr!)).toEqual(['veille']);
    expect(languages.en!.veille!.meanMacroF1).toBe((en.scores as Record<string, { macroF1: number }>).veille!.macroF1);

    const intent = report.intent as Record<string, number>;
    expect(Object.keys(intent)).toEqual(['complaintRecall', 'requestRecall', 'praiseRecall']);
    for (const v of Object.values(intent)) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
    // The obvious proxies of this tiny set are found.
    expect(intent).toEqual({ complaintRecall: 1, requestRecall: 1, praiseRecall: 1 });

    const throughput = report.throughput as Record<string, number>;
    expect(Object.keys(throughput).sort()).toEqual(['afinn', 'vader', 'veille']);
    for (const v of Object.values(throughput)) expect(v).toBeGreaterThan(0);

    // Language id: Veille against eld and tinyld, on every row (10 labelled + the intent-only ones).
    const langId = report.languageId as { rows: number; shortRows: number; systems: Record<string, Record<string, number>> };
    expect(langId.rows).toBeGreaterThanOrEqual(10);
    expect(Object.keys(langId.systems)).toEqual(['veille', 'eld', 'eldLarge', 'tinyld']);
    for (const s of Object.values(langId.systems)) {
      expect(Object.keys(s)).toEqual(['accuracy', 'shortAccuracy', 'textsPerSec']);
      expect(s.accuracy).toBeGreaterThan(0.5); // plain French and English sentences
      expect(s.textsPerSec).toBeGreaterThan(0);
    }

    // Peer predictions were cached, keyed by peer@version and file hash; Veille's never are.
    const cached = readdirSync(cache).sort();
    expect(cached.some((d) => d.startsWith('afinn@'))).toBe(true);
    expect(cached.some((d) => d.startsWith('vader@'))).toBe(true);
    expect(cached.some((d) => d.startsWith('veille'))).toBe(false);
    const afinnDir = path.join(cache, cached.find((d) => d.startsWith('afinn@'))!);
    expect(readdirSync(afinnDir).every((f) => /^[0-9a-f]{64}\.json$/.test(f))).toBe(true);

    // A second run reads the cache and gives the same scores.
    const again = runEval(['--data', dir, '--json', '--peers', 'afinn,vader', '--throughput-seconds', '0', '--cache-dir', cache]);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/afinn: en_small\.jsonl from cache/);
    const second = JSON.parse(again.stdout) as { files: unknown; throughput: object };
    expect(second.files).toEqual(report.files);
    expect(second.throughput).toEqual({});
  });

  test('without --json it prints a table; a bad line fails naming the file and line', () => {
    const noCache = path.join(dir, 'no-cache');
    const table = runEval(['--data', dir, '--peers', 'afinn', '--throughput-seconds', '0', '--no-cache', '--cache-dir', noCache]);
    expect(table.status, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/en_small\.jsonl/);
    expect(table.stdout).toMatch(/Intent recall/);
    expect(existsSync(noCache)).toBe(false); // --no-cache neither reads nor writes the cache

    const bad = mkdtempSync(path.join(os.tmpdir(), 'veille-eval-bad-'));
    try {
      writeFileSync(path.join(bad, 'x.jsonl'), '{"text":"a","label":"positive","lang":"en"}\n{oops\n');
      const r = runEval(['--data', bad, '--json', '--peers', 'afinn', '--throughput-seconds', '0', '--no-cache']);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/x\.jsonl:2: invalid JSON/);
    } finally {
      rmSync(bad, { recursive: true, force: true });
    }
  });
});

describe('parseArgs', () => {
  test('defaults and flags', () => {
    const o = parseArgs(['--data', 'd', '--json', '--no-cache', '--peers', 'veille,wink,afinn', '--throughput-seconds=0.5']);
    expect(o).toMatchObject({ data: 'd', json: true, cache: false, peers: ['afinn', 'wink'], throughputSeconds: 0.5 });
    expect(parseArgs(['--data', 'd']).peers).toEqual(['vader', 'afinn', 'wink', 'nlpjs', 'multilang']);
  });

  test.each([
    [[], /--data DIR is required/],
    [['--data'], /--data needs a value/],
    [['--data', 'd', '--peers', 'bert'], /unknown peer "bert"/],
    [['--data', 'd', '--frobnicate'], /unknown argument/],
    [['--data', 'd', '--throughput-seconds', '-1'], /must be a number >= 0/],
  ])('%j → usage error', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
    expect(() => parseArgs(argv)).toThrow(message);
  });
});
