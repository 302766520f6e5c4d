/**
 * Pure parts of the sentiment evaluation harness (`npm run eval`): JSONL
 * parsing and validation, file classification (language, 2 or 3 classes),
 * accuracy, macro-F1, the majority baseline and recall. No I/O here; the
 * runner (scripts/eval.ts) reads the files and calls the scorers.
 *
 * Conventions:
 *  - A file is "three-class" when at least one of its gold labels is neutral,
 *    otherwise "two-class" (positive / negative).
 *  - On a two-class file a neutral prediction is simply wrong: it lowers the
 *    accuracy and the recall of the gold class, and it is not a class of the
 *    macro average (macro-F1 is the mean of the positive and negative F1).
 *  - F1 of a class with no gold row and no prediction is 0 (scikit-learn's
 *    `zero_division=0`).
 */

export type EvalLabel = 'positive' | 'negative' | 'neutral';
export type EvalLang = 'en' | 'fr';

export const EVAL_LABELS: readonly EvalLabel[] = ['negative', 'neutral', 'positive'];
export const EVAL_LANGS: readonly EvalLang[] = ['en', 'fr'];

/** One line of a data file (extra provenance fields are kept but not typed). */
export interface EvalRow {
  text: string;
  /** null: intent-only row (no sentiment annotation). */
  label: EvalLabel | null;
  lang: EvalLang;
  rating?: number | null;
  topic?: string;
  intent?: string;
  brand?: string;
  source?: string;
}

/** A data file that cannot be read: the message names the file and the line. */
export class EvalDataError extends Error {
  readonly file: string;
  readonly line: number;
  constructor(file: string, line: number, reason: string) {
    super(`${file}:${line}: ${reason}`);
    this.name = 'EvalDataError';
    this.file = file;
    this.line = line;
  }
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function optionalString(obj: Record<string, unknown>, key: string, file: string, line: number): string | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new EvalDataError(file, line, `"${key}" must be a string`);
  return v;
}

/**
 * Parse a JSONL data file. Blank lines are skipped; any other line must be a
 * JSON object with a string `text`, a `label` in positive|negative|neutral|null
 * and a `lang` in en|fr. Throws EvalDataError naming `file` and the 1-based line.
 */
export function parseJsonl(content: string, file: string): EvalRow[] {
  const rows: EvalRow[] = [];
  const lines = content.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const lineText = lines[i]!;
    if (lineText.trim() === '') continue;
    const line = i + 1;
    let obj: unknown;
    try {
      obj = JSON.parse(lineText);
    } catch (e) {
      throw new EvalDataError(file, line, `invalid JSON (${(e as Error).message})`);
    }
    if (!isObject(obj)) throw new EvalDataError(file, line, 'expected a JSON object');
    if (typeof obj.text !== 'string') throw new EvalDataError(file, line, '"text" must be a string');
    const label = obj.label === undefined ? null : obj.label;
    if (label !== null && !EVAL_LABELS.includes(label as EvalLabel)) {
      throw new EvalDataError(file, line, `"label" must be positive, negative, neutral or null (got ${JSON.stringify(obj.label)})`);
    }
    if (!EVAL_LANGS.includes(obj.lang as EvalLang)) {
      throw new EvalDataError(file, line, `"lang" must be en or fr (got ${JSON.stringify(obj.lang)})`);
    }
    let rating: number | null | undefined;
    if (obj.rating !== undefined && obj.rating !== null) {
      if (typeof obj.rating !== 'number' || !Number.isFinite(obj.rating)) {
        throw new EvalDataError(file, line, '"rating" must be a number or null');
      }
      rating = obj.rating;
    }
    const row: EvalRow = { text: obj.text, label: label as EvalLabel | null, lang: obj.lang as EvalLang };
    if (rating !== undefined) row.rating = rating;
    const topic = optionalString(obj, 'topic', file, line);
    if (topic !== undefined) row.topic = topic;
    const intent = optionalString(obj, 'intent', file, line);
    if (intent !== undefined) row.intent = intent;
    const brand = optionalString(obj, 'brand', file, line);
    if (brand !== undefined) row.brand = brand;
    const source = optionalString(obj, 'source', file, line);
    if (source !== undefined) row.source = source;
    rows.push(row);
  }
  return rows;
}

export interface FileInfo {
  /** The most common language of the labelled rows (ties: alphabetical). */
  lang: EvalLang;
  classes: 2 | 3;
  /** Labelled rows only. */
  rows: number;
  /** The classes the metrics average over. */
  labels: readonly EvalLabel[];
}

