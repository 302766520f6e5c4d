// @vitest-environment happy-dom
/**
 * Tolerant JSON-LD parsing (lib/sites/jsonld.ts), checked against extruct's own
 * samples and expected outputs (tests/fixtures/real/generic/, BSD-3) and a
 * table of the breakages sites.md §13 lists.
 */
import { describe, expect, test } from 'vitest';
import { jsonLdScripts, parseJsonLd } from '../../../lib/sites/jsonld';
import { loadPage, readFixture } from './helpers';

describe('extruct samples: every ld+json block parses to extruct’s expected output', () => {
  test.each([
    'extruct-CreativeWork.001',
    'extruct-JSONLD_with_JS_comment',
    'extruct-JSONLD_with_control_characters',
    'extruct-JSONLD_with_control_characters_comment',
  ])('%s', async (name) => {
    const page = await loadPage(readFixture(`real/generic/${name}.html`), 'https://example.org/' + name + '.html');
    const parsed = jsonLdScripts(page.document).map((s) => parseJsonLd(s.textContent ?? ''));
    expect(parsed).toEqual(JSON.parse(readFixture(`real/generic/${name}.expected.jsonld`)));
    await page.close();
  });
});

describe('parseJsonLd repairs', () => {
  test.each([
    ['valid JSON untouched', '{"a": "x // y", "b": [1, 2]}', { a: 'x // y', b: [1, 2] }],
    ['JS line comment', '{"a": 1, // note\n "b": 2}', { a: 1, b: 2 }],
    ['commented-out last property leaves a trailing comma', '{"a": 1,\n //"b": 2\n}', { a: 1 }],
    ['block comment', '{/* theme */ "a": 1}', { a: 1 }],
    ['URL in a string is not a comment', '{"url": "https://example.org/a"} // x', { url: 'https://example.org/a' }],
    ['CDATA markers', '//<![CDATA[\n{"a": 1}\n//]]>', { a: 1 }],
    ['bare CDATA markers', '<![CDATA[{"a": 1}]]>', { a: 1 }],
    ['HTML comment wrapping the data', '<!--\n{"a": 1}\n-->', { a: 1 }],
    ['HTML comment beside the data', '<!-- generated -->{"a": 1}', { a: 1 }],
    ['HTML comment inside a string is kept', '{"a": "<!-- x --> y"}', { a: '<!-- x --> y' }],
    ['trailing commas', '{"a": [1, 2, ], "b": 3, }', { a: [1, 2], b: 3 }],
    ['raw newline and tab in a string', '{"a": "x\ny\tz"}', { a: 'x\ny\tz' }],
    ['invalid escape', '{"a": "l\\\'Acme"}', { a: "l'Acme" }],
    ['trailing junk', '{"a": 1}}\n;', { a: 1 }],
    ['two objects glued', '{"a": 1}{"b": 2}', [{ a: 1 }, { b: 2 }]],
    ['a top-level array', '[{"a": 1}, {"b": 2}]', [{ a: 1 }, { b: 2 }]],
  ])('%s', (_label, text, expected) => {
    expect(parseJsonLd(text)).toEqual(expected);
  });

  test.each([
    ['empty', ''],
    ['whitespace', '  \n '],
    ['not JSON at all', 'window.dataLayer = window.dataLayer || [];'],
    ['unclosed object', '{"a": 1'],
  ])('gives up on %s', (_label, text) => {
    expect(parseJsonLd(text)).toBeUndefined();
  });
});

test('jsonLdScripts: type compared case-insensitively, parameters ignored, other scripts left out', async () => {
  const page = await loadPage(
    `<!DOCTYPE html><html><head>
      <script type="application/ld+json">{"n": 1}</script>
      <script type="Application/LD+JSON; charset=utf-8">{"n": 2}</script>
      <script type="application/json">{"n": 3}</script>
      <script>var n = 4;</script>
    </head><body></body></html>`,
    'https://example.org/',
  );
  expect(jsonLdScripts(page.document).map((s) => parseJsonLd(s.textContent ?? ''))).toEqual([{ n: 1 }, { n: 2 }]);
  await page.close();
});
