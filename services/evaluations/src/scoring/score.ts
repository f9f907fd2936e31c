import {
  FlagCode,
  ratingPoints,
  RATING_VALUE,
  ScoreComponent,
  SubjectKind,
  type ComponentResult,
  type CycleSettings,
  type SubjectFigures,
  type SubjectResult,
  type Weights,
} from '../model';

/** What the database sums up per subject (department or cadre) for one cycle. */
export interface SubjectAggregate {
  subjectId: string;
  departmentId: string | null;
  answers: number;
  /** Σ per answer: 1 resolved, 0.5 partly, 1 for an upheld refusal, 0 otherwise; a callback's finding wins. */
  resolved: number;
  refused: number;
  reopened: number;
  ratings: number;
  /** Σ rating values (5 … 1) */
  ratingSum: number;
  /** Answers whose rating window closed without a rating. */
  unrated: number;
  refusalsReviewed: number;
  refusalsOverturned: number;
  closed: number;
  closedOnTime: number;
  medianWorkdays: number | null;
  callbacksReached: number;
  callbacksMatched: number;
  callbackRatings: number;
  callbackRatingSum: number;
  observerReviews: number;
  observerPoints: number;
  rectifications: number;
  lateRectifications: number;
}

/** Callback and inflation checks need at least this many reached calls to speak. */
export const MIN_CALLBACKS = 3;

const round2 = (x: number): number => Math.round(x * 100) / 100;
const pctOf = (x: number | null): number | null => (x === null ? null : x * 100);
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
/** 100 × (1 − share): a control component from a (shrunk) bad share. */
const complement = (share: number | null): number | null => (share === null ? null : 100 * (1 - share));
/** 100 × (1 − refusal rate) × (1 − share of reviewed refusals overturned); without reviews anywhere, 0 overturned. */
const refusalsValue = (refused: number | null, overturned: number | null): number | null =>
  refused === null ? null : 100 * (1 - refused) * (1 - (overturned ?? 0));

/**
 * Scores every subject of a cycle. Each component is on 0–100 and is shrunk the same way toward the
 * cycle's pooled value: its own observations plus `priorWeight` pseudo-observations at the pool,
 * (hits + k × pool) / (n + k) — satisfaction (ratings), resolution, timeliness (closings), both
 * factors of the refusal control (answers refused, reviewed refusals overturned), reopenings,
 * callback agreement (reached calls) and the observer verdict (reviews). A subject with no
 * observations of a component therefore counts at the pool, neither rewarded nor punished for what
 * was not measured, and two perfect ratings or two answers stay close to the cycle's average: on
 * the score itself they cannot beat five hundred ratings at 4.8. Only a component that nobody in the
 * cycle has data for is left out, and the other weights are rescaled to sum to 1. A subject with
 * neither answers nor ratings in the period has no score at all (null, unranked, SMALL_SAMPLE).
 * The raw figures stay in `raw` and in the figures. A subject flagged INFLATED_SATISFACTION keeps
 * only the satisfaction its other evidence supports: the component is capped by the resolution, the
 * refusal control, and the callback agreement and callback rating when there are enough calls — the
 * Luqiao pattern cannot buy the top rank.
 */
