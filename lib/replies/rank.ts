/**
 * Suggests up to `limit` replies for a mention, from the guide's validated
 * templates, filled in and scored, with the reasons of the score.
 *
 *   mention ──mentionIntents──▶ intents (classifyIntent + refund / delivery / crisis topics)
 *      │                                         │
 *      └──▶ eligible templates (validated, for this platform, sharing an intent) ──score──▶ sort ──▶ fill
 *
 * Score of one template (points; reasons carry the same numbers):
 *
 * | what                                                                   | points              |
 * |------------------------------------------------------------------------|---------------------|
 * | crisis shared (a holding statement must beat any routine reply)        | +12                 |
 * | refund or delivery shared                                              | +6 each             |
 * | complaint, question, request, praise or other shared                   | +4, then +1 each    |
 * | a general-purpose template ('other') for a mention without 'other'     | +1                  |
 * | the mention's sentiment is one the template is for                     | +2                  |
 * |   (no sentiments listed, or the mention has no sentiment: 0)           |                     |
 * | the mention's sentiment is not one the template is for                 | −3                  |
 * | written for this platform / for any platform                           | +3 / 0              |
 * | in another language than the reply language (fallback only)           | −20                 |
 * | uses {product} and the mention names a product of the guide            | +2                  |
 * | one of the template's keywords is in the mention                       | +3                  |
 * | longer than the platform allows once filled and signed                 | −2                  |
 * | each placeholder left unfilled                                         | −1                  |
 *
 * Eligible: validated, its platforms empty or holding the mention's site,
 * at least one intent shared (or generic), one of its keywords in the
 * mention when it has keywords, and a product named in the mention when its
 * text uses {product}. The reply language is the mention's when the guide
 * has it, else the guide's first language. Templates in another language are
 * considered only when no eligible template exists in the reply language,
 * and then carry the −20.
 *
 * Ties are broken by: platform-specific before generic, then template id
 * (code-unit order), so the same input always gives the same list.
 *
 * The suggested text is the template filled (placeholders.ts) with the
 * signature the platform needs appended when the template has none (lint.ts
 * `signatureFor`). Placeholders without a value stay visible and are listed.
 */
import { fold } from '../brands/normalize';
import { classifyIntent, normalizeForIntent } from '../intent/classify';
import { SITE_LABELS } from '../sites/labels';
import { isValidated, TEMPLATE_INTENTS } from './guide';
import type { GuideLang, ReplyTemplate, StyleGuide, TemplateIntent } from './guide';
import { hasSignature, measureLength, signatureFor } from './lint';
import { contextFromMention, fillTemplate, findTerm, listPlaceholders } from './placeholders';
import type { MentionLike } from './placeholders';

export const REASON_KEYS = [
  'replyReasonIntent',
  'replyReasonGeneric',
  'replyReasonSentiment',
  'replyReasonSentimentMismatch',
  'replyReasonPlatform',
  'replyReasonAnyPlatform',
  'replyReasonLang',
  'replyReasonLangFallback',
  'replyReasonProduct',
  'replyReasonKeyword',
  'replyReasonTooLong',
  'replyReasonMissing',
] as const;
export type ReasonKey = (typeof REASON_KEYS)[number];

/** One reason of a score: a message key of public/_locales with its substitutions, and the points it gave. */
export interface Reason {
  key: ReasonKey;
  args: string[];
  points: number;
}

export interface Suggestion {
  template: ReplyTemplate;
  /** The filled reply (plain text), signed as the platform needs. */
  text: string;
  filled: string[];
  missing: string[];
  score: number;
  reasons: Reason[];
}

export interface SuggestOptions {
  /** @default 3 */
  limit?: number;
  /** The CM's name ({agent}). */
  agent?: string | null;
  /** The brand's display name ({brand}). */
  brand?: string | null;
  /** The mention's intents when the caller knows them (they replace classification). */
  intents?: readonly TemplateIntent[];
}

export const POINTS = {
  crisisIntent: 12,
  topicIntent: 6,
  firstIntent: 4,
  moreIntent: 1,
  generic: 1,
  sentiment: 2,
  sentimentMismatch: -3,
  platform: 3,
  langFallback: -20,
  product: 2,
  keyword: 3,
  tooLong: -2,
  missing: -1,
} as const;

