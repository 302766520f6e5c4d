import { runContentScript } from '../lib/content/main';
import { generic } from '../lib/sites/generic';

// Injected on demand: "Scan this page" (activeTab) and sites the CM chose to watch
// (optional host permission + scripting.registerContentScripts). See lib/background/scan.ts.
export default defineContentScript({
  matches: [],
  registration: 'runtime',
  main: (ctx) => runContentScript(ctx, generic),
});
