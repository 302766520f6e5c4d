/**
 * Text folding for brand matching: case, accents (diacritics), fullwidth and
 * compatibility forms, typographic apostrophes, invisible characters and
 * whitespace runs. Keeps a map from each folded UTF-16 unit back to the
 * original offset so matches can be located in the original text.
 */

/** Zero-width and bidi control characters a page can hide inside a word. */
// Each listed code point is matched on its own (they are the point), hence the rule exception.
// eslint-disable-next-line no-misleading-character-class
const INVISIBLE = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/u;
const COMBINING = /\p{M}/u;
const APOSTROPHES = /[\u2018\u2019\u201B\u02BC\u2032\uFF07`´]/u;
const SPACE = /\s/u;

export interface Folded {
  /** Folded text. */
  text: string;
  /** map[i] = offset in the original text of folded unit i. */
  map: Uint32Array;
}

const cache = new Map<string, string>();

function foldChar(ch: string): string {
  const hit = cache.get(ch);
  if (hit !== undefined) return hit;
  let out = '';
  if (INVISIBLE.test(ch)) out = '';
  else if (APOSTROPHES.test(ch)) out = "'";
  else if (SPACE.test(ch)) out = ' ';
  else {
    for (const c of ch.normalize('NFKD')) {
      if (!COMBINING.test(c)) out += c;
    }
    out = out.toLowerCase();
  }
  if (cache.size < 4096) cache.set(ch, out);
  return out;
}

/** Fold a text for matching; see the module comment. */
export function fold(text: string): Folded {
  const map = new Uint32Array(text.length + 1);
  let out = '';
  let n = 0;
  let lastSpace = true;
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    let ch: string;
    let width = 1;
    if (code < 0x80) {
      // ASCII fast path.
      ch = code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : code === 9 || code === 10 || code === 13 || code === 12 ? ' ' : text[i]!;
      if (code === 96) ch = "'";
    } else {
      const cp = text.codePointAt(i)!;
      width = cp > 0xffff ? 2 : 1;
      ch = foldChar(String.fromCodePoint(cp));
    }
    for (let k = 0; k < ch.length; k++) {
      const c = ch[k]!;
      if (c === ' ') {
        if (lastSpace) continue;
        lastSpace = true;
      } else {
        lastSpace = false;
      }
      out += c;
      map[n++] = i;
    }
    i += width;
  }
  map[n] = text.length;
  return { text: out, map: map.subarray(0, n + 1) };
}

// eslint-disable-next-line no-misleading-character-class -- same list as INVISIBLE, one code point at a time
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'gu');
const APOSTROPHES_ALL = /[\u2018\u2019\u201B\u02BC\u2032\uFF07`´]/gu;
const COMBINING_ALL = /\p{M}+/gu;
/** Whitespace to rewrite: runs of two or more, and any single one that is not " " (a lone " " stays as is). */
const SPACES_TO_FOLD = /\s{2,}|[^\S ]/gu;
// eslint-disable-next-line no-control-regex
const ASCII_ONLY = /^[\x00-\x7F]*$/u;
// eslint-disable-next-line no-control-regex
const NON_ASCII_RUN = /[^\x00-\x7F]+/gu;

/** Folded runs of non-ASCII characters ("é", "’", "😡"...), which repeat a lot in real text. */
const runCache = new Map<string, string>();

/**
 * Invisible characters, apostrophes, compatibility decomposition and
 * combining marks, for one run of non-ASCII characters. Run by run is the
 * same as on the whole text: NFKD only decomposes, and the marks it yields
 * (or that follow an ASCII letter) are removed either way.
 */
function foldRun(run: string): string {
  let out = runCache.get(run);
  if (out === undefined) {
    out = run.replace(INVISIBLE_ALL, '').replace(APOSTROPHES_ALL, "'").normalize('NFKD').replace(COMBINING_ALL, '');
    if (runCache.size >= 4096) runCache.clear();
    runCache.set(run, out);
  }
  return out;
}

/**
 * The same folding as `fold`, without the offset map, done with native string
 * operations (several times faster on long texts). Used to match. Only the
 * non-ASCII runs go through Unicode normalisation; ASCII text is only
 * lower-cased and has its whitespace collapsed.
 */
export function foldText(text: string): string {
  let t = text;
  if (t.includes('`')) t = t.replace(/`/gu, "'");
  if (!ASCII_ONLY.test(t)) t = t.replace(NON_ASCII_RUN, foldRun);
  return t.toLowerCase().replace(SPACES_TO_FOLD, ' ');
}

/** Folds of single code points (see foldCodePoint), by code point. */
const codePointCache = new Map<number, string>();

/**
 * The fold of one code point, as foldText folds it in running text: case,
 * compatibility decomposition without combining marks, invisible characters
 * (→ ""), apostrophes and backquote (→ "'"), whitespace (→ " ", runs are
 * collapsed by the caller). One difference on purpose: Greek final sigma "ς"
 * becomes "σ", since lower-casing one character cannot see the end of a word
 * (whole-text toLowerCase can). The matcher (lib/brands/automaton.ts
 * `scanFolded`) folds both the terms and the text with it, code point by code
 * point, so the text is never copied.
 */
export function foldCodePoint(cp: number): string {
  let out = codePointCache.get(cp);
  if (out !== undefined) return out;
  if (cp < 128) {
    out = cp === 96 ? "'" : SPACE.test(String.fromCharCode(cp)) ? ' ' : String.fromCharCode(cp).toLowerCase();
  } else {
    const ch = String.fromCodePoint(cp);
    // As foldText: invisible, apostrophes, NFKD, marks, lower case; then once more, for
    // the rare lower case that decomposes again ("İ" → "i̇").
    out = ch.replace(INVISIBLE_ALL, '').replace(APOSTROPHES_ALL, "'").normalize('NFKD').replace(COMBINING_ALL, '').toLowerCase();
    out = out.normalize('NFKD').replace(COMBINING_ALL, '').replace(/\s/gu, ' ').replace(/ς/gu, 'σ');
  }
  if (codePointCache.size >= 8192) codePointCache.clear();
  codePointCache.set(cp, out);
  return out;
}

/** A string folded code point by code point (foldCodePoint), whitespace runs collapsed: how the matcher sees a term. */
export function foldForScan(text: string): string {
  let out = '';
  for (const ch of text) out += foldCodePoint(ch.codePointAt(0)!);
  return out.replace(/ {2,}/gu, ' ');
}

/** Fold a brand term (no offset map needed). */
export function foldTerm(term: string): string {
  return foldText(term).trim();
}

/** "@Acme" / "acme" → "@acme". */
export function asHandle(h: string): string {
  const t = foldTerm(h).replace(/^@+/u, '');
  return t ? '@' + t : '';
}

/** "#Acme" / "acme" → "#acme". */
export function asHashtag(h: string): string {
  const t = foldTerm(h).replace(/^#+/u, '');
  return t ? '#' + t : '';
}

/**
 * The words of matched brand terms that must carry no sentiment ("@AcmeFrance"
 * → "AcmeFrance", "Cafés Acme" → "Cafés", "Acme"), for the scorer's neutralTerms.
 */
export function neutralWordsOf(terms: readonly string[]): string[] {
  return terms.flatMap((t) => t.replace(/^[@#]/u, '').split(/\s+/u));
}
