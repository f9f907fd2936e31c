import { randomUUID } from 'node:crypto';
import { Role, type EventEnvelope, type Viewer } from '@sfw/shared-types';
import { InProcessEventBus } from '@sfw/subgraph-kit';
import { startTestSubgraph, type TestSubgraph } from '@sfw/subgraph-kit/testing';
import { WorkCalendar } from '@sfw/workdays';
import type { EvaluationsServices } from '../src/context';
import { evaluationsSubgraph } from '../src/subgraph';

let sg: TestSubgraph<EvaluationsServices>;
const bus = new InProcessEventBus();

const REGION = '331004';
const admin: Viewer = { sub: 'admin', roles: [Role.ADMIN] };
const evaluator: Viewer = { sub: 'eval', name: '评价员', roles: [Role.EVALUATOR] };
const DAY = 86_400_000;
const now = Date.now();
const PERIOD = new Date(now + 8 * 3_600_000).toISOString().slice(0, 7); // this month, China time

let t = now - 30 * DAY;
function envelope(type: string, aggregateId: string, payload: unknown, at?: number): EventEnvelope {
  t += 1000;
  return {
    id: randomUUID(),
    type,
    version: 1,
    occurredAt: new Date(at ?? t).toISOString(),
    source: 'test',
    aggregateType: type,
    aggregateId,
    payload,
  };
}

function department(id: string, code: string, name: string): EventEnvelope {
  return envelope('DepartmentChanged', id, {
    department: {
      id,
      code,
      name,
      shortName: name,
      level: 'COUNTY',
      regionCode: REGION,
      parentId: null,
      domains: ['LAND'],
      active: true,
      members: [],
    },
  });
}

interface Appeal {
  id: string;
  enterpriseId: string;
  departmentId: string;
  round: number;
}

const facts = (a: Appeal) => ({
  issueId: a.id,
  enterpriseId: a.enterpriseId,
  regionCode: `${REGION}001`,
  level: 'COUNTY',
  categories: ['LAND'],
  scope: 'INDIVIDUAL',
  source: 'ONLINE',
  leadDepartmentId: a.departmentId,
  coDepartmentIds: [],
  submittedAt: new Date(now - 20 * DAY).toISOString(),
  round: a.round,
});

/** An appeal submitted and answered (answeredAgo ms before now), as the issues subgraph would announce it. */
async function answered(
  enterpriseId: string,
  departmentId: string,
  outcome: 'RESOLVED' | 'PARTLY_RESOLVED' | 'CANNOT_HANDLE',
  answeredAgo = DAY,
  extra: { visitId?: string } = {},
): Promise<Appeal> {
  const a: Appeal = { id: randomUUID(), enterpriseId, departmentId, round: 1 };
  const at = now - answeredAgo;
  const events = [
    envelope(
      'IssueSubmitted',
      a.id,
      { issue: facts(a), visitId: extra.visitId ?? null, title: '用地指标' },
      at - 5 * DAY,
    ),
    envelope(
      'IssueAssigned',
      a.id,
      { issue: facts(a), planDue: '', feedbackDue: '', closeDue: '', reassignment: false },
      at - 4 * DAY,
    ),
  ];
  if (outcome === 'CANNOT_HANDLE')
    events.push(
      envelope(
        'RefusalSignedOff',
        a.id,
        {
          issue: facts(a),
          refusalId: randomUUID(),
          role: 'DEPARTMENT_HEAD',
          decision: 'APPROVED',
          final: true,
        },
        at,
      ),
    );
  events.push(
    envelope(
      'IssueAnswered',
      a.id,
      { issue: facts(a), outcome, answeredAt: new Date(at).toISOString(), workdaysTaken: 3, onTime: true },
      at,
    ),
    envelope(
      'IssueClosed',
      a.id,
      {
        issue: facts(a),
        outcome,
        closedAt: new Date(at + 1000).toISOString(),
        workdaysTaken: 3,
        onTime: true,
        how: 'CONFIRMED',
      },
      at + 1000,
    ),
  );
  for (const e of events) await bus.publish(e);
  return a;
}

async function ok<T = Record<string, any>>(
  doc: string,
  vars: Record<string, unknown>,
  viewer: Viewer,
): Promise<T> {
  const res = await sg.query<T>(doc, vars, viewer);
  if (res.errors) throw new Error(JSON.stringify(res.errors, null, 2));
  return res.data as T;
}

async function code(doc: string, vars: Record<string, unknown>, viewer: Viewer | null): Promise<string> {
  const res = await sg.query(doc, vars, viewer);
  expect(res.errors).toBeDefined();
  return String(res.errors![0]!.extensions!['code']);
}

/**
 * The first error of an operation on `id`, with the id replaced: an object the viewer may not see
 * must answer exactly like a missing one (same code, same message), whatever its id.
 */
async function answerOn(
  doc: (id: string) => string,
  id: string,
  viewer: Viewer,
): Promise<{ code: unknown; message: string; messageEn: string }> {
  const res = await sg.query(doc(id), {}, viewer);
  expect(res.errors).toBeDefined();
  const e = res.errors![0]!;
  return {
    code: e.extensions!['code'],
    message: e.message.replaceAll(id, '<id>'),
    messageEn: String(e.extensions!['messageEn']).replaceAll(id, '<id>'),
  };
}

