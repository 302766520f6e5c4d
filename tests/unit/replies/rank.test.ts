import { describe, expect, test } from 'vitest';
import { demoGuide, DEMO_GUIDE } from '../../../lib/replies/demo-guide';
import type { ReplyTemplate, StyleGuide } from '../../../lib/replies/guide';
import { lintDraft } from '../../../lib/replies/lint';
import type { MentionLike } from '../../../lib/replies/placeholders';
import { mentionIntents, POINTS, replyLang, suggestReplies } from '../../../lib/replies/rank';

const OPTS = { agent: 'Léa', brand: 'Acme' };

function ids(guide: StyleGuide, mention: MentionLike, opts = {}): string[] {
  return suggestReplies(guide, mention, { ...OPTS, ...opts }).map((s) => s.template.id);
}

type Scenario = [label: string, mention: MentionLike, first: string];

const SCENARIOS: Scenario[] = [
  [
    'fr: late order on X',
    { text: 'Trois semaines que j’attends ma commande de grains, toujours rien. @AcmeFrance vous faites quoi ?', site: 'x', lang: 'fr', author: 'Inès Benali', handle: '@ines_bnl', sentiment: { label: 'negative' } },
    'fr-livraison-retard',
  ],
  [
    'en: late order on X',
    { text: '@AcmeFrance my order still hasn’t arrived after two weeks, where is my parcel?', site: 'x', lang: 'en', author: 'Tom Hartley', sentiment: { label: 'negative' } },
    'en-delivery-late',
  ],
  [
    'fr: refund on Facebook',
    { text: 'Je veux être remboursée, le paquet de café est arrivé éventré.', site: 'facebook', lang: 'fr', author: 'Claire', sentiment: { label: 'negative' } },
    'fr-remboursement',
  ],
  [
    'en: refund on Reddit',
    { text: 'Acme still hasn’t refunded my cancelled order, any tips?', site: 'reddit', lang: 'en', author: 'u/beans', sentiment: { label: 'negative' } },
    'en-refund',
  ],
  [
    'fr: 1-star Google review',
    { text: 'Service très lent et café tiède. Décevant.', site: 'google-maps', lang: 'fr', author: 'Marc D.', rating: 1, sentiment: { label: 'negative' } },
    'fr-avis-negatif',
  ],
  [
    'en: 1-star Trustpilot review',
    { text: 'Terrible customer service, nobody answers emails.', site: 'trustpilot', lang: 'en', author: 'Sarah', rating: 1, sentiment: { label: 'negative' } },
    'en-review-negative',
  ],
  [
    'fr: 5-star Tripadvisor review',
    { text: 'Super accueil et flat white parfait, merci à toute l’équipe !', site: 'tripadvisor', lang: 'fr', author: 'Julie', rating: 5, sentiment: { label: 'positive' } },
    'fr-avis-positif',
  ],
  [
    'en: praise on Instagram',
    { text: 'Love this place, best cortado in Paris! Thank you', site: 'instagram', lang: 'en', author: 'emily.c', sentiment: { label: 'positive' } },
    'en-thanks',
  ],
  [
    'fr: product question on Instagram',
    { text: 'Le Bellecour existe en décaféiné ?', site: 'instagram', lang: 'fr', author: 'Théo', sentiment: { label: 'neutral' } },
    'fr-question-produit',
  ],
  [
    'en: question on YouTube',
    { text: 'What grinder do you use in the video?', site: 'youtube', lang: 'en', author: 'Theo_Grind', sentiment: { label: 'neutral' } },
    'en-question',
  ],
  [
    'fr: crisis on X',
    { text: 'Intoxiqué après un sandwich au café Acme de Lyon, j’ai fini aux urgences.', site: 'x', lang: 'fr', author: 'Paul', sentiment: { label: 'negative' } },
    'fr-crise-attente',
  ],
  [
    'en: crisis on Facebook',
    { text: 'My daughter had an allergic reaction after your pastry, nothing on the label said nuts.', site: 'facebook', lang: 'en', author: 'Anna', sentiment: { label: 'negative' } },
    'en-crisis-holding',
  ],
  [
    'fr: TikTok complaint gets the short reply',
    { text: 'Commande jamais reçue, c’est une honte', site: 'tiktok', lang: 'fr', author: 'lou', sentiment: { label: 'negative' } },
    'fr-court-mp',
  ],
  [
    'en: TikTok complaint gets the short reply',
    { text: 'Never received my order, this is a joke', site: 'tiktok', lang: 'en', author: 'kai', sentiment: { label: 'negative' } },
    'en-short-dm',
  ],
];

