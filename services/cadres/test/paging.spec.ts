import { randomUUID } from 'node:crypto';
import { EnterpriseScale, Role, type EventEnvelope, type Viewer } from '@sfw/shared-types';
import { InProcessEventBus } from '@sfw/subgraph-kit';
import {
  pageSizeProblems,
  startTestSubgraph,
  unprobedPagedFields,
  type PageProbe,
  type TestSubgraph,
} from '@sfw/subgraph-kit/testing';
import { addDays, todayInChina } from '../src/common';
import type { CadresServices } from '../src/context';
import { buildCadresSchema, cadresSubgraph } from '../src/subgraph';

/**
 * Every list with a page argument returns at most the page asked for. The seed: six non-key
 * enterprises; three county cadres who visited (one of them three times), three who did not, one
 * of whom left three enterprises waiting for a new cadre; a city cadre paired with three non-key
 * enterprises (exceptions). Asked for pages of 1 and 2.
 */

let sg: TestSubgraph<CadresServices>;
const bus = new InProcessEventBus();
const admin: Viewer = { sub: 'u-admin', roles: [Role.ADMIN] };
const today = todayInChina();
const MONTH = today.slice(0, 7);
const enterprises = Array.from({ length: 6 }, () => randomUUID());

async function ok<T = Record<string, any>>(
  doc: string,
  vars: Record<string, unknown> = {},
  viewer: Viewer = admin,
): Promise<T> {
  const res = await sg.query<T>(doc, vars, viewer);
  if (res.errors) throw new Error(JSON.stringify(res.errors, null, 2));
  return res.data as T;
}

function registered(id: string, i: number): EventEnvelope {
  return {
    id: randomUUID(),
    type: 'EnterpriseRegistered',
    version: 1,
    occurredAt: new Date().toISOString(),
    source: 'enterprises',
    aggregateType: 'Enterprise',
    aggregateId: id,
    payload: {
      enterprise: {
        id,
        name: `台州分页测试企业${i}有限公司`,
        creditCode: `91331004MA2${id.slice(0, 7).toUpperCase()}`.slice(0, 18).padEnd(18, '0'),
        regionCode: '331004001',
        industryCode: '34',
        scale: EnterpriseScale.ABOVE_DESIGNATED,
        tags: [],
        employees: 100,
        registeredCapital: 1000,
        foundedOn: '2010-01-01',
        parks: [],
      },
    },
  };
}

const department = async (input: Record<string, unknown>) =>
  (
    await ok<{ createDepartment: { id: string } }>(
      `mutation($input: CreateDepartmentInput!) { createDepartment(input: $input) { id } }`,
      { input },
    )
  ).createDepartment.id;

const cadre = async (staffNo: string, name: string, departmentId: string) =>
  (
    await ok<{ createCadre: { id: string } }>(
      `mutation($input: CreateCadreInput!) { createCadre(input: $input) { id } }`,
      { input: { staffNo, name, departmentId, specialties: ['ENERGY'], phone: '13800000001' } },
    )
  ).createCadre.id;

const pair = (cadreId: string, enterpriseId: string) =>
  ok(`mutation($input: PairCadreInput!) { pairCadre(input: $input) { outcome } }`, {
    input: { cadreId, enterpriseId, fromDate: addDays(today, -60) },
  });

const visit = (cadreId: string, enterpriseId: string, question: string) =>
  ok(
    `mutation($input: RecordVisitInput!) { recordVisit(input: $input) { id } }`,
    { input: { enterpriseId, visitedOn: today, kind: 'ON_SITE', questions: [question], problems: [] } },
    { sub: `u-${cadreId}`, roles: [Role.CADRE], cadreId },
  );