/** Asserts that `viewer` gets on `id` exactly what it gets on a random, missing id. */
async function answersLikeMissing(doc: (id: string) => string, id: string, viewer: Viewer): Promise<void> {
  const missing = await answerOn(doc, randomUUID(), viewer);
  expect(missing.code).toBe('NOT_FOUND');
  expect(await answerOn(doc, id, viewer)).toEqual(missing);
}

const enterprise = (id: string): Viewer => ({
  sub: `ent-${id.slice(0, 4)}`,
  roles: [Role.ENTERPRISE],
  enterpriseId: id,
});
const staff = (departmentId: string): Viewer => ({
  sub: `staff-${departmentId.slice(0, 4)}`,
  roles: [Role.DEPARTMENT],
  departmentId,
});

const RATE = `mutation($i: RateInput!) { rate(input: $i) { id round level status ratedBy } }`;
const rate = (a: Appeal, level: string, extra: Record<string, unknown> = {}) =>
  ok<{ rate: { id: string; round: number; level: string } }>(
    RATE,
    { i: { issueId: a.id, level, ...extra } },
    enterprise(a.enterpriseId),
  );

const D1 = randomUUID();
const D2 = randomUUID();
const E1 = randomUUID();
const E2 = randomUUID();

const heard: EventEnvelope[] = [];

beforeAll(async () => {
  await bus.subscribe('spy', '*', async (e) => {
    heard.push(e);
  });
  sg = await startTestSubgraph(evaluationsSubgraph, { bus });
  await bus.publish(department(D1, 'LQ-A', '路桥区甲局'));
  await bus.publish(department(D2, 'LQ-B', '路桥区乙局'));
});

afterAll(async () => {
  await sg?.stop();
});

describe('ratings (满意度评价)', () => {
  it('lets only the appeal’s enterprise rate an answered round, once, inside the window', async () => {
    const a = await answered(E1, D1, 'RESOLVED');
    // Another enterprise's appeal answers exactly like one that does not exist.
    const other = await sg.query(RATE, { i: { issueId: a.id, level: 'SATISFIED' } }, enterprise(E2));
    const missing = '00000000-0000-4000-8000-0000000000aa';
    const none = await sg.query(RATE, { i: { issueId: missing, level: 'SATISFIED' } }, enterprise(E2));
    expect(other.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    expect(other.errors?.[0]?.message.replace(a.id, 'ID')).toBe(
      none.errors?.[0]?.message.replace(missing, 'ID'),
    );
    expect(await code(RATE, { i: { issueId: a.id, level: 'SATISFIED' } }, staff(D1))).toBe('FORBIDDEN');
    const r = await rate(a, 'SATISFIED', { timeliness: 'VERY_SATISFIED', comment: '办理及时' });
    expect(r.rate).toMatchObject({ round: 1, level: 'SATISFIED', status: 'VALID' });
    expect(await code(RATE, { i: { issueId: a.id, level: 'VERY_SATISFIED' } }, enterprise(E1))).toBe(
      'ALREADY_RATED',
    );

    const old = await answered(E1, D1, 'RESOLVED', 40 * DAY);
    expect(await code(RATE, { i: { issueId: old.id, level: 'SATISFIED' } }, enterprise(E1))).toBe(
      'RATING_WINDOW_CLOSED',
    );
    expect(await code(RATE, { i: { issueId: randomUUID(), level: 'SATISFIED' } }, enterprise(E1))).toBe(
      'NOT_FOUND',
    );
  });

  it('says an appeal not yet answered cannot be rated', async () => {
    const a: Appeal = { id: randomUUID(), enterpriseId: E1, departmentId: D1, round: 1 };
    await bus.publish(envelope('IssueSubmitted', a.id, { issue: facts(a), visitId: null, title: 'x' }));
    expect(await code(RATE, { i: { issueId: a.id, level: 'SATISFIED' } }, enterprise(E1))).toBe(
      'NOT_ANSWERED',
    );
  });

  it('opens a new round to rate when the appeal is reopened and answered again, and marks the old round reopened', async () => {
    const a = await answered(E1, D1, 'PARTLY_RESOLVED');
    await rate(a, 'BASICALLY_SATISFIED');
    const r2 = { ...a, round: 2 };
    await bus.publish(envelope('IssueReopened', a.id, { issue: facts(r2), reason: '没解决' }, now - DAY / 2));
    await bus.publish(
      envelope(
        'IssueAnswered',
        a.id,
        {
          issue: facts(r2),
          outcome: 'RESOLVED',
          answeredAt: new Date(now - DAY / 4).toISOString(),
          workdaysTaken: 2,
          onTime: true,
        },
        now - DAY / 4,
      ),
    );
    const second = await rate(a, 'VERY_SATISFIED');
    expect(second.rate.round).toBe(2);
    const [row] = await sg.database.dataSource.query(
      `SELECT reopened FROM evaluations.answer WHERE issue_id = $1 AND round = 1`,
      [a.id],
    );
    expect(row.reopened).toBe(true);
    const d = await ok<{
      _entities: {
        ratings: { round: number; level: string }[];
        ratingWindow: { round: number; rated: boolean; open: boolean };
      }[];
    }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Issue { ratings { round level } ratingWindow { round rated open } } } }`,
      { r: [{ __typename: 'Issue', id: a.id }] },
      enterprise(E1),
    );
    expect(d._entities[0]!.ratings.map((x) => x.round)).toEqual([1, 2]);
    expect(d._entities[0]!.ratingWindow).toMatchObject({ round: 2, rated: true, open: false });
    // Another enterprise sees none of them.
    const other = await ok<{ _entities: { ratings: unknown[] }[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Issue { ratings { id } } } }`,
      { r: [{ __typename: 'Issue', id: a.id }] },
      enterprise(E2),
    );
    expect(other._entities[0]!.ratings).toEqual([]);
  });

  it('is idempotent per event: a replayed answer changes nothing', async () => {
    const a = await answered(E2, D2, 'RESOLVED');
    const e = envelope(
      'IssueAnswered',
      a.id,
      {
        issue: facts(a),
        outcome: 'CANNOT_HANDLE',
        answeredAt: new Date(now - 10 * DAY).toISOString(),
        workdaysTaken: 9,
        onTime: false,
      },
      now - 10 * DAY,
    );
    await bus.publish(e);
    await bus.publish(e);
    const rows = await sg.database.dataSource.query(
      `SELECT outcome FROM evaluations.answer WHERE issue_id = $1`,
      [a.id],
    );
    // An older answer never overwrites a newer one.
    expect(rows).toEqual([{ outcome: 'RESOLVED' }]);
  });
});

