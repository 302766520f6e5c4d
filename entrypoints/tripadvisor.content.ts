import { runContentScript } from '../lib/content/main';
import { tripadvisor } from '../lib/sites/tripadvisor';

export default defineContentScript({
  matches: tripadvisor.matches,
  runAt: 'document_idle',
  main: (ctx) => runContentScript(ctx, tripadvisor),
});
