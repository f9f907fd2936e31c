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

  it('leaves out a component without data and rescales the others; explains each', () => {
    const r = score([dept('a', 50, 4.5), dept('b', 50, 4.5, { observerReviews: 2, observerPoints: 160 })]);
    const a = r.get('a')!;
    const observer = a.components.find((c) => c.component === ScoreComponent.OBSERVER)!;
    expect(observer.value).toBeNull();
    expect(observer.appliedWeight).toBe(0);
    expect(a.components.reduce((s, c) => s + c.appliedWeight, 0)).toBeCloseTo(1, 3);
    expect(r.get('b')!.components.find((c) => c.component === ScoreComponent.OBSERVER)!.value).toBe(80);
    for (const c of a.components) expect(c.note.length).toBeGreaterThan(0);
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
