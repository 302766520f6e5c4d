/**
 * The worker loads its large data (the English word table, eld's n-grams)
 * from the package at start-up instead of carrying it in its script
 * (wxt.config.ts, lib/background/runtime-data.ts). Check that it really is in
 * use: every stored mention's sentiment equals what the same code computes
 * in Node with the bundled data — also after a worker restart.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures';
import { readStore } from './helpers';

interface Stored {
  key: string;
  text: string;
  rating: number | null;
  terms: string[];
  lang: string;
  sentiment: { label: string; score: number };
}

test('stored sentiment equals the Node computation with the bundled data (word table and eld loaded)', async ({ veille }) => {
  const warnings: string[] = [];
  (await veille.worker()).on('console', (m) => {
    if (m.text().includes('runtime data')) warnings.push(m.text());
  });
  for (const site of ['x', 'trustpilot', 'youtube']) {
    const page = await veille.context.newPage();
    await page.goto(veille.page(site).url);
  }
  await expect.poll(() => veille.storedCount()).toBeGreaterThan(15);
  const reader = await veille.context.newPage();
  await reader.goto(`chrome-extension://${veille.extensionId}/options.html`);
  const rows = await readStore<Stored>(reader, 'mentions');
  const input = rows.map((m) => ({ text: m.text, rating: m.rating, terms: m.terms }));
  const node = spawnSync(process.execPath, ['--import', 'tsx', path.join(path.dirname(fileURLToPath(import.meta.url)), 'score-in-node.ts')], { input: JSON.stringify(input), encoding: 'utf8' });
  expect(node.status, node.stderr).toBe(0);
  const expected = JSON.parse(node.stdout) as Array<{ lang: string; label: string; score: number }>;
  let english = 0;
  rows.forEach((m, i) => {
    expect({ key: m.key, lang: m.lang, label: m.sentiment.label, score: m.sentiment.score }).toEqual({ key: m.key, ...expected[i] });
    if (expected[i]!.lang === 'en') english++;
  });
  expect(english).toBeGreaterThan(2);
  expect(warnings).toEqual([]);
});
