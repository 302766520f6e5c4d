import { describe, expect, test } from 'vitest';
import en from '../../../public/_locales/en/messages.json';
import fr from '../../../public/_locales/fr/messages.json';
import { demoGuide, DEMO_GUIDE } from '../../../lib/replies/demo-guide';
import type { GuideLang, StyleGuide } from '../../../lib/replies/guide';
import { applyAllFixes, applyFix, findEmojis, findLinks, LINT_MESSAGE_KEYS, lintDraft, measureLength } from '../../../lib/replies/lint';
import type { Finding, LintOptions, LintRule } from '../../../lib/replies/lint';
import { REASON_KEYS } from '../../../lib/replies/rank';
import type { SiteId } from '../../../lib/sites/types';

const CTX = { agent: 'Léa', brand: 'Acme' };
/** Signed drafts, so only the rule under test fires. */
const SIG = { fr: '\n\n— Léa, équipe Acme', en: '\n\n— Léa, Acme team' } as const;

function lint(draft: string, lang: GuideLang, site: SiteId = 'facebook', guide: StyleGuide = DEMO_GUIDE, context: LintOptions['context'] = CTX): Finding[] {
  return lintDraft(draft, guide, { lang, site, context });
}

function only(findings: Finding[], rule: LintRule): Finding[] {
  return findings.filter((f) => f.rule === rule);
}

/** [found, fixed draft] for each finding of `rule`, each fix applied alone. */
function fixes(draft: string, lang: GuideLang, rule: LintRule, site: SiteId = 'facebook', guide: StyleGuide = DEMO_GUIDE): Array<[string, string | null]> {
  return only(lint(draft, lang, site, guide), rule).map((f) => [f.found, f.fix ? applyFix(draft, f) : null]);
}

function withGuide(change: (g: StyleGuide) => void): StyleGuide {
  const g = demoGuide();
  change(g);
  return g;
}

describe('banned-term', () => {
  test.each([
    ['fr', 'Malheureusement, votre colis a eu un problème.', [
      ['Malheureusement', 'Nous sommes désolés, votre colis a eu un problème.'],
      ['problème', 'Malheureusement, votre colis a eu un souci.'],
    ]],
    ['fr', 'UN PROBLEME de torréfaction', [['PROBLEME', 'UN SOUCI de torréfaction']]], // case and accents
    ['en', 'Unfortunately that cheap blend is gone.', [
      ['Unfortunately', 'We’re sorry that cheap blend is gone.'],
      ['cheap', 'Unfortunately that affordable blend is gone.'],
    ]],
    ['en', 'We apologise for ANY INCONVENIENCE.', [['ANY INCONVENIENCE', 'We apologise for THE TROUBLE.']]],
  ] as const)('%s: %s', (lang, draft, expected) => {
    expect(fixes(draft + SIG[lang], lang, 'banned-term').map(([f, d]) => [f, d?.replace(SIG[lang], '')])).toEqual(expected);
  });

  test.each([
    ['fr', 'N\'hésitez pas à nous écrire.', 'N\'hésitez pas', 'Formule creuse'],
    ['fr', 'Pourriez-vous supprimer votre avis ?', 'supprimer votre avis', 'jamais'],
    ['en', 'Could you remove your review?', 'remove your review', 'Never ask'],
  ] as const)('no replacement, a reason: %s', (lang, draft, found, reason) => {
    const [f] = only(lint(draft + SIG[lang], lang), 'banned-term');
    expect(f).toMatchObject({ found, severity: 'error', messageKey: 'replyLintBanned' });
    expect(f!.args[1]).toContain(reason);
    expect(f!.fix).toBeUndefined();
  });

  test.each([
    ['fr', 'Une question problématique, pas cheap du tout.'], // word boundary; "cheap" is an English-only ban
    ['en', 'Malheureusement is French; that was a problem-free order, cheapest option aside.'],
  ] as const)('not flagged: %s', (lang, draft) => {
    expect(only(lint(draft + SIG[lang], lang), 'banned-term')).toEqual([]);
  });
});

