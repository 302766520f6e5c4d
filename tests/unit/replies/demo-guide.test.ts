import { describe, expect, test } from 'vitest';
import { demoGuide, DEMO_GUIDE } from '../../../lib/replies/demo-guide';
import { parseGuide, TEMPLATE_INTENTS } from '../../../lib/replies/guide';
import { unknownPlaceholders } from '../../../lib/replies/placeholders';
import { DEMO_BRANDS } from '../../../lib/brands/demo';
import { SITE_IDS } from '../../../lib/sites/types';

describe('the demo style guide', () => {
  test('belongs to the demo brand and is valid', () => {
    expect(DEMO_BRANDS.some((b) => b.id === DEMO_GUIDE.brandId && !b.competitor)).toBe(true);
    expect(parseGuide(DEMO_GUIDE)).toEqual(DEMO_GUIDE);
    expect(DEMO_GUIDE.languages).toEqual(['fr', 'en']);
    expect(DEMO_GUIDE.voice.fr!.formality).toBe('vous');
  });

  test('has rules for every site', () => {
    expect(Object.keys(DEMO_GUIDE.platforms).sort()).toEqual([...SITE_IDS].sort());
    expect(DEMO_GUIDE.platforms.x!.maxLength).toBe(280);
  });

  test('validated templates in both languages across intents, plus drafts', () => {
    const validated = DEMO_GUIDE.templates.filter((t) => t.validation.state === 'validated');
    const drafts = DEMO_GUIDE.templates.filter((t) => t.validation.state === 'draft');
    expect(validated.length).toBeGreaterThanOrEqual(12);
    expect(drafts.length).toBeGreaterThanOrEqual(1);
    expect(drafts.length).toBeLessThanOrEqual(2);
    for (const lang of ['fr', 'en'] as const) {
      const intents = new Set(validated.filter((t) => t.lang === lang).flatMap((t) => t.intents));
      for (const i of TEMPLATE_INTENTS) expect([lang, i, intents.has(i)]).toEqual([lang, i, true]);
    }
  });

  test('a partner-offer template carries #partenariat (fr) and #ad (en)', () => {
    expect(DEMO_GUIDE.templates.some((t) => t.lang === 'fr' && t.text.includes('#partenariat'))).toBe(true);
    expect(DEMO_GUIDE.templates.some((t) => t.lang === 'en' && t.text.includes('#ad'))).toBe(true);
  });

  test('templates use only placeholders Veille can fill', () => {
    for (const t of DEMO_GUIDE.templates) expect([t.id, unknownPlaceholders(t.text)]).toEqual([t.id, []]);
  });

  test('no public template asks for personal data or for a review to be removed', () => {
    for (const t of DEMO_GUIDE.templates.filter((x) => x.validation.state === 'validated')) {
      expect(t.text).not.toContain('{order_id}');
      expect(t.text).not.toMatch(/supprimer|retirer|remove|delete|adresse postale|home address|téléphone|phone number/iu);
    }
  });

  test('demoGuide() is a copy', () => {
    const g = demoGuide();
    g.templates[0]!.text = 'changed';
    expect(DEMO_GUIDE.templates[0]!.text).not.toBe('changed');
  });
});
