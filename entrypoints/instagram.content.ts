import { runContentScript } from '../lib/content/main';
import { instagram } from '../lib/sites/instagram';

export default defineContentScript({
  matches: instagram.matches,
  runAt: 'document_idle',
  main: (ctx) => runContentScript(ctx, instagram),
});
