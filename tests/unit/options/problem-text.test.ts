import { describe, expect, test, vi } from 'vitest';
import en from '../../../public/_locales/en/messages.json';
import fr from '../../../public/_locales/fr/messages.json';
import { demoGuide } from '../../../lib/replies/demo-guide';
import { parseBrand, parseBrands } from '../../../lib/brands/schema';
import { parseExport } from '../../../lib/data/transfer';
import { importGuide, parseGuide, validateTemplate, type StyleGuide } from '../../../lib/replies/guide';
import { FieldError, KIND_KEYS, PROBLEM_KEYS } from '../../../lib/validation/problem';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/** browser.i18n.getMessage's substitution, on one locale's messages.json. */
function render(messages: Messages, key: string, subs: Array<string | number>): string {
  const m = messages[key];
  if (!m) return key;
  return m.message.replace(/\$(\w+)\$/gu, (_, name: string) => {
    const content = m.placeholders?.[name.toLowerCase()]?.content ?? '';
    return content.replace(/\$(\d)/gu, (_x, n: string) => String(subs[Number(n) - 1] ?? ''));
  });
}

const locale = vi.hoisted(() => ({ current: 'fr' }));
vi.mock('../../../lib/ui/i18n', () => ({
  t: (key: string, ...subs: Array<string | number>) => render((locale.current === 'fr' ? fr : en) as Messages, key, subs),
}));

const { problemText } = await import('../../../lib/ui/problem-text');

function refusal(fn: () => unknown): FieldError {
  try {
    fn();
  } catch (e) {
    if (e instanceof FieldError) return e;
    throw e;
  }
  throw new Error('not refused');
}

function changed(change: (g: StyleGuide & Record<string, unknown>) => void): StyleGuide {
  const g = demoGuide() as StyleGuide & Record<string, unknown>;
  change(g);
  return g;
}

