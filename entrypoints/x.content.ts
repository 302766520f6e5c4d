import { runContentScript } from '../lib/content/main';
import { x } from '../lib/sites/x';

export default defineContentScript({
  matches: x.matches,
  runAt: 'document_idle',
  main: (ctx) => runContentScript(ctx, x),
});