describe('formality (fr: tu / vous; en: casual words)', () => {
  test.each([
    ['Tu peux nous écrire en privé.', 'Tu peux', 'Vous pouvez nous écrire en privé.'],
    ['Merci à toi !', 'toi', 'Merci à vous !'],
    ['Ton colis arrive demain.', 'Ton', 'Votre colis arrive demain.'],
    ['Merci pour ta patience.', 'ta', 'Merci pour votre patience.'],
    ['Nous suivons tes commandes.', 'tes', 'Nous suivons vos commandes.'],
    ['Je t’envoie le suivi.', 't’', 'Je vous envoie le suivi.'],
    ['Peux-tu confirmer ?', 'Peux-tu', 'Pouvez-vous confirmer ?'],
    ['Si tu trouves le temps, écris-nous.', 'tu trouves', 'Si vous trouvez le temps, écris-nous.'],
    ['Tu pouvez nous écrire.', 'Tu pouvez', 'Vous pouvez nous écrire.'],
    ['Tu n’as rien reçu ?', 'Tu', null], // the verb must change too: no safe fix
  ])('fr, the guide says vous: %s', (draft, found, fixed) => {
    const [f] = only(lint(draft + SIG.fr, 'fr'), 'formality');
    expect(f).toMatchObject({ found, severity: 'error', messageKey: 'replyLintTuInVousGuide', args: [found] });
    expect(f!.fix ? applyFix(draft + SIG.fr, f!).replace(SIG.fr, '') : null).toBe(fixed);
  });

  const tuGuide = withGuide((g) => (g.voice.fr!.formality = 'tu'));
  test.each([
    ['Vous pouvez nous écrire.', 'Vous pouvez', 'Tu peux nous écrire.'],
    ['Pouvez-vous confirmer ?', 'Pouvez-vous', 'Peux-tu confirmer ?'],
    ['Merci pour vos messages.', 'vos', 'Merci pour tes messages.'],
    ['Votre colis arrive.', 'Votre', null], // ton or ta: no safe fix
  ])('fr, the guide says tu: %s', (draft, found, fixed) => {
    const [f] = only(lint(draft + SIG.fr, 'fr', 'facebook', tuGuide), 'formality');
    expect(f).toMatchObject({ found, messageKey: 'replyLintVousInTuGuide' });
    expect(f!.fix ? applyFix(draft + SIG.fr, f!).replace(SIG.fr, '') : null).toBe(fixed);
  });

  test('fr, no register in the guide: tu and vous mixed, the minority is flagged', () => {
    const g = withGuide((x) => delete x.voice.fr);
    const found = only(lint('Vous pouvez nous écrire, nous regardons ton colis avec votre transporteur.', 'fr', 'facebook', g), 'formality');
    expect(found.map((f) => [f.found, f.messageKey])).toEqual([['ton', 'replyLintMixedRegister']]);
  });

  test.each([
    ['fr', 'Le ton de ce message nous touche. Vous pouvez nous écrire.'], // "le ton" is the noun
    ['fr', 'Nous vous remercions, et a-t-il bien reçu votre colis ?'], // euphonic "-t-"
    ['en', 'We are going to check your order, thank you.'],
  ] as const)('not flagged: %s', (lang, draft) => {
    expect(only(lint(draft + SIG[lang], lang), 'formality')).toEqual([]);
  });

  test.each([
    ['We\'re gonna check it, thx!', [['gonna', 'We\'re going to check it, thx!'], ['thx', 'We\'re gonna check it, thanks!']]],
    ['Can u DM us? Pls', [['u', 'Can you DM us? Pls'], ['Pls', 'Can u DM us? Please']]],
    ['lol we will check', [['lol', null]]],
  ] as const)('en, the guide is formal: %s', (draft, expected) => {
    const found = only(lint(draft + SIG.en, 'en'), 'formality');
    expect(found.every((f) => f.messageKey === 'replyLintCasualInFormal')).toBe(true);
    expect(found.map((f) => [f.found, f.fix ? applyFix(draft + SIG.en, f).replace(SIG.en, '') : null])).toEqual(expected);
  });

  test('en, the guide is casual: casual words are fine', () => {
    const casual = withGuide((g) => (g.voice.en!.formality = 'casual'));
    expect(only(lint('We\'re gonna check it, thx!' + SIG.en, 'en', 'facebook', casual), 'formality')).toEqual([]);
  });

  test('the customer’s name is theirs: no wording finding inside it', () => {
    const draft = 'Hi u/beans, thanks!' + SIG.en;
    expect(only(lint(draft, 'en'), 'formality')).toHaveLength(1);
    expect(only(lint(draft, 'en', 'facebook', DEMO_GUIDE, { ...CTX, author: 'u/beans' }), 'formality')).toEqual([]);
  });
});

