/**
 * Checks a reply draft against the brand's style guide before it is sent.
 *
 *   lintDraft(draft, guide, {lang, site, context?}) → Finding[]  (sorted by position)
 *   applyFix(draft, finding) → draft'                           (one fix; a stale finding changes nothing)
 *   applyAllFixes(draft, findings) → draft'                     (every fix that does not overlap another)
 *
 * Each finding names its rule, where it is (UTF-16 offsets in the draft),
 * why (a message key of public/_locales with its substitutions, so the UI
 * shows it in the CM's language) and, when there is a safe one, a fix.
 *
 * | rule           | severity | what                                                               | fix                      |
 * |----------------|----------|--------------------------------------------------------------------|--------------------------|
 * | banned-term    | error    | a banned word or phrase (word-bounded, case/accent-insensitive)    | the preferred term       |
 * | formality      | error    | fr: tutoiement when the guide says vous, vouvoiement when it says  | vous/votre/vos, the verb |
 * |                |          | tu, or both mixed; en: casual words ("gonna") when it says formal  | in the right person      |
 * | verb-person    | error    | fr: "vous peux", "tu pouvez" (common verbs only)                   | the right form           |
 * | length         | error    | longer than the platform allows, counted as the site counts        | —                        |
 * | signature      | warning  | the platform's signature form (full or short) is missing           | append it                |
 * | shouting       | warning  | 2+ words in capitals (4+ letters, no digit, not acronyms or        | lower case, "!"          |
 * |                |          | product/brand names), or "!!" and more                             |                          |
 * | disclosure     | error    | a partner-offer trigger ("code promo") with no accepted tag        | append #partenariat/#ad  |
 * | link           | error    | a link where the platform's link policy is 'none'                  | —                        |
 * | product-name   | warning  | a product name misspelt ("Acme box", "acmebox")                    | the right spelling       |
 * | emoji          | warning  | an emoji when the policy is 'none'; beyond 2 when 'sparing'        | remove it                |
 * | placeholder    | error    | a placeholder left unfilled ("{order_id}"), or an unknown one       | the value, when known    |
 *
 * Matching goes through lib/brands/normalize.ts `fold` (case, accents,
 * apostrophes, invisible characters) with its offset map, so findings point
 * at the text as the CM wrote it. Everything is plain text: no HTML is
 * parsed or produced.
 */
import { fold } from '../brands/normalize';
import { SITE_LABELS } from '../sites/labels';
import type { SiteId } from '../sites/types';
import type { GuideLang, SignatureForm, StyleGuide } from './guide';
import { fillTemplate, findPlaceholders, findTerm, isKnownPlaceholder } from './placeholders';
import type { ReplyContext } from './placeholders';

export const LINT_RULES = [
  'banned-term',
  'formality',
  'verb-person',
  'length',
  'signature',
  'shouting',
  'disclosure',
  'link',
  'product-name',
  'emoji',
  'placeholder',
] as const;
export type LintRule = (typeof LINT_RULES)[number];

/** Message keys of public/_locales/<lang>/messages.json used by findings (a test checks both files). */
export const LINT_MESSAGE_KEYS = [
  'replyLintBanned',
  'replyLintBannedReplace',
  'replyLintTuInVousGuide',
  'replyLintVousInTuGuide',
  'replyLintMixedRegister',
  'replyLintCasualInFormal',
  'replyLintVerbPerson',
  'replyLintTooLong',
  'replyLintSignature',
  'replyLintShoutingCaps',
  'replyLintShoutingMarks',
  'replyLintDisclosure',
  'replyLintLink',
  'replyLintProductName',
  'replyLintEmojiNone',
  'replyLintEmojiSparing',
  'replyLintPlaceholder',
  'replyLintPlaceholderUnknown',
] as const;
export type LintMessageKey = (typeof LINT_MESSAGE_KEYS)[number];

export type LintFix = { replacement: string } | { append: string };

export interface Finding {
  rule: LintRule;
  severity: 'error' | 'warning';
  /** UTF-16 offsets in the draft; start === end === draft.length for something missing. */
  start: number;
  end: number;
  /** draft.slice(start, end) when the finding was made (applyFix checks it is still there). */
  found: string;
  /** Why, as a message key and its substitutions (in order). */
  messageKey: LintMessageKey;
  args: string[];
  fix?: LintFix;
}

