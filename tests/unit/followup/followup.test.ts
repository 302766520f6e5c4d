import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { checkBrand, eventTime, isEscalation, lastLevel } from '../../../lib/crisis/monitor';
import {
  countWaiting,
  currentCrisis,
  dueForReminder,
  markReminded,
  matchesFilter,
  nextDue,
  queue,
  setFollowUp,
  urgency,
} from '../../../lib/followup/followup';
import { openDb, type VeilleDb } from '../../../lib/storage/db';
import type { MentionRow } from '../../../lib/storage/schema';

const H = 3_600_000;
const NOW = Date.UTC(2026, 5, 10, 12);
let db: VeilleDb;
let n = 0;

function row(id: string, p: Partial<MentionRow> = {}): MentionRow {
  return {
    key: `x:${id}`, site: 'x', itemId: id, kind: 'post', text: `Acme ${id}`, truncated: false, originalLength: 6, author: 'Léa', handle: '@lea',
    permalink: null, timestamp: null, rating: null, lang: 'fr', sentiment: { label: 'neutral', score: 0, confidence: 0.5, evidence: [] },
    intents: ['other'], brandIds: ['acme'], terms: ['Acme'], competitor: false, status: 'follow_up', pageUrls: [], firstSeen: NOW - H,
    lastSeen: NOW - H, statusChangedAt: NOW - H, repliedAt: null, ...p,
  };
}

