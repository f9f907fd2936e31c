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
import type { PoliciesServices } from '../src/context';
import { buildPoliciesSchema, policiesSubgraph } from '../src/subgraph';

/**
 * Every list with a page argument returns at most the page asked for: four enterprises, four
 * published policies every one of them is eligible for, and four applications, asked for pages
 * of 1 and 2.
 */

let sg: TestSubgraph<PoliciesServices>;
const bus = new InProcessEventBus();

const D1 = randomUUID();
const admin: Viewer = { sub: 'admin', roles: [Role.ADMIN] };
const staff: Viewer = { sub: 'lq', roles: [Role.DEPARTMENT], departmentId: D1 };
const enterprises = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
const policies: string[] = [];

let at = Date.now() - 86_400_000;
function envelope(type: string, aggregateId: string, payload: unknown): EventEnvelope {
  at += 1000;
  return {
    id: randomUUID(),
    type,
    version: 1,
    occurredAt: new Date(at).toISOString(),
    source: 'test',
    aggregateType: type,
    aggregateId,
    payload,
  };
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

beforeAll(async () => {
  sg = await startTestSubgraph(policiesSubgraph, { bus });
  await bus.publish(
    envelope('DepartmentChanged', D1, {
      department: {
        id: D1,
        code: 'LQ-JXJ',
        name: '路桥区经济和信息化局',
        shortName: '区经信局',
        level: 'COUNTY',
        regionCode: '331004',
        parentId: null,
        domains: [],
        active: true,
        members: [],
      },
    }),
  );
  for (const id of enterprises)
    await bus.publish(
      envelope('EnterpriseRegistered', id, {
        enterprise: {
          id,
          name: '台州测试企业有限公司',
          creditCode: '91331004MA2AAAAAA0',
          regionCode: '331004001',
          industryCode: '3612',
          scale: 'ABOVE_DESIGNATED',
          tags: [],
          employees: 120,
          registeredCapital: 5000,
          foundedOn: '2015-06-01',
          parks: [],
        },
      }),
    );
  for (let i = 1; i <= 4; i++) {
    const { createPolicy } = await ok<{ createPolicy: { id: string } }>(
      `mutation($i: PolicyInput!) { createPolicy(input: $i) { id } }`,
      {
        i: {
          title: `路桥区企业稳岗补助第${i}批`,
          summary: '对路桥区企业给予稳岗补助，按户定额发放。',
          regionCode: '331004',
          category: 'EMPLOYMENT',
          benefitKind: 'SUBSIDY',
          amountRule: { kind: 'FIXED', amount: 10000 },
          materials: [],
          rule: { all: [{ attr: 'region', in: ['331004'] }] },
          validFrom: '2026-01-01',
          payoutWorkdays: 10,
        },
      },
      staff,
    );
    policies.push(createPolicy.id);
    await ok(`mutation($id: ID!) { publishPolicy(id: $id) { id } }`, { id: createPolicy.id }, staff);
  }
  for (const enterpriseId of enterprises)
    await ok(
      `mutation($i: ApplyInput!) { applyForPolicy(input: $i) { id } }`,
      { i: { policyId: policies[0], enterpriseId } },
      admin,
    );
});

afterAll(async () => {
  await sg?.stop();
});

const probes = (): PageProbe[] => [
  {
    field: 'Query.policies',
    document: `query($n: Int!) { policies(first: $n) { nodes { id } } }`,
    viewer: admin,
    page: (d) => ({ items: d.policies.nodes }),
  },
  {
    field: 'Query.policyApplications',
    document: `query($n: Int!) { policyApplications(first: $n) { nodes { id } } }`,
    viewer: admin,
    page: (d) => ({ items: d.policyApplications.nodes }),
  },
  {
    field: 'Policy.eligibleEnterprises',
    document: `query($n: Int!, $id: ID!) { policy(id: $id) { eligibleEnterprises(first: $n) { nodes { id } } } }`,
    variables: { id: policies[0] },
    viewer: admin,
    page: (d) => ({ items: d.policy.eligibleEnterprises.nodes }),
  },
];

describe('page sizes', () => {
  it('probes every field of the subgraph that takes a page argument', async () => {
    const { schema } = await buildPoliciesSchema();
    expect(unprobedPagedFields(schema, probes())).toEqual([]);
  });

  it('never returns more than the page asked for', async () => {
    expect(await pageSizeProblems(sg, probes())).toEqual([]);
  });
});
