/**
 * Aho–Corasick over UTF-16 code units, compiled to a full transition table
 * (a DFA: failure links resolved at build time), for the brand matcher.
 *
 *   build:  trie of the patterns ──BFS──▶ fail links ──▶ delta[state × class] (no fail walk when scanning)
 *   scan:   one table read per code unit; a hit is reported only where some pattern ends
 *
 * The alphabet is reduced to the code units the patterns use: a code unit no
 * pattern contains is class 0 and sends the scan back to the root, so the
 * table stays `states × (distinct pattern characters + 1)` entries.
 *
 * Why not modern-ahocorasick (used before): every entry point of it walks the
 * text by grapheme clusters with `Intl.Segmenter` (except a pure-ASCII prefix),
 * which is slow in Chromium (~4 MB/s) and quadratic in Node 20's V8 (80,000
 * characters: 2 to 10 s). The matcher runs on folded text (lib/brands/normalize.ts:
 * combining marks and joiners are removed), where a code unit is as good a
 * unit as a grapheme, and it checks word boundaries itself.
 */
import { foldCodePoint } from './normalize';

/**
 * A hit of `scanFolded`, in folded coordinates: the term `pattern` spans folded
 * units [start, end); `before` and `after` are the folded units around it
 * (UTF-16 code units, -1 at the edges of the text), for word-boundary checks.
 */
export type FoldedHit = (pattern: number, start: number, end: number, before: number, after: number) => void;

/** ASCII code unit → its folded unit: lower case, whitespace → " ", "`" → "'". */
const FOLD_ASCII = Uint8Array.from({ length: 128 }, (_, c) => foldCodePoint(c).charCodeAt(0));

export class Automaton {
  /** Number of patterns. */
  readonly size: number;
  /** UTF-16 length of each pattern (hit start = end − length). */
  readonly lengths: Uint32Array;
  private readonly width: number;
  private readonly asciiClass: Uint16Array;
  private readonly otherClass: Map<number, number>;
  /**
   * delta[row + class] = the row (state × width) of the next state, or its
   * bitwise complement (< 0) when some pattern ends in that state: one read
   * and one sign test per code unit.
   */
  private readonly delta: Int32Array;
  /** Patterns ending exactly at state s: termPatterns[termStart[s] .. termStart[s + 1]). */
  private readonly termStart: Uint32Array;
  private readonly termPatterns: Uint32Array;
  /** Nearest proper suffix state where a pattern ends, or -1. */
  private readonly dict: Int32Array;
  /** Longest pattern, in code units. */
  private readonly maxLength: number;
  /** scanFolded's buffers, reused from call to call (a content script matches thousands of short texts). */
  private ring: Int32Array | null = null;
  private readonly waiting: number[] = [];
  private scanning = false;

  constructor(patterns: readonly string[]) {
    this.size = patterns.length;
    this.lengths = Uint32Array.from(patterns, (p) => p.length);
    this.maxLength = patterns.reduce((m, p) => Math.max(m, p.length), 0);

    // Alphabet: class 1..n for every code unit some pattern uses.
    this.asciiClass = new Uint16Array(128);
    this.otherClass = new Map();
    let classes = 0;
    const classOf = (code: number): number => {
      if (code < 128) return this.asciiClass[code] || (this.asciiClass[code] = ++classes);
      let c = this.otherClass.get(code);
      if (c === undefined) this.otherClass.set(code, (c = ++classes));
      return c;
    };

    // Trie.
    const children: Array<Map<number, number>> = [new Map()];
    const ends: number[][] = [[]];
    patterns.forEach((p, index) => {
      if (p.length === 0) throw new RangeError(`pattern ${index} is empty`);
      let s = 0;
      for (let i = 0; i < p.length; i++) {
        const c = classOf(p.charCodeAt(i));
        let next = children[s]!.get(c);
        if (next === undefined) {
          next = children.length;
          children.push(new Map());
          ends.push([]);
          children[s]!.set(c, next);
        }
        s = next;
      }
      ends[s]!.push(index);
    });

    const states = children.length;
    const width = classes + 1;
    this.width = width;
    // Transitions by state id first; encoded as rows below.
    const next = new Int32Array(states * width);
    const fail = new Int32Array(states);
    const dict = new Int32Array(states).fill(-1);
    const output = new Uint8Array(states);

    // BFS: a state's failure target is shallower, so its row is complete first.
    const queue = new Int32Array(states);
    let head = 0;
    let tail = 0;
    for (const [c, child] of children[0]!) {
      next[c] = child;
      queue[tail++] = child;
    }
    // The root's other classes stay at 0 (the root).
    while (head < tail) {
      const s = queue[head++]!;
      const f = fail[s]!;
      dict[s] = ends[f]!.length > 0 ? f : dict[f]!;
      output[s] = ends[s]!.length > 0 || dict[s] !== -1 ? 1 : 0;
      const row = s * width;
      const failRow = f * width;
      for (let c = 0; c < width; c++) next[row + c] = next[failRow + c]!;
      for (const [c, child] of children[s]!) {
        fail[child] = next[failRow + c]!;
        next[row + c] = child;
        queue[tail++] = child;
      }
    }

    const delta = new Int32Array(states * width);
    for (let k = 0; k < delta.length; k++) {
      const t = next[k]!;
      delta[k] = output[t] ? ~(t * width) : t * width;
    }

    const termStart = new Uint32Array(states + 1);
    for (let s = 0; s < states; s++) termStart[s + 1] = termStart[s]! + ends[s]!.length;
    const termPatterns = new Uint32Array(termStart[states]!);
    for (let s = 0; s < states; s++) termPatterns.set(ends[s]!, termStart[s]!);

    this.delta = delta;
    this.dict = dict;
    this.termStart = termStart;
    this.termPatterns = termPatterns;
  }

