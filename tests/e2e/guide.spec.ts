/**
 * The style guide on the options page: editing a validated template sends it
 * back to draft (and out of the suggestions) until it is validated again;
 * export → wipe → import gives the identical guide; hostile files are refused
 * with the field named and change nothing.
 */
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

function storedGuide(page: Page, brandId = 'acme'): Promise<unknown> {
  return page.evaluate(
    (id) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('veille');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('guides').objectStore('guides').get(id);
          req.onsuccess = () => {
            resolve(req.result ?? null);
            open.result.close();
          };
        };
      }),
    brandId,
  );
}

test('edit → back to draft → validate; export → wipe → import gives the same guide; hostile imports refused', async ({ veille }, testInfo) => {
  const options = await veille.context.newPage();
  await options.goto(`chrome-extension://${veille.extensionId}/options.html`);
  await options.getByRole('tab', { name: 'Style guide' }).click();
  const rows = options.getByTestId('template-row');
  await expect(rows.first()).toBeVisible();
  const validated = await options.locator('[data-testid="template-row"][data-state="validated"]').count();
  expect(validated).toBeGreaterThanOrEqual(12);
  const axe = await new AxeBuilder({ page: options }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);

  // Edit the first validated template's text: it goes back to draft.
  const first = options.locator('[data-testid="template-row"][data-state="validated"]').first();
  const id = await first.getAttribute('data-template');
  await first.getByTestId('edit-template').click();
  const text = options.getByLabel('Text', { exact: true });
  await text.fill(`${await text.inputValue()} <b>plain text</b>`);
  await options.getByTestId('save-template').click();
  const row = options.locator(`[data-testid="template-row"][data-template="${id}"]`);
  await expect(row).toHaveAttribute('data-state', 'draft');
  await expect(options.getByTestId('guide-notice')).toBeVisible();
  // Validate it again (the agent name, seeded for the demo, is who validates).
  await expect(options.getByTestId('agent-name')).toHaveValue('Léa');
  await row.getByTestId('validate-template').click();
  await expect(row).toHaveAttribute('data-state', 'validated');
  await expect(row).toContainText('Léa');

  // Export → wipe → import.
  const before = await storedGuide(options);
  const download = options.waitForEvent('download');
  await options.getByTestId('export-guide').click();
  const file = testInfo.outputPath('guide.json');
  await (await download).saveAs(file);
  expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ format: 'veille-style-guide', version: 1 });
  await options.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const open = indexedDB.open('veille');
        open.onsuccess = () => {
          const tx = open.result.transaction('guides', 'readwrite');
          tx.objectStore('guides').clear();
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
        };
      }),
  );
  expect(await storedGuide(options)).toBeNull();
  await options.getByTestId('import-guide').setInputFiles(file);
  await expect(options.getByTestId('guide-notice')).toBeVisible();
  expect(await storedGuide(options)).toEqual(before);

  // Hostile files: refused with the field named; the guide is unchanged.
  const bad = async (name: string, content: string, message: RegExp) => {
    await options.getByTestId('import-guide').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
    await expect(options.getByTestId('guide-error')).toContainText(message);
    expect(await storedGuide(options)).toEqual(before);
  };
  await bad('broken.json', '{"format": "veille-style-guide", ', /not a JSON file/u);
  await bad('future.json', JSON.stringify({ format: 'veille-style-guide', version: 99, guide: {} }), /^version/u);
  const wrongType = JSON.parse(await readFile(file, 'utf8')) as { guide: { templates: Array<{ text: unknown }> } };
  wrongType.guide.templates[2]!.text = 42;
  await bad('wrong.json', JSON.stringify(wrongType), /guide\.templates\[2\]\.text/u);
  await bad('proto.json', '{"format":"veille-style-guide","version":1,"guide":{"__proto__":{"polluted":true}}}', /__proto__/u);
  expect(await options.evaluate(() => ({}) as Record<string, unknown>)).not.toHaveProperty('polluted');
});

