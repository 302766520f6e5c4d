/**
 * `npm run train:sentiment -- --data DIR [--out lib/sentiment/model-en.json] [--folds 5] [--l2 0.01] [--dry-run]`
 *
 * Trains the English meta-model of lib/sentiment/meta.ts: a multinomial
 * logistic regression (negative / neutral / positive) over the few generic
 * features of lib/sentiment/features.ts, on the licence-compatible files only:
 *
 *  - en_tweeteval_sentiment.jsonl (TweetEval, "released without restrictions"; 3 classes)
 *  - en_uci_sentences.jsonl (UCI Sentiment Labelled Sentences, CC BY 4.0; 2 classes)
 *
 * The airline tweets (CC BY-NC-SA), the Sanders tweets, SST-2 and Allociné
 * (no clear licence) are never trained on; they are only scored, as
 * out-of-source checks. Deterministic: full-batch gradient descent from zero
 * weights, folds assigned by a hash of the text.
 *
 * Prints (stderr) k-fold cross-validated accuracy / macro-F1 on the training
 * files and the out-of-source figures of the final model on the other English
 * files, then writes the weights (stdout summary as JSON with --json).
 */

import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runLexical } from '../lib/sentiment/analyze';
import { FEATURE_COUNT, FEATURE_NAMES, hasEvidence, metaFeatures } from '../lib/sentiment/features';
import { META_CLASSES, metaProbabilities } from '../lib/sentiment/meta';
import type { MetaModel } from '../lib/sentiment/meta';
import type { AnalyzeOptions } from '../lib/sentiment/types';
import { EVAL_LABELS, describeFile, majorityAccuracy, mean, parseJsonl, round4, scoreFile } from '../lib/eval/metrics';
import type { EvalLabel, EvalRow } from '../lib/eval/metrics';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The only files whose rows the shipped weights are fitted on (licences: see the module comment). */
export const TRAIN_FILES = ['en_tweeteval_sentiment.jsonl', 'en_uci_sentences.jsonl'];

interface Example {
  x: Float64Array;
  y: number;
  file: string;
  fold: number;
  w: number;
}

interface Options {
  data: string;
  out: string;
  folds: number;
  l2: number;
  iterations: number;
  /** Relative weight of the two-class training file(s) in the loss (the three-class file weighs 1). */
  binaryWeight: number;
  dryRun: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  const o: Options = {
    data: '',
    out: path.join(ROOT, 'lib', 'sentiment', 'model-en.json'),
    folds: 5,
    l2: 0.01,
    iterations: 1500,
    binaryWeight: 0.7,
    dryRun: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const v = (): string => {
      const x = argv[++i];
      if (x === undefined) throw new Error(`${a} needs a value`);
      return x;
    };
    if (a === '--data') o.data = v();
    else if (a === '--out') o.out = path.resolve(v());
    else if (a === '--folds') o.folds = Number(v());
    else if (a === '--l2') o.l2 = Number(v());
    else if (a === '--iterations') o.iterations = Number(v());
    else if (a === '--binary-weight') o.binaryWeight = Number(v());
    else if (a === '--dry-run') o.dryRun = true;
    else throw new Error(`unknown argument ${a}`);
  }
  if (o.data === '') throw new Error('--data DIR is required');
  return o;
}

/** As the evaluation calls Veille: the brand's name neutral, the rating when there is one. */
function options(row: EvalRow): AnalyzeOptions {
  const o: AnalyzeOptions = {};
  if (typeof row.rating === 'number') o.rating = row.rating;
  if (row.brand !== undefined && row.brand.trim() !== '') o.neutralTerms = [row.brand];
  return o;
}

function foldOf(text: string, folds: number): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0) % folds;
}

/** Features of a row as analyzeSentiment computes them, or null when the English meta-model would not be used. */
function featuresOf(row: EvalRow): Float64Array | null {
  const run = runLexical(row.text, options(row));
  if (run.scorer !== 'en') return null;
  return metaFeatures(run.prepared, run.lexical, run.lang);
}

/** Full-batch gradient descent on the weighted, L2-regularised softmax loss (bias not regularised). */
export function train(examples: readonly Example[], l2: number, iterations: number): number[][] {
  const d = FEATURE_COUNT + 1;
  const W = [0, 1, 2].map(() => new Array<number>(d).fill(0));
  // Adam: deterministic and quick on a few thousand rows.
  const m = [0, 1, 2].map(() => new Array<number>(d).fill(0));
  const v = [0, 1, 2].map(() => new Array<number>(d).fill(0));
  const lr = 0.05;
  const b1 = 0.9;
  const b2 = 0.999;
  let totalW = 0;
  for (const e of examples) totalW += e.w;
  const model: MetaModel = { classes: [...META_CLASSES], features: [...FEATURE_NAMES], weights: W };
  for (let it = 1; it <= iterations; it++) {
    const g = [0, 1, 2].map(() => new Array<number>(d).fill(0));
    for (const e of examples) {
      const p = metaProbabilities(e.x, model);
      for (let c = 0; c < 3; c++) {
        const diff = (p[c]! - (c === e.y ? 1 : 0)) * e.w;
        g[c]![0]! += diff;
        for (let j = 0; j < FEATURE_COUNT; j++) g[c]![j + 1]! += diff * e.x[j]!;
      }
    }
    for (let c = 0; c < 3; c++) {
      for (let j = 0; j < d; j++) {
        const grad = g[c]![j]! / totalW + (j > 0 ? l2 * W[c]![j]! : 0);
        m[c]![j] = b1 * m[c]![j]! + (1 - b1) * grad;
        v[c]![j] = b2 * v[c]![j]! + (1 - b2) * grad * grad;
        const mh = m[c]![j]! / (1 - b1 ** it);
        const vh = v[c]![j]! / (1 - b2 ** it);
        W[c]![j] = W[c]![j]! - (lr * mh) / (Math.sqrt(vh) + 1e-8);
      }
    }
  }
  return W;
}

