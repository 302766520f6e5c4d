import { runContentScript } from '../lib/content/main';
import { trustpilot } from '../lib/sites/trustpilot';

export default defineContentScript({
  matches: trustpilot.matches,
  runAt: 'document_idle',
  main: (ctx) => runContentScript(ctx, trustpilot),
});