describe('suggestReplies: the best reply for realistic mentions', () => {
  test.each(SCENARIOS)('%s', (_label, mention, first) => {
    const out = suggestReplies(DEMO_GUIDE, mention, OPTS);
    expect(out[0]?.template.id).toBe(first);
    expect(out.length).toBeGreaterThan(0);
    expect(out.length).toBeLessThanOrEqual(3);
    // Scores are sorted, and each score is the sum of its reasons.
    for (let i = 1; i < out.length; i++) expect(out[i - 1]!.score).toBeGreaterThanOrEqual(out[i]!.score);
    for (const s of out) expect(s.score).toBe(s.reasons.reduce((n, r) => n + r.points, 0));
  });

  test.each(SCENARIOS)('the first suggestion lints without an error: %s', (_label, mention) => {
    const best = suggestReplies(DEMO_GUIDE, mention, OPTS)[0]!;
    const context = { ...OPTS, author: mention.author ?? null };
    const errors = lintDraft(best.text, DEMO_GUIDE, { lang: best.template.lang, site: mention.site, context }).filter((f) => f.severity === 'error');
    expect(errors).toEqual([]);
  });
});

describe('suggestReplies: what is filled', () => {
  test('fr: author filled, short signature on X, reasons for display', () => {
    const [best] = suggestReplies(DEMO_GUIDE, SCENARIOS[0]![1], OPTS);
    expect(best!.text).toMatch(/^Bonjour Inès Benali, nous sommes désolés/u);
    expect(best!.text.endsWith(' ^Léa')).toBe(true);
    expect(best!.filled).toEqual(['author', 'agent']);
    expect(best!.missing).toEqual([]);
    expect(best!.reasons).toContainEqual({ key: 'replyReasonIntent', args: ['delivery'], points: POINTS.topicIntent });
    expect(best!.reasons).toContainEqual({ key: 'replyReasonPlatform', args: ['X'], points: POINTS.platform });
    expect(best!.reasons).toContainEqual({ key: 'replyReasonSentiment', args: ['negative'], points: POINTS.sentiment });
  });

  test('en: full signature on a review site', () => {
    const [best] = suggestReplies(DEMO_GUIDE, SCENARIOS[5]![1], OPTS);
    expect(best!.text).toMatch(/^Hello Sarah,\n\nThank you/u);
    expect(best!.text.endsWith('\n\n— Léa, Acme team')).toBe(true);
  });

  test('fr: the product named in the mention is filled in and scores', () => {
    const [best] = suggestReplies(DEMO_GUIDE, SCENARIOS[8]![1], OPTS);
    expect(best!.text).toContain('Bellecour existe en grains');
    expect(best!.reasons).toContainEqual({ key: 'replyReasonProduct', args: ['Bellecour'], points: POINTS.product });
  });

  test('en: no agent given → {agent} stays visible and is listed', () => {
    const [best] = suggestReplies(DEMO_GUIDE, SCENARIOS[1]![1], { agent: null });
    expect(best!.text.endsWith('^{agent}')).toBe(true);
    expect(best!.missing).toEqual(['agent']);
    expect(best!.reasons).toContainEqual({ key: 'replyReasonMissing', args: ['{agent}'], points: POINTS.missing });
  });
});

