/**
 * Public and internal types of the sentiment scorer.
 *
 * The public surface is `SentimentResult`, `SentimentLabel`, `Lang` and
 * `AnalyzeOptions` (used by `analyzeSentiment` and `detectLanguage`). The
 * other types describe the contract between a language scorer and the shared
 * combination step, so a language or a better scorer can be added without
 * touching `analyze.ts` beyond its scorer table.
 */

export type SentimentLabel = 'positive' | 'neutral' | 'negative';

export type Lang = 'fr' | 'en' | 'other';

export interface SentimentResult {
  label: SentimentLabel;
  /** -1 (very negative) .. 1 (very positive). */
  score: number;
  /**
   * 0..1. A heuristic from the score's magnitude, the number of sentiment
   * cues and whether they agree (and the star rating when there is one).
   * It is not a calibrated probability.
   */
  confidence: number;
  /** The language the text was scored as ('other' = detection failed; both scorers were tried). */
  lang: Lang;
  /** The words / emojis / rating that decided it, e.g. ["génial", "★4"]; at most 8. */
  evidence: string[];
}

export interface AnalyzeOptions {
  /** Star rating (1..5; half stars allowed). When given it dominates the text. */
  rating?: number | null;
  /** Skip language detection. */
  lang?: Lang;
  /**
   * Words or phrases that never carry sentiment, e.g. brand names ("Orange",
   * "Virgin", "Free"). Matched case- and accent-insensitively, on word boundaries.
   */
  neutralTerms?: string[];
}

/** One token as seen by the combination step (language-independent). */
export interface Tok {
  /** Lower-cased form used for rule look-ups (modifiers, negators). */
  norm: string;
  kind: 'word' | 'punct' | 'emoji';
  /** Written in capitals (at least two letters, no lower-case letter). */
  caps: boolean;
}

/** A lexicon match found by a language scorer. */
export interface Hit {
  /** First and last token index (inclusive). */
  start: number;
  end: number;
  /** Prior polarity on the AFINN scale (-5..5) before any modifier. */
  base: number;
  /** Inside a negation scope. */
  negated: boolean;
  /** How it is shown in the evidence ("génial", "pas bon", "😍"). */
  label: string;
}

/** Language-specific modifier words used by the shared combination step. */
export interface ModifierRules {
  /** Intensifiers (> 1) and diminishers (< 1), keyed by space-joined token norms (1 or 2 tokens). */
  intensifiers: ReadonlyMap<string, number>;
  /** Contrast markers ("mais", "but"), keyed by space-joined token norms (1 to 4 tokens). */
  contrast: ReadonlySet<string>;
}

/** The weighted value of one hit after modifiers. */
export interface Contribution {
  label: string;
  value: number;
}

/** What a language scorer returns. */
export interface LexicalAnalysis {
  /** Sum of the contributions (AFINN scale, unbounded). */
  sum: number;
  contributions: Contribution[];
}

/** A language scorer: text (already truncated and masked) → lexical analysis. */
export type LanguageScorer = (text: string) => LexicalAnalysis;
