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
const SPACES_ALL = /\s+/gu;
// eslint-disable-next-line no-control-regex
const ASCII_ONLY = /^[\x00-\x7F]*$/u;

/**
 * The same folding as `fold`, without the offset map, done with native string
 * operations (several times faster on long texts). Used to match.
 */
export function foldText(text: string): string {
  let t = text;
  if (!ASCII_ONLY.test(t)) {
    // Apostrophes before NFKD (it would turn U+FF07 into "'" anyway, but not U+2019).
    t = t.replace(INVISIBLE_ALL, '').replace(APOSTROPHES_ALL, "'").normalize('NFKD').replace(COMBINING_ALL, '');
  } else if (t.includes('`')) {
    t = t.replace(/`/gu, "'");
  }
  return t.toLowerCase().replace(SPACES_ALL, ' ');
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
