/**
 * Features of the English meta-model (see `meta.ts`): a handful of numbers
 * computed from the lexicon analysis (how much positive and negative evidence
 * was found) and from the intent cues (a service failure, a grievance, thanks,
 * a request, a question…). The meta-model's weights are learned on
 * licence-compatible data by `scripts/train-sentiment.ts`; the features are
 * deliberately few and generic (no word identities: the words enter the model
 * only through their GloVe vectors, see `meta.ts`), so the weights carry over
 * to other sources of short texts.
 */

import { lexicon as VADER } from 'vader-sentiment/src/vader_lexicon.js';
import { intentCues } from '../intent/classify';
import type { LexicalAnalysis } from './types';

export const FEATURE_NAMES = [
  'pos', 'neg', 'score', 'nPos', 'nNeg', 'failure', 'problem', 'strongNegative', 'falsePraise',
  'explicitPraise', 'praiseCue', 'request', 'question', 'secondPerson', 'exclamation', 'length', 'negation',
  'vaderPos', 'vaderNeg',
] as const;

export const FEATURE_COUNT = FEATURE_NAMES.length;

const WORD = /\p{L}+/gu;
const NEGATION = /(?<![\p{L}])(?:not|no|never|nothing|nobody|none|cannot)(?![\p{L}])|n['’]?t(?![\p{L}])/iu;

function countWords(text: string): number {
  let n = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text) !== null) n++;
  return n;
}

// ---------------------------------------------------------------------------
// A second, independent lexicon: VADER's (vader-sentiment, Apache-2.0), read
// with VADER's own basic rules: negation in the 3 preceding tokens (× -0.74),
// "but" (before × 0.5, after × 1.5), and a capitalised cue in a mixed-case
// text × 1.2 (VADER adds 0.733; scaled here).
// ---------------------------------------------------------------------------

const VADER_NEGATE: ReadonlySet<string> = new Set([
  'aint', 'arent', 'cannot', 'cant', 'couldnt', 'darent', 'didnt', 'doesnt', "ain't", "aren't", "can't",
  "couldn't", "daren't", "didn't", "doesn't", 'dont', 'hadnt', 'hasnt', 'havent', 'isnt', 'mightnt', 'mustnt',
  'neither', "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't", 'neednt', "needn't", 'never',
  'none', 'nope', 'nor', 'not', 'nothing', 'nowhere', 'oughtnt', 'shant', 'shouldnt', 'uhuh', 'wasnt', 'werent',
  "oughtn't", "shan't", "shouldn't", 'uh-uh', "wasn't", "weren't", 'without', 'wont', 'wouldnt', "won't",
  "wouldn't", 'rarely', 'seldom', 'despite', 'no',
]);

/** Words, contractions and emoticons as VADER splits them (whitespace, then outer punctuation stripped). */
const VADER_TOKEN = /\S+/gu;
const EDGE_PUNCT = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

function isAsciiAlnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

let vaderMap: Map<string, number> | null = null;

/** VADER's lexicon as a Map (built on first use; a Map also keeps "constructor" & co. out of the look-ups). */
function vaderLexicon(): Map<string, number> {
  vaderMap ??= new Map(Object.entries(VADER as Record<string, number>));
  return vaderMap;
}

const LETTER_START = /^\p{L}/u;

