import {
  DEFAULT_SETTINGS,
  DEFAULT_WEIGHTS,
  FlagCode,
  RatingLevel,
  ScoreComponent,
  SubjectKind,
} from '../model';
import { rankSubjects, scoreSubjects, weightProblems, type SubjectAggregate } from './score';
import { packResult, unpackResult } from './stored';

/** A department with `answers` answers rated at `mean` (1–5), resolved, on time, no refusals. */
function dept(
  id: string,
  answers: number,
  mean: number,
  over: Partial<SubjectAggregate> = {},
): SubjectAggregate {
  return {
    subjectId: id,
    departmentId: id,
    answers,
    resolved: answers,
    refused: 0,
    reopened: 0,
    ratings: answers,
    ratingSum: mean * answers,
    unrated: 0,
    refusalsReviewed: 0,
    refusalsOverturned: 0,
    closed: answers,
    closedOnTime: answers,
    medianWorkdays: 3,
    callbacksReached: 0,
    callbacksMatched: 0,
    callbackRatings: 0,
    callbackRatingSum: 0,
    observerReviews: 0,
    observerPoints: 0,
    rectifications: 0,
    lateRectifications: 0,
    ...over,
  };
}

const score = (aggs: SubjectAggregate[], settings = DEFAULT_SETTINGS) =>
  new Map(
    scoreSubjects(SubjectKind.DEPARTMENT, aggs, DEFAULT_WEIGHTS, settings).results.map((r) => [
      r.subjectId,
      r,
    ]),
  );

// A typical field of departments around 4.3.
const field = Array.from({ length: 10 }, (_, i) => dept(`d${i}`, 100, 4.2 + (i % 3) * 0.1, { resolved: 85 }));

