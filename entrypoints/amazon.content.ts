import { runContentScript } from '../lib/content/main';
import { amazon } from '../lib/sites/amazon';

export default defineContentScript({
  matches: amazon.matches,
  runAt: 'document_idle',
  main: (ctx) => runContentScript(ctx, amazon),
});
