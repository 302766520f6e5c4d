import type { BrowserContext } from '@playwright/test';

export interface DemoPage {
  site: string;
  file: string;
  /** The address the page is seen at (a real site's URL, or the local server's). */
  url: string;
}
export interface DemoServer {
  origin: string;
  pages: DemoPage[];
  close(): Promise<void>;
}
export const DEMO_DIR: string;
export function startDemoServer(port?: number): Promise<DemoServer>;
export function routeDemoSites(context: BrowserContext, demo: DemoServer): Promise<void>;
export const EDITORS_PATH: string;