describe('suggestReplies: rules', () => {
  test('drafts are never suggested, even when they fit best', () => {
    const mention: MentionLike = { text: 'Colis jamais livré, commande AC-2024-5531', site: 'facebook', lang: 'fr', sentiment: { label: 'negative' } };
    expect(DEMO_GUIDE.templates.find((t) => t.id === 'fr-mp-suivi-commande')!.validation.state).toBe('draft');
    expect(ids(DEMO_GUIDE, mention, { limit: 50 })).not.toContain('fr-mp-suivi-commande');
    const onlyDraft = { ...demoGuide(), templates: DEMO_GUIDE.templates.filter((t) => t.validation.state === 'draft') };
    expect(suggestReplies(onlyDraft, mention)).toEqual([]);
  });

  test.each([
    ['fr', 'x', 'Service nul au café de Lyon', 'negative'],
    ['en', 'google-maps', 'Awful coffee, rude staff', 'negative'],
  ] as const)('only templates for the platform (or for any): %s on %s', (lang, site, text, label) => {
    for (const s of suggestReplies(DEMO_GUIDE, { text, site, lang, sentiment: { label } }, { limit: 50 })) {
      expect(s.template.platforms.length === 0 || s.template.platforms.includes(site)).toBe(true);
    }
  });

  test.each([
    ['fr', 'Merci pour le super café !', 'positive'],
    ['en', 'Thanks for the great coffee!', 'positive'],
  ] as const)('only templates in the mention’s language when there are some (%s)', (lang, text, label) => {
    const out = suggestReplies(DEMO_GUIDE, { text, site: 'facebook', lang, sentiment: { label } }, { limit: 50 });
    expect(out.length).toBeGreaterThan(0);
    expect(out.every((s) => s.template.lang === lang)).toBe(true);
  });

  test.each([
    ['fr', 'en', 'Merci pour le super café !'],
    ['en', 'fr', 'Thanks for the great coffee!'],
  ] as const)('a %s mention falls back to %s templates, heavily penalised, when none exists in its language', (lang, other, text) => {
    const guide = { ...demoGuide(), templates: DEMO_GUIDE.templates.filter((t) => t.lang === other) };
    const out = suggestReplies(guide, { text, site: 'facebook', lang, sentiment: { label: 'positive' } }, OPTS);
    expect(out.length).toBeGreaterThan(0);
    for (const s of out) {
      expect(s.template.lang).toBe(other);
      expect(s.reasons).toContainEqual({ key: 'replyReasonLangFallback', args: [other, lang], points: POINTS.langFallback });
      expect(s.score).toBeLessThan(0);
    }
  });

  test('a mention in another language is answered in the guide’s first language', () => {
    expect(replyLang(DEMO_GUIDE, 'other')).toBe('fr');
    expect(replyLang(DEMO_GUIDE, undefined)).toBe('fr');
    expect(replyLang({ ...DEMO_GUIDE, languages: ['en', 'fr'] }, 'other')).toBe('en');
    expect(replyLang({ ...DEMO_GUIDE, languages: ['en'] }, 'fr')).toBe('en');
    const out = suggestReplies(DEMO_GUIDE, { text: 'Grazie mille, caffè fantastico! ❤️', site: 'instagram', lang: 'other', sentiment: { label: 'positive' } });
    expect(out[0]!.template.lang).toBe('fr');
  });

  test('a sentiment the template is not for costs points', () => {
    const out = suggestReplies(DEMO_GUIDE, { text: 'ok', site: 'facebook', lang: 'fr', sentiment: { label: 'negative' } }, { intents: ['praise'], limit: 50 });
    const merci = out.find((s) => s.template.id === 'fr-merci')!;
    expect(merci.reasons).toContainEqual({ key: 'replyReasonSentimentMismatch', args: ['negative'], points: POINTS.sentimentMismatch });
  });

  test('a template too long for the platform loses points and says why', () => {
    const out = suggestReplies(DEMO_GUIDE, { text: 'Intoxication après votre sandwich', site: 'tiktok', lang: 'fr', author: 'Paul' }, OPTS);
    const q = out.find((s) => s.template.id === 'fr-crise-attente')!;
    expect(q.reasons.find((r) => r.key === 'replyReasonTooLong')).toMatchObject({ args: ['TikTok', expect.any(String), '150'], points: POINTS.tooLong });
  });

  test('given intents replace classification', () => {
    const mention: MentionLike = { text: 'Merci beaucoup !', site: 'facebook', lang: 'fr', author: 'Zoé', sentiment: { label: 'positive' } };
    expect(ids(DEMO_GUIDE, mention)[0]).toBe('fr-merci');
    expect(ids(DEMO_GUIDE, mention, { intents: ['crisis'] })[0]).toBe('fr-crise-attente');
    expect(ids(DEMO_GUIDE, { ...mention, intents: ['question'] })[0]).toBe('fr-question');
  });

  test.each([
    ['fr', 'Elle est trop belle cette tasse, on la trouve où ?', 'fr-offre-partenaire', 'tasse'],
    ['en', 'Love that mug! Where can I get one?', 'en-partner-offer', 'mug'],
  ] as const)('keywords: the partner offer comes only for mentions of its subject (%s)', (lang, text, id, word) => {
    const mention: MentionLike = { text, site: 'instagram', lang, author: 'Nina', sentiment: { label: 'positive' } };
    const [best] = suggestReplies(DEMO_GUIDE, mention, OPTS);
    expect(best!.template.id).toBe(id);
    expect(best!.reasons).toContainEqual({ key: 'replyReasonKeyword', args: [word], points: POINTS.keyword });
    const other = { ...mention, text: lang === 'fr' ? 'Super endroit, vous ouvrez à quelle heure ?' : 'Great place, when do you open?' };
    expect(ids(DEMO_GUIDE, other, { limit: 50 })).not.toContain(id);
  });

  test('a template about {product} needs a product named in the mention', () => {
    const mention: MentionLike = { text: 'Vous avez du décaféiné ?', site: 'instagram', lang: 'fr', sentiment: { label: 'neutral' } };
    expect(ids(DEMO_GUIDE, mention, { limit: 50 })).not.toContain('fr-question-produit');
    expect(ids(DEMO_GUIDE, { ...mention, text: 'Le Bellecour existe en décaféiné ?' })[0]).toBe('fr-question-produit');
  });

  test('a mention with no intent in common gets the general-purpose reply', () => {
    const out = suggestReplies(DEMO_GUIDE, { text: 'Vu au marché ce matin', site: 'facebook', lang: 'fr', sentiment: { label: 'neutral' } }, OPTS);
    expect(out.map((s) => s.template.id)).toEqual(['fr-general']);
  });

  test('limit', () => {
    const mention = SCENARIOS[0]![1];
    expect(suggestReplies(DEMO_GUIDE, mention, { limit: 1 })).toHaveLength(1);
    expect(suggestReplies(DEMO_GUIDE, mention, { limit: 0 })).toHaveLength(1);
    expect(suggestReplies(DEMO_GUIDE, mention).length).toBeLessThanOrEqual(3);
  });
});

