/**
 * The brand's style guide for replies ("charte éditoriale"), one per brand:
 * its voice, its vocabulary, per-platform rules, the disclosure of partner
 * offers and the reply templates the brand board validated.
 *
 * ```
 *  StyleGuide (brandId, languages ['fr', 'en'] — the first is the default)
 *   ├─ voice        tone words · emoji policy · per language: formality, signature (full / short),
 *   │               greetings, closings
 *   ├─ vocabulary   banned terms (+ replacement, reason) · required terms · product names (+ misspellings)
 *   ├─ platforms    per SiteId: maxLength, links allowed or not, move to private messages, signature form
 *   ├─ disclosure   per language: accepted tags (#partenariat, #ad) and trigger words of a partner offer
 *   └─ templates    text with {placeholders}, lang, intents, sentiments, platforms, keywords,
 *                   validation: draft | validated (by, at) — any edit of a validated template's
 *                   content sends it back to draft (editTemplate)
 * ```
 *
 * Plain data, checked by one valibot schema (`parseGuide`). Everything that
 * comes from outside (an imported file, storage) goes through it; a refusal
 * is a `GuideError` that names the field ("templates[3].text: expected a
 * string") and nothing is applied: parsing builds a new object and either
 * returns all of it or throws.
 *
 * The file format (`exportGuide` / `importGuide`) is one JSON object
 * `{format: 'veille-style-guide', version, exportedAt, guide}`; import errors
 * name the field in the file ("guide.templates[3].text"). Imports are
 * hostile until proven otherwise: the size is checked before JSON.parse,
 * every string and list is capped, keys that could pollute prototypes
 * ("__proto__", "constructor", "prototype") are refused anywhere in the
 * file, unknown fields are dropped, and a file from a newer Veille is
 * refused rather than half-read. Template text is plain text: it is never
 * parsed as HTML here, and UIs render it as text.
 *
 * Nothing here runs on import and nothing touches storage or messaging.
 */
import * as v from 'valibot';
import { SITE_IDS } from '../sites/types';
import { EXPECTED, FieldError, expected, issuePath, issueProblem, problem } from '../validation/problem';
import type { SiteId } from '../sites/types';

/** Version of the guide format; bump it (and add a migration in `importGuide`) when the shape changes. */
export const GUIDE_VERSION = 1;
/** The `format` field of an exported file. */
export const GUIDE_FORMAT = 'veille-style-guide';

/** Largest file `importGuide` reads, in characters (checked before JSON.parse). */
export const MAX_IMPORT_CHARS = 5_000_000;
export const MAX_TEMPLATES = 500;
export const MAX_TEMPLATE_TEXT = 5_000;
/** Cap of short strings: titles, terms, tags, names, greetings. */
export const MAX_SHORT = 200;
/** Cap of reasons and signatures. */
export const MAX_MEDIUM = 500;
/** Cap of the word lists (banned terms, products, triggers...). */
export const MAX_LIST = 500;

export const GUIDE_LANGS = ['fr', 'en'] as const;
export type GuideLang = (typeof GUIDE_LANGS)[number];

/**
 * What a template answers. The first five are what lib/intent/classify.ts
 * finds; refund, delivery and crisis are finer topics (see rank.ts `mentionIntents`).
 */
export const TEMPLATE_INTENTS = ['complaint', 'question', 'request', 'praise', 'refund', 'delivery', 'crisis', 'other'] as const;
export type TemplateIntent = (typeof TEMPLATE_INTENTS)[number];

export const SENTIMENTS = ['positive', 'neutral', 'negative'] as const;
export type Sentiment = (typeof SENTIMENTS)[number];

export const EMOJI_POLICIES = ['none', 'sparing', 'free'] as const;
/** none: no emoji at all · sparing: at most a couple (lint.ts MAX_SPARING_EMOJI) · free. */
export type EmojiPolicy = (typeof EMOJI_POLICIES)[number];

export const LINK_POLICIES = ['allowed', 'none'] as const;
export type LinkPolicy = (typeof LINK_POLICIES)[number];

