import { describe, expect, test } from 'vitest';
import { parseRelativeTime } from '../../../lib/sites/dom';
import { RELATIVE_TIME_TEMPLATES } from '../../../lib/sites/relative-times';

const NOW = Date.UTC(2025, 2, 15, 12, 0, 0);
const MIN = 60_000;
const H = 60 * MIN;
const D = 24 * H;

describe('parseRelativeTime (English, French): counted back from now', () => {
  test.each([
    ['3 hours ago', 3 * H],
    ['an hour ago', H],
    ['3 minutes ago', 3 * MIN],
    ['2 days ago (edited)', 2 * D],
    ['6d ago', 6 * D],
    ['a year ago', 365 * D],
    ['2 weeks', 14 * D],
    ['20h •', 20 * H],
    ['1y', 365 * D],
    ['5mo', 150 * D],
    ['12 min', 12 * MIN],
    ['Just now', 0],
    ['yesterday', D],
    ['il y a 2 semaines', 14 * D],
    ['il y a un mois', 30 * D],
    ['il y a un an', 365 * D],
    ['Modifié il y a 3 mois', 90 * D],
    ['il y a 10 secondes', 10_000],
    ['2 j', 2 * D],
    ['6j ', 6 * D],
    ['1 sem.', 7 * D],
    ['2 mois', 60 * D],
    ["À l’instant", 0],
    ['hier', D],
    ['avant-hier', 2 * D],
  ])('%j', (text, back) => {
    expect(parseRelativeTime(text, NOW)).toBe(new Date(NOW - back).toISOString());
  });

  test.each(['', '2-15', 'Acme 2 days', 'il y a', 'le 3 mars', '10 cafés', null, undefined])('no relative time: %j', (text) => {
    expect(parseRelativeTime(text, NOW)).toBeNull();
  });
});

describe('parseRelativeTime in other languages (templates of lib/sites/relative-times.ts, from ICU)', () => {
  test.each([
    ['vor 3 Monaten', 90 * D],
    ['vor 2 Std.', 2 * H],
    ['hace 2 días', 2 * D],
    ['3 mesi fa (modificato)', 90 * D],
    ['há 3 horas', 3 * H],
    ['3 uur geleden', 3 * H],
    ['2 tygodnie temu', 14 * D],
    ['5 месяцев назад', 150 * D],
    ['1 yıl önce', 365 * D],
    ['för 2 veckor sedan', 14 * D],
    ['3개월 전', 90 * D],
    ['3 か月前', 90 * D],
    ['3 個月前（已編輯）', 90 * D],
    ['3天前', 3 * D],
  ])('%j', (text, back) => {
    expect(parseRelativeTime(text, NOW)).toBe(new Date(NOW - back).toISOString());
  });

  test('every template reads back as its own unit', () => {
    const ms = { second: 1000, minute: MIN, hour: H, day: D, week: 7 * D, month: 30 * D, year: 365 * D };
    for (const [unit, templates] of Object.entries(RELATIVE_TIME_TEMPLATES)) {
      for (const t of templates as readonly string[]) {
        expect([t, parseRelativeTime(t.replace('#', '7'), NOW)]).toEqual([t, new Date(NOW - 7 * ms[unit as keyof typeof ms]).toISOString()]);
      }
    }
  });

  test.each(['nach 3 Monaten kaputt', '3 Monate', 'Produkt 3 mesi', '2 dní', 'vor 3 Monatenplan', '30 días de garantía'])('no relative time: %j', (text) => {
    expect(parseRelativeTime(text, NOW)).toBeNull();
  });
});
