/**
 * Pieces shared by the French and English scorers: text preparation (hashtags,
 * neutral terms), the emoji/emoticon table, word-shape helpers and the
 * combination step that turns lexicon hits into one summed score.
 *
 * The scoring model is deliberately simple and transparent (a lexicon + rules,
 * in the spirit of AFINN/VADER) so the evidence can be shown to the community
 * manager. Every constant below is a first guess, to be measured and tuned in
 * the sentiment-evaluation issue.
 */

import type { Contribution, Hit, LexicalAnalysis, ModifierRules, Tok } from './types';

/** A negated cue keeps 75 % of its strength, reversed ("pas bon" is less negative than "mauvais" is). */
export const NEGATION_FACTOR = -0.75;
/** A cue written in capitals ("NUL", "LOVE") counts 25 % more. */
export const CAPS_FACTOR = 1.25;
/** Each "!" in the sentence adds 10 % to the cues of that sentence, up to 3. */
export const EXCLAMATION_STEP = 0.1;
export const EXCLAMATION_MAX = 3;
/**
 * Within a sentence, what comes before a contrast marker ("mais", "but") weighs
 * half and what comes after weighs 1.5×.
 */
export const CONTRAST_BEFORE = 0.5;
export const CONTRAST_AFTER = 1.5;
/** An intensifier applies to a cue at most this many tokens after it. */
export const MODIFIER_WINDOW = 2;
/** Stacked intensifiers ("très très") are capped. */
export const MAX_INTENSITY = 2.25;
/**
 * Summed scores are squashed with tanh(sum / SQUASH): one AFINN-3 word ("génial" is 4,
 * "bien" is 3) gives about 0.46, two give about 0.76.
 */
export const SQUASH = 6;

/** Maps a summed AFINN-scale score to -1..1. */
export function squash(sum: number): number {
  return Math.tanh(sum / SQUASH);
}

// ---------------------------------------------------------------------------
// Emojis and emoticons (shared by both languages).
// Our own small table with AFINN-like values (-4..3); keyed by the first code
// point of the emoji (skin tones, VS16 and ZWJ tails are ignored).
// To be validated in the sentiment issue (candidate: Emoji Sentiment Ranking).
// ---------------------------------------------------------------------------

const EMOJI_LIST: ReadonlyArray<readonly [string, number]> = [
  // positive
  ['😀', 2], ['😃', 2], ['😄', 2], ['😁', 2], ['😆', 2], ['😊', 2], ['🙂', 1], ['😉', 1],
  ['😍', 3], ['🥰', 3], ['😘', 2], ['😻', 3], ['🤩', 3], ['🥳', 3], ['😎', 2], ['😇', 2], ['🤗', 2],
  ['😂', 1], ['🤣', 1], ['😹', 1],
  ['❤', 3], ['♥', 2], ['💕', 3], ['💖', 3], ['💗', 3], ['💓', 3], ['💞', 3], ['💘', 3],
  ['💙', 2], ['💚', 2], ['💛', 2], ['💜', 2], ['🧡', 2], ['🤍', 2], ['🖤', 1],
  ['👍', 2], ['👌', 2], ['👏', 2], ['🙌', 2], ['🙏', 1], ['💪', 2], ['🤝', 1],
  ['🎉', 2], ['🎊', 2], ['🥂', 2], ['✨', 1], ['🌟', 2], ['⭐', 1], ['🏆', 2], ['💯', 2], ['✅', 1], ['🔥', 1],
  // negative
  ['😡', -3], ['😠', -3], ['🤬', -4], ['😤', -2], ['👎', -2], ['💩', -3], ['💔', -3], ['🤮', -3], ['🤢', -2],
  ['😢', -2], ['😭', -2], ['😞', -2], ['😔', -2], ['😟', -2], ['🙁', -2], ['☹', -2], ['😕', -1], ['😥', -1],
  ['😩', -2], ['😫', -2], ['😒', -2], ['🙄', -2], ['😑', -1], ['😱', -2], ['😰', -2], ['😨', -2], ['😓', -1],
  ['😖', -2], ['😣', -2], ['😪', -1], ['😿', -2], ['🤦', -2], ['🤡', -2], ['😬', -1], ['❌', -1], ['⚠', -1],
];