export function scoreSubjects(
  kind: SubjectKind,
  aggregates: readonly SubjectAggregate[],
  weights: Weights,
  settings: CycleSettings,
): { results: SubjectResult[]; pool: CyclePool } {
  const unratedValue = settings.unratedCountsAs ? RATING_VALUE[settings.unratedCountsAs] : null;
  const counted = (a: SubjectAggregate) => a.ratings + (unratedValue !== null ? a.unrated : 0);
  const countedSum = (a: SubjectAggregate) =>
    a.ratingSum + (unratedValue !== null ? a.unrated * unratedValue : 0);
  const totalN = aggregates.reduce((n, a) => n + counted(a), 0);
  const totalSum = aggregates.reduce((n, a) => n + countedSum(a), 0);
  const priorMean = totalN > 0 ? ratingPoints(totalSum / totalN) : null;
  // The cycle's pooled values: what a subject with little evidence is pulled toward (null: nobody
  // in the cycle has data for it, and the component is left out).
  const sum = (f: (a: SubjectAggregate) => number) => aggregates.reduce((n, a) => n + f(a), 0);
  const rate = (num: number, den: number) => (den > 0 ? num / den : null);
  const pooled = {
    resolved: rate(
      sum((a) => a.resolved),
      sum((a) => a.answers),
    ),
    refused: rate(
      sum((a) => a.refused),
      sum((a) => a.answers),
    ),
    reopened: rate(
      sum((a) => a.reopened),
      sum((a) => a.answers),
    ),
    onTime: rate(
      sum((a) => a.closedOnTime),
      sum((a) => a.closed),
    ),
    agreement: rate(
      sum((a) => a.callbacksMatched),
      sum((a) => a.callbacksReached),
    ),
    overturned: rate(
      sum((a) => a.refusalsOverturned),
      sum((a) => a.refusalsReviewed),
    ),
    observer: rate(
      sum((a) => a.observerPoints),
      sum((a) => a.observerReviews),
    ),
  };
  const k = settings.priorWeight;
  const pool: CyclePool = { k, priorMean, ...pooled, unratedCounted: unratedValue !== null };
  /**
   * `hits` of `n` observations shrunk toward the pool with k pseudo-observations; the pool itself
   * without observations; null when nobody in the cycle has any.
   */
  const shrink = (hits: number, n: number, prior: number | null): number | null =>
    prior === null ? (n > 0 ? hits / n : null) : n + k > 0 ? (hits + k * prior) / (n + k) : prior;

  const results = aggregates.map((a): SubjectResult => {
    const n = counted(a);
    const ratingMean = n > 0 ? countedSum(a) / n : null;
    const satRaw = ratingMean !== null ? ratingPoints(ratingMean) : null;
    const satShrunk = shrink(n * (satRaw ?? 0), n, priorMean);
    // Nothing answered and nothing rated in the period (a closing or an observer visit only): no score.
    const noData = a.answers === 0 && n === 0;
    const resolvedShare = a.answers > 0 ? a.resolved / a.answers : null;
    const refusalRate = a.answers > 0 ? a.refused / a.answers : null;
    const agreement = a.callbacksReached > 0 ? a.callbacksMatched / a.callbacksReached : null;
    const callbackPoints =
      a.callbackRatings > 0 ? ratingPoints(a.callbackRatingSum / a.callbackRatings) : null;

    const flags: SubjectResult['flags'] = [];
    const suspicions: string[] = [];
    const small = a.ratings < settings.minSample || a.answers < settings.minSample;
    // Judged only on an adequate sample: one answer at 非常满意 proves nothing either way.
    if (!small && satRaw !== null && satRaw >= settings.inflatedSatisfactionAtLeast) {
      if (refusalRate !== null && refusalRate >= settings.inflatedRefusalRateAtLeast)
        suspicions.push(`不能办率${pct(refusalRate)}`);
      if (resolvedShare !== null && resolvedShare < settings.inflatedResolutionBelow)
        suspicions.push(`实际解决率仅${pct(resolvedShare)}`);
      if (
        agreement !== null &&
        a.callbacksReached >= MIN_CALLBACKS &&
        agreement < settings.inflatedAgreementBelow
      )
        suspicions.push(`回访一致率仅${pct(agreement)}`);
      if (callbackPoints !== null && a.callbackRatings >= MIN_CALLBACKS && callbackPoints < satRaw - 25)
        suspicions.push(`回访满意度${callbackPoints.toFixed(1)}远低于评价`);
    }
    const inflated = suspicions.length > 0;
    if (inflated)
      flags.push({
        code: FlagCode.INFLATED_SATISFACTION,
        detail: `满意度${(satRaw ?? 0).toFixed(1)}分，但${suspicions.join('、')}；满意度按其他证据封顶计分`,
      });
    if (small)
      flags.push({
        code: FlagCode.SMALL_SAMPLE,
        detail: noData
          ? '本期无答复、无评价，不计分、不参与排名'
          : `评价${a.ratings}条、答复${a.answers}件，少于${settings.minSample}，不参与排名`,
      });
    if (a.lateRectifications > 0)
      flags.push({
        code: FlagCode.LATE_RECTIFICATION,
        detail: `${a.rectifications}项差评整改中${a.lateRectifications}项超期核实或整改`,
      });

    let satValue = satShrunk;
    if (inflated && satValue !== null) {
      const caps = [
        resolvedShare !== null ? resolvedShare * 100 : null,
        refusalRate !== null ? 100 * (1 - refusalRate) : null,
        a.callbacksReached >= MIN_CALLBACKS && agreement !== null ? agreement * 100 : null,
        a.callbackRatings >= MIN_CALLBACKS ? callbackPoints : null,
      ].filter((x): x is number => x !== null);
      const cap = Math.min(...caps);
      if (cap < satValue) satValue = cap;
    }

    const components: Omit<ComponentResult, 'appliedWeight' | 'note'>[] = [
      {
        component: ScoreComponent.SATISFACTION,
        value: satValue,
        raw: satRaw,
        weight: weights.SATISFACTION,
        sampleSize: n,
      },
      {
        component: ScoreComponent.RESOLUTION,
        value: pctOf(shrink(a.resolved, a.answers, pooled.resolved)),
        raw: resolvedShare !== null ? resolvedShare * 100 : null,
        weight: weights.RESOLUTION,
        sampleSize: a.answers,
      },
      {
        component: ScoreComponent.TIMELINESS,
        value: pctOf(shrink(a.closedOnTime, a.closed, pooled.onTime)),
        raw: a.closed > 0 ? (a.closedOnTime / a.closed) * 100 : null,
        weight: weights.TIMELINESS,
        sampleSize: a.closed,
      },
      {
        component: ScoreComponent.REFUSALS,
        value: refusalsValue(
          shrink(a.refused, a.answers, pooled.refused),
          shrink(a.refusalsOverturned, a.refusalsReviewed, pooled.overturned),
        ),
        raw: refusalRate !== null ? refusalRate * 100 : null,
        weight: weights.REFUSALS,
        sampleSize: a.answers,
      },
      {
        component: ScoreComponent.REOPENS,
        value: complement(shrink(a.reopened, a.answers, pooled.reopened)),
        raw: a.answers > 0 ? (100 * a.reopened) / a.answers : null,
        weight: weights.REOPENS,
        sampleSize: a.answers,
      },
      {
        component: ScoreComponent.CALLBACK_AGREEMENT,
        value: pctOf(shrink(a.callbacksMatched, a.callbacksReached, pooled.agreement)),
        raw: agreement !== null ? agreement * 100 : null,
        weight: weights.CALLBACK_AGREEMENT,
        sampleSize: a.callbacksReached,
      },
      {
        component: ScoreComponent.OBSERVER,
        value: shrink(a.observerPoints, a.observerReviews, pooled.observer),
        raw: a.observerReviews > 0 ? a.observerPoints / a.observerReviews : null,
        weight: kind === SubjectKind.DEPARTMENT ? weights.OBSERVER : 0,
        sampleSize: a.observerReviews,
      },
    ];
    // Without answers or ratings nothing is scored: only what the subject itself has is shown.
    if (noData) for (const c of components) if (c.sampleSize === 0) c.value = null;
    const present = noData ? [] : components.filter((c) => c.value !== null && c.weight > 0);
    const totalWeight = present.reduce((w, c) => w + c.weight, 0);
    const score =
      totalWeight > 0
        ? round2(present.reduce((x, c) => x + (c.value ?? 0) * c.weight, 0) / totalWeight)
        : null;

    const figures: SubjectFigures = {
      answers: a.answers,
      ratings: a.ratings,
      unratedCounted: unratedValue !== null ? a.unrated : 0,
      ratingMean: ratingMean !== null ? round2(ratingMean) : null,
      resolved: round2(a.resolved),
      resolvedShare: resolvedShare !== null ? round2(resolvedShare * 10000) / 10000 : null,
      refusals: a.refused,
      refusalRate: refusalRate !== null ? round2(refusalRate * 10000) / 10000 : null,
      refusalsReviewed: a.refusalsReviewed,
      refusalsOverturned: a.refusalsOverturned,
      reopened: a.reopened,
      closed: a.closed,
      closedOnTime: a.closedOnTime,
      medianWorkdaysToClose: a.medianWorkdays,
      callbacksReached: a.callbacksReached,
      callbacksMatched: a.callbacksMatched,
      callbackRatingMean: a.callbackRatings > 0 ? round2(a.callbackRatingSum / a.callbackRatings) : null,
      observerReviews: a.observerReviews,
      rectifications: a.rectifications,
      lateRectifications: a.lateRectifications,
    };
    return {
      kind,
      subjectId: a.subjectId,
      departmentId: a.departmentId,
      score,
      rank: null,
      rankedOf: 0,
      components: components.map((c) => {
        const done = {
          ...c,
          value: c.value !== null ? round2(c.value) : null,
          raw: c.raw !== null ? round2(c.raw) : null,
          appliedWeight:
            present.includes(c) && totalWeight > 0 ? round2((c.weight / totalWeight) * 10000) / 10000 : 0,
        };
        return { ...done, note: componentNote(done, figures, pool) };
      }),
      figures,
      flags,
    };
  });
  return { results: rankSubjects(results), pool };
}

