/**
 * Crisis levels from the stream of a brand's mentions: minime / modérée /
 * sévère (DOMAIN.md "Crisis", seeds/002–004).
 *
 * Method (the spike rule the monitoring tools use, e.g. Socialmetrix: the
 * last 24 hours against the 7-day average plus 1.5 / 2 / 3 standard
 * deviations), applied to NEGATIVE mentions:
 *
 *  - window: the last `windowHours` (24 h) before `now`; x = its negative count;
 *  - baseline: the `baselineDays` (7) windows of the same length just before it;
 *    μ and σ of their negative counts. σ is floored at √μ (counts are roughly
 *    Poisson: a quiet brand's σ of 0 would turn 2 complaints into a "crisis")
 *    and at `minSigma`;
 *  - level: the highest k in `sigmas` ([1.5, 2, 3] → minime, modérée, sévère)
 *    with x > μ + k·σ, provided the window also has at least `minNegatives`
 *    negative mentions and a negative share of at least `minNegativeShare`
 *    (a burst of praise with a few complaints is not a crisis);
 *  - a storm with no history (a brand just added) compares against a baseline of
 *    zeros, so the floors above decide.
 *
 * Defaults: [2, 3.5, 5] σ, stricter than Socialmetrix's [1.5, 2, 3], because
 * the 24-hour window is re-checked every hour (a sliding window sees the
 * noisiest day) and a 7-day baseline is itself noisy. Measured on replayed
 * series (tests/unit/crisis/detect.test.ts, 40 series of 3 weeks with ~10
 * negative mentions a day): calm data is flagged 2 % of the hours, reaches
 * modérée in 7 of 40 series and sévère in 1 of 40; a sudden storm reaches
 * sévère within 4–7 hours in every series.
 *
 * Everything is configurable (CrisisConfig) and documented in the README;
 * pure functions, replayable on a recorded series (`crisisTimeline`).
 */

export type CrisisLevel = 'none' | 'minime' | 'moderee' | 'severe';

export const CRISIS_LEVELS: readonly CrisisLevel[] = ['none', 'minime', 'moderee', 'severe'];

export interface CrisisConfig {
  windowHours: number;
  baselineDays: number;
  /** Standard deviations above the baseline mean for minime, modérée, sévère (increasing). */
  sigmas: readonly [number, number, number];
  minNegatives: number;
  minNegativeShare: number;
  minSigma: number;
}

export const DEFAULT_CRISIS_CONFIG: CrisisConfig = {
  windowHours: 24,
  baselineDays: 7,
  sigmas: [2, 3.5, 5],
  minNegatives: 5,
  minNegativeShare: 0.3,
  minSigma: 1,
};

/** One mention as the detector sees it. */
export interface CrisisEvent {
  /** ms since epoch (when it was published, else first seen). */
  at: number;
  negative: boolean;
}

export interface CrisisAssessment {
  level: CrisisLevel;
  /** Negative mentions in the window. */
  negatives: number;
  total: number;
  negativeShare: number;
  baselineMean: number;
  baselineSigma: number;
  /** (negatives − mean) / sigma. */
  z: number;
}

const HOUR = 3_600_000;

/** Checks a configuration; throws an Error naming the field. */
/** What a refused crisis configuration broke, for a message in the CM's language (the options page). */
export type CrisisConfigRule = 'positive' | 'integer' | 'increasing' | 'nonNegative' | 'share';

/** A refused crisis configuration: which field, which rule; `message` is English, for logs. */
export class CrisisConfigError extends Error {
  constructor(
    /** "windowHours", "sigmas[1]"… */
    readonly field: string,
    readonly rule: CrisisConfigRule,
    message: string,
  ) {
    super(`crisis config: ${message}`);
    this.name = 'CrisisConfigError';
  }
}

