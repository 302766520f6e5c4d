/**
 * Playwright fixtures: a fresh Chromium profile with Veille loaded, the demo
 * site served at the real sites' addresses, and helpers to read the popup.
 */
import { test as base, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchVeille } from '../../scripts/browser.mjs';
import { routeDemoSites, startDemoServer, type DemoPage, type DemoServer } from '../../scripts/demo-server.mjs';
import type { ExpectedItem } from '../unit/sites/helpers';

export interface Veille {
  context: BrowserContext;
  worker: () => Promise<Worker>;
  extensionId: string;
  demo: DemoServer;
  userDataDir: string;
  page(site: string): DemoPage;
  /** Open the popup as a page about `pageUrl` (the popup's own tab is active otherwise). */
  openPopup(pageUrl?: string): Promise<Page>;
  /** Wait until the popup shows exactly/at least `n` mentions. */
  expectMentionCount(popup: Page, n: number): Promise<void>;
  badgeText(): Promise<string>;
  /** Rows in the extension's IndexedDB mentions store (read from an extension page). */
  storedCount(): Promise<number>;
  /** Stop the extension's service worker (Chrome restarts it on the next event). */
  stopServiceWorker(): Promise<void>;
  /** Close the browser and start it again on the same profile. */
  restart(): Promise<void>;
}

export function expectedItems(site: string): ExpectedItem[] {
  return JSON.parse(readFileSync(path.join(import.meta.dirname, '../../demo/site', `${site}.expected.json`), 'utf8')) as ExpectedItem[];
}

async function start(userDataDir: string, demo: DemoServer, lang: string) {
  // extensionDebugging: scan.spec.ts clicks the toolbar icon through CDP (Extensions.triggerAction).
  const launched = await launchVeille({ userDataDir, headless: true, lang, extensionDebugging: true });
  await routeDemoSites(launched.context, demo);
  return launched;
}

export const test = base.extend<{ veille: Veille; veilleLang: string }>({
  /** Browser UI language (the extension's i18n follows it). */
  veilleLang: ['en-US', { option: true }],
  veille: async ({ veilleLang }, use) => {
    const demo = await startDemoServer();
    const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'veille-e2e-'));
    let launched = await start(userDataDir, demo, veilleLang);
    const veille: Veille = {
      get context() {
        return launched.context;
      },
      get extensionId() {
        return launched.extensionId;
      },
      async worker() {
        return launched.context.serviceWorkers()[0] ?? (await launched.context.waitForEvent('serviceworker'));
      },
      demo,
      userDataDir,
      page(site) {
        const p = demo.pages.find((x) => x.site === site);
        if (!p) throw new Error(`no demo page for ${site}`);
        return p;
      },
      async openPopup(pageUrl) {
        const popup = await launched.context.newPage();
        await popup.goto(launched.popupUrl(pageUrl));
        return popup;
      },
      async expectMentionCount(popup, n) {
        await expect(popup.getByTestId('mention')).toHaveCount(n);
      },
      async badgeText() {
        const w = await veille.worker();
        return w.evaluate(() => chrome.action.getBadgeText({}));
      },
      async storedCount() {
        const p = await launched.context.newPage();
        await p.goto(launched.popupUrl('about:blank'));
        const n = await p.evaluate(
          () =>
            new Promise<number>((resolve, reject) => {
              const req = indexedDB.open('veille');
              // Not created yet: do not create it here (an empty v1 database held open would block the worker's upgrade).
              req.onupgradeneeded = () => req.transaction?.abort();
              req.onerror = () => (req.error?.name === 'AbortError' ? resolve(0) : reject(req.error));
              req.onsuccess = () => {
                const db = req.result;
                try {
                  const c = db.transaction('mentions', 'readonly').objectStore('mentions').count();
                  c.onsuccess = () => {
                    resolve(c.result);
                    db.close();
                  };
                  c.onerror = () => {
                    db.close();
                    reject(c.error);
                  };
                } catch (e) {
                  db.close();
                  reject(e);
                }
              };
            }),
        );
        await p.close();
        return n;
      },
      async stopServiceWorker() {
        const p = await launched.context.newPage();
        await p.goto(launched.popupUrl('about:blank'));
        const cdp = await launched.context.newCDPSession(p);
        await cdp.send('ServiceWorker.enable');
        await cdp.send('ServiceWorker.stopAllWorkers');
        await cdp.detach();
        await p.close();
      },
      async restart() {
        await launched.context.close();
        launched = await start(userDataDir, demo, veilleLang);
      },
    };
    await use(veille);
    await launched.context.close().catch(() => {});
    await demo.close();
    rmSync(userDataDir, { recursive: true, force: true });
  },
});

export { expect };
