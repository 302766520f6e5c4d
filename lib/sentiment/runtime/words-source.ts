/**
 * Where the English word table comes from. In Node (eval, training, tests) it
 * is the bundled JSON; the extension build aliases this module to
 * `words-source.ext.ts` (wxt.config.ts), which has none, and the worker loads
 * the table from the packaged `data/model-en-words.json` at start-up
 * (lib/background/runtime-data.ts) — keeping a 1 MB table out of the worker's
 * script (Firefox's linter refuses scripts over 5 MB).
 */
import json from '../model-en-words.json';
import type { WordTableJson } from '../meta';

export const bundledWordTable: WordTableJson | null = json as WordTableJson;
