import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openDb, type VeilleDb } from '../../../lib/storage/db';
import { mentionsOnPage, recordItems, setStatus, type Scorer } from '../../../lib/storage/queries';
import { countWaiting as countFollowUps, queue as followUpQueue } from '../../../lib/followup/followup';
import { pageKey } from '../../../lib/storage/schema';
import type { ReportedItem } from '../../../lib/messaging/protocol';

let db: VeilleDb;
let n = 0;
beforeEach(async () => {
  db = openDb(`veille-test-${n++}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const score: Scorer = (item) => ({ label: item.text.includes('nul') ? 'negative' : 'positive', score: 0.5, confidence: 0.7, evidence: [], lang: 'fr', intents: ['other'] });

function item(id: string, text = `Acme ${id}`): ReportedItem {
  return {
    site: 'x',
    id,
    kind: 'post',
    text,
    author: 'Léa',
    handle: '@lea',
    permalink: `https://x.com/lea/status/${id}`,
    timestamp: null,
    rating: null,
    matches: [{ brandId: 'acme', competitor: false, terms: ['Acme'] }],
    truncated: false,
    originalLength: text.length,
  };
}

describe('recordItems deduplicates by site id', () => {
  test('the same post seen twice is one row', async () => {
    expect(await recordItems(db, [item('1'), item('2')], 'https://x.com/home', score, 1000)).toEqual({ added: 2, updated: 0 });
    expect(await recordItems(db, [item('1')], 'https://x.com/home', score, 2000)).toEqual({ added: 0, updated: 1 });
    expect(await db.mentions.count()).toBe(2);
    const row = await db.mentions.get('x:1');
    expect(row).toMatchObject({ firstSeen: 1000, lastSeen: 2000, status: 'new', pageUrls: ['https://x.com/home'] });
  });
  test('two tabs reporting at once still give one row', async () => {
    await Promise.all([recordItems(db, [item('7')], 'https://x.com/home', score), recordItems(db, [item('7')], 'https://x.com/lea/status/7', score)]);
    expect(await db.mentions.count()).toBe(1);
    expect((await db.mentions.get('x:7'))!.pageUrls.sort()).toEqual(['https://x.com/home', 'https://x.com/lea/status/7']);
  });
  test('duplicates inside one batch', async () => {
    expect(await recordItems(db, [item('3'), item('3')], 'https://x.com/home', score)).toEqual({ added: 1, updated: 0 });
  });
  test('a longer read of the same item replaces its text and score, keeps its status', async () => {
    await recordItems(db, [item('4', 'Acme…')], 'https://x.com/home', score);
    await setStatus(db, 'x:4', 'follow_up');
    await recordItems(db, [item('4', 'Acme est nul, vraiment')], 'https://x.com/home', score);
    expect(await db.mentions.get('x:4')).toMatchObject({ text: 'Acme est nul, vraiment', status: 'follow_up', sentiment: { label: 'negative' } });
  });
  test('the first time read is kept (a relative "3 min" is not replaced by a later, coarser "2 h"); a missing one is filled', async () => {
    await recordItems(db, [{ ...item('5'), timestamp: '2025-03-15T11:57:00.000Z' }], 'https://x.com/home', score);
    await recordItems(db, [{ ...item('5'), timestamp: '2025-03-15T12:00:00.000Z' }], 'https://x.com/home', score);
    expect((await db.mentions.get('x:5'))!.timestamp).toBe('2025-03-15T11:57:00.000Z');
    await recordItems(db, [item('6')], 'https://x.com/home', score);
    await recordItems(db, [{ ...item('6'), timestamp: '2025-03-15T10:00:00.000Z' }], 'https://x.com/home', score);
    expect((await db.mentions.get('x:6'))!.timestamp).toBe('2025-03-15T10:00:00.000Z');
  });
});

describe('statuses and queries', () => {
  test('follow-up queue and badge count', async () => {
    await recordItems(db, [item('1'), item('2'), item('3')], 'https://x.com/home#top', score);
    await setStatus(db, 'x:2', 'follow_up', 5);
    await setStatus(db, 'x:3', 'follow_up', 6);
    expect(await countFollowUps(db)).toBe(2);
    expect((await followUpQueue(db)).map((r) => r.key).sort()).toEqual(['x:2', 'x:3']);
    await setStatus(db, 'x:3', 'done', 7);
    expect(await countFollowUps(db)).toBe(1);
    await setStatus(db, 'x:2', 'replied', 9);
    expect((await db.mentions.get('x:2'))!.repliedAt).toBe(9);
  });
  test('unknown key is an error and changes nothing', async () => {
    await expect(setStatus(db, 'x:nope', 'done')).rejects.toThrow('Unknown mention');
  });
  test('mentions of a page ignore the hash and tracking parameters', async () => {
    await recordItems(db, [item('1')], 'https://x.com/lea/status/1?s=20', score);
    expect(await mentionsOnPage(db, 'https://x.com/lea/status/1#reply')).toHaveLength(1);
    expect(await mentionsOnPage(db, 'https://x.com/other')).toHaveLength(0);
  });
});

test.each([
  ['https://www.youtube.com/watch?v=abc&t=42s', 'https://www.youtube.com/watch?v=abc'],
  ['https://x.com/a/status/1/', 'https://x.com/a/status/1'],
  ['https://x.com/', 'https://x.com/'],
  ['https://example.com/p?utm_source=x&id=3#c', 'https://example.com/p?id=3'],
  ['not a url', 'not a url'],
])('pageKey(%s)', (input, out) => {
  expect(pageKey(input)).toBe(out);
});
