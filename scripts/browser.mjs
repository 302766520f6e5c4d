// Launch Debian's Chromium (or CHROME_PATH) with the built extension loaded,
// through Playwright. Shared by `npm start` and the end-to-end tests.
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const EXTENSION_DIR = path.join(root, '.output', 'chrome-mv3');

export function chromiumPath() {
  const p = process.env.CHROME_PATH || '/usr/bin/chromium';
  if (!existsSync(p)) throw new Error(`Chromium not found at ${p}. Install it (apt-get install chromium) or set CHROME_PATH.`);
  return p;
}

/**
 * Chromium's command line for Veille: the built extension loaded (unless
 * `extension` is false: same flags without it, for baselines such as
 * `npm run bench`), and no connection attempts of the browser's own.
 * `extensionDebugging` (tests only) lets a browser-level CDP session call the
 * `Extensions` domain, e.g. `Extensions.triggerAction`: a click on the
 * toolbar icon, which grants `activeTab` as a real click does.
 * @param {{ lang?: string, extension?: boolean, extensionDebugging?: boolean }} [opts]
 */
export function chromiumArgs({ lang = 'en-US', extension = true, extensionDebugging = false } = {}) {
  return [
    ...(extension ? [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`] : []),
    ...(extensionDebugging ? ['--enable-unsafe-extension-debugging'] : []),
    `--lang=${lang}`,
    // No connection attempts of the browser's own: this machine has no network.
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--no-first-run',
    '--no-default-browser-check',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  ];
}

/**
 * @param {{ userDataDir: string, headless?: boolean, lang?: string, extensionDebugging?: boolean }} opts
 */
export async function launchVeille({ userDataDir, headless = true, lang = 'en-US', extensionDebugging = false }) {
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`No built extension in ${EXTENSION_DIR}: run "npm run build" first.`);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless,
    locale: lang,
    viewport: { width: 1280, height: 900 },
    args: chromiumArgs({ lang, extensionDebugging }),
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
  const extensionId = new URL(worker.url()).host;
  return { context, extensionId, worker, popupUrl: (pageUrl) => `chrome-extension://${extensionId}/popup.html${pageUrl ? `?url=${encodeURIComponent(pageUrl)}` : ''}` };
}
