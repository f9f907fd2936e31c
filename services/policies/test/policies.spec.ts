import { randomUUID } from 'node:crypto';
import { Role, type EventEnvelope, type Viewer } from '@sfw/shared-types';
import { InProcessEventBus } from '@sfw/subgraph-kit';
import { startTestSubgraph, type TestSubgraph } from '@sfw/subgraph-kit/testing';
import { WorkCalendar } from '@sfw/workdays';
import type { PoliciesServices } from '../src/context';
import { policiesSubgraph } from '../src/subgraph';

let sg: TestSubgraph<PoliciesServices>;
const bus = new InProcessEventBus();

const D_CITY = randomUUID();
const D_LQ = randomUUID();
const admin: Viewer = { sub: 'admin', roles: [Role.ADMIN] };
const evaluator: Viewer = { sub: 'eval', roles: [Role.EVALUATOR] };
const city: Viewer = { sub: 'jxj', roles: [Role.DEPARTMENT], departmentId: D_CITY };
const luqiao: Viewer = { sub: 'lq', roles: [Role.DEPARTMENT], departmentId: D_LQ };
const C1 = randomUUID();

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

const department = (id: string, name: string, level: string, regionCode: string) =>
  envelope('DepartmentChanged', id, {
    department: {
      id,
      code: name,
      name,
      shortName: name,
      level,
      regionCode,
      parentId: null,
      domains: [],
      active: true,
      members: [],
    },
  });

interface Ent {
  id: string;
  regionCode: string;
  industryCode: string;
  scale: string;
  tags: string[];
  employees: number | null;
  registeredCapital: number | null;
  foundedOn: string | null;
  parks: string[];
  /** The enterprises subgraph's change-record version (default 3). */
  version?: number;
}
const snapshot = (e: Ent, name = '台州测试企业有限公司') => ({
  enterprise: { version: 3, ...e, name, creditCode: '91331004MA2AAAAAA0' },
});
const register = (e: Ent) => bus.publish(envelope('EnterpriseRegistered', e.id, snapshot(e)));
const update = (e: Ent) =>
  bus.publish(envelope('EnterpriseUpdated', e.id, { ...snapshot(e), changed: ['tags'] }));

const ent = (over: Partial<Ent>): Ent => ({
  id: randomUUID(),
  regionCode: '331004001',
  industryCode: '3612',
  scale: 'ABOVE_DESIGNATED',
  tags: [],
  employees: 120,
  registeredCapital: 5000,
  foundedOn: '2015-06-01',
  parks: [],
  ...over,
});

// Four enterprises: a Luqiao specialised one, a Luqiao small one, a Jiaojiang one, a young one.
const E1 = ent({ tags: ['专精特新'] });
const E2 = ent({ scale: 'SMALL_MICRO', employees: 12, industryCode: '5191' });
const E3 = ent({ regionCode: '331002001', tags: ['专精特新'] });
const E4 = ent({ foundedOn: new Date(Date.now() - 400 * 86_400_000).toISOString().slice(0, 10) });
const enterprise = (e: Ent): Viewer => ({
  sub: `ent-${e.id.slice(0, 4)}`,
  roles: [Role.ENTERPRISE],
  enterpriseId: e.id,
});

async function ok<T = Record<string, any>>(
  doc: string,
  vars: Record<string, unknown>,
  viewer: Viewer,
): Promise<T> {
  const res = await sg.query<T>(doc, vars, viewer);
  if (res.errors) throw new Error(JSON.stringify(res.errors, null, 2));
  return res.data as T;
}
async function fails(doc: string, vars: Record<string, unknown>, viewer: Viewer) {
  const res = await sg.query(doc, vars, viewer);
  expect(res.errors).toBeDefined();
  return res.errors![0]!.extensions as Record<string, any>;
}

const CREATE = `mutation($i: PolicyInput!) { createPolicy(input: $i) { id status version ruleText amountText } }`;
const PUBLISH = `mutation($id: ID!) { publishPolicy(id: $id) { id status eligibleCount } }`;
const TECH = {
  title: '专精特新企业研发投入补助',
  summary: '对路桥区专精特新制造业企业的研发投入给予补助。',
  regionCode: '331004',
  category: 'TECH_INNOVATION',
  benefitKind: 'SUBSIDY',
  amountRule: { kind: 'SHARE', baseLabel: '研发投入', share: 0.1, cap: 2000000 },
  materials: ['营业执照', '研发费用专项审计报告'],
  rule: {
    all: [
      { attr: 'region', in: ['331004'] },
      { attr: 'industry', in: ['C'] },
      { attr: 'tags', any: ['专精特新'] },
    ],
  },
  validFrom: '2026-01-01',
  payoutWorkdays: 10,
};

