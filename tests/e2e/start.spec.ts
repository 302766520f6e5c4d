/** `npm start` without a display: the headless tour visits every demo page and ends with the count line. */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';

test('headless npm start prints one line per mention and "demo: N mentions on M pages"', async () => {
  test.setTimeout(180_000);
  const root = path.resolve(import.meta.dirname, '../..');
  const env = { ...process.env };
  delete env.DISPLAY;
  const child = spawn(process.execPath, ['scripts/start.mjs', '--no-build'], { cwd: root, env });
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr.on('data', (b: Buffer) => (out += b.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(code, out).toBe(0);
  const lines = out.trim().split('\n');
  const last = lines.at(-1)!;
  const m = /^demo: (\d+) mentions on (\d+) pages$/u.exec(last);
  expect(m, last).not.toBeNull();
  const [n, pages] = [Number(m![1]), Number(m![2])];
  expect(pages).toBeGreaterThanOrEqual(6);
  // One tab-separated line per mention: site, author, sentiment, excerpt.
  const mentionLines = lines.filter((l) => /^[^\t]+\t[^\t]*\t(positive|neutral|negative)\t/u.test(l));
  expect(mentionLines).toHaveLength(n);
  for (const site of ['X', 'Reddit', 'YouTube', 'Google Maps', 'Trustpilot', 'Web']) {
    expect(mentionLines.some((l) => l.startsWith(site + '\t')), site).toBe(true);
  }
  // Screenshots were saved in the folder it named.
  const dir = /screenshots go to (.+)$/mu.exec(out)![1]!.trim();
  expect(existsSync(dir)).toBe(true);
  expect(readdirSync(dir).filter((f) => f.endsWith('.png')).length).toBe(pages * 2);
  rmSync(dir, { recursive: true, force: true });
});
