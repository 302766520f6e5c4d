import { describe, expect, test } from 'vitest';
import {
  crisisInRange,
  dayStart,
  daysBefore,
  daysOf,
  defaultFilters,
  filterRows,
  filtersToHash,
  formatDuration,
  formatPercent,
  nextDay,
  parseFilters,
  rangeOf,
  summarize,
  volumeSeries,
  type DashboardRow,
  type Filters,
} from '../../../lib/dashboard/shape';
import { responseStats, sentimentCounts } from '../../../lib/kpi/formulas';
import type { CrisisRow } from '../../../lib/storage/schema';

const H = 3_600_000;
/** Local time, 10 March 2026 at `hour`. */
const at = (day: number, hour = 10) => new Date(2026, 2, day, hour, 0, 0).getTime();

function row(p: Partial<DashboardRow> & { label?: 'positive' | 'neutral' | 'negative' } = {}): DashboardRow {
  const { label = 'neutral', ...rest } = p;
  return {
    site: 'x',
    sentiment: { label, score: 0, confidence: 0.5, evidence: [] },
    rating: null,
    status: 'new',
    firstSeen: at(10),
    repliedAt: null,
    competitor: false,
    author: null,
    handle: null,
    brandIds: ['acme'],
    ...rest,
  };
}

const F = (p: Partial<Filters> = {}): Filters => ({ from: '2026-03-01', to: '2026-03-31', brandId: null, site: null, ...p });

