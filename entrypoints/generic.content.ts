import { runContentScript } from '../lib/content/main';
import { generic } from '../lib/sites/generic';

export default defineContentScript({
  matches: generic.matches,
  runAt: 'document_idle',
  main: (ctx) => runContentScript(ctx, generic),
});
