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
import type { IssuesServices } from '../src/context';
import { buildIssuesSchema, issuesSubgraph } from '../src/subgraph';

/**
 * Every list with a page argument returns at most the page asked for: five alike appeals of one
 * enterprise, paired with a cadre and assigned to a department, asked for pages of 1 and 2.
 */

let sg: TestSubgraph<IssuesServices>;
const bus = new InProcessEventBus();

const E1 = randomUUID();
const D1 = randomUUID();
const C1 = randomUUID();
const admin: Viewer = { sub: 'admin', name: '管理员', roles: [Role.ADMIN] };
const ids: string[] = [];

const TITLE = '厂房扩建用地指标不足';
const DESCRIPTION = '企业计划扩建二期厂房，已完成设计，但用地指标迟迟未能落实，项目无法开工。';

function envelope(type: string, aggregateId: string, payload: unknown): EventEnvelope {
  return {
    id: randomUUID(),
    type,
    version: 1,
    occurredAt: new Date().toISOString(),
    source: 'test',
    aggregateType: type,
    aggregateId,
    payload,
  };
}

async function ok<T = Record<string, any>>(doc: string, vars: Record<string, unknown>): Promise<T> {
  const res = await sg.query<T>(doc, vars, admin);
  if (res.errors) throw new Error(JSON.stringify(res.errors, null, 2));
  return res.data as T;
}

beforeAll(async () => {
  sg = await startTestSubgraph(issuesSubgraph, { bus });
  for (const e of [
    envelope('EnterpriseRegistered', E1, {
      enterprise: {
        id: E1,
        name: '台州示范机电有限公司',
        creditCode: '91331004MA2AAAAAA0',
        regionCode: '331004001',
        industryCode: '34',
        scale: 'ABOVE_DESIGNATED',
        tags: [],
        employees: 10,
        registeredCapital: 100,
        foundedOn: null,
        parks: [],
      },
    }),
    envelope('DepartmentChanged', D1, {
      department: {
        id: D1,
        code: 'LQ-ZRZY',
        name: '路桥区自然资源和规划分局',
        shortName: '自然资源',
        level: 'COUNTY',
        regionCode: '331004',
        parentId: null,
        domains: ['LAND'],
        active: true,
        members: [],
      },
    }),
    envelope('CadrePaired', C1, {
      pairingId: randomUUID(),
      cadreId: C1,
      departmentId: D1,
      enterpriseId: E1,
      level: 'COUNTY',
      primary: true,
      fromDate: '2026-01-01',
      keyEnterpriseException: false,
    }),
  ])
    await bus.publish(e);
  for (let i = 0; i < 5; i++) {
    const { submitIssue } = await ok<{ submitIssue: { id: string } }>(
      `mutation($i: SubmitIssueInput!) { submitIssue(input: $i) { id } }`,
      { i: { enterpriseId: E1, title: TITLE, description: DESCRIPTION, categories: ['LAND'] } },
    );
    const id = submitIssue.id;
    ids.push(id);
    await ok(`mutation($id: ID!) { acceptIssue(id: $id) { id } }`, { id });
    await ok(`mutation($id: ID!, $i: AssignIssueInput!) { assignIssue(id: $id, input: $i) { id } }`, {
      id,
      i: { leadDepartmentId: D1 },
    });
  }
});

afterAll(async () => {
  await sg?.stop();
});

const entity = (typename: string, id: string): PageProbe => ({
  field: `${typename}.issues`,
  document: `query($n: Int!, $r: [_Any!]!) { _entities(representations: $r) { ... on ${typename} { issues(first: $n) { id } } } }`,
  variables: { r: [{ __typename: typename, id }] },
  viewer: admin,
  page: (d) => ({ items: d._entities[0].issues }),
});

const probes = (): PageProbe[] => [
  {
    field: 'Query.issues',
    document: `query($n: Int!) { issues(first: $n) { edges { node { id } } pageInfo { hasNextPage } } }`,
    viewer: admin,
    page: (d) => ({ items: d.issues.edges, hasNextPage: d.issues.pageInfo.hasNextPage }),
  },
  {
    field: 'Query.similarIssues',
    document: `query($n: Int!, $t: String!, $d: String!) { similarIssues(title: $t, description: $d, categories: [LAND], first: $n) { issue { id } } }`,
    variables: { t: TITLE, d: DESCRIPTION },
    viewer: admin,
    page: (d) => ({ items: d.similarIssues }),
  },
  {
    field: 'Issue.similar',
    document: `query($n: Int!, $id: ID!) { issue(id: $id) { similar(first: $n) { issue { id } } } }`,
    variables: { id: ids[0] },
    viewer: admin,
    page: (d) => ({ items: d.issue.similar }),
  },
  entity('Enterprise', E1),
  entity('Department', D1),
  entity('Cadre', C1),
];

describe('page sizes', () => {
  it('probes every field of the subgraph that takes a page argument', async () => {
    const { schema } = await buildIssuesSchema();
    expect(unprobedPagedFields(schema, probes())).toEqual([]);
  });

  it('never returns more than the page asked for', async () => {
    expect(await pageSizeProblems(sg, probes())).toEqual([]);
  });
});