/** Language and number of classes of a file, or null when it has no labelled row (intent-only). */
export function describeFile(rows: readonly EvalRow[]): FileInfo | null {
  const labelled = rows.filter((r) => r.label !== null);
  if (labelled.length === 0) return null;
  const langCount = new Map<EvalLang, number>();
  for (const r of labelled) langCount.set(r.lang, (langCount.get(r.lang) ?? 0) + 1);
  let lang: EvalLang = labelled[0]!.lang;
  for (const l of EVAL_LANGS) {
    if ((langCount.get(l) ?? 0) > (langCount.get(lang) ?? 0)) lang = l;
  }
  const three = labelled.some((r) => r.label === 'neutral');
  return {
    lang,
    classes: three ? 3 : 2,
    rows: labelled.length,
    labels: three ? EVAL_LABELS : ['negative', 'positive'],
  };
}

function checkLengths(gold: readonly unknown[], pred: readonly unknown[]): void {
  if (gold.length !== pred.length) throw new Error(`gold (${gold.length}) and predictions (${pred.length}) differ in length`);
}

/** Share of predictions equal to the gold label (0 for no rows). */
export function accuracy(gold: readonly EvalLabel[], pred: readonly EvalLabel[]): number {
  checkLengths(gold, pred);
  if (gold.length === 0) return 0;
  let ok = 0;
  for (let i = 0; i < gold.length; i++) if (gold[i] === pred[i]) ok++;
  return ok / gold.length;
}

/** F1 of one class (0 when it has no true positive). */
export function f1Score(gold: readonly EvalLabel[], pred: readonly EvalLabel[], cls: EvalLabel): number {
  checkLengths(gold, pred);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < gold.length; i++) {
    const g = gold[i] === cls;
    const p = pred[i] === cls;
    if (g && p) tp++;
    else if (p) fp++;
    else if (g) fn++;
  }
  if (tp === 0) return 0;
  const precision = tp / (tp + fp);
  const recall = tp / (tp + fn);
  return (2 * precision * recall) / (precision + recall);
}

/** Mean of the per-class F1 over `classes` (for a two-class file: ['negative', 'positive']). */
export function macroF1(gold: readonly EvalLabel[], pred: readonly EvalLabel[], classes: readonly EvalLabel[]): number {
  if (classes.length === 0) return 0;
  let sum = 0;
  for (const c of classes) sum += f1Score(gold, pred, c);
  return sum / classes.length;
}

/** The most common gold label (ties: the first in EVAL_LABELS order), or null for no rows. */
export function majorityLabel(gold: readonly EvalLabel[]): EvalLabel | null {
  const count = new Map<EvalLabel, number>();
  for (const g of gold) count.set(g, (count.get(g) ?? 0) + 1);
  let best: EvalLabel | null = null;
  for (const l of EVAL_LABELS) {
    const n = count.get(l) ?? 0;
    if (n > 0 && (best === null || n > (count.get(best) ?? 0))) best = l;
  }
  return best;
}

/** Accuracy of always answering the file's most common label. */
export function majorityAccuracy(gold: readonly EvalLabel[]): number {
  const m = majorityLabel(gold);
  if (m === null) return 0;
  return gold.filter((g) => g === m).length / gold.length;
}

export interface FileScore {
  accuracy: number;
  macroF1: number;
}

/** Accuracy and macro-F1 over the file's classes (see the module comment for two-class files). */
export function scoreFile(gold: readonly EvalLabel[], pred: readonly EvalLabel[], classes: readonly EvalLabel[]): FileScore {
  return { accuracy: accuracy(gold, pred), macroF1: macroF1(gold, pred, classes) };
}

/** Share of true values (0 for none): recall over a set of proxy rows. */
export function recall(hits: readonly boolean[]): number {
  if (hits.length === 0) return 0;
  return hits.filter(Boolean).length / hits.length;
}

export function mean(xs: readonly number[]): number {
  if (xs.length === 0) return 0;
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Round for the report (4 decimals). */
export function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

// ---------------------------------------------------------------------------
// Intent proxies (see README "Sentiment evaluation")
// ---------------------------------------------------------------------------

export type IntentProxy = 'complaint' | 'request' | 'praise';

/** A tweet of the US airline set (by its `source`, or the file name when it has none). */
export function isAirline(row: EvalRow, file: string): boolean {
  return row.source !== undefined ? row.source === 'twitter_us_airline' : /airline/i.test(file);
}

function isBanking77(row: EvalRow, file: string): boolean {
  return row.source !== undefined ? row.source === 'banking77' : /banking77/i.test(file);
}

/**
 * Which intent a row stands for, from the data's own annotation:
 *  - airline tweets labelled negative with a `topic` other than "Can't Tell" → complaint;
 *  - banking77 rows → request (or question);
 *  - airline tweets labelled positive → praise.
 * Rows are recognised by their `source` field, or by the file name when it is absent.
 */
export function intentProxy(row: EvalRow, file: string): IntentProxy | null {
  if (isBanking77(row, file)) return 'request';
  if (!isAirline(row, file)) return null;
  if (row.label === 'negative' && row.topic !== undefined && row.topic !== '' && row.topic !== "Can't Tell") return 'complaint';
  if (row.label === 'positive') return 'praise';
  return null;
}
