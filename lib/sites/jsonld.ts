/**
 * Tolerant reading of `<script type="application/ld+json">` blocks.
 *
 * Pages ship broken JSON-LD often enough that a strict `JSON.parse` loses real
 * reviews (sites.md §13; scrapinghub/extruct keeps a `custom.invalid` corpus of
 * such pages, which tests/unit/sites/jsonld.test.ts replays). `parseJsonLd`
 * tries the strict parse first, then repairs, in one string-aware pass:
 *
 *   outside strings: `// …` and `/* … *\/` comments, `<!-- -->` wrappers and
 *                    HTML comments, `<![CDATA[` / `]]>` markers, trailing commas
 *   inside strings:  raw control characters (escaped), invalid escapes (`\'`)
 *
 * and, when that still does not parse, keeps the balanced top-level `{…}` /
 * `[…]` values it starts with (trailing junk, stray closing braces, two objects glued).
 *
 * `parseJsonLd` is pure string work: nothing is evaluated or turned into DOM.
 */

/** The JSON-LD script elements of a document (type compared case-insensitively, parameters ignored). */
export function jsonLdScripts(doc: Document): HTMLScriptElement[] {
  return [...doc.querySelectorAll('script[type]')].filter(
    (s): s is HTMLScriptElement => (s.getAttribute('type') ?? '').split(';')[0]!.trim().toLowerCase() === 'application/ld+json',
  );
}

/**
 * Parse the text of one JSON-LD block, repairing what browsers' JSON.parse
 * rejects. Returns undefined when nothing usable is found. When the repaired
 * text holds several top-level values, returns them as an array.
 */
export function parseJsonLd(raw: string): unknown {
  const text = raw.trim();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    // Fall through to the repairs.
  }
  const repaired = repair(text);
  try {
    return JSON.parse(repaired);
  } catch {
    const values = topLevelValues(repaired);
    if (values.length === 0) return undefined;
    return values.length === 1 ? values[0] : values;
  }
}

const VALID_ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't', 'u']);
const CONTROL_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

function escapeControl(ch: string): string {
  return CONTROL_ESCAPES[ch] ?? '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0');
}

/** The repair pass described in the module comment. */
function repair(s: string): string {
  let out = '';
  let i = 0;
  const n = s.length;
  while (i < n) {
    const ch = s[i]!;
    if (ch === '"') {
      // A string: copy it, escaping raw control characters and fixing escapes.
      out += '"';
      i++;
      while (i < n && s[i] !== '"') {
        const c = s[i]!;
        if (c === '\\') {
          const next = s[i + 1];
          if (next === undefined) break;
          if (next < ' ') out += escapeControl(next); // backslash + raw newline: keep the newline
          else if (VALID_ESCAPES.has(next)) out += '\\' + next;
          else out += next; // "\'" and the like: drop the backslash
          i += 2;
          continue;
        }
        out += c < ' ' ? escapeControl(c) : c;
        i++;
      }
      out += '"';
      i++;
      continue;
    }
    if (s.startsWith('//', i)) {
      const end = s.indexOf('\n', i);
      i = end < 0 ? n : end;
      continue;
    }
    if (s.startsWith('/*', i)) {
      const end = s.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
      continue;
    }
    if (s.startsWith('<!--', i)) {
      // A whole HTML comment is dropped when it holds no JSON; when it wraps
      // the data (`<!-- {…} -->`, an old habit), only the markers go.
      const end = s.indexOf('-->', i + 4);
      const inner = end < 0 ? '' : s.slice(i + 4, end);
      i = end >= 0 && !/[{["]/u.test(inner) ? end + 3 : i + 4;
      continue;
    }
    if (s.startsWith('-->', i)) {
      i += 3;
      continue;
    }
    if (s.startsWith('<![CDATA[', i)) {
      i += 9;
      continue;
    }
    if (s.startsWith(']]>', i)) {
      i += 3;
      continue;
    }
    if (ch === '}' || ch === ']') {
      // Trailing comma before a closing bracket.
      out = out.trimEnd();
      if (out.endsWith(',')) out = out.slice(0, -1);
    }
    out += ch;
    i++;
  }
  return out;
}

/**
 * The balanced top-level objects or arrays at the start of `s`, in order, each
 * one directly after the previous (whitespace, "," or ";" between them). Stops
 * at anything else: text after the data is junk, and data after junk is not
 * trusted (`window.x = x || [];` is a script, not an empty list).
 */
function topLevelValues(s: string): unknown[] {
  const values: unknown[] = [];
  let depth = 0;
  let start = -1;
  let next = 0; // where the next value may start
  let inString = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') {
      if (depth === 0) break;
      inString = true;
    } else if (ch === '{' || ch === '[') {
      if (depth === 0) {
        if (!/^[\s,;]*$/u.test(s.slice(next, i))) break;
        start = i;
      }
      depth++;
    } else if ((ch === '}' || ch === ']') && depth > 0) {
      depth--;
      if (depth === 0) {
        try {
          values.push(JSON.parse(s.slice(start, i + 1)));
        } catch {
          break;
        }
        next = i + 1;
      }
    }
  }
  return values;
}
