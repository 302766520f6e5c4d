#!/usr/bin/env node
/**
 * Anonymise a logged-in saved page (LinkedIn feed, Instagram home) before it
 * goes into tests/fixtures/real/. Deterministic: the same input always gives
 * the same output. No real name is written in this file: the names are
 * discovered in the page from structural patterns (profile links, "X, graphic."
 * and "View X’s profile" labels, "X's profile picture" alts, comment author
 * lines...) and mapped, in order of first appearance, to fictional ones.
 *
 *   node scripts/anonymize-fixture.mjs linkedin  <saved.html> <out.html>
 *   node scripts/anonymize-fixture.mjs instagram <saved.html> <out.html>
 *
 * What changes (tests/fixtures/real/README-anonymized.md):
 * - LinkedIn: only the feed list is kept (`div.scaffold-finite-scroll__content`,
 *   cut by tag depth, byte-identical inside), inside a minimal html/head/body.
 *   The head (styles, scripts), the navigation bar with the logged-in member and
 *   the side columns are dropped.
 * - Instagram: every <script> element is removed (1.4 MB of app state carrying
 *   more personal data; tests never run a saved page's scripts), and every
 *   <link> (CDN stylesheets and script preloads, which happy-dom would try to
 *   fetch). Image
 *   descriptions "Photo by NAME on DATE. <OCR of the picture>" keep their first
 *   sentence only (the OCR quotes more people's names).
 * - Both: person names (each word mapped on its own, so "Firstname" alone in a
 *   text maps like the full name does), usernames / profile slugs and profile
 *   ids are replaced. Companies (LinkedIn pages with followers) stay.
 * The script then checks that no discovered name, username or slug is left
 * and prints the counts (never the names).
 */
import { readFileSync, writeFileSync } from 'node:fs';

const FIRST = ['Camille', 'Jordan', 'Alex', 'Morgan', 'Sacha', 'Robin', 'Charlie', 'Dominique', 'Noa', 'Lou', 'Elie', 'Maxime', 'Andrea', 'Sasha', 'Kim', 'Eden', 'Yael', 'Claude', 'Ariel', 'Gabriel', 'Leslie', 'Alix', 'Stéphane', 'Marion', 'Lilou', 'Swann', 'Loan', 'Ilian', 'Nour', 'Mael'];
const LAST = ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent', 'Lefebvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier', 'Morel', 'Girard', 'Andre', 'Mercier', 'Dupont', 'Lambert', 'Bonnet', 'Francois', 'Martinez', 'Legrand', 'Garnier', 'Faure', 'Rousseau', 'Blanc', 'Guerin', 'Muller', 'Henry', 'Roussel', 'Nicolas', 'Perrin'];

const NAME = /^\p{Lu}[\p{L}'’.-]*(?: \(?\p{L}[\p{L}'’.-]*\)?){1,4}$/u;

/** Fictional word for the n-th real first name / other name word, unique even past the lists' ends. */
const pick = (list, n) => list[n % list.length] + (n >= list.length ? String(Math.floor(n / list.length) + 1) : '');

function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

