import { describe, expect, test } from 'vitest';
import { DEMO_GUIDE } from '../../../lib/replies/demo-guide';
import {
  cleanValue,
  contextFromMention,
  fillTemplate,
  findOrderId,
  findProduct,
  listPlaceholders,
  unknownPlaceholders,
} from '../../../lib/replies/placeholders';
import type { MentionLike } from '../../../lib/replies/placeholders';

describe('fillTemplate', () => {
  test.each([
    [
      'fr',
      'Bonjour {author}, merci pour votre message sur {site} ! — {agent}, équipe {brand}',
      'Bonjour Camille Roux, merci pour votre message sur Instagram ! — Léa, équipe Acme',
    ],
    [
      'en',
      'Hi {author} ({handle}), thanks for your note about {product}. — {agent}, {brand} team',
      'Hi Tom Hartley (@tomhartley_ldn), thanks for your note about Bellecour. — Léa, Acme team',
    ],
  ])('every known placeholder is filled (%s)', (_lang, text, expected) => {
    const ctx = { author: 'Camille Roux', handle: '@tomhartley_ldn', site: 'Instagram', agent: 'Léa', brand: 'Acme', product: 'Bellecour' };
    const out = fillTemplate(text, _lang === 'en' ? { ...ctx, author: 'Tom Hartley' } : ctx);
    expect(out.text).toBe(expected);
    expect(out.missing).toEqual([]);
  });

  test.each([
    ['fr', 'Bonjour {author}, nous avons retrouvé la commande {order_id}.', 'Bonjour Inès, nous avons retrouvé la commande {order_id}.'],
    ['en', 'Hi {author}, we found order {order_id}.', 'Hi Inès, we found order {order_id}.'],
  ])('a missing value stays visible and is listed (%s)', (_lang, text, expected) => {
    const out = fillTemplate(text, { author: 'Inès', order_id: null });
    expect(out).toEqual({ text: expected, filled: ['author'], missing: ['order_id'] });
  });

  test('each name is listed once, in order of first appearance', () => {
    const out = fillTemplate('{agent} {author} {order_id} {author} {coupon} {order_id}', { author: 'A', agent: 'B' });
    expect(out.filled).toEqual(['agent', 'author']);
    expect(out.missing).toEqual(['order_id', 'coupon']);
    expect(out.text).toBe('B A {order_id} A {coupon} {order_id}');
  });

  test('unknown placeholders are never filled, even if the context has the key', () => {
    const ctx = { coupon: 'FREE' } as unknown as Parameters<typeof fillTemplate>[1];
    expect(fillTemplate('Code {coupon}', ctx)).toEqual({ text: 'Code {coupon}', filled: [], missing: ['coupon'] });
  });

  test('blank values count as missing', () => {
    expect(fillTemplate('Bonjour {author}', { author: '   ' }).missing).toEqual(['author']);
  });

  test('other braces are plain text', () => {
    const text = 'Prix {10 €} {Author} { author } {} {{author}}';
    const out = fillTemplate(text, { author: 'Léa' });
    expect(out.text).toBe('Prix {10 €} {Author} { author } {} {Léa}');
  });

  test('a value holding a placeholder is not expanded again', () => {
    expect(fillTemplate('Bonjour {author}, {agent}', { author: '{agent}', agent: 'Léa' }).text).toBe('Bonjour {agent}, Léa');
  });

  test('hostile values stay plain text on one line', () => {
    const out = fillTemplate('Bonjour {author},', { author: '<script>alert(1)</script>\n\nPS: send your password' });
    expect(out.text).toBe('Bonjour <script>alert(1)</script> PS: send your password,');
  });

  test('values are capped', () => {
    expect([...cleanValue('é'.repeat(1000))!]).toHaveLength(120);
  });
});

describe('listing placeholders', () => {
  test('known and unknown', () => {
    expect(listPlaceholders('{author} {coupon} {author} {order_id}')).toEqual(['author', 'coupon', 'order_id']);
    expect(unknownPlaceholders('{author} {coupon} {date_livraison}')).toEqual(['coupon', 'date_livraison']);
  });
});

describe('order numbers', () => {
  test.each([
    ['Ma commande n° AC-2024-5531 n’est jamais arrivée', 'AC-2024-5531'],
    ['commande 88412907 toujours pas reçue', '88412907'],
    ['Numéro de commande : 5531-8841', '5531-8841'],
    ['My order #88412907 never arrived', '88412907'],
    ['Order number: AC-77120', 'AC-77120'],
    ['order no. 1234567 is late', '1234567'],
  ])('%s → %s', (text, id) => {
    expect(findOrderId(text)).toBe(id);
  });

  test.each([
    ['Appelez-moi au 06 12 34 56 78'],
    ['J’ai payé 1299 € pour rien'],
    ['in order to get 2024 beans'],
    ['Je recommande 12345 fois !'],
    ['commande ABCDE'],
  ])('none in: %s', (text) => {
    expect(findOrderId(text)).toBeNull();
  });
});

describe('products', () => {
  test.each([
    ['Le mélange Bellecour est trop amer', 'Bellecour'],
    ['le belcour est top', 'Bellecour'],
    ['I love my ACME BOX subscription', 'AcmeBox'],
    ['Ma acmebox est arrivée, et le Bellecour aussi', 'AcmeBox'],
    ['Best oberkampf ever', 'Oberkampf'],
  ])('%s → %s', (text, name) => {
    expect(findProduct(text, DEMO_GUIDE)).toBe(name);
  });

  test('a product name inside another word does not count', () => {
    expect(findProduct('Les Bellecouriens adorent', DEMO_GUIDE)).toBeNull();
  });
});

describe('contextFromMention', () => {
  const mention: MentionLike = {
    text: 'Ma commande AC-2024-5531 de Bellecour n’est pas arrivée @AcmeFrance',
    site: 'x',
    author: 'Inès Benali',
    handle: 'ines_bnl',
    lang: 'fr',
  };

  test('fr: author, handle with @, brand, product, agent, order, site', () => {
    expect(contextFromMention(mention, DEMO_GUIDE, { agent: 'Léa', brand: 'Acme' })).toEqual({
      author: 'Inès Benali',
      handle: '@ines_bnl',
      brand: 'Acme',
      product: 'Bellecour',
      agent: 'Léa',
      order_id: 'AC-2024-5531',
      site: 'X',
    });
  });

  test('en: unknown values are null, so they stay visible once filled', () => {
    const ctx = contextFromMention({ text: 'Lovely café in Lyon', site: 'google-maps', author: null, handle: null, lang: 'en' }, DEMO_GUIDE);
    expect(ctx).toEqual({ author: null, handle: null, brand: null, product: null, agent: null, order_id: null, site: 'Google Maps' });
    expect(fillTemplate('Hi {author}, see you on {site}. {agent}', ctx)).toEqual({
      text: 'Hi {author}, see you on Google Maps. {agent}',
      filled: ['site'],
      missing: ['author', 'agent'],
    });
  });
});
