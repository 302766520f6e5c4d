/**
 * Language identification peers for `npm run eval` (section `languageId`):
 * Veille's detector (lib/sentiment/language.ts: word lists, then eld on the
 * texts they cannot call) against eld and tinyld used alone, as their READMEs
 * intend. Every system's answer is folded into fr / en / other; a row's gold
 * language is its `lang` field. Measured: accuracy on every row, accuracy on
 * the short rows (≤ 60 characters, the hard case), and texts per second.
 */

import { eld as eldExtraSmall } from 'eld/extrasmall';
import { eld as eldLarge } from 'eld/large';
import { detect as tinyldDetect } from 'tinyld';
import { detectLanguage } from '../lib/sentiment/language';
import type { Lang } from '../lib/sentiment/types';

export type LangIdKey = 'veille' | 'eld' | 'eldLarge' | 'tinyld';

export const LANGID_SYSTEMS: Readonly<Record<LangIdKey, (text: string) => Lang>> = {
  veille: detectLanguage,
  eld: (t) => fold(eldExtraSmall.detect(t).language),
  eldLarge: (t) => fold(eldLarge.detect(t).language),
  tinyld: (t) => fold(tinyldDetect(t)),
};

/** Rows at most this long count as "short". */
export const SHORT_TEXT = 60;

export function fold(code: string): Lang {
  return code === 'fr' ? 'fr' : code === 'en' ? 'en' : 'other';
}

export interface LangIdScore {
  accuracy: number;
  shortAccuracy: number;
  textsPerSec: number;
}
