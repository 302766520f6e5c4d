/**
 * English scorer on top of winkNLP (MIT) and its English lite model (MIT).
 *
 * wink gives a document score (`doc.out(its.sentiment)`, an average in -1..1)
 * but exposes no per-token sentiment. To show evidence and to apply the same
 * rules as the French scorer (intensifiers, contrast, capitals, "!"), we wrap
 * the model's sentiment setter and keep the spans it matched
 * (`[firstToken, lastToken, score]`, score -1..1, before negation). wink's own
 * negation flags decide which spans are negated, limited to 3 tokens after the
 * negation word (wink runs to the next punctuation); its lexicon covers words,
 * a few phrases ("fed up"), emoticons and emojis. If the model internals ever
 * change and no span is captured, we fall back to wink's document score.
 *
 * The wink instance (a ~1 MB model) is created on the first call of `getNlp()`.
 */

import winkNLP from 'wink-nlp';
import type { WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { combine, elongationVariants, emojiKey, emojiScore, isCaps } from './common';
import type { Hit, LexicalAnalysis, ModifierRules, Tok } from './types';

/** wink's scores are -1..1; ours are on the AFINN scale (-5..5). */
const WINK_TO_AFINN = 5;

// ---------------------------------------------------------------------------
// OUR OWN ADDITION — not from wink. A first guess by the Veille team, to be
// validated or replaced in the sentiment issue. Keys are in wink's normal form
// (lower case, "can't" → "can not"). 0 = carries no sentiment (wink over-scores
// these common words: "ok" 0.75, "well" 0.63, "waiting" 0.5, "still" 0.28);
// a 0-valued phrase blocks its words from being scored one by one.
// ---------------------------------------------------------------------------
export const EN_SUPPLEMENT: ReadonlyArray<readonly [string, number]> = [
  ['ok', 1], ['okay', 1], ['well', 0], ['well done', 3], ['right', 0], ['still', 0], ['waiting', 0], ['please', 0], ['help', 0],
  ['want', 0], ['kind of', 0], ['sort of', 0],
  ['thanks for nothing', -2], ['never again', -2], ['can not wait', 2], ['what a joke', -2],
  ['cancelled', -1], ['canceled', -1], ['cancellation', -1], ['on hold', -1], ['late', -1],
  ['meh', -1], ['smh', -2], ['fml', -2], ['yay', 2], ['nightmare', -3], ['overpriced', -2], ['ripoff', -2],
  ['rip off', -2], ['slow', -1],
];

export const EN_RULES: ModifierRules = {
  intensifiers: new Map([
    ['very', 1.5], ['so', 1.5], ['really', 1.5], ['extremely', 1.6], ['super', 1.5], ['totally', 1.4],
    ['absolutely', 1.4], ['incredibly', 1.5], ['completely', 1.4], ['too', 1.3], ['highly', 1.4], ['truly', 1.4],
    ['seriously', 1.3], ['quite', 1.2], ['pretty', 1], ['kind of', 0.6], ['sort of', 0.6], ['kinda', 0.6],
    ['sorta', 0.6], ['a bit', 0.6], ['a little', 0.6], ['slightly', 0.6], ['somewhat', 0.6], ['fairly', 0.8],
    ['rather', 0.8],
  ]),
  contrast: new Set(['but', 'however', 'nevertheless', 'nonetheless', 'on the other hand', 'except']),
};

/** A negation word reverses cues at most this many tokens after it ("not very good": 2). */
const NEGATION_SCOPE = 3;

const NEGATION_WORDS: ReadonlySet<string> = new Set([
  'not', 'no', 'never', 'nothing', 'nobody', 'none', 'neither', 'nor', 'without', 'cannot',
]);

// ---------------------------------------------------------------------------
// wink instance
// ---------------------------------------------------------------------------

type Span = [number, number, number];
type SaSetter = (px: Span[], ...rest: unknown[]) => void;
interface SaModel {
  machines: unknown;
  setter: SaSetter;
}

let nlp: WinkMethods | null = null;
/** Spans captured by the wrapped sentiment setter during the last readDoc(). */
let captured: Span[] | null = null;

/** The shared wink instance (negation + sentiment only), created on first use. */
export function getNlp(): WinkMethods {
  if (nlp) return nlp;
  const base = model as unknown as { sa: () => SaModel };
  const wrapped: unknown = Object.assign(Object.create(null) as object, model, {
    sa: (): SaModel => {
      const sa = base.sa();
      return {
        machines: sa.machines,
        setter: (px, ...rest) => {
          sa.setter(px, ...rest);
          captured = px;
        },
      };
    },
  });
  nlp = winkNLP(wrapped as typeof model, ['negation', 'sentiment']);
  return nlp;
}

// ---------------------------------------------------------------------------
// Supplement lookup (built lazily)
// ---------------------------------------------------------------------------

interface EnSupplement {
  map: Map<string, number>;
  first: Set<string>;
  max: number;
}

let supplement: EnSupplement | null = null;

function getSupplement(): EnSupplement {
  if (supplement) return supplement;
  const map = new Map<string, number>(EN_SUPPLEMENT);
  const first = new Set<string>();
  let max = 1;
  for (const key of map.keys()) {
    const parts = key.split(' ');
    first.add(parts[0]!);
    max = Math.max(max, parts.length);
  }
  supplement = { map, first, max };
  return supplement;
}

// ---------------------------------------------------------------------------
// Elongations: "sooo goood" → "so good" (wink only knows the plain spelling).
// ---------------------------------------------------------------------------

const wordScoreCache = new Map<string, number>();

function winkWordScore(word: string): number {
  let s = wordScoreCache.get(word);
  if (s === undefined) {
    const out = getNlp().readDoc(word).out(getNlp().its.sentiment);
    s = typeof out === 'number' ? out : 0;
    if (wordScoreCache.size > 5000) wordScoreCache.clear();
    wordScoreCache.set(word, s);
  }
  return s;
}

const ELONGATED_WORD = /\p{L}*(\p{L})\1\1\p{L}*/gu;

function fixElongations(text: string): string {
  if (!/(\p{L})\1\1/u.test(text)) return text;
  return text.replace(ELONGATED_WORD, (w) => {
    const [two, one] = elongationVariants(w.toLowerCase());
    if (two === undefined || one === undefined) return w;
    if (winkWordScore(two) !== 0 || getSupplement().map.has(two)) return two;
    return one;
  });
}

// ---------------------------------------------------------------------------
// Scorer
// ---------------------------------------------------------------------------

function joinTokens(values: readonly string[]): string {
  return values.join(' ').replace(/ (n't|'\p{L}+)/gu, '$1').toLowerCase();
}

/** Score English text (already truncated and masked by the caller). */
export function scoreEnglish(text: string): LexicalAnalysis {
  const w = getNlp();
  const its = w.its;
  captured = null;
  const doc = w.readDoc(fixElongations(text));
  const spans = captured as Span[] | null;
  const tokens = doc.tokens();
  const values = tokens.out() as string[];
  const normals = tokens.out(its.normal) as string[];
  const types = tokens.out(its.type) as string[];
  const negFlags = tokens.out(its.negationFlag) as unknown as boolean[];

  const toks: Tok[] = values.map((v, i) => {
    const type = types[i];
    const kind: Tok['kind'] = type === 'punctuation' ? 'punct' : type === 'emoji' || type === 'emoticon' ? 'emoji' : 'word';
    return { norm: normals[i] ?? v.toLowerCase(), kind, caps: kind === 'word' && isCaps(v) };
  });

  if (spans === null) {
    // Model internals changed: fall back to the document score, without evidence words.
    const s = doc.out(its.sentiment);
    const value = typeof s === 'number' ? s * WINK_TO_AFINN : 0;
    return { sum: value, contributions: value === 0 ? [] : [{ label: 'wink', value }] };
  }

  // A span starting on a contraction ("n't like") is shown with its host word ("don't like").
  const label = (a: number, b: number): string =>
    joinTokens(values.slice(a > 0 && /^(n't|nt|'\p{L}*)$/iu.test(values[a]!) ? a - 1 : a, b + 1));
  /**
   * wink flags every token up to the next punctuation after a negation word;
   * like the French scorer, we only reverse cues at most NEGATION_SCOPE words
   * after it. Returns the negation word, or null.
   */
  const negator = (a: number): string | null => {
    if (negFlags[a] !== true) return null;
    for (let j = a - 1; j >= Math.max(0, a - NEGATION_SCOPE); j--) {
      if (toks[j]!.kind === 'punct') return null;
      if (NEGATION_WORDS.has(toks[j]!.norm)) return toks[j]!.norm;
    }
    return null;
  };

  // 1. Our supplement first (longest match), then wink's spans that do not overlap it.
  const sup = getSupplement();
  const hits: Hit[] = [];
  const taken = new Uint8Array(toks.length);
  for (let i = 0; i < toks.length; i++) {
    if (!sup.first.has(toks[i]!.norm)) continue;
    let key = '';
    let bestLen = 0;
    let bestScore = 0;
    for (let len = 1; len <= sup.max && i + len - 1 < toks.length; len++) {
      const t = toks[i + len - 1]!;
      if (t.kind !== 'word') break;
      key = len === 1 ? t.norm : `${key} ${t.norm}`;
      const s = sup.map.get(key);
      if (s !== undefined) {
        bestLen = len;
        bestScore = s;
      }
    }
    if (bestLen === 0) continue;
    const end = i + bestLen - 1;
    taken.fill(1, i, end + 1);
    if (bestScore !== 0) {
      const neg = NEGATION_WORDS.has(toks[i]!.norm) ? null : negator(i);
      const term = label(i, end);
      hits.push({ start: i, end, base: bestScore, negated: neg !== null, label: neg !== null ? `${neg} ${term}` : term });
    }
    i = end;
  }

  const winkSpans = [...spans].sort((a, b) => a[0] - b[0]);
  let lastEnd = -1;
  for (const [start, end, score] of winkSpans) {
    if (start <= lastEnd || end >= toks.length) continue;
    let free = true;
    for (let j = start; j <= end; j++) if (taken[j]) free = false;
    if (!free) continue;
    lastEnd = end;
    taken.fill(1, start, end + 1);
    if (toks[start]!.kind === 'emoji') continue; // emojis: our shared table below
    const neg = negator(start);
    const term = label(start, end);
    hits.push({ start, end, base: score * WINK_TO_AFINN, negated: neg !== null, label: neg !== null ? `${neg} ${term}` : term });
  }

  // 2. Emojis and emoticons, from the table shared with French (so both languages agree);
  // wink's value when our table does not know it. Repeats ("😍😍😍") count once.
  const winkEmoji = new Map<number, number>();
  for (const [start, end, score] of winkSpans) if (start === end && toks[start]!.kind === 'emoji') winkEmoji.set(start, score);
  let lastKey = '';
  for (let i = 0; i < toks.length; i++) {
    if (toks[i]!.kind !== 'emoji') {
      lastKey = '';
      continue;
    }
    const key = types[i] === 'emoticon' ? values[i]! : emojiKey(values[i]!);
    if (key === lastKey) continue;
    lastKey = key;
    const ours = emojiScore(values[i]!);
    const theirs = winkEmoji.get(i);
    const base = ours ?? (theirs === undefined ? 0 : theirs * WINK_TO_AFINN);
    if (base !== 0) hits.push({ start: i, end: i, base, negated: false, label: values[i]! });
  }

  hits.sort((a, b) => a.start - b.start);
  return combine(toks, hits, EN_RULES);
}
