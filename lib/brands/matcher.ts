/**
 * Brand matcher: one Aho–Corasick automaton over every term of every brand,
 * built once, run on folded text (lib/brands/normalize.ts).
 *
 *   text ──fold──▶ folded ──automaton──▶ hits ──word boundaries──▶ minus exclusions ──▶ BrandMatch[]
 *
 * Word boundaries: a hit counts only when the characters around it are not
 * letters, digits or "_" (so "Acme's", "l'Acme", "d'Acme", "acme.fr" count,
 * "acmeology" does not). Exclusion phrases ("the acme of") suppress any brand
 * hit they overlap.
 */
import AhoCorasick from 'modern-ahocorasick';
import type { Brand, BrandMatch } from './types';
import { asHandle, asHashtag, foldTerm, foldText } from './normalize';

type TermKind = 'name' | 'handle' | 'hashtag' | 'exclusion';
interface TermData {
  brandIndex: number;
  kind: TermKind;
  /** The term as the brand wrote it (for display). */
  original: string;
}

const WORD = /[\p{L}\p{N}_]/u;

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD.test(ch);
}

export interface BrandMatcher {
  /** Brands that the text names, in brand order. Empty when none. */
  match(text: string): BrandMatch[];
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
  if (entries.length === 0) return { match: () => [] };
  const automaton = new AhoCorasick<TermData>(entries);

  return {
    match(text: string): BrandMatch[] {
      if (!text) return [];
      const folded = foldText(text);
      const hits = automaton.search(folded);
      if (hits.length === 0) return [];
      const excluded: Array<[number, number, number]> = [];
      const found: Array<{ start: number; end: number; data: TermData }> = [];
      for (const hit of hits) {
        const data = hit.data as TermData;
        const before = folded[hit.start - 1];
        const after = folded[hit.end];
        // Handles and hashtags start with a non-word char, so only their end needs a boundary.
        const startOk = data.kind === 'handle' || data.kind === 'hashtag' ? !isWordChar(before) && before !== '@' && before !== '#' : !isWordChar(before);
        if (!startOk || isWordChar(after)) continue;
        if (data.kind === 'exclusion') excluded.push([data.brandIndex, hit.start, hit.end]);
        else found.push({ start: hit.start, end: hit.end, data });
      }
      const byBrand = new Map<number, Set<string>>();
      for (const f of found) {
        const inExclusion = excluded.some(([bi, s, e]) => bi === f.data.brandIndex && f.start < e && f.end > s);
        if (inExclusion) continue;
        let set = byBrand.get(f.data.brandIndex);
        if (!set) byBrand.set(f.data.brandIndex, (set = new Set()));
        set.add(f.data.original);
      }
      return [...byBrand.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([bi, terms]) => ({ brandId: brands[bi]!.id, competitor: brands[bi]!.competitor, terms: [...terms] }));
    },
  };
}
