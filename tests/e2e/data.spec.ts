/**
 * Data rights on the options page (issue 6): export everything as JSON →
 * erase everything → import the file gives back the same data; CSV export;
 * erasing one author; progress; axe.
 */
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { readStore } from './helpers';

function allMentions(page: Page): Promise<Array<Record<string, unknown>>> {
  return readStore(page, 'mentions');
}

test('export JSON → erase everything → import gives back the same data; CSV; erase one author', async ({ veille }, testInfo) => {
  for (const site of ['x', 'trustpilot']) {
    const page = await veille.context.newPage();
    await page.goto(veille.page(site).url);
  }
  await expect.poll(() => veille.storedCount()).toBeGreaterThan(10);
  await expect.poll(async () => (await veille.storedCount()) === (await new Promise((r) => setTimeout(() => r(veille.storedCount()), 1500)))).toBe(true);

  const options = await veille.context.newPage();
  await options.goto(`chrome-extension://${veille.extensionId}/options.html`);
  await options.getByRole('tab', { name: 'Data' }).click();
  const axe = await new AxeBuilder({ page: options }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
  const before = await allMentions(options);
  const n = before.length;

  // JSON export.
  await options.getByTestId('export-format').selectOption('json');
  let download = options.waitForEvent('download');
  await options.getByTestId('export-data').click();
  const json = testInfo.outputPath('export.json');
  await (await download).saveAs(json);
  await expect(options.getByTestId('data-notice')).toContainText(String(n));
  expect((JSON.parse(await readFile(json, 'utf8')) as { mentions: unknown[] }).mentions).toHaveLength(n);

  // CSV export: a header and one record per mention (a BOM for spreadsheets).
  await options.getByTestId('export-format').selectOption('csv');
  download = options.waitForEvent('download');
  await options.getByTestId('export-data').click();
  const csv = testInfo.outputPath('export.csv');
  await (await download).saveAs(csv);
  const csvText = await readFile(csv, 'utf8');
  expect(csvText.startsWith('\uFEFFkey,site,kind,firstSeen')).toBe(true);

  // Erase everything (typed confirmation), then import.
  await expect(options.getByTestId('erase-all')).toBeDisabled();
  await options.getByTestId('erase-all-input').fill('ERASE');
  await options.getByTestId('erase-all').click();
  await expect(options.getByTestId('data-notice')).toContainText(`${n}`);
  expect(await allMentions(options)).toEqual([]);
  await options.getByTestId('import-data').setInputFiles(json);
  await expect(options.getByTestId('data-notice')).toContainText(`${n} new`);
  const after = await allMentions(options);
  const byKey = (rows: Array<Record<string, unknown>>) => [...rows].sort((a, b) => String(a.key).localeCompare(String(b.key)));
  expect(byKey(after)).toEqual(byKey(before));

  // A broken file is refused and nothing changes.
  await options.getByTestId('import-data').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"veille-export","version":1,"mentions":[{"key":1}]}') });
  await expect(options.getByTestId('data-error')).toContainText('mentions[0]');
  expect(await allMentions(options)).toHaveLength(n);

  // Erase one author.
  const handle = String(before.find((m) => typeof m.handle === 'string')!.handle);
  const theirs = before.filter((m) => m.handle === handle).length;
  await options.getByTestId('erase-author-input').fill(handle);
  await options.getByTestId('erase-author').click();
  await expect(options.getByTestId('data-notice')).toContainText(String(theirs));
  expect((await allMentions(options)).filter((m) => m.handle === handle)).toEqual([]);
  expect(await allMentions(options)).toHaveLength(n - theirs);
});