/**
 * The cycle-wide values a subject's figures are shrunk toward (kept with the run, for the
 * explanation). Shares are 0–1, null when nobody in the cycle had data for them. Runs stored before
 * the overturn and observer pools existed lack those two.
 */
export interface CyclePool {
  /** Pseudo-observations (the cycle's priorWeight). */
  k: number;
  /** Mean satisfaction of all counted ratings, 0–100. */
  priorMean: number | null;
  resolved: number | null;
  refused: number | null;
  reopened: number | null;
  onTime: number | null;
  agreement: number | null;
  /** Share of reviewed refusals overturned. */
  overturned?: number | null;
  /** Mean observer verdict, 0–100. */
  observer?: number | null;
  /** Whether unrated answers were counted (the cycle's unratedCountsAs). */
  unratedCounted: boolean;
}

/**
 * How a component was computed, in Chinese, from the subject's figures and the cycle's pool —
 * rendered again on every read, so stored results stay small and every reader sees the same words.
 */
export function componentNote(
  c: Pick<ComponentResult, 'component' | 'value' | 'raw' | 'sampleSize'>,
  f: SubjectFigures,
  pool: CyclePool,
): string {
  const shrunk = (prior: number | null | undefined) =>
    pool.k > 0 && prior !== null && prior !== undefined
      ? `；按${pool.k}个先验样本向全体${pct(prior)}收缩`
      : '';
  /** A component the subject has no data for: null (no score), or the cycle's pooled value. */
  const none = (what: string, prior: string | null) =>
    c.value === null || prior === null ? what : `${what}，按全体${prior}计`;
  const share = (x: number | null | undefined) => (x === null || x === undefined ? null : pct(x));
  const overturn =
    pool.k > 0 && pool.overturned !== null && pool.overturned !== undefined
      ? `（推翻比例按${pool.k}个先验样本向全体${pct(pool.overturned)}收缩）`
      : '';
  switch (c.component) {
    case ScoreComponent.SATISFACTION: {
      if (c.raw === null)
        return none('无评价', pool.priorMean !== null ? `均值${pool.priorMean.toFixed(1)}分` : null);
      let note = `${c.sampleSize}条评价平均${c.raw.toFixed(1)}分`;
      if (pool.k > 0 && pool.priorMean !== null)
        note += `，按${pool.k}条先验向全体均值${pool.priorMean.toFixed(1)}收缩`;
      const n = c.sampleSize;
      const expected =
        pool.priorMean !== null && n + pool.k > 0
          ? (n * c.raw + pool.k * pool.priorMean) / (n + pool.k)
          : c.raw;
      if (c.value !== null && c.value < round2(expected) - 0.005)
        note += `；因满意度虚高，封顶为其他证据的最低值${c.value.toFixed(1)}`;
      if (pool.unratedCounted && f.unratedCounted > 0)
        note += `（含${f.unratedCounted}件逾期未评按设定计入）`;
      return note;
    }
    case ScoreComponent.RESOLUTION:
      return f.answers > 0
        ? `${f.answers}件答复中实际解决${f.resolved}件（部分解决计半件，不能办仅复核维持计解决，回访结论优先）${shrunk(pool.resolved)}`
        : none('无答复', share(pool.resolved));
    case ScoreComponent.TIMELINESS:
      return f.closed > 0
        ? `${f.closed}件办结中${f.closedOnTime}件按期（工作日），办结用时中位数${f.medianWorkdaysToClose ?? '—'}个工作日${shrunk(pool.onTime)}`
        : none('无办结', share(pool.onTime));
    case ScoreComponent.REFUSALS:
      return f.answers > 0
        ? `不能办${f.refusals}件（${pct(f.refusals / f.answers)}），复核${f.refusalsReviewed}件中推翻${f.refusalsOverturned}件${shrunk(pool.refused)}${overturn}`
        : none('无答复', share(pool.refused) && `不能办率${share(pool.refused)}`);
    case ScoreComponent.REOPENS:
      return f.answers > 0
        ? `重新办理${f.reopened}件（${pct(f.reopened / f.answers)}）${shrunk(pool.reopened)}`
        : none('无答复', share(pool.reopened) && `重办率${share(pool.reopened)}`);
    case ScoreComponent.CALLBACK_AGREEMENT:
      return f.callbacksReached > 0
        ? `接通回访${f.callbacksReached}次，与部门报告一致${f.callbacksMatched}次${shrunk(pool.agreement)}`
        : none('无接通的回访', share(pool.agreement));
    case ScoreComponent.OBSERVER: {
      const mean = pool.observer !== null && pool.observer !== undefined ? pool.observer : null;
      if (f.observerReviews === 0)
        return none('无观察员评价', mean !== null ? `均值${mean.toFixed(1)}分` : null);
      return pool.k > 0 && mean !== null
        ? `观察员评价${f.observerReviews}次，平均${(c.raw ?? 0).toFixed(1)}分，按${pool.k}次先验向全体均值${mean.toFixed(1)}收缩`
        : `观察员评价${f.observerReviews}次`;
    }
  }
}