describe('scoreSubjects', () => {
  it('does not let two perfect ratings outrank five hundred at 4.8 (shrinkage)', () => {
    const r = score([...field, dept('two', 2, 5), dept('many', 500, 4.8, { resolved: 470 })]);
    expect(r.get('many')!.rank).toBe(1);
    expect(r.get('two')!.score!).toBeLessThan(r.get('many')!.score!);
    // Too small a sample is shown but not ranked.
    expect(r.get('two')!.rank).toBeNull();
    expect(r.get('two')!.flags.map((f) => f.code)).toContain(FlagCode.SMALL_SAMPLE);
    expect(r.get('many')!.rankedOf).toBe(11);
    const sat = r.get('two')!.components.find((c) => c.component === ScoreComponent.SATISFACTION)!;
    expect(sat.raw).toBe(100);
    expect(sat.value!).toBeLessThan(90);
  });

  it('keeps two perfect ratings below five hundred at 4.8 on the score itself, whatever else was measured', () => {
    // A realistic field: callbacks, some refusals reviewed (a third overturned), observer verdicts.
    const city = Array.from({ length: 12 }, (_, i) =>
      dept(`c${i}`, 120, 4.1 + (i % 4) * 0.1, {
        resolved: 100,
        refused: 4,
        reopened: 5,
        closedOnTime: 105,
        refusalsReviewed: 3,
        refusalsOverturned: 1,
        callbacksReached: 8,
        callbacksMatched: 7,
        observerReviews: i % 3 === 0 ? 1 : 0,
        observerPoints: i % 3 === 0 ? 80 : 0,
      }),
    );
    // The big department is average on everything but satisfaction, and one of its three reviewed
    // refusals was overturned (unshrunk, that alone took a third off its refusal control).
    const many = dept('many', 500, 4.8, {
      resolved: 425,
      refused: 15,
      reopened: 20,
      closedOnTime: 440,
      refusalsReviewed: 3,
      refusalsOverturned: 1,
      callbacksReached: 25,
      callbacksMatched: 22,
      observerReviews: 1,
      observerPoints: 80,
    });
    // Two perfect answers, none closed yet, no callback or observer: before, the missing components
    // were left out and their weight went to the perfect ones.
    const two = dept('two', 2, 5, { closed: 0, closedOnTime: 0 });
    for (const settings of [
      DEFAULT_SETTINGS,
      { ...DEFAULT_SETTINGS, minSample: 1 }, // even with the small-sample rule out of the way
    ]) {
      const r = score([...city, many, two], settings);
      expect(r.get('two')!.score!).toBeLessThan(r.get('many')!.score!);
      if (settings.minSample === 1) expect(r.get('two')!.rank!).toBeGreaterThan(r.get('many')!.rank!);
    }
  });

  it('flags the Luqiao pattern and keeps it off the top even when every refusal was upheld', () => {
    // 1,087 of 1,945 answers "cannot handle", satisfaction 100% — scaled to 1945 answers.
    const luqiao = dept('luqiao', 1945, 5, {
      refused: 1087,
      resolved: 1945, // every refusal upheld on review: "resolved" on paper
      refusalsReviewed: 1087,
    });
    const r = score([...field, luqiao]);
    const l = r.get('luqiao')!;
    expect(l.flags.map((f) => f.code)).toContain(FlagCode.INFLATED_SATISFACTION);
    expect(l.flags.find((f) => f.code === FlagCode.INFLATED_SATISFACTION)!.detail).toContain('不能办率55.9%');
    expect(l.rank).not.toBe(1);
    const sat = l.components.find((c) => c.component === ScoreComponent.SATISFACTION)!;
    expect(sat.value!).toBeLessThanOrEqual(100 * (1 - 1087 / 1945) + 0.01);
    expect(sat.note).toContain('封顶');
  });

  it('flags high satisfaction beside callback disagreement, and callbacks override the record', () => {
    const r = score([
      ...field,
      dept('talks', 100, 4.9, {
        callbacksReached: 10,
        callbacksMatched: 4,
        callbackRatings: 10,
        callbackRatingSum: 20,
      }),
    ]);
    const t = r.get('talks')!;
    expect(t.flags.map((f) => f.code)).toContain(FlagCode.INFLATED_SATISFACTION);
    expect(t.components.find((c) => c.component === ScoreComponent.SATISFACTION)!.value!).toBeLessThanOrEqual(
      40,
    );
  });

  it('counts a component the subject has no data for at the cycle pool; leaves out one nobody has', () => {
    const r = score([dept('a', 50, 4.5), dept('b', 50, 4.5, { observerReviews: 2, observerPoints: 160 })]);
    const a = r.get('a')!;
    // b's two GOOD verdicts are the whole pool: a, with none, counts at it (80), not left out.
    const observer = a.components.find((c) => c.component === ScoreComponent.OBSERVER)!;
    expect(observer.value).toBe(80);
    expect(observer.raw).toBeNull();
    expect(observer.appliedWeight).toBeCloseTo(0.05 / 0.9, 4); // callbacks are left out (below)
    expect(observer.note).toBe('无观察员评价，按全体均值80.0分计');
    expect(r.get('b')!.components.find((c) => c.component === ScoreComponent.OBSERVER)!.value).toBe(80);
    // Nobody had a callback: that component is left out and the others are rescaled.
    const agreement = a.components.find((c) => c.component === ScoreComponent.CALLBACK_AGREEMENT)!;
    expect(agreement.value).toBeNull();
    expect(agreement.appliedWeight).toBe(0);
    expect(agreement.note).toBe('无接通的回访');
    expect(a.components.reduce((s, c) => s + c.appliedWeight, 0)).toBeCloseTo(1, 3);
    for (const c of a.components) expect(c.note.length).toBeGreaterThan(0);
  });

  it('shrinks every component the same way: (hits + k × pool) / (n + k)', () => {
    // A pool with bad figures everywhere, and one subject with three perfect observations of each.
    const bad = Array.from({ length: 5 }, (_, i) =>
      dept(`bad${i}`, 100, 3, {
        resolved: 60,
        refused: 20,
        reopened: 10,
        closedOnTime: 70,
        refusalsReviewed: 10,
        refusalsOverturned: 5,
        callbacksReached: 10,
        callbacksMatched: 6,
        observerReviews: 2,
        observerPoints: 60,
      }),
    );
    const three = dept('three', 3, 5, {
      refusalsReviewed: 3,
      callbacksReached: 3,
      callbacksMatched: 3,
      observerReviews: 3,
      observerPoints: 300,
    });
    const { results, pool } = scoreSubjects(
      SubjectKind.DEPARTMENT,
      [...bad, three],
      DEFAULT_WEIGHTS,
      DEFAULT_SETTINGS,
    );
    const t = results.find((r) => r.subjectId === 'three')!;
    const v = (c: ScoreComponent) => t.components.find((x) => x.component === c)!.value!;
    const k = DEFAULT_SETTINGS.priorWeight;
    const toward = (hits: number, n: number, prior: number) => (hits + k * prior) / (n + k);
    expect(pool.k).toBe(k);
    expect(v(ScoreComponent.SATISFACTION)).toBeCloseTo(toward(300, 3, pool.priorMean!), 2);
    expect(v(ScoreComponent.RESOLUTION)).toBeCloseTo(100 * toward(3, 3, pool.resolved!), 2);
    expect(v(ScoreComponent.TIMELINESS)).toBeCloseTo(100 * toward(3, 3, pool.onTime!), 2);
    expect(v(ScoreComponent.REFUSALS)).toBeCloseTo(
      100 * (1 - toward(0, 3, pool.refused!)) * (1 - toward(0, 3, pool.overturned!)),
      2,
    );
    expect(v(ScoreComponent.REOPENS)).toBeCloseTo(100 * (1 - toward(0, 3, pool.reopened!)), 2);
    expect(v(ScoreComponent.CALLBACK_AGREEMENT)).toBeCloseTo(100 * toward(3, 3, pool.agreement!), 2);
    expect(v(ScoreComponent.OBSERVER)).toBeCloseTo(toward(300, 3, pool.observer!), 2);
    // Three perfect observations move no component more than 3/23 of the way from the pool to 100.
    const poolScore = (x: number) => x + (3 / (3 + k)) * (100 - x);
    expect(v(ScoreComponent.RESOLUTION)).toBeLessThanOrEqual(poolScore(100 * pool.resolved!) + 0.01);
    expect(t.score!).toBeLessThan(75);
    for (const c of t.components) expect(c.note).toContain(`按${k}`);
  });

  it('without answers and ratings shows no score (not 100): unranked, flagged, nothing applied', () => {
    // Closings of last period's answers, all on time, and an excellent observer verdict: nothing rated.
    const idle = dept('idle', 0, 0, {
      closed: 4,
      closedOnTime: 4,
      resolved: 0,
      observerReviews: 1,
      observerPoints: 100,
    });
    const observerOnly = dept('observerOnly', 0, 0, {
      closed: 0,
      closedOnTime: 0,
      observerReviews: 2,
      observerPoints: 200,
    });
    const r = score([...field, idle, observerOnly]);
    for (const id of ['idle', 'observerOnly']) {
      const x = r.get(id)!;
      expect(x.score).toBeNull();
      expect(x.rank).toBeNull();
      expect(x.flags).toEqual([
        { code: FlagCode.SMALL_SAMPLE, detail: '本期无答复、无评价，不计分、不参与排名' },
      ]);
      expect(x.components.every((c) => c.appliedWeight === 0)).toBe(true);
      expect(x.components.find((c) => c.component === ScoreComponent.SATISFACTION)!.value).toBeNull();
      expect(x.components.find((c) => c.component === ScoreComponent.RESOLUTION)!.note).toBe('无答复');
    }
    // What it has is still shown, shrunk like everyone's.
    expect(
      r.get('idle')!.components.find((c) => c.component === ScoreComponent.TIMELINESS)!.value,
    ).not.toBeNull();
    expect(r.get('many')).toBeUndefined();
    expect(r.get('d0')!.rankedOf).toBe(10);
    // Stored and read back the same way.
    const { results, pool } = scoreSubjects(
      SubjectKind.DEPARTMENT,
      [...field, idle],
      DEFAULT_WEIGHTS,
      DEFAULT_SETTINGS,
    );
    const back = unpackResult(
      JSON.parse(packResult(results.find((x) => x.subjectId === 'idle')!)),
      SubjectKind.DEPARTMENT,
      DEFAULT_WEIGHTS,
      pool,
    );
    expect(back.components.every((c) => c.appliedWeight === 0)).toBe(true);
  });

  it('counts unrated answers only when the cycle says so', () => {
    const base = dept('u', 40, 5, { ratings: 20, ratingSum: 100, unrated: 20 });
    const off = score([base, ...field]).get('u')!;
    expect(off.figures.unratedCounted).toBe(0);
    const on = score([base, ...field], {
      ...DEFAULT_SETTINGS,
      unratedCountsAs: RatingLevel.BASICALLY_SATISFIED,
    }).get('u')!;
    expect(on.figures.unratedCounted).toBe(20);
    expect(on.figures.ratingMean).toBe(4);
  });

  it('does not judge inflation on a small sample (it is flagged small and unranked instead)', () => {
    const r = score([...field, dept('one', 1, 5, { refused: 1, resolved: 0 })]);
    expect(r.get('one')!.flags.map((f) => f.code)).toEqual([FlagCode.SMALL_SAMPLE]);
    expect(r.get('one')!.rank).toBeNull();
  });

  it('flags late rectifications', () => {
    const r = score([dept('late', 50, 4, { rectifications: 3, lateRectifications: 1 })]);
    expect(r.get('late')!.flags.map((f) => f.code)).toEqual([FlagCode.LATE_RECTIFICATION]);
  });
});

