import type { BrowserContext, Worker } from '@playwright/test';

export const EXTENSION_DIR: string;
export function chromiumPath(): string;
export function chromiumArgs(opts?: { lang?: string; extension?: boolean; extensionDebugging?: boolean }): string[];
export function launchVeille(opts: { userDataDir: string; headless?: boolean; lang?: string; extensionDebugging?: boolean }): Promise<{
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  popupUrl(pageUrl?: string): string;
}>;
