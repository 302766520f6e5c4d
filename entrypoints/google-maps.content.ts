import { runContentScript } from '../lib/content/main';
import { googleMaps } from '../lib/sites/google-maps';

export default defineContentScript({
  matches: googleMaps.matches,
  runAt: 'document_idle',
  main: (ctx) => runContentScript(ctx, googleMaps),
});
