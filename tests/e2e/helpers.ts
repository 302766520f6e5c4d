import type { Page } from '@playwright/test';

/** Ask a demo page to append items as infinite scroll would (every demo page listens for this). */
export async function appendMore(page: Page): Promise<void> {
  await page.evaluate(() => window.postMessage({ veilleDemo: 'append' }, '*'));
}

/** Texts shown in the popup's mention list. */
export function mentionTexts(popup: Page): Promise<string[]> {
  return popup.getByTestId('mention-text').allTextContents();
}
