import 'fake-indexeddb/auto';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { applyRetention, eraseAll, eraseAuthor, eraseBrand, eraseMention, sameAuthor } from '../../../lib/data/erase';
import { CSV_COLUMNS, TransferError, exportMentions, importRows, matchingKeys, mergeRows, parseExport } from '../../../lib/data/transfer';
import { openDb, type VeilleDb } from '../../../lib/storage/db';
import type { MentionRow } from '../../../lib/storage/schema';

let db: VeilleDb;
let n = 0;
const DAY = 86_400_000;
const T = Date.UTC(2026, 5, 1);

function row(i: number, p: Partial<MentionRow> = {}): MentionRow {
  const site = p.site ?? 'x';
  const itemId = p.itemId ?? String(1000 + i);
  return {
    key: `${site}:${itemId}`,
    site,
    itemId,
    kind: 'post',
    text: `Acme post ${i}`,
    truncated: false,
    originalLength: 12,
    author: `Author ${i % 5}`,
    handle: `@author${i % 5}`,
    permalink: `https://x.com/a/status/${itemId}`,
    timestamp: null,
    rating: null,
    lang: 'fr',
    sentiment: { label: i % 3 === 0 ? 'negative' : 'positive', score: 0.5, confidence: 0.7, evidence: ['top'] },
    intents: ['praise'],
    brandIds: ['acme'],
    terms: ['Acme'],
    competitor: false,
    status: 'new',
    pageUrls: ['https://x.com/home'],
    firstSeen: T + i * 3_600_000,
    lastSeen: T + i * 3_600_000,
    statusChangedAt: T + i * 3_600_000,
    repliedAt: null,
    ...p,
  };
}