export interface LintOptions {
  /** The draft's language. */
  lang: GuideLang;
  site: SiteId;
  /**
   * Placeholder values (agent, brand…) used by the fixes of `placeholder` and
   * `signature`; the author's name and handle found in the draft are left
   * alone by the wording rules (NAME_SAFE_RULES).
   */
  context?: ReplyContext;
}

/** At most this many emojis when the guide's emoji policy is 'sparing'. */
export const MAX_SPARING_EMOJI = 2;
/** Words in capitals tolerated before it reads as shouting (one word of emphasis is fine). */
export const MAX_CAPS_WORDS = 1;

// ---------------------------------------------------------------------------
// Shared text helpers
// ---------------------------------------------------------------------------

type Folded = ReturnType<typeof fold>;

/** Own keys only: a draft word such as "constructor" must not find Object.prototype. */
function hasKey(table: object, key: string): boolean {
  return Object.hasOwn(table, key);
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** `replacement` in the case of `original`: "PROBLÈME" → upper case, "Problème" → capital first letter. */
function matchCase(original: string, replacement: string): string {
  const letters = original.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return replacement.toUpperCase();
  const first = original.match(/\p{L}/u)?.[0];
  if (first && first === first.toUpperCase() && first !== first.toLowerCase()) return capitalise(replacement);
  return replacement;
}

/** Words of the folded text (letters, with an elided apostrophe kept: "t'"), with offsets in the original text. */
interface Word {
  /** Folded form ("vous", "t'", "peux"). */
  w: string;
  start: number;
  end: number;
  /** Folded index, to look at what is between two words. */
  fStart: number;
  fEnd: number;
}

function wordsOf(f: Folded, original: string): Word[] {
  const out: Word[] = [];
  for (const m of f.text.matchAll(/\p{L}+'?/gu)) {
    const fStart = m.index;
    const fEnd = fStart + m[0].length;
    const start = f.map[fStart]!;
    let end = f.map[fEnd]!;
    if (end <= f.map[fEnd - 1]!) end = f.map[fEnd - 1]! + 1;
    out.push({ w: m[0], start, end: Math.min(end, original.length), fStart, fEnd });
  }
  return out;
}

// ---------------------------------------------------------------------------
// Length as each site counts it
// ---------------------------------------------------------------------------

/** http(s) URLs, www. addresses and bare domains with a common TLD ("acme.fr/aide"); trailing punctuation excluded. */
const URL_RE =
  /(?:https?:\/\/|www\.)[^\s<>"«»]+|(?<![\p{L}\p{N}@.\-/])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:com|fr|net|org|io|co|eu|be|ch|ca|uk|de|shop|store|app|ly|gl|me)(?:\/[^\s<>"«»]*)?(?![\p{L}\p{N}])/giu;

/** The links of a text with their offsets. */
export function findLinks(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (const m of text.matchAll(URL_RE)) {
    const url = m[0].replace(/[.,;:!?)\]}'’]+$/u, '');
    if (url.length > 0) out.push({ start: m.index, end: m.index + url.length });
  }
  return out;
}

/**
 * One emoji: a flag (two regional indicators), a keycap, or a pictographic
 * character with its variation selector, skin tone and ZWJ-joined parts.
 * ©, ® and ™ count only when written with the emoji variation selector.
 */
