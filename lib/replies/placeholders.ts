/**
 * Placeholders in reply templates: `{author}`, `{handle}`, `{brand}`,
 * `{product}`, `{agent}`, `{order_id}`, `{site}`.
 *
 *   mention + guide + settings ──contextFromMention──▶ ReplyContext ──fillTemplate(text)──▶ {text, filled, missing}
 *
 * - A placeholder is `{` + a lower-case name (letters, digits, "_") + `}`;
 *   any other brace is plain text.
 * - A value that is unknown leaves the placeholder as it is in the text
 *   ("{order_id}"), so the CM sees the gap, and lists it in `missing`; lint.ts
 *   reports it as an error until it is replaced. Unknown names ({coupon}) are
 *   allowed in templates, never filled, and reported the same way.
 * - Filling is one pass: a value that itself contains "{author}" is not
 *   expanded again. Values are plain text put in plain text (no HTML is built
 *   or parsed anywhere): line breaks and control characters are turned into
 *   spaces and values are capped, so a hostile display name cannot reshape
 *   the reply.
 */
import { fold } from '../brands/normalize';
import { SITE_LABELS } from '../sites/labels';
import type { SiteId } from '../sites/types';
import type { StyleGuide } from './guide';

/** The placeholders Veille can fill. */
export const KNOWN_PLACEHOLDERS = ['author', 'handle', 'brand', 'product', 'agent', 'order_id', 'site'] as const;
export type PlaceholderName = (typeof KNOWN_PLACEHOLDERS)[number];

/** Values for the placeholders; null, undefined or blank = unknown. */
export type ReplyContext = Partial<Record<PlaceholderName, string | null>>;

export interface FilledText {
  text: string;
  /** Placeholders that were replaced, in order of first appearance. */
  filled: string[];
  /** Placeholders left in the text (unknown value or unknown name), in order of first appearance. */
  missing: string[];
}

/** Longest value put in a reply. */
const MAX_VALUE = 120;
const PLACEHOLDER = /\{([a-z][a-z0-9_]{0,31})\}/gu;

export function isKnownPlaceholder(name: string): name is PlaceholderName {
  return (KNOWN_PLACEHOLDERS as readonly string[]).includes(name);
}

/** The placeholder names in a text, each once, in order. */
export function listPlaceholders(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) if (!out.includes(m[1]!)) out.push(m[1]!);
  return out;
}

/** Placeholder names in a text that Veille cannot fill (reported to the CM when a template is saved). */
export function unknownPlaceholders(text: string): string[] {
  return listPlaceholders(text).filter((n) => !isKnownPlaceholder(n));
}

/** The placeholders of a text with their offsets (lint.ts). */
export function findPlaceholders(text: string): Array<{ name: string; start: number; end: number }> {
  return [...text.matchAll(PLACEHOLDER)].map((m) => ({ name: m[1]!, start: m.index, end: m.index + m[0].length }));
}

/** A value fit for a one-line slot: control characters and line breaks → space, whitespace collapsed, capped. */
export function cleanValue(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  // eslint-disable-next-line no-control-regex
  const s = value.replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]/gu, ' ').replace(/\s+/gu, ' ').trim();
  if (s === '') return null;
  return [...s].slice(0, MAX_VALUE).join('');
}

/** Replace the placeholders of `text` whose value `ctx` knows; see the module comment. */
export function fillTemplate(text: string, ctx: ReplyContext): FilledText {
  const filled: string[] = [];
  const missing: string[] = [];
  const out = text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = isKnownPlaceholder(name) ? cleanValue(ctx[name]) : null;
    if (value === null) {
      if (!missing.includes(name)) missing.push(name);
      return whole;
    }
    if (!filled.includes(name)) filled.push(name);
    return value;
  });
  return { text: out, filled, missing };
}

// ---------------------------------------------------------------------------
// Context from a mention
// ---------------------------------------------------------------------------