const BRAND = { id: 'acme', name: 'Acme', aliases: [], handles: [], hashtags: [], misspellings: [], exclusions: [], competitor: false };
const T = Date.UTC(2026, 5, 1);
const ROW = {
  key: 'x:1', site: 'x', itemId: '1', kind: 'post', text: 'Acme', truncated: false, originalLength: 4, author: null, handle: null, permalink: null,
  timestamp: null, rating: null, lang: 'fr', sentiment: { label: 'neutral', score: 0, confidence: 0.5, evidence: ['top'] }, intents: ['praise'],
  brandIds: ['acme'], terms: ['Acme'], competitor: false, status: 'new', pageUrls: ['https://x.com/home'], firstSeen: T, lastSeen: T,
  statusChangedAt: T, repliedAt: null,
};
const exportFile = (mentions: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({ format: 'veille-export', version: 1, exportedAt: '2026-01-01T00:00:00Z', filter: {}, mentions, ...extra });
const file = (guide: unknown, extra: Record<string, unknown> = {}) => JSON.stringify({ format: 'veille-style-guide', version: 1, exportedAt: '2025-01-01T00:00:00.000Z', guide, ...extra });

/** One refusal of each kind the guide can give. */
const REFUSALS: Array<() => unknown> = [
  () => parseGuide(changed((g) => ((g.templates[3] as unknown as Record<string, unknown>).text = 42))),
  () => parseGuide(changed((g) => (g.templates[0]!.text = 'a'.repeat(5001)))),
  () => parseGuide(changed((g) => ((g.templates[1]!.intents as string[]) = ['complaint', 'rant']))),
  () => parseGuide(changed((g) => (g.templates[1]!.intents = []))),
  () => parseGuide(changed((g) => (g.templates[1]!.intents = ['praise', 'praise']))),
  () => parseGuide(changed((g) => ((g.templates[0]!.validation as unknown) = { state: 'validated', by: 'Board' }))),
  () => parseGuide(changed((g) => ((g.templates[0]!.validation as unknown) = { state: 'validated', by: 'Board', at: 'yesterday' }))),
  () => parseGuide(changed((g) => (g.templates[4]!.id = g.templates[0]!.id))),
  () => parseGuide(changed((g) => (g.templates[4]!.id = 'a b'))),
  () => parseGuide(changed((g) => ((g.languages = ['fr']), (g.voice.en = undefined)))),
  () => parseGuide(changed((g) => delete g.voice.en)),
  () => parseGuide(changed((g) => (g.platforms.x!.maxLength = -1))),
  () => parseGuide(changed((g) => (g.platforms.x!.maxLength = 2_000_000))),
  () => parseGuide(changed((g) => (g.platforms.x!.maxLength = 2.5))),
  () => parseGuide(changed((g) => ((g.platforms.x!.maxLength as unknown) = 'long'))),
  () => parseGuide(changed((g) => (g.disclosure.tags.fr = ['partenariat']))),
  () => parseGuide(changed((g) => (g.vocabulary.banned[0]!.reason = ' '))),
  () => parseGuide(changed((g) => ((g.templates as unknown) = {}))),
  () => parseGuide(changed((g) => (g.templates = Array.from({ length: 1000 }, (_, i) => ({ ...g.templates[0]!, id: `t${i}` }))))),
  () => parseGuide(changed((g) => ((g.voice.emoji as unknown) = true))),
  () => parseGuide('guide'),
  () => validateTemplate(demoGuide().templates[0]!, ' ', new Date()),
  () => importGuide(42 as unknown as string),
  () => importGuide('x'.repeat(5_000_001)),
  () => importGuide('this is not { json'),
  () => importGuide('null'),
  () => importGuide(JSON.stringify({ format: 'something-else', version: 1 })),
  () => importGuide(file(demoGuide(), { version: 99 })),
  () => importGuide(file(demoGuide(), { version: 0 })),
  () => importGuide(JSON.stringify({ format: 'veille-style-guide', version: 1 })),
  () => importGuide(file(demoGuide()).replace('"brandId"', '"__proto__": {"polluted": true}, "brandId"')),
  () => importGuide(file({ ...demoGuide(), brandId: null })),
  () => parseGuide({ templates: new Array(2_100_000).fill(0) }),
  // Brands, as the options page's form sends them.
  () => parseBrand({ ...BRAND, name: '  ' }),
  () => parseBrand({ ...BRAND, aliases: ['x'.repeat(101)] }),
  () => parseBrand({ ...BRAND, competitor: 'yes' }),
  () => parseBrands([BRAND, BRAND]),
  () => parseBrands([BRAND, { ...BRAND, id: 'b2', exclusions: null }]),
  // A data import.
  () => parseExport(exportFile([ROW, { ...ROW, key: 'x:2' }])),
  () => parseExport(exportFile([{ ...ROW, text: 42 }])),
  () => parseExport(exportFile([{ ...ROW, status: 'archived' }])),
  () => parseExport(JSON.stringify({ format: 'other', version: 1, mentions: [] })),
  () => parseExport(exportFile([], { version: 9 })),
  () => parseExport(exportFile([], { mentions: {} })),
];
const errors = REFUSALS.map(refusal);
const placeholders = (key: string) => Object.keys((en as Messages)[key]?.placeholders ?? {}).length;

describe('refusals (style guide, brands, data import) in the CM’s language', () => {
  test.each([...PROBLEM_KEYS, ...KIND_KEYS, 'problemAt', 'problemPathFile', 'problemPathRoot'])('%s is in both locales, with the same placeholders', (key) => {
    const e = (en as Messages)[key];
    const f = (fr as Messages)[key];
    expect(e, key).toBeDefined();
    expect(f, key).toBeDefined();
    expect(Object.keys(f!.placeholders ?? {}).sort()).toEqual(Object.keys(e!.placeholders ?? {}).sort());
  });

  test('every problem key but the fallback and the options page’s own (a file over the byte cap) is given by a refusal above', () => {
    const given = new Set(errors.map((e) => e.key));
    expect(PROBLEM_KEYS.filter((k) => !given.has(k))).toEqual(['problemInvalid', 'problemFileTooLargeBytes']);
  });

  test('each refusal carries as many arguments as its message has placeholders', () => {
    for (const e of errors) expect([e.key, e.args.length]).toEqual([e.key, placeholders(e.key)]);
  });

  test('shown in French: the field, then what is wrong, with nothing left untranslated', () => {
    locale.current = 'fr';
    const texts = errors.map(problemText);
    expect(texts[1]).toBe('templates[0].text : trop long (5001 caractères, au plus 5000)');
    expect(texts[0]).toBe('templates[3].text : attendu : du texte ; reçu : un nombre');
    expect(texts[4]).toBe('templates[1].intents : en double');
    expect(texts[23]).toBe('fichier : fichier trop volumineux (5000001 caractères, au plus 5000000)');
    expect(texts[27]).toBe("version : la version 99 vient d'un Veille plus récent ; celui-ci lit jusqu'à la version 1");
    for (const text of texts) {
      expect(text).not.toMatch(/\$\w+\$|problem[A-Z]|kind[A-Z]|\(file\)|\(root\)/u);
      // No English sentence slipped through (each English message has one of these words).
      expect(text, text).not.toMatch(/\b(expected|missing|must|too long|too many|listed|not allowed|unknown|newer|file)\b/u);
    }
  });

  test('shown in English: the same as the English problem, but for the detail of a string’s length', () => {
    locale.current = 'en';
    for (const e of errors) {
      const shown = problemText(e);
      const where = e.path === '(file)' ? 'file' : e.path === '(root)' ? 'file content' : e.path;
      expect(shown).toBe(`${where}: ${e.problem.replace(/a string of \d+ characters/u, 'a string')}`);
    }
  });

  test('other errors are shown as they are', () => {
    expect(problemText(new Error('QuotaExceededError'))).toBe('Error: QuotaExceededError');
  });
});
