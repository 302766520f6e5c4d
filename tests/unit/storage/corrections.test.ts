import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, test } from 'vitest';
import { openDb, type VeilleDb } from '../../../lib/storage/db';
import { correctSentiment, correctionsOf, recordItems, type Scorer } from '../../../lib/storage/queries';
import type { MentionRow } from '../../../lib/storage/schema';
import type { ReportedItem } from '../../../lib/messaging/protocol';
import { scoreItem } from '../../../lib/background/service';
import { CorrectionModels } from '../../../lib/background/service';

let n = 0;
const opened: Dexie[] = [];
function fresh(): VeilleDb {
  const db = openDb(`veille-corr-${n++}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

function item(id: string, text: string, brandIds = ['acme']): ReportedItem {
  return {
    site: 'x',
    id,
    kind: 'post',
    text,
    author: 'Léa',
    handle: '@lea',
    permalink: null,
    timestamp: null,
    rating: null,
    matches: brandIds.map((brandId) => ({ brandId, competitor: false, terms: [brandId] })),
    truncated: false,
    originalLength: text.length,
  };
}

const score: Scorer = (i) => scoreItem(i);

describe('schema v2 upgrade', () => {
  test('a v1 database keeps its mentions and they gain intents', async () => {
    const name = `veille-upgrade-${n++}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({ mentions: '&key, site, status, *brandIds, *pageUrls, firstSeen, lastSeen, [status+firstSeen]' });
    const old = {
      key: 'x:1', site: 'x', itemId: '1', kind: 'post', text: "@Acme mon colis n'est jamais arrivé, vous pouvez m'aider ?",
      truncated: false, originalLength: 56, author: 'Léa', handle: '@lea', permalink: null, timestamp: null, rating: null,
      lang: 'fr', sentiment: { label: 'negative', score: -0.6, confidence: 0.7, evidence: ['jamais arrivé'] },
      brandIds: ['acme'], terms: ['@Acme'], competitor: false, status: 'follow_up', pageUrls: ['https://x.com/home'],
      firstSeen: 1, lastSeen: 2, statusChangedAt: 2, repliedAt: null,
    };
    await v1.table('mentions').put(old);
    v1.close();

    const db = openDb(name);
    opened.push(db);
    const row = (await db.mentions.get('x:1'))!;
    expect(row).toMatchObject({ ...old, intents: expect.arrayContaining(['complaint', 'question', 'request']) });
    expect(await db.corrections.count()).toBe(0);
    expect(db.verno).toBe(4);
    expect(await db.guides.count()).toBe(0);
  });
});

describe('correctSentiment', () => {
  test('marks the mention corrected, stores one correction per brand, and undoes', async () => {
    const db = fresh();
    await recordItems(db, [item('1', 'The new Acme board is sick', ['acme', 'zenith'])], 'https://x.com/home', score, 10);
    const before = (await db.mentions.get('x:1'))!;
    expect(before.sentiment.label).toBe('negative');
    expect(await correctSentiment(db, 'x:1', 'positive', 50)).toEqual(['acme', 'zenith']);
    const after = (await db.mentions.get('x:1'))!;
    expect(after.sentiment).toMatchObject({ label: 'positive', corrected: { from: 'negative', at: 50 } });
    expect((await correctionsOf(db, 'acme')).map((c) => [c.predicted, c.label])).toEqual([['negative', 'positive']]);
    expect(await correctionsOf(db, 'zenith')).toHaveLength(1);

    // Correcting again replaces the rows; going back to the scorer's label removes the mark and the rows.
    await correctSentiment(db, 'x:1', 'neutral', 60);
    expect(await db.corrections.count()).toBe(2);
    expect((await db.mentions.get('x:1'))!.sentiment.corrected).toEqual({ from: 'negative', at: 60 });
    await correctSentiment(db, 'x:1', 'negative', 70);
    expect(await db.corrections.count()).toBe(0);
    expect((await db.mentions.get('x:1'))!.sentiment.corrected).toBeUndefined();
  });

  test('an unknown mention is refused and nothing is stored', async () => {
    const db = fresh();
    await expect(correctSentiment(db, 'x:nope', 'positive')).rejects.toThrow('Unknown mention: x:nope');
    expect(await db.corrections.count()).toBe(0);
  });

  test('a corrected label survives a longer read of the same item', async () => {
    const db = fresh();
    await recordItems(db, [item('2', 'Acme board is sick')], 'https://x.com/home', score);
    await correctSentiment(db, 'x:2', 'positive');
    await recordItems(db, [item('2', 'Acme board is sick, best purchase of the year… show more')], 'https://x.com/home', score);
    const row = (await db.mentions.get('x:2'))!;
    expect(row.text).toContain('show more');
    expect(row.sentiment.label).toBe('positive');
  });

  test('later mentions of the brand are scored with its corrections (after a worker restart too)', async () => {
    const db = fresh();
    await recordItems(db, [item('3', 'The new Acme board is sick')], 'https://x.com/home', score);
    await correctSentiment(db, 'x:3', 'positive');
    // A new worker: the models are rebuilt from the database.
    const models = new CorrectionModels(db);
    const forAcme = await models.of(['acme']);
    const scoreWith: Scorer = (i) => scoreItem(i, forAcme);
    await recordItems(db, [item('4', 'Those Acme wheels are sick!!'), item('5', 'Those Zenith wheels are sick!!', ['zenith'])], 'https://x.com/home', (i) =>
      i.matches[0]!.brandId === 'acme' ? scoreWith(i) : score(i),
    );
    expect((await db.mentions.get('x:4'))!.sentiment.label).toBe('positive');
    expect((await db.mentions.get('x:5'))!.sentiment.label).toBe('negative');
    const row: MentionRow = (await db.mentions.get('x:4'))!;
    expect(row.sentiment.evidence[0]).toMatch(/^✎/);
  });
});
