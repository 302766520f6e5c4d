/**
 * The style guide of the demo brand "Acme" (lib/brands/demo.ts): a French
 * coffee roaster with cafés in Paris and Lyon that also sells beans online.
 * French first (vouvoiement), English second.
 *
 * Written as the brand's community manager would, following the rules of
 * DOMAIN.md "Replies":
 * - sincere and concrete: say sorry plainly, say what happens next and when;
 * - no personal data in public: order numbers, addresses and e-mails go to
 *   private messages, or to the e-mail address on platforms without private
 *   messages (Google Maps, Tripadvisor, Trustpilot, Amazon);
 * - never ask a customer to remove or change a review (banned phrases below);
 * - a partner offer always says so (#partenariat / #ad).
 *
 * Every template was validated by the brand board except two drafts (an
 * order follow-up meant for private messages, and a subscription answer
 * still being discussed), which are never suggested.
 *
 * Platform limits: X 280 (weighted), Instagram comments 2,200, TikTok
 * comments 150, LinkedIn comments 1,250, Google owner replies 4,096,
 * Tripadvisor management responses 5,000; Facebook, Reddit and YouTube allow
 * far more than a reply needs (8,000 / 10,000 / 10,000). Trustpilot and
 * Amazon publish no figure: 2,048 and 1,000 are conservative guesses.
 */
import type { ReplyTemplate, StyleGuide } from './guide';

const BOARD = { state: 'validated', by: 'Board de marque Acme', at: '2025-01-20T09:30:00.000Z' } as const;
const WRITTEN = '2025-01-15T14:00:00.000Z';

/** Sites where a conversation can move to private messages. */
const SOCIAL = ['x', 'facebook', 'instagram', 'linkedin', 'reddit', 'youtube', 'tiktok'] as const;
/** The same without TikTok, whose 150-character comments need the short templates. */
const SOCIAL_LONG = ['x', 'facebook', 'instagram', 'linkedin', 'reddit', 'youtube'] as const;
/** Review sites: a public answer, then e-mail (no private messages). */
const REVIEWS = ['google-maps', 'trustpilot', 'tripadvisor', 'amazon'] as const;

type TemplateInput = Omit<ReplyTemplate, 'validation' | 'updatedAt' | 'sentiments' | 'platforms'> &
  Partial<Pick<ReplyTemplate, 'validation' | 'sentiments' | 'platforms'>>;

function template(t: TemplateInput): ReplyTemplate {
  return { sentiments: [], platforms: [], validation: { ...BOARD }, updatedAt: WRITTEN, ...t };
}