export const SIGNATURE_FORMS = ['full', 'short', 'none'] as const;
/** Which signature a platform's replies carry (X and TikTok are short; a review reply is signed in full). */
export type SignatureForm = (typeof SIGNATURE_FORMS)[number];

/** Per-language part of the voice. */
export interface LangVoice<F extends string> {
  /** French: 'vous' | 'tu'; English: 'formal' | 'casual'. */
  formality: F;
  /** Full signature, may hold placeholders: "— {agent}, équipe Acme". */
  signature: string;
  /** Short signature for short platforms: "^{agent}". */
  shortSignature: string;
  /** Greeting forms the brand uses ("Bonjour {author},"). */
  greetings: string[];
  /** Closing forms ("Belle journée,", "À très vite,"). */
  closings: string[];
}

export interface Voice {
  /** Tone words, for the people who write ("chaleureux", "concret", "sincère"). */
  tone: string[];
  emoji: EmojiPolicy;
  /** Required when 'fr' is one of the guide's languages. */
  fr?: LangVoice<'vous' | 'tu'>;
  /** Required when 'en' is one of the guide's languages. */
  en?: LangVoice<'formal' | 'casual'>;
}

export interface BannedTerm {
  /** Word or phrase, matched on word boundaries, case- and accent-insensitively. */
  term: string;
  /** What to write instead (the lint fix). */
  replacement?: string;
  /** Why it is banned (shown with the finding). */
  reason: string;
  /** Only in this language; absent = every language. */
  lang?: GuideLang;
}

export interface RequiredTerm {
  /** A term the brand insists on ("équipe Acme", "torréfié à Lyon"). */
  term: string;
  reason: string;
  lang?: GuideLang;
}

export interface ProductName {
  /** The correct spelling, as written ("AcmeBox"). */
  name: string;
  /** Wrong spellings seen in drafts ("Acme box", "Acme-Box"); a different case of the name is caught anyway. */
  misspellings: string[];
}

export interface Vocabulary {
  banned: BannedTerm[];
  required: RequiredTerm[];
  products: ProductName[];
}

export interface PlatformRules {
  /** Longest reply, counted as the site counts (lint.ts `measureLength`); null = no limit. */
  maxLength: number | null;
  links: LinkPolicy;
  /** Personal matters (order numbers, addresses) move to private messages on this platform. */
  moveToPrivate: boolean;
  /** @default 'full' when absent */
  signature?: SignatureForm;
}

export interface Disclosure {
  /** Accepted tags per language (fr: #sponsorisé, #partenariat; en: #ad, #sponsored). The first is the one the fix adds. */
  tags: Record<GuideLang, string[]>;
  /** Words that mark a partner or promotional offer (code promo, partenaire; discount code, partner). */
  triggers: Record<GuideLang, string[]>;
}

export type Validation = { state: 'draft' } | { state: 'validated'; by: string; at: string };

export interface ReplyTemplate {
  /** Unique in the guide. */
  id: string;
  /** For the CM's list, never sent. */
  title: string;
  /** Plain text with {placeholders} (placeholders.ts). */
  text: string;
  lang: GuideLang;
  /** What it answers (at least one). */
  intents: TemplateIntent[];
  /** Sentiments it suits; empty = any. */
  sentiments: Sentiment[];
  /** Sites it is written for; empty = any. */
  platforms: SiteId[];
  /**
   * Words the mention must contain for this template to be suggested (any one,
   * word-bounded, case- and accent-insensitive), e.g. a partner offer only
   * for mentions of mugs. Absent or empty = no condition.
   */
  keywords?: string[];
  validation: Validation;
  /** ISO time of the last content change. */
  updatedAt: string;
}

export interface StyleGuide {
  /** The Brand.id it belongs to. */
  brandId: string;
  /** Languages the brand replies in; the first answers mentions in other languages. */
  languages: GuideLang[];
  voice: Voice;
  vocabulary: Vocabulary;
  platforms: Partial<Record<SiteId, PlatformRules>>;
  disclosure: Disclosure;
  templates: ReplyTemplate[];
  /** ISO time of the last change of the guide. */
  updatedAt: string;
}

/** A refusal of a style guide that names the field: `path` is "templates[3].text", "(file)" or "(root)". */
export class GuideError extends FieldError {
  override readonly name = 'GuideError';
}

