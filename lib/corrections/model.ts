/**
 * The CM's sentiment corrections, per brand, and how they change later scores.
 *
 * When the CM corrects a mention's label in the popup, one `CorrectionRow` is
 * stored per brand the mention names. A brand's corrections become a small
 * local model (`buildCorrectionModel`), applied after the general scorer
 * (`applyCorrections`), in two explainable steps:
 *
 *  1. Near-duplicates: a later text whose content words overlap a corrected
 *     text's by at least NEAR_DUPLICATE (Jaccard over word sets, texts of at
 *     least MIN_WORDS content words) takes the corrected label. Copies, retweets
 *     and the same complaint pasted under several posts are the common case.
 *  2. A per-brand lexicon: the evidence words of the wrong prediction are the
 *     scorer's reason for it; after a correction, each of them means the
 *     corrected label for this brand ("sick" is praise for a skate brand,
 *     "killer" for a game, "orange" nothing at all for a telecom). A later
 *     text whose deciding evidence words are all re-read this way takes the
 *     label they now point to (their majority; the newest correction breaks a
 *     tie).
 *
 * A corrected result says so in its evidence ("✎ sick → positive") so the popup
 * shows why. Nothing here touches storage or extension APIs; the background
 * keeps one model per brand in memory and rebuilds it when a correction lands.
 */

import { foldText } from '../brands/normalize';
import type { SentimentLabel } from '../sentiment/types';

export interface CorrectionRow {
  /** Auto-increment key (absent before insertion). */
  id?: number;
  brandId: string;
  /** The corrected mention (several brands → several rows with the same key). */
  mentionKey: string;
  /** The mention's text, folded and cut to MAX_CORRECTION_TEXT characters. */
  text: string;
  /** The label the scorer gave. */
  predicted: SentimentLabel;
  /** The scorer's evidence for it (words, emojis, "★4"). */
  evidence: string[];
  /** The CM's label. */
  label: SentimentLabel;
  /** ms since epoch. */
  at: number;
}

/** Part of a corrected text that is kept (enough for near-duplicate matching). */
export const MAX_CORRECTION_TEXT = 2000;
/** Only the newest corrections of a brand make its model. */
export const MAX_CORRECTIONS_PER_BRAND = 500;
/** Jaccard overlap of content-word sets above which a text counts as a near-duplicate. */
export const NEAR_DUPLICATE = 0.7;
/** Texts with fewer content words are never matched as near-duplicates (too little to compare). */
export const MIN_WORDS = 4;

interface Example {
  words: ReadonlySet<string>;
  label: SentimentLabel;
  at: number;
}

interface TermVote {
  label: SentimentLabel;
  at: number;
}

export interface CorrectionModel {
  brandId: string;
  size: number;
  examples: readonly Example[];
  /** Folded evidence word → the label the CM's corrections give it for this brand (the newest wins). */
  terms: ReadonlyMap<string, TermVote>;
}

export interface CorrectableResult {
  label: SentimentLabel;
  score: number;
  confidence: number;
  evidence: string[];
}