  /**
   * Calls `onHit(pattern, end)` for every occurrence of every pattern in
   * `text`, overlaps included, in order of `end` (exclusive UTF-16 offset).
   * Allocates nothing per character or per hit.
   */
  scan(text: string, onHit: (pattern: number, end: number) => void): void {
    const { delta, width, asciiClass, otherClass, termStart, termPatterns, dict } = this;
    const n = text.length;
    let row = 0;
    for (let i = 0; i < n; i++) {
      const code = text.charCodeAt(i);
      const t = delta[row + (code < 128 ? asciiClass[code]! : (otherClass.get(code) ?? 0))]!;
      if (t >= 0) {
        row = t;
        continue;
      }
      row = ~t;
      const s = row / width;
      for (let o = termStart[s]! < termStart[s + 1]! ? s : dict[s]!; o !== -1; o = dict[o]!) {
        for (let k = termStart[o]!; k < termStart[o + 1]!; k++) onHit(termPatterns[k]!, i + 1);
      }
    }
  }

  /**
   * Like `scan`, over `text` as lib/brands/normalize.ts folds it (foldCodePoint,
   * whitespace runs collapsed), folding as it reads: the text is neither copied
   * nor normalised as a whole. The patterns must be folded the same way
   * (foldForScan). Hits are in folded coordinates, reported once the folded
   * unit after them is known (with it), in order of their end.
   */
  scanFolded(text: string, onHit: FoldedHit): void {
    // The last folded units, enough to see the one before the longest pattern.
    let size = 4;
    while (size < this.maxLength + 2) size *= 2;
    // Reused unless onHit scans again from inside a scan.
    const reuse = !this.scanning;
    const ring = reuse ? (this.ring ??= new Int32Array(size)) : new Int32Array(size);
    const mask = size - 1;
    // Hits waiting for the unit after them: [pattern, start, end, before] × n.
    const waiting: number[] = reuse ? this.waiting : [];
    waiting.length = 0;
    this.scanning = true;
    try {
      this.scanInto(text, onHit, ring, mask, waiting);
    } finally {
      if (reuse) this.scanning = false;
    }
  }

  private scanInto(text: string, onHit: FoldedHit, ring: Int32Array, mask: number, waiting: number[]): void {
    const { delta, width, asciiClass, otherClass, termStart, termPatterns, dict, lengths } = this;
    const n = text.length;
    let i = 0;
    // Folded units of a non-ASCII code point still to feed.
    let pending = '';
    let p = 0;
    let row = 0;
    let pos = 0;
    let lastSpace = false;
    for (;;) {
      let u: number;
      if (p < pending.length) {
        u = pending.charCodeAt(p++);
      } else if (i < n) {
        let code = text.charCodeAt(i++);
        if (code < 128) {
          u = FOLD_ASCII[code]!;
        } else {
          if (code >= 0xd800 && code <= 0xdbff && i < n) {
            const low = text.charCodeAt(i);
            if (low >= 0xdc00 && low <= 0xdfff) {
              code = ((code - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
              i++;
            }
          }
          pending = foldCodePoint(code);
          p = 0;
          continue;
        }
      } else {
        break;
      }
      if (u === 32) {
        if (lastSpace) continue;
        lastSpace = true;
      } else {
        lastSpace = false;
      }
      if (waiting.length !== 0) {
        for (let w = 0; w < waiting.length; w += 4) onHit(waiting[w]!, waiting[w + 1]!, waiting[w + 2]!, waiting[w + 3]!, u);
        waiting.length = 0;
      }
      ring[pos & mask] = u;
      pos++;
      const t = delta[row + (u < 128 ? asciiClass[u]! : (otherClass.get(u) ?? 0))]!;
      if (t >= 0) {
        row = t;
        continue;
      }
      row = ~t;
      const s = row / width;
      for (let o = termStart[s]! < termStart[s + 1]! ? s : dict[s]!; o !== -1; o = dict[o]!) {
        for (let k = termStart[o]!; k < termStart[o + 1]!; k++) {
          const pattern = termPatterns[k]!;
          const start = pos - lengths[pattern]!;
          waiting.push(pattern, start, pos, start > 0 ? ring[(start - 1) & mask]! : -1);
        }
      }
    }
    for (let w = 0; w < waiting.length; w += 4) onHit(waiting[w]!, waiting[w + 1]!, waiting[w + 2]!, waiting[w + 3]!, -1);
  }
}