// ---------------------------------------------------------------------------
// Schema
// ---------------------------------------------------------------------------

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const nonEmpty = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max));
const list = <T extends v.GenericSchema>(item: T, max = MAX_LIST) => v.pipe(v.array(item), v.maxLength(max));
const isoTime = v.pipe(v.string(), v.maxLength(40), v.isoTimestamp());
const unique = <T>(items: readonly T[]): boolean => new Set(items).size === items.length;

const langVoice = <F extends string>(formalities: readonly [F, ...F[]]) =>
  v.object({
    formality: v.picklist(formalities),
    signature: text(MAX_MEDIUM),
    shortSignature: text(MAX_SHORT),
    greetings: list(nonEmpty(MAX_SHORT), 50),
    closings: list(nonEmpty(MAX_SHORT), 50),
  });

const voiceSchema = v.object({
  tone: list(nonEmpty(MAX_SHORT), 50),
  emoji: v.picklist(EMOJI_POLICIES),
  fr: v.optional(langVoice(['vous', 'tu'] as const)),
  en: v.optional(langVoice(['formal', 'casual'] as const)),
});

const langSchema = v.picklist(GUIDE_LANGS);

const vocabularySchema = v.object({
  banned: list(
    v.object({
      term: nonEmpty(MAX_SHORT),
      replacement: v.optional(text(MAX_SHORT)),
      reason: nonEmpty(MAX_MEDIUM),
      lang: v.optional(langSchema),
    }),
  ),
  required: list(v.object({ term: nonEmpty(MAX_SHORT), reason: nonEmpty(MAX_MEDIUM), lang: v.optional(langSchema) })),
  products: list(v.object({ name: nonEmpty(MAX_SHORT), misspellings: list(nonEmpty(MAX_SHORT), 50) })),
});

const platformSchema = v.object({
  maxLength: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1_000_000))),
  links: v.picklist(LINK_POLICIES),
  moveToPrivate: v.boolean(),
  signature: v.optional(v.picklist(SIGNATURE_FORMS)),
});

const platformsSchema = v.partial(
  v.object(Object.fromEntries(SITE_IDS.map((id) => [id, platformSchema])) as Record<SiteId, typeof platformSchema>),
);

const perLang = <T extends v.GenericSchema>(item: T) => v.object({ fr: item, en: item });

const disclosureSchema = v.object({
  tags: perLang(list(v.pipe(nonEmpty(MAX_SHORT), v.startsWith('#', 'a tag starts with "#"')), 20)),
  triggers: perLang(list(nonEmpty(MAX_SHORT))),
});

const validationSchema = v.variant('state', [
  v.object({ state: v.literal('draft') }),
  v.object({ state: v.literal('validated'), by: nonEmpty(MAX_SHORT), at: isoTime }),
]);

export const templateSchema = v.object({
  id: v.pipe(nonEmpty(100), v.regex(/^[\w.-]+$/u, 'letters, digits, "-", "_" and "." only')),
  title: nonEmpty(MAX_SHORT),
  text: v.pipe(nonEmpty(MAX_TEMPLATE_TEXT)),
  lang: langSchema,
  intents: v.pipe(list(v.picklist(TEMPLATE_INTENTS), TEMPLATE_INTENTS.length), v.minLength(1), v.check(unique, 'listed twice')),
  sentiments: v.pipe(list(v.picklist(SENTIMENTS), SENTIMENTS.length), v.check(unique, 'listed twice')),
  platforms: v.pipe(list(v.picklist(SITE_IDS), SITE_IDS.length), v.check(unique, 'listed twice')),
  keywords: v.optional(list(nonEmpty(MAX_SHORT), 50)),
  validation: validationSchema,
  updatedAt: isoTime,
});

export const guideSchema = v.object({
  brandId: nonEmpty(64),
  languages: v.pipe(list(langSchema, GUIDE_LANGS.length), v.minLength(1), v.check(unique, 'listed twice')),
  voice: voiceSchema,
  vocabulary: vocabularySchema,
  platforms: platformsSchema,
  disclosure: disclosureSchema,
  templates: list(templateSchema, MAX_TEMPLATES),
  updatedAt: isoTime,
});

