/**
 * The KPI dashboard: known mentions written into the extension's IndexedDB
 * (from an extension page), then the figures on screen checked against the
 * values worked out by hand for those rows; the brand, site and date filters;
 * the popup's button; French; the keyboard; axe.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { localDay } from '../../lib/kpi/formulas';
import type { CrisisRow, MentionRow } from '../../lib/storage/schema';
import { expect, test, type Veille } from './fixtures';

const H = 3_600_000;
/** Local noon `n` days ago (+ `h` hours). */
function ago(n: number, h = 0): number {
  const d = new Date();
  d.setHours(12, 0, 0, 0);
  d.setDate(d.getDate() - n);
  return d.getTime() + h * H;
}

function mention(i: number, p: Partial<MentionRow> & { label: MentionRow['sentiment']['label'] }): MentionRow {
  const { label, ...rest } = p;
  const site = rest.site ?? 'x';
  return {
    key: `${site}:e2e${i}`,
    site,
    itemId: `e2e${i}`,
    kind: rest.rating ? 'review' : 'post',
    text: `Acme test mention ${i} <b>not bold</b>`,
    truncated: false,
    originalLength: 30,
    author: null,
    handle: null,
    permalink: null,
    timestamp: null,
    rating: null,
    lang: 'en',
    sentiment: { label, score: 0, confidence: 0.9, evidence: [] },
    intents: ['other'],
    brandIds: ['acme'],
    terms: ['Acme'],
    competitor: false,
    status: 'new',
    pageUrls: ['https://x.com/e2e'],
    firstSeen: ago(1),
    lastSeen: ago(1),
    statusChangedAt: ago(1),
    repliedAt: null,
    ...rest,
  };
}

const ROWS: MentionRow[] = [
  mention(1, { label: 'positive', firstSeen: ago(1), status: 'replied', repliedAt: ago(1) + 2 * H, handle: '@ana' }),
  mention(2, { label: 'negative', firstSeen: ago(2), status: 'follow_up', handle: '@ana' }),
  mention(3, { label: 'positive', site: 'google-maps', rating: 5, firstSeen: ago(3), status: 'replied', repliedAt: ago(3) + 4 * H, author: 'Bob' }),
  mention(4, { label: 'negative', site: 'google-maps', rating: 2, firstSeen: ago(3, -1), author: 'Chloé' }),
  mention(5, { label: 'neutral', site: 'trustpilot', rating: 3, firstSeen: ago(5), status: 'replied', repliedAt: ago(5) + H / 2, author: 'Dan' }),
  mention(6, { label: 'negative', site: 'reddit', firstSeen: ago(4), status: 'follow_up', author: 'Eve', brandIds: ['zenith'], competitor: true }),
  mention(7, { label: 'neutral', firstSeen: ago(6), status: 'ignored', handle: '@fox' }),
  // 40 days ago: outside the default 30 days.
  mention(8, { label: 'negative', firstSeen: ago(40), status: 'replied', repliedAt: ago(40) + H, handle: '@old' }),
];

const CRISIS: CrisisRow[] = [
  { brandId: 'acme', at: ago(2, 3), from: 'none', to: 'minime', negatives: 7, total: 12, baselineMean: 1.2, z: 3.1 },
  { brandId: 'zenith', at: ago(3, 5), from: 'none', to: 'severe', negatives: 20, total: 25, baselineMean: 1, z: 6 },
];

/** Write the rows with plain IndexedDB from an extension page (the schema exists: the page opened it with Dexie). */
async function seed(page: Page): Promise<void> {
  await page.evaluate(
    ({ rows, crisis }) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('veille');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction(['mentions', 'crisis'], 'readwrite');
          for (const r of rows) tx.objectStore('mentions').put(r);
          for (const c of crisis) tx.objectStore('crisis').add(c);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { rows: ROWS, crisis: CRISIS },
  );
}

async function openDashboard(veille: Veille, hash = ''): Promise<Page> {
  const page = await veille.context.newPage();
  await page.goto(`chrome-extension://${veille.extensionId}/dashboard.html${hash}`);
  await expect(page.getByTestId('dashboard')).toBeVisible();
  return page;
}

async function seeded(veille: Veille): Promise<Page> {
  const page = await openDashboard(veille);
  await seed(page);
  await page.reload();
  await expect(page.getByTestId('kpi-volume')).toHaveAttribute('data-value', '7');
  return page;
}

const kpi = (page: Page, id: string) => page.getByTestId(`kpi-${id}`);
const spaces = (s: string | null) => (s ?? '').replace(/\s+/gu, ' ').trim();