beforeEach(async () => {
  db = openDb(`veille-data-${n++}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

describe('export → erase → import gives the same data back', () => {
  test('JSON round trip, with progress', async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => row(i, i === 8 ? { dueAt: T + DAY, note: 'Rappeler Léa', priority: 'high', tags: ['livraison'], remindedAt: null } : i === 7 ? { sentiment: { label: 'positive', score: 0.6, confidence: 0.9, evidence: ['✎ ≈ positive'], corrected: { from: 'negative', at: T } } } : {}));
    await db.mentions.bulkPut(rows);
    const before = await db.mentions.toArray();
    const progress: number[] = [];
    const { text, count } = await exportMentions(db, {}, 'json', { onProgress: (d) => progress.push(d) });
    expect(count).toBe(2500);
    expect(progress).toEqual([1000, 2000, 2500]);
    expect(await eraseAll(db)).toBe(2500);
    expect(await db.mentions.count()).toBe(0);
    expect(await importRows(db, parseExport(text))).toEqual({ added: 2500, merged: 0 });
    expect(await db.mentions.toArray()).toEqual(before);
    // Importing again merges: no duplicate.
    expect(await importRows(db, parseExport(text))).toEqual({ added: 0, merged: 2500 });
    expect(await db.mentions.count()).toBe(2500);
    expect(await db.mentions.toArray()).toEqual(before);
  });

  test('a filtered export: one brand, one site, a date range, a status', async () => {
    await db.mentions.bulkPut([
      row(1),
      row(2, { brandIds: ['zenith'], competitor: true }),
      row(3, { site: 'reddit', itemId: 't3_a' }),
      row(4, { status: 'follow_up' }),
      row(50),
    ]);
    expect((await matchingKeys(db, { brandId: 'zenith' })).sort()).toEqual(['x:1002']);
    expect((await matchingKeys(db, { site: 'reddit' })).sort()).toEqual(['reddit:t3_a']);
    expect((await matchingKeys(db, { from: T + 40 * 3_600_000 })).sort()).toEqual(['x:1050']);
    expect((await matchingKeys(db, { brandId: 'acme', status: 'follow_up' })).sort()).toEqual(['x:1004']);
    expect((await matchingKeys(db, { brandId: 'acme', site: 'x', to: T + 2 * 3_600_000 })).sort()).toEqual(['x:1001']);
  });

  test('a cancelled import writes nothing; a cancelled export gives nothing', async () => {
    await db.mentions.bulkPut(Array.from({ length: 3000 }, (_, i) => row(i)));
    const { text } = await exportMentions(db, {}, 'json');
    await eraseAll(db);
    const ctrl = new AbortController();
    await expect(importRows(db, parseExport(text), { signal: ctrl.signal, onProgress: (d) => d >= 2000 && ctrl.abort() })).rejects.toThrow('Cancelled');
    expect(await db.mentions.count()).toBe(0);
    await db.mentions.bulkPut([row(1)]);
    const c2 = new AbortController();
    c2.abort();
    await expect(exportMentions(db, {}, 'csv', { signal: c2.signal })).rejects.toThrow('Cancelled');
  });
});

describe('CSV', () => {
  test('header, quoting of commas/quotes/newlines, formulas escaped, round-trips through a CSV parser', async () => {
    await db.mentions.bulkPut([row(1, { text: 'Acme, "vraiment"\nnul', author: '=HYPERLINK("http://evil")', rating: 4 })]);
    const { text } = await exportMentions(db, {}, 'csv');
    const parsed = Papa.parse<string[]>(text.trim());
    expect(parsed.data[0]).toEqual([...CSV_COLUMNS]);
    const rec = Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, parsed.data[1]![i]]));
    expect(rec.text).toBe('Acme, "vraiment"\nnul');
    expect(rec.author).toBe('\'=HYPERLINK("http://evil")');
    expect(rec.rating).toBe('4');
    expect(rec.firstSeen).toBe(new Date(T + 3_600_000).toISOString());
  });
});

describe('hostile imports are refused with the row and field named', () => {
  const file = (mentions: unknown[], extra: Record<string, unknown> = {}) =>
    JSON.stringify({ format: 'veille-export', version: 1, exportedAt: '2026-01-01T00:00:00Z', filter: {}, mentions, ...extra });
  test.each([
    ['{"format":', '(file): not a JSON file'],
    ['[]', '(root): expected an object, got a list'],
    [JSON.stringify({ format: 'other', version: 1, mentions: [] }), 'format: expected "veille-export"'],
    [file([], { version: 9 }), 'version: version 9 was written by a newer Veille'],
    [file([row(1), { ...row(2), text: 42 }]), 'mentions[1].text: '],
    [file([{ ...row(1), key: 'x:999' }]), 'mentions[0]: key must be "site:itemId"'],
    [file([{ ...row(1), site: 'myspace' }]), 'mentions[0].site: '],
    [file([{ ...row(1), sentiment: { ...row(1).sentiment, score: 7 } }]), 'mentions[0].sentiment.score: '],
    [file([{ ...row(1), text: 'x'.repeat(10_001) }]), 'mentions[0].text: '],
  ])('%#', (text, message) => {
    expect(() => parseExport(text)).toThrow(TransferError);
    expect(() => parseExport(text)).toThrow(message);
  });
  test('a huge file is refused before parsing', () => {
    const t0 = performance.now();
    expect(() => parseExport('x'.repeat(300_000_001))).toThrow('(file): too large');
    expect(performance.now() - t0).toBeLessThan(1000);
  });
  test('unknown fields are dropped, and "__proto__" pollutes nothing', () => {
    const text = `{"format":"veille-export","version":1,"mentions":[${JSON.stringify({ ...row(1), extra: 1 }).replace(/^\{/u, '{"__proto__":{"polluted":true},')}]}`;
    const [r] = parseExport(text);
    expect(r).not.toHaveProperty('extra');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('merge', () => {
  test('union of brands and pages; earliest first seen; the newer status wins; a CM correction is kept', () => {
    const a = row(1, { brandIds: ['acme'], pageUrls: ['p1'], status: 'replied', statusChangedAt: T + 10, repliedAt: T + 10, sentiment: { label: 'positive', score: 0.5, confidence: 0.9, evidence: [], corrected: { from: 'negative', at: T } } });
    const b = row(1, { brandIds: ['zenith'], pageUrls: ['p2'], firstSeen: T - DAY, status: 'follow_up', statusChangedAt: T + 5 });
    const m = mergeRows(a, b);
    expect(m.brandIds).toEqual(['acme', 'zenith']);
    expect(m.pageUrls).toEqual(['p1', 'p2']);
    expect(m.firstSeen).toBe(T - DAY);
    expect(m.status).toBe('replied');
    expect(m.repliedAt).toBe(T + 10);
    expect(m.sentiment.corrected).toBeDefined();
  });
});

describe('erasure', () => {
  test('one mention, one author, one brand, retention; corrections go with their mentions', async () => {
    await db.mentions.bulkPut(Array.from({ length: 20 }, (_, i) => row(i, i >= 15 ? { brandIds: ['acme', 'zenith'] } : {})));
    await db.corrections.bulkAdd([
      { brandId: 'acme', mentionKey: 'x:1000', text: 'a', predicted: 'negative', evidence: [], label: 'positive', at: T },
      { brandId: 'zenith', mentionKey: 'x:1016', text: 'b', predicted: 'negative', evidence: [], label: 'positive', at: T },
    ]);
    expect(await eraseMention(db, 'x:1000')).toBe(1);
    expect(await db.corrections.where('mentionKey').equals('x:1000').count()).toBe(0);
    expect(await eraseMention(db, 'x:nope')).toBe(0);

    expect(sameAuthor({ author: 'Author 1', handle: '@author1' }, 'AUTHOR1')).toBe(true);
    expect(sameAuthor({ author: 'Author 1', handle: null }, 'author 1')).toBe(true);
    expect(sameAuthor({ author: 'Author 1', handle: null }, '')).toBe(false);
    expect(await eraseAuthor(db, '@author1')).toBe(4); // 1, 6, 11, 16
    expect(await db.mentions.filter((m) => m.handle === '@author1').count()).toBe(0);

    // zenith: mentions 15..19 also name acme → they only lose zenith; its corrections go.
    expect(await eraseBrand(db, 'zenith')).toBe(4); // 15, 17, 18, 19 (16 already erased)
    expect(await db.mentions.where('brandIds').equals('zenith').count()).toBe(0);
    expect(await db.mentions.count()).toBe(15);
    expect(await db.corrections.where('brandId').equals('zenith').count()).toBe(0);

    // Retention: last seen more than 1 day before T + 20 h … only those older than the cutoff.
    const now = T + DAY + 10 * 3_600_000;
    const expected = (await db.mentions.toArray()).filter((m) => m.lastSeen < now - DAY).length;
    expect(await applyRetention(db, 1, now)).toBe(expected);
    expect(await db.mentions.filter((m) => m.lastSeen < now - DAY).count()).toBe(0);
    expect(await applyRetention(db, 0, now)).toBe(0);
  });
  test('erase everything, cancellable between chunks', async () => {
    await db.mentions.bulkPut(Array.from({ length: 2500 }, (_, i) => row(i)));
    const ctrl = new AbortController();
    const done = await eraseAll(db, { signal: ctrl.signal, onProgress: () => ctrl.abort() });
    expect(done).toBe(1000);
    expect(await db.mentions.count()).toBe(1500);
    expect(await eraseAll(db)).toBe(1500);
    expect(await db.mentions.count()).toBe(0);
  });
});