const TEMPLATES: ReplyTemplate[] = [
  // --- French ---------------------------------------------------------------
  template({
    id: 'fr-livraison-retard',
    title: 'Commande en retard (réseaux sociaux)',
    lang: 'fr',
    intents: ['delivery', 'complaint', 'request'],
    sentiments: ['negative', 'neutral'],
    platforms: [...SOCIAL_LONG],
    text:
      'Bonjour {author}, nous sommes désolés pour cette attente. ' +
      'Écrivez-nous en message privé avec votre numéro de commande : nous vérifions aujourd’hui où en est votre colis.',
  }),
  template({
    id: 'fr-remboursement',
    title: 'Demande de remboursement',
    lang: 'fr',
    intents: ['refund', 'request', 'complaint'],
    sentiments: ['negative', 'neutral'],
    platforms: [...SOCIAL_LONG],
    text:
      'Bonjour {author}, nous comprenons votre agacement. ' +
      'Envoyez-nous votre numéro de commande en message privé (jamais en public) : nous lançons le remboursement et vous confirmons le délai.',
  }),
  template({
    id: 'fr-court-mp',
    title: 'Réponse courte : passer en message privé',
    lang: 'fr',
    intents: ['complaint', 'request', 'delivery', 'refund'],
    platforms: ['tiktok', 'x'],
    text: 'Nous sommes désolés {author}. Écrivez-nous en message privé, nous regardons ça tout de suite.',
  }),
  template({
    id: 'fr-avis-negatif',
    title: 'Avis négatif (Google, Trustpilot, Tripadvisor, Amazon)',
    lang: 'fr',
    intents: ['complaint'],
    sentiments: ['negative'],
    platforms: [...REVIEWS],
    text:
      'Bonjour {author},\n\n' +
      'Merci d’avoir pris le temps de nous écrire, et nous sommes désolés que votre expérience n’ait pas été à la hauteur. ' +
      'Vos remarques sont transmises dès aujourd’hui à l’équipe concernée. ' +
      'Si vous le souhaitez, écrivez-nous à contact@acme.example en indiquant le café ou la commande et la date : ' +
      'nous voulons comprendre ce qui s’est passé et vous proposer une solution.',
  }),
  template({
    id: 'fr-cafe-decu',
    title: 'Déception au café (réseaux sociaux)',
    lang: 'fr',
    intents: ['complaint'],
    sentiments: ['negative'],
    platforms: ['facebook', 'instagram', 'x', 'reddit', 'linkedin'],
    text:
      'Bonjour {author}, nous sommes désolés que votre passage chez nous vous ait déçu. ' +
      'Pouvez-vous nous dire en message privé dans quel café et à quelle heure ? Nous voulons comprendre et corriger.',
  }),
  template({
    id: 'fr-question',
    title: 'Question générale',
    lang: 'fr',
    intents: ['question'],
    text: 'Bonjour {author}, merci pour votre question. Nous vérifions l’information avec l’équipe et nous vous répondons ici très vite.',
  }),
  template({
    id: 'fr-question-produit',
    title: 'Question sur un produit',
    lang: 'fr',
    intents: ['question'],
    sentiments: ['neutral', 'positive'],
    platforms: ['facebook', 'instagram', 'youtube', 'reddit', 'linkedin', 'amazon'],
    text:
      'Bonjour {author}, bonne question ! {product} existe en grains et moulu (filtre ou espresso), en 250 g et 1 kg. ' +
      'Dites-nous quelle machine vous utilisez et nous vous conseillerons la bonne mouture.',
  }),
  template({
    id: 'fr-merci',
    title: 'Remerciement (réseaux sociaux)',
    lang: 'fr',
    intents: ['praise'],
    sentiments: ['positive'],
    platforms: [...SOCIAL],
    text: 'Merci beaucoup {author} ! Votre message fait très plaisir à toute l’équipe, nous le transmettons aux torréfacteurs. À très bientôt ☕',
  }),
  template({
    id: 'fr-avis-positif',
    title: 'Avis positif (Google, Trustpilot, Tripadvisor, Amazon)',
    lang: 'fr',
    intents: ['praise'],
    sentiments: ['positive'],
    platforms: [...REVIEWS],
    text:
      'Bonjour {author},\n\n' +
      'Merci pour ces mots et pour votre note ! Nous sommes ravis que le café vous ait plu, ' +
      'et nous transmettons votre message à l’équipe. Au plaisir de vous accueillir à nouveau.',
  }),
  template({
    id: 'fr-crise-attente',
    title: 'Crise : message d’attente',
    lang: 'fr',
    intents: ['crisis'],
    text:
      'Bonjour {author}, nous prenons votre message très au sérieux. Nous vérifions dès maintenant ce qui s’est passé ' +
      'et reviendrons vers vous avec des informations précises. Écrivez-nous à contact@acme.example.',
  }),
  template({
    id: 'fr-offre-partenaire',
    title: 'Offre partenaire (tasses Atelier Lune)',
    lang: 'fr',
    intents: ['question', 'request'],
    sentiments: ['positive'],
    platforms: ['instagram', 'facebook'],
    keywords: ['tasse', 'tasses', 'mug', 'mugs', 'Atelier Lune', 'céramique'],
    text:
      'Bonne nouvelle {author} : avec notre partenaire l’Atelier Lune, profitez de 15 % sur leurs tasses artisanales ' +
      'avec le code promo LUNE15, jusqu’au 31 mars. #partenariat',
  }),
  template({
    id: 'fr-general',
    title: 'Réponse générale',
    lang: 'fr',
    intents: ['other'],
    text: 'Merci pour votre message {author} ! Nous le lisons avec attention et revenons vers vous si besoin.',
  }),
  template({
    id: 'fr-mp-suivi-commande',
    title: 'Message privé : suivi de la commande (brouillon)',
    lang: 'fr',
    intents: ['delivery'],
    validation: { state: 'draft' },
    text:
      'Bonjour {author}, merci pour ces précisions. Nous avons retrouvé la commande {order_id} : ' +
      'nous ouvrons une enquête auprès du transporteur et vous tenons au courant sous 48 heures.',
  }),

  // --- English ----------------------------------------------------------------
  template({
    id: 'en-delivery-late',
    title: 'Late order (social media)',
    lang: 'en',
    intents: ['delivery', 'complaint', 'request'],
    sentiments: ['negative', 'neutral'],
    platforms: [...SOCIAL_LONG],
    text:
      'Hi {author}, we’re sorry about the wait. Please send us your order number by private message ' +
      'and we’ll check where your parcel is today.',
  }),
  template({
    id: 'en-refund',
    title: 'Refund request',
    lang: 'en',
    intents: ['refund', 'request', 'complaint'],
    sentiments: ['negative', 'neutral'],
    platforms: [...SOCIAL_LONG],
    text:
      'Hi {author}, we understand your frustration. Please send us your order number by private message (never in public): ' +
      'we’ll start the refund and confirm when you’ll receive it.',
  }),
  template({
    id: 'en-short-dm',
    title: 'Short answer: move to private messages',
    lang: 'en',
    intents: ['complaint', 'request', 'delivery', 'refund'],
    platforms: ['tiktok', 'x'],
    text: 'We’re sorry {author}. Please send us a private message and we’ll look into it right away.',
  }),
  template({
    id: 'en-review-negative',
    title: 'Negative review (Google, Trustpilot, Tripadvisor, Amazon)',
    lang: 'en',
    intents: ['complaint'],
    sentiments: ['negative'],
    platforms: [...REVIEWS],
    text:
      'Hello {author},\n\n' +
      'Thank you for taking the time to write, and we’re sorry your experience fell short. ' +
      'We’ve passed your comments on to the team today. If you’d like, email us at contact@acme.example ' +
      'with the café or order and the date: we want to understand what happened and put it right.',
  }),
  template({
    id: 'en-question',
    title: 'General question',
    lang: 'en',
    intents: ['question'],
    text: 'Hi {author}, thanks for your question. We’re checking with the team and will answer here very soon.',
  }),
  template({
    id: 'en-thanks',
    title: 'Thanks (social media)',
    lang: 'en',
    intents: ['praise'],
    sentiments: ['positive'],
    platforms: [...SOCIAL],
    text: 'Thank you so much {author}! Your message made the whole team’s day, we’re passing it on to our roasters. See you soon ☕',
  }),
  template({
    id: 'en-review-positive',
    title: 'Positive review (Google, Trustpilot, Tripadvisor, Amazon)',
    lang: 'en',
    intents: ['praise'],
    sentiments: ['positive'],
    platforms: [...REVIEWS],
    text:
      'Hello {author},\n\n' +
      'Thank you for your kind words and your rating! We’re delighted you enjoyed your coffee, ' +
      'and we’ll share your message with the team. We look forward to welcoming you again.',
  }),
  template({
    id: 'en-crisis-holding',
    title: 'Crisis: holding statement',
    lang: 'en',
    intents: ['crisis'],
    text:
      'Hello {author}, we take your message very seriously. We are looking into what happened right now ' +
      'and will come back to you with precise information. Please email us at contact@acme.example.',
  }),
  template({
    id: 'en-partner-offer',
    title: 'Partner offer (Atelier Lune mugs)',
    lang: 'en',
    intents: ['question', 'request'],
    sentiments: ['positive'],
    platforms: ['instagram', 'facebook'],
    keywords: ['mug', 'mugs', 'cup', 'cups', 'Atelier Lune', 'ceramic'],
    text:
      'Good news {author}: with our partner Atelier Lune, get 15% off their handmade mugs ' +
      'with the discount code LUNE15 until 31 March. #ad',
  }),
  template({
    id: 'en-general',
    title: 'General reply',
    lang: 'en',
    intents: ['other'],
    text: 'Thank you for your message {author}! We read it carefully and will get back to you if needed.',
  }),
  template({
    id: 'en-subscription-cancel',
    title: 'Cancel an AcmeBox subscription (draft)',
    lang: 'en',
    intents: ['request'],
    validation: { state: 'draft' },
    text: 'Hi {author}, you can pause or cancel your AcmeBox at any time from your account, under “My subscription”. Need a hand? Send us a private message.',
  }),
];

