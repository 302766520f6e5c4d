/** The options page: the CM adds a brand from the keyboard; open pages pick it up; bad input is refused with the field named. */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { appendMore } from './helpers';

test('add a brand from the keyboard; a demo page then reports its mentions', async ({ veille }) => {
  const options = await veille.context.newPage();
  await options.goto(`chrome-extension://${veille.extensionId}/options.html`);
  await expect(options.getByTestId('brand-list').getByRole('button')).toHaveCount(2); // the demo brands
  const axe = await new AxeBuilder({ page: options }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);

  await options.getByTestId('add-brand').click();
  await options.getByLabel('Name', { exact: true }).fill('Salon du café');
  await options.getByLabel('Other names').fill('salon du  café de la porte de Versailles\n\n');
  await options.getByLabel('Hashtags').fill('SalonDuCafe');
  await options.getByLabel('Name', { exact: true }).press('Enter'); // submits the form
  await expect(options.getByRole('status')).toBeVisible();
  await expect(options.getByTestId('brand-list').getByRole('button')).toHaveCount(3);
  const stored = await options.evaluate(() => chrome.storage.local.get('brands'));
  expect((stored.brands as Array<{ id: string; hashtags: string[] }>).find((b) => b.id === 'salon-du-cafe')).toMatchObject({
    hashtags: ['#SalonDuCafe'],
  });

  // A bad entry is refused with the field named, and nothing is written.
  await options.getByLabel('Exclusions').fill('x'.repeat(150));
  await options.getByTestId('save-brand').click();
  await expect(options.getByTestId('brand-error')).toContainText('exclusions[0]');
  const again = await options.evaluate(() => chrome.storage.local.get('brands'));
  expect((again.brands as Array<{ id: string; exclusions: string[] }>).find((b) => b.id === 'salon-du-cafe')!.exclusions).toEqual([]);

  // The X demo page appends a post about the salon: it is now a mention.
  const demo = veille.page('x');
  const page = await veille.context.newPage();
  await page.goto(demo.url);
  await appendMore(page);
  const popup = await veille.openPopup(demo.url);
  await expect(popup.getByTestId('mention-text').filter({ hasText: 'salon du café' })).toHaveCount(1);
});

test.describe('in French', () => {
  test.use({ veilleLang: 'fr' });
  test('the options page speaks French', async ({ veille }) => {
    const options = await veille.context.newPage();
    await options.goto(`chrome-extension://${veille.extensionId}/options.html`);
    await expect(options.getByRole('tab', { name: 'Marques' })).toBeVisible();
    await expect(options.getByLabel('Autres noms')).toBeVisible();
    // A refused crisis threshold is explained in French too.
    await options.getByRole('tab', { name: 'Alertes de crise' }).click();
    await options.getByTestId('crisis-windowHours').fill('0');
    await options.getByTestId('save-alerts').click();
    await expect(options.getByTestId('alerts-error')).toContainText('doit être un nombre supérieur à 0');
    // So is a refused style guide: the field, then what is wrong, kinds of value included.
    await options.getByRole('tab', { name: 'Charte éditoriale' }).click();
    // The brand's guide is loaded (an import goes to the selected brand).
    await expect(options.getByTestId('voice-banned')).not.toHaveValue('');
    const refuse = (content: string) => options.getByTestId('import-guide').setInputFiles({ name: 'charte.json', mimeType: 'application/json', buffer: Buffer.from(content) });
    await refuse('{"format": "veille-style-guide", ');
    await expect(options.getByTestId('guide-error')).toHaveText("fichier : ce n'est pas un fichier JSON");
    await refuse(JSON.stringify({ format: 'veille-style-guide', version: 1, guide: { brandId: 42 } }));
    await expect(options.getByTestId('guide-error')).toHaveText('guide.brandId : attendu : du texte ; reçu : un nombre');
  });
});

test('crisis thresholds: checked (the field is named), saved, reset; axe', async ({ veille }) => {
  const options = await veille.context.newPage();
  await options.goto(`chrome-extension://${veille.extensionId}/options.html`);
  await options.getByRole('tab', { name: 'Crisis alerts' }).click();
  await expect(options.getByTestId('crisis-s1')).toHaveValue('3.5');
  const axe = await new AxeBuilder({ page: options }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
  const stored = () => options.evaluate(() => chrome.storage.local.get('crisisConfig').then((r) => r.crisisConfig as { sigmas: number[]; minNegatives: number } | undefined));

  await options.getByTestId('crisis-s1').fill('1');
  await options.getByTestId('save-alerts').click();
  // Named by its label, in the CM's language, and tied to the field.
  await expect(options.getByTestId('alerts-error')).toContainText('must be higher than the level before it');
  await expect(options.getByTestId('alerts-error')).toContainText('Moderate: σ above the baseline');
  await expect(options.getByTestId('crisis-s1')).toHaveAttribute('aria-invalid', 'true');
  await expect(options.getByTestId('crisis-s1')).toHaveAttribute('aria-describedby', 'alerts-error');
  expect(await stored()).toBeUndefined();

  await options.getByTestId('crisis-s1').fill('3');
  await options.getByTestId('crisis-minNegatives').fill('8');
  await options.getByTestId('save-alerts').click();
  await expect(options.getByRole('status')).toBeVisible();
  expect(await stored()).toMatchObject({ sigmas: [2, 3, 5], minNegatives: 8 });

  await options.getByTestId('reset-alerts').click();
  await expect(options.getByTestId('crisis-s1')).toHaveValue('3.5');
  expect(await stored()).toMatchObject({ sigmas: [2, 3.5, 5], minNegatives: 5 });
});