function replaceWord(text, word, by) {
  return text.replace(new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRe(word)}(?![\\p{L}\\p{N}_])`, 'gu'), by);
}

/** Map every word of the names: first words to FIRST, the others to LAST (never to a real word of the page). */
function wordMap(names) {
  const real = new Set(names.flatMap((n) => n.replace(/[()]/gu, '').split(' ')));
  const first = new Map();
  const other = new Map();
  let nf = 0;
  let no = 0;
  const next = (list, n) => {
    let w = pick(list, n);
    while (real.has(w)) w = pick(list, ++n);
    return [w, n + 1];
  };
  for (const name of names) {
    const words = name.replace(/[()]/gu, '').split(' ').filter(Boolean);
    for (const [i, w] of words.entries()) {
      if (first.has(w) || other.has(w)) continue;
      if (i === 0) {
        const [fake, n] = next(FIRST, nf);
        first.set(w, fake);
        nf = n;
      } else {
        const [fake, n] = next(LAST, no);
        other.set(w, fake);
        no = n;
      }
    }
  }
  return new Map([...first, ...other]);
}

/** Replace words longest first (so "Kumar" does not break "Kumaran"). */
function applyWords(text, map) {
  let out = text;
  for (const [w, by] of [...map].sort((a, b) => b[0].length - a[0].length)) out = replaceWord(out, w, by);
  return out;
}

/** End offset of the element opening at `start` (same-tag depth counting; fine for div). */
function elementEnd(html, start, tag) {
  const re = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'gu');
  re.lastIndex = start;
  let depth = 0;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return m.index + m[0].length;
  }
  throw new Error('unclosed element');
}

function attrValues(html) {
  return [...html.matchAll(/\s(?:aria-label|alt|title)="([^"]*)"/gu)].map((m) => m[1]);
}

const stripTags = (s) => s.replace(/<[^>]*>/gu, ' ').replace(/\s+/gu, ' ').trim();

function linkedin(src) {
  const start = src.indexOf('<div class="scaffold-finite-scroll__content"');
  if (start < 0) throw new Error('feed list not found');
  const feed = src.slice(start, elementEnd(src, start, 'div'));

  const companies = new Set();
  for (const v of attrValues(feed)) {
    const m = /^View: (.+?) [\d,]+ followers$/u.exec(v);
    if (m) companies.add(m[1]);
  }
  for (const m of feed.matchAll(/connections follow ([^<]+?)\s*</gu)) companies.add(m[1].trim());

  const names = [];
  const add = (n) => {
    const name = n?.trim();
    if (name && NAME.test(name) && !companies.has(name) && !names.includes(name)) names.push(name);
  };
  const firstOnly = [];
  const patterns = [
    /^([^,]+), graphic\.$/u,
    /^Open control menu for post by (.+)$/u,
    /^Dismiss post by (.+)$/u,
    /^View: (.+?) •/u,
    /^View (.+?)’s? profile$/u,
    /^(?:Reply to|React Like to|Open options for) (.+?)’s? comment$/u,
    /^[\d,]+ Reactions? on (.+?)’s? comment$/u,
    /^(.+?) and [\d,]+ others$/u,
    /^Photo of (.+)$/u,
  ];
  for (const v of attrValues(feed)) {
    for (const p of patterns) add(p.exec(v)?.[1]);
    const own = /^(\S+)’s profile photo$/u.exec(v)?.[1];
    if (own) firstOnly.push(own);
  }
  for (const m of feed.matchAll(/<a\b[^>]*href="[^"]*\/in\/[^"]*"[^>]*>([\s\S]*?)<\/a>/gu)) {
    let text = stripTags(m[1]).split(' •')[0].replace(/ Author$/u, '');
    const half = text.slice(0, (text.length - 1) / 2);
    if (text === `${half} ${half}`) text = half;
    add(text);
  }
  for (const m of feed.matchAll(/comments-comment-meta__description-title[^>]*>([\s\S]*?)<\//gu)) add(stripTags(m[1].replace(/<!---->/gu, '')));

  const words = wordMap([...names, ...firstOnly]);
  const slugs = [...new Set([...feed.matchAll(/\/in\/([^/?"&#]+)/gu)].map((m) => m[1]))];
  const ids = [...new Set(feed.match(/ACoAA[A-Za-z0-9_-]{10,}/gu) ?? [])];

  let out = feed;
  slugs.forEach((slug, n) => {
    out = out.split(`/in/${slug}`).join(`/in/member-${String.fromCharCode(97 + (n % 26))}${n >= 26 ? n : ''}`);
  });
  ids.forEach((id, n) => {
    out = out.split(id).join('ACoAAFictionalMember' + String(n).padStart(3, '0'));
  });
  out = applyWords(out, words);

  const left = [...words.keys()].filter((w) => new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRe(w)}(?![\\p{L}\\p{N}_])`, 'u').test(out)).length;
  const leftSlugs = slugs.filter((s) => out.includes('/in/' + s)).length;
  console.error(`linkedin: ${names.length} names (${words.size} words), ${slugs.length} profile slugs, ${ids.length} profile ids, ${companies.size} companies kept; left: ${left} words, ${leftSlugs} slugs`);
  if (left || leftSlugs) throw new Error('names left');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Feed | LinkedIn</title></head><body><main id="main" class="scaffold-layout__main" aria-label="Main Feed" role="main">\n${out}\n</main></body></html>\n`;
}

/** Instagram routes that look like /<username>/ but are not accounts. */
const IG_ROUTES = new Set(['explore', 'reels', 'reel', 'direct', 'accounts', 'legal', 'language', 'web', 'data', 'p', 'stories', 'about', 'developer', 'emails', 'privacy', 'session', 'challenge']);

function instagram(src) {
  // Scripts and <link> elements (preloads would make a DOM library fetch the CDN) go.
  let html = src.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gu, '').replace(/<link\b[^>]*>/gu, '');
  // Image descriptions: keep "Photo by NAME on DATE" (NAME anonymised below), drop the OCR text after it.
  html = html.replace(/alt="(Photo (?:shared )?by [^"]*? on [A-Z][a-z]+ \d{2}, \d{4})[^"]*"/gu, 'alt="$1."');

  const users = [];
  const addUser = (u) => {
    if (u && !IG_ROUTES.has(u) && !users.includes(u)) users.push(u);
  };
  for (const m of html.matchAll(/href="\/([\w.]+)\/?"/gu)) addUser(m[1]);
  for (const v of attrValues(html)) {
    addUser(/^([\w.]+)'s profile picture$/u.exec(v)?.[1]);
    addUser(/^Story by ([\w.]+), /u.exec(v)?.[1]);
  }
  for (const m of html.matchAll(/Followed by ([\w.]+)/gu)) addUser(m[1]);
  for (const m of html.matchAll(/@([\w.]*\w)/gu)) if (html.includes(`/${m[1]}/`) || users.includes(m[1])) addUser(m[1]);

  const names = [];
  for (const v of attrValues(html)) {
    const n = /^Photo (?:shared )?by (.+?) on /u.exec(v)?.[1];
    if (n && !names.includes(n)) names.push(n);
  }
  // Display names shown right after a username link (profile hover card, "switch account" row).
  const userAlt = users.map(escapeRe).join('|');
  const after = new RegExp(`>(?:${userAlt})</(?:span></)?a>(?:(?!<a\\b)[\\s\\S]){0,900}?>([^<>]+)<`, 'gu');
  for (const m of html.matchAll(after)) {
    const n = m[1].trim();
    if (/^\p{L}[\p{L}'’.-]*(?: \p{L}[\p{L}'’.-]*){1,3}$/u.test(n) && !/^(?:Suggested|Followed|See|View|Follow)/u.test(n) && !names.includes(n)) names.push(n);
  }

  let out = html;
  // Longest first: "name.x" before "name".
  const byLength = users.map((u, n) => [u, n]).sort((a, b) => b[0].length - a[0].length);
  for (const [u, n] of byLength) {
    const fake = 'user_' + String.fromCharCode(97 + (n % 26)) + (n >= 26 ? String(Math.floor(n / 26)) : '');
    out = out.replace(new RegExp(`(?<![\\w.])${escapeRe(u)}(?![\\w])`, 'gu'), fake);
  }
  const words = wordMap(names);
  out = applyWords(out, words);

  const left = users.filter((u) => new RegExp(`(?<![\\w.])${escapeRe(u)}(?![\\w])`, 'u').test(out)).length;
  const leftWords = [...words.keys()].filter((w) => new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRe(w)}(?![\\p{L}\\p{N}_])`, 'u').test(out)).length;
  console.error(`instagram: ${users.length} usernames, ${names.length} display names (${words.size} words); left: ${left} usernames, ${leftWords} words`);
  if (left || leftWords) throw new Error('names left');
  return out;
}

const [site, input, output] = process.argv.slice(2);
if (!input || !output || (site !== 'linkedin' && site !== 'instagram')) {
  console.error('usage: node scripts/anonymize-fixture.mjs linkedin|instagram <in.html> <out.html>');
  process.exit(2);
}
const src = readFileSync(input, 'utf8');
writeFileSync(output, site === 'linkedin' ? linkedin(src) : instagram(src));