const TOPICS: ReadonlySet<TemplateIntent> = new Set(['refund', 'delivery', 'crisis']);

/** Topic cues, on normalizeForIntent text (lower case, no accents). */
const TOPIC_CUES: ReadonlyArray<[TemplateIntent, RegExp]> = [
  [
    'refund',
    /(?<![\p{L}])(?:rembours\p{L}*|refund\p{L}*|reimburs\p{L}*|money back|mon argent|my money|chargeback|avoir sur ma carte)(?![\p{L}])/u,
  ],
  [
    'delivery',
    /(?<![\p{L}])(?:livraisons?|livree?s?|livrer|livrez|colis|expedi\p{L}*|(?:pas|jamais|toujours pas) recue?s?|delivery|delivered|deliver|shipping|shipped|shipment|parcel|package|tracking|never arrived|hasn'?t arrived|not arrived|still not here)(?![\p{L}])|(?<![\p{L}])(?:attend\p{L}*|waiting (?:for|on)) (?:toujours |still )?(?:ma|mon|notre|nos|mes|my|our|the) (?:commande|colis|order|parcel|package)|(?:commande|order) (?:\p{L}+ ){0,3}(?:n'est (?:toujours )?pas|n'est jamais|never|not|hasn'?t|still not) (?:arrivee?|recue?|arrived|received|come|here)/u,
  ],
  [
    'crisis',
    /(?<![\p{L}])(?:intoxi\p{L}*|empoisonn\p{L}*|malades? apres|hospitalis\p{L}*|aux urgences|reaction allergique|blesse\p{L}*|scandale|boycott\p{L}*|rappel produit|food poisoning|poisoned|got sick|sick after|hospital|allergic reaction|injur\p{L}*|contaminat\p{L}*|recall|scandal)(?![\p{L}])/u,
  ],
];

/** The reply language for a mention: its own when the guide has it, else the guide's first. */
export function replyLang(guide: StyleGuide, mentionLang: MentionLike['lang']): GuideLang {
  return mentionLang !== undefined && mentionLang !== 'other' && guide.languages.includes(mentionLang) ? mentionLang : guide.languages[0]!;
}

/**
 * The mention's intents as templates know them: the given ones (mention.intents
 * or opts.intents, unknown names dropped) or classifyIntent's, plus the
 * refund, delivery and crisis topics found in the text.
 */
export function mentionIntents(mention: MentionLike, given?: readonly string[]): TemplateIntent[] {
  const known = (list: readonly string[]): TemplateIntent[] =>
    list.filter((i): i is TemplateIntent => (TEMPLATE_INTENTS as readonly string[]).includes(i));
  const source = given ?? mention.intents;
  const base =
    source !== undefined
      ? known(source)
      : known(
          classifyIntent(mention.text, {
            lang: mention.lang ?? 'other',
            ...(mention.sentiment ? { sentiment: mention.sentiment.label } : {}),
            rating: mention.rating ?? null,
          }),
        );
  const out = new Set<TemplateIntent>(base);
  if (source === undefined) {
    const t = normalizeForIntent(mention.text);
    for (const [topic, re] of TOPIC_CUES) if (re.test(t)) out.add(topic);
  }
  if (out.size > 1) out.delete('other');
  if (out.size === 0) out.add('other');
  return TEMPLATE_INTENTS.filter((i) => out.has(i));
}

interface Scored {
  template: ReplyTemplate;
  reasons: Reason[];
}

/** What scoring needs to know about the mention. */
interface MentionFacts {
  intents: readonly TemplateIntent[];
  sentiment: string | null;
  site: MentionLike['site'];
  lang: GuideLang;
  /** The mention's text folded once, for keywords. */
  folded: ReturnType<typeof fold>;
  text: string;
  /** The guide's product named in the mention, if any. */
  product: string | null;
}

