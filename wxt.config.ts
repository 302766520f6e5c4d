import { defineConfig } from 'wxt';

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
  zip: {
    excludeSources: ['demo-output/**', 'test-results/**', 'playwright-report/**', 'tests/fixtures/real/**'],
  },
});