// Compile-time check that the schema's output is the StyleGuide type (both ways).
type SchemaGuide = v.InferOutput<typeof guideSchema>;
const _toType = (g: SchemaGuide): StyleGuide => g;
const _fromType = (g: StyleGuide): SchemaGuide => g;
void _toType;
void _fromType;

// ---------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------

/** "templates[3].text" from a valibot issue path; "(root)" for the value itself. */
const formatPath = (path: readonly { key: unknown }[] | undefined): string => issuePath(path) || '(root)';

/** Keys that would set a prototype if some later code merged the object naively. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Throws when any object in `root` has a key in FORBIDDEN_KEYS. Iterative (an
 * explicit stack), so a deeply nested hostile file cannot overflow the call
 * stack; stops after `budget` nodes (the size cap keeps real files far below).
 */
function refuseForbiddenKeys(root: unknown): void {
  const stack: Array<{ value: unknown; path: string }> = [{ value: root, path: '' }];
  let budget = 2_000_000;
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (--budget < 0) throw new GuideError('(file)', problem('problemTooManyValues', 'too many values'));
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: `${path}[${i}]` });
      continue;
    }
    for (const key of Object.keys(value)) {
      const at = path === '' ? key : `${path}.${key}`;
      if (FORBIDDEN_KEYS.has(key)) throw new GuideError(at, problem('problemForbiddenKey', `the key "${key}" is not allowed`, key));
      stack.push({ value: (value as Record<string, unknown>)[key], path: at });
    }
  }
}

/** Checks across fields that the schema cannot express field by field. */
function checkConsistency(g: StyleGuide): void {
  for (const lang of g.languages) {
    if (!g.voice[lang]) throw new GuideError(`voice.${lang}`, problem('problemVoiceMissing', `missing, but "${lang}" is one of the guide's languages`, lang));
  }
  const seen = new Set<string>();
  g.templates.forEach((t, i) => {
    if (seen.has(t.id)) throw new GuideError(`templates[${i}].id`, problem('problemDuplicateId', `"${t.id}" is used by another template`, t.id));
    seen.add(t.id);
    if (!g.languages.includes(t.lang)) throw new GuideError(`templates[${i}].lang`, problem('problemLangNotInGuide', `"${t.lang}" is not one of the guide's languages`, t.lang));
  });
}

/**
 * A checked StyleGuide from untrusted data, or a GuideError naming the first
 * bad field. Unknown fields are dropped; the input is never modified.
 */
export function parseGuide(json: unknown): StyleGuide {
  refuseForbiddenKeys(json);
  const result = v.safeParse(guideSchema, json, { abortEarly: true });
  if (!result.success) {
    const issue = result.issues[0]!;
    throw new GuideError(formatPath(issue.path), issueProblem(issue));
  }
  const guide: StyleGuide = result.output;
  checkConsistency(guide);
  return guide;
}

/** A checked ReplyTemplate (same rules as inside a guide). */
export function parseTemplate(json: unknown): ReplyTemplate {
  refuseForbiddenKeys(json);
  const result = v.safeParse(templateSchema, json, { abortEarly: true });
  if (!result.success) {
    const issue = result.issues[0]!;
    throw new GuideError(formatPath(issue.path), issueProblem(issue));
  }
  return result.output;
}

// ---------------------------------------------------------------------------
// Templates: edit and validation
// ---------------------------------------------------------------------------

/** The fields of a template an edit may change. */
export type TemplateChanges = Partial<Pick<ReplyTemplate, 'title' | 'text' | 'lang' | 'intents' | 'sentiments' | 'platforms' | 'keywords'>>;

/** Fields whose change sends a validated template back to draft: what is published and where. */
const CONTENT_FIELDS = ['text', 'lang', 'intents', 'sentiments', 'platforms', 'keywords'] as const;

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

/**
 * The template with `changes` applied (a new object; `t` is not modified).
 * - A change of text, language, intents, sentiments, platforms or keywords of a
 *   validated template sends it back to draft: the board validated what is
 *   published and where, not a similar text.
 * - The title is the CM's label for the list and is never published, so a
 *   title-only edit keeps the validation.
 * - A change that sets the same values changes nothing (same object back).
 * `updatedAt` becomes `now` when anything changed. The result is checked
 * (parseTemplate), so an edit cannot produce a template an import would refuse.
 */
