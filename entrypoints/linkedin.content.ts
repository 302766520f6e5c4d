import { runContentScript } from '../lib/content/main';
import { linkedin } from '../lib/sites/linkedin';

export default defineContentScript({
  matches: linkedin.matches,
  runAt: 'document_idle',
  main: (ctx) => runContentScript(ctx, linkedin),
});