describe('verb-person (fr)', () => {
  test('the guide says vous: "vous peux" → "vous pouvez"', () => {
    const draft = 'Vous peux nous écrire.' + SIG.fr;
    const [f] = only(lint(draft, 'fr'), 'verb-person');
    expect(f).toMatchObject({ found: 'Vous peux', severity: 'error', messageKey: 'replyLintVerbPerson' });
    expect(applyFix(draft, f!)).toBe('Vous pouvez nous écrire.' + SIG.fr);
    expect(only(lint(draft, 'fr'), 'formality')).toEqual([]);
  });

  test('the guide says tu: "tu pouvez" → "tu peux"', () => {
    const draft = 'Tu pouvez nous écrire, tu es le bienvenu.' + SIG.fr;
    const g = withGuide((x) => (x.voice.fr!.formality = 'tu'));
    const found = only(lint(draft, 'fr', 'facebook', g), 'verb-person');
    expect(found.map((f) => f.found)).toEqual(['Tu pouvez']);
    expect(applyFix(draft, found[0]!)).toBe('Tu peux nous écrire, tu es le bienvenu.' + SIG.fr);
  });

  test('en: the rule is French-only', () => {
    expect(only(lint('You is welcome.' + SIG.en, 'en'), 'verb-person')).toEqual([]);
  });
});

describe('length', () => {
  test.each([
    ['fr', 'x', 'Bonjour, ' + 'merci pour votre message. '.repeat(12) + '^Léa', '280', 'X'],
    ['en', 'tiktok', 'Thanks for your message, we are looking into it and will get back to you very soon with everything you need to know about your order and its delivery. ^Léa', '150', 'TikTok'],
  ] as const)('%s on %s', (lang, site, draft, max, label) => {
    const [f] = only(lint(draft, lang, site), 'length');
    expect(f).toMatchObject({ severity: 'error', messageKey: 'replyLintTooLong', end: draft.length });
    expect(f!.args.slice(1)).toEqual([max, label]);
    expect(Number(f!.args[0])).toBe(measureLength(draft, site));
    // The finding starts at the first character past the limit.
    expect(measureLength(draft.slice(0, f!.start), site)).toBeLessThanOrEqual(Number(max));
    expect(measureLength(draft.slice(0, f!.start + 1), site)).toBeGreaterThan(Number(max));
    expect(f!.fix).toBeUndefined();
  });

  test('X counts a URL as 23 and an emoji as 2', () => {
    const url = 'https://acme.example/aide/commandes/suivi?utm_source=x&ref=' + 'a'.repeat(80);
    expect(measureLength(url, 'x')).toBe(23);
    expect(measureLength(url, 'facebook')).toBe(url.length);
    expect(measureLength('😀', 'x')).toBe(2);
    expect(measureLength('👩‍👩‍👧‍👦', 'x')).toBe(2);
    expect(measureLength('👩‍👩‍👧‍👦', 'facebook')).toBe(7); // code points
    expect(measureLength('🇫🇷', 'x')).toBe(2);
    expect(measureLength('é', 'x')).toBe(1);
    expect(measureLength('中', 'x')).toBe(2);
    const fits = 'a'.repeat(250) + ' ' + url + ' ^Léa'; // 250 + 1 + 23 + 5 = 279
    expect(only(lint(fits, 'fr', 'x'), 'length')).toEqual([]);
    expect(only(lint('a'.repeat(279) + '😀', 'fr', 'x'), 'length')).toHaveLength(1);
  });

  test('no limit: no finding', () => {
    expect(only(lint('a'.repeat(50_000), 'fr', 'generic'), 'length')).toEqual([]);
  });
});