/** As analyzeSentiment decides: neutral without evidence, else the most probable class. */
function predict(W: number[][], x: Float64Array): EvalLabel {
  if (!hasEvidence(x)) return 'neutral';
  const p = metaProbabilities(x, { classes: [...META_CLASSES], features: [...FEATURE_NAMES], weights: W });
  if (p[1] >= p[0] && p[1] >= p[2]) return 'neutral';
  return p[2] > p[0] ? 'positive' : 'negative';
}

interface FileResult {
  /** gold negative / neutral / positive rows: predicted neg/neu/pos counts. */
  confusion: string;
  file: string;
  rows: number;
  majorityAccuracy: number;
  accuracy: number;
  macroF1: number;
}

function main(): void {
  const opts = parseArgs(process.argv.slice(2));
  const names = readdirSync(opts.data)
    .filter((n) => n.startsWith('en_') && n.endsWith('.jsonl'))
    .sort();
  const byFile = new Map<string, { rows: EvalRow[]; feats: Array<Float64Array | null>; labels: readonly EvalLabel[] }>();
  for (const name of names) {
    const rows = parseJsonl(readFileSync(path.join(opts.data, name), 'utf8'), name).filter((r) => r.label !== null);
    const info = describeFile(rows);
    if (!info) continue;
    byFile.set(name, { rows, feats: rows.map(featuresOf), labels: info.labels });
  }

  // Training examples: the rows with some evidence (the others are neutral whatever the weights);
  // each training file weighs the same in the loss, times --binary-weight for a two-class file.
  const examples: Example[] = [];
  for (const name of TRAIN_FILES) {
    const f = byFile.get(name);
    if (!f) throw new Error(`training file ${name} missing from ${opts.data}`);
    const usable: Array<{ r: EvalRow; x: Float64Array }> = [];
    f.rows.forEach((r, i) => {
      const x = f.feats[i];
      if (x && hasEvidence(x)) usable.push({ r, x });
    });
    for (const { r, x } of usable) {
      examples.push({
        x,
        y: EVAL_LABELS.indexOf(r.label as EvalLabel),
        file: name,
        fold: foldOf(r.text, opts.folds),
        w: (1000 / usable.length) * (f.labels.length === 2 ? opts.binaryWeight : 1),
      });
    }
  }

  // Score a file with a predictor (rows the meta-model does not see count with the current lexicon label: neutral).
  const scoreWith = (name: string, pred: (i: number) => EvalLabel): FileResult => {
    const f = byFile.get(name)!;
    const gold = f.rows.map((r) => r.label as EvalLabel);
    const p = f.rows.map((_, i) => pred(i));
    const s = scoreFile(gold, p, f.labels);
    const cm = EVAL_LABELS.map((g) => EVAL_LABELS.map((q) => gold.filter((x, i) => x === g && p[i] === q).length).join('/')).join(' ');
    return {
      confusion: cm,
      file: name,
      rows: gold.length,
      majorityAccuracy: round4(majorityAccuracy(gold)),
      accuracy: round4(s.accuracy),
      macroF1: round4(s.macroF1),
    };
  };

  // 1. k-fold cross-validation on the training files.
  const oof = new Map<string, EvalLabel[]>();
  for (const name of TRAIN_FILES) oof.set(name, new Array<EvalLabel>(byFile.get(name)!.rows.length).fill('neutral'));
  for (let k = 0; k < opts.folds; k++) {
    const W = train(
      examples.filter((e) => e.fold !== k),
      opts.l2,
      opts.iterations,
    );
    for (const name of TRAIN_FILES) {
      const f = byFile.get(name)!;
      f.rows.forEach((r, i) => {
        const x = f.feats[i];
        if (x && foldOf(r.text, opts.folds) === k) oof.get(name)![i] = predict(W, x);
      });
    }
  }
  const cv = TRAIN_FILES.map((name) => scoreWith(name, (i) => oof.get(name)![i]!));

  // 2. The final model, on all training rows; scored on the files it never saw.
  const W = train(examples, opts.l2, opts.iterations);
  const outOfSource = [...byFile.keys()]
    .filter((n) => !TRAIN_FILES.includes(n))
    .map((name) => {
      const f = byFile.get(name)!;
      return scoreWith(name, (i) => (f.feats[i] ? predict(W, f.feats[i]) : 'neutral'));
    });
  const all = [...cv, ...outOfSource];
  const summary = {
    l2: opts.l2,
    binaryWeight: opts.binaryWeight,
    folds: opts.folds,
    crossValidated: cv,
    outOfSource,
    meanMacroF1: round4(mean(all.map((r) => r.macroF1))),
  };
  process.stderr.write(`${JSON.stringify(summary, null, 1)}\n`);
  if (opts.dryRun) return;
  const model: MetaModel & { trainedOn: string[]; l2: number; binaryWeight: number; note: string } = {
    classes: [...META_CLASSES],
    features: [...FEATURE_NAMES],
    weights: W.map((row) => row.map((x) => Math.round(x * 1e4) / 1e4)),
    trainedOn: TRAIN_FILES,
    l2: opts.l2,
    binaryWeight: opts.binaryWeight,
    note: 'Written by scripts/train-sentiment.ts; do not edit by hand.',
  };
  writeFileSync(opts.out, `${JSON.stringify(model, null, 1)}\n`);
  process.stderr.write(`wrote ${path.relative(ROOT, opts.out)}\n`);
}

main();
