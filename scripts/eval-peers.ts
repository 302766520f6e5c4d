/**
 * The JavaScript sentiment libraries Veille is compared with by `npm run eval`,
 * each used as its README intends, and the mapping of its output to a label.
 *
 * Each peer turns one text into a raw output `{ score, vote? }` (what is cached
 * on disk); `toLabel` maps that to positive / neutral / negative at evaluation
 * time, so changing a mapping does not require recomputing the cache.
 *
 * | key       | package                      | langs  | call                                              | label                                   |
 * |-----------|------------------------------|--------|---------------------------------------------------|-----------------------------------------|
 * | vader     | vader-sentiment              | en     | SentimentIntensityAnalyzer.polarity_scores(text)  | compound ≥ 0.05 pos, ≤ -0.05 neg (README)|
 * | afinn     | sentiment (AFINN-165)        | en     | new Sentiment().analyze(text)                     | sign of `score` (= sign of `comparative`)|
 * | wink      | wink-nlp + eng-lite-web-model| en     | nlp.readDoc(text).out(its.sentiment)              | sign of the -1..1 score (no threshold documented) |
 * | nlpjs     | @nlpjs/sentiment + lang-fr/en| fr, en | new SentimentAnalyzer({container}).process({locale, text}) | its own `vote` (= sign of `score`) |
 * | multilang | multilang-sentiment          | fr, en | sentiment(text, lang)                             | sign of `score` (README; its undocumented `category` is not used) |
 */

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EvalLabel, EvalLang } from '../lib/eval/metrics';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export type PeerKey = 'vader' | 'afinn' | 'wink' | 'nlpjs' | 'multilang';
export const PEER_KEYS: readonly PeerKey[] = ['vader', 'afinn', 'wink', 'nlpjs', 'multilang'];

/** What a peer returns for one text (cached as is). */
export interface RawOutput {
  score: number;
  /** The library's own label, when it gives one. */
  vote?: string;
}

export type Analyze = (text: string, lang: EvalLang) => RawOutput | Promise<RawOutput>;

export interface Peer {
  key: PeerKey;
  /** npm package(s) it comes from, for the report. */
  packages: readonly string[];
  langs: readonly EvalLang[];
  /** Version string used in the cache key (every package that changes the output). */
  version(): string;
  /** Load the library (once) and return its analysis function. */
  load(): Analyze;
  toLabel(raw: RawOutput): EvalLabel;
}

