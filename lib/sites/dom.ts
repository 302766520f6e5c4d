/**
 * Small DOM-reading helpers shared by the adapters. Pure: they only read.
 */
import { RELATIVE_TIME_TEMPLATES } from './relative-times';

/** Collapse whitespace runs to one space and trim. */
export function collapse(text: string): string {
  // Same as replace(/\s+/gu, ' '), but a lone " " is not a match, so ordinary text is not copied
  // (the content script reads thousands of posts: fewer copies, less garbage collection).
  return text.replace(/\s{2,}|[^\S ]/gu, ' ').trim();
}

/**
 * Text of an element as a reader sees it: text nodes joined, emoji images
 * replaced by their alt text (X and others render emoji as <img alt="😀">),
 * <br> and block boundaries as spaces, whitespace collapsed.
 * Script, style and template contents are skipped.
 *
 * `inlineBlocks`: do not add a space at block boundaries, for sites that lay
 * out inline text with block elements (X wraps each @mention inside a post's
 * text in a `div`, so "for <div>@x</div>, from" must read "for @x, from").
 *
 * `skip`: a selector whose subtrees are left out (an owner reply, a nested reply
 * list, a "reply" link). Walking past them is safer than removing them from a
 * clone: a cloned `<img onerror>` would load (and fire) again.
 */
export function readText(el: Element | null | undefined, options: { inlineBlocks?: boolean; skip?: string } = {}): string {
  if (!el) return '';
  // Nothing below needs the walk (no image, break, script-like, skipped or block element): then the walk
  // would only join the text nodes, which is textContent, read in one call without touching each node
  // from JavaScript (the content script reads thousands of posts: less work and less garbage).
  const special = options.inlineBlocks ? SPECIAL_INLINE : SPECIAL_BLOCKS;
  if (!el.querySelector(options.skip ? `${special},${options.skip}` : special)) return collapse(el.textContent ?? '');
  const parts: string[] = [];
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        parts.push(child.nodeValue ?? '');
      } else if (child.nodeType === 1) {
        const e = child as Element;
        const tag = e.localName;
        if (tag === 'script' || tag === 'style' || tag === 'template' || tag === 'noscript') continue;
        if (options.skip && e.matches(options.skip)) continue;
        if (tag === 'img') {
          parts.push(e.getAttribute('alt') ?? '');
          continue;
        }
        if (tag === 'br') {
          parts.push(' ');
          continue;
        }
        // Blocks separate words on both sides ("foo<p>Acme</p>bar" reads "foo Acme bar").
        const isBlock = !options.inlineBlocks && BLOCK_TAGS.has(tag);
        if (isBlock) parts.push(' ');
        walk(e);
        if (isBlock) parts.push(' ');
      }
    }
  };
  walk(el);
  return collapse(parts.join(''));
}