test('voice and vocabulary are edited as forms and stored checked', async ({ veille }) => {
  const options = await veille.context.newPage();
  await options.goto(`chrome-extension://${veille.extensionId}/options.html`);
  await options.getByRole('tab', { name: 'Style guide' }).click();
  const banned = options.getByTestId('voice-banned');
  await expect(banned).not.toHaveValue('');
  await banned.fill(`${await banned.inputValue()}\ngratuit => offert | promet trop`);
  await options.getByTestId('voice-fr-formality').selectOption('tu');
  await options.getByTestId('save-voice').click();
  await expect(options.getByTestId('guide-notice')).toBeVisible();
  const g = (await storedGuide(options)) as { voice: { fr: { formality: string } }; vocabulary: { banned: Array<{ term: string; replacement?: string; reason: string }> } };
  expect(g.voice.fr.formality).toBe('tu');
  expect(g.vocabulary.banned).toContainEqual({ term: 'gratuit', replacement: 'offert', reason: 'promet trop' });
});

test('greetings, closings, required terms, platform rules and disclosure are edited as forms; a refused length keeps what was typed', async ({ veille }) => {
  const options = await veille.context.newPage();
  await options.goto(`chrome-extension://${veille.extensionId}/options.html`);
  await options.getByRole('tab', { name: 'Style guide' }).click();
  const greetings = options.getByTestId('voice-fr-greetings');
  await expect(greetings).not.toHaveValue('');
  await greetings.fill('Bonjour {author},\n\nCoucou {author} !');
  await options.getByTestId('voice-fr-closings').fill('Belle journée,');
  await options.getByTestId('voice-en-short-signature').fill('^{agent}');
  await options.getByTestId('voice-required').fill('équipe Acme | la marque parle en équipe');
  await options.getByTestId('save-voice').click();
  await expect(options.getByTestId('guide-notice')).toBeVisible();
  type Stored = {
    voice: { fr: { greetings: string[]; closings: string[] }; en: { shortSignature: string } };
    vocabulary: { required: Array<{ term: string; reason: string }> };
    platforms: Record<string, { maxLength: number | null; links: string; moveToPrivate: boolean; signature?: string } | undefined>;
    disclosure: { tags: Record<string, string[]>; triggers: Record<string, string[]> };
    templates: unknown[];
  };
  let g = (await storedGuide(options)) as Stored;
  expect(g.voice.fr.greetings).toEqual(['Bonjour {author},', 'Coucou {author} !']);
  expect(g.voice.fr.closings).toEqual(['Belle journée,']);
  expect(g.voice.en.shortSignature).toBe('^{agent}');
  expect(g.vocabulary.required).toEqual([{ term: 'équipe Acme', reason: 'la marque parle en équipe', lang: 'fr' }]);
  const templates = g.templates.length;

  // Platform rules: a refused length names its field and keeps the form as typed.
  const xMax = options.getByTestId('platform-max-x');
  // 0 is stopped by the field itself (min 1): nothing is sent.
  await xMax.fill('0');
  await options.getByTestId('save-platforms').click();
  expect(await xMax.evaluate((el) => (el as HTMLInputElement).validity.valid)).toBe(false);
  expect(((await storedGuide(options)) as Stored).platforms.x?.maxLength).not.toBe(0);
  // Past the guide's cap, parseGuide refuses it and names the field.
  await xMax.fill('2000000');
  await options.getByTestId('save-platforms').click();
  await expect(options.getByTestId('guide-error')).toContainText('platforms.x.maxLength');
  await expect(xMax).toHaveValue('2000000');
  await xMax.fill('280');
  await options.getByTestId('platform-links-x').selectOption('none');
  await options.getByTestId('platform-private-trustpilot').check();
  await options.getByTestId('disclosure-tags-fr').fill('#partenariat, #sponsorisé');
  await options.getByTestId('save-platforms').click();
  await expect(options.getByTestId('guide-notice')).toBeVisible();
  await expect(options.getByTestId('guide-error')).toHaveCount(0);
  g = (await storedGuide(options)) as Stored;
  expect(g.platforms.x).toMatchObject({ maxLength: 280, links: 'none' });
  expect(g.platforms.trustpilot?.moveToPrivate).toBe(true);
  expect(g.disclosure.tags.fr).toEqual(['#partenariat', '#sponsorisé']);
  // What the voice form saved before is still there, and so are the templates.
  expect(g.voice.fr.greetings).toEqual(['Bonjour {author},', 'Coucou {author} !']);
  expect(g.templates).toHaveLength(templates);
  const axe = await new AxeBuilder({ page: options }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
});
