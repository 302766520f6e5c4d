import { describe, expect, test } from 'vitest';
import { classifyIntent, normalizeForIntent } from '../../../lib/intent/classify';
import type { Intent, IntentOptions } from '../../../lib/intent/classify';

type Case = [text: string, opts: IntentOptions, expected: Intent[]];

const neutral = (lang: 'fr' | 'en'): IntentOptions => ({ lang, sentiment: 'neutral' });
const negative = (lang: 'fr' | 'en'): IntentOptions => ({ lang, sentiment: 'negative' });
const positive = (lang: 'fr' | 'en'): IntentOptions => ({ lang, sentiment: 'positive' });

/** The intents must be exactly these (order: complaint, question, request, praise). */
function check([text, opts, expected]: Case): void {
  expect(classifyIntent(text, opts)).toEqual(expected);
}

describe('classifyIntent: questions', () => {
  test.each<Case>([
    ['Is there a store in Paris', neutral('en'), ['question']],
    ['What time does the shop open?', neutral('en'), ['question']],
    ['Why is the app so slow today', neutral('en'), ['complaint', 'question']],
    ['Anyone know when the sale starts', neutral('en'), ['question']],
    ['Y a-t-il une boutique à Lyon', neutral('fr'), ['question']],
    ['Avez-vous des nouvelles du produit', neutral('fr'), ['question']],
    ['Est-ce que le magasin est ouvert dimanche', neutral('fr'), ['question']],
    ['Quand sort la nouvelle version', neutral('fr'), ['question']],
    ['Où en est ma demande', neutral('fr'), ['question']],
  ])('%s → %j', (...c) => check(c));

  test.each<Case>([
    ['What a great day', positive('en'), ['praise']], // exclamative, not a question
    ['How nice of you!', positive('en'), ['praise']],
    ['Rendez-vous demain au magasin', neutral('fr'), ['other']], // "rendez-vous" is no inversion
    ['Le film sort mercredi', neutral('fr'), ['other']],
    ['The new phone launches tomorrow', neutral('en'), ['other']],
  ])('not a question: %s → %j', (...c) => check(c));
});

describe('classifyIntent: requests', () => {
  test.each<Case>([
    ['Can you help me with my order?', neutral('en'), ['question', 'request']],
    ['Could you check my delivery status', neutral('en'), ['question', 'request']],
    ['I need to cancel my subscription', neutral('en'), ['request']],
    ['Please send me a new charger', neutral('en'), ['request']],
    ['Delete my account now.', neutral('en'), ['request']],
    ['Pouvez-vous m’aider', neutral('fr'), ['question', 'request']],
    ["J'aimerais être remboursé", neutral('fr'), ['request']],
    ['Je voudrais annuler ma commande', neutral('fr'), ['request']],
    ['Je souhaite résilier mon abonnement', neutral('fr'), ['request']],
    ['Merci de me rappeler au plus vite', neutral('fr'), ['request']], // polite request, not thanks
    ['Envoyez-moi un nouveau colis svp', neutral('fr'), ['request']],
  ])('%s → %j', (...c) => check(c));

  test.each<Case>([
    // A first-person report of a failure: the customer expects the brand to fix it.
    ["My top-up didn't go through", neutral('en'), ['complaint', 'request']],
    ['I was charged twice for one purchase', neutral('en'), ['complaint', 'request']],
    ["Je n'ai jamais reçu ma carte", neutral('fr'), ['complaint', 'request']],
    ['Mon paiement n’est pas passé', neutral('fr'), ['complaint', 'request']],
  ])('failure report: %s → %j', (...c) => check(c));
});

