import { runContentScript } from '../lib/content/main';
import { reddit } from '../lib/sites/reddit';

export default defineContentScript({
  matches: reddit.matches,
  runAt: 'document_idle',
  main: (ctx) => runContentScript(ctx, reddit),
});
