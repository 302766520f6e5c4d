import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  resolve: {
    // eld's core, which the extension build's eld stand-in imports (see wxt.config.ts).
    alias: [{ find: /^veille-eld-core$/u, replacement: path.resolve('node_modules', 'eld', 'src', 'languageDetector.js') }],
  },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    mockReset: true,
    restoreMocks: true,
    testTimeout: 20_000,
  },
});
