/**
 * The bench's stored mentions (scripts/bench/mentions.ts) and its new options:
 * deterministic, realistic, and the shape the dashboard's figures rely on.
 */
import { describe, expect, test } from 'vitest';
import { defaultFilters, summarize } from '../../../lib/dashboard/shape';
import { STATUSES } from '../../../lib/storage/schema';
import { parseArgs } from '../../../scripts/bench';
import { generateCrisisRows, generateMentionRows } from '../../../scripts/bench/mentions';

const NOW = new Date(2026, 10, 23, 15, 0).getTime();
const DAY = 86_400_000;

describe('generateMentionRows', () => {
  const rows = generateMentionRows({ count: 5000, now: NOW, spanDays: 365, pageUrl: 'https://x.com/p', pageMentions: 12 });

  test('deterministic, unique keys, inside the span', () => {
    expect(generateMentionRows({ count: 50, now: NOW, spanDays: 365 })).toEqual(generateMentionRows({ count: 50, now: NOW, spanDays: 365 }));
    expect(new Set(rows.map((r) => r.key)).size).toBe(5000);
    expect(rows.every((r) => r.firstSeen < NOW && r.firstSeen >= NOW - 365 * DAY)).toBe(true);
    expect(rows.every((r, i) => i === 0 || r.firstSeen >= rows[i - 1]!.firstSeen)).toBe(true);
  });

  test('realistic rows: texts naming a brand, reviews rated, statuses, replies after first seen', () => {
    expect(rows.every((r) => r.text.length > 10 && r.terms.length === 1 && r.brandIds.length === 1)).toBe(true);
    expect(rows.every((r) => (r.kind === 'review') === (r.rating !== null))).toBe(true);
    expect(rows.every((r) => STATUSES.includes(r.status))).toBe(true);
    expect(rows.every((r) => r.repliedAt === null || r.repliedAt > r.firstSeen)).toBe(true);
    expect(rows.every((r) => r.competitor === r.brandIds.includes('zenith'))).toBe(true);
    expect(rows.filter((r) => r.pageUrls.includes('https://x.com/p'))).toHaveLength(12);
    const d = summarize(rows, generateCrisisRows(NOW, 365), defaultFilters(NOW));
    // About 30/365 of the rows fall in the default range.
    expect(d.counts.total).toBeGreaterThan(5000 * (30 / 365) * 0.8);
    expect(d.counts.total).toBeLessThan(5000 * (30 / 365) * 1.2);
    expect(d.response.rate).toBeGreaterThan(0.1);
    expect(d.ratings.length).toBeGreaterThan(0);
  });

  test('crisis rows stay in the span', () => {
    const c = generateCrisisRows(NOW, 365);
    expect(c.every((x) => x.at < NOW && x.at >= NOW - 365 * DAY && x.from !== x.to)).toBe(true);
  });
});

test('bench options --items and --runs, and the store part', () => {
  expect(parseArgs(['--only', 'store', '--items', '2000', '--runs=3'])).toMatchObject({ only: ['store'], items: 2000, runs: 3 });
  expect(parseArgs([])).toMatchObject({ items: 100_000, runs: 5 });
});