describe('signature', () => {
  test.each([
    ['fr', 'facebook', 'Merci pour votre message.', 'Merci pour votre message.\n\n— Léa, équipe Acme'],
    ['en', 'google-maps', 'Thank you for your review.  \n', 'Thank you for your review.\n\n— Léa, Acme team'],
    ['fr', 'x', 'Merci !', 'Merci ! ^Léa'],
    ['en', 'tiktok', 'Thanks!', 'Thanks! ^Léa'],
  ] as const)('missing (%s, %s): the fix appends the platform’s form', (lang, site, draft, fixed) => {
    const [f] = only(lint(draft, lang, site), 'signature');
    expect(f).toMatchObject({ severity: 'warning', messageKey: 'replyLintSignature', start: draft.length, end: draft.length });
    expect(applyFix(draft, f!)).toBe(fixed);
  });

  test.each([
    ['fr', 'facebook', 'Merci.\n\n— Léa, équipe Acme'],
    ['fr', 'facebook', 'Merci.\nSam, équipe Acme'], // another agent, no dash
    ['fr', 'facebook', 'Merci. — léa, ÉQUIPE ACME'], // case and accents
    ['en', 'trustpilot', 'Thanks.\n\n— Sam, Acme team'],
    ['en', 'x', 'Thanks! ^Sam'],
    ['en', 'x', 'Thanks!\n\n— Sam, Acme team'], // the full form is fine on a short platform
  ] as const)('present (%s, %s)', (lang, site, draft) => {
    expect(only(lint(draft, lang, site), 'signature')).toEqual([]);
  });

  test('no agent known: the appended signature keeps {agent} visible', () => {
    const [f] = only(lint('Merci !', 'fr', 'facebook', DEMO_GUIDE, {}), 'signature');
    expect(applyFix('Merci !', f!)).toBe('Merci !\n\n— {agent}, équipe Acme');
  });

  test('a platform without signature', () => {
    const g = withGuide((x) => (x.platforms.facebook!.signature = 'none'));
    expect(only(lint('Merci !', 'fr', 'facebook', g), 'signature')).toEqual([]);
  });
});

describe('shouting', () => {
  test.each([
    ['fr', 'MERCI BEAUCOUP pour votre message.', [['MERCI', 'Merci BEAUCOUP pour votre message.'], ['BEAUCOUP', 'MERCI beaucoup pour votre message.']]],
    ['en', 'THANK YOU SO MUCH for your message.', [['THANK', 'Thank YOU SO MUCH for your message.'], ['MUCH', 'THANK YOU SO much for your message.']]],
  ] as const)('words in capitals (%s)', (lang, draft, expected) => {
    const found = only(lint(draft + SIG[lang], lang), 'shouting');
    expect(found.every((f) => f.messageKey === 'replyLintShoutingCaps' && f.severity === 'warning')).toBe(true);
    expect(found.map((f) => [f.found, applyFix(draft + SIG[lang], f).replace(SIG[lang], '')])).toEqual(expected);
  });

  test.each([
    ['fr', 'Merci !!!', 'Merci !'],
    ['fr', 'Vraiment ?!!', 'Vraiment ?'],
    ['en', 'Thank you!!', 'Thank you!'],
  ] as const)('exclamation marks: %s', (lang, draft, fixed) => {
    const [f] = only(lint(draft + SIG[lang], lang), 'shouting');
    expect(f).toMatchObject({ messageKey: 'replyLintShoutingMarks' });
    expect(applyFix(draft + SIG[lang], f!)).toBe(fixed + SIG[lang]);
  });

  test.each([
    ['fr', 'Un GRAND merci !'], // one word of emphasis
    ['fr', 'Le SAV et la SNCF ont le même souci, voyez le RGPD.'], // short words and acronyms
    ['fr', 'La ACMEBOX et le BELLECOUR, ACME.'], // product and brand names
    ['en', 'Really?! Thanks!'],
  ] as const)('not shouting: %s', (lang, draft) => {
    expect(only(lint(draft + SIG[lang], lang), 'shouting')).toEqual([]);
  });
});

