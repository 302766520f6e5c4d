/**
 * The extension build's stand-in for `eld/extrasmall` (aliased in
 * wxt.config.ts): the same detector, but its n-gram database (~950 KB) is
 * not in the worker's script. The worker loads it from the packaged
 * `data/eld-extrasmall.json` at start-up (lib/background/runtime-data.ts)
 * and hands it to `loadEldData`. Until then `detect` answers '' (unknown), so
 * lib/sentiment/language.ts falls back to its word lists.
 */
import { createEld } from 'veille-eld-core';

const { instance, loadData } = createEld() as {
  instance: { detect(text: string): { language: string } };
  loadData(data: unknown): boolean;
};
let loaded = false;

export function loadEldData(data: unknown): void {
  if (!loadData(data)) throw new Error('eld: invalid n-gram database');
  loaded = true;
}

export const eld = {
  detect(text: string): { language: string } {
    return loaded ? instance.detect(text) : { language: '' };
  },
};
