import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { defineConfig } from 'wxt';

/** eld's package directory (its core and n-gram files are not in its "exports", so they are reached by path). */
const ELD_DIR = path.resolve('node_modules', 'eld');

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    short_name: '__MSG_extShortName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: brands and settings. activeTab + scripting + contextMenus: "Scan this
    // page" on demand. Host access comes from the content scripts' match patterns
    // (the sites Veille reads); any other site only when the CM chooses to watch it
    // (optional host permission, asked at that moment).
    // alarms + notifications: follow-up reminders, crisis alerts, the daily retention clean-up.
    permissions: ['storage', 'activeTab', 'scripting', 'contextMenus', 'alarms', 'notifications'],
    // Alt+Shift+V opens the popup; on a page where a mention has the focus (X's j/k, Tab), straight on its reply assistant.
    commands: {
      [browser === 'firefox' ? '_execute_browser_action' : '_execute_action']: { suggested_key: { default: 'Alt+Shift+V' } },
    },
    ...(browser === 'firefox' ? { optional_permissions: ['http://*/*', 'https://*/*'] } : { optional_host_permissions: ['http://*/*', 'https://*/*'] }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'veille@veille.invalid',
              strict_min_version: '142.0',
              // Veille collects nothing: everything stays on the device.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  // Large read-only data stays out of the worker's script (Firefox's linter refuses scripts over 5 MB): the
  // English word table and eld's n-grams are packaged as JSON files (data/) and loaded by the worker at
  // start-up (lib/background/runtime-data.ts). Unit tests (VITEST) keep the bundled modules.
  vite: () => ({
    resolve: {
      alias: [
        { find: /^veille-eld-core$/u, replacement: path.join(ELD_DIR, 'src', 'languageDetector.js') },
        ...(process.env.VITEST
          ? []
          : [
              { find: /^.*\/runtime\/words-source$/u, replacement: path.resolve('lib/sentiment/runtime/words-source.ext.ts') },
              { find: /^eld\/extrasmall$/u, replacement: path.resolve('lib/sentiment/runtime/eld.ext.ts') },
            ]),
      ],
    },
  }),
  hooks: {
    'build:publicAssets': async (_wxt, files) => {
      files.push({ absoluteSrc: path.resolve('lib/sentiment/model-en-words.json'), relativeDest: 'data/model-en-words.json' });
      const { ngramsData } = (await import(pathToFileURL(path.join(ELD_DIR, 'src', 'ngrams', 'extrasmall.js')).href)) as { ngramsData: unknown };
      files.push({ contents: JSON.stringify(ngramsData), relativeDest: 'data/eld-extrasmall.json' });
    },
  },
  zip: {
    excludeSources: ['demo-output/**', 'test-results/**', 'playwright-report/**', 'tests/fixtures/real/**'],
  },
});