describe('classifyIntent: complaints', () => {
  test.each<Case>([
    ['My bag was lost and customer service never called back', negative('en'), ['complaint', 'request']],
    ['Flight delayed 3 hours, still waiting at the gate', negative('en'), ['complaint']],
    ['Worst airline ever', negative('en'), ['complaint']],
    ['Thanks for nothing', negative('en'), ['complaint']],
    ['#NeverAgain', neutral('en'), ['complaint']], // hashtags read as words
    ['Still no refund, can you help?', negative('en'), ['complaint', 'question', 'request']],
    ['Toujours pas reçu mon colis, service client injoignable.', negative('fr'), ['complaint', 'request']],
    ["Mon téléphone est arrivé cassé, c'est inadmissible", negative('fr'), ['complaint', 'request']],
    ["L'écran est arrivé cassé, c'est inadmissible", negative('fr'), ['complaint']], // no first person: no implicit request
    ["Train encore en retard, comme d'habitude", negative('fr'), ['complaint']],
    ['Service client nul, je ne recommande pas', negative('fr'), ['complaint']],
    ['Merci pour rien', negative('fr'), ['complaint']],
  ])('%s → %j', (...c) => check(c));

  test.each<Case>([
    // A failure cue beats a (sarcastic) positive label, unless the text thanks or praises.
    ["Thank you for cancelling my flight, now I'm stuck here", positive('en'), ['complaint', 'request']],
    ['Love how you hang up on customers', positive('en'), ['complaint', 'praise']],
    ['Thanks, the delayed parcel finally arrived!', positive('en'), ['request', 'praise']],
  ])('sarcasm and mixed: %s → %j', (...c) => check(c));

  test.each<Case>([
    ["Can't wait to fly with you again!", positive('en'), ['praise']],
    ['No problem at all, smooth trip', positive('en'), ['praise']],
    ['Pas mal du tout, sans souci, je recommande', positive('fr'), ['praise']],
    ['This film is about a lost dog', neutral('en'), ['complaint']], // a known limit: "lost" is read as a failure
  ])('set phrases: %s → %j', (...c) => check(c));
});

describe('classifyIntent: praise', () => {
  test.each<Case>([
    ['Thanks for the great flight, love the crew!', positive('en'), ['praise']],
    ['Thanks for your help!', positive('en'), ['praise']], // "help" here is thanks, not a request
    ['Shout out to the team 👏', positive('en'), ['praise']],
    ['Thank you', neutral('en'), ['praise']], // explicit thanks count without a positive label
    ['Merci pour votre aide, super réactifs !', positive('fr'), ['praise']],
    ["J'adore cette marque, bravo à toute l'équipe", positive('fr'), ['praise']],
    ['Merci de votre aide', neutral('fr'), ['praise']],
  ])('%s → %j', (...c) => check(c));

  test('a negative text is not praise even with "thanks"', () => {
    expect(classifyIntent('Thanks, but the product broke again', { lang: 'en', sentiment: 'negative' })).not.toContain('praise');
  });
});

describe('classifyIntent: ratings, language and edge cases', () => {
  test.each<Case>([
    ['Great product, works perfectly', { lang: 'en', rating: 5 }, ['praise']],
    ['Broke after two days', { lang: 'en', rating: 1 }, ['complaint']],
    ['Super produit, je recommande', { lang: 'fr', rating: 4.5 }, ['praise']],
    ['Déçu, ne fonctionne plus après une semaine', { lang: 'fr', rating: 1 }, ['complaint']],
  ])('rating: %s %j → %j', (...c) => check(c));

  test('without opts, the cues of both languages are used', () => {
    expect(classifyIntent('Pouvez-vous m’aider ?')).toEqual(['question', 'request']);
    expect(classifyIntent('Where is my parcel?')).toEqual(['question', 'request']);
  });

  test('opts.lang limits the cues to that language', () => {
    expect(classifyIntent('je voudrais annuler', { lang: 'en' })).toEqual(['other']);
    expect(classifyIntent('je voudrais annuler', { lang: 'fr' })).toEqual(['request']);
  });

  test.each(['', '   ', 'https://example.com', '@acme'])('empty or unreadable text %j → other', (text) => {
    expect(classifyIntent(text)).toEqual(['other']);
  });

  test('a non-string does not throw', () => {
    expect(classifyIntent(undefined as unknown as string)).toEqual(['other']);
  });

  test('a very long text stays fast', () => {
    const long = 'Le produit est bien. '.repeat(20_000);
    const t0 = performance.now();
    classifyIntent(long, { lang: 'fr' });
    expect(performance.now() - t0).toBeLessThan(500);
  });
});

describe('normalizeForIntent', () => {
  test.each([
    ['Où est mon COLIS ?', 'où est mon colis ?'],
    ['Ça n’a pas été reçu', "ca n'a pas ete recu"],
    ['@acme #NeverAgain https://x.co/a', 'never again'],
    ['Œuvre   ratée', 'oeuvre ratee'],
    // The plain-ASCII fast path folds the same way as the Unicode one.
    ["Don`t  CANCEL\tmy order", "don't cancel my order"],
    ["Don`t  CANCEL\tmy order é", "don't cancel my order e"],
    ['Cre\u0300me bru\u0302le\u0301e', 'creme brulee'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeForIntent(input)).toBe(expected);
  });
});
