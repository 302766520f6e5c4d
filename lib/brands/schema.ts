/**
 * Validation of a brand as the CM edits it on the options page (valibot).
 * Everything is trimmed; empty lines are dropped; duplicates (case- and
 * accent-insensitive) are removed; limits keep the matcher small and a pasted
 * 50 MB blob out of storage. An error names the field ("aliases[3]: …").
 */
import * as v from 'valibot';
import { foldTerm } from './normalize';
import type { Brand } from './types';
import { EXPECTED, FieldError, expected, issuePath, issueProblem, problem } from '../validation/problem';

export const MAX_TERMS = 200;
export const MAX_TERM_LENGTH = 100;
export const MAX_BRANDS = 50;

const term = v.pipe(v.string(), v.trim(), v.maxLength(MAX_TERM_LENGTH, `at most ${MAX_TERM_LENGTH} characters`));
/** A list of terms: trimmed, empty lines dropped, the prefix added ("@", "#"), duplicates removed, capped. */
function termList(prefix = '') {
  return v.pipe(
    v.array(term),
    v.transform((list) => dedupe(list.filter((s) => s !== '').map((s) => (prefix === '' || s.startsWith(prefix) ? s : prefix + s)))),
    v.maxLength(MAX_TERMS, `at most ${MAX_TERMS} entries`),
  );
}

export const brandSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,62}$/u, 'lower-case letters, digits and dashes')),
  name: v.pipe(v.string(), v.trim(), v.minLength(1, 'required'), v.maxLength(MAX_TERM_LENGTH, `at most ${MAX_TERM_LENGTH} characters`)),
  aliases: termList(),
  handles: termList('@'),
  hashtags: termList('#'),
  misspellings: termList(),
  exclusions: termList(),
  competitor: v.boolean(),
});

function dedupe(list: string[]): string[] {
  const seen = new Set<string>();
  return list.filter((s) => {
    const k = foldTerm(s);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** A refused brand that names the field ("aliases[3]", "brands[1].name"; "brand" for the value itself). */
export class BrandError extends FieldError {
  override readonly name = 'BrandError';
}

/** A valid brand from untrusted input, or a BrandError naming the first bad field. */
export function parseBrand(input: unknown): Brand {
  const r = v.safeParse(brandSchema, input);
  if (r.success) return r.output;
  const issue = r.issues[0]!;
  throw new BrandError(issuePath(issue.path) || 'brand', issueProblem(issue));
}

/** A list of brands: each valid, ids unique, at most MAX_BRANDS. */
export function parseBrands(input: unknown): Brand[] {
  if (!Array.isArray(input)) throw new BrandError('brands', expected(EXPECTED.array, input));
  if (input.length > MAX_BRANDS) throw new BrandError('brands', problem('problemTooMany', `too many items (${input.length}, at most ${MAX_BRANDS})`, input.length, MAX_BRANDS));
  const out = input.map((b, i) => {
    try {
      return parseBrand(b);
    } catch (e) {
      if (e instanceof BrandError) throw e.within(`brands[${i}]`, 'brand');
      throw e;
    }
  });
  const ids = new Set<string>();
  for (const b of out) {
    if (ids.has(b.id)) throw new BrandError('brands', problem('problemDuplicateBrandId', `the id "${b.id}" is used twice`, b.id));
    ids.add(b.id);
  }
  return out;
}

/** An id for a new brand from its name ("Cafés Acme" → "cafes-acme"), unique among `taken`. */
export function brandIdFor(name: string, taken: Iterable<string>): string {
  const base =
    foldTerm(name)
      .replace(/[^a-z0-9]+/gu, '-')
      .replace(/^-+|-+$/gu, '')
      .slice(0, 50) || 'brand';
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let i = 2; ; i++) if (!used.has(`${base}-${i}`)) return `${base}-${i}`;
}

/** One entry per line (the options page's text areas). */
export function linesOf(text: string): string[] {
  return text.split(/\r?\n/u);
}