const BLOCK_TAGS = new Set(['p', 'div', 'li', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article']);
/** Elements readText treats specially: with inline blocks, and with block boundaries as spaces. */
const SPECIAL_INLINE = 'img,br,script,style,template,noscript';
const SPECIAL_BLOCKS = `${SPECIAL_INLINE},${[...BLOCK_TAGS].join(',')}`;

/** Resolve an href against the page URL; null when absent or not http(s). */
export function absoluteUrl(href: string | null | undefined, base: URL): string | null {
  if (!href) return null;
  try {
    const u = new URL(href, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** ISO string of a date-like attribute value, or null when it does not parse. */
export function isoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/** First number in a string ("4,0 su 5 stelle", "Rated 4 out of 5", "5 stars") clamped to 1..5. */
export function parseRating(value: string | null | undefined, best = 5): number | null {
  if (!value) return null;
  const m = /(\d+(?:[.,]\d+)?)/u.exec(value);
  if (!m?.[1]) return null;
  const n = Number.parseFloat(m[1].replace(',', '.'));
  if (!Number.isFinite(n) || best <= 0) return null;
  const scaled = best === 5 ? n : (n / best) * 5;
  if (scaled < 0 || scaled > 5) return null;
  return Math.round(scaled * 10) / 10;
}

/** A short, stable, non-cryptographic hash (FNV-1a, 32-bit, base36) for fallback ids. */
export function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/** Id for items whose site gives none: a hash of what identifies them on the page. */
export function fallbackId(parts: Array<string | null | undefined>): string {
  return 'h' + fnv1a(parts.map((p) => p ?? '').join('\u0001'));
}

/**
 * First descendant of `root` matching `selector` that belongs to `root` itself,
 * not to an item nested inside it: no element between the match (inclusive)
 * and `root` (exclusive) matches `nested`. For threaded comments whose replies
 * are rendered inside their parent (old.reddit `.thing`, shreddit-comment...),
 * where a plain querySelector would read a child's text, author or time.
 */
export function queryOwn(root: Element, selector: string, nested: string): Element | null {
  for (const m of root.querySelectorAll(selector)) {
    if (isOwn(root, m, nested)) return m;
  }
  return null;
}

function isOwn(root: Element, el: Element, nested: string): boolean {
  for (let p: Element | null = el; p && p !== root; p = p.parentElement) {
    if (p.matches(nested)) return false;
  }
  return true;
}

/**
 * A review's text from its title and body: "title body", or whichever exists.
 * When the body already starts with the title (Trustpilot fills a missing
 * title with the body's first words; ground truth "Never buying from here…"),
 * the title is not repeated.
 */
export function joinTitle(title: string, body: string): string {
  const t = collapse(title);
  const b = collapse(body);
  if (!t) return b;
  if (!b) return t;
  const stem = t.replace(/(?:\.\.\.|…)$/u, '').toLowerCase();
  return b.toLowerCase().startsWith(stem) ? b : `${t} ${b}`;
}

/**
 * Month names and common abbreviations in English, French, Italian, German and
 * Spanish (Amazon and TripAdvisor print dates as localised text), lower case,
 * without a trailing dot. Overlaps agree ("mar", "mai", "may" are March/May
 * everywhere); "ago" (it/es August) only counts next to a day and a year.
 */
const MONTHS: ReadonlyMap<string, number> = (() => {
  const table: Array<[number, string]> = [
    [1, 'january jan janvier janv gennaio gen januar jänner enero ene'],
    [2, 'february feb février fevrier févr fevr febbraio februar febrero'],
    [3, 'march mar mars marzo märz maerz mär mrz'],
    [4, 'april apr avril avr aprile abril abr'],
    [5, 'may mai maggio mag mayo'],
    [6, 'june jun juin giugno giu juni junio'],
    [7, 'july jul juillet juil luglio lug juli julio'],
    [8, 'august aug août aout agosto ago'],
    [9, 'september sep sept septembre settembre set septiembre setiembre'],
    [10, 'october oct octobre ottobre ott oktober okt octubre'],
    [11, 'november nov novembre noviembre'],
    [12, 'december dec décembre decembre déc dicembre dic dezember dez diciembre'],
  ];
  const map = new Map<string, number>();
  for (const [month, names] of table) for (const name of names.split(' ')) map.set(name, month);
  return map;
})();

const WORD = '(\\p{L}+)\\.?';
/** "14 novembre 2018", "1er mars 2024", "3. März 2024", "3 de marzo de 2024", "1 May 2024", "7th Mar 2021" (vBulletin). */
const DAY_MONTH_YEAR = new RegExp(`(?<![\\p{L}\\p{N}])(\\d{1,2})(?:er|st|nd|rd|th|º|°|\\.)?\\s+(?:de\\s+)?${WORD}\\s+(?:de\\s+|del\\s+)?(\\d{4})(?!\\p{N})`, 'iu');
/** "May 1, 2024", "Oct. 12 2025". */
const MONTH_DAY_YEAR = new RegExp(`(?<![\\p{L}\\p{N}])${WORD}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\p{N})`, 'iu');
/** "Oct 2025", "octobre 2025", "marzo de 2024". */
const MONTH_YEAR = new RegExp(`(?<![\\p{L}\\p{N}])${WORD}\\s+(?:de\\s+|del\\s+)?(\\d{4})(?!\\p{N})`, 'iu');

function utcDay(year: string, month: number | undefined, day: string): string | null {
  const y = Number(year);
  const d = Number(day);
  if (!month || y < 1990 || y > 2100 || d < 1) return null;
  const date = new Date(Date.UTC(y, month - 1, d));
  // Reject 31 February and the like instead of rolling over.
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === d ? date.toISOString() : null;
}

/**
 * More languages' month names, from the browser's own Intl data (not a table
 * kept here): long and short, in a date ("24 апреля", genitive) and alone
 * ("апрель"). Built on first need, only when the fixed table above does not know a word.
 */
const INTL_MONTH_LOCALES = ['pt', 'nl', 'ru', 'uk', 'pl', 'cs', 'sv', 'da', 'nb', 'fi', 'tr', 'ro', 'hu', 'ca', 'el'];
let intlMonths: Map<string, number> | null = null;

function intlMonthTable(): Map<string, number> {
  if (intlMonths) return intlMonths;
  const map = new Map<string, number>();
  const put = (name: string | undefined, month: number): void => {
    const key = name?.normalize('NFC').toLowerCase().replace(/\.$/u, '');
    // A name two months share in some language is left out (ambiguous).
    if (!key || !/^\p{L}+$/u.test(key)) return;
    const had = map.get(key);
    map.set(key, had !== undefined && had !== month ? 0 : month);
  };
  for (const locale of INTL_MONTH_LOCALES) {
    try {
      const forms = (['long', 'short'] as const).flatMap((month) => [
        new Intl.DateTimeFormat(locale, { month, timeZone: 'UTC' }),
        new Intl.DateTimeFormat(locale, { month, day: 'numeric', timeZone: 'UTC' }),
      ]);
      for (let m = 1; m <= 12; m++) {
        const date = new Date(Date.UTC(2021, m - 1, 15));
        for (const f of forms) put(f.formatToParts(date).find((part) => part.type === 'month')?.value, m);
      }
    } catch {
      // A browser without this locale's data: its names are simply not known.
    }
  }
  intlMonths = map;
  return map;
}

/** A time of day at the start of `rest` (after at most a few words: "г.,", "à", "at", "um"). */
const TIME_OF_DAY = /^[^\p{N}]{0,12}?(?<![\p{N}])(\d{1,2})\s*(?::|h\s*)(\d{2})(?!\p{N})(?:\s*([ap])\.?\s*m\.?(?![\p{L}]))?/iu;

/** The day of `utcMidnight` at the time `rest` starts with, in the browser's zone; the day alone when there is none. */
export function withTimeOfDay(utcMidnight: string, rest: string): string {
  const t = TIME_OF_DAY.exec(rest);
  if (!t) return utcMidnight;
  let hour = Number(t[1]);
  const minute = Number(t[2]);
  const half = t[3]?.toLowerCase();
  if (half && (hour < 1 || hour > 12)) return utcMidnight;
  if (half === 'p' && hour < 12) hour += 12;
  if (half === 'a' && hour === 12) hour = 0;
  if (hour > 23 || minute > 59) return utcMidnight;
  const day = new Date(utcMidnight);
  return new Date(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hour, minute).toISOString();
}

function monthOf(name: string | undefined): number | undefined {
  if (name === undefined) return undefined;
  const key = name.normalize('NFC').toLowerCase();
  const month = MONTHS.get(key) ?? intlMonthTable().get(key);
  return month === 0 ? undefined : month;
}

/**
 * ISO date (UTC midnight) of the first localised calendar date in a text, in
 * English, French, Italian, German or Spanish ("Reviewed in the United States on
 * May 1, 2024", "Recensito in Italia il 14 novembre 2018", "Commenté en France le
 * 3 mars 2024", "Rezension aus Deutschland vom 3. März 2024"), or written with dots
 * ("22.04.18", "23.04.2018": day, month, year); null when there is none.
 * Only the day is known, so the time is midnight UTC, not the reviewer's time.
 *
 * `monthPrecision`: also accept a month and year ("Reviewed Oct 2025") and
 * return the first day of that month.
 *
 * `withTime`: a time of day right after the date ("24 апреля 2018 г., 07:12",
 * "April 24, 2018 7:12 PM", "24 avril 2018 à 15 h 05") is kept, read in the
 * browser's time zone: the zone such a widget prints its dates in (Disqus
 * formats them in the reader's browser). Without a time, midnight UTC as above.
 */
export function parseLocalizedDate(
  text: string | null | undefined,
  options: { monthPrecision?: boolean; withTime?: boolean } = {},
): string | null {
  if (!text) return null;
  const s = collapse(text);
  const timed = (iso: string, m: RegExpExecArray): string =>
    options.withTime ? withTimeOfDay(iso, s.slice(m.index + m[0].length)) : iso;
  let m = DAY_MONTH_YEAR.exec(s);
  const dotted = /(?<![\p{N}.])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?![\p{N}.])/u.exec(s);
  if (dotted) {
    const y = dotted[3]!.length === 2 ? '20' + dotted[3] : dotted[3]!;
    const iso = utcDay(y, Number(dotted[2]), dotted[1]!);
    if (iso) return timed(iso, dotted);
  }
  if (m) {
    const iso = utcDay(m[3]!, monthOf(m[2]), m[1]!);
    if (iso) return timed(iso, m);
  }
  m = MONTH_DAY_YEAR.exec(s);
  if (m) {
    const iso = utcDay(m[3]!, monthOf(m[1]), m[2]!);
    if (iso) return timed(iso, m);
  }
  if (options.monthPrecision) {
    for (const mm of s.matchAll(new RegExp(MONTH_YEAR.source, 'giu'))) {
      const iso = utcDay(mm[2]!, monthOf(mm[1]), '1');
      if (iso) return iso;
    }
  }
  return null;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Unit words of relative times, English and French, long and short, folded (no accents), singular. */
const RELATIVE_UNITS: ReadonlyArray<readonly [RegExp, number]> = [
  [/^(?:s|sec|second|seconde)$/u, 1000],
  [/^(?:m|min|mn|minute)$/u, MINUTE],
  [/^(?:h|hr|hour|heure)$/u, HOUR],
  [/^(?:d|j|day|jour|jr)$/u, DAY],
  [/^(?:w|wk|week|sem|semaine)$/u, 7 * DAY],
  [/^(?:mo|mth|month|mois)$/u, 30 * DAY],
  [/^(?:y|yr|year|an|annee)$/u, 365 * DAY],
];
/** "3 hours ago", "il y a 2 semaines", "20h", "2 j", "1 sem.", "an hour ago", "il y a un mois", "5mo". */
const RELATIVE = /(?<![\p{L}\p{N}])(\d{1,4}|an?|one|une?)\s*([a-z]{1,8})\.?(?![\p{L}\p{N}])/gu;
const RELATIVE_NOW = /(?<![\p{L}])(?:just now|now|a moment ago|moments ago|a l'instant|maintenant|a few seconds ago|quelques secondes)(?![\p{L}])/u;
const RELATIVE_DAY = /(?<![\p{L}])(avant-hier|yesterday|hier)(?![\p{L}])/u;

/** Lower case, no accents, typographic apostrophes made plain: how relative times are compared. */
export function foldTime(text: string): string {
  return collapse(text)
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘]/gu, "'");
}

const TEMPLATE_UNITS: Readonly<Record<keyof typeof RELATIVE_TIME_TEMPLATES, number>> = {
  second: 1000,
  minute: MINUTE,
  hour: HOUR,
  day: DAY,
  week: 7 * DAY,
  month: 30 * DAY,
  year: 365 * DAY,
};
let intlRelative: { re: RegExp; units: number[] } | undefined;

/**
 * Other languages' "<n> <unit> ago" ("vor 3 Monaten", "hace 2 días", "3 mesi fa",
 * "há 3 horas", "3개월 전", "3 か月前"): a CM's sites follow the account's language,
 * not only English and French. One RegExp over the templates of
 * relative-times.ts (generated from ICU), compiled on first use.
 */
function intlRelativeTimes(): { re: RegExp; units: number[] } {
  if (intlRelative) return intlRelative;
  const entries = Object.entries(RELATIVE_TIME_TEMPLATES).flatMap(([unit, list]) =>
    list.map((t: string) => [t, TEMPLATE_UNITS[unit as keyof typeof TEMPLATE_UNITS]] as const),
  );
  // Longest first, so a template is not read as a shorter one inside it.
  entries.sort(([a], [b]) => b.length - a.length);
  const alternatives = entries.map(([t]) =>
    t
      .replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')
      .replace(/\s+/gu, '\\s*')
      .replace('#', '(\\d{1,4})'),
  );
  intlRelative = {
    re: new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{Script=Latin}\\p{Script=Cyrillic}\\p{Script=Greek}])`, 'u'),
    units: entries.map(([, ms]) => ms),
  };
  return intlRelative;
}

/** "vor 3 Monaten" and the like (intlRelativeTimes), counted back from `now`. */
function parseIntlRelativeTime(s: string, now: number): string | null {
  if (!/\d/u.test(s)) return null;
  const { re, units } = intlRelativeTimes();
  const m = re.exec(s);
  if (!m) return null;
  const group = m.findIndex((g, i) => i > 0 && g !== undefined);
  return group > 0 ? new Date(now - Number(m[group]) * units[group - 1]!).toISOString() : null;
}

/**
 * The time a relative date stands for, counted back from `now` (ms): "3 hours
 * ago", "il y a 2 semaines", "20h", "2 j", "yesterday", "à l'instant"; in other
 * languages, a number with its unit and "ago" word ("vor 3 Monaten", "3개월 전").
 * A month is 30 days and a year 365, so the result
 * is as precise as the text (Google Maps' "il y a un an" is a year ± months).
 * Null when the text holds no relative time. Sites that show only these
 * (Google Maps, YouTube, Facebook, TikTok's older comments) would otherwise
 * give no time at all, and their old reviews would count as new in the crisis
 * window.
 */
export function parseRelativeTime(text: string | null | undefined, now: number): string | null {
  if (!text) return null;
  const s = foldTime(text);
  return parseEnglishFrenchRelativeTime(s, now) ?? parseIntlRelativeTime(s, now);
}

function parseEnglishFrenchRelativeTime(s: string, now: number): string | null {
  if (RELATIVE_NOW.test(s)) return new Date(now).toISOString();
  const day = RELATIVE_DAY.exec(s);
  if (day) return new Date(now - (day[1] === 'avant-hier' ? 2 : 1) * DAY).toISOString();
  RELATIVE.lastIndex = 0;
  for (let m = RELATIVE.exec(s); m; m = RELATIVE.exec(s)) {
    const word = m[2]!;
    const unit = RELATIVE_UNITS.find(([re]) => re.test(word) || re.test(word.replace(/s$/u, '')))?.[1];
    if (unit === undefined) {
      // "il y a un mois": "a un" is no time, "un mois" is; look again from the next character.
      RELATIVE.lastIndex = m.index + 1;
      continue;
    }
    const count = /^\d/u.test(m[1]!) ? Number(m[1]) : 1;
    // A bare number and unit ("20h", "2 j") is relative only where the text says nothing else: "ago", "il y a", or alone.
    const marked = /\bago\b|\bil y a\b/u.test(s) || s.replace(m[0], '').replace(/[•·.,()\s-]|edited|modifie|edite/gu, '') === '';
    return marked ? new Date(now - count * unit).toISOString() : null;
  }
  return null;
}
