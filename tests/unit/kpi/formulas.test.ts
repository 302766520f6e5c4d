import { describe, expect, test } from 'vitest';
import {
  authorKey,
  averageRatingBySite,
  brandHealth,
  localDay,
  median,
  netSentiment,
  openFollowUps,
  responseStats,
  sentimentCounts,
  sentimentShare,
  topBy,
  volumeByDay,
  type KpiRow,
} from '../../../lib/kpi/formulas';

const H = 3_600_000;
const DAY0 = new Date(2026, 2, 1, 10, 0, 0).getTime(); // local time, 1 March 2026 10:00

function row(p: Partial<KpiRow> & { label?: 'positive' | 'neutral' | 'negative' } = {}): KpiRow {
  const { label = 'neutral', ...rest } = p;
  return {
    site: 'x',
    sentiment: { label, score: 0, confidence: 0.5, evidence: [] },
    rating: null,
    status: 'new',
    firstSeen: DAY0,
    repliedAt: null,
    competitor: false,
    author: null,
    handle: null,
    ...rest,
  };
}

describe('sentiment KPIs', () => {
  const rows = [row({ label: 'positive' }), row({ label: 'positive' }), row({ label: 'positive' }), row({ label: 'negative' }), row()];
  test('counts and shares', () => {
    const c = sentimentCounts(rows);
    expect(c).toEqual({ positive: 3, neutral: 1, negative: 1, total: 5 });
    expect(sentimentShare(c)).toEqual({ positive: 0.6, neutral: 0.2, negative: 0.2 });
  });
  test('net sentiment (Talkwalker) and brand health (SentiOne)', () => {
    const c = sentimentCounts(rows);
    expect(netSentiment(c)).toBe(0.5); // (3 − 1) / 4
    expect(brandHealth(c)).toBe(0.75); // 3 / 4
  });
  test('no polar mentions: null, not 0 or NaN', () => {
    const c = sentimentCounts([row(), row()]);
    expect(netSentiment(c)).toBeNull();
    expect(brandHealth(c)).toBeNull();
    expect(sentimentShare(sentimentCounts([]))).toEqual({ positive: 0, neutral: 0, negative: 0 });
  });
});

describe('volume by day', () => {
  test('per local day, by sentiment, with empty days filled', () => {
    const rows = [
      row({ label: 'positive', firstSeen: DAY0 }),
      row({ label: 'negative', firstSeen: DAY0 + 2 * H }),
      row({ label: 'negative', firstSeen: DAY0 + 48 * H }),
    ];
    expect(volumeByDay(rows)).toEqual([
      { day: '2026-03-01', positive: 1, neutral: 0, negative: 1, total: 2 },
      { day: '2026-03-02', positive: 0, neutral: 0, negative: 0, total: 0 },
      { day: '2026-03-03', positive: 0, neutral: 0, negative: 1, total: 1 },
    ]);
    expect(volumeByDay([])).toEqual([]);
  });
  test('the sum over days is the number of mentions', () => {
    const rows = Array.from({ length: 500 }, (_, i) => row({ firstSeen: DAY0 + i * 7 * H, label: i % 3 === 0 ? 'negative' : 'positive' }));
    const days = volumeByDay(rows);
    expect(days.reduce((a, d) => a + d.total, 0)).toBe(500);
    expect(days.reduce((a, d) => a + d.negative, 0)).toBe(167);
    expect(days[0]!.day).toBe(localDay(DAY0));
  });
});

describe('ratings, replies, rankings', () => {
  test('average star rating per site, reviews only', () => {
    const rows = [
      row({ site: 'trustpilot', rating: 5 }),
      row({ site: 'trustpilot', rating: 2 }),
      row({ site: 'google-maps', rating: 4.5 }),
      row({ site: 'x' }),
    ];
    expect(averageRatingBySite(rows)).toEqual({ trustpilot: { mean: 3.5, count: 2 }, 'google-maps': { mean: 4.5, count: 1 } });
  });

  test('response rate and time to reply: competitors and ignored mentions do not call for an answer', () => {
    const rows = [
      row({ repliedAt: DAY0 + 1 * H }),
      row({ repliedAt: DAY0 + 3 * H }),
      row({ repliedAt: DAY0 + 8 * H }),
      row({}),
      row({ status: 'ignored' }),
      row({ competitor: true }),
    ];
    expect(responseStats(rows)).toEqual({ eligible: 4, replied: 3, rate: 0.75, medianMs: 3 * H, meanMs: 4 * H });
    expect(responseStats([])).toEqual({ eligible: 0, replied: 0, rate: null, medianMs: null, meanMs: null });
  });

  test('median', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  test('top sites and authors; open follow-ups', () => {
    const rows = [
      row({ site: 'x', handle: '@lea' }),
      row({ site: 'x', handle: '@lea' }),
      row({ site: 'reddit', author: 'Tom', status: 'follow_up' }),
      row({ site: 'trustpilot', status: 'follow_up' }),
    ];
    expect(topBy(rows, (r) => r.site)).toEqual([
      { key: 'x', count: 2 },
      { key: 'reddit', count: 1 },
      { key: 'trustpilot', count: 1 },
    ]);
    expect(topBy(rows, authorKey, 1)).toEqual([{ key: '@lea', count: 2 }]);
    expect(openFollowUps(rows)).toBe(2);
  });
});
