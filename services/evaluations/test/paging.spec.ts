import { randomUUID } from 'node:crypto';
import { Role, type EventEnvelope, type Viewer } from '@sfw/shared-types';
import { InProcessEventBus } from '@sfw/subgraph-kit';
import {
  pageSizeProblems,
  startTestSubgraph,
  unprobedPagedFields,
  type PageProbe,
  type TestSubgraph,
} from '@sfw/subgraph-kit/testing';
import type { EvaluationsServices } from '../src/context';
import { buildEvaluationsSchema, evaluationsSubgraph } from '../src/subgraph';

/**
 * Every list with a page argument returns at most the page asked for: a small seed with four rated
 * answers, their callbacks and three published cycles, asked for pages of 1 and 2.
 */

let sg: TestSubgraph<EvaluationsServices>;
const bus = new InProcessEventBus();

const REGION = '331004';
const DAY = 86_400_000;
const now = Date.now();
const answeredAt = now - DAY;
const PERIOD = new Date(answeredAt + 8 * 3_600_000).toISOString().slice(0, 7); // China time
const evaluator: Viewer = { sub: 'eval', name: '评价员', roles: [Role.EVALUATOR] };

const D1 = randomUUID();
const E1 = randomUUID();
const C1 = randomUUID();
const cycles: string[] = [];

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

async function ok<T = Record<string, any>>(doc: string, vars: Record<string, unknown> = {}): Promise<T> {
  const res = await sg.query<T>(doc, vars, evaluator);
  if (res.errors) throw new Error(JSON.stringify(res.errors, null, 2));
  return res.data as T;
}

/** An appeal of E1 answered by D1 a day ago, as the issues subgraph announces it. */
async function answered(): Promise<string> {
  const id = randomUUID();
  const issue = {
    issueId: id,
    enterpriseId: E1,
    regionCode: `${REGION}001`,
    level: 'COUNTY',
    categories: ['LAND'],
    scope: 'INDIVIDUAL',
    source: 'ONLINE',
    leadDepartmentId: D1,
    coDepartmentIds: [],
    submittedAt: new Date(answeredAt - 5 * DAY).toISOString(),
    round: 1,
  };
  for (const e of [
    envelope('IssueSubmitted', id, { issue, visitId: null, title: '用地指标' }, answeredAt - 5 * DAY),
    envelope(
      'IssueAssigned',
      id,
      { issue, planDue: '', feedbackDue: '', closeDue: '', reassignment: false },
      answeredAt - 4 * DAY,
    ),
    envelope(
      'IssueAnswered',
      id,
      {
        issue,
        outcome: 'RESOLVED',
        answeredAt: new Date(answeredAt).toISOString(),
        workdaysTaken: 3,
        onTime: true,
      },
      answeredAt,
    ),
  ])
    await bus.publish(e);
  return id;
}

beforeAll(async () => {
  sg = await startTestSubgraph(evaluationsSubgraph, { bus });
  await bus.publish(
    envelope('DepartmentChanged', D1, {
      department: {
        id: D1,
        code: 'LQ-A',
        name: '路桥区甲局',
        shortName: '甲局',
        level: 'COUNTY',
        regionCode: REGION,
        parentId: null,
        domains: ['LAND'],
        active: true,
        members: [],
      },
    }),
  );
  await bus.publish(
    envelope('CadrePaired', C1, {
      pairingId: randomUUID(),
      cadreId: C1,
      departmentId: D1,
      enterpriseId: E1,
      level: 'COUNTY',
      primary: true,
      fromDate: '2020-01-01',
      keyEnterpriseException: false,
    }),
  );
  for (let i = 0; i < 4; i++) {
    const issueId = await answered();
    const res = await sg.query(
      `mutation($i: RateInput!) { rate(input: $i) { id } }`,
      { i: { issueId, level: 'VERY_SATISFIED' } },
      { sub: 'ent', roles: [Role.ENTERPRISE], enterpriseId: E1 },
    );
    if (res.errors) throw new Error(JSON.stringify(res.errors));
  }
  // Three published cycles scoring D1 and C1, each with a callback for every answer.
  for (let i = 1; i <= 3; i++) {
    const { openReviewCycle } = await ok<{ openReviewCycle: { id: string } }>(
      `mutation($i: OpenCycleInput!) { openReviewCycle(input: $i) { id } }`,
      {
        i: {
          name: `分页测试第${i}次`,
          period: PERIOD,
          regionCode: REGION,
          sampling: { share: 1, seed: i },
        },
      },
    );
    const id = openReviewCycle.id;
    cycles.push(id);
    await ok(`mutation($id: ID!) { drawCallbacks(id: $id) { drawn } }`, { id });
    await ok(`mutation($id: ID!) { runReviewCycle(id: $id) { id } }`, { id });
    const { reviewCycle } = await ok<{
      reviewCycle: { flags: { kind: string; subjectId: string; code: string }[] };
    }>(`query($id: ID!) { reviewCycle(id: $id) { flags(open: true) { kind subjectId code } } }`, { id });
    for (const f of reviewCycle.flags)
      await ok(`mutation($i: WorkFlagInput!) { workFlag(input: $i) { disposition } }`, {
        i: {
          cycleId: id,
          kind: f.kind,
          subjectId: f.subjectId,
          code: f.code,
          disposition: 'NOTED',
          note: '分页测试，已知悉',
        },
      });
    await ok(`mutation($id: ID!) { publishReviewCycle(id: $id) { id } }`, { id });
  }
});

afterAll(async () => {
  await sg?.stop();
});

const entity = (typename: string, id: string, field: string): PageProbe => ({
  field: `${typename}.${field}`,
  document: `query($n: Int!, $r: [_Any!]!) { _entities(representations: $r) { ... on ${typename} { ${field}(last: $n) { periodLabel } } } }`,
  variables: { r: [{ __typename: typename, id }] },
  viewer: evaluator,
  page: (d) => ({ items: d._entities[0][field] }),
});

const probes = (): PageProbe[] => [
  {
    field: 'Query.ratings',
    document: `query($n: Int!) { ratings(first: $n) { id } }`,
    viewer: evaluator,
    page: (d) => ({ items: d.ratings }),
  },
  {
    field: 'ReviewCycle.callbacks',
    document: `query($n: Int!, $id: ID!) { reviewCycle(id: $id) { callbacks(first: $n) { nodes { id } } } }`,
    variables: { id: cycles[0] },
    viewer: evaluator,
    page: (d) => ({ items: d.reviewCycle.callbacks.nodes }),
  },
  entity('Department', D1, 'ranking'),
  entity('Cadre', C1, 'ranking'),
];

describe('page sizes', () => {
  it('probes every field of the subgraph that takes a page argument', async () => {
    const { schema } = await buildEvaluationsSchema();
    expect(unprobedPagedFields(schema, probes())).toEqual([]);
  });

  it('never returns more than the page asked for', async () => {
    expect(await pageSizeProblems(sg, probes())).toEqual([]);
  });
});
