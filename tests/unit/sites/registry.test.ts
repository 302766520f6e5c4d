import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ALL_ADAPTERS, SITE_ADAPTERS, adapterFor } from '../../../lib/sites/index';
import { SITE_IDS } from '../../../lib/sites/types';

const root = path.resolve(import.meta.dirname, '../../..');

describe('adapter registry conventions', () => {
  test('one adapter per site id, ids unique', () => {
    expect(ALL_ADAPTERS.map((a) => a.id).sort()).toEqual([...SITE_IDS].sort());
  });
  test('every adapter file in lib/sites is registered, has a content script, a demo page and test URLs', () => {
    const files = readdirSync(path.join(root, 'lib/sites')).filter((f) => f.endsWith('.ts') && !['types.ts', 'index.ts', 'dom.ts', 'labels.ts', 'jsonld.ts', 'relative-times.ts'].includes(f));
    expect(files.map((f) => f.replace(/\.ts$/u, '')).sort()).toEqual(ALL_ADAPTERS.map((a) => a.id).sort());
    for (const a of ALL_ADAPTERS) {
      expect(readFileSync(path.join(root, 'entrypoints', `${a.id}.content.ts`), 'utf8')).toContain(`../lib/sites/${a.id}`);
      expect(readdirSync(path.join(root, 'demo/site'))).toContain(`${a.id}.html`);
      expect(a.testUrls.length, a.id).toBeGreaterThan(0);
      expect(readFileSync(path.join(root, 'lib/sites', `${a.id}.ts`), 'utf8')).toMatch(/Test URLs/u);
    }
  });
  test('match patterns are valid', () => {
    for (const a of ALL_ADAPTERS) for (const m of a.matches) expect(m, a.id).toMatch(/^(\*|https?):\/\/(\*|\*\.[^/*]+|[^/*]+)\/.*$/u);
  });
  test("each site's test URLs pick that site's adapter", () => {
    for (const a of SITE_ADAPTERS) for (const u of a.testUrls) expect(adapterFor(u).id, u).toBe(a.id);
  });
  test('unknown pages fall back to the generic adapter', () => {
    expect(adapterFor('https://blog.example.org/2026/acme').id).toBe('generic');
  });
});