async function expectKpis(page: Page, want: Record<string, string>): Promise<void> {
  for (const [id, value] of Object.entries(want)) await expect(kpi(page, id), id).toHaveAttribute('data-value', value);
}

test('the figures equal the KPIs of the stored rows; filters change them', async ({ veille }) => {
  const page = await seeded(veille);
  // Default range: the last 30 days → rows 1–7.
  await expectKpis(page, {
    volume: '7',
    'share-positive': String(2 / 7),
    'share-neutral': String(2 / 7),
    'share-negative': String(3 / 7),
    net: String(-1 / 5),
    health: String(2 / 5),
    // Eligible: not competitor, not ignored → 1–5; replied 1, 3, 5 (2 h, 4 h, 30 min).
    'response-rate': String(3 / 5),
    'median-reply': String(2 * H),
    'mean-reply': String((6.5 * H) / 3),
    'open-follow-ups': '2',
  });
  await expect(kpi(page, 'response-rate')).toContainText('60%');
  await expect(kpi(page, 'response-rate')).toContainText('3 replied of 5');
  await expect(kpi(page, 'median-reply')).toContainText('2 hours');
  await expect(kpi(page, 'share-negative')).toContainText('42.9%');
  // Ratings by site.
  const ratings = page.getByTestId('table-ratings');
  await expect(ratings.locator('tr[data-site="google-maps"] td').first()).toHaveAttribute('data-value', '3.5');
  await expect(ratings.locator('tr[data-site="google-maps"] td').nth(1)).toHaveText('2');
  await expect(ratings.locator('tr[data-site="trustpilot"] td').first()).toHaveAttribute('data-value', '3');
  // Top sites and authors.
  await expect(page.getByTestId('top-sites').locator('tbody tr')).toHaveText([/^X\s*3$/u, /^Google Maps\s*2$/u, /^Reddit\s*1$/u, /^Trustpilot\s*1$/u]);
  await expect(page.getByTestId('top-authors').locator('tbody tr').first()).toHaveText(/^@ana\s*2$/u);
  await expect(page.getByTestId('top-authors').locator('tbody tr')).toHaveCount(6);
  // The volume chart's text equivalent: one row per day, 30 days.
  const volume = page.getByTestId('table-volume');
  await expect(volume.locator('tbody tr')).toHaveCount(30);
  const day3 = volume.locator(`tr[data-day="${localDay(ago(3))}"] td`);
  await expect(day3).toHaveText(['1', '0', '1', '2']);
  // The charts are drawn (canvas), and hidden from assistive technology.
  await expect(page.getByTestId('chart-volume').locator('canvas')).toHaveCount(1);
  await expect(page.getByTestId('chart-volume')).toHaveAttribute('aria-hidden', 'true');
  // Crisis timeline.
  await expect(page.getByTestId('crisis').locator('li')).toHaveCount(2);
  await expect(page.getByTestId('crisis').locator('li').first()).toHaveAttribute('data-to', 'severe');
  // The page text is shown as text.
  expect(await page.locator('b').count()).toBe(0);
  // The page measured its first render.
  expect(Number(await page.evaluate(() => document.documentElement.dataset.firstRenderMs))).toBeGreaterThan(0);

  // Brand: the competitor.
  await page.getByTestId('filter-brand').selectOption('zenith');
  await expectKpis(page, { volume: '1', 'share-negative': '1', 'response-rate': '', 'median-reply': '', 'open-follow-ups': '1' });
  await expect(kpi(page, 'response-rate')).toContainText('n/a');
  await expect(page.getByTestId('crisis').locator('li')).toHaveCount(1);
  await expect(page).toHaveURL(/#.*brand=zenith/u);
  // Brand: ours.
  await page.getByTestId('filter-brand').selectOption('acme');
  await expectKpis(page, { volume: '6', 'response-rate': String(3 / 5), 'open-follow-ups': '1' });
  await expect(page.getByTestId('crisis').locator('li')).toHaveCount(1);
  await expect(page.getByTestId('crisis').locator('li')).toHaveAttribute('data-to', 'minime');
  // Site.
  await page.getByTestId('filter-site').selectOption('google-maps');
  await expectKpis(page, { volume: '2', 'share-positive': '0.5', 'response-rate': '0.5', 'median-reply': String(4 * H) });
  await page.getByTestId('filter-site').selectOption('');
  await page.getByTestId('filter-brand').selectOption('');
  // Date: from 45 days ago → row 8 too (replied after 1 h).
  await page.getByTestId('filter-from').fill(localDay(ago(45)));
  await expectKpis(page, { volume: '8', 'response-rate': String(4 / 6), 'median-reply': String(1.5 * H), 'share-negative': '0.5' });
  await expect(volume.locator('tbody tr')).toHaveCount(46);
  // Date: only 3 days ago.
  await page.getByTestId('filter-from').fill(localDay(ago(3)));
  await page.getByTestId('filter-to').fill(localDay(ago(3)));
  await expectKpis(page, { volume: '2', 'share-positive': '0.5', 'median-reply': String(4 * H) });
  await expect(page.getByTestId('crisis').locator('li')).toHaveCount(1);
  await expect(page.getByTestId('crisis').locator('li')).toHaveAttribute('data-brand', 'zenith');
  await page.getByTestId('filter-brand').selectOption('acme');
  await expect(page.getByTestId('no-crisis')).toBeVisible();
  await page.getByTestId('filter-brand').selectOption('');
  // A reversed range says so, and shows nothing.
  await page.getByTestId('filter-from').fill(localDay(ago(1)));
  await expect(page.getByTestId('range-invalid')).toBeVisible();
  await expectKpis(page, { volume: '0' });

  // The filters are in the URL: a reload keeps them.
  await page.getByTestId('filter-from').fill(localDay(ago(10)));
  await page.getByTestId('filter-brand').selectOption('acme');
  await page.reload();
  await expect(page.getByTestId('filter-brand')).toHaveValue('acme');
  await expect(page.getByTestId('filter-to')).toHaveValue(localDay(ago(3)));
  // acme, 10 to 3 days ago: rows 3, 4, 5, 7.
  await expectKpis(page, { volume: '4' });
});

test('keyboard, live updates, the popup button and axe', async ({ veille }) => {
  const page = await seeded(veille);
  // Keyboard: Tab reaches the filters; arrows change the brand; Enter opens the figures.
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('filter-from')).toBeFocused();
  // (The brand list comes from extension storage, after the first render.)
  await expect(page.getByTestId('filter-brand').locator('option[value="acme"]')).toBeAttached();
  await page.getByTestId('filter-brand').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('filter-brand')).toHaveValue('acme');
  await expectKpis(page, { volume: '6' });
  const summary = page.getByTestId('table-volume').locator('xpath=ancestor::details/summary');
  await summary.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('table-volume')).toBeVisible();

  // A change made elsewhere (the popup, through the worker) shows up: acme's open follow-ups 1 → 2.
  await expectKpis(page, { 'open-follow-ups': '1' });
  const popup = await veille.openPopup('https://x.com/e2e');
  await popup.getByTestId('mention').filter({ hasText: 'mention 4 ' }).getByTestId('mark-follow-up').click();
  await expectKpis(page, { volume: '6', 'open-follow-ups': '2' });

  // The popup's header opens the dashboard in a tab.
  const [opened] = await Promise.all([veille.context.waitForEvent('page'), popup.getByTestId('open-dashboard').click()]);
  await expect(opened).toHaveURL(new RegExp(`^chrome-extension://${veille.extensionId}/dashboard\\.html`, 'u'));
  await expect(opened.getByRole('heading', { level: 1 })).toHaveText('Dashboard');

  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test.describe('in French', () => {
  test.use({ veilleLang: 'fr' });

  test('labels, numbers and durations in French; axe clean', async ({ veille }) => {
    const page = await seeded(veille);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tableau de bord');
    await expect(page).toHaveTitle(/Tableau de bord/u);
    expect(spaces(await kpi(page, 'response-rate').textContent())).toContain('Taux de réponse');
    expect(spaces(await kpi(page, 'response-rate').textContent())).toContain('60 %');
    expect(spaces(await kpi(page, 'response-rate').textContent())).toContain('3 répondues sur 5');
    expect(spaces(await kpi(page, 'median-reply').textContent())).toContain('2 heures');
    expect(spaces(await kpi(page, 'share-negative').textContent())).toContain('42,9 %');
    await expect(page.getByLabel('Marque')).toBeVisible();
    await expect(page.getByText('Chronologie des crises')).toBeVisible();
    await expect(page.getByTestId('crisis').locator('li').first()).toContainText('sévère');
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    // The popup's button, in French.
    const popup = await veille.openPopup('https://x.com/e2e');
    await expect(popup.getByTestId('open-dashboard')).toHaveText('Tableau de bord');
  });
});
