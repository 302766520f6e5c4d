import { describe, expect, test } from 'vitest';
import { demoGuide, DEMO_GUIDE } from '../../../lib/replies/demo-guide';
import {
  editTemplate,
  exportGuide,
  GUIDE_FORMAT,
  GUIDE_VERSION,
  GuideError,
  importGuide,
  MAX_IMPORT_CHARS,
  MAX_TEMPLATES,
  parseGuide,
  validateTemplate,
} from '../../../lib/replies/guide';
import type { ReplyTemplate, StyleGuide } from '../../../lib/replies/guide';

const NOW = new Date('2025-03-01T12:00:00.000Z');

/** The GuideError thrown by `fn` (fails the test when nothing or something else is thrown). */
function guideError(fn: () => unknown): GuideError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(GuideError);
    return e as GuideError;
  }
  throw new Error('expected a GuideError');
}

/** A file as exportGuide writes it, with `guide` replaced. */
function fileWith(guide: unknown, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ format: GUIDE_FORMAT, version: GUIDE_VERSION, exportedAt: NOW.toISOString(), guide, ...extra });
}

function validated(): ReplyTemplate {
  const t = demoGuide().templates.find((x) => x.id === 'fr-livraison-retard')!;
  expect(t.validation.state).toBe('validated');
  return t;
}