/** The demo brand's guide (shared: use `demoGuide()` for a copy to edit). */
export const DEMO_GUIDE: StyleGuide = {
  brandId: 'acme',
  languages: ['fr', 'en'],
  voice: {
    tone: ['chaleureux', 'sincère', 'concret', 'jamais sur la défensive', 'warm', 'sincere', 'concrete', 'never defensive'],
    emoji: 'sparing',
    fr: {
      formality: 'vous',
      signature: '— {agent}, équipe Acme',
      shortSignature: '^{agent}',
      greetings: ['Bonjour {author},', 'Bonjour,'],
      closings: ['Belle journée,', 'À très bientôt,', 'Au plaisir de vous accueillir,'],
    },
    en: {
      formality: 'formal',
      signature: '— {agent}, Acme team',
      shortSignature: '^{agent}',
      greetings: ['Hi {author},', 'Hello {author},'],
      closings: ['Have a lovely day,', 'See you soon,'],
    },
  },
  vocabulary: {
    banned: [
      { term: 'malheureusement', replacement: 'nous sommes désolés', reason: 'Sonne comme une fatalité : on s’excuse, puis on agit.', lang: 'fr' },
      { term: 'problème', replacement: 'souci', reason: '« Problème » dramatise ; nommez le souci concrètement.', lang: 'fr' },
      { term: 'problèmes', replacement: 'soucis', reason: '« Problèmes » dramatise ; nommez le souci concrètement.', lang: 'fr' },
      { term: 'la gêne occasionnée', replacement: 'ce désagrément', reason: 'Formule administrative qui minimise.', lang: 'fr' },
      { term: 'n’hésitez pas', reason: 'Formule creuse : proposez une action précise.', lang: 'fr' },
      { term: 'supprimer votre avis', reason: 'On ne demande jamais de retirer un avis (règles de Google et Trustpilot).', lang: 'fr' },
      { term: 'retirer votre avis', reason: 'On ne demande jamais de retirer un avis (règles de Google et Trustpilot).', lang: 'fr' },
      { term: 'modifier votre note', reason: 'On ne demande jamais de changer une note.', lang: 'fr' },
      { term: 'pas cher', replacement: 'accessible', reason: '« Pas cher » dévalorise le café.', lang: 'fr' },
      { term: 'unfortunately', replacement: 'we’re sorry', reason: 'Sounds like fate: apologise, then act.', lang: 'en' },
      { term: 'cheap', replacement: 'affordable', reason: '“Cheap” suggests poor quality.', lang: 'en' },
      { term: 'any inconvenience', replacement: 'the trouble', reason: 'Minimises what the customer went through.', lang: 'en' },
      { term: 'per our policy', reason: 'Hides behind rules: explain what you can do.', lang: 'en' },
      { term: 'remove your review', reason: 'Never ask a customer to remove a review (Google and Trustpilot rules).', lang: 'en' },
      { term: 'delete your review', reason: 'Never ask a customer to remove a review (Google and Trustpilot rules).', lang: 'en' },
    ],
    required: [
      { term: 'équipe Acme', reason: 'Nous signons en équipe.', lang: 'fr' },
      { term: 'Acme team', reason: 'We sign as a team.', lang: 'en' },
    ],
    products: [
      { name: 'Bellecour', misspellings: ['Belcour', 'Bellecourt', 'Belle Cour'] },
      { name: 'Oberkampf', misspellings: ['Oberkampff', 'Oberkamph'] },
      { name: 'AcmeBox', misspellings: ['Acme Box', 'Acme-Box'] },
    ],
  },
  platforms: {
    x: { maxLength: 280, links: 'allowed', moveToPrivate: true, signature: 'short' },
    facebook: { maxLength: 8000, links: 'allowed', moveToPrivate: true, signature: 'full' },
    // Links are not clickable in Instagram and TikTok comments.
    instagram: { maxLength: 2200, links: 'none', moveToPrivate: true, signature: 'short' },
    linkedin: { maxLength: 1250, links: 'allowed', moveToPrivate: true, signature: 'full' },
    reddit: { maxLength: 10000, links: 'allowed', moveToPrivate: true, signature: 'full' },
    youtube: { maxLength: 10000, links: 'allowed', moveToPrivate: false, signature: 'short' },
    tiktok: { maxLength: 150, links: 'none', moveToPrivate: true, signature: 'short' },
    // Review sites: no private messages; their reply rules discourage links.
    'google-maps': { maxLength: 4096, links: 'none', moveToPrivate: false, signature: 'full' },
    trustpilot: { maxLength: 2048, links: 'none', moveToPrivate: false, signature: 'full' },
    tripadvisor: { maxLength: 5000, links: 'none', moveToPrivate: false, signature: 'full' },
    amazon: { maxLength: 1000, links: 'none', moveToPrivate: false, signature: 'full' },
    generic: { maxLength: null, links: 'allowed', moveToPrivate: false, signature: 'full' },
  },
  disclosure: {
    tags: { fr: ['#partenariat', '#sponsorisé', '#publicité'], en: ['#ad', '#sponsored'] },
    triggers: {
      fr: ['code promo', 'code de réduction', 'partenaire', 'en partenariat avec', 'offre exclusive', 'offre spéciale', 'sponsorisé'],
      en: ['discount code', 'promo code', 'partner', 'in partnership with', 'exclusive offer', 'special offer', 'sponsored', 'affiliate'],
    },
  },
  templates: TEMPLATES,
  updatedAt: '2025-01-20T09:30:00.000Z',
};

/** A fresh copy of the demo guide, safe to edit. */
export function demoGuide(): StyleGuide {
  return structuredClone(DEMO_GUIDE);
}