/**
 * Standard competition ranking ("1224"): equal scores (to the hundredth) share a rank and the next
 * rank skips. Subjects without a score, or with too small a sample (SMALL_SAMPLE), are listed after
 * the ranked ones, unranked (样本不足不参与排名). The order within a tie is by id, for stability.
 */
export function rankSubjects(results: SubjectResult[]): SubjectResult[] {
  const rankable = (r: SubjectResult) =>
    r.score !== null && !r.flags.some((f) => f.code === FlagCode.SMALL_SAMPLE);
  const scored = results.filter(rankable);
  scored.sort((a, b) => (b.score ?? 0) - (a.score ?? 0) || a.subjectId.localeCompare(b.subjectId));
  let rank = 0;
  scored.forEach((r, i) => {
    if (i === 0 || r.score !== scored[i - 1]?.score) rank = i + 1;
    r.rank = rank;
  });
  for (const r of results) r.rankedOf = scored.length;
  const rest = results.filter((r) => !rankable(r));
  rest.sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.subjectId.localeCompare(b.subjectId));
  return [...scored, ...rest];
}

/** Checks weights: every component present, each 0–1, summing to 1 (±0.001). */
export function weightProblems(weights: Partial<Record<string, unknown>>): string[] {
  const problems: string[] = [];
  let sum = 0;
  for (const c of Object.values(ScoreComponent)) {
    const w = weights[c];
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0 || w > 1) problems.push(c);
    else sum += w;
  }
  if (!problems.length && Math.abs(sum - 1) > 0.001) problems.push(`sum=${round2(sum)}`);
  return problems;
}