describe('parseGuide', () => {
  test('the demo guide is valid and comes back equal', () => {
    expect(parseGuide(DEMO_GUIDE)).toEqual(DEMO_GUIDE);
  });

  test('unknown fields are dropped', () => {
    const g = { ...demoGuide(), extra: '<script>' } as unknown;
    expect(parseGuide(g)).not.toHaveProperty('extra');
  });

  test('the input is not modified', () => {
    const g = demoGuide();
    const before = JSON.stringify(g);
    parseGuide(g);
    expect(JSON.stringify(g)).toBe(before);
  });

  type Bad = [label: string, change: (g: Record<string, unknown> & StyleGuide) => void, path: string, problem: RegExp];
  test.each<Bad>([
    ['template text not a string', (g) => ((g.templates[3] as unknown as Record<string, unknown>).text = 42), 'templates[3].text', /expected a string, got a number/],
    ['template text too long', (g) => (g.templates[0]!.text = 'a'.repeat(5001)), 'templates[0].text', /too long \(5001 characters, at most 5000\)/],
    ['unknown intent', (g) => ((g.templates[1]!.intents as string[]) = ['complaint', 'rant']), 'templates[1].intents[1]', /expected one of .*"rant"/],
    ['no intent', (g) => (g.templates[1]!.intents = []), 'templates[1].intents', /at least 1/],
    ['intent twice', (g) => (g.templates[1]!.intents = ['praise', 'praise']), 'templates[1].intents', /listed twice/],
    ['unknown site', (g) => ((g.templates[2]!.platforms as string[]) = ['myspace']), 'templates[2].platforms[0]', /expected one of/],
    ['validated without a date', (g) => ((g.templates[0]!.validation as unknown) = { state: 'validated', by: 'Board' }), 'templates[0].validation.at', /^missing$/],
    ['validation date not ISO', (g) => ((g.templates[0]!.validation as unknown) = { state: 'validated', by: 'Board', at: 'yesterday' }), 'templates[0].validation.at', /ISO date/],
    ['unknown validation state', (g) => ((g.templates[0]!.validation as unknown) = { state: 'approved' }), 'templates[0].validation.state', /expected one of/],
    ['two templates with one id', (g) => (g.templates[4]!.id = g.templates[0]!.id), 'templates[4].id', /used by another template/],
    ['template in a language the guide lacks', (g) => ((g.languages = ['fr']), (g.voice.en = undefined)), 'templates', /is not one of the guide's languages/],
    ['a language with no voice', (g) => delete g.voice.en, 'voice.en', /missing/],
    ['no language', (g) => (g.languages = []), 'languages', /at least 1/],
    ['bad formality', (g) => ((g.voice.fr!.formality as string) = 'toi'), 'voice.fr.formality', /expected one of/],
    ['bad emoji policy', (g) => ((g.voice.emoji as string) = 'lots'), 'voice.emoji', /expected one of/],
    ['negative max length', (g) => (g.platforms.x!.maxLength = -1), 'platforms.x.maxLength', /at least 1/],
    ['fractional max length', (g) => (g.platforms.x!.maxLength = 2.5), 'platforms.x.maxLength', /whole number/],
    ['link policy', (g) => ((g.platforms.tiktok!.links as string) = 'sometimes'), 'platforms.tiktok.links', /expected one of/],
    ['a tag without #', (g) => (g.disclosure.tags.fr = ['partenariat']), 'disclosure.tags.fr[0]', /starts with "#"/],
    ['banned term without reason', (g) => (g.vocabulary.banned[0]!.reason = ' '), 'vocabulary.banned[0].reason', /must not be empty/],
    ['templates not a list', (g) => ((g.templates as unknown) = {}), 'templates', /expected a list, got an object/],
    ['too many templates', (g) => (g.templates = Array.from({ length: MAX_TEMPLATES + 1 }, (_, i) => ({ ...g.templates[0]!, id: `t${i}` }))), 'templates', /too many items/],
  ])('%s', (_label, change, path, problem) => {
    const g = demoGuide() as Record<string, unknown> & StyleGuide;
    change(g);
    const e = guideError(() => parseGuide(g));
    expect(e.path.startsWith(path)).toBe(true);
    expect(e.problem).toMatch(problem);
    expect(e.message).toBe(`${e.path}: ${e.problem}`);
  });

  test('not an object', () => {
    expect(guideError(() => parseGuide('guide')).message).toMatch(/^\(root\): expected an object, got a string/);
    expect(guideError(() => parseGuide(null)).path).toBe('(root)');
  });
});

describe('template validation state', () => {
  test('editing the text of a validated template sends it back to draft', () => {
    const t = validated();
    const edited = editTemplate(t, { text: 'Bonjour {author}, nouveau texte.' }, NOW);
    expect(edited.validation).toEqual({ state: 'draft' });
    expect(edited.text).toBe('Bonjour {author}, nouveau texte.');
    expect(edited.updatedAt).toBe(NOW.toISOString());
    expect(t.validation.state).toBe('validated'); // the original is untouched
  });

  test.each<[string, Parameters<typeof editTemplate>[1]]>([
    ['lang', { lang: 'en' }],
    ['intents', { intents: ['delivery'] }],
    ['sentiments', { sentiments: ['negative'] }],
    ['platforms', { platforms: ['x'] }],
    ['keywords', { keywords: ['colis'] }],
  ])('editing %s sends it back to draft', (_label, changes) => {
    expect(editTemplate(validated(), changes, NOW).validation.state).toBe('draft');
  });

  test('a title-only edit keeps the validation (the title is never published)', () => {
    const t = validated();
    const edited = editTemplate(t, { title: 'Retard de livraison' }, NOW);
    expect(edited.validation).toEqual(t.validation);
    expect(edited.title).toBe('Retard de livraison');
    expect(edited.updatedAt).toBe(NOW.toISOString());
  });

  test('an edit that changes nothing returns the same template', () => {
    const t = validated();
    expect(editTemplate(t, { text: t.text, intents: [...t.intents] }, NOW)).toBe(t);
  });

  test('an edit that makes the template invalid is refused', () => {
    expect(guideError(() => editTemplate(validated(), { text: '' }, NOW)).path).toBe('text');
  });

  test('draft → validated → edited (draft) → validated again', () => {
    const draft = demoGuide().templates.find((x) => x.validation.state === 'draft')!;
    const v1 = validateTemplate(draft, 'Board de marque Acme', NOW);
    expect(v1.validation).toEqual({ state: 'validated', by: 'Board de marque Acme', at: NOW.toISOString() });
    expect(v1.updatedAt).toBe(draft.updatedAt);
    const later = new Date('2025-03-02T08:00:00.000Z');
    const edited = editTemplate(v1, { text: draft.text + ' Merci !' }, later);
    expect(edited.validation.state).toBe('draft');
    const v2 = validateTemplate(edited, 'Léa', later);
    expect(v2.validation).toEqual({ state: 'validated', by: 'Léa', at: later.toISOString() });
  });

  test('validating needs a name', () => {
    expect(guideError(() => validateTemplate(validated(), '  ', NOW)).path).toBe('validation.by');
  });
});

describe('export and import', () => {
  test('round trip: importGuide(exportGuide(g)) deep-equals g', () => {
    const g = demoGuide();
    const text = exportGuide(g, NOW);
    expect(importGuide(text)).toEqual(g);
    const file = JSON.parse(text) as Record<string, unknown>;
    expect(file).toMatchObject({ format: 'veille-style-guide', version: GUIDE_VERSION, exportedAt: NOW.toISOString() });
  });

  test('round trip of a minimal guide (optional fields absent, no templates)', () => {
    const g: StyleGuide = {
      brandId: 'mini',
      languages: ['en'],
      voice: { tone: [], emoji: 'none', en: { formality: 'casual', signature: '', shortSignature: '', greetings: [], closings: [] } },
      vocabulary: { banned: [{ term: 'cheap', reason: 'sounds poor' }], required: [], products: [] },
      platforms: {},
      disclosure: { tags: { fr: [], en: ['#ad'] }, triggers: { fr: [], en: ['partner'] } },
      templates: [],
      updatedAt: NOW.toISOString(),
    };
    const back = importGuide(exportGuide(g, NOW));
    expect(back).toEqual(g);
    expect(back.vocabulary.banned[0]).not.toHaveProperty('replacement');
  });

  test('export refuses a guide an import would refuse', () => {
    const g = demoGuide();
    g.templates[0]!.text = '';
    expect(() => exportGuide(g, NOW)).toThrow(GuideError);
  });

  test('template text holding <script> stays plain text', () => {
    const g = demoGuide();
    const text = 'Bonjour {author} <script>alert(1)</script> <img src=x onerror=alert(2)>';
    g.templates[0]!.text = text;
    expect(importGuide(exportGuide(g, NOW)).templates[0]!.text).toBe(text);
  });

  type Hostile = [label: string, text: () => string, path: string, problem: RegExp];
  test.each<Hostile>([
    ['not JSON', () => 'this is not { json', '(file)', /not a JSON file/],
    ['a JSON list', () => '[1, 2]', '(root)', /expected an object, got a list/],
    ['JSON null', () => 'null', '(root)', /expected an object/],
    ['another format', () => JSON.stringify({ format: 'something-else', version: 1, guide: {} }), 'format', /not a Veille style guide/],
    ['a newer version', () => fileWith(DEMO_GUIDE, { version: GUIDE_VERSION + 1 }), 'version', /newer Veille/],
    ['version 0', () => fileWith(DEMO_GUIDE, { version: 0 }), 'version', /unknown version/],
    ['version as a string', () => fileWith(DEMO_GUIDE, { version: '1' }), 'version', /unknown version/],
    ['no guide', () => JSON.stringify({ format: GUIDE_FORMAT, version: GUIDE_VERSION }), 'guide', /missing/],
    ['the guide is a string', () => fileWith('guide'), 'guide', /expected an object, got a string/],
    ['a wrong type, named', () => fileWith({ ...DEMO_GUIDE, templates: DEMO_GUIDE.templates.map((t, i) => (i === 3 ? { ...t, text: ['x'] } : t)) }), 'guide.templates[3].text', /expected a string, got a list/],
    ['a template missing its text', () => fileWith({ ...DEMO_GUIDE, templates: [...DEMO_GUIDE.templates, { id: 'x' }] }), `guide.templates[${DEMO_GUIDE.templates.length}].title`, /^missing$/],
    ['an over-long string', () => fileWith({ ...DEMO_GUIDE, brandId: 'b'.repeat(100_000) }), 'guide.brandId', /too long/],
    ['"__proto__" in the guide', () => fileWith(DEMO_GUIDE).replace('"brandId"', '"__proto__": {"polluted": true}, "brandId"'), 'guide.__proto__', /not allowed/],
    ['"__proto__" deep inside', () => fileWith(DEMO_GUIDE).replace('"maxLength":280', '"__proto__":{"isAdmin":true},"maxLength":280'), 'guide.platforms.x.__proto__', /not allowed/],
    ['"constructor" at the top', () => fileWith(DEMO_GUIDE, { constructor: { prototype: { polluted: true } } }), 'constructor', /not allowed/],
    ['"prototype" in a template', () => fileWith(DEMO_GUIDE).replace('"id":"fr-remboursement"', '"prototype":1,"id":"fr-remboursement"'), 'guide.templates[1].prototype', /not allowed/],
  ])('refused: %s', (_label, text, path, problem) => {
    const e = guideError(() => importGuide(text()));
    expect(e.path).toBe(path);
    expect(e.problem).toMatch(problem);
  });

  test('prototype pollution keys change no prototype', () => {
    const text = fileWith(DEMO_GUIDE).replace('"brandId"', '"__proto__": {"polluted": true}, "brandId"');
    expect(() => importGuide(text)).toThrow(GuideError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  test('a 50 MB string is refused by its size, fast, before any parsing', () => {
    const huge = '{"a":"' + 'x'.repeat(50 * 1024 * 1024) + '"}';
    const started = performance.now();
    const e = guideError(() => importGuide(huge));
    expect(performance.now() - started).toBeLessThan(50);
    expect(e.path).toBe('(file)');
    expect(e.problem).toMatch(new RegExp(`too large .* at most ${MAX_IMPORT_CHARS}`));
  });

  test('deeply nested JSON is refused without overflowing the stack', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    expect(() => importGuide(fileWith(null).replace('"guide":null', `"guide":${deep}`))).toThrow(GuideError);
  });

  test('a refused import returns nothing: the caller keeps its guide', () => {
    const current = demoGuide();
    let next = current;
    try {
      next = importGuide(fileWith({ ...DEMO_GUIDE, templates: [...DEMO_GUIDE.templates, { id: 'x' }] }));
    } catch (e) {
      expect(e).toBeInstanceOf(GuideError);
    }
    expect(next).toBe(current);
  });

  test('import is not fooled by a non-string', () => {
    expect(guideError(() => importGuide(42 as unknown as string)).path).toBe('(file)');
  });
});
