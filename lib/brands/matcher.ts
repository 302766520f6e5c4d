/**
 * Brand matcher: one Aho–Corasick automaton over every term of every brand
 * (lib/brands/automaton.ts), built once, run on folded text (lib/brands/normalize.ts).
 *
 *   text ──fold──▶ folded ──automaton──▶ hits ──word boundaries──▶ minus exclusions ──▶ BrandMatch[]
 *
 * Word boundaries: a hit counts only when the characters around it are not
 * letters, digits or "_" (so "Acme's", "l'Acme", "d'Acme", "acme.fr" count,
 * "acmeology" does not). Exclusion phrases ("the acme of") suppress any brand
 * hit they overlap.
 */
import { Automaton } from './automaton';
import type { Brand, BrandMatch } from './types';
import { asHandle, asHashtag, foldForScan, foldTerm } from './normalize';

type TermKind = 'name' | 'handle' | 'hashtag' | 'exclusion';
interface TermData {
  brandIndex: number;
  kind: TermKind;
  /** The term as the brand wrote it (for display). */
  original: string;
}

const WORD = /[\p{L}\p{N}_]/u;

/** Whether a folded code unit is a letter, digit or "_" (-1, outside the text, is not). */
function isWordUnit(c: number): boolean {
  if (c < 0) return false;
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || (c >= 65 && c <= 90);
  return WORD.test(String.fromCharCode(c));
}

export interface BrandMatcher {
  /** Brands that the text names, in brand order. Empty when none. */
  match(text: string): BrandMatch[];
  /**
   * A cheap, permissive pre-check for a raw text that contains an item's text
   * (an element's `textContent`, where words of different blocks may be glued
   * and whitespace is raw): false only when no brand term can be in it. The
   * longest word of each name, handle and hashtag is looked for anywhere,
   * without word boundaries or exclusions; `match` decides.
   */
  mayMatch(text: string): boolean;
}

/** The longest word of a folded term ("@acme" → "acme", "cafes acme" → "cafes"). */
function longestPiece(term: string): string {
  let best = '';
  for (const piece of term.split(/[\s@#]+/u)) if (piece.length > best.length) best = piece;
  return best;
}

/** Build the matcher for a set of brands (an agency watches several). */
export function buildMatcher(brands: readonly Brand[]): BrandMatcher {
  const entries: Array<{ pattern: string; data: TermData }> = [];
  const seen = new Set<string>();
  const add = (pattern: string, data: TermData): void => {
    if (!pattern || pattern === '@' || pattern === '#') return;
    const key = `${data.brandIndex}\u0000${data.kind}\u0000${pattern}`;
    if (seen.has(key)) return;
    seen.add(key);
    entries.push({ pattern, data });
  };
  brands.forEach((b, brandIndex) => {
    for (const t of [b.name, ...b.aliases, ...b.misspellings]) add(foldTerm(t), { brandIndex, kind: 'name', original: t });
    for (const h of b.handles) add(asHandle(h), { brandIndex, kind: 'handle', original: h.startsWith('@') ? h : '@' + h });
    for (const h of b.hashtags) add(asHashtag(h), { brandIndex, kind: 'hashtag', original: h.startsWith('#') ? h : '#' + h });
    for (const x of b.exclusions) add(foldTerm(x), { brandIndex, kind: 'exclusion', original: x });
  });
  if (entries.length === 0) return { match: () => [], mayMatch: () => false };
  // Terms folded as the scan folds the text, code point by code point (same as foldTerm but for "ς").
  const automaton = new Automaton(entries.map((e) => foldForScan(e.pattern)));
  const data = entries.map((e) => e.data);
  // Hits that pass the word boundaries, as flat [start, end, term] triples (no object per hit),
  // in folded coordinates: the scan folds the text as it reads it (fold once, no copy).
  // Reused by every call (match never runs inside itself), so a short text allocates nothing.
  const found: number[] = [];
  const excluded: number[] = [];
  const onHit = (term: number, start: number, end: number, before: number, after: number): void => {
    const d = data[term]!;
    if (isWordUnit(before) || isWordUnit(after)) return;
    // Handles and hashtags start with a non-word char: "@@acme" or "#@acme" is not the handle.
    if ((d.kind === 'handle' || d.kind === 'hashtag') && (before === 64 /* @ */ || before === 35) /* # */) return;
    if (d.kind === 'exclusion') excluded.push(start, end, term);
    else found.push(start, end, term);
  };

  // mayMatch's automaton, built on first use (pages whose adapter reads an item's text outside its element never need it).
  let pieces: Automaton | null = null;
  let piecesEmpty = false;
  let seenPiece = false;
  const onPiece = (): void => {
    seenPiece = true;
  };

  return {
    mayMatch(text: string): boolean {
      if (!text) return false;
      if (!pieces && !piecesEmpty) {
        const keys = [...new Set(entries.filter((e) => e.data.kind !== 'exclusion').map((e) => foldForScan(longestPiece(e.pattern))))].filter(Boolean);
        if (keys.length === 0) piecesEmpty = true;
        else pieces = new Automaton(keys);
      }
      if (!pieces) return false;
      seenPiece = false;
      pieces.scanFolded(text, onPiece);
      return seenPiece;
    },
    match(text: string): BrandMatch[] {
      if (!text) return [];
      found.length = 0;
      excluded.length = 0;
      automaton.scanFolded(text, onHit);
      if (found.length === 0) return [];
      const byBrand = new Map<number, Set<string>>();
      for (let h = 0; h < found.length; h += 3) {
        const start = found[h]!;
        const end = found[h + 1]!;
        const d = data[found[h + 2]!]!;
        let inExclusion = false;
        for (let x = 0; x < excluded.length && !inExclusion; x += 3) {
          inExclusion = data[excluded[x + 2]!]!.brandIndex === d.brandIndex && start < excluded[x + 1]! && end > excluded[x]!;
        }
        if (inExclusion) continue;
        let set = byBrand.get(d.brandIndex);
        if (!set) byBrand.set(d.brandIndex, (set = new Set()));
        set.add(d.original);
      }
      return [...byBrand.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([bi, terms]) => ({ brandId: brands[bi]!.id, competitor: brands[bi]!.competitor, terms: [...terms] }));
    },
  };
}