describe('bad ratings: rectification (差评整改) and appeals (申诉复核)', () => {
  const TASK = 'id status verifyDue rectifyDue outcome late';

  it('opens a task with working-day deadlines that the department verifies and reports and a callback closes', async () => {
    const a = await answered(E1, D1, 'RESOLVED');
    const r = await rate(a, 'DISSATISFIED', { comment: '问题没有真正解决' });
    const d = await ok<{ rectifications: Record<string, any>[] }>(
      `{ rectifications(departmentId: "${D1}") { ${TASK} issue { id } } }`,
      {},
      staff(D1),
    );
    const task = d.rectifications.find((x) => x.issue.id === a.id)!;
    expect(task.status).toBe('OPEN');
    const cal = WorkCalendar.load();
    const [{ rated_at }] = await sg.database.dataSource.query(
      `SELECT rated_at FROM evaluations.rating WHERE id = $1`,
      [r.rate.id],
    );
    expect(new Date(task.verifyDue).getTime()).toBe(cal.deadline(new Date(rated_at), 5).getTime());
    expect(new Date(task.rectifyDue).getTime()).toBe(cal.deadline(new Date(rated_at), 15).getTime());

    // Another department's task answers exactly like a missing one, to read and to act on.
    await answersLikeMissing(
      (id) =>
        `mutation { verifyRectification(id: "${id}", verification: "已电话联系企业核实情况属实") { id } }`,
      task.id,
      staff(D2),
    );
    await answersLikeMissing(
      (id) =>
        `mutation { reportRectification(id: "${id}", report: "已协调解决用地指标问题并回复企业") { id } }`,
      task.id,
      staff(D2),
    );
    await answersLikeMissing((id) => `{ rectification(id: "${id}") { id } }`, task.id, staff(D2));
    // A leader without a department reads every task but acts only for its own department.
    const leader: Viewer = { sub: 'leader', roles: [Role.LEADER] };
    expect(await ok(`{ rectification(id: "${task.id}") { id } }`, {}, leader)).toEqual({
      rectification: { id: task.id },
    });
    expect(
      await code(
        `mutation { verifyRectification(id: "${task.id}", verification: "已电话联系企业核实情况属实") { id } }`,
        {},
        leader,
      ),
    ).toBe('FORBIDDEN');
    expect(
      await code(
        `mutation { reportRectification(id: "${task.id}", report: "已协调解决用地指标问题并回复企业") { id } }`,
        {},
        staff(D1),
      ),
    ).toBe('INVALID_RECTIFICATION_STATE');
    await ok(
      `mutation { verifyRectification(id: "${task.id}", verification: "已电话联系企业核实情况属实") { id } }`,
      {},
      staff(D1),
    );
    await ok(
      `mutation { reportRectification(id: "${task.id}", report: "已协调解决用地指标问题并回复企业") { id } }`,
      {},
      staff(D1),
    );
    expect(
      await code(
        `mutation { recordRectificationCallback(id: "${task.id}", findings: { reached: true }) { id } }`,
        {},
        evaluator,
      ),
    ).toBe('BAD_USER_INPUT');
    const closed = await ok<{ recordRectificationCallback: Record<string, any> }>(
      `mutation { recordRectificationCallback(id: "${task.id}", findings: { reached: true, level: SATISFIED, solved: true, matchesRecord: true }) { ${TASK} callback { reasons level } } }`,
      {},
      evaluator,
    );
    expect(closed.recordRectificationCallback).toMatchObject({
      status: 'CLOSED',
      outcome: 'SATISFIED',
      late: false,
    });
    expect(closed.recordRectificationCallback.callback).toEqual({
      reasons: ['RECTIFICATION'],
      level: 'SATISFIED',
    });
  });

  it('lets the department appeal a rating; an accepted appeal voids it and cancels its task, and the decision is final', async () => {
    const a = await answered(E2, D2, 'RESOLVED');
    const r = await rate(a, 'VERY_DISSATISFIED');
    // Another department's rating answers exactly like a missing one.
    await answersLikeMissing(
      (id) =>
        `mutation { appealRating(ratingId: "${id}", grounds: MALICIOUS, reason: "企业与本诉求无关的纠纷迁怒部门") { id } }`,
      r.rate.id,
      staff(D1),
    );
    const filed = await ok<{ appealRating: { id: string } }>(
      `mutation { appealRating(ratingId: "${r.rate.id}", grounds: MALICIOUS, reason: "企业与本诉求无关的纠纷迁怒部门") { id } }`,
      {},
      staff(D2),
    );
    expect(
      await code(
        `mutation { appealRating(ratingId: "${r.rate.id}", grounds: MISTAKEN, reason: "再次申诉的理由写在这里") { id } }`,
        {},
        staff(D2),
      ),
    ).toBe('APPEAL_PENDING');
    expect(
      await code(
        `mutation { decideRatingAppeal(id: "${filed.appealRating.id}", decision: ACCEPTED, note: "经核实属恶意差评") { id } }`,
        {},
        staff(D2),
      ),
    ).toBe('FORBIDDEN');
    const decided = await ok<{ decideRatingAppeal: Record<string, any> }>(
      `mutation { decideRatingAppeal(id: "${filed.appealRating.id}", decision: ACCEPTED, note: "经核实属恶意差评") { decision decidedBy rating { status rectification { status outcome } } } }`,
      {},
      evaluator,
    );
    expect(decided.decideRatingAppeal).toMatchObject({
      decision: 'ACCEPTED',
      decidedBy: 'eval',
      rating: { status: 'VOIDED', rectification: { status: 'CANCELLED', outcome: 'VOIDED' } },
    });
    expect(
      await code(
        `mutation { decideRatingAppeal(id: "${filed.appealRating.id}", decision: REJECTED, note: "改主意了") { id } }`,
        {},
        evaluator,
      ),
    ).toBe('APPEAL_DECIDED');
  });
});

