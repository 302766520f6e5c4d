import type { Page } from '@playwright/test';

/** Ask a demo page to append items as infinite scroll would (every demo page listens for this). */
export async function appendMore(page: Page): Promise<void> {
  await page.evaluate(() => window.postMessage({ veilleDemo: 'append' }, '*'));
}

/** Texts shown in the popup's mention list. */
export function mentionTexts(popup: Page): Promise<string[]> {
  return popup.getByTestId('mention-text').allTextContents();
}

/**
 * Every row of one object store of the extension's database, read from an
 * extension page (it shares the extension's origin) without Dexie.
 */
export function readStore<T = Record<string, unknown>>(extensionPage: Page, store: string): Promise<T[]> {
  return extensionPage.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('veille');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction(name).objectStore(name).getAll();
          req.onsuccess = () => {
            resolve(req.result as T[]);
            open.result.close();
          };
          req.onerror = () => reject(req.error);
        };
      }),
    store,
  );
}