beforeAll(async () => {
  sg = await startTestSubgraph(policiesSubgraph, { bus });
  await bus.publish(department(D_CITY, '台州市经济和信息化局', 'CITY', '331000'));
  await bus.publish(department(D_LQ, '路桥区经济和信息化局', 'COUNTY', '331004'));
  for (const e of [E1, E2, E3, E4]) await register(e);
  await bus.publish(
    envelope('CadrePaired', C1, {
      pairingId: randomUUID(),
      cadreId: C1,
      departmentId: D_LQ,
      enterpriseId: E1.id,
      level: 'COUNTY',
      primary: true,
      fromDate: '2026-01-01',
      keyEnterpriseException: false,
    }),
  );
});

afterAll(async () => {
  await sg?.stop();
});

describe('policies and eligibility', () => {
  let techId: string;

  it('refuses a bad rule with the path of every bad part, and a policy outside the department’s region', async () => {
    const e = await fails(
      CREATE,
      {
        i: {
          ...TECH,
          rule: {
            all: [
              { attr: 'revenue', min: 1 },
              { attr: 'employees', min: 'many' },
            ],
          },
          amountRule: { kind: 'SHARE', baseLabel: '研发投入', share: 2, cap: null },
        },
      },
      luqiao,
    );
    const fields = (e['problems'] as { field: string }[]).map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['rule.all[0].attr', 'rule.all[1].min']));
    expect(fields.some((f) => f.startsWith('amountRule'))).toBe(true);
    const outside = await fails(CREATE, { i: { ...TECH, regionCode: '331002' } }, luqiao);
    expect(outside['code']).toBe('REGION_OUTSIDE_DEPARTMENT');
    expect((await fails(CREATE, { i: TECH }, enterprise(E1)))['code']).toBe('FORBIDDEN');
    expect((await fails(CREATE, { i: { ...TECH, departmentId: D_CITY } }, luqiao))['code']).toBe('FORBIDDEN');
  });

  it('publishes a policy and matches exactly the enterprises its rule accepts; pushes once', async () => {
    const created = await ok<{
      createPolicy: { id: string; status: string; ruleText: string; amountText: string };
    }>(CREATE, { i: TECH }, luqiao);
    expect(created.createPolicy.status).toBe('DRAFT');
    expect(created.createPolicy.amountText).toContain('10%');
    techId = created.createPolicy.id;
    // A draft is not visible to enterprises.
    const hidden = await ok<{ policy: unknown }>(`{ policy(id: "${techId}") { id } }`, {}, enterprise(E1));
    expect(hidden.policy).toBeNull();
    const pub = await ok<{ publishPolicy: { status: string; eligibleCount: number } }>(
      PUBLISH,
      { id: techId },
      luqiao,
    );
    // E1 only: E2 is a small trader, E3 is in Jiaojiang, E4 has no tag.
    expect(pub.publishPolicy).toEqual({ id: techId, status: 'PUBLISHED', eligibleCount: 1 } as never);
    const mine = await ok<{
      _entities: {
        eligiblePolicies: { policy: { id: string }; conditions: { holds: boolean }[] }[];
        policyPushes: { read: boolean }[];
      }[];
    }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Enterprise { eligiblePolicies { policy { id } conditions { text holds } maxAmount } policyPushes { read policy { id } } } } }`,
      { r: [{ __typename: 'Enterprise', id: E1.id }] },
      enterprise(E1),
    );
    expect(mine._entities[0]!.eligiblePolicies.map((x) => x.policy.id)).toEqual([techId]);
    expect(mine._entities[0]!.eligiblePolicies[0]!.conditions.every((c) => c.holds)).toBe(true);
    expect(mine._entities[0]!.policyPushes).toHaveLength(1);
    // Why not: E3 is in Jiaojiang.
    const why = await ok<{
      policy: { eligibility: { eligible: boolean; conditions: { text: string; holds: boolean }[] } };
    }>(
      `{ policy(id: "${techId}") { eligibility(enterpriseId: "${E3.id}") { eligible conditions { text holds } } } }`,
      {},
      admin,
    );
    expect(why.policy.eligibility.eligible).toBe(false);
    expect(why.policy.eligibility.conditions.filter((c) => !c.holds)).toHaveLength(1);
  });

  it('re-matches an enterprise when its attributes change, without pushing the same policy twice', async () => {
    await update({ ...E2, tags: ['专精特新'], industryCode: '3612' });
    let count = await ok<{ policy: { eligibleCount: number } }>(
      `{ policy(id: "${techId}") { eligibleCount } }`,
      {},
      admin,
    );
    expect(count.policy.eligibleCount).toBe(2);
    await update({ ...E2, tags: [], industryCode: '3612' });
    count = await ok(`{ policy(id: "${techId}") { eligibleCount } }`, {}, admin);
    expect(count.policy.eligibleCount).toBe(1);
    await update({ ...E2, tags: ['专精特新'], industryCode: '3612' });
    const pushes = await sg.database.dataSource.query(
      `SELECT count(*)::int AS n FROM policies.policy_push WHERE enterprise_id = $1`,
      [E2.id],
    );
    expect(pushes[0].n).toBe(1);
    // An older event never overwrites a newer one.
    const stale = envelope('EnterpriseUpdated', E2.id, {
      ...snapshot({ ...E2, tags: [] }),
      changed: ['tags'],
    });
    stale.occurredAt = new Date(Date.now() - 10 * 86_400_000).toISOString();
    await bus.publish(stale);
    count = await ok(`{ policy(id: "${techId}") { eligibleCount } }`, {}, admin);
    expect(count.policy.eligibleCount).toBe(2);
    // Staff page through the eligible enterprises, oldest match first; enterprises may not.
    const LIST = `query($first: Int!, $offset: Int!) { policy(id: "${techId}") { eligibleEnterprises(first: $first, offset: $offset) { totalCount nodes { id } } } }`;
    type Page = { policy: { eligibleEnterprises: { totalCount: number; nodes: { id: string }[] } } };
    const first = await ok<Page>(LIST, { first: 1, offset: 0 }, luqiao);
    const second = await ok<Page>(LIST, { first: 1, offset: 1 }, luqiao);
    expect(first.policy.eligibleEnterprises).toEqual({ totalCount: 2, nodes: [{ id: E1.id }] });
    expect(second.policy.eligibleEnterprises).toEqual({ totalCount: 2, nodes: [{ id: E2.id }] });
    expect((await fails(LIST, { first: 10, offset: 0 }, enterprise(E1)))['code']).toBe('FORBIDDEN');
  });

  it('takes an application through review, approval within the amount rule, and payout with a working-day deadline', async () => {
    const APPLY = `mutation($i: ApplyInput!) { applyForPolicy(input: $i) { id no status requestedAmount } }`;
    const noMaterial = await fails(APPLY, { i: { policyId: techId, declaredBase: 3000000 } }, enterprise(E1));
    expect((noMaterial['problems'] as { code: string }[]).map((p) => p.code)).toContain('MATERIALS_MISSING');
    const notEligible = await fails(
      APPLY,
      {
        i: {
          policyId: techId,
          declaredBase: 1,
          materials: [
            { name: '营业执照', reference: 'x' },
            { name: '研发费用专项审计报告', reference: 'y' },
          ],
        },
      },
      enterprise(E3),
    );
    expect(notEligible['code']).toBe('NOT_ELIGIBLE');
    const materials = [
      { name: '营业执照', reference: 'oss://t/1.pdf' },
      { name: '研发费用专项审计报告', reference: 'oss://t/2.pdf' },
    ];
    const applied = await ok<{
      applyForPolicy: { id: string; no: string; status: string; requestedAmount: number };
    }>(APPLY, { i: { policyId: techId, declaredBase: 3000000, materials } }, enterprise(E1));
    expect(applied.applyForPolicy).toMatchObject({ status: 'SUBMITTED', requestedAmount: 300000 });
    expect(applied.applyForPolicy.no).toMatch(/^ZC\d{4}-\d{7}$/);
    const id = applied.applyForPolicy.id;
    expect(
      (await fails(APPLY, { i: { policyId: techId, declaredBase: 1, materials } }, enterprise(E1)))['code'],
    ).toBe('APPLICATION_OPEN');

    // The issuing department asks for more, the enterprise supplements, the department approves.
    // Another department does not even see it.
    expect(
      (
        await fails(
          `mutation { requestApplicationMaterial(id: "${id}", note: "请补充发票") { id } }`,
          {},
          city,
        )
      )['code'],
    ).toBe('NOT_FOUND');
    await ok(
      `mutation { requestApplicationMaterial(id: "${id}", note: "请补充研发项目立项文件") { status } }`,
      {},
      luqiao,
    );
    await ok(
      `mutation { supplementApplication(id: "${id}", materials: [{ name: "研发项目立项文件", reference: "oss://t/3.pdf" }]) { status } }`,
      {},
      enterprise(E1),
    );
    const over = await fails(
      `mutation { approveApplication(id: "${id}", amount: 400000) { id } }`,
      {},
      luqiao,
    );
    expect(over).toMatchObject({ code: 'AMOUNT_EXCEEDS_RULE', max: 300000 });
    const approved = await ok<{
      approveApplication: {
        status: string;
        approvedAmount: number;
        payoutDue: string;
        decidedAt: string;
        basis: { recordVersion: number; scale: string; industryCode: string; tags: string[] };
      };
    }>(
      `mutation { approveApplication(id: "${id}", amount: 280000, note: "核定研发投入280万元") { status approvedAmount payoutDue decidedAt basis { recordVersion scale industryCode tags } } }`,
      {},
      luqiao,
    );
    expect(approved.approveApplication).toMatchObject({ status: 'APPROVED', approvedAmount: 280000 });
    // The approval cites the attributes it relied on and the change-record version they come from.
    expect(approved.approveApplication.basis).toMatchObject({
      recordVersion: 3,
      scale: E1.scale,
      industryCode: E1.industryCode,
      tags: E1.tags,
    });
    const due = WorkCalendar.load().deadline(new Date(approved.approveApplication.decidedAt), 10);
    expect(Math.abs(new Date(approved.approveApplication.payoutDue).getTime() - due.getTime())).toBeLessThan(
      5000,
    );
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    expect(
      (
        await fails(
          `mutation { recordPolicyPayout(id: "${id}", input: { amount: 300000, paidOn: "${today}", reference: "ZF001" }) { id } }`,
          {},
          luqiao,
        )
      )['problems'][0].code,
    ).toBe('PAYOUT_EXCEEDS_APPROVED');
    const paid = await ok<{ recordPolicyPayout: Record<string, any> }>(
      `mutation { recordPolicyPayout(id: "${id}", input: { amount: 280000, paidOn: "${today}", reference: "ZF20261122001" }) { status paidAmount paidOn payoutLate timeline { action toStatus } } }`,
      {},
      luqiao,
    );
    expect(paid.recordPolicyPayout).toMatchObject({
      status: 'PAID',
      paidAmount: 280000,
      paidOn: today,
      payoutLate: false,
    });
    expect(paid.recordPolicyPayout.timeline.map((s: { action: string }) => s.action)).toEqual([
      'APPLY',
      'REQUEST_MATERIAL',
      'SUPPLEMENT',
      'APPROVE',
      'PAY',
    ]);
    // A paired cadre sees the enterprise's applications; another enterprise does not.
    const cadre: Viewer = { sub: 'c1', roles: [Role.CADRE], cadreId: C1 };
    const seen = await ok<{ _entities: { applications: { no: string }[] }[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Enterprise { applications { no } } } }`,
      { r: [{ __typename: 'Enterprise', id: E1.id }] },
      cadre,
    );
    expect(seen._entities[0]!.applications).toHaveLength(1);
    const res = await sg.query(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Enterprise { applications { no } } } }`,
      { r: [{ __typename: 'Enterprise', id: E1.id }] },
      enterprise(E3),
    );
    expect(res.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  it('grants a 免申即享 policy to every eligible enterprise on publish and to those eligible later', async () => {
    const created = await ok<{ createPolicy: { id: string } }>(
      CREATE,
      {
        i: {
          title: '稳岗返还（免申即享）',
          regionCode: '331000',
          category: 'EMPLOYMENT',
          benefitKind: 'SUBSIDY',
          amountRule: { kind: 'FIXED', amount: 50000 },
          rule: { all: [{ attr: 'employees', min: 100 }] },
          autoGrant: true,
          validFrom: '2026-01-01',
        },
      },
      city,
    );
    const id = created.createPolicy.id;
    const share = await fails(
      `mutation($id: ID!, $p: PolicyPatch!) { updatePolicy(id: $id, input: $p, expectedVersion: 1) { id } }`,
      { id, p: { amountRule: { kind: 'SHARE', baseLabel: '工资总额', share: 0.1, cap: null } } },
      city,
    );
    expect((share['problems'] as { code: string }[]).map((p) => p.code)).toContain(
      'AUTO_GRANT_NEEDS_FIXED_AMOUNT',
    );
    await ok(PUBLISH, { id }, city);
    const grants = await sg.database.dataSource.query(
      `SELECT enterprise_id, status, approved_amount::float8 AS amount, basis FROM policies.application WHERE policy_id = $1 AND auto ORDER BY 1`,
      [id],
    );
    // Each grant cites the attributes that made the enterprise eligible, with their record version.
    for (const g of grants as {
      enterprise_id: string;
      basis: { recordVersion: number; employees: number };
    }[]) {
      const e = [E1, E3, E4].find((x) => x.id === g.enterprise_id)!;
      expect(g.basis).toMatchObject({ recordVersion: 3, employees: e.employees, scale: e.scale });
    }
    expect(grants.map((g: { enterprise_id: string }) => g.enterprise_id).sort()).toEqual(
      [E1.id, E3.id, E4.id].sort(),
    );
    expect(
      grants.every((g: { status: string; amount: number }) => g.status === 'APPROVED' && g.amount === 50000),
    ).toBe(true);
    await update({ ...E2, employees: 150, tags: ['专精特新'], industryCode: '3612' });
    const later = await sg.database.dataSource.query(
      `SELECT count(*)::int AS n FROM policies.application WHERE policy_id = $1 AND auto`,
      [id],
    );
    expect(later[0].n).toBe(4);
    // Applying for it is refused: nothing to apply for.
    expect(
      (await fails(`mutation { applyForPolicy(input: { policyId: "${id}" }) { id } }`, {}, enterprise(E1)))[
        'code'
      ],
    ).toBe('AUTO_GRANTED');
  });

  it('consolidates: publishing a policy withdraws the ones it replaces', async () => {
    const old = await ok<{ createPolicy: { id: string } }>(
      CREATE,
      { i: { ...TECH, title: '老政策：研发补助（旧）' } },
      luqiao,
    );
    await ok(PUBLISH, { id: old.createPolicy.id }, luqiao);
    const umbrella = await ok<{ createPolicy: { id: string } }>(
      CREATE,
      { i: { ...TECH, title: '路桥区制造业高质量发展若干政策', replaces: [old.createPolicy.id] } },
      luqiao,
    );
    await ok(PUBLISH, { id: umbrella.createPolicy.id }, luqiao);
    const d = await ok<{ policy: { status: string; statusReason: string; eligibleCount: number } }>(
      `{ policy(id: "${old.createPolicy.id}") { status statusReason eligibleCount } }`,
      {},
      admin,
    );
    expect(d.policy).toEqual({
      status: 'WITHDRAWN',
      statusReason: '并入《路桥区制造业高质量发展若干政策》',
      eligibleCount: 0,
    });
  });

  it('totals payouts by policy with take-up, and lists policies with few takers', async () => {
    const t = await ok<{
      policyTotals: {
        label: string;
        paidAmount: number;
        enterpriseTimes: number;
        eligible: number;
        takeUp: number;
      }[];
    }>(
      `{ policyTotals(by: POLICY) { label paidAmount enterpriseTimes eligible applied takeUp grants } }`,
      {},
      evaluator,
    );
    const tech = t.policyTotals.find((r) => r.label === TECH.title)!;
    expect(tech).toMatchObject({ paidAmount: 280000, enterpriseTimes: 1, eligible: 2 });
    expect(tech.takeUp).toBeCloseTo(1 / 2, 3);
    expect((await fails(`{ policyTotals(by: POLICY) { key } }`, {}, enterprise(E1)))['code']).toBe(
      'FORBIDDEN',
    );
    const low = await ok<{ lowTakeUpPolicies: unknown[] }>(
      `{ lowTakeUpPolicies(threshold: 0.5, minEligible: 1) { eligible applied takeUp policy { title } } }`,
      {},
      admin,
    );
    expect(low.lowTakeUpPolicies.length).toBeGreaterThan(0);
  });
});

describe('matching kept current over time and at scale', () => {
  const q = <T>(sql: string, params: unknown[] = []) =>
    sg.database.dataSource.query(sql, params) as Promise<T[]>;
  /** Every stored (policy, enterprise) fact, times included, as sorted lines; the counts must agree. */
  const state = async () => {
    const counted = await q<{ k: string }>(
      `SELECT policy_id || ':' || enterprises AS k FROM policies.policy_match_state WHERE enterprises > 0 ORDER BY 1`,
    );
    const actual = await q<{ k: string }>(
      `SELECT policy_id || ':' || count(*) AS k FROM policies.policy_match GROUP BY policy_id ORDER BY 1`,
    );
    expect(counted).toEqual(actual);
    return pairState();
  };
  const pairState = async () => ({
    matches: (
      await q<{ k: string }>(
        `SELECT policy_id || '/' || enterprise_id || '/' || matched_at::text AS k FROM policies.policy_match`,
      )
    )
      .map((r) => r.k)
      .sort(),
    pushes: (
      await q<{ k: string }>(
        `SELECT policy_id || '/' || enterprise_id || '/' || pushed_at::text || '/' || coalesce(read_at::text, '-') AS k
         FROM policies.policy_push`,
      )
    )
      .map((r) => r.k)
      .sort(),
  });
  const chinaDay = (offsetDays: number) =>
    new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
  const eligibleCount = async (id: string) =>
    (await ok<{ policy: { eligibleCount: number } }>(`{ policy(id: "${id}") { eligibleCount } }`, {}, admin))
      .policy.eligibleCount;

  it('marks pushes read for the enterprise only, keeping the first read time', async () => {
    const PUSHES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Enterprise { policyPushes { id read readAt policy { id } } } } }`;
    const list = async (e: Ent) =>
      (
        await ok<{ _entities: { policyPushes: { id: string; read: boolean; readAt: string | null }[] }[] }>(
          PUSHES,
          { r: [{ __typename: 'Enterprise', id: e.id }] },
          enterprise(e),
        )
      )._entities[0]!.policyPushes;
    const pushes = await list(E1);
    expect(pushes.length).toBeGreaterThan(1);
    expect(pushes.every((p) => !p.read)).toBe(true);
    const [first] = pushes;
    const MARK = `mutation($ids: [ID!]!) { markPolicyPushesRead(ids: $ids) { id read readAt } }`;
    // Another enterprise cannot mark E1's pushes: nothing is returned or changed.
    expect(
      (await ok<{ markPolicyPushesRead: unknown[] }>(MARK, { ids: [first!.id] }, enterprise(E3)))
        .markPolicyPushesRead,
    ).toEqual([]);
    expect((await fails(MARK, { ids: [first!.id] }, luqiao))['code']).toBe('FORBIDDEN');
    const marked = await ok<{ markPolicyPushesRead: { id: string; read: boolean; readAt: string }[] }>(
      MARK,
      { ids: [first!.id, 'not-an-id'] },
      enterprise(E1),
    );
    expect(marked.markPolicyPushesRead).toEqual([{ id: first!.id, read: true, readAt: expect.any(String) }]);
    const again = await ok<{ markPolicyPushesRead: { readAt: string }[] }>(
      MARK,
      { ids: [first!.id] },
      enterprise(E1),
    );
    expect(again.markPolicyPushesRead[0]!.readAt).toBe(marked.markPolicyPushesRead[0]!.readAt);
    const after = await list(E1);
    expect(after.filter((p) => p.read).map((p) => p.id)).toEqual([first!.id]);
    expect(after.map((p) => p.id).sort()).toEqual(pushes.map((p) => p.id).sort());
  });

  it('re-matches everything to the same state, in one pass or in many, without touching times or read marks', async () => {
    const before = await state();
    expect(before.matches.length).toBeGreaterThan(3);
    const one = await sg.services.policies.rematchAll();
    expect(one.changed).toBe(0);
    expect(await state()).toEqual(before);
    const chunk = sg.services.policies.matchChunk;
    sg.services.policies.matchChunk = { policies: 1, params: 20_000 };
    try {
      const many = await sg.services.policies.rematchAll();
      expect(many).toEqual(one);
    } finally {
      sg.services.policies.matchChunk = chunk;
    }
    expect(await state()).toEqual(before);
  });

  it('repairs a lost or wrong match set from scratch, pushing only what was never pushed', async () => {
    const before = await state();
    const pairs = (s: string[]) => s.map((k) => k.split('/').slice(0, 2).join('/'));
    // E1 loses its matches (as if never computed), E3 gets one it should not have.
    await q(
      `UPDATE policies.enterprise_policy SET eligible = '{}', eligible_since = '{}' WHERE enterprise_id = $1`,
      [E1.id],
    );
    const [tech] = await q<{ id: string }>(`SELECT id FROM policies.policy WHERE title = $1`, [TECH.title]);
    await q(
      `UPDATE policies.enterprise_policy SET eligible = eligible || $2::uuid, eligible_since = eligible_since || now()
       WHERE enterprise_id = $1`,
      [E3.id, tech!.id],
    );
    const fixed = await sg.services.policies.rematchAll();
    expect(fixed.changed).toBe(2);
    const after = await state();
    expect(pairs(after.matches).sort()).toEqual(pairs(before.matches).sort());
    // The pushes (and E1's read mark) are untouched: each pair was pushed before.
    expect(after.pushes).toEqual(before.pushes);
  });

  it('matches a policy published ahead of its start on its first day, and unmatches it after its end', async () => {
    const start = chinaDay(3);
    const end = chinaDay(10);
    const created = await ok<{ createPolicy: { id: string } }>(
      CREATE,
      {
        i: {
          title: '台州市企业上云补助（下月起施行）',
          regionCode: '331000',
          category: 'DIGITAL',
          benefitKind: 'SUBSIDY',
          amountRule: { kind: 'FIXED', amount: 20000 },
          rule: { all: [{ attr: 'region', in: ['331000'] }] },
          validFrom: start,
          validTo: end,
        },
      },
      city,
    );
    const id = created.createPolicy.id;
    await ok(PUBLISH, { id }, city);
    expect(await eligibleCount(id)).toBe(0);
    expect(await sg.services.policies.sweepValidity(chinaDay(0))).toBe(0);
    // Its first day: every enterprise of the city is matched and pushed.
    expect(await sg.services.policies.sweepValidity(start)).toBe(1);
    expect(await eligibleCount(id)).toBe(4);
    expect(await sg.services.policies.sweepValidity(start)).toBe(0);
    const pushed = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM policies.policy_push WHERE policy_id = $1`,
      [id],
    );
    expect(pushed[0]!.n).toBe(4);
    // After its last day nobody is matched; the pushes stay on record.
    expect(await sg.services.policies.sweepValidity(chinaDay(11))).toBe(1);
    expect(await eligibleCount(id)).toBe(0);
    const kept = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM policies.policy_push WHERE policy_id = $1`,
      [id],
    );
    expect(kept[0]!.n).toBe(4);
    // Back to today: not open yet, nothing to do.
    expect(await sg.services.policies.sweepValidity(chinaDay(0))).toBe(0);
    expect(await eligibleCount(id)).toBe(0);
  });

  it('matches an enterprise to an age rule on the day it turns old enough, with no event', async () => {
    const turns = chinaDay(1);
    const E5 = ent({ foundedOn: `${Number(turns.slice(0, 4)) - 3}${turns.slice(4)}`, tags: ['高成长'] });
    await register(E5);
    const created = await ok<{ createPolicy: { id: string } }>(
      CREATE,
      {
        i: {
          title: '成立满三年的高成长企业奖励',
          regionCode: '331004',
          category: 'TECH_INNOVATION',
          benefitKind: 'REWARD',
          amountRule: { kind: 'FIXED', amount: 100000 },
          rule: {
            all: [
              { attr: 'ageYears', min: 3 },
              { attr: 'tags', any: ['高成长'] },
            ],
          },
          validFrom: '2026-01-01',
        },
      },
      luqiao,
    );
    const id = created.createPolicy.id;
    await ok(PUBLISH, { id }, luqiao);
    expect(await eligibleCount(id)).toBe(0);
    // Matched today already: nothing to do until tomorrow.
    expect(await sg.services.policies.sweepValidity(chinaDay(0))).toBe(0);
    expect(await sg.services.policies.sweepValidity(turns)).toBe(1);
    expect(await eligibleCount(id)).toBe(1);
    const [pair] = await q<{ enterprise_id: string }>(
      `SELECT enterprise_id FROM policies.policy_match WHERE policy_id = $1`,
      [id],
    );
    expect(pair!.enterprise_id).toBe(E5.id);
    expect(await sg.services.policies.sweepValidity(turns)).toBe(0);
    await state();
    // As of today (a full re-match takes today's date) it is still too young.
    await sg.services.policies.rematchAll();
    expect(await eligibleCount(id)).toBe(0);
  });

  it('keeps every match, push and count right when publications and enterprise changes interleave', async () => {
    const drafts = await Promise.all(
      [0, 1, 2].map(
        async (i) =>
          (
            await ok<{ createPolicy: { id: string } }>(
              CREATE,
              {
                i: {
                  ...TECH,
                  title: `并发发布测试政策${i + 1}`,
                  rule: {
                    any: [
                      { attr: 'tags', any: ['专精特新'] },
                      { attr: 'employees', min: 100 + 10 * i },
                    ],
                  },
                },
              },
              luqiao,
            )
          ).createPolicy.id,
      ),
    );
    const changes = Array.from({ length: 24 }, (_, i) => {
      const e = [E1, E2, E3, E4][i % 4]!;
      return update({ ...e, tags: i % 2 ? ['专精特新'] : [], employees: 90 + 7 * i });
    });
    const marks = (async () => {
      const pushes = await q<{ id: string }>(`SELECT id FROM policies.policy_push WHERE enterprise_id = $1`, [
        E2.id,
      ]);
      await ok(
        `mutation($ids: [ID!]!) { markPolicyPushesRead(ids: $ids) { id } }`,
        { ids: pushes.map((x) => x.id) },
        enterprise(E2),
      );
    })();
    await Promise.all([...drafts.map((id) => ok(PUBLISH, { id }, luqiao)), ...changes, marks]);
    await state();
    // Whatever the interleaving, a full re-match finds nothing to correct, and no pair was pushed twice.
    expect((await sg.services.policies.rematchAll()).changed).toBe(0);
    const twice = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM policies.policy_push GROUP BY policy_id, enterprise_id HAVING count(*) > 1) x`,
    );
    expect(twice[0]!.n).toBe(0);
  });

  it('re-matches a published policy when its rule changes, keeping the pushes already made', async () => {
    const created = await ok<{ createPolicy: { id: string } }>(
      CREATE,
      { i: { ...TECH, title: '规则调整测试政策', rule: { attr: 'tags', any: ['专精特新'] } } },
      luqiao,
    );
    const id = created.createPolicy.id;
    const published = await ok<{ publishPolicy: { eligibleCount: number } }>(PUBLISH, { id }, luqiao);
    const before = published.publishPolicy.eligibleCount;
    expect(before).toBeGreaterThan(0);
    const UPDATE = `mutation($id: ID!, $p: PolicyPatch!, $v: Int!) { updatePolicy(id: $id, input: $p, expectedVersion: $v) { version eligibleCount } }`;
    // Wider: every enterprise in the city.
    const wider = await ok<{ updatePolicy: { version: number; eligibleCount: number } }>(
      UPDATE,
      { id, p: { rule: { attr: 'region', in: ['331000'] } }, v: 2 },
      luqiao,
    );
    const all = await q<{ n: number }>(`SELECT count(*)::int AS n FROM policies.enterprise`);
    expect(wider.updatePolicy.eligibleCount).toBe(all[0]!.n);
    // Narrower again: the pushes stay, none twice; a stale version is refused.
    expect(
      (await fails(UPDATE, { id, p: { rule: { attr: 'tags', any: ['专精特新'] } }, v: 2 }, luqiao))['code'],
    ).toBe('CONFLICT');
    const narrower = await ok<{ updatePolicy: { eligibleCount: number } }>(
      UPDATE,
      { id, p: { rule: { attr: 'tags', any: ['专精特新'] } }, v: wider.updatePolicy.version },
      luqiao,
    );
    expect(narrower.updatePolicy.eligibleCount).toBe(before);
    const pushes = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM policies.policy_push WHERE policy_id = $1`,
      [id],
    );
    expect(pushes[0]!.n).toBe(all[0]!.n);
    await state();
  });

  it('re-matches everything while policies are being changed, without a deadlock', async () => {
    const [p] = await q<{ id: string }>(`SELECT id FROM policies.policy WHERE title = '规则调整测试政策'`);
    const policies = sg.services.policies;
    for (let round = 0; round < 5; round++) {
      const [row] = await q<{ version: number }>(`SELECT version FROM policies.policy WHERE id = $1`, [
        p!.id,
      ]);
      const version = row!.version;
      const results = await Promise.allSettled([
        policies.rematchAll(),
        policies.update(p!.id, { summary: `第${round + 1}次修订` }, version, luqiao),
        policies.rematchAll(),
      ]);
      expect(results.map((r) => (r.status === 'rejected' ? String(r.reason) : 'ok'))).toEqual([
        'ok',
        'ok',
        'ok',
      ]);
    }
    await state();
  });

  it('loads from scratch into an empty store: the same matches, each pushed once, the index rebuilt', async () => {
    const pairs = (lines: string[]) => lines.map((k) => k.split('/').slice(0, 2).join('/')).sort();
    const before = pairs((await state()).matches);
    const chunk = sg.services.policies.matchChunk;
    for (const size of [250, 2]) {
      await q(`TRUNCATE policies.enterprise_policy, policies.policy_match_state`);
      sg.services.policies.matchChunk = { policies: size, params: 20_000 };
      try {
        const r = await sg.services.policies.rematchAll();
        expect(r.matches).toBe(before.length);
      } finally {
        sg.services.policies.matchChunk = chunk;
      }
      const after = await state();
      expect(pairs(after.matches)).toEqual(before);
      expect(pairs(after.pushes)).toEqual(before);
      const index = await q<{ indexname: string }>(
        `SELECT indexname FROM pg_indexes WHERE schemaname = 'policies' AND tablename = 'enterprise_policy' ORDER BY 1`,
      );
      expect(index.map((i) => i.indexname)).toEqual([
        'enterprise_policy_eligible_idx',
        'enterprise_policy_pkey',
      ]);
    }
    expect((await sg.services.policies.rematchAll()).changed).toBe(0);
  });

  it('carries matches and pushes across the storage migration, down and up again', async () => {
    const before = await state();
    const ds = sg.database.dataSource;
    await ds.undoLastMigration(); // the grant basis (1764400000000), which came after
    await ds.undoLastMigration(); // the storage migration
    const tables = await q<{ table_name: string; table_type: string }>(
      `SELECT table_name, table_type FROM information_schema.tables
       WHERE table_schema = 'policies' AND table_name IN ('policy_match', 'policy_push') ORDER BY 1`,
    );
    expect(tables).toEqual([
      { table_name: 'policy_match', table_type: 'BASE TABLE' },
      { table_name: 'policy_push', table_type: 'BASE TABLE' },
    ]);
    expect(await pairState()).toEqual(before);
    await ds.runMigrations({ transaction: 'each' });
    expect(await state()).toEqual(before);
  });
});