const EMOJI_RE =
  /\p{RI}\p{RI}|[#*0-9]\uFE0F?\u20E3|(?:(?![\u00A9\u00AE\u2122])\p{Extended_Pictographic}|[\u00A9\u00AE\u2122]\uFE0F)(?:\uFE0F|\p{EMod})*(?:\u200D\p{Extended_Pictographic}(?:\uFE0F|\p{EMod})*)*/gu;

/** The emojis of a text with their offsets. */
export function findEmojis(text: string): Array<{ start: number; end: number }> {
  return [...text.matchAll(EMOJI_RE)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** twitter-text: a URL counts as a t.co link. */
const X_URL_WEIGHT = 23;

/** twitter-text's light ranges (weight 1): Latin, Greek, Cyrillic… and some punctuation. Everything else weighs 2. */
function xWeight(cp: number): number {
  return cp <= 4351 || (cp >= 8192 && cp <= 8205) || (cp >= 8208 && cp <= 8223) || (cp >= 8242 && cp <= 8247) ? 1 : 2;
}

/** Pieces of the text with their weight on a site; `measureLength` sums them, the length rule finds where the limit falls. */
function weighedPieces(text: string, site: SiteId): Array<{ start: number; end: number; weight: number }> {
  const pieces: Array<{ start: number; end: number; weight: number }> = [];
  const specials =
    site === 'x'
      ? [...findLinks(text).map((l) => ({ ...l, weight: X_URL_WEIGHT })), ...findEmojis(text).map((e) => ({ ...e, weight: 2 }))]
          .sort((a, b) => a.start - b.start)
      : [];
  let i = 0;
  let k = 0;
  while (i < text.length) {
    const sp = specials[k];
    if (sp && sp.start <= i) {
      if (sp.end > i) {
        pieces.push({ start: i, end: sp.end, weight: sp.weight });
        i = sp.end;
      }
      k++;
      continue;
    }
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    pieces.push({ start: i, end: i + width, weight: site === 'x' ? xWeight(cp) : 1 });
    i += width;
  }
  return pieces;
}

/**
 * The length of `text` as `site` counts it:
 * - X (twitter-text's weighted length): each URL counts 23 (t.co), each
 *   emoji (a whole ZWJ sequence, flag or keycap) 2, Latin, Greek, Cyrillic and
 *   common punctuation 1, other characters (CJK…) 2. Counted on the text as
 *   written: twitter-text normalises to NFC first, which differs only for
 *   decomposed accents.
 * - every other site: Unicode code points (an emoji built of several code
 *   points counts several). Their exact rules are not public; code points
 *   err on the long side of what they display.
 */
export function measureLength(text: string, site: SiteId): number {
  let n = 0;
  for (const p of weighedPieces(text, site)) n += p.weight;
  return n;
}

// ---------------------------------------------------------------------------
// French register (tu / vous)
// ---------------------------------------------------------------------------

/** Tutoiement markers (folded) and their vouvoiement replacement. */
const TU_FORMS: Readonly<Record<string, string>> = { tu: 'vous', te: 'vous', toi: 'vous', ton: 'votre', ta: 'votre', tes: 'vos', "t'": 'vous ' };
/** Vouvoiement markers (folded) and their tutoiement replacement when there is only one ("votre" could be ton or ta). */
const VOUS_FORMS: Readonly<Record<string, string | null>> = { vous: null, votre: null, vos: 'tes' };
/** "ton" after these is the noun (the tone), not the possessive: "le ton", "un ton". */
const TON_NOUN_BEFORE = new Set(['le', 'un', 'du', 'ce', 'quel', 'meme', 'bon', 'au', 'cet']);

/** Common verbs: second person singular (folded) → plural, as written. */
const TU_TO_VOUS_VERB: Readonly<Record<string, string>> = {
  peux: 'pouvez',
  veux: 'voulez',
  as: 'avez',
  es: 'êtes',
  sais: 'savez',
  dois: 'devez',
  fais: 'faites',
  vas: 'allez',
  dis: 'dites',
  vois: 'voyez',
  prends: 'prenez',
  viens: 'venez',
  recois: 'recevez',
  mets: 'mettez',
  ecris: 'écrivez',
  attends: 'attendez',
  reponds: 'répondez',
  connais: 'connaissez',
  crois: 'croyez',
};
/** The reverse: plural (folded) → second person singular, as written. */
const VOUS_TO_TU_VERB: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.entries(TU_TO_VOUS_VERB).map(([tu, vous]) => [fold(vous).text, tu === 'recois' ? 'reçois' : tu === 'ecris' ? 'écris' : tu === 'reponds' ? 'réponds' : tu])),
};

/** "trouvez" ← "trouves", "peux" ← table; null when unsure. */
function verbToVous(folded: string, original: string): string | null {
  const irregular = hasKey(TU_TO_VOUS_VERB, folded) ? TU_TO_VOUS_VERB[folded] : undefined;
  if (irregular) return irregular;
  // A regular -er verb: "tu trouves" → "vous trouvez".
  if (/^\p{L}{3,}es$/u.test(folded)) return original.slice(0, -1) + 'z';
  return null;
}

function verbToTu(folded: string, original: string): string | null {
  const irregular = hasKey(VOUS_TO_TU_VERB, folded) ? VOUS_TO_TU_VERB[folded] : undefined;
  if (irregular) return irregular;
  if (/^\p{L}{3,}ez$/u.test(folded) && folded !== 'chez') return original.slice(0, -1) + 's';
  return null;
}

/** A verb that is plainly in the plural ("pouvez", "êtes", "faites"). */
function isVousVerb(folded: string): boolean {
  return (folded.endsWith('ez') && folded.length > 3 && folded !== 'chez') || hasKey(VOUS_TO_TU_VERB, folded);
}

/** A verb that is plainly second person singular (table only: "-es" words are too often other words). */
function isTuVerb(folded: string): boolean {
  return hasKey(TU_TO_VOUS_VERB, folded);
}

interface Marker {
  register: 'tu' | 'vous';
  /** The words covered (the pronoun, and its verb when the fix needs it). */
  start: number;
  end: number;
  /** Fix into the other register, if safe. */
  toOther: string | null;
}

/** Tu and vous markers of a French draft, with fixes into the other register. */
function registerMarkers(words: Word[], f: Folded, draft: string): { markers: Marker[]; verbErrors: Finding[] } {
  const markers: Marker[] = [];
  const verbErrors: Finding[] = [];
  const between = (a: Word, b: Word): string => f.text.slice(a.fEnd, b.fStart);
  const orig = (w: Word): string => draft.slice(w.start, w.end);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const prev = words[i - 1];
    const next = words[i + 1];
    const inverted = prev !== undefined && between(prev, word) === '-'; // "peux-tu", "pouvez-vous"
    const nextIsVerb = next !== undefined && between(word, next) === ' ';
    if (hasKey(TU_FORMS, word.w)) {
      if (word.w === 'ton' && prev && TON_NOUN_BEFORE.has(prev.w)) continue;
      if (word.w === 'tu' && inverted && prev) {
        const verb = verbToVous(prev.w, orig(prev));
        markers.push({ register: 'tu', start: prev.start, end: word.end, toOther: verb ? `${matchCase(orig(prev), verb)}-${matchCase(orig(word), 'vous')}` : null });
        continue;
      }
      if (word.w === 'tu' && next && nextIsVerb && (isVousVerb(next.w) || verbToVous(next.w, orig(next)) !== null)) {
        const verb = isVousVerb(next.w) ? orig(next) : verbToVous(next.w, orig(next));
        markers.push({ register: 'tu', start: word.start, end: next.end, toOther: verb ? `${matchCase(orig(word), 'vous')} ${verb}` : null });
        if (isVousVerb(next.w)) {
          const right = verbToTu(next.w, orig(next));
          verbErrors.push(verbFinding(draft, word, next, right ? `${orig(word)} ${right}` : null));
        }
        i++;
        continue;
      }
      // A lone "tu" ("tu n'as pas") has no safe fix: its verb must change too.
      markers.push({ register: 'tu', start: word.start, end: word.end, toOther: word.w === 'tu' ? null : matchCase(orig(word), TU_FORMS[word.w]!) });
      continue;
    }
    if (hasKey(VOUS_FORMS, word.w)) {
      if (word.w === 'vous' && inverted && prev) {
        const verb = verbToTu(prev.w, orig(prev));
        markers.push({ register: 'vous', start: prev.start, end: word.end, toOther: verb ? `${matchCase(orig(prev), verb)}-${matchCase(orig(word), 'tu')}` : null });
        continue;
      }
      if (word.w === 'vous' && next && nextIsVerb && (isVousVerb(next.w) || isTuVerb(next.w))) {
        const verb = isTuVerb(next.w) ? orig(next) : verbToTu(next.w, orig(next));
        markers.push({ register: 'vous', start: word.start, end: next.end, toOther: verb ? `${matchCase(orig(word), 'tu')} ${verb}` : null });
        if (isTuVerb(next.w)) verbErrors.push(verbFinding(draft, word, next, `${orig(word)} ${TU_TO_VOUS_VERB[next.w]!}`));
        i++;
        continue;
      }
      const other = VOUS_FORMS[word.w];
      markers.push({ register: 'vous', start: word.start, end: word.end, toOther: other ? matchCase(orig(word), other) : null });
    }
  }
  return { markers, verbErrors };
}