export function editTemplate(t: ReplyTemplate, changes: TemplateChanges, now: Date): ReplyTemplate {
  const keys = (Object.keys(changes) as Array<keyof TemplateChanges>).filter(
    (k) => changes[k] !== undefined && !sameValue(changes[k], t[k]),
  );
  if (keys.length === 0) return t;
  const contentChanged = keys.some((k) => (CONTENT_FIELDS as readonly string[]).includes(k));
  const next: ReplyTemplate = {
    ...t,
    ...Object.fromEntries(keys.map((k) => [k, Array.isArray(changes[k]) ? [...(changes[k] as unknown[])] : changes[k]])),
    validation: contentChanged ? { state: 'draft' } : t.validation,
    updatedAt: now.toISOString(),
  };
  return parseTemplate(next);
}

/** The template validated by `by` (the board member or the brand board) at `now`. */
export function validateTemplate(t: ReplyTemplate, by: string, now: Date): ReplyTemplate {
  const who = by.trim();
  if (who === '') throw new GuideError('validation.by', problem('problemEmpty', 'must not be empty'));
  return { ...t, validation: { state: 'validated', by: who.slice(0, MAX_SHORT), at: now.toISOString() } };
}

/** Whether a template may be suggested (only validated ones are). */
export function isValidated(t: ReplyTemplate): boolean {
  return t.validation.state === 'validated';
}

// ---------------------------------------------------------------------------
// Export / import
// ---------------------------------------------------------------------------

/** The exported file's top level. */
export interface GuideFile {
  format: typeof GUIDE_FORMAT;
  version: number;
  exportedAt: string;
  guide: StyleGuide;
}

/**
 * One JSON file with the whole guide. The guide is checked first, so Veille
 * never writes a file it would refuse to import.
 */
export function exportGuide(guide: StyleGuide, now: Date = new Date()): string {
  const file: GuideFile = { format: GUIDE_FORMAT, version: GUIDE_VERSION, exportedAt: now.toISOString(), guide: parseGuide(guide) };
  return JSON.stringify(file, null, 2);
}

/**
 * The guide of an exported file, or a GuideError. Checks in this order, so
 * the cheap ones protect the expensive ones: size (before JSON.parse), JSON
 * syntax, forbidden keys, format, version, then the guide itself. Nothing is
 * returned unless everything passed, so an import is never applied in part.
 */
export function importGuide(text: string): StyleGuide {
  if (typeof text !== 'string') throw new GuideError('(file)', problem('problemNotText', 'expected the text of a file'));
  if (text.length > MAX_IMPORT_CHARS) {
    throw new GuideError('(file)', problem('problemFileTooLarge', `too large (${text.length} characters, at most ${MAX_IMPORT_CHARS})`, text.length, MAX_IMPORT_CHARS));
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new GuideError('(file)', problem('problemNotJson', 'not a JSON file'));
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new GuideError('(root)', expected(EXPECTED.object, data));
  refuseForbiddenKeys(data);
  const file = data as Record<string, unknown>;
  if (file.format !== GUIDE_FORMAT) throw new GuideError('format', problem('problemNotGuide', `expected "${GUIDE_FORMAT}": this is not a Veille style guide`, GUIDE_FORMAT));
  const version = file.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw new GuideError('version', problem('problemUnknownVersion', 'unknown version'));
  if (version > GUIDE_VERSION) {
    throw new GuideError(
      'version',
      problem('problemNewerVersion', `version ${version} was written by a newer Veille; this one reads up to version ${GUIDE_VERSION}`, version, GUIDE_VERSION),
    );
  }
  // Older versions would be migrated here, one step at a time, before parsing.
  if (file.guide === undefined) throw new GuideError('guide', problem('problemMissing', 'missing'));
  try {
    return parseGuide(file.guide);
  } catch (e) {
    // Paths name the field in the file: "guide.templates[3].text".
    if (e instanceof GuideError) throw e.within('guide');
    throw e;
  }
}
