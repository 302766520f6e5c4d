/**
 * Sentiment of one text (tweet, comment, review), French or English.
 *
 * Pipeline:
 *  1. Only the first MAX_CHARS (5,000) characters are analysed; the rest of a
 *     longer text is ignored (keeps a pathological 1 MB post cheap).
 *  2. Hashtags are split into words ("#NeverAgain" → "Never Again"), and the
 *     neutral terms (brand/product names) are blanked out.
 *  3. The language is detected (unless `opts.lang` is given); French texts go
 *     to the French lexicon scorer, English ones to the wink-based scorer, and
 *     for 'other' both run and the one that found more cues wins.
 *  4. English (the wink scorer's analysis): the meta-model of meta.ts
 *     (logistic regression over features.ts: lexicon sums, VADER's lexicon,
 *     intent cues; plus the mean of the words' GloVe-derived scores, words.ts)
 *     gives P(negative/neutral/positive); the label is the most
 *     probable, score = P(pos) − P(neg); no evidence at all → neutral.
 *     French: the summed cue values (AFINN scale) are squashed to -1..1 with
 *     tanh(sum / 6). Label: score > 0.05 positive, score < -0.05 negative,
 *     otherwise neutral (so a single weak cue is enough to leave neutral).
 *  5. A star rating, when given, dominates: score = 0.7 × rating + 0.3 × text,
 *     where rating 1..5 maps linearly to -1..1; 1–2 stars are always
 *     negative, 4–5 always positive, and in between (2.5–3.5) the blended score
 *     must pass ±0.2 to leave neutral. "★N" is the first evidence item.
 *
 * Confidence is a heuristic (see SentimentResult). Nothing here touches
 * storage, messaging or the extension APIs; nothing runs at import time except
 * building small constant tables (the lexicons and the wink model load on the
 * first call).
 */

import { MAX_CHARS, expandHashtags, maskNeutralTerms, squash, truncate } from './common';
import { scoreEnglish } from './english';
import { scoreFrench } from './french';
import { detectLanguage } from './language';
import { hasEvidence, metaFeatures } from './features';
import { metaProbabilities } from './meta';
import { wordTokens } from './words';
import type {
  AnalyzeOptions,
  Contribution,
  Lang,
  LanguageScorer,
  LexicalAnalysis,
  SentimentLabel,
  SentimentResult,
} from './types';

export type { AnalyzeOptions, Lang, SentimentLabel, SentimentResult } from './types';
export { detectLanguage } from './language';
export { MAX_CHARS };

/** Score above which a text is positive (below the negative one, negative). */
export const POSITIVE_THRESHOLD = 0.05;
export const NEGATIVE_THRESHOLD = -0.05;
/** Weight of the star rating when there is one (the text gets the rest). */
export const RATING_WEIGHT = 0.7;
/** Between 2 and 4 stars, the blended score must pass this to leave neutral. */
export const RATING_NEUTRAL_BAND = 0.2;
export const MAX_EVIDENCE = 8;

/** The scorer for each detected language; add a language here. */
const SCORERS: Readonly<Record<Exclude<Lang, 'other'>, LanguageScorer>> = {
  fr: scoreFrench,
  en: scoreEnglish,
};

const EMPTY: LexicalAnalysis = { sum: 0, contributions: [] };

function scoreOther(text: string): [LexicalAnalysis, Exclude<Lang, 'other'> | null] {
  let best = EMPTY;
  let which: Exclude<Lang, 'other'> | null = null;
  for (const [key, scorer] of Object.entries(SCORERS) as Array<[Exclude<Lang, 'other'>, LanguageScorer]>) {
    const r = scorer(text);
    const more = r.contributions.length - best.contributions.length;
    if (more > 0 || (more === 0 && Math.abs(r.sum) > Math.abs(best.sum))) {
      best = r;
      which = key;
    }
  }
  return [best, which];
}

/** What the lexicon step found for one text (internal; exported for the training script). */
export interface LexicalRun {
  /** The text as the scorers saw it (truncated, hashtags expanded, neutral terms masked). */
  prepared: string;
  lang: Lang;
  /** The scorer whose analysis is kept (null when the text is empty). */
  scorer: Exclude<Lang, 'other'> | null;
  lexical: LexicalAnalysis;
}

/** Steps 1–3 of the pipeline: preparation, language, lexicon scorer. */
export function runLexical(text: string, opts: AnalyzeOptions = {}): LexicalRun {
  const raw = typeof text === 'string' ? text : '';
  const prepared = maskNeutralTerms(expandHashtags(truncate(raw)), opts.neutralTerms);
  const lang: Lang = opts.lang ?? detectLanguage(prepared);
  if (prepared.trim().length === 0) return { prepared, lang, scorer: null, lexical: EMPTY };
  if (lang === 'other') {
    const [lexical, scorer] = scoreOther(prepared);
    return { prepared, lang, scorer, lexical };
  }
  return { prepared, lang, scorer: lang, lexical: SCORERS[lang](prepared) };
}