function verbFinding(draft: string, pronoun: Word, verb: Word, right: string | null): Finding {
  const found = draft.slice(pronoun.start, verb.end);
  return {
    rule: 'verb-person',
    severity: 'error',
    start: pronoun.start,
    end: verb.end,
    found,
    messageKey: 'replyLintVerbPerson',
    args: [found],
    ...(right ? { fix: { replacement: right } } : {}),
  };
}

function lintFrenchRegister(draft: string, f: Folded, words: Word[], guide: StyleGuide): Finding[] {
  const expected = guide.voice.fr?.formality ?? null;
  const { markers, verbErrors } = registerMarkers(words, f, draft);
  const tu = markers.filter((m) => m.register === 'tu');
  const vous = markers.filter((m) => m.register === 'vous');
  const out: Finding[] = [];
  let wrong: Marker[];
  let key: LintMessageKey;
  if (expected === 'vous') [wrong, key] = [tu, 'replyLintTuInVousGuide'];
  else if (expected === 'tu') [wrong, key] = [vous, 'replyLintVousInTuGuide'];
  else if (tu.length > 0 && vous.length > 0) [wrong, key] = [tu.length <= vous.length ? tu : vous, 'replyLintMixedRegister'];
  else [wrong, key] = [[], 'replyLintMixedRegister'];
  for (const m of wrong) {
    const found = draft.slice(m.start, m.end);
    out.push({
      rule: 'formality',
      severity: 'error',
      start: m.start,
      end: m.end,
      found,
      messageKey: key,
      args: [found],
      ...(m.toOther !== null ? { fix: { replacement: m.toOther } } : {}),
    });
  }
  // A wrong verb after a pronoun in the wrong register is already covered (and fixed) by the register finding.
  const wrongRegister = new Set(wrong.map((m) => m.start));
  for (const e of verbErrors) if (!wrongRegister.has(e.start)) out.push(e);
  return out;
}

