import { runContentScript } from '../lib/content/main';
import { youtube } from '../lib/sites/youtube';

export default defineContentScript({
  matches: youtube.matches,
  runAt: 'document_idle',
  main: (ctx) => runContentScript(ctx, youtube),
});