/** Points of one template, with their reasons; null when it is not eligible (see the module comment). */
function scoreTemplate(t: ReplyTemplate, m: MentionFacts): Scored | null {
  if (t.platforms.length > 0 && !t.platforms.includes(m.site)) return null;
  // A template about "{product}" says nothing useful when the mention names no product.
  if (m.product === null && listPlaceholders(t.text).includes('product')) return null;
  const reasons: Reason[] = [];
  if (t.keywords && t.keywords.length > 0) {
    const hit = t.keywords.find((k) => findTerm(m.folded, m.text, k).length > 0);
    if (hit === undefined) return null;
    reasons.push({ key: 'replyReasonKeyword', args: [hit], points: POINTS.keyword });
  }
  const shared = t.intents.filter((i) => m.intents.includes(i));
  let general = 0;
  for (const i of shared) {
    const points = i === 'crisis' ? POINTS.crisisIntent : TOPICS.has(i) ? POINTS.topicIntent : general++ === 0 ? POINTS.firstIntent : POINTS.moreIntent;
    reasons.push({ key: 'replyReasonIntent', args: [i], points });
  }
  if (shared.length === 0) {
    if (!t.intents.includes('other')) return null;
    reasons.push({ key: 'replyReasonGeneric', args: [], points: POINTS.generic });
  }
  if (m.sentiment !== null && t.sentiments.length > 0) {
    reasons.push(
      (t.sentiments as readonly string[]).includes(m.sentiment)
        ? { key: 'replyReasonSentiment', args: [m.sentiment], points: POINTS.sentiment }
        : { key: 'replyReasonSentimentMismatch', args: [m.sentiment], points: POINTS.sentimentMismatch },
    );
  }
  reasons.push(
    t.platforms.length > 0
      ? { key: 'replyReasonPlatform', args: [SITE_LABELS[m.site]], points: POINTS.platform }
      : { key: 'replyReasonAnyPlatform', args: [], points: 0 },
  );
  reasons.push(
    t.lang === m.lang
      ? { key: 'replyReasonLang', args: [m.lang], points: 0 }
      : { key: 'replyReasonLangFallback', args: [t.lang, m.lang], points: POINTS.langFallback },
  );
  return { template: t, reasons };
}

/** Suggested replies for `mention`, best first; see the module comment. */
export function suggestReplies(guide: StyleGuide, mention: MentionLike, opts: SuggestOptions = {}): Suggestion[] {
  const limit = Math.max(1, Math.min(50, Math.floor(opts.limit ?? 3)));
  const lang = replyLang(guide, mention.lang);
  const ctx = contextFromMention(mention, guide, { agent: opts.agent ?? null, brand: opts.brand ?? null });
  const text = mention.text.slice(0, 10_000);
  const facts: MentionFacts = {
    intents: mentionIntents(mention, opts.intents),
    sentiment: mention.sentiment?.label ?? null,
    site: mention.site,
    lang,
    folded: fold(text),
    text,
    product: ctx.product ?? null,
  };
  const maxLength = guide.platforms[mention.site]?.maxLength ?? null;

  const candidates = guide.templates.filter(isValidated);
  const score = (list: ReplyTemplate[]): Scored[] => list.map((t) => scoreTemplate(t, facts)).filter((s): s is Scored => s !== null);
  let scored = score(candidates.filter((t) => t.lang === lang));
  if (scored.length === 0) scored = score(candidates.filter((t) => t.lang !== lang));

  const suggestions = scored.map(({ template, reasons }): Suggestion => {
    const sig = signatureFor(guide, template.lang, mention.site);
    const body = template.text.trim();
    const signed = sig && !hasSignature(body, guide, template.lang, mention.site) ? body + sig.separator + sig.text : body;
    const filled = fillTemplate(signed, ctx);
    const all = [...reasons];
    if (filled.filled.includes('product')) all.push({ key: 'replyReasonProduct', args: [ctx.product!], points: POINTS.product });
    if (maxLength !== null) {
      const n = measureLength(filled.text, mention.site);
      if (n > maxLength) all.push({ key: 'replyReasonTooLong', args: [SITE_LABELS[mention.site], String(n), String(maxLength)], points: POINTS.tooLong });
    }
    if (filled.missing.length > 0) {
      all.push({ key: 'replyReasonMissing', args: [filled.missing.map((m) => `{${m}}`).join(', ')], points: POINTS.missing * filled.missing.length });
    }
    return { template, text: filled.text, filled: filled.filled, missing: filled.missing, score: all.reduce((n, r) => n + r.points, 0), reasons: all };
  });

  suggestions.sort(
    (a, b) =>
      b.score - a.score ||
      Number(b.template.platforms.length > 0) - Number(a.template.platforms.length > 0) ||
      (a.template.id < b.template.id ? -1 : a.template.id > b.template.id ? 1 : 0),
  );
  return suggestions.slice(0, limit);
}