/** Words that carry no topic: left out of the near-duplicate comparison. */
const STOP: ReadonlySet<string> = new Set(
  (
    'the a an and or but of to in on at for with is are was were be been it this that i you he she we they my your ' +
    'our their me us him her them its so just not no do does did have has had will would can could from by as if ' +
    'le la les un une des du de et ou mais a au aux en dans sur pour par avec est sont ete etre il elle nous vous ' +
    'ils elles je tu on ce cet cette ces mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs que qui ' +
    'ne pas se sa y l d j c n s m t qu rt via'
  ).split(' '),
);

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/** Content words of a text: folded (case, accents, widths, invisibles), URLs and handles out, stop words out. */
export function contentWords(text: string): Set<string> {
  const folded = foldText(text.slice(0, MAX_CORRECTION_TEXT))
    .replace(/https?:\/\/\S+|www\.\S+/gu, ' ')
    .replace(/@[\p{L}\p{N}_]+/gu, ' ');
  const out = new Set<string>();
  for (const m of folded.matchAll(WORD)) {
    const w = m[0].replace(/^[a-z]['’]/u, '');
    if (w.length < 2 || STOP.has(w)) continue;
    out.add(w);
  }
  return out;
}

/** The folded key of one evidence item ("pas bon", "😍"); ratings ("★4") are not words and give null. */
export function evidenceKey(evidence: string): string | null {
  if (evidence.startsWith('★') || evidence.startsWith('✎')) return null;
  const k = foldText(evidence).trim();
  return k === '' ? null : k;
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let inter = 0;
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  for (const w of small) if (big.has(w)) inter++;
  return inter / (a.size + b.size - inter);
}

/** A brand's model from its corrections (any order; the newest MAX_CORRECTIONS_PER_BRAND are used). */
export function buildCorrectionModel(brandId: string, rows: readonly CorrectionRow[]): CorrectionModel {
  const mine = rows
    .filter((r) => r.brandId === brandId)
    .sort((a, b) => a.at - b.at)
    .slice(-MAX_CORRECTIONS_PER_BRAND);
  const examples: Example[] = [];
  const terms = new Map<string, TermVote>();
  for (const r of mine) {
    examples.push({ words: contentWords(r.text), label: r.label, at: r.at });
    if (r.predicted === r.label) continue;
    for (const e of r.evidence) {
      const k = evidenceKey(e);
      if (k !== null) terms.set(k, { label: r.label, at: r.at });
    }
  }
  return { brandId, size: mine.length, examples, terms };
}

function withEvidence(result: CorrectableResult, label: SentimentLabel, note: string, confidence: number): CorrectableResult {
  const score = label === 'positive' ? Math.max(0.5, Math.abs(result.score)) : label === 'negative' ? -Math.max(0.5, Math.abs(result.score)) : 0;
  return {
    label,
    score: Math.round(score * 1000) / 1000,
    confidence,
    evidence: [note, ...result.evidence.filter((e) => !e.startsWith('✎'))].slice(0, 8),
  };
}

/**
 * The scorer's `result` for `text`, changed by the brands' corrections when
 * they apply (see the module comment); unchanged otherwise. With several
 * models (a mention naming several brands), the first that applies wins,
 * near-duplicates before lexicon terms.
 */
export function applyCorrections<T extends CorrectableResult>(text: string, result: T, models: readonly CorrectionModel[]): T {
  const live = models.filter((m) => m.size > 0);
  if (live.length === 0) return result;

  // 1. Near-duplicates of a corrected text.
  const words = contentWords(text);
  if (words.size >= MIN_WORDS) {
    let best: Example | null = null;
    let bestSim = 0;
    for (const m of live) {
      for (const ex of m.examples) {
        if (ex.words.size < MIN_WORDS) continue;
        const sim = jaccard(words, ex.words);
        if (sim >= NEAR_DUPLICATE && (sim > bestSim || (sim === bestSim && best !== null && ex.at > best.at))) {
          best = ex;
          bestSim = sim;
        }
      }
    }
    if (best !== null) {
      if (best.label === result.label) return result;
      return { ...result, ...withEvidence(result, best.label, `✎ ≈ ${best.label}`, 0.9) };
    }
  }

  // 2. The per-brand lexicon: the deciding evidence words re-read.
  const keys = result.evidence.map(evidenceKey).filter((k): k is string => k !== null);
  if (keys.length === 0) return result;
  const votes: TermVote[] = [];
  const notes: string[] = [];
  for (const k of keys) {
    const vote = live.map((m) => m.terms.get(k)).find((v) => v !== undefined);
    if (vote === undefined) return result; // a word the CM never corrected still decides: keep the scorer's label
    votes.push(vote);
    notes.push(k);
  }
  const count = new Map<SentimentLabel, { n: number; at: number }>();
  for (const v of votes) {
    const c = count.get(v.label) ?? { n: 0, at: 0 };
    count.set(v.label, { n: c.n + 1, at: Math.max(c.at, v.at) });
  }
  const [label] = [...count.entries()].sort((a, b) => b[1].n - a[1].n || b[1].at - a[1].at)[0]!;
  if (label === result.label) return result;
  return { ...result, ...withEvidence(result, label, `✎ ${notes.join(', ')} → ${label}`, 0.8) };
}
