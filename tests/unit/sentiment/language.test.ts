import { describe, expect, test } from 'vitest';
import { detectLanguage } from '../../../lib/sentiment/language';

describe('detectLanguage', () => {
  test.each([
    ['Je suis très déçue par la livraison', 'fr'],
    ["c'est nul", 'fr'],
    ['Merci pour votre aide !', 'fr'],
    ["L'application ne marche plus depuis hier", 'fr'],
    ['j’adore ce produit', 'fr'],
    ["Aujourd'hui encore un retard, franchement", 'fr'],
    ['@SNCF mon train est encore en retard https://t.co/xyz', 'fr'],
    ['This is the worst service ever', 'en'],
    ["I can't log in since yesterday", 'en'],
    ['Thanks for your help!', 'en'],
    ["@united where's my bag? It's been 3 days", 'en'],
    ['خدمة العملاء سيئة جدا', 'other'],
    ['Orange خدمة العملاء سيئة جدا', 'other'],
    ['Это ужасный сервис', 'other'],
    ['服务太差了', 'other'],
    ['Gracias por todo, el servicio es muy bueno', 'other'],
    ['Das ist nicht gut und ich bin sehr enttäuscht', 'other'],
    ['', 'other'],
    ['😀😀', 'other'],
    ['12345 !!!', 'other'],
    ['https://example.com @someone', 'other'],
  ] as const)('%s → %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  test('is fast on a 1 MB text (only the start is read)', () => {
    const big = 'Bonjour, le service est vraiment nul. '.repeat(30_000);
    const t0 = performance.now();
    expect(detectLanguage(big)).toBe('fr');
    expect(performance.now() - t0).toBeLessThan(500);
  });
});