/** Casual English words and their formal form ('' = drop the word). */
const CASUAL_EN: Readonly<Record<string, string>> = {
  gonna: 'going to',
  wanna: 'want to',
  gotta: 'have to',
  u: 'you',
  ur: 'your',
  ya: 'you',
  thx: 'thanks',
  thanx: 'thanks',
  pls: 'please',
  plz: 'please',
  yeah: 'yes',
  yep: 'yes',
  nope: 'no',
  cuz: 'because',
  coz: 'because',
  lol: '',
  omg: '',
  dude: '',
  btw: 'by the way',
  asap: 'as soon as possible',
};

function lintEnglishRegister(draft: string, words: Word[], guide: StyleGuide): Finding[] {
  if (guide.voice.en?.formality !== 'formal') return [];
  const out: Finding[] = [];
  for (const word of words) {
    if (!hasKey(CASUAL_EN, word.w)) continue;
    const found = draft.slice(word.start, word.end);
    // "U" alone in capitals is more likely a name or a grade than "you".
    if (word.w === 'u' && found === 'U') continue;
    const formal = CASUAL_EN[word.w]!;
    out.push({
      rule: 'formality',
      severity: 'error',
      start: word.start,
      end: word.end,
      found,
      messageKey: 'replyLintCasualInFormal',
      args: [found],
      ...(formal !== '' ? { fix: { replacement: matchCase(found, formal) } } : {}),
    });
  }
  return out;
}

// ---------------------------------------------------------------------------
// Other rules
// ---------------------------------------------------------------------------

function lintBanned(draft: string, f: Folded, guide: StyleGuide, lang: GuideLang): Finding[] {
  const out: Finding[] = [];
  for (const b of guide.vocabulary.banned) {
    if (b.lang !== undefined && b.lang !== lang) continue;
    for (const hit of findTerm(f, draft, b.term)) {
      const found = draft.slice(hit.start, hit.end);
      const replacement = b.replacement?.trim() ? b.replacement.trim() : undefined;
      out.push({
        rule: 'banned-term',
        severity: 'error',
        ...hit,
        found,
        messageKey: replacement ? 'replyLintBannedReplace' : 'replyLintBanned',
        args: replacement ? [found, replacement, b.reason] : [found, b.reason],
        ...(replacement ? { fix: { replacement: matchCase(found, replacement) } } : {}),
      });
    }
  }
  return out;
}