describe('stored results', () => {
  it('keep every number and render the same explanation again on read', () => {
    const { results, pool } = scoreSubjects(
      SubjectKind.DEPARTMENT,
      [...field, dept('luqiao', 200, 5, { refused: 112, resolved: 88 })],
      DEFAULT_WEIGHTS,
      DEFAULT_SETTINGS,
    );
    for (const r of results) {
      const back = unpackResult(JSON.parse(packResult(r)), r.kind, DEFAULT_WEIGHTS, pool);
      expect(back.components).toEqual(r.components);
      expect(back.figures).toEqual(r.figures);
      expect(back.flags).toEqual(r.flags);
    }
    const l = results.find((r) => r.subjectId === 'luqiao')!;
    expect(l.components[0]!.note).toContain('封顶');
    expect(packResult(l).length).toBeLessThan(700);
  });
});

describe('rankSubjects', () => {
  it('gives equal scores the same rank and skips the next (1, 2, 2, 4); unscored are unranked', () => {
    const mk = (id: string, score: number | null) =>
      ({ subjectId: id, score, rank: null, rankedOf: 0, flags: [] }) as unknown as Parameters<
        typeof rankSubjects
      >[0][number];
    const ranked = rankSubjects([mk('a', 90), mk('b', 80), mk('c', 80), mk('d', 70), mk('e', null)]);
    expect(ranked.map((r) => [r.subjectId, r.rank])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 2],
      ['d', 4],
      ['e', null],
    ]);
    expect(ranked.every((r) => r.rankedOf === 4)).toBe(true);
  });
});

describe('weightProblems', () => {
  it('accepts the defaults and rejects sums other than 1 or values out of range', () => {
    expect(weightProblems(DEFAULT_WEIGHTS)).toEqual([]);
    expect(weightProblems({ ...DEFAULT_WEIGHTS, SATISFACTION: 0.5 })).toEqual(['sum=1.2']);
    expect(weightProblems({ ...DEFAULT_WEIGHTS, OBSERVER: -0.1 })).toEqual(['OBSERVER']);
  });
});