describe('days', () => {
  test.each([
    ['2026-03-10', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['10/03/2026', false],
    ['', false],
  ])('dayStart(%s) valid: %s', (day, ok) => {
    expect(dayStart(day) !== null).toBe(ok);
  });

  test('dayStart is local midnight', () => {
    expect(dayStart('2026-03-10')).toBe(new Date(2026, 2, 10).getTime());
  });

  test('nextDay and daysBefore cross months, years and DST changes', () => {
    expect(nextDay('2026-02-28')).toBe('2026-03-01');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    expect(nextDay('2026-03-29')).toBe('2026-03-30'); // DST in Europe
    expect(daysBefore('2026-03-01', 1)).toBe('2026-02-28');
    expect(daysBefore('2026-11-01', 29)).toBe('2026-10-03');
  });

  test('daysOf includes both ends; empty when reversed', () => {
    expect(daysOf('2026-03-30', '2026-04-02')).toEqual(['2026-03-30', '2026-03-31', '2026-04-01', '2026-04-02']);
    expect(daysOf('2026-03-02', '2026-03-01')).toEqual([]);
    expect(daysOf('2026-03-02', '2026-03-02')).toEqual(['2026-03-02']);
  });

  test('defaultFilters: the last 30 days, today included', () => {
    const f = defaultFilters(at(31, 23));
    expect(f).toEqual({ from: '2026-03-02', to: '2026-03-31', brandId: null, site: null });
    expect(daysOf(f.from, f.to)).toHaveLength(30);
  });

  test('rangeOf: [local midnight of from, local midnight after to); null when invalid or reversed', () => {
    expect(rangeOf({ from: '2026-03-01', to: '2026-03-31' })).toEqual({ start: new Date(2026, 2, 1).getTime(), end: new Date(2026, 3, 1).getTime() });
    expect(rangeOf({ from: '2026-03-02', to: '2026-03-01' })).toBeNull();
    expect(rangeOf({ from: 'nope', to: '2026-03-01' })).toBeNull();
  });
});

describe('hash', () => {
  test('round trip', () => {
    const f = F({ brandId: 'acme', site: 'google-maps' });
    expect(parseFilters(filtersToHash(f))).toEqual(f);
  });

  test('missing or invalid parts take the defaults', () => {
    const now = at(31, 9);
    expect(parseFilters('', now)).toEqual(defaultFilters(now));
    expect(parseFilters('#from=2026-02-30&to=2026-03-05', now)).toEqual({ ...defaultFilters(now), to: '2026-03-05' });
  });
});

describe('filterRows', () => {
  const rows = [row({ brandIds: ['acme'], site: 'x' }), row({ brandIds: ['zenith'], site: 'x' }), row({ brandIds: ['acme', 'zenith'], site: 'reddit' })];
  test.each([
    [null, null, 3],
    ['acme', null, 2],
    ['zenith', null, 2],
    ['other', null, 0],
    [null, 'x', 2],
    ['acme', 'reddit', 1],
  ])('brand %s, site %s → %i rows', (brandId, site, n) => {
    expect(filterRows(rows, { brandId, site })).toHaveLength(n);
  });
});

describe('volumeSeries', () => {
  test('one entry per day of the range, zeros on empty days, by sentiment', () => {
    const rows = [row({ firstSeen: at(2, 0), label: 'positive' }), row({ firstSeen: at(2, 23), label: 'negative' }), row({ firstSeen: at(4, 12), label: 'positive' })];
    expect(volumeSeries(rows, '2026-03-01', '2026-03-05')).toEqual([
      { day: '2026-03-01', positive: 0, neutral: 0, negative: 0, total: 0 },
      { day: '2026-03-02', positive: 1, neutral: 0, negative: 1, total: 2 },
      { day: '2026-03-03', positive: 0, neutral: 0, negative: 0, total: 0 },
      { day: '2026-03-04', positive: 1, neutral: 0, negative: 0, total: 1 },
      { day: '2026-03-05', positive: 0, neutral: 0, negative: 0, total: 0 },
    ]);
  });
});

describe('summarize', () => {
  const rows: DashboardRow[] = [
    row({ firstSeen: at(1), label: 'positive', site: 'google-maps', rating: 5, status: 'replied', repliedAt: at(1) + 2 * H, handle: '@ana' }),
    row({ firstSeen: at(2), label: 'negative', site: 'google-maps', rating: 2, status: 'follow_up', handle: '@ana' }),
    row({ firstSeen: at(3), label: 'negative', site: 'trustpilot', rating: 1, status: 'replied', repliedAt: at(3) + 4 * H, author: 'Bob' }),
    row({ firstSeen: at(3), label: 'neutral', site: 'x', status: 'ignored' }),
    row({ firstSeen: at(4), label: 'positive', site: 'x', competitor: true, brandIds: ['zenith'], status: 'follow_up' }),
    // Outside March: never counted.
    row({ firstSeen: at(31) + 24 * H, label: 'negative', site: 'x' }),
    row({ firstSeen: new Date(2026, 1, 28, 23, 59).getTime(), label: 'negative', site: 'x' }),
  ];

  test('every figure comes from the rows of the range and filters, with lib/kpi formulas', () => {
    const d = summarize(rows, [], F());
    expect(d.counts).toEqual({ positive: 2, neutral: 1, negative: 2, total: 5 });
    expect(d.share).toEqual({ positive: 0.4, neutral: 0.2, negative: 0.4 });
    expect(d.net).toBe(0);
    expect(d.health).toBe(0.5);
    expect(d.ratings).toEqual([
      { site: 'google-maps', mean: 3.5, count: 2 },
      { site: 'trustpilot', mean: 1, count: 1 },
    ]);
    // Eligible: not competitor, not ignored → 3; replied 2 (2 h and 4 h).
    expect(d.response).toEqual({ eligible: 3, replied: 2, rate: 2 / 3, medianMs: 3 * H, meanMs: 3 * H });
    expect(d.openFollowUps).toBe(2);
    expect(d.topSites).toEqual([
      { key: 'google-maps', count: 2 },
      { key: 'x', count: 2 },
      { key: 'trustpilot', count: 1 },
    ]);
    expect(d.topAuthors).toEqual([
      { key: '@ana', count: 2 },
      { key: 'Bob', count: 1 },
    ]);
    expect(d.days).toHaveLength(31);
    expect(d.days.reduce((a, v) => a + v.total, 0)).toBe(5);
  });

  test('brand and site filters', () => {
    const acme = summarize(rows, [], F({ brandId: 'acme' }));
    expect(acme.counts.total).toBe(4);
    expect(acme.openFollowUps).toBe(1);
    const zenith = summarize(rows, [], F({ brandId: 'zenith' }));
    expect(zenith.counts).toEqual({ positive: 1, neutral: 0, negative: 0, total: 1 });
    expect(zenith.response.rate).toBeNull();
    const maps = summarize(rows, [], F({ site: 'google-maps' }));
    expect(maps.counts.total).toBe(2);
    expect(maps.response).toEqual(responseStats(rows.slice(0, 2)));
  });

  test('a narrower range', () => {
    const d = summarize(rows, [], F({ from: '2026-03-02', to: '2026-03-03' }));
    expect(d.counts).toEqual(sentimentCounts(rows.slice(1, 4)));
    expect(d.days.map((v) => v.day)).toEqual(['2026-03-02', '2026-03-03']);
  });

  test('an invalid range shows nothing', () => {
    const d = summarize(rows, [], F({ from: '2026-03-05', to: '2026-03-01' }));
    expect(d.counts.total).toBe(0);
    expect(d.days).toEqual([]);
    expect(d.net).toBeNull();
  });
});

describe('crisisInRange', () => {
  const c = (id: number, brandId: string, atMs: number, to: CrisisRow['to']): CrisisRow => ({ id, brandId, at: atMs, from: 'none', to, negatives: 9, total: 12, baselineMean: 1, z: 4 });
  const rows = [c(3, 'acme', at(5), 'moderee'), c(1, 'acme', at(2), 'minime'), c(2, 'zenith', at(3), 'severe'), c(4, 'acme', at(31) + 24 * H, 'none')];
  test('the range, oldest first; one brand when chosen', () => {
    expect(crisisInRange(rows, F()).map((x) => x.id)).toEqual([1, 2, 3]);
    expect(crisisInRange(rows, F({ brandId: 'acme' })).map((x) => x.id)).toEqual([1, 3]);
    expect(crisisInRange(rows, F({ from: '2026-04-01', to: '2026-04-01' })).map((x) => x.id)).toEqual([4]);
  });
});

describe('formatting', () => {
  test.each([
    [30 * 60_000, 'en', '30 minutes'],
    [90 * 60_000, 'en', '1.5 hours'],
    [3 * 86_400_000, 'en', '3 days'],
    [90 * 60_000, 'fr', '1,5 heure'],
  ])('formatDuration(%i, %s)', (ms, lang, text) => {
    expect(formatDuration(ms, lang).replace(/\s/gu, ' ')).toBe(text);
  });

  test('formatPercent', () => {
    expect(formatPercent(2 / 3, 'en')).toBe('66.7%');
    expect(formatPercent(0.5, 'fr').replace(/\s/gu, ' ')).toBe('50 %');
  });
});