describe('disclosure', () => {
  test.each([
    ['fr', 'instagram', 'Profitez de 15 % avec le code promo LUNE15.', 'code promo', ' #partenariat'],
    ['fr', 'facebook', 'Notre partenaire l’Atelier Lune vous offre 15 %.', 'partenaire', ' #partenariat'],
    ['en', 'instagram', 'Get 15% off with the discount code LUNE15.', 'discount code', ' #ad'],
    ['en', 'facebook', 'Our partner Atelier Lune gives you 15% off. #adventure', 'partner', ' #ad'],
  ] as const)('missing (%s): %s', (lang, site, draft, trigger, tag) => {
    const [f] = only(lint(draft, lang, site), 'disclosure');
    expect(f).toMatchObject({ found: trigger, severity: 'error', messageKey: 'replyLintDisclosure' });
    expect(f!.fix).toEqual({ append: tag });
    expect(applyFix(draft, f!)).toBe(draft + tag);
  });

  test.each([
    ['fr', 'Avec le code promo LUNE15 #partenariat'],
    ['fr', '#Sponsorisé — code promo LUNE15'],
    ['fr', 'Code promo LUNE15 #sponsorise'], // accents folded
    ['fr', 'Nous sommes désolés pour ce retard.'], // no trigger
    ['en', 'Use the discount code LUNE15 #ad'],
    ['en', '#Sponsored: our partner Atelier Lune'],
  ] as const)('disclosed or not promotional (%s): %s', (lang, draft) => {
    expect(only(lint(draft, lang, 'instagram'), 'disclosure')).toEqual([]);
  });

  test('a French draft needs a French tag', () => {
    expect(only(lint('Code promo LUNE15 #ad', 'fr', 'instagram'), 'disclosure')).toHaveLength(1);
  });
});

describe('link', () => {
  test.each([
    ['fr', 'instagram', 'Tout est expliqué sur https://acme.fr/aide.', ['https://acme.fr/aide']],
    ['fr', 'tiktok', 'Voir acme.fr/livraison ou www.acme.example', ['acme.fr/livraison', 'www.acme.example']],
    ['en', 'google-maps', 'See http://acme.example/help (in English).', ['http://acme.example/help']],
  ] as const)('the platform allows none (%s, %s)', (lang, site, draft, urls) => {
    const found = only(lint(draft, lang, site), 'link');
    expect(found.map((f) => f.found)).toEqual(urls);
    expect(found[0]).toMatchObject({ severity: 'error', messageKey: 'replyLintLink' });
    expect(found[0]!.args[1]).toBe({ instagram: 'Instagram', tiktok: 'TikTok', 'google-maps': 'Google Maps' }[site]);
  });

  test.each([
    ['fr', 'facebook', 'Tout est sur https://acme.fr/aide'],
    ['en', 'x', 'See https://acme.example/help'],
    ['fr', 'google-maps', 'Écrivez-nous à contact@acme.fr ou contact@acme.example, etc.'],
  ] as const)('allowed, or not a link (%s, %s)', (lang, site, draft) => {
    expect(only(lint(draft, lang, site), 'link')).toEqual([]);
  });

  test('findLinks trims the trailing punctuation', () => {
    expect(findLinks('(voir https://acme.fr/a).')).toEqual([{ start: 6, end: 23 }]);
  });
});

describe('product-name', () => {
  test.each([
    ['fr', 'Le belcour et la Acme Box sont en stock.', [['belcour', 'Bellecour'], ['Acme Box', 'AcmeBox']]],
    ['fr', 'Notre bellecour est doux.', [['bellecour', 'Bellecour']]],
    ['en', 'Your acmebox ships with the Oberkampff blend.', [['acmebox', 'AcmeBox'], ['Oberkampff', 'Oberkampf']]],
  ] as const)('%s: %s', (lang, draft, expected) => {
    const found = only(lint(draft + SIG[lang], lang), 'product-name');
    expect(found.map((f) => [f.found, (f.fix as { replacement: string }).replacement])).toEqual(expected);
    expect(found.every((f) => f.messageKey === 'replyLintProductName')).toBe(true);
  });

  test.each([
    ['fr', 'Le Bellecour et la AcmeBox.'],
    ['en', 'The Oberkampf blend, a Bellecouriste favourite.'],
  ] as const)('spelt right (%s)', (lang, draft) => {
    expect(only(lint(draft + SIG[lang], lang), 'product-name')).toEqual([]);
  });
});