export function packageVersion(name: string): string {
  const file = path.join(ROOT, 'node_modules', ...name.split('/'), 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

function bySign(score: number): EvalLabel {
  if (score > 0) return 'positive';
  if (score < 0) return 'negative';
  return 'neutral';
}

function byVote(raw: RawOutput): EvalLabel {
  if (raw.vote === 'positive' || raw.vote === 'negative' || raw.vote === 'neutral') return raw.vote;
  return bySign(raw.score);
}

function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

// --- vader-sentiment -------------------------------------------------------

interface VaderModule {
  SentimentIntensityAnalyzer: { polarity_scores(text: string): { compound: number } };
}

const vader: Peer = {
  key: 'vader',
  packages: ['vader-sentiment'],
  langs: ['en'],
  version: () => packageVersion('vader-sentiment'),
  load: once(() => {
    const m = require('vader-sentiment') as VaderModule;
    return (text: string): RawOutput => ({ score: m.SentimentIntensityAnalyzer.polarity_scores(text).compound });
  }),
  // VADER's README: positive compound >= 0.05, negative <= -0.05, neutral in between.
  toLabel: (raw) => (raw.score >= 0.05 ? 'positive' : raw.score <= -0.05 ? 'negative' : 'neutral'),
};

// --- sentiment (AFINN-165) -------------------------------------------------

interface SentimentCtor {
  new (): { analyze(text: string): { score: number; comparative: number } };
}

const afinn: Peer = {
  key: 'afinn',
  packages: ['sentiment'],
  langs: ['en'],
  version: () => packageVersion('sentiment'),
  load: once(() => {
    const Sentiment = require('sentiment') as SentimentCtor;
    const s = new Sentiment();
    return (text: string): RawOutput => ({ score: s.analyze(text).score });
  }),
  // The README gives no threshold: `score` is the sum of the AFINN values (mid-point 0) and
  // `comparative` = score / tokens has the same sign, so the sign of `score` is the label.
  toLabel: (raw) => bySign(raw.score),
};

// --- wink-nlp ----------------------------------------------------------------

interface WinkDoc {
  out(its: unknown): unknown;
}
interface WinkNlp {
  readDoc(text: string): WinkDoc;
  its: { sentiment: unknown };
}
type WinkFactory = (model: unknown) => WinkNlp;

const wink: Peer = {
  key: 'wink',
  packages: ['wink-nlp', 'wink-eng-lite-web-model'],
  langs: ['en'],
  version: () => `${packageVersion('wink-nlp')}+model${packageVersion('wink-eng-lite-web-model')}`,
  load: once(() => {
    const winkNLP = require('wink-nlp') as WinkFactory;
    const model = require('wink-eng-lite-web-model') as unknown;
    // The README's default: the full pipeline (negation and sentiment included).
    const nlp = winkNLP(model);
    const its = nlp.its;
    return (text: string): RawOutput => {
      const s = nlp.readDoc(text).out(its.sentiment);
      return { score: typeof s === 'number' ? s : 0 };
    };
  }),
  // its.sentiment is a -1..1 score; wink documents no neutral band, so its sign decides.
  toLabel: (raw) => bySign(raw.score),
};

// --- @nlpjs/sentiment ------------------------------------------------------

interface NlpjsContainer {
  use(plugin: unknown): void;
}
interface NlpjsAnalyzer {
  process(input: { locale: string; text: string }): Promise<{ sentiment: { score: number; vote: string } }>;
}

const nlpjs: Peer = {
  key: 'nlpjs',
  packages: ['@nlpjs/sentiment', '@nlpjs/core', '@nlpjs/lang-fr', '@nlpjs/lang-en'],
  langs: ['fr', 'en'],
  version: () =>
    `${packageVersion('@nlpjs/sentiment')}+fr${packageVersion('@nlpjs/lang-fr')}+en${packageVersion('@nlpjs/lang-en')}`,
  load: once(() => {
    const { Container } = require('@nlpjs/core') as { Container: new () => NlpjsContainer };
    const { SentimentAnalyzer } = require('@nlpjs/sentiment') as {
      SentimentAnalyzer: new (settings: { container: NlpjsContainer }) => NlpjsAnalyzer;
    };
    const { LangFr } = require('@nlpjs/lang-fr') as { LangFr: unknown };
    const { LangEn } = require('@nlpjs/lang-en') as { LangEn: unknown };
    // As in nlp.js's examples (examples/13-languages/*/11-sentiment-analysis.js):
    // a container with the language plugins, then process({ locale, text }).sentiment.
    const container = new Container();
    container.use(LangFr);
    container.use(LangEn);
    const analyzer = new SentimentAnalyzer({ container });
    return async (text: string, lang: EvalLang): Promise<RawOutput> => {
      const r = await analyzer.process({ locale: lang, text });
      return { score: r.sentiment.score, vote: r.sentiment.vote };
    };
  }),
  // nlp.js's own `vote`: score > 0 positive, < 0 negative, 0 neutral.
  toLabel: byVote,
};

// --- multilang-sentiment ---------------------------------------------------

type MultilangFn = (text: string, lang: string) => { score: number; category?: string };

const multilang: Peer = {
  key: 'multilang',
  packages: ['multilang-sentiment'],
  langs: ['fr', 'en'],
  version: () => packageVersion('multilang-sentiment'),
  load: once(() => {
    const sentiment = require('multilang-sentiment') as MultilangFn;
    return (text: string, lang: EvalLang): RawOutput => {
      const r = sentiment(text, lang);
      return r.category === undefined ? { score: r.score } : { score: r.score, vote: r.category };
    };
  }),
  // Its README documents `score` (the sum of the AFINN values, mid-point 0) and no label, so the
  // sign of `score` decides. v2.0.0 also returns an undocumented `category` (neutral when score is
  // 0, else the sign of score/tokens + positive/negative ratio; that ratio is negative as soon as the
  // text has both kinds of words, so mixed texts come out negative: Allociné accuracy 0.35 with it,
  // 0.66 with the score sign). It is cached as `vote` but not used.
  toLabel: (raw) => bySign(raw.score),
};

export const PEERS: Readonly<Record<PeerKey, Peer>> = { vader, afinn, wink, nlpjs, multilang };