describe('suggestReplies: deterministic', () => {
  const twin = (id: string, platforms: ReplyTemplate['platforms'] = []): ReplyTemplate => ({
    ...DEMO_GUIDE.templates.find((t) => t.id === 'fr-merci')!,
    id,
    platforms,
  });

  test('ties: platform-specific first, then by id', () => {
    const guide = { ...demoGuide(), templates: [twin('zz-any'), twin('b-fb', ['facebook']), twin('a-any'), twin('a-fb', ['facebook'])] };
    const mention: MentionLike = { text: 'Merci, génial !', site: 'facebook', lang: 'fr', sentiment: { label: 'positive' } };
    expect(ids(guide, mention, { limit: 4 })).toEqual(['a-fb', 'b-fb', 'a-any', 'zz-any']);
  });

  test('the order of the templates in the guide does not matter', () => {
    const mention = SCENARIOS[0]![1];
    const reversed = { ...demoGuide(), templates: [...DEMO_GUIDE.templates].reverse() };
    expect(suggestReplies(reversed, mention, OPTS)).toEqual(suggestReplies(DEMO_GUIDE, mention, OPTS));
  });
});

describe('mentionIntents', () => {
  test.each<[string, MentionLike, string[]]>([
    ['fr delivery', { text: 'Mon colis n’est jamais arrivé', site: 'x', lang: 'fr', sentiment: { label: 'negative' } }, ['delivery']],
    ['en delivery', { text: 'Still waiting for my order', site: 'x', lang: 'en', sentiment: { label: 'negative' } }, ['delivery']],
    ['fr refund', { text: 'Je demande le remboursement de ma commande', site: 'x', lang: 'fr' }, ['refund']],
    ['en refund', { text: 'I want my money back', site: 'x', lang: 'en' }, ['refund']],
    ['fr crisis', { text: 'Empoisonnement alimentaire après votre quiche', site: 'x', lang: 'fr' }, ['crisis']],
    ['en crisis', { text: 'Got food poisoning from your café', site: 'x', lang: 'en' }, ['crisis']],
  ])('%s', (_label, mention, expected) => {
    const intents = mentionIntents(mention);
    for (const i of expected) expect(intents).toContain(i);
  });

  test('nothing found → other', () => {
    expect(mentionIntents({ text: '', site: 'x' })).toEqual(['other']);
    expect(mentionIntents({ text: 'x', site: 'x' }, ['nonsense'])).toEqual(['other']);
  });
});