export function checkCrisisConfig(c: CrisisConfig): CrisisConfig {
  const pos = (v: number, name: string) => {
    if (!Number.isFinite(v) || v <= 0) throw new CrisisConfigError(name, 'positive', `${name} must be a positive number`);
  };
  pos(c.windowHours, 'windowHours');
  pos(c.baselineDays, 'baselineDays');
  if (!Number.isInteger(c.baselineDays)) throw new CrisisConfigError('baselineDays', 'integer', 'baselineDays must be an integer');
  c.sigmas.forEach((s, i) => pos(s, `sigmas[${i}]`));
  if (!(c.sigmas[0] < c.sigmas[1])) throw new CrisisConfigError('sigmas[1]', 'increasing', 'sigmas must increase');
  if (!(c.sigmas[1] < c.sigmas[2])) throw new CrisisConfigError('sigmas[2]', 'increasing', 'sigmas must increase');
  if (!Number.isFinite(c.minNegatives) || c.minNegatives < 0) throw new CrisisConfigError('minNegatives', 'nonNegative', 'minNegatives must be >= 0');
  if (!(c.minNegativeShare >= 0 && c.minNegativeShare <= 1)) throw new CrisisConfigError('minNegativeShare', 'share', 'minNegativeShare must be in 0..1');
  pos(c.minSigma, 'minSigma');
  return c;
}

/**
 * The level at `now` from `events` (any order; only those in the window and
 * the baseline before it count).
 */
export function assessCrisis(events: readonly CrisisEvent[], now: number, config: CrisisConfig = DEFAULT_CRISIS_CONFIG): CrisisAssessment {
  const w = config.windowHours * HOUR;
  const start = now - w;
  const baseStart = start - config.baselineDays * w;
  const buckets = new Array<number>(config.baselineDays).fill(0);
  let negatives = 0;
  let total = 0;
  for (const e of events) {
    if (e.at > now || e.at <= baseStart) continue;
    if (e.at > start) {
      total++;
      if (e.negative) negatives++;
    } else if (e.negative) {
      const i = Math.min(config.baselineDays - 1, Math.floor((e.at - baseStart - 1) / w));
      buckets[i]!++;
    }
  }
  return levelFrom(negatives, total, buckets, config);
}

function levelFrom(negatives: number, total: number, buckets: readonly number[], config: CrisisConfig): CrisisAssessment {
  const n = buckets.length;
  const mean = buckets.reduce((a, b) => a + b, 0) / n;
  const variance = buckets.reduce((a, b) => a + (b - mean) ** 2, 0) / n;
  const sigma = Math.max(Math.sqrt(variance), Math.sqrt(mean), config.minSigma);
  const share = total === 0 ? 0 : negatives / total;
  const z = (negatives - mean) / sigma;
  let level: CrisisLevel = 'none';
  if (negatives >= config.minNegatives && share >= config.minNegativeShare) {
    for (let i = config.sigmas.length - 1; i >= 0; i--) {
      if (negatives > mean + config.sigmas[i]! * sigma) {
        level = CRISIS_LEVELS[i + 1]!;
        break;
      }
    }
  }
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return { level, negatives, total, negativeShare: r(share), baselineMean: r(mean), baselineSigma: r(sigma), z: r(z) };
}

export interface LevelChange {
  at: number;
  from: CrisisLevel;
  to: CrisisLevel;
  assessment: CrisisAssessment;
}

/**
 * Replays a series: the level every `stepHours` from `from` to `to`, and the
 * changes (what raises a notification). Events must be sorted by time.
 */
export function crisisTimeline(
  events: readonly CrisisEvent[],
  from: number,
  to: number,
  stepHours = 1,
  config: CrisisConfig = DEFAULT_CRISIS_CONFIG,
): LevelChange[] {
  const changes: LevelChange[] = [];
  let level: CrisisLevel = 'none';
  const span = (config.baselineDays + 1) * config.windowHours * HOUR;
  let lo = 0;
  for (let t = from; t <= to; t += stepHours * HOUR) {
    while (lo < events.length && events[lo]!.at <= t - span) lo++;
    let hi = lo;
    while (hi < events.length && events[hi]!.at <= t) hi++;
    const a = assessCrisis(events.slice(lo, hi), t, config);
    if (a.level !== level) {
      changes.push({ at: t, from: level, to: a.level, assessment: a });
      level = a.level;
    }
  }
  return changes;
}

/** The seeds' checklist for a level (message keys; the UI translates them). */
export const CRISIS_CHECKLIST: Readonly<Record<Exclude<CrisisLevel, 'none'>, readonly string[]>> = {
  minime: ['crisisAssess', 'crisisFollowUp', 'crisisAnswerFast'],
  moderee: ['crisisAssess', 'crisisHoldingStatement', 'crisisSingleVoice', 'crisisFollowUp', 'crisisPostReview'],
  severe: ['crisisAssess', 'crisisExperts', 'crisisHoldingStatement', 'crisisSingleVoice', 'crisisFollowUp', 'crisisPostReview'],
};