/** The parts of a stored mention (lib/storage MentionRow fits) that replies use. */
export interface MentionLike {
  text: string;
  site: SiteId;
  author?: string | null;
  handle?: string | null;
  lang?: 'fr' | 'en' | 'other';
  sentiment?: { label: 'positive' | 'neutral' | 'negative' } | null;
  rating?: number | null;
  /** Intents when already known; otherwise rank.ts classifies the text. */
  intents?: readonly string[];
}

export interface ContextOptions {
  /** The CM's name as set in the settings ({agent}). */
  agent?: string | null;
  /** The brand's display name ({brand}), e.g. Brand.name. */
  brand?: string | null;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Where `term` occurs in `text` on word boundaries, case- and
 * accent-insensitively (lib/brands/normalize.ts `fold`): offsets in the
 * original text. Shared with lint.ts.
 */
export function findTerm(folded: ReturnType<typeof fold>, original: string, term: string): Array<{ start: number; end: number }> {
  const needle = fold(term).text.trim();
  if (needle === '') return [];
  const out: Array<{ start: number; end: number }> = [];
  const hay = folded.text;
  const edgeBefore = WORD_CHAR.test(needle[0]!);
  const edgeAfter = WORD_CHAR.test(needle[needle.length - 1]!);
  let from = 0;
  for (;;) {
    const i = hay.indexOf(needle, from);
    if (i < 0) break;
    const j = i + needle.length;
    const okBefore = !edgeBefore || i === 0 || !WORD_CHAR.test(hay[i - 1]!);
    const okAfter = !edgeAfter || j >= hay.length || !WORD_CHAR.test(hay[j]!);
    if (okBefore && okAfter) {
      const start = folded.map[i]!;
      // End: just after the last original unit that produced folded unit j-1.
      let end = folded.map[j]!;
      const lastStart = folded.map[j - 1]!;
      if (end <= lastStart) end = lastStart + 1;
      // Keep combining marks that follow (fold drops them, so map[j] already points past them).
      out.push({ start, end: Math.min(end, original.length) });
      from = j;
    } else {
      from = i + 1;
    }
  }
  return out;
}

/**
 * An order number in the text: after "commande" / "order" (and optionally
 * "n°", "no.", "numéro", "number", "#", ":"), a token of 4 to 20 letters,
 * digits or dashes holding at least 4 digits ("commande n° AC-2024-5531",
 * "order #88412907"). The keyword is required, so phone numbers and prices
 * are not taken.
 */
const ORDER_ID =
  /(?<![\p{L}\p{N}])(?:commande|cmd|cde|order)\s*(?:(?:n°|nº|no\.?|num[ée]ro|number|#|:)\s*){0,3}([A-Z0-9][A-Z0-9-]{3,19})(?![\p{L}\p{N}-])/giu;

export function findOrderId(text: string): string | null {
  for (const m of text.slice(0, 10_000).matchAll(ORDER_ID)) {
    const id = m[1]!;
    if ((id.match(/\d/gu)?.length ?? 0) >= 4) return id;
  }
  return null;
}

/** The first product of the guide named in the text (by its name or a misspelling), as correctly spelt. */
export function findProduct(text: string, guide: StyleGuide): string | null {
  const folded = fold(text.slice(0, 10_000));
  let best: { at: number; name: string } | null = null;
  for (const p of guide.vocabulary.products) {
    for (const term of [p.name, ...p.misspellings]) {
      const hit = findTerm(folded, text, term)[0];
      if (hit && (best === null || hit.start < best.at)) best = { at: hit.start, name: p.name };
    }
  }
  return best?.name ?? null;
}

/** "@lea" from "lea" or "@lea"; null when empty. */
function asAt(handle: string | null | undefined): string | null {
  const h = cleanValue(handle)?.replace(/^@+/u, '');
  return h ? '@' + h : null;
}

/** The placeholder values for replying to `mention`. */
export function contextFromMention(mention: MentionLike, guide: StyleGuide, opts: ContextOptions = {}): ReplyContext {
  return {
    author: cleanValue(mention.author),
    handle: asAt(mention.handle),
    brand: cleanValue(opts.brand),
    product: findProduct(mention.text, guide),
    agent: cleanValue(opts.agent),
    order_id: findOrderId(mention.text),
    site: SITE_LABELS[mention.site] ?? null,
  };
}