function lintLength(draft: string, site: SiteId, guide: StyleGuide): Finding[] {
  const max = guide.platforms[site]?.maxLength ?? null;
  if (max === null) return [];
  let total = 0;
  let cut = -1;
  for (const p of weighedPieces(draft, site)) {
    total += p.weight;
    if (cut < 0 && total > max) cut = p.start;
  }
  if (cut < 0) return [];
  return [
    {
      rule: 'length',
      severity: 'error',
      start: cut,
      end: draft.length,
      found: draft.slice(cut),
      messageKey: 'replyLintTooLong',
      args: [String(total), String(max), SITE_LABELS[site]],
    },
  ];
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A pattern for a signature in folded text: its literal parts folded and in
 * order, any placeholder standing for 1–80 characters, a leading dash
 * optional ("— {agent}, équipe Acme" matches "Léa, équipe Acme").
 */
function signaturePattern(signature: string): RegExp | null {
  const sig = signature.replace(/^[\s—–-]+/u, '');
  if (sig.trim() === '') return null;
  const parts: string[] = [];
  let last = 0;
  for (const p of findPlaceholders(sig)) {
    parts.push(escapeRe(fold(sig.slice(last, p.start)).text), '.{1,80}?');
    last = p.end;
  }
  parts.push(escapeRe(fold(sig.slice(last)).text.trimEnd()));
  return new RegExp(parts.join(''), 'u');
}

/** The signature form a site's replies carry. */
export function signatureFormFor(guide: StyleGuide, site: SiteId): SignatureForm {
  return guide.platforms[site]?.signature ?? 'full';
}

/** The signature (unfilled) a reply on `site` in `lang` ends with, and how it is joined to the text; null when none. */
export function signatureFor(guide: StyleGuide, lang: GuideLang, site: SiteId): { text: string; separator: string } | null {
  const voice = guide.voice[lang];
  const form = signatureFormFor(guide, site);
  if (!voice || form === 'none') return null;
  const text = (form === 'short' ? voice.shortSignature : voice.signature).trim();
  if (text === '') return null;
  return { text, separator: form === 'short' ? ' ' : '\n\n' };
}

/**
 * Whether `draft` carries the signature a reply on `site` in `lang` needs
 * (true when the platform needs none). A short platform also accepts the
 * full signature. Placeholders in the signature match any name.
 */
export function hasSignature(draft: string, guide: StyleGuide, lang: GuideLang, site: SiteId): boolean {
  const sig = signatureFor(guide, lang, site);
  if (!sig) return true;
  const folded = fold(draft).text;
  const accepted = [sig.text, ...(signatureFormFor(guide, site) === 'short' ? [guide.voice[lang]!.signature] : [])];
  return accepted.some((s) => signaturePattern(s)?.test(folded) ?? false);
}

function lintSignature(draft: string, opts: LintOptions, guide: StyleGuide): Finding[] {
  const sig = signatureFor(guide, opts.lang, opts.site);
  if (!sig || hasSignature(draft, guide, opts.lang, opts.site)) return [];
  const filled = fillTemplate(sig.text, opts.context ?? {}).text;
  return [
    {
      rule: 'signature',
      severity: 'warning',
      start: draft.length,
      end: draft.length,
      found: '',
      messageKey: 'replyLintSignature',
      args: [filled, SITE_LABELS[opts.site]],
      fix: { append: sig.separator + filled },
    },
  ];
}

/** Acronyms in capitals that are not shouting (4+ letters; shorter words in capitals are never counted). */
const ACRONYMS = new Set(['sncf', 'ratp', 'rgpd', 'gdpr', 'asap', 'covid', 'html', 'http', 'https', 'cnil', 'dgccrf', 'urssaf', 'siret', 'nasa', 'unesco', 'ikea', 'pdf', 'json']);

function lintShouting(draft: string, guide: StyleGuide, brand: string | null | undefined): Finding[] {
  const exempt = new Set<string>(ACRONYMS);
  for (const p of guide.vocabulary.products) exempt.add(fold(p.name).text);
  for (const r of guide.vocabulary.required) exempt.add(fold(r.term).text);
  if (brand) exempt.add(fold(brand).text);
  const caps: Array<{ start: number; end: number; word: string }> = [];
  for (const m of draft.matchAll(/\p{L}[\p{L}\p{M}\p{N}'’-]*/gu)) {
    const word = m[0];
    const letters = word.replace(/[^\p{L}]/gu, '');
    // Codes ("LUNE15", "AC-2024") hold digits and are written in capitals on purpose.
    if (letters.length < 4 || /\p{Ll}/u.test(letters) || !/\p{Lu}/u.test(letters) || /\p{N}/u.test(word)) continue;
    if (exempt.has(fold(word).text)) continue;
    caps.push({ start: m.index, end: m.index + word.length, word });
  }
  const out: Finding[] = [];
  if (caps.length > MAX_CAPS_WORDS) {
    for (const c of caps) {
      // Only the few characters before the word are looked at (a test on the whole prefix would be quadratic).
      const before = draft.slice(Math.max(0, c.start - 16), c.start);
      const atSentenceStart = c.start === 0 || /^\s*$/u.test(draft.slice(0, c.start)) || /(?:[.!?…]\s+|\n\s*)$/u.test(before);
      const lower = c.word.toLowerCase();
      out.push({
        rule: 'shouting',
        severity: 'warning',
        start: c.start,
        end: c.end,
        found: c.word,
        messageKey: 'replyLintShoutingCaps',
        args: [c.word],
        fix: { replacement: atSentenceStart ? capitalise(lower) : lower },
      });
    }
  }
  for (const m of draft.matchAll(/[!?！？]{2,}/gu)) {
    const marks = m[0];
    if ((marks.match(/[!！]/gu)?.length ?? 0) < 2) continue;
    out.push({
      rule: 'shouting',
      severity: 'warning',
      start: m.index,
      end: m.index + marks.length,
      found: marks,
      messageKey: 'replyLintShoutingMarks',
      args: [marks],
      fix: { replacement: /[?？]/u.test(marks) ? '?' : '!' },
    });
  }
  return out;
}

function lintDisclosure(draft: string, f: Folded, guide: StyleGuide, lang: GuideLang): Finding[] {
  const tags = guide.disclosure.tags[lang];
  if (tags.length === 0) return [];
  let first: { start: number; end: number } | null = null;
  for (const trigger of guide.disclosure.triggers[lang]) {
    const hit = findTerm(f, draft, trigger)[0];
    if (hit && (first === null || hit.start < first.start)) first = hit;
  }
  if (first === null) return [];
  if (tags.some((tag) => findTerm(f, draft, tag).length > 0)) return [];
  const found = draft.slice(first.start, first.end);
  return [
    {
      rule: 'disclosure',
      severity: 'error',
      ...first,
      found,
      messageKey: 'replyLintDisclosure',
      args: [found, tags.join(', ')],
      fix: { append: ' ' + tags[0]! },
    },
  ];
}

function lintLinks(draft: string, site: SiteId, guide: StyleGuide): Finding[] {
  if (guide.platforms[site]?.links !== 'none') return [];
  return findLinks(draft).map((l) => ({
    rule: 'link' as const,
    severity: 'error' as const,
    ...l,
    found: draft.slice(l.start, l.end),
    messageKey: 'replyLintLink' as const,
    args: [draft.slice(l.start, l.end), SITE_LABELS[site]],
  }));
}

function lintProducts(draft: string, f: Folded, guide: StyleGuide): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<number>();
  for (const p of guide.vocabulary.products) {
    for (const term of [p.name, ...p.misspellings]) {
      for (const hit of findTerm(f, draft, term)) {
        const found = draft.slice(hit.start, hit.end);
        if (found === p.name || seen.has(hit.start)) continue;
        seen.add(hit.start);
        out.push({
          rule: 'product-name',
          severity: 'warning',
          ...hit,
          found,
          messageKey: 'replyLintProductName',
          args: [p.name, found],
          fix: { replacement: p.name },
        });
      }
    }
  }
  return out;
}

function lintEmojis(draft: string, guide: StyleGuide): Finding[] {
  const policy = guide.voice.emoji;
  if (policy === 'free') return [];
  const emojis = findEmojis(draft);
  const flagged = policy === 'none' ? emojis : emojis.slice(MAX_SPARING_EMOJI);
  return flagged.map((e) => {
    // Remove one space with the emoji, so "Merci 😊 !" becomes "Merci !".
    let { start, end } = e;
    if (start > 0 && draft[start - 1] === ' ') start--;
    else if (draft[end] === ' ') end++;
    const emoji = draft.slice(e.start, e.end);
    return {
      rule: 'emoji' as const,
      severity: 'warning' as const,
      start,
      end,
      found: draft.slice(start, end),
      messageKey: policy === 'none' ? ('replyLintEmojiNone' as const) : ('replyLintEmojiSparing' as const),
      args: policy === 'none' ? [emoji] : [emoji, String(MAX_SPARING_EMOJI)],
      fix: { replacement: '' },
    };
  });
}

function lintPlaceholders(draft: string, context: ReplyContext | undefined): Finding[] {
  return findPlaceholders(draft).map((p) => {
    const known = isKnownPlaceholder(p.name);
    const value = known ? fillTemplate(`{${p.name}}`, context ?? {}) : null;
    const fill = value && value.missing.length === 0 ? value.text : null;
    return {
      rule: 'placeholder' as const,
      severity: 'error' as const,
      start: p.start,
      end: p.end,
      found: draft.slice(p.start, p.end),
      messageKey: known ? ('replyLintPlaceholder' as const) : ('replyLintPlaceholderUnknown' as const),
      args: [p.name],
      ...(fill !== null ? { fix: { replacement: fill } } : {}),
    };
  });
}

// ---------------------------------------------------------------------------
// Entry points
// ---------------------------------------------------------------------------

/**
 * Rules whose findings are dropped inside the customer's name or handle: the
 * CM does not choose "u/beans", "CHEAP EATS" or "Léa 🌸", and must not change
 * them.
 */
const NAME_SAFE_RULES: ReadonlySet<LintRule> = new Set(['banned-term', 'formality', 'verb-person', 'shouting', 'product-name', 'emoji']);

/** Where the context's author and handle appear in the draft. */
function nameRanges(draft: string, ctx: ReplyContext | undefined): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (const value of [ctx?.author, ctx?.handle]) {
    const v = value?.trim();
    if (!v) continue;
    for (let i = draft.indexOf(v); i >= 0; i = draft.indexOf(v, i + v.length)) out.push({ start: i, end: i + v.length });
  }
  return out;
}

/** The findings of a draft, sorted by position (then by rule, in LINT_RULES order). See the module comment. */
export function lintDraft(draft: string, guide: StyleGuide, opts: LintOptions): Finding[] {
  const f = fold(draft);
  const words = wordsOf(f, draft);
  const findings = [
    ...lintBanned(draft, f, guide, opts.lang),
    ...(opts.lang === 'fr' ? lintFrenchRegister(draft, f, words, guide) : lintEnglishRegister(draft, words, guide)),
    ...lintLength(draft, opts.site, guide),
    ...lintSignature(draft, opts, guide),
    ...lintShouting(draft, guide, opts.context?.brand),
    ...lintDisclosure(draft, f, guide, opts.lang),
    ...lintLinks(draft, opts.site, guide),
    ...lintProducts(draft, f, guide),
    ...lintEmojis(draft, guide),
    ...lintPlaceholders(draft, opts.context),
  ];
  const order = (r: LintRule): number => LINT_RULES.indexOf(r);
  const names = nameRanges(draft, opts.context);
  return findings
    .filter((x) => !(NAME_SAFE_RULES.has(x.rule) && names.some((n) => x.start < n.end && n.start < x.end)))
    .sort((a, b) => a.start - b.start || order(a.rule) - order(b.rule) || a.end - b.end);
}

/**
 * The draft with the finding's fix applied. A replacement applies only if
 * the text at [start, end) is still what the finding saw (else the draft is
 * returned unchanged: the finding is stale); an append goes after the
 * draft's trailing whitespace is trimmed.
 */
export function applyFix(draft: string, finding: Finding): string {
  const fix = finding.fix;
  if (!fix) return draft;
  if ('append' in fix) {
    const body = draft.replace(/\s+$/u, '');
    return body === '' ? fix.append.trimStart() : body + fix.append;
  }
  if (draft.slice(finding.start, finding.end) !== finding.found) return draft;
  return draft.slice(0, finding.start) + fix.replacement + draft.slice(finding.end);
}

/**
 * Every fix of `findings` that does not overlap another one, applied from
 * the end of the draft backwards (so offsets stay right); appends last.
 */
export function applyAllFixes(draft: string, findings: readonly Finding[]): string {
  const replacements = findings
    .filter((x) => x.fix && 'replacement' in x.fix)
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let out = draft;
  let limit = Infinity;
  for (const x of replacements) {
    if (x.end > limit) continue;
    const next = applyFix(out, x);
    if (next !== out) limit = x.start;
    out = next;
  }
  // Disclosure tags go before the signature: "… #partenariat\n\n— Léa, équipe Acme".
  const appendOrder: LintRule[] = ['disclosure', 'signature'];
  const rank = (r: LintRule): number => (appendOrder.includes(r) ? appendOrder.indexOf(r) : appendOrder.length);
  const appends = findings.filter((x) => x.fix && 'append' in x.fix).sort((a, b) => rank(a.rule) - rank(b.rule));
  const done = new Set<string>();
  for (const x of appends) {
    const key = (x.fix as { append: string }).append;
    if (done.has(key)) continue;
    done.add(key);
    out = applyFix(out, x);
  }
  return out;
}
