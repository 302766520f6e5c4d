/**
 * The English meta-model: a multinomial logistic regression over the features
 * of `features.ts` (negative / neutral / positive). Its weights are in
 * `model-en.json`, written by `scripts/train-sentiment.ts` (see README,
 * "Sentiment model"); they are bundled, so nothing is fetched at run time.
 */

import weights from './model-en.json';
import { FEATURE_COUNT, FEATURE_NAMES } from './features';

export interface MetaModel {
  /** Class order of the rows of `weights`. */
  classes: ['negative', 'neutral', 'positive'];
  features: string[];
  /** One row per class: bias first, then one weight per feature. */
  weights: number[][];
}

export const META_CLASSES = ['negative', 'neutral', 'positive'] as const;

const MODEL = weights as unknown as MetaModel;

function checkModel(m: MetaModel): void {
  if (m.features.length !== FEATURE_COUNT || m.features.some((f, i) => f !== FEATURE_NAMES[i])) {
    throw new Error('model-en.json does not match the feature list of features.ts; re-run scripts/train-sentiment.ts');
  }
}
checkModel(MODEL);

/** Class probabilities [negative, neutral, positive] for one feature vector. */
export function metaProbabilities(x: ArrayLike<number>, model: MetaModel = MODEL): [number, number, number] {
  const z = [0, 0, 0];
  for (let c = 0; c < 3; c++) {
    const w = model.weights[c]!;
    let s = w[0]!;
    for (let j = 0; j < x.length; j++) s += w[j + 1]! * x[j]!;
    z[c] = s;
  }
  const m = Math.max(z[0]!, z[1]!, z[2]!);
  const e0 = Math.exp(z[0]! - m);
  const e1 = Math.exp(z[1]! - m);
  const e2 = Math.exp(z[2]! - m);
  const t = e0 + e1 + e2;
  return [e0 / t, e1 / t, e2 / t];
}