describe('emoji', () => {
  const none = withGuide((g) => (g.voice.emoji = 'none'));
  const free = withGuide((g) => (g.voice.emoji = 'free'));

  test.each([
    ['fr', 'Merci 😊 !', 'Merci !'],
    ['fr', '🇫🇷 Bravo', 'Bravo'],
    ['en', '☕ Thanks', 'Thanks'],
    ['en', 'Thanks 👍🏽', 'Thanks'],
  ] as const)('policy none (%s): %s', (lang, draft, fixed) => {
    const found = only(lint(draft + SIG[lang], lang, 'facebook', none), 'emoji');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', messageKey: 'replyLintEmojiNone' });
    expect(applyFix(draft + SIG[lang], found[0]!)).toBe(fixed + SIG[lang]);
  });

  test.each([
    ['fr', 'Merci ☕ à bientôt 😊 et belle journée 🌞 !', ['🌞']],
    ['en', 'Thanks ☕ see you 😊 soon 🌞 🎉', ['🌞', '🎉']],
  ] as const)('policy sparing: beyond %#2 (%s)', (lang, draft, extra) => {
    const found = only(lint(draft + SIG[lang], lang), 'emoji');
    expect(found.map((f) => f.args[0])).toEqual(extra);
    expect(found.every((f) => f.messageKey === 'replyLintEmojiSparing' && f.args[1] === '2')).toBe(true);
  });

  test('policy free, and symbols that are not emoji', () => {
    expect(only(lint('Merci ☕😊🌞🎉' + SIG.fr, 'fr', 'facebook', free), 'emoji')).toEqual([]);
    expect(findEmojis('AcmeBox™ © ® 1 # *')).toEqual([]);
    expect(findEmojis('👩‍👩‍👧‍👦 1️⃣')).toHaveLength(2);
  });
});

describe('placeholder', () => {
  test.each([
    ['fr', 'Bonjour {author}, la commande {order_id} est partie.', [['{author}', 'replyLintPlaceholder', 'Bonjour Inès, la commande {order_id} est partie.'], ['{order_id}', 'replyLintPlaceholder', null]]],
    ['en', 'Hi {author}, use {coupon}.', [['{author}', 'replyLintPlaceholder', 'Hi Inès, use {coupon}.'], ['{coupon}', 'replyLintPlaceholderUnknown', null]]],
  ] as const)('unfilled (%s)', (lang, draft, expected) => {
    const found = only(lint(draft + SIG[lang], lang, 'facebook', DEMO_GUIDE, { ...CTX, author: 'Inès' }), 'placeholder');
    expect(found.every((f) => f.severity === 'error')).toBe(true);
    expect(found.map((f) => [f.found, f.messageKey, f.fix ? applyFix(draft + SIG[lang], f).replace(SIG[lang], '') : null])).toEqual(expected);
  });
});

describe('applyFix and applyAllFixes', () => {
  test('a stale finding changes nothing', () => {
    const draft = 'Malheureusement, non.' + SIG.fr;
    const [f] = only(lint(draft, 'fr'), 'banned-term');
    expect(applyFix('Désolés, ' + draft, f!)).toBe('Désolés, ' + draft);
    expect(applyFix(draft, { ...f!, fix: undefined })).toBe(draft);
  });

  test.each([
    [
      'fr',
      'instagram',
      'Malheureusement tu peux pas. MERCI BEAUCOUP !!! Le code promo LUNE15 pour ta Acme box',
      'Nous sommes désolés vous pouvez pas. Merci beaucoup ! Le code promo LUNE15 pour votre AcmeBox #partenariat ^Léa',
    ],
    [
      'en',
      'facebook',
      'Unfortunately we\'re gonna be late!! Use discount code LUNE15 for your acmebox',
      'We’re sorry we\'re going to be late! Use discount code LUNE15 for your AcmeBox #ad\n\n— Léa, Acme team',
    ],
  ] as const)('every fix at once (%s)', (lang, site, draft, fixed) => {
    const out = applyAllFixes(draft, lint(draft, lang, site));
    expect(out).toBe(fixed);
    expect(lint(out, lang, site).filter((f) => f.fix)).toEqual([]);
  });
});

