import { createHash } from 'crypto';
import { mulberry32 } from '@sfw/shared-types';
import { WorkCalendar } from '@sfw/workdays';
import { BAD_RATING_MAX, ObserverKind, ObserverVerdict } from '../model';
import {
  generateDemoEvaluations,
  luqiaoDepartmentOf,
  satisfiedShare,
  summarizeDemoEvaluations,
  type AnswerOutcome,
  type DemoEvaluations,
  type DemoRating,
  type SeedAnswer,
  type SeedEvaluationDepartment,
} from './demo-evaluations';

const NOW = new Date('2026-06-30T10:00:00+08:00');
const DAY = 86_400_000;
const HOUR = 3_600_000;
const calendar = WorkCalendar.load();
const uuid = (kind: number, n: number): string =>
  `${kind.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const HAN = /[\u4e00-\u9fff]/;

/** City bureaus, the bureaus of three counties (路桥 among them) and a few township offices. */
function departments(): SeedEvaluationDepartment[] {
  let n = 0;
  const out: SeedEvaluationDepartment[] = [];
  const add = (code: string, name: string, level: string, regionCode: string, active = true): void => {
    out.push({ id: uuid(1, ++n), code, name, shortName: name, level, regionCode, active });
  };
  for (const [key, name] of [
    ['JXJ', '经信局'],
    ['SWJ', '税务局'],
    ['ZGJ', '自然资源和规划局'],
    ['RSJ', '人力社保局'],
  ] as const) {
    add(`TZ-${key}`, `市${name}`, 'CITY', '331000');
    add(`JJ-${key}`, `椒江区${name}`, 'COUNTY', '331002');
    add(`HY-${key}`, `黄岩区${name}`, 'COUNTY', '331003');
    add(`LQ-${key}`, `路桥区${name}`, 'COUNTY', '331004');
  }
  add('LQ-CZJ', '路桥区财政局', 'COUNTY', '331004');
  add('LQ-BAK', '路桥区已撤并机构', 'COUNTY', '331004', false);
  for (const t of ['001', '002', '003']) {
    add(`LQ-TS${t}`, `路桥街道${t}企服中心`, 'TOWNSHIP', `331004${t}`);
    add(`JJ-TS${t}`, `椒江街道${t}企服中心`, 'TOWNSHIP', `331002${t}`);
  }
  return out;
}

/** A year of answered rounds, outcomes as in the issues demo; the Luqiao bureau refuses most. */
function answers(depts: readonly SeedEvaluationDepartment[], count: number, seed = 5): SeedAnswer[] {
  const rnd = mulberry32(seed);
  const active = depts.filter((d) => d.active !== false);
  const luqiao = depts.find((d) => d.code === 'LQ-CZJ')!;
  const out: SeedAnswer[] = [];
  for (let i = 0; i < count; i++) {
    // the Luqiao bureau gets its fair share and a bit more
    const dept = rnd() < 0.05 ? luqiao : active[Math.floor(rnd() * active.length)]!;
    const refuseP = dept === luqiao ? 0.56 : 0.065;
    const r = rnd();
    const outcome: AnswerOutcome =
      r < refuseP ? 'CANNOT_HANDLE' : r < refuseP + 0.07 ? 'PARTLY_RESOLVED' : 'RESOLVED';
    const answeredAt = new Date(NOW.getTime() - Math.floor(rnd() * 365 * DAY));
    const reopened = outcome !== 'CANNOT_HANDLE' && rnd() < 0.04;
    out.push({
      issueId: uuid(2, i + 1),
      round: reopened || rnd() < 0.95 ? 1 : 2,
      enterpriseId: uuid(3, 1 + Math.floor(rnd() * 3000)),
      departmentId: rnd() < 0.01 ? null : dept.id,
      regionCode: dept.regionCode.length === 9 ? dept.regionCode : `${dept.regionCode}101`,
      level: dept.level,
      outcome,
      answeredAt,
      workdays: 1 + Math.floor(rnd() * 12),
      onTime: rnd() < 0.9,
      upheld: outcome === 'CANNOT_HANDLE' && rnd() < 0.2,
      reopened,
    });
  }
  // a few answers of the last hours: too young to be rated
  for (let k = 1; k <= 20; k++)
    out.push({ ...out[k]!, issueId: uuid(4, k), answeredAt: new Date(NOW.getTime() - k * 10 * 60_000) });
  return out;
}

const depts = departments();
const LUQIAO = depts.find((d) => d.code === 'LQ-CZJ')!.id;
const input = { answers: answers(depts, 12_000), departments: depts };
const out = generateDemoEvaluations(input, { now: NOW, seed: 7, calendar });
const answerOf = new Map(input.answers.map((a) => [`${a.issueId}|${a.round}`, a]));
const ratingById = new Map(out.ratings.map((r) => [r.id, r]));
const deptById = new Map(depts.map((d) => [d.id, d]));
const share = <T>(xs: readonly T[], f: (x: T) => boolean): number =>
  xs.filter(f).length / Math.max(1, xs.length);
const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
const ratingsOf = (outcome: AnswerOutcome, f: (a: SeedAnswer) => boolean = () => true): DemoRating[] =>
  out.ratings.filter((r) => {
    const a = answerOf.get(`${r.issueId}|${r.round}`)!;
    return r.departmentId !== LUQIAO && a.outcome === outcome && !a.reopened && f(a);
  });
const levelShare = (rs: readonly DemoRating[], f: (l: number) => boolean): number =>
  share(rs, (r) => f(r.level));

describe('luqiaoDepartmentOf', () => {
  it('picks the active county department of 路桥区 whose code sorts first', () => {
    expect(luqiaoDepartmentOf(depts)).toBe(LUQIAO);
    expect(luqiaoDepartmentOf(depts.filter((d) => d.regionCode !== '331004'))).toBeNull();
    expect(out.luqiaoDepartmentId).toBe(LUQIAO);
  });
});

describe('generateDemoEvaluations', () => {
  it('is deterministic for the same input, now and seed', () => {
    const digest = (e: DemoEvaluations): string =>
      createHash('sha256').update(JSON.stringify(e)).digest('hex');
    const small = { answers: answers(depts, 1500, 9), departments: depts };
    const a = generateDemoEvaluations(small, { now: NOW, seed: 3, calendar });
    const b = generateDemoEvaluations(
      { answers: [...small.answers].reverse(), departments: [...depts].reverse() },
      { now: NOW, seed: 3, calendar },
    );
    expect(digest(b)).toBe(digest(a));
    expect(digest(generateDemoEvaluations(small, { now: NOW, seed: 4, calendar }))).not.toBe(digest(a));
    expect(summarizeDemoEvaluations(a).ratings).toBe(a.ratings.length);
    const ids = [
      ...out.ratings.map((r) => r.id),
      ...out.rectifications.map((r) => r.id),
      ...out.appeals.map((r) => r.id),
      ...out.observerReviews.map((r) => r.id),
    ];
    for (const id of ids) expect(id).toMatch(UUID);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('rates about two answers in three, within a week of the answer and mostly within two days', () => {
    const old = input.answers.filter((a) => a.answeredAt.getTime() < NOW.getTime() - 8 * DAY);
    const rated = new Set(out.ratings.map((r) => `${r.issueId}|${r.round}`));
    const rate = share(old, (a) => rated.has(`${a.issueId}|${a.round}`));
    expect(rate).toBeGreaterThan(0.65);
    expect(rate).toBeLessThan(0.71);
    expect(new Set(out.ratings.map((r) => `${r.issueId}|${r.round}`)).size).toBe(out.ratings.length);
    for (const r of out.ratings) {
      const a = answerOf.get(`${r.issueId}|${r.round}`)!;
      expect(r).toMatchObject({
        enterpriseId: a.enterpriseId,
        departmentId: a.departmentId,
        regionCode: a.regionCode,
        answeredAt: a.answeredAt,
        ratedBy: `demo-enterprise-${a.enterpriseId.slice(0, 8)}`,
      });
      const delay = r.ratedAt.getTime() - a.answeredAt.getTime();
      expect(delay).toBeGreaterThan(0);
      expect(delay).toBeLessThanOrEqual(7 * DAY);
      expect(r.ratedAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
      expect(a.answeredAt.getTime()).toBeLessThanOrEqual(NOW.getTime() - 4 * HOUR);
      expect(Number.isInteger(r.level) && r.level >= 1 && r.level <= 5).toBe(true);
      // the enterprise rates in its waking hours (China time)
      const hour = new Date(r.ratedAt.getTime() + 8 * HOUR).getUTCHours();
      expect(hour).toBeGreaterThanOrEqual(8);
      expect(hour).toBeLessThanOrEqual(21);
    }
    const delays = out.ratings.map((r) => r.ratedAt.getTime() - r.answeredAt.getTime());
    expect(share(delays, (d) => d <= 2 * DAY)).toBeGreaterThan(0.65);
  });

  it('rates by outcome: resolved mostly 5 and 4, partly 4 and 3, refusals lower and upheld ones milder', () => {
    const resolved = ratingsOf('RESOLVED');
    expect(levelShare(resolved, (l) => l >= 4)).toBeGreaterThan(0.9);
    expect(levelShare(resolved, (l) => l === 3)).toBeGreaterThan(0.01);
    expect(levelShare(resolved, (l) => l === 3)).toBeLessThan(0.08);
    expect(levelShare(resolved, (l) => l <= 2)).toBeLessThan(0.02);
    const partly = ratingsOf('PARTLY_RESOLVED');
    expect(levelShare(partly, (l) => l === 4 || l === 3)).toBeGreaterThan(0.6);
    expect(levelShare(partly, (l) => l === 2)).toBeGreaterThan(0.04);
    const upheld = ratingsOf('CANNOT_HANDLE', (a) => a.upheld);
    const notUpheld = ratingsOf('CANNOT_HANDLE', (a) => !a.upheld);
    expect(mean(upheld.map((r) => r.level))).toBeGreaterThan(mean(notUpheld.map((r) => r.level)));
    expect(levelShare(notUpheld, (l) => l <= 2)).toBeGreaterThan(0.25);
    // a reopened round was not good enough
    const reopened = out.ratings.filter((r) => answerOf.get(`${r.issueId}|${r.round}`)!.reopened);
    expect(mean(reopened.map((r) => r.level))).toBeLessThan(3);

    // a normal department: 85–92% satisfied or better
    const normal = satisfiedShare(out.ratings.filter((r) => r.departmentId !== LUQIAO))!;
    expect(normal).toBeGreaterThan(0.85);
    expect(normal).toBeLessThan(0.92);
    const byDept = new Map<string, DemoRating[]>();
    for (const r of out.ratings)
      if (r.departmentId) byDept.set(r.departmentId, [...(byDept.get(r.departmentId) ?? []), r]);
    for (const [id, rs] of byDept) {
      if (id === LUQIAO) continue;
      expect(satisfiedShare(rs)).toBeGreaterThan(0.75);
      expect(satisfiedShare(rs)).toBeLessThan(0.97);
    }
  });

  it('gives the Luqiao-pattern department nothing but 5s (非常满意), whatever the outcome', () => {
    const own = out.ratings.filter((r) => r.departmentId === LUQIAO);
    expect(own.length).toBeGreaterThan(200);
    const refused = own.filter((r) => answerOf.get(`${r.issueId}|${r.round}`)!.outcome === 'CANNOT_HANDLE');
    expect(refused.length / own.length).toBeGreaterThan(0.45);
    for (const r of own) {
      expect(r.level).toBe(5);
      for (const s of [r.timeliness, r.attitude, r.result]) if (s !== null) expect(s).toBe(5);
    }
    expect(satisfiedShare(own)).toBe(1);
    expect(out.rectifications.some((t) => t.departmentId === LUQIAO)).toBe(false);
    // switched off, the same bureau is rated like any other
    const off = generateDemoEvaluations(
      { ...input, luqiaoDepartmentId: null },
      { now: NOW, seed: 7, calendar },
    );
    expect(off.luqiaoDepartmentId).toBeNull();
    expect(satisfiedShare(off.ratings.filter((r) => r.departmentId === LUQIAO))).toBeLessThan(0.75);
  });

  it('adds sub-scores close to the level on about 60% and a short Chinese comment on about 25%', () => {
    const withSub = out.ratings.filter((r) => r.timeliness !== null);
    expect(withSub.length / out.ratings.length).toBeGreaterThan(0.56);
    expect(withSub.length / out.ratings.length).toBeLessThan(0.64);
    const gaps: number[] = [];
    for (const r of out.ratings) {
      const subs = [r.timeliness, r.attitude, r.result];
      expect(subs.every((s) => s === null) || subs.every((s) => s !== null)).toBe(true);
      for (const s of subs) {
        if (s === null) continue;
        expect(s).toBeGreaterThanOrEqual(1);
        expect(s).toBeLessThanOrEqual(5);
        gaps.push(Math.abs(s - r.level));
      }
    }
    expect(Math.max(...gaps)).toBeLessThanOrEqual(2);
    expect(share(gaps, (g) => g === 0)).toBeGreaterThan(0.6);
    const commented = out.ratings.filter((r) => r.comment !== null);
    expect(commented.length / out.ratings.length).toBeGreaterThan(0.22);
    expect(commented.length / out.ratings.length).toBeLessThan(0.28);
    for (const r of commented) {
      expect(r.comment).toMatch(HAN);
      expect(r.comment!.length).toBeLessThanOrEqual(1000);
      expect(r.comment).not.toMatch(/\d{5,}|@|[{}]/);
    }
    // the words follow the level
    const good = new Set(commented.filter((r) => r.level === 5).map((r) => r.comment));
    const bad = new Set(commented.filter((r) => r.level <= 2).map((r) => r.comment));
    expect(good.size).toBeGreaterThan(10);
    expect(bad.size).toBeGreaterThan(5);
    expect([...good].some((c) => bad.has(c))).toBe(false);
  });

  it('opens one rectification per bad rating, with working-day dues, progressing with age', () => {
    const bad = out.ratings.filter((r) => r.level <= BAD_RATING_MAX);
    expect(bad.length).toBeGreaterThan(200);
    expect(out.rectifications).toHaveLength(bad.length);
    const byRating = new Map(out.rectifications.map((t) => [t.ratingId, t]));
    for (const r of bad) expect(byRating.has(r.id)).toBe(true);
    const now = NOW.getTime();
    for (const t of out.rectifications) {
      const r = ratingById.get(t.ratingId)!;
      expect(r.level).toBeLessThanOrEqual(BAD_RATING_MAX);
      expect(t).toMatchObject({ issueId: r.issueId, round: r.round, departmentId: r.departmentId });
      expect(t.openedAt).toEqual(r.ratedAt);
      expect(t.verifyDue).toEqual(calendar.deadline(r.ratedAt, 5));
      expect(t.rectifyDue).toEqual(calendar.deadline(r.ratedAt, 15));
      const times = [t.openedAt, t.verifiedAt, t.reportedAt, t.closedAt].filter((d): d is Date => d !== null);
      for (let k = 1; k < times.length; k++)
        expect(times[k]!.getTime()).toBeGreaterThan(times[k - 1]!.getTime());
      for (const d of times) expect(d.getTime()).toBeLessThanOrEqual(now);
      const has = (x: unknown): boolean => x !== null;
      expect(has(t.verifiedAt)).toBe(has(t.verifiedBy));
      expect(has(t.verifiedAt)).toBe(has(t.verification));
      expect(has(t.reportedAt)).toBe(has(t.report));
      switch (t.status) {
        case 'OPEN':
          expect([t.verifiedAt, t.reportedAt, t.closedAt, t.outcome]).toEqual([null, null, null, null]);
          break;
        case 'VERIFIED':
          expect(t.verification).toMatch(HAN);
          expect([t.reportedAt, t.closedAt, t.outcome]).toEqual([null, null, null]);
          break;
        case 'REPORTED':
          expect(t.report).toMatch(HAN);
          expect(t.verifiedAt).not.toBeNull();
          expect([t.closedAt, t.outcome]).toEqual([null, null]);
          break;
        case 'CLOSED':
          expect(t.reportedAt).not.toBeNull();
          expect(['SATISFIED', 'NOT_SATISFIED']).toContain(t.outcome);
          break;
        case 'CANCELLED':
          expect(t.outcome).toBe('VOIDED');
          expect(t.closedAt).not.toBeNull();
          break;
      }
    }
    // old tasks are mostly closed, four in five to the enterprise's satisfaction; about one in ten late
    const old = out.rectifications.filter(
      (t) => t.rectifyDue.getTime() < now - 30 * DAY && t.status !== 'CANCELLED',
    );
    expect(share(old, (t) => t.status === 'CLOSED')).toBeGreaterThan(0.9);
    const closed = old.filter((t) => t.status === 'CLOSED');
    const satisfied = share(closed, (t) => t.outcome === 'SATISFIED');
    expect(satisfied).toBeGreaterThan(0.7);
    expect(satisfied).toBeLessThan(0.9);
    const late = share(closed, (t) => t.verifiedAt! > t.verifyDue || t.reportedAt! > t.rectifyDue);
    expect(late).toBeGreaterThan(0.04);
    expect(late).toBeLessThan(0.18);
    // recent ones are still under way
    const recent = out.rectifications.filter((t) => t.openedAt.getTime() > now - 7 * DAY);
    expect(recent.length).toBeGreaterThan(0);
    expect(recent.some((t) => t.status === 'OPEN' || t.status === 'VERIFIED')).toBe(true);
    expect(recent.every((t) => t.status !== 'CLOSED' || t.closedAt!.getTime() <= now)).toBe(true);
  });

  it('lets departments appeal a few bad ratings; an accepted appeal voids the rating and cancels its task', () => {
    const bad = out.ratings.filter((r) => r.level <= BAD_RATING_MAX && r.departmentId);
    const rate = out.appeals.length / bad.length;
    expect(rate).toBeGreaterThan(0.04);
    expect(rate).toBeLessThan(0.13);
    expect(new Set(out.appeals.map((a) => a.ratingId)).size).toBe(out.appeals.length);
    const decided = out.appeals.filter((a) => a.decision !== null);
    const accepted = share(decided, (a) => a.decision === 'ACCEPTED');
    expect(accepted).toBeGreaterThan(0.12);
    expect(accepted).toBeLessThan(0.5);
    const task = new Map(out.rectifications.map((t) => [t.ratingId, t]));
    for (const a of out.appeals) {
      const r = ratingById.get(a.ratingId)!;
      expect(r.level).toBeLessThanOrEqual(BAD_RATING_MAX);
      expect(a.departmentId).toBe(r.departmentId);
      expect(['MALICIOUS', 'MISTAKEN']).toContain(a.grounds);
      expect(a.reason.length).toBeGreaterThanOrEqual(10);
      expect(a.reason).toMatch(HAN);
      expect(a.filedAt.getTime()).toBeGreaterThan(r.ratedAt.getTime());
      expect(a.filedAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
      expect(a.filedBy).toMatch(/^dept-[a-z0-9-]+-leader$/);
      const t = task.get(a.ratingId)!;
      if (a.decision === null) {
        expect(r.status).toBe('UNDER_APPEAL');
        expect([a.decidedAt, a.decidedBy, a.decisionNote]).toEqual([null, null, null]);
        expect(NOW.getTime() - a.filedAt.getTime()).toBeLessThan(30 * DAY);
        expect(['OPEN', 'VERIFIED']).toContain(t.status);
      } else {
        expect(a.decidedAt!.getTime()).toBeGreaterThan(a.filedAt.getTime());
        expect(a.decidedAt!.getTime()).toBeLessThanOrEqual(NOW.getTime());
        expect(a.decisionNote).toMatch(HAN);
        if (a.decision === 'ACCEPTED') {
          expect(r.status).toBe('VOIDED');
          expect(t).toMatchObject({ status: 'CANCELLED', outcome: 'VOIDED', closedAt: a.decidedAt });
        } else {
          expect(r.status).toBe('VALID');
          expect(t.status).not.toBe('CANCELLED');
        }
      }
    }
    // only ratings under appeal or voided by one are not VALID
    const appealed = new Set(out.appeals.map((a) => a.ratingId));
    for (const r of out.ratings) if (!appealed.has(r.id)) expect(r.status).toBe('VALID');
    expect(out.rectifications.filter((t) => t.status === 'CANCELLED').length).toBe(
      out.ratings.filter((r) => r.status === 'VOIDED').length,
    );
  });

  it('has observers review each city and county department about once a quarter', () => {
    const reviewed = depts.filter((d) => d.active !== false && (d.level === 'CITY' || d.level === 'COUNTY'));
    const perDept = new Map<string, number>();
    const yearAgo = new Date(NOW.getTime() - 366 * DAY).toISOString().slice(0, 10);
    const today = new Date(NOW.getTime() + 8 * HOUR).toISOString().slice(0, 10);
    for (const o of out.observerReviews) {
      const d = deptById.get(o.departmentId)!;
      expect(d.level === 'CITY' || d.level === 'COUNTY').toBe(true);
      expect(d.active).toBe(true);
      perDept.set(o.departmentId, (perDept.get(o.departmentId) ?? 0) + 1);
      expect(o.reviewedOn > yearAgo && o.reviewedOn < today).toBe(true);
      expect(calendar.isWorkday(o.reviewedOn)).toBe(true);
      expect(o.recordedAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
      expect(o.recordedAt.getTime()).toBeGreaterThan(Date.parse(`${o.reviewedOn}T00:00:00+08:00`));
      expect(o.observerName).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
      expect(Object.values(ObserverKind)).toContain(o.observerKind);
      expect(o.findings.length).toBeGreaterThanOrEqual(10);
      expect(o.findings).not.toMatch(/[{}]/);
    }
    const counts = reviewed.map((d) => perDept.get(d.id) ?? 0);
    expect(mean(counts)).toBeGreaterThan(3.4);
    expect(mean(counts)).toBeLessThan(4.6);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(1);
    const others = out.observerReviews.filter((o) => o.departmentId !== LUQIAO);
    const v = (x: ObserverVerdict) => share(others, (o) => o.verdict === x);
    expect(v(ObserverVerdict.GOOD) + v(ObserverVerdict.EXCELLENT)).toBeGreaterThan(0.65);
    expect(v(ObserverVerdict.FAIR)).toBeGreaterThan(0.05);
    expect(v(ObserverVerdict.POOR)).toBeLessThan(0.1);
    // findings agree with the verdict
    for (const o of out.observerReviews) {
      if (o.verdict === ObserverVerdict.EXCELLENT) expect(o.findings).not.toMatch(/敷衍|推诿|一般/);
      if (o.verdict === ObserverVerdict.POOR) expect(o.findings).toMatch(/敷衍|推诿|不充分/);
    }
    // the observers are mostly fooled by the Luqiao-pattern department
    const lq = out.observerReviews.filter((o) => o.departmentId === LUQIAO);
    expect(lq.length).toBeGreaterThanOrEqual(2);
    expect(lq.every((o) => o.verdict !== ObserverVerdict.POOR)).toBe(true);
  });

  it('makes nothing from nothing, and nothing happens after now', () => {
    const empty = generateDemoEvaluations({ answers: [], departments: [] }, { now: NOW, calendar });
    expect(summarizeDemoEvaluations(empty)).toEqual({
      ratings: 0,
      rectifications: 0,
      appeals: 0,
      observerReviews: 0,
      luqiaoDepartmentId: null,
    });
    const stamps = [
      ...out.ratings.map((r) => r.ratedAt),
      ...out.rectifications.flatMap((t) => [t.openedAt, t.verifiedAt, t.reportedAt, t.closedAt]),
      ...out.appeals.flatMap((a) => [a.filedAt, a.decidedAt]),
      ...out.observerReviews.map((o) => o.recordedAt),
    ].filter((d): d is Date => d !== null);
    expect(Math.max(...stamps.map((d) => d.getTime()))).toBeLessThanOrEqual(NOW.getTime());
    expect(() => generateDemoEvaluations(input, { now: new Date(NaN), calendar })).toThrow(RangeError);
  });
});