describe('review cycles: the Luqiao pattern cannot rank at the top', () => {
  const GOOD = randomUUID();
  const LUQIAO = randomUUID();
  const TINY = randomUUID();
  const EG = randomUUID();
  const EL = randomUUID();
  const ET = randomUUID();
  let cycleId: string;
  const SCORE = `score rank rankedOf provisional components { component value weight appliedWeight sampleSize note } figures { answers ratings refusalRate } flags { code detail }`;

  beforeAll(async () => {
    await bus.publish(department(GOOD, 'LQ-GOOD', '路桥区好办局'));
    await bus.publish(department(LUQIAO, 'LQ-NO', '路桥区不能办局'));
    await bus.publish(department(TINY, 'LQ-TINY', '路桥区小样本局'));
    // A good department: 30 answers, 2 partly resolved, ratings around 4.6.
    for (let i = 0; i < 30; i++) {
      const a = await answered(EG, GOOD, i % 15 === 0 ? 'PARTLY_RESOLVED' : 'RESOLVED');
      await rate(a, i % 3 === 0 ? 'SATISFIED' : 'VERY_SATISFIED');
    }
    // Luqiao: 30 answers, 17 of them "cannot handle" never reviewed, every rating 非常满意.
    for (let i = 0; i < 30; i++) {
      const a = await answered(EL, LUQIAO, i < 17 ? 'CANNOT_HANDLE' : 'RESOLVED');
      await rate(a, 'VERY_SATISFIED');
    }
    // Two perfect ratings only.
    for (let i = 0; i < 2; i++) await rate(await answered(ET, TINY, 'RESOLVED'), 'VERY_SATISFIED');
  });

  it('opens with defaults, validates its settings and draws a reproducible callback sample', async () => {
    expect(
      await code(
        `mutation { openReviewCycle(input: { name: "测试", period: "2026-13", regionCode: "${REGION}" }) { id } }`,
        {},
        evaluator,
      ),
    ).toBe('INVALID_PERIOD');
    expect(
      await code(
        `mutation { openReviewCycle(input: { name: "测试", period: "${PERIOD}", regionCode: "${REGION}", weights: { SATISFACTION: 0.9 } }) { id } }`,
        {},
        evaluator,
      ),
    ).toBe('INVALID_WEIGHTS');
    expect(
      await code(
        `mutation { openReviewCycle(input: { name: "测试", period: "${PERIOD}", regionCode: "${REGION}" }) { id } }`,
        {},
        staff(GOOD),
      ),
    ).toBe('FORBIDDEN');
    const opened = await ok<{ openReviewCycle: Record<string, any> }>(
      `mutation { openReviewCycle(input: { name: "路桥区${PERIOD}助企服务满意度评议", period: "${PERIOD}", regionCode: "${REGION}", sampling: { share: 0.2, seed: 7 } }) { id status version weights { SATISFACTION OBSERVER } settings { priorWeight unratedCountsAs } sampling { share seed minPerDepartment } } }`,
      {},
      evaluator,
    );
    expect(opened.openReviewCycle).toMatchObject({
      status: 'OPEN',
      version: 1,
      weights: { SATISFACTION: 0.3, OBSERVER: 0.05 },
      settings: { priorWeight: 20, unratedCountsAs: null },
      sampling: { share: 0.2, seed: 7, minPerDepartment: 1 },
    });
    cycleId = opened.openReviewCycle.id;
    const draw = await ok<{ drawCallbacks: { drawn: number; total: number } }>(
      `mutation { drawCallbacks(id: "${cycleId}") { drawn total } }`,
      {},
      evaluator,
    );
    expect(draw.drawCallbacks.drawn).toBeGreaterThan(17);
    const again = await ok<{ drawCallbacks: { drawn: number; total: number } }>(
      `mutation { drawCallbacks(id: "${cycleId}") { drawn total } }`,
      {},
      evaluator,
    );
    expect(again.drawCallbacks).toEqual({ drawn: 0, total: draw.drawCallbacks.total });
    const sample = await ok<{
      reviewCycle: {
        callbacks: {
          totalCount: number;
          nodes: { id: string; reasons: string[]; department: { id: string } }[];
        };
      };
    }>(
      `{ reviewCycle(id: "${cycleId}") { callbacks(first: 500) { totalCount nodes { id reasons department { id } } } } }`,
      {},
      evaluator,
    );
    const nodes = sample.reviewCycle.callbacks.nodes;
    // Every refusal is called; every department with other answers gets random calls.
    expect(nodes.filter((n) => n.reasons.includes('CANNOT_HANDLE')).length).toBeGreaterThanOrEqual(17);
    for (const d of [GOOD, LUQIAO, TINY])
      expect(nodes.some((n) => n.department.id === d && n.reasons.includes('RANDOM'))).toBe(true);

    // The same seed over the same data draws the same random calls; another seed, others.
    const randomOf = async (seed: number) => {
      const c = await ok<{ openReviewCycle: { id: string } }>(
        `mutation { openReviewCycle(input: { name: "抽样复现", period: "${PERIOD}", regionCode: "${REGION}", sampling: { share: 0.2, seed: ${seed} } }) { id } }`,
        {},
        evaluator,
      );
      await ok(`mutation { drawCallbacks(id: "${c.openReviewCycle.id}") { drawn } }`, {}, evaluator);
      const rows = await sg.database.dataSource.query(
        `SELECT issue_id FROM evaluations.callback WHERE series_id = $1 AND 'RANDOM' = ANY (reasons) ORDER BY issue_id`,
        [c.openReviewCycle.id],
      );
      return rows.map((r: { issue_id: string }) => r.issue_id).join(',');
    };
    const mine = (
      await sg.database.dataSource.query(
        `SELECT issue_id FROM evaluations.callback WHERE series_id = $1 AND 'RANDOM' = ANY (reasons) ORDER BY issue_id`,
        [cycleId],
      )
    )
      .map((r: { issue_id: string }) => r.issue_id)
      .join(',');
    expect(await randomOf(7)).toBe(mine);
    expect(await randomOf(8)).not.toBe(mine);

    // Calls: Luqiao's enterprises say the refusals left them unsolved and the record is wrong.
    for (const n of nodes) {
      const luqiaoRefusal = n.department.id === LUQIAO && n.reasons.includes('CANNOT_HANDLE');
      const findings = luqiaoRefusal
        ? '{ reached: true, level: DISSATISFIED, solved: false, matchesRecord: false, note: "企业表示问题未解决" }'
        : '{ reached: true, level: VERY_SATISFIED, solved: true, matchesRecord: true }';
      await ok(`mutation { recordCallback(id: "${n.id}", findings: ${findings}) { id } }`, {}, evaluator);
    }
  });

  it('runs: flags inflated satisfaction and small samples, ranks the good department first, explains every score', async () => {
    const run = await ok<{ runReviewCycle: { status: string; runMs: number } }>(
      `mutation { runReviewCycle(id: "${cycleId}") { status runMs } }`,
      {},
      evaluator,
    );
    expect(run.runReviewCycle.status).toBe('RUN');
    const d = await ok<{
      reviewCycle: { departmentResults: ({ department: { id: string } } & Record<string, any>)[] };
    }>(
      `{ reviewCycle(id: "${cycleId}") { departmentResults { department { id } ${SCORE} } } }`,
      {},
      evaluator,
    );
    const byId = new Map(d.reviewCycle.departmentResults.map((r) => [r.department.id, r]));
    const good = byId.get(GOOD)!;
    const luqiao = byId.get(LUQIAO)!;
    const tiny = byId.get(TINY)!;
    expect(good.rank).toBe(1);
    expect(luqiao.flags.map((f: { code: string }) => f.code)).toContain('INFLATED_SATISFACTION');
    expect(luqiao.rank).toBeGreaterThan(good.rank);
    expect(luqiao.score).toBeLessThan(good.score - 10);
    expect(tiny.flags.map((f: { code: string }) => f.code)).toContain('SMALL_SAMPLE');
    expect(tiny.score).toBeLessThan(good.score);
    // Shrinkage: two perfect ratings do not make a perfect satisfaction.
    const tinySat = tiny.components.find((c: { component: string }) => c.component === 'SATISFACTION');
    expect(tinySat.value).toBeLessThan(100);
    expect(tinySat.sampleSize).toBe(2);
    // The explanation: every component with its weight; the applied weights of measured components sum to 1.
    expect(good.components).toHaveLength(7);
    const applied = good.components.reduce(
      (s: number, c: { appliedWeight: number }) => s + c.appliedWeight,
      0,
    );
    expect(applied).toBeCloseTo(1, 3);
    expect(good.components.find((c: { component: string }) => c.component === 'OBSERVER').value).toBeNull();
    expect(luqiao.figures.refusalRate).toBeCloseTo(17 / 30, 3);
    expect(good.provisional).toBe(true);
  });

  it('publishes only with worked flags, then is immutable; a correction is a new version', async () => {
    expect(await code(`mutation { publishReviewCycle(id: "${cycleId}") { id } }`, {}, evaluator)).toBe(
      'FLAGS_UNWORKED',
    );
    const flags = await ok<{ reviewCycle: { flags: { kind: string; subjectId: string; code: string }[] } }>(
      `{ reviewCycle(id: "${cycleId}") { flags(open: true) { kind subjectId code } } }`,
      {},
      evaluator,
    );
    for (const f of flags.reviewCycle.flags)
      await ok(
        `mutation($i: WorkFlagInput!) { workFlag(input: $i) { disposition } }`,
        {
          i: {
            cycleId,
            kind: f.kind,
            subjectId: f.subjectId,
            code: f.code,
            disposition: 'CONFIRMED',
            note: '已核实，转纪检跟进',
          },
        },
        evaluator,
      );
    const published = await ok<{ publishReviewCycle: { status: string } }>(
      `mutation { publishReviewCycle(id: "${cycleId}") { status publishedAt } }`,
      {},
      evaluator,
    );
    expect(published.publishReviewCycle.status).toBe('PUBLISHED');

    expect(await code(`mutation { runReviewCycle(id: "${cycleId}") { id } }`, {}, evaluator)).toBe(
      'CYCLE_PUBLISHED',
    );
    expect(
      await code(
        `mutation { updateReviewCycle(id: "${cycleId}", input: { name: "改名" }) { id } }`,
        {},
        admin,
      ),
    ).toBe('CYCLE_PUBLISHED');
    // The database refuses too.
    await expect(
      sg.database.dataSource.query(`UPDATE evaluations.cycle_result SET score = 100 WHERE cycle_id = $1`, [
        cycleId,
      ]),
    ).rejects.toThrow(/cannot change/);
    await expect(
      sg.database.dataSource.query(`UPDATE evaluations.review_cycle SET name = 'x' WHERE id = $1`, [cycleId]),
    ).rejects.toThrow(/cannot change/);

    // Department.score: the department sees its own, not another's.
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Department { score(period: "${PERIOD}") { ${SCORE} } ranking { periodLabel rank rankedOf } } } }`;
    const own = await ok<{ _entities: { score: Record<string, any>; ranking: unknown[] }[] }>(
      q,
      { r: [{ __typename: 'Department', id: GOOD }] },
      staff(GOOD),
    );
    expect(own._entities[0]!.score).toMatchObject({ rank: 1, provisional: false });
    expect(own._entities[0]!.ranking).toEqual([expect.objectContaining({ periodLabel: PERIOD, rank: 1 })]);
    const res = await sg.query(q, { r: [{ __typename: 'Department', id: GOOD }] }, staff(LUQIAO));
    expect(res.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');

    // A correction: new version with a reason; publishing it supersedes the first.
    expect(
      await code(`mutation { correctReviewCycle(id: "${cycleId}", reason: "短") { id } }`, {}, evaluator),
    ).toBe('INVALID_TEXT');
    const corrected = await ok<{
      correctReviewCycle: { id: string; version: number; status: string; corrects: { id: string } };
    }>(
      `mutation { correctReviewCycle(id: "${cycleId}", reason: "回访记录补录后重新计算满意度权重", input: { weights: { SATISFACTION: 0.25, RESOLUTION: 0.3 } }) { id version status corrects { id } } }`,
      {},
      evaluator,
    );
    expect(corrected.correctReviewCycle).toMatchObject({
      version: 2,
      status: 'OPEN',
      corrects: { id: cycleId },
    });
    const v2 = corrected.correctReviewCycle.id;
    await ok(`mutation { runReviewCycle(id: "${v2}") { id } }`, {}, evaluator);
    // Flags worked in version 1 are worked again in version 2 only by hand.
    const open = await ok<{ reviewCycle: { flags: { kind: string; subjectId: string; code: string }[] } }>(
      `{ reviewCycle(id: "${v2}") { flags(open: true) { kind subjectId code } } }`,
      {},
      evaluator,
    );
    for (const f of open.reviewCycle.flags)
      await ok(
        `mutation($i: WorkFlagInput!) { workFlag(input: $i) { disposition } }`,
        {
          i: {
            cycleId: v2,
            kind: f.kind,
            subjectId: f.subjectId,
            code: f.code,
            disposition: 'NOTED',
            note: '更正版本沿用处理意见',
          },
        },
        evaluator,
      );
    await ok(`mutation { publishReviewCycle(id: "${v2}") { id } }`, {}, evaluator);
    const first = await ok<{
      reviewCycle: { status: string; versions: { version: number; status: string }[] };
    }>(`{ reviewCycle(id: "${cycleId}") { status versions { version status } } }`, {}, evaluator);
    expect(first.reviewCycle.status).toBe('SUPERSEDED');
    expect(first.reviewCycle.versions).toEqual([
      { version: 1, status: 'SUPERSEDED' },
      { version: 2, status: 'PUBLISHED' },
    ]);
    const latest = await ok<{
      _entities: { score: { components: { component: string; weight: number }[] } }[];
    }>(q, { r: [{ __typename: 'Department', id: GOOD }] }, admin);
    expect(latest._entities[0]!.score.components.find((c) => c.component === 'SATISFACTION')!.weight).toBe(
      0.25,
    );
  });

  it('exports CSV and a printable report with charts', async () => {
    const d = await ok<{ reviewCycle: { csv: string; reportHtml: string } }>(
      `{ reviewCycle(id: "${cycleId}") { csv reportHtml } }`,
      {},
      evaluator,
    );
    const lines = d.reviewCycle.csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^排名,名称/);
    expect(lines[1]).toContain('路桥区好办局');
    expect(lines.some((l) => l.includes('路桥区不能办局') && l.includes('满意度虚高'))).toBe(true);
    expect(d.reviewCycle.reportHtml).toContain('<svg');
    expect(d.reviewCycle.reportHtml).toContain('路桥区不能办局');
    expect(await code(`{ reviewCycle(id: "${cycleId}") { csv } }`, {}, staff(GOOD))).toBe('FORBIDDEN');
  });
});

describe('cadre scores', () => {
  it('credits appeals to the cadre whose visit raised them, or the primary paired cadre, and scores them in the cycle', async () => {
    const C1 = randomUUID();
    const C2 = randomUUID();
    const E = randomUUID();
    const V = randomUUID();
    const D = randomUUID();
    await bus.publish(department(D, 'LQ-CADRE', '路桥区服务员所在局'));
    await bus.publish(
      envelope('CadrePaired', C1, {
        pairingId: randomUUID(),
        cadreId: C1,
        departmentId: D,
        enterpriseId: E,
        level: 'COUNTY',
        primary: true,
        fromDate: '2025-01-01',
        keyEnterpriseException: false,
      }),
    );
    const paired = await answered(E, D, 'RESOLVED');
    // A visit recorded after the appeal arrived still credits it (events may come in any order).
    const visited = await answered(E, D, 'RESOLVED', DAY, { visitId: V });
    await bus.publish(
      envelope('VisitRecorded', V, {
        visitId: V,
        cadreId: C2,
        departmentId: D,
        enterpriseId: E,
        serviceGroupId: null,
        visitedOn: '2026-11-01',
        kind: 'ON_SITE',
        questions: [],
        problems: [],
      }),
    );
    const rows = await sg.database.dataSource.query(
      `SELECT issue_id, cadre_id FROM evaluations.answer WHERE issue_id = ANY ($1::uuid[])`,
      [[paired.id, visited.id]],
    );
    const credit = new Map(rows.map((r: { issue_id: string; cadre_id: string }) => [r.issue_id, r.cadre_id]));
    expect(credit.get(paired.id)).toBe(C1);
    expect(credit.get(visited.id)).toBe(C2);

    const c = await ok<{ openReviewCycle: { id: string } }>(
      `mutation { openReviewCycle(input: { name: "服务员评议", period: "${PERIOD}", regionCode: "${REGION}" }) { id } }`,
      {},
      evaluator,
    );
    await ok(`mutation { runReviewCycle(id: "${c.openReviewCycle.id}") { id } }`, {}, evaluator);
    const cadre: Viewer = { sub: 'c1', roles: [Role.CADRE], cadreId: C1 };
    const d = await ok<{
      _entities: { score: { figures: { answers: number }; provisional: boolean } | null }[];
    }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Cadre { score(period: "${PERIOD}", includeUnpublished: true) { figures { answers } provisional } } } }`,
      { r: [{ __typename: 'Cadre', id: C1 }] },
      evaluator,
    );
    expect(d._entities[0]!.score).toEqual({ figures: { answers: 1 }, provisional: true });
    // Unpublished runs are not scores for anyone else.
    const mine = await ok<{ _entities: { score: unknown }[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Cadre { score(period: "${PERIOD}", includeUnpublished: true) { score } } } }`,
      { r: [{ __typename: 'Cadre', id: C1 }] },
      cadre,
    );
    expect(mine._entities[0]!.score).toBeNull();

    // Published, the score and rank are the cadre's own, its department's and the evaluators'
    // (src/access-rules.ts); for any other cadre or department they are null and empty, exactly
    // like a cadre never scored; roles without a grant are refused.
    const cycleId = c.openReviewCycle.id;
    const flags = await ok<{ reviewCycle: { flags: { kind: string; subjectId: string; code: string }[] } }>(
      `{ reviewCycle(id: "${cycleId}") { flags(open: true) { kind subjectId code } } }`,
      {},
      evaluator,
    );
    for (const f of flags.reviewCycle.flags)
      await ok(
        `mutation($i: WorkFlagInput!) { workFlag(input: $i) { disposition } }`,
        { i: { cycleId, ...f, disposition: 'CONFIRMED', note: '已核实，样本确实偏少' } },
        evaluator,
      );
    await ok(`mutation { publishReviewCycle(id: "${cycleId}") { id } }`, {}, evaluator);
    const results = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Cadre { score(period: "${PERIOD}") { figures { answers } } ranking { rank } } } }`;
    const resultsAs = async (viewer: Viewer) =>
      (
        await ok<{ _entities: { score: unknown; ranking: unknown[] }[] }>(
          results,
          { r: [{ __typename: 'Cadre', id: C1 }] },
          viewer,
        )
      )._entities[0]!;
    // One published cycle (the cadre's rank is null there: one answer is a small sample).
    const seen = { score: { figures: { answers: 1 } }, ranking: [{ rank: null }] };
    expect(await resultsAs(cadre)).toEqual(seen);
    expect(await resultsAs(staff(D))).toEqual(seen);
    expect(await resultsAs(evaluator)).toEqual(seen);
    const hidden = { score: null, ranking: [] };
    expect(await resultsAs({ sub: 'c2', roles: [Role.CADRE], cadreId: C2 })).toEqual(hidden);
    expect(await resultsAs(staff(D1))).toEqual(hidden);
    expect(
      await resultsAs({ sub: 'l', roles: [Role.LEADER], departmentId: D1, regionCode: '331003' }),
    ).toEqual(hidden);
    const refused = await sg.query(results, { r: [{ __typename: 'Cadre', id: C1 }] }, enterprise(E));
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE' });
  });
});