export const EMOJI: ReadonlyMap<string, number> = new Map(EMOJI_LIST);

/** Emoticons, matched as written (case matters: ":D" vs ":d" are both listed). */
export const EMOTICONS: ReadonlyMap<string, number> = new Map<string, number>([
  [':)', 2], [':-)', 2], [':]', 2], ['=)', 2], [':))', 3], [':)))', 3], [':D', 2], [':-D', 2], ['=D', 2],
  ['xD', 2], ['XD', 2], [';)', 1], [';-)', 1], [':p', 1], [':P', 1], [':-p', 1], [':-P', 1],
  ['<3', 3], ['<33', 3], ['^^', 1], ['^_^', 2], [':3', 1],
  [':(', -2], [':-(', -2], ['=(', -2], [':((', -3], [":'(", -2], [":'-(", -2], [':/', -1], [':-/', -1],
  ['>:(', -3], ['</3', -3], ['D:', -2], ['-_-', -1], [':@', -2], [':S', -1], [':s', -1],
]);

/** Longest first, so ":))" wins over ":)". Escaped for a RegExp with the u flag (no "\\-" there). */
export const EMOTICON_PATTERN = [...EMOTICONS.keys()]
  .sort((a, b) => b.length - a.length)
  .map((e) => e.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
  .join('|');

/** One emoji cluster: base pictograph with its modifiers, VS16 and ZWJ tail. */
export const EMOJI_PATTERN = '\\p{Extended_Pictographic}(?:\\uFE0F|\\p{Emoji_Modifier}|\\u200D\\p{Extended_Pictographic}\\uFE0F?)*';

/** Score of an emoji cluster or emoticon, or undefined. */
export function emojiScore(token: string): number | undefined {
  const emo = EMOTICONS.get(token);
  if (emo !== undefined) return emo;
  const cp = token.codePointAt(0);
  if (cp === undefined) return undefined;
  return EMOJI.get(String.fromCodePoint(cp));
}

/** The key an emoji is counted under (first code point); used to collapse repeats. */
export function emojiKey(token: string): string {
  const cp = token.codePointAt(0);
  return cp === undefined ? token : String.fromCodePoint(cp);
}

// ---------------------------------------------------------------------------
// Word shape
// ---------------------------------------------------------------------------

const MARKS = /\p{M}/gu;

/** Lower-case and strip diacritics ("Déçu" → "decu", "cœur" → "coeur"). */
export function foldAccents(s: string): string {
  const lower = s.toLowerCase();
  let ascii = true;
  for (let i = 0; i < lower.length; i++) {
    if (lower.charCodeAt(i) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return lower;
  return lower.normalize('NFD').replace(MARKS, '').replace(/œ/g, 'oe').replace(/æ/g, 'ae');
}

const ELONGATED = /(\p{L})\1\1/u;
const RUN3 = /(\p{L})\1{2,}/gu;

/**
 * Spellings to try for an elongated word ("nuuul", "géniaaal", "sooo"): runs of
 * 3+ identical letters collapsed to two, then to one. Empty when not elongated.
 */
export function elongationVariants(word: string): string[] {
  if (!ELONGATED.test(word)) return [];
  return [word.replace(RUN3, '$1$1'), word.replace(RUN3, '$1')];
}

/** At least two letters and no lower-case letter ("NUL", "WTF"). */
export function isCaps(raw: string): boolean {
  if (raw.length < 2 || raw === raw.toLowerCase()) return false;
  let letters = 0;
  for (const ch of raw) {
    const lower = ch.toLowerCase();
    const upper = ch.toUpperCase();
    if (lower === upper) continue; // not a cased letter
    if (ch === lower) return false;
    letters++;
  }
  return letters >= 2;
}

// ---------------------------------------------------------------------------
// Text preparation
// ---------------------------------------------------------------------------

/** Only this many UTF-16 units are analysed; the rest of a long text is ignored. */
export const MAX_CHARS = 5000;

/** Truncate to MAX_CHARS without splitting a surrogate pair. */
export function truncate(text: string, max = MAX_CHARS): string {
  if (text.length <= max) return text;
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return text.slice(0, end);
}

const HASHTAG = /(^|[^\p{L}\p{N}_&/])#(\p{L}[\p{L}\p{N}_]*)/gu;

/** "#nul" → "nul", "#NeverAgain" → "Never Again", "#service_client" → "service client". */
export function expandHashtags(text: string): string {
  if (!text.includes('#')) return text;
  return text.replace(HASHTAG, (_m, pre: string, tag: string) =>
    `${pre} ${tag.replace(/_/g, ' ').replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')}`,
  );
}

const APOSTROPHE_LIKE = /[\u2019\u2018\u02BC`´]/;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Fold one UTF-16 unit without changing the length (so offsets stay valid). */
function foldUnit(c: string): string {
  const code = c.charCodeAt(0);
  if (code < 0x80) return c.toLowerCase();
  if (code >= 0xd800 && code <= 0xdfff) return c;
  if (APOSTROPHE_LIKE.test(c)) return "'";
  const base = c.normalize('NFD')[0]!.toLowerCase();
  return base.length === 1 ? base : c;
}

function foldSameLength(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += foldUnit(s[i]!);
  return out;
}

/**
 * Blank out the neutral terms (brand or product names) so no scorer can count
 * them: "Virgin", "Free", "Orange". Case-, accent- and apostrophe-insensitive,
 * whole words only; runs of whitespace inside a multi-word term must match a
 * single space in the text.
 */
export function maskNeutralTerms(text: string, terms: readonly string[] | undefined): string {
  if (!terms || terms.length === 0 || text.length === 0) return text;
  const folded = foldSameLength(text);
  const ranges: Array<[number, number]> = [];
  for (const term of terms) {
    const t = foldSameLength(term.trim().replace(/\s+/g, ' '));
    if (t.length === 0) continue;
    let from = 0;
    for (;;) {
      const at = folded.indexOf(t, from);
      if (at < 0) break;
      const end = at + t.length;
      const before = at > 0 ? folded[at - 1]! : ' ';
      const after = end < folded.length ? folded[end]! : ' ';
      if (!WORD_CHAR.test(before) && !WORD_CHAR.test(after)) ranges.push([at, end]);
      from = at + 1;
    }
  }
  if (ranges.length === 0) return text;
  ranges.sort((a, b) => a[0] - b[0]);
  let out = '';
  let pos = 0;
  for (const [a, b] of ranges) {
    if (b <= pos) continue;
    const start = Math.max(a, pos);
    out += text.slice(pos, start) + ' '.repeat(b - start);
    pos = b;
  }
  return out + text.slice(pos);
}

// ---------------------------------------------------------------------------
// Combination
// ---------------------------------------------------------------------------

/** The first words of a phrase table's keys (a key's first word must be one of them). */
const firstWordsOf = new WeakMap<object, ReadonlySet<string>>();

function firstWords(keys: ReadonlySet<string> | ReadonlyMap<string, unknown>): ReadonlySet<string> {
  let first = firstWordsOf.get(keys);
  if (!first) {
    first = new Set([...keys.keys()].map((k) => k.split(' ')[0]!));
    firstWordsOf.set(keys, first);
  }
  return first;
}

function matchKey(
  tokens: readonly Tok[],
  i: number,
  maxLen: number,
  keys: ReadonlySet<string> | ReadonlyMap<string, unknown>,
): number {
  if (!firstWords(keys).has(tokens[i]!.norm)) return 0;
  let key = '';
  let best = 0;
  for (let len = 1; len <= maxLen && i + len - 1 < tokens.length; len++) {
    const t = tokens[i + len - 1]!;
    if (t.kind !== 'word') break;
    key = len === 1 ? t.norm : `${key} ${t.norm}`;
    if (keys.has(key)) best = len;
  }
  return best;
}

function exclamations(norm: string): number {
  let n = 0;
  for (const ch of norm) if (ch === '!') n++;
  return n;
}

const SENTENCE_END = /[.!?…]/;

/**
 * Weigh the hits with the shared rules: negation (already flagged by the
 * language scorer), intensifiers/diminishers, capitals, exclamation marks and
 * contrast ("X mais Y": X × 0.5, Y × 1.5, within the sentence). Hits must not overlap and must be
 * sorted by `start`.
 */
export function combine(tokens: readonly Tok[], hits: readonly Hit[], rules: ModifierRules): LexicalAnalysis {
  const values: number[] = new Array<number>(hits.length).fill(0);
  const dropped: boolean[] = new Array<boolean>(hits.length).fill(false);
  let h = 0;
  let pending = 1;
  let afterContrast = 1;
  let sentenceFirstHit = 0;
  let bangs = 0;

  const closeSentence = (): void => {
    if (bangs > 0) {
      const boost = 1 + EXCLAMATION_STEP * Math.min(bangs, EXCLAMATION_MAX);
      for (let k = sentenceFirstHit; k < h; k++) values[k]! *= boost;
    }
    bangs = 0;
    sentenceFirstHit = h;
    afterContrast = 1;
  };

  for (let i = 0; i < tokens.length; i++) {
    // Hits skipped over by a modifier or contrast marker, or starting on punctuation, do not count.
    while (h < hits.length && hits[h]!.start < i) dropped[h++] = true;
    const tok = tokens[i]!;
    if (tok.kind === 'punct') {
      bangs += exclamations(tok.norm);
      pending = 1;
      if (SENTENCE_END.test(tok.norm)) closeSentence();
      continue;
    }
    const startsHit = h < hits.length && hits[h]!.start === i;
    if (tok.kind === 'word') {
      const c = matchKey(tokens, i, 4, rules.contrast);
      if (c > 0) {
        for (let k = sentenceFirstHit; k < h; k++) values[k]! *= CONTRAST_BEFORE;
        afterContrast = CONTRAST_AFTER;
        pending = 1;
        i += c - 1;
        continue;
      }
      const m = matchKey(tokens, i, 2, rules.intensifiers);
      if (m > 0) {
        // A modifier only counts when a cue follows closely, in the same clause.
        const last = i + m - 1;
        let next = h;
        while (next < hits.length && hits[next]!.start <= last) next++;
        let close = false;
        if (next < hits.length && hits[next]!.start - last <= MODIFIER_WINDOW) {
          close = true;
          for (let j = last + 1; j < hits[next]!.start; j++) if (tokens[j]!.kind === 'punct') close = false;
        }
        if (close) {
          const key = m === 1 ? tok.norm : `${tok.norm} ${tokens[i + 1]!.norm}`;
          pending = Math.min(MAX_INTENSITY, pending * rules.intensifiers.get(key)!);
          // The modifier word itself ("super" in "super bon") stops being a cue.
          while (h < next) dropped[h++] = true;
          i = last;
          continue;
        }
      }
    }
    if (startsHit) {
      const hit = hits[h]!;
      let caps = false;
      for (let j = hit.start; j <= hit.end; j++) if (tokens[j]!.caps) caps = true;
      values[h] =
        hit.base * (hit.negated ? NEGATION_FACTOR : 1) * pending * (caps ? CAPS_FACTOR : 1) * afterContrast;
      pending = 1;
      h++;
      i = hit.end;
    }
  }
  closeSentence();

  const contributions: Contribution[] = [];
  let sum = 0;
  for (let k = 0; k < hits.length; k++) {
    if (dropped[k] || values[k] === 0) continue;
    contributions.push({ label: hits[k]!.label, value: values[k]! });
    sum += values[k]!;
  }
  return { sum, contributions };
}