beforeAll(async () => {
  sg = await startTestSubgraph(cadresSubgraph, { bus });
  for (const [i, id] of enterprises.entries()) await bus.publish(registered(id, i));
  const city = await department({
    code: 'TZ-JXJ',
    name: '台州市经济和信息化局',
    shortName: '市经信局',
    level: 'CITY',
    regionCode: '331000',
    domains: ['ENERGY'],
  });
  const county = await department({
    code: 'LQ-JXJ',
    name: '台州市路桥区经济和信息化局',
    shortName: '路桥区经信局',
    level: 'COUNTY',
    regionCode: '331004',
    parentId: city,
    domains: ['ENERGY'],
  });
  const [e1, e2, e3, e4, e5, e6] = enterprises as [string, string, string, string, string, string];
  const a = await cadre('LQ-0001', '林甲', county);
  const b = await cadre('LQ-0002', '周乙', county);
  const c = await cadre('LQ-0003', '吴丙', county);
  await cadre('LQ-0004', '郑丁', county);
  await cadre('LQ-0005', '王戊', county);
  const leaving = await cadre('LQ-0006', '冯己', county);
  const cityCadre = await cadre('TZ-0001', '陈市级', city);
  await pair(a, e1);
  await pair(b, e2);
  await pair(c, e3);
  for (const e of [e4, e5, e6]) {
    await pair(leaving, e);
    await pair(cityCadre, e); // no key tag: an exception
  }
  for (const q of ['POLICY', 'OPERATIONS', 'PROJECTS']) await visit(a, e1, q);
  await visit(b, e2, 'POLICY');
  await visit(c, e3, 'POLICY');
  await ok(`mutation($id: ID!) { deactivateCadre(id: $id, reason: "调任其他岗位") { cadre { id } } }`, {
    id: leaving,
  });
});

afterAll(async () => {
  await sg?.stop();
});

const connection = (field: string, document: string, variables: Record<string, unknown> = {}): PageProbe => {
  const name = field.split('.')[1]!;
  return {
    field,
    document,
    variables,
    viewer: admin,
    page: (d) => ({ items: d[name].edges, hasNextPage: d[name].pageInfo.hasNextPage }),
  };
};

const list = (field: string, document: string): PageProbe => ({
  field,
  document,
  viewer: admin,
  page: (d) => ({ items: d[field.split('.')[1]!] }),
});

const probes = (): PageProbe[] => [
  connection(
    'Query.cadres',
    `query($n: Int!) { cadres(first: $n) { edges { node { id } } pageInfo { hasNextPage } } }`,
  ),
  connection(
    'Query.visits',
    `query($n: Int!) { visits(first: $n) { edges { node { id } } pageInfo { hasNextPage } } }`,
  ),
  connection(
    'Query.cadresWithoutVisit',
    `query($n: Int!, $m: String!) { cadresWithoutVisit(month: $m, first: $n) { edges { node { id } } pageInfo { hasNextPage } } }`,
    { m: MONTH },
  ),
  connection(
    'Query.enterprisesWithoutVisit',
    `query($n: Int!) { enterprisesWithoutVisit(days: 30, first: $n) { edges { node { enterprise { id } } } pageInfo { hasNextPage } } }`,
  ),
  {
    field: 'Query.cadreVisitStats',
    document: `query($n: Int!, $m: String!) { cadreVisitStats(month: $m, first: $n) { top { visits } } }`,
    variables: { m: MONTH },
    viewer: admin,
    page: (d) => ({ items: d.cadreVisitStats.top }),
  },
  list('Query.repairingQueue', `query($n: Int!) { repairingQueue(first: $n) { level } }`),
  list('Query.pairingExceptions', `query($n: Int!) { pairingExceptions(first: $n) { id } }`),
  {
    field: 'Enterprise.visits',
    document: `query($n: Int!, $r: [_Any!]!) { _entities(representations: $r) { ... on Enterprise { visits(first: $n) { id } } } }`,
    variables: { r: [{ __typename: 'Enterprise', id: enterprises[0] }] },
    viewer: admin,
    page: (d) => ({ items: d._entities[0].visits }),
  },
];

describe('page sizes', () => {
  it('probes every field of the subgraph that takes a page argument', async () => {
    const { schema } = await buildCadresSchema();
    expect(unprobedPagedFields(schema, probes())).toEqual([]);
  });

  it('never returns more than the page asked for', async () => {
    expect(await pageSizeProblems(sg, probes())).toEqual([]);
  });
});