interface TextDecision {
  label: SentimentLabel;
  score: number;
  confidence: number;
}

/** Label, score and confidence from the text alone. */
function decideText(run: LexicalRun): TextDecision {
  if (run.scorer === 'en') {
    const x = metaFeatures(run.prepared, run.lexical, run.lang);
    // No evidence at all (no lexicon cue, no VADER valence, no problem or praise cue): neutral, as nothing can be shown.
    if (!hasEvidence(x)) return { label: 'neutral', score: 0, confidence: 0.5 };
    const [pNeg, pNeu, pPos] = metaProbabilities(x, wordTokens(run.prepared));
    const label: SentimentLabel = pNeu >= pNeg && pNeu >= pPos ? 'neutral' : pPos > pNeg ? 'positive' : 'negative';
    return { label, score: pPos - pNeg, confidence: Math.max(pNeg, pNeu, pPos) };
  }
  const score = squash(run.lexical.sum);
  const label = labelOf(score);
  return { label, score, confidence: textConfidence(label, score, run.lexical) };
}

function labelOf(score: number): SentimentLabel {
  if (score > POSITIVE_THRESHOLD) return 'positive';
  if (score < NEGATIVE_THRESHOLD) return 'negative';
  return 'neutral';
}

/** Rating 1..5 (clamped) → -1..1, or null when absent/invalid. */
function ratingScore(rating: number | null | undefined): number | null {
  if (typeof rating !== 'number' || !Number.isFinite(rating)) return null;
  const r = Math.min(5, Math.max(1, rating));
  return (r - 3) / 2;
}

function formatRating(rating: number): string {
  const r = Math.min(5, Math.max(0, rating));
  return `★${Number.isInteger(r) ? r : r.toFixed(1)}`;
}

/**
 * The cues that decided the label: for a positive (negative) result only the
 * positive (negative) cues, strongest first; for a neutral one, all of them.
 */
function pickEvidence(contributions: readonly Contribution[], sign: number, room: number): string[] {
  const relevant = sign === 0 ? contributions : contributions.filter((c) => Math.sign(c.value) === sign);
  const sorted = [...relevant].sort((a, b) => {
    const agreeA = Math.sign(a.value) === sign ? 1 : 0;
    const agreeB = Math.sign(b.value) === sign ? 1 : 0;
    return agreeB - agreeA || Math.abs(b.value) - Math.abs(a.value);
  });
  const out: string[] = [];
  for (const c of sorted) {
    if (out.length >= room) break;
    if (!out.includes(c.label)) out.push(c.label);
  }
  return out;
}

function signOf(label: SentimentLabel): number {
  return label === 'positive' ? 1 : label === 'negative' ? -1 : 0;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

/** Heuristic confidence of a text-only result. */
function textConfidence(label: SentimentLabel, score: number, lexical: LexicalAnalysis): number {
  const n = lexical.contributions.length;
  if (label === 'neutral') return n === 0 ? 0.5 : 0.3;
  let absSum = 0;
  for (const c of lexical.contributions) absSum += Math.abs(c.value);
  const agreement = absSum > 0 ? Math.abs(lexical.sum) / absSum : 0;
  const strength = 1 - Math.exp(-n / 2);
  return 0.2 + 0.4 * Math.abs(score) + 0.4 * strength * agreement;
}

/**
 * Sentiment of a French or English text. See the module comment for the
 * method; `opts.rating` (1..5 stars) dominates the text when present.
 */
export function analyzeSentiment(text: string, opts: AnalyzeOptions = {}): SentimentResult {
  const run = runLexical(text, opts);
  const { lang, lexical } = run;
  const text0 = decideText(run);
  const textScore = text0.score;
  const textLabel = text0.label;

  const rs = ratingScore(opts.rating);
  if (rs === null) {
    return {
      label: textLabel,
      score: round3(textScore),
      confidence: round3(clamp01(text0.confidence)),
      lang,
      evidence: pickEvidence(lexical.contributions, signOf(textLabel), MAX_EVIDENCE),
    };
  }

  const score = RATING_WEIGHT * rs + (1 - RATING_WEIGHT) * textScore;
  let label: SentimentLabel;
  if (rs <= -0.5) label = 'negative';
  else if (rs >= 0.5) label = 'positive';
  else label = score > RATING_NEUTRAL_BAND ? 'positive' : score < -RATING_NEUTRAL_BAND ? 'negative' : 'neutral';
  const agrees = textLabel !== 'neutral' && textLabel === label;
  const confidence = 0.6 + 0.3 * Math.abs(rs) + (agrees ? 0.1 : 0);
  const sign = signOf(label);
  return {
    label,
    score: round3(score),
    confidence: round3(clamp01(confidence)),
    lang,
    evidence: [formatRating(opts.rating as number), ...pickEvidence(lexical.contributions, sign, MAX_EVIDENCE - 1)],
  };
}