describe('messages', () => {
  /** Drafts that together produce every message key (checked below). */
  const DRAFTS: Array<[string, GuideLang, SiteId, StyleGuide]> = [
    ['Malheureusement ! N’hésitez pas. Tu peux. Vous peux. MERCI BEAUCOUP!!! code promo https://a.fr belcour {author} {coupon} ☕😊🌞', 'fr', 'instagram', DEMO_GUIDE],
    ['a'.repeat(300) + ' gonna', 'en', 'x', DEMO_GUIDE],
    ['Vous pouvez 😊', 'fr', 'facebook', withGuide((g) => ((g.voice.fr!.formality = 'tu'), (g.voice.emoji = 'none')))],
    ['Vous pouvez, tu peux', 'fr', 'facebook', withGuide((g) => delete g.voice.fr)],
  ];
  const all = DRAFTS.flatMap(([d, lang, site, g]) => lintDraft(d, g, { lang, site }));

  test('every finding key is produced by the drafts above', () => {
    expect(new Set(all.map((f) => f.messageKey))).toEqual(new Set(LINT_MESSAGE_KEYS));
  });

  const placeholders = (m: unknown): number => Object.keys((m as { placeholders?: object }).placeholders ?? {}).length;

  test.each([...LINT_MESSAGE_KEYS, ...REASON_KEYS])('%s is in both locales, with the same placeholders', (key) => {
    const e = (en as Record<string, unknown>)[key];
    const f = (fr as Record<string, unknown>)[key];
    expect(e).toBeDefined();
    expect(f).toBeDefined();
    expect(placeholders(e)).toBe(placeholders(f));
  });

  test('each finding carries as many arguments as its message has placeholders', () => {
    for (const f of all) expect([f.messageKey, f.args.length]).toEqual([f.messageKey, placeholders((en as Record<string, unknown>)[f.messageKey])]);
  });
});

describe('the demo guide’s validated templates pass its own lint', () => {
  const cases = DEMO_GUIDE.templates
    .filter((t) => t.validation.state === 'validated')
    .flatMap((t) => (t.platforms.length > 0 ? t.platforms : (['facebook', 'google-maps', 'x'] as SiteId[])).map((site) => [t.id, site] as const));

  test.each(cases)('%s on %s', (id, site) => {
    const t = DEMO_GUIDE.templates.find((x) => x.id === id)!;
    const body = t.text.replace('{author}', 'Camille').replace('{product}', 'Bellecour');
    const sig = DEMO_GUIDE.platforms[site]?.signature === 'short' ? ' ^Léa' : t.lang === 'fr' ? SIG.fr : SIG.en;
    expect(lint(body + sig, t.lang, site).map((f) => [f.rule, f.found])).toEqual([]);
  });
});

describe('hostile drafts', () => {
  test('words that are Object.prototype keys are plain words', () => {
    expect(() => lint('constructor tostring hasownproperty __proto__ valueof' + SIG.en, 'en')).not.toThrow();
    expect(() => lint('constructor tostring __proto__' + SIG.fr, 'fr')).not.toThrow();
  });

  test('a 200 KB draft is linted quickly', () => {
    const draft = 'Malheureusement tu peux MERCI BEAUCOUP code promo https://a.fr 😊 {author} '.repeat(2700);
    const started = performance.now();
    const found = lint(draft, 'fr', 'instagram');
    expect(found.length).toBeGreaterThan(1000);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  test('markup stays text: findings point into it, fixes never add markup', () => {
    const draft = '<script>alert("Malheureusement")</script>' + SIG.fr;
    const out = applyAllFixes(draft, lint(draft, 'fr'));
    expect(out).toBe('<script>alert("Nous sommes désolés")</script>' + SIG.fr);
  });
});
