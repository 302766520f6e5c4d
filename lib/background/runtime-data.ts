/**
 * Large read-only data the worker loads from the extension's own package at
 * start-up instead of carrying it in its script (wxt.config.ts copies the
 * files to data/ and aliases the modules): the English word table and eld's
 * n-gram database. Loaded once per worker start (a few tens of ms); message
 * handlers that score text await `ready` first. A fetch of the extension's
 * own files is not a network call.
 */
import { browser } from 'wxt/browser';
import { setWordTable, type WordTableJson } from '../sentiment/meta';
import { loadEldData } from '../sentiment/runtime/eld.ext';

export const WORDS_FILE = '/data/model-en-words.json';
export const ELD_FILE = '/data/eld-extrasmall.json';

async function readJson(path: string): Promise<unknown> {
  const res = await fetch((browser.runtime.getURL as (p: string) => string)(path));
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return res.json();
}

let ready: Promise<void> | null = null;

/** Load (once) and install the data; a failure is logged and scoring goes on with the word lists and lexicons only. */
export function loadRuntimeData(): Promise<void> {
  ready ??= Promise.all([
    readJson(WORDS_FILE).then((j) => setWordTable(j as WordTableJson)),
    readJson(ELD_FILE).then((j) => loadEldData(j)),
  ])
    .then(() => undefined)
    .catch((err: unknown) => console.warn('[veille] runtime data:', err));
  return ready;
}