beforeEach(async () => {
  db = openDb(`veille-followup-${n++}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

describe('follow-up fields, snooze and reminders', () => {
  test('setFollowUp stores the fields, a new mention becomes "to follow up", tags are deduplicated', async () => {
    await db.mentions.put(row('1', { status: 'new' }));
    await setFollowUp(db, { key: 'x:1', dueAt: NOW + H, note: 'Rappeler', priority: 'high', tags: ['livraison', 'livraison', ''] }, NOW);
    expect(await db.mentions.get('x:1')).toMatchObject({ status: 'follow_up', dueAt: NOW + H, note: 'Rappeler', priority: 'high', tags: ['livraison'], remindedAt: null });
    await expect(setFollowUp(db, { key: 'x:none', dueAt: null, note: '', priority: 'normal', tags: [] })).rejects.toThrow('Unknown mention');
  });

  test('a follow-up due later leaves the badge until it is due, then a reminder is due once', async () => {
    await db.mentions.bulkPut([row('1'), row('2', { dueAt: NOW + 2 * H }), row('3', { status: 'done', dueAt: NOW - H })]);
    expect(await countWaiting(db, NOW)).toBe(1);
    expect(await nextDue(db, NOW)).toBe(NOW + 2 * H);
    expect(await dueForReminder(db, NOW)).toEqual([]);
    const later = NOW + 2 * H + 1;
    expect(await countWaiting(db, later)).toBe(2);
    expect((await dueForReminder(db, later)).map((m) => m.key)).toEqual(['x:2']);
    await markReminded(db, ['x:2'], later);
    expect(await dueForReminder(db, later)).toEqual([]);
    expect(await nextDue(db, later)).toBeNull();
    // A new due date re-arms the reminder.
    await setFollowUp(db, { key: 'x:2', dueAt: later + H, note: '', priority: 'normal', tags: [] }, later);
    expect(await nextDue(db, later)).toBe(later + H);
  });
});

describe('the queue: urgency order and filters', () => {
  test('crisis, priority, negative, complaint, overdue and age raise urgency, as documented', () => {
    const base = row('a', { firstSeen: NOW });
    expect(urgency(base, NOW)).toBe(0);
    expect(urgency({ ...base, priority: 'urgent' }, NOW)).toBe(30);
    expect(urgency({ ...base, priority: 'low' }, NOW)).toBe(-10);
    expect(urgency({ ...base, sentiment: { ...base.sentiment, label: 'negative' } }, NOW)).toBe(15);
    expect(urgency({ ...base, rating: 1 }, NOW)).toBe(15);
    expect(urgency({ ...base, intents: ['complaint', 'question'] }, NOW)).toBe(10);
    expect(urgency({ ...base, intents: ['question'] }, NOW)).toBe(5);
    expect(urgency({ ...base, dueAt: NOW - 1 }, NOW)).toBe(20);
    expect(urgency({ ...base, firstSeen: NOW - 10 * H }, NOW)).toBe(10);
    expect(urgency({ ...base, firstSeen: NOW - 100 * H }, NOW)).toBe(48);
    expect(urgency(base, NOW, () => 'severe')).toBe(40);
  });

  test('most urgent first; filters by brand, site, sentiment, status, language, date', async () => {
    await db.mentions.bulkPut([
      row('calm', { firstSeen: NOW - 2 * H }),
      row('angry', { firstSeen: NOW - H, sentiment: { label: 'negative', score: -0.8, confidence: 0.9, evidence: [] }, intents: ['complaint'] }),
      row('zen', { brandIds: ['zenith'], lang: 'en', site: 'reddit', itemId: 'zen', key: 'reddit:zen' }),
      row('old', { firstSeen: NOW - 30 * H }),
      row('done', { status: 'done' }),
    ]);
    expect((await queue(db, {}, NOW)).map((m) => m.itemId)).toEqual(['old', 'angry', 'calm', 'zen']);
    expect((await queue(db, { brandId: 'zenith' }, NOW)).map((m) => m.itemId)).toEqual(['zen']);
    expect((await queue(db, { site: 'reddit' }, NOW)).map((m) => m.itemId)).toEqual(['zen']);
    expect((await queue(db, { sentiment: 'negative' }, NOW)).map((m) => m.itemId)).toEqual(['angry']);
    expect((await queue(db, { lang: 'en' }, NOW)).map((m) => m.itemId)).toEqual(['zen']);
    expect((await queue(db, { status: 'done' }, NOW)).map((m) => m.itemId)).toEqual(['done']);
    expect((await queue(db, { from: NOW - 3 * H }, NOW)).map((m) => m.itemId)).toEqual(['angry', 'calm', 'zen']);
    // A brand in crisis goes first.
    expect((await queue(db, {}, NOW, (b) => (b === 'zenith' ? 'severe' : 'none'))).map((m) => m.itemId)[0]).toBe('zen');
    expect(matchesFilter(row('q'), { to: NOW - 2 * H })).toBe(false);
  });
});

describe('crisis monitoring over stored mentions', () => {
  test('a storm of negative mentions is stored as a rise, then a calm-down', async () => {
    // A calm week: 10 mentions a day, 2 negative.
    const rows: MentionRow[] = [];
    for (let d = 1; d <= 7; d++) {
      for (let i = 0; i < 10; i++) {
        const t = NOW - d * 24 * H - i * H;
        rows.push(row(`c${d}-${i}`, { firstSeen: t, lastSeen: t, sentiment: { label: i < 2 ? 'negative' : 'positive', score: 0, confidence: 0.5, evidence: [] } }));
      }
    }
    await db.mentions.bulkPut(rows);
    expect(await checkBrand(db, 'acme', NOW)).toBeNull(); // calm: nothing stored
    expect(await lastLevel(db, 'acme')).toBe('none');
    // A storm: 30 negatives in the last hours.
    await db.mentions.bulkPut(Array.from({ length: 30 }, (_, i) => row(`s${i}`, { firstSeen: NOW - i * 60_000, lastSeen: NOW, sentiment: { label: 'negative', score: -1, confidence: 1, evidence: [] } })));
    const rise = await checkBrand(db, 'acme', NOW);
    expect(rise).toMatchObject({ brandId: 'acme', from: 'none', to: 'severe', negatives: 30 });
    expect(isEscalation(rise!)).toBe(true);
    expect(await checkBrand(db, 'acme', NOW + 60_000)).toBeNull(); // same level: nothing new
    // Two days later the storm has left the window.
    const calm = await checkBrand(db, 'acme', NOW + 48 * H);
    expect(calm).toMatchObject({ from: 'severe', to: 'none' });
    expect(isEscalation(calm!)).toBe(false);
    expect((await currentCrisis(db)).get('acme')).toBe('none');
    expect(await db.crisis.count()).toBe(2);
  });

  test("a mention's time is its publication time when known (an old thread read today is not a storm today)", () => {
    expect(eventTime({ timestamp: '2026-06-01T10:00:00Z', firstSeen: NOW }, NOW)).toBe(Date.UTC(2026, 5, 1, 10));
    expect(eventTime({ timestamp: null, firstSeen: NOW - H }, NOW)).toBe(NOW - H);
    expect(eventTime({ timestamp: '2030-01-01T00:00:00Z', firstSeen: NOW - H }, NOW)).toBe(NOW - H);
    expect(eventTime({ timestamp: 'hier', firstSeen: NOW - H }, NOW)).toBe(NOW - H);
  });
});