/** Sums of VADER's positive and negative valences in the text (AFINN-like scale, unbounded). */
export function vaderSums(text: string): [number, number] {
  const lex = vaderLexicon();
  const raws = text.match(VADER_TOKEN) ?? [];
  let hasLower = false;
  let hasUpperWord = false;
  // Per kept token: its normal form, its valence (0 if none), whether it is an emoticon, whether it is in capitals.
  const norms: string[] = [];
  const vals: number[] = [];
  const emo: boolean[] = [];
  const caps: boolean[] = [];
  for (const raw of raws) {
    const c0 = raw.charCodeAt(0);
    if (c0 === 64 /* @ */ || raw.startsWith('http')) continue;
    const asciiLetter = (c0 >= 97 && c0 <= 122) || (c0 >= 65 && c0 <= 90);
    if (!asciiLetter) {
      const emoVal = lex.get(raw);
      if (emoVal !== undefined && !LETTER_START.test(raw)) {
        norms.push(raw);
        vals.push(emoVal);
        emo.push(true);
        caps.push(false);
        continue;
      }
    }
    const word = !asciiLetter || !isAsciiAlnum(raw.charCodeAt(raw.length - 1)) ? raw.replace(EDGE_PUNCT, '') : raw;
    if (word.length === 0) continue;
    let lower = word.toLowerCase();
    let isUpper = false;
    if (lower === word) {
      if (!hasLower && word !== word.toUpperCase()) hasLower = true;
    } else if (word !== word.toUpperCase()) hasLower = true;
    else {
      isUpper = true;
      if (word.length > 1) hasUpperWord = true;
    }
    if (lower.includes('’')) lower = lower.replace(/’/g, "'");
    norms.push(lower);
    vals.push(lex.get(lower) ?? 0);
    emo.push(false);
    caps.push(word.length > 1 && isUpper);
  }
  const mixedCase = hasLower && hasUpperWord;
  let butAt = -1;
  for (let i = 0; i < norms.length; i++) {
    if (norms[i] === 'but') butAt = i;
    let v = vals[i]!;
    if (v === 0 || emo[i]) continue;
    if (mixedCase && caps[i]) v *= 1.2;
    for (let j = Math.max(0, i - 3); j < i; j++) {
      const n = norms[j]!;
      if (VADER_NEGATE.has(n) || n.endsWith("n't")) {
        v *= -0.74;
        break;
      }
    }
    vals[i] = v;
  }
  let pos = 0;
  let neg = 0;
  for (let i = 0; i < vals.length; i++) {
    let v = vals[i]!;
    if (v === 0) continue;
    if (butAt >= 0) v *= i < butAt ? 0.5 : i > butAt ? 1.5 : 1;
    if (v > 0) pos += v;
    else neg -= v;
  }
  return [pos, neg];
}

/**
 * The feature vector of one text (already truncated, hashtag-expanded and
 * masked, as the scorers see it) and of its lexicon analysis.
 */
export function metaFeatures(text: string, lexical: LexicalAnalysis, lang: 'en' | 'fr' | 'other'): Float64Array {
  let pos = 0;
  let neg = 0;
  let nPos = 0;
  let nNeg = 0;
  for (const c of lexical.contributions) {
    if (c.value > 0) {
      pos += c.value;
      nPos++;
    } else if (c.value < 0) {
      neg -= c.value;
      nNeg++;
    }
  }
  const cues = intentCues(text, lang);
  const b = (x: boolean | undefined): number => (x ? 1 : 0);
  const f = new Float64Array(FEATURE_COUNT);
  f[0] = Math.log1p(pos);
  f[1] = Math.log1p(neg);
  f[2] = Math.tanh(lexical.sum / 6);
  f[3] = Math.min(nPos, 3) / 3;
  f[4] = Math.min(nNeg, 3) / 3;
  f[5] = b(cues?.failure);
  f[6] = b(cues?.problem);
  f[7] = b(cues?.strongNegative);
  f[8] = b(cues?.falsePraise);
  f[9] = b(cues?.explicitPraise);
  f[10] = b(cues?.praiseCue);
  f[11] = b(cues?.request);
  f[12] = b(cues?.question);
  f[13] = b(cues?.secondPerson);
  f[14] = b(text.includes('!'));
  f[15] = Math.log1p(countWords(text)) / 4;
  f[16] = b(NEGATION.test(text));
  const [vp, vn] = vaderSums(text);
  f[17] = Math.log1p(vp);
  f[18] = Math.log1p(vn);
  return f;
}

/** Whether a feature vector holds any sentiment evidence (lexicon cue, VADER valence, problem, strong-negative or praise cue). */
export function hasEvidence(f: ArrayLike<number>): boolean {
  return f[0]! > 0 || f[1]! > 0 || f[17]! > 0 || f[18]! > 0 || f[6]! > 0 || f[7]! > 0 || f[8]! > 0 || f[10]! > 0;
}
