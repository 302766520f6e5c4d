import { runContentScript } from '../lib/content/main';
import { facebook } from '../lib/sites/facebook';

export default defineContentScript({
  matches: facebook.matches,
  runAt: 'document_idle',
  main: (ctx) => runContentScript(ctx, facebook),
});
