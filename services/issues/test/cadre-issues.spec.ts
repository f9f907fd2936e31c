import { randomUUID } from 'node:crypto';
import { Role, type EventEnvelope, type Viewer } from '@sfw/shared-types';
import { InProcessEventBus } from '@sfw/subgraph-kit';
import { startTestSubgraph, type TestSubgraph } from '@sfw/subgraph-kit/testing';
import type { IssuesServices } from '../src/context';
import { buildIssuesSchema, issuesSubgraph } from '../src/subgraph';

/** `Cadre.issues`: the appeals of the enterprises currently paired with the cadre. */

let sg: TestSubgraph<IssuesServices>;
const bus = new InProcessEventBus();

const E1 = randomUUID();
const E2 = randomUUID();
const E3 = randomUUID();
const C1 = randomUUID();
const C2 = randomUUID();
const D1 = randomUUID();
const P1 = randomUUID();
const P2 = randomUUID();

const admin: Viewer = { sub: 'admin', name: '管理员', roles: [Role.ADMIN] };

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

const enterprise = (id: string, name: string) =>
  envelope('EnterpriseRegistered', id, {
    enterprise: {
      id,
      name,
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
  });

const pairing = (
  type: 'CadrePaired' | 'CadreUnpaired',
  pairingId: string,
  cadreId: string,
  enterpriseId: string,
) =>
  envelope(type, cadreId, {
    pairingId,
    cadreId,
    departmentId: D1,
    enterpriseId,
    level: 'COUNTY',
    primary: true,
    fromDate: '2026-01-01',
    toDate: type === 'CadreUnpaired' ? '2026-06-30' : undefined,
    reason: type === 'CadreUnpaired' ? 'ENDED' : undefined,
    keyEnterpriseException: false,
  });

async function submit(enterpriseId: string): Promise<string> {
  const res = await sg.query<{ submitIssue: { id: string } }>(
    `mutation($i: SubmitIssueInput!) { submitIssue(input: $i) { id } }`,
    {
      i: {
        enterpriseId,
        title: '厂房扩建用地指标不足',
        description: '企业计划扩建二期厂房，已完成设计，但用地指标迟迟未能落实，项目无法开工。',
        categories: ['LAND'],
      },
    },
    admin,
  );
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.submitIssue.id;
}

beforeAll(async () => {
  sg = await startTestSubgraph(issuesSubgraph, { bus });
  for (const e of [
    enterprise(E1, '台州示范机电有限公司'),
    enterprise(E2, '台州另一家企业有限公司'),
    enterprise(E3, '台州第三家企业有限公司'),
    pairing('CadrePaired', P1, C1, E1),
    pairing('CadrePaired', P2, C1, E2),
    pairing('CadreUnpaired', P2, C1, E2),
    pairing('CadrePaired', randomUUID(), C2, E3),
  ])
    await bus.publish(e);
});

afterAll(async () => {
  await sg?.stop();
});

describe('Cadre.issues', () => {
  it('is in the emitted subgraph schema, on a Cadre entity', async () => {
    const { sdl } = await buildIssuesSchema();
    expect(sdl).toMatch(/type Cadre\s+@key\(fields: "id"\)\s*\{[^}]*\bissues\(/);
  });

  it('lists the appeals of the enterprises paired with the cadre now, newest first, one page', async () => {
    const a = await submit(E1);
    const b = await submit(E1);
    await submit(E2); // paired once, no longer
    const c = await submit(E3); // another cadre's enterprise
    const res = await sg.query<{ _entities: { issues: { id: string }[] }[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) {
         ... on Cadre { all: issues(open: false) { id } issues(first: 1) { id } } } }`,
      {
        r: [
          { __typename: 'Cadre', id: C1 },
          { __typename: 'Cadre', id: C2 },
        ],
      },
      admin,
    );
    expect(res.errors).toBeUndefined();
    const [one, two] = res.data!._entities as unknown as {
      all: { id: string }[];
      issues: { id: string }[];
    }[];
    expect(one!.all.map((i) => i.id)).toEqual([b, a]);
    expect(one!.issues.map((i) => i.id)).toEqual([b]);
    expect(two!.all.map((i) => i.id)).toEqual([c]);
  });
});
