import { defineConfig } from '@playwright/test';

// End-to-end tests: Debian's Chromium (CHROME_PATH overrides) with the built
// extension (.output/chrome-mv3) loaded; every test launches its own profile.
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  outputDir: 'test-results',
});
