import { runContentScript } from '../lib/content/main';
import { tiktok } from '../lib/sites/tiktok';

export default defineContentScript({
  matches: tiktok.matches,
  runAt: 'document_idle',
  main: (ctx) => runContentScript(ctx, tiktok),
});