describe('observer reviews (观察员)', () => {
  it('records a review with a clear error for bad input, and weighs it in the department’s score', async () => {
    const input = {
      departmentId: D1,
      observerName: '陈律师',
      observerKind: 'LAWYER',
      reviewedOn: '2026-11-02',
      findings: '窗口办事流程清晰，答复依据充分。',
      verdict: 'GOOD',
    };
    const m = `mutation($i: ObserverReviewInput!) { recordObserverReview(input: $i) { id verdict department { id } } }`;
    expect(await code(m, { i: { ...input, findings: '太短' } }, evaluator)).toBe('INVALID_TEXT');
    expect(await code(m, { i: { ...input, departmentId: randomUUID() } }, evaluator)).toBe(
      'UNKNOWN_DEPARTMENT',
    );
    expect(await code(m, { i: input }, staff(D1))).toBe('FORBIDDEN');
    const d = await ok<{ recordObserverReview: { verdict: string } }>(m, { i: input }, evaluator);
    expect(d.recordObserverReview.verdict).toBe('GOOD');
    const seen = await ok<{ observerReviews: { observerName: string }[] }>(
      `{ observerReviews(departmentId: "${D1}") { observerName } }`,
      {},
      staff(D1),
    );
    expect(seen.observerReviews).toEqual([{ observerName: '陈律师' }]);
  });
});

describe('the projection', () => {
  it('is rebuilt by replaying the events it heard, to the same state', async () => {
    const snapshot = async () => {
      const out: Record<string, unknown[]> = {};
      for (const [t, key] of [
        ['appeal', 'issue_id'],
        ['answer', 'issue_id, round'],
        ['refusal', 'refusal_id'],
        ['department', 'id'],
        ['pairing', 'pairing_id'],
        ['visit', 'id'],
      ] as const)
        out[t] = await sg.database.dataSource.query(`SELECT * FROM evaluations.${t} ORDER BY ${key}`);
      return out;
    };
    const before = await snapshot();
    expect(before['answer']!.length).toBeGreaterThan(50);
    await sg.services.projections.forget();
    expect((await snapshot())['answer']).toEqual([]);
    // Replayed twice: idempotent per event id.
    await sg.services.projections.handleMany(heard);
    await sg.services.projections.handleMany(heard);
    expect(await snapshot()).toEqual(before);
  });
});
