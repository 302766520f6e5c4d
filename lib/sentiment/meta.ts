/**
 * The English meta-model: a multinomial logistic regression (negative /
 * neutral / positive) over the generic features of `features.ts` and the mean
 * GloVe vector of the text's words. Its weights are in `model-en.json` and
 * `model-en-words.json`, written by `scripts/train-sentiment.ts` (see README,
 * "Sentiment model"); they are bundled, so nothing is fetched at run time.
 *
 * The model is linear in the mean word vector, so the word part is shipped as
 * one pair of numbers per word (its vector times the weights): the logits get
 * the mean of the text's word pairs (an unknown word counts as 0). The vectors
 * themselves are not shipped.
 */

import weights from './model-en.json';
import { bundledWordTable } from './runtime/words-source';
import { FEATURE_COUNT, FEATURE_NAMES } from './features';
import { MIN_WORD_DIVISOR } from './words';

export interface MetaModel {
  /** Class order of the rows of `weights`. */
  classes: ['negative', 'neutral', 'positive'];
  features: string[];
  /** One row per class: bias first, then one weight per feature. */
  weights: number[][];
}

/** The word part as stored: words space-separated; two int8 per word (negative − neutral, positive − neutral logits) × scale, base64. */
export interface WordTableJson {
  scale: number;
  words: string;
  scores: string;
}

/** The word part, decoded: word → index; logits[2i] (negative − neutral), logits[2i + 1] (positive − neutral). */
export interface WordTable {
  size: number;
  index: Map<string, number>;
  logits: Float32Array;
}

export const META_CLASSES = ['negative', 'neutral', 'positive'] as const;

let model: MetaModel | null = null;

/** The shipped model, checked against the feature list on first use (so the training script can run on a stale one). */
export function getMetaModel(): MetaModel {
  if (model) return model;
  const m = weights as unknown as MetaModel;
  if (m.features.length !== FEATURE_COUNT || m.features.some((f, i) => f !== FEATURE_NAMES[i])) {
    throw new Error('model-en.json does not match the feature list of features.ts; re-run scripts/train-sentiment.ts');
  }
  model = m;
  return m;
}

function decodeBase64(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function decodeWordTable(json: WordTableJson): WordTable {
  const words = json.words === '' ? [] : json.words.split(' ');
  const bytes = decodeBase64(json.scores);
  if (bytes.length !== 2 * words.length) throw new Error('model-en-words.json: scores and words do not match');
  const index = new Map<string, number>();
  const logits = new Float32Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) logits[i] = ((bytes[i]! << 24) >> 24) * json.scale;
  words.forEach((w, i) => index.set(w, i));
  return { size: words.length, index, logits };
}

let table: WordTable | null = null;

const EMPTY_TABLE: WordTable = { size: 0, index: new Map(), logits: new Float32Array(0) };

/**
 * The shipped word table, decoded on first use: bundled in Node; in the
 * extension, the one `setWordTable` received from the packaged data file
 * (empty until then: the word part then adds nothing).
 */
export function getWordTable(): WordTable {
  if (table) return table;
  if (bundledWordTable) table = decodeWordTable(bundledWordTable);
  return table ?? EMPTY_TABLE;
}

/** The extension worker hands over the table it loaded (lib/background/runtime-data.ts). */
export function setWordTable(json: WordTableJson): void {
  table = decodeWordTable(json);
}

/**
 * Class probabilities [negative, neutral, positive] for one feature vector and
 * the text's word tokens (`words.ts`).
 */
export function metaProbabilities(
  x: ArrayLike<number>,
  tokens: readonly string[] = [],
  meta: MetaModel = getMetaModel(),
  words: WordTable = getWordTable(),
): [number, number, number] {
  const z = [0, 0, 0];
  for (let c = 0; c < 3; c++) {
    const w = meta.weights[c]!;
    let s = w[0]!;
    for (let j = 0; j < FEATURE_COUNT; j++) s += w[j + 1]! * x[j]!;
    z[c] = s;
  }
  if (tokens.length > 0 && words.size > 0) {
    let a = 0;
    let b = 0;
    for (const t of tokens) {
      // A negated word ("!bad", words.ts) counts with the opposite sign.
      const negated = t.charCodeAt(0) === 33;
      const i = words.index.get(negated ? t.slice(1) : t);
      if (i === undefined) continue;
      const sign = negated ? -1 : 1;
      a += sign * words.logits[2 * i]!;
      b += sign * words.logits[2 * i + 1]!;
    }
    const d = Math.max(tokens.length, MIN_WORD_DIVISOR);
    z[0]! += a / d;
    z[2]! += b / d;
  }
  const m = Math.max(z[0]!, z[1]!, z[2]!);
  const e0 = Math.exp(z[0]! - m);
  const e1 = Math.exp(z[1]! - m);
  const e2 = Math.exp(z[2]! - m);
  const t = e0 + e1 + e2;
  return [e0 / t, e1 / t, e2 / t];
}
