import { randomUUID } from 'node:crypto';
import { EnterpriseScale, Role, type EventEnvelope, type Viewer } from '@sfw/shared-types';
import { InProcessEventBus } from '@sfw/subgraph-kit';
import { startTestSubgraph, type TestSubgraph } from '@sfw/subgraph-kit/testing';
import { cadresSubgraph } from '../src/subgraph';
import type { CadresServices } from '../src/context';
import { addDays, todayInChina } from '../src/common';

const admin: Viewer = { sub: 'u-admin', roles: [Role.ADMIN] };
const evaluator: Viewer = { sub: 'u-eval', roles: [Role.EVALUATOR] };

let sg: TestSubgraph<CadresServices>;
const bus = new InProcessEventBus();
const published: EventEnvelope[] = [];

function enterpriseEvent(
  id: string,
  name: string,
  regionCode: string,
  tags: string[],
  at = new Date(),
): EventEnvelope {
  return {
    id: randomUUID(),
    type: 'EnterpriseRegistered',
    version: 1,
    occurredAt: at.toISOString(),
    source: 'enterprises',
    aggregateType: 'Enterprise',
    aggregateId: id,
    payload: {
      enterprise: {
        id,
        name,
        creditCode: `91331004MA2${id.slice(0, 7).toUpperCase()}`.slice(0, 18).padEnd(18, '0'),
        regionCode,
        industryCode: '34',
        scale: EnterpriseScale.ABOVE_DESIGNATED,
        tags,
        employees: 100,
        registeredCapital: 1000,
        foundedOn: '2010-01-01',
        parks: [],
      },
    },
  };
}

const E1 = randomUUID(); // 路桥区, key enterprise
const E2 = randomUUID(); // 路桥区, not key
const E3 = randomUUID(); // 黄岩区
let cityDept: string;
let countyDept: string;
let otherCountyDept: string;
let cityCadre: string;
let cadreA: string;
let cadreB: string;
let cadreC: string;

const viewerOf = (cadreId: string): Viewer => ({ sub: `u-${cadreId}`, roles: [Role.CADRE], cadreId });

async function ok<T = Record<string, unknown>>(
  doc: string,
  vars: Record<string, unknown> = {},
  viewer: Viewer | null = admin,
): Promise<T> {
  const res = await sg.query<T>(doc, vars, viewer);
  if (res.errors) throw new Error(JSON.stringify(res.errors, null, 2));
  return res.data as T;
}

async function fails(doc: string, vars: Record<string, unknown>, viewer: Viewer | null = admin) {
  const res = await sg.query(doc, vars, viewer);
  expect(res.errors).toBeDefined();
  return res.errors![0]!;
}

const CREATE_DEPT = `mutation($input: CreateDepartmentInput!) { createDepartment(input: $input) { id code level members { role account } } }`;
const CREATE_CADRE = `mutation($input: CreateCadreInput!) { createCadre(input: $input) { id level regionCode phone } }`;
const PAIR = `mutation($input: PairCadreInput!) { pairCadre(input: $input) { outcome warning pairing { id primary level keyEnterpriseException replacesId } ended { id endReason } } }`;
const RECORD = `mutation($input: RecordVisitInput!) { recordVisit(input: $input) { id status visitedOn problems { id title domain } } }`;
const PLAN = `mutation($input: PlanVisitInput!) { planVisit(input: $input) { id status overrideReason } }`;

beforeAll(async () => {
  await bus.subscribe('spy', '*', async (e) => {
    published.push(e);
  });
  sg = await startTestSubgraph(cadresSubgraph, { bus });
  for (const e of [
    enterpriseEvent(E1, '台州示范机电有限公司', '331004001', ['龙头骨干']),
    enterpriseEvent(E2, '台州小微塑料制品厂', '331004002', []),
    enterpriseEvent(E3, '黄岩模具有限公司', '331003001', ['专精特新']),
  ])
    await bus.publish(e);

  cityDept = (
    await ok<{ createDepartment: { id: string } }>(CREATE_DEPT, {
      input: {
        code: 'TZ-JXJ',
        name: '台州市经济和信息化局',
        shortName: '市经信局',
        level: 'CITY',
        regionCode: '331000',
        domains: ['ENERGY', 'POLICY'],
        members: [
          { name: '张科长', role: 'SECTION_CHIEF', title: '企业服务科科长', account: 'chief' },
          { name: '李副局长', role: 'LEADER_IN_CHARGE', title: '副局长', account: 'leader' },
          { name: '王局长', role: 'DEPARTMENT_HEAD', title: '局长', account: 'head' },
        ],
      },
    })
  ).createDepartment.id;
  countyDept = (
    await ok<{ createDepartment: { id: string } }>(CREATE_DEPT, {
      input: {
        code: 'LQ-JXJ',
        name: '台州市路桥区经济和信息化局',
        shortName: '路桥区经信局',
        level: 'COUNTY',
        regionCode: '331004',
        parentId: cityDept,
        domains: ['ENERGY'],
      },
    })
  ).createDepartment.id;
  otherCountyDept = (
    await ok<{ createDepartment: { id: string } }>(CREATE_DEPT, {
      input: {
        code: 'HY-ZRZY',
        name: '台州市黄岩区自然资源和规划局',
        shortName: '黄岩区资规局',
        level: 'COUNTY',
        regionCode: '331003',
        domains: ['LAND'],
      },
    })
  ).createDepartment.id;
  const mk = async (staffNo: string, name: string, departmentId: string, phone: string) =>
    (
      await ok<{ createCadre: { id: string } }>(CREATE_CADRE, {
        input: { staffNo, name, departmentId, specialties: ['ENERGY'], phone },
      })
    ).createCadre.id;
  cityCadre = await mk('TZ-0001', '陈市级', cityDept, '13800000001');
  cadreA = await mk('LQ-0001', '林甲', countyDept, '13800000002');
  cadreB = await mk('LQ-0002', '周乙', countyDept, '13800000003');
  cadreC = await mk('HY-0001', '吴丙', otherCountyDept, '13800000004');
});

afterAll(async () => {
  await sg?.stop();
});

describe('departments and cadres', () => {
  it('lists departments by level, region and domain', async () => {
    const data = await ok<{ departments: { code: string }[] }>(
      `{ departments(filter: { regionCode: "331004" }) { code } }`,
    );
    expect(data.departments.map((d) => d.code)).toEqual(['LQ-JXJ']);
    const byDomain = await ok<{ departments: { code: string }[] }>(
      `{ departments(filter: { domain: LAND }) { code } }`,
    );
    expect(byDomain.departments.map((d) => d.code)).toEqual(['HY-ZRZY']);
  });

  it('announces departments with their sign-off people to other services', async () => {
    await sg.relay.drain();
    const event = published.find(
      (e) =>
        e.type === 'DepartmentChanged' &&
        (e.payload as { department: { code: string } }).department.code === 'TZ-JXJ',
    );
    expect(event?.payload).toMatchObject({
      department: { level: 'CITY', members: [{ role: 'SECTION_CHIEF', account: 'chief' }, {}, {}] },
    });
  });

  it('reports every input problem at once and writes nothing', async () => {
    const err = await fails(CREATE_DEPT, {
      input: {
        code: 'bad code',
        name: 'x',
        shortName: '',
        level: 'COUNTY',
        regionCode: '331000',
        domains: [],
      },
    });
    const problems = err.extensions!['problems'] as { field: string; code: string }[];
    expect(problems.map((p) => p.code).sort()).toEqual(
      ['INVALID_CODE', 'INVALID_LENGTH', 'REGION_LEVEL_MISMATCH', 'REQUIRED'].sort(),
    );
    const all = await ok<{ departments: unknown[] }>(`{ departments { id } }`);
    expect(all.departments).toHaveLength(3);
  });

  it('refuses a department code or name already used', async () => {
    const err = await fails(CREATE_DEPT, {
      input: { code: 'TZ-JXJ', name: '另一个局', shortName: '另局', level: 'CITY', regionCode: '331000' },
    });
    expect(err.extensions!['code']).toBe('CONFLICT');
  });

  it('refuses one person holding two sign-off roles', async () => {
    const err = await fails(
      `mutation($id: ID!, $m: [DepartmentMemberInput!]!) { setDepartmentMembers(id: $id, members: $m) { id } }`,
      {
        id: countyDept,
        m: [
          { name: '甲', role: 'SECTION_CHIEF', account: 'same' },
          { name: '甲', role: 'DEPARTMENT_HEAD', account: 'same' },
        ],
      },
    );
    expect(err.extensions!['code']).toBe('DUPLICATE_ACCOUNT');
  });

  it('gives a cadre the department level and region, and checks the region lies inside it', async () => {
    const err = await fails(CREATE_CADRE, {
      input: { staffNo: 'LQ-9999', name: '错区', departmentId: countyDept, regionCode: '331003001' },
    });
    const codes = (err.extensions!['problems'] as { code: string }[]).map((p) => p.code);
    expect(codes).toEqual(['REGION_LEVEL_MISMATCH', 'REGION_OUTSIDE_DEPARTMENT']);
    const err2 = await fails(CREATE_CADRE, {
      input: { staffNo: 'LQ-0001', name: '重号', departmentId: countyDept },
    });
    expect(err2.extensions!['code']).toBe('CONFLICT');
  });

  it('pages cadres with a total count and filters by department, level and specialty', async () => {
    const q = `query($after: String) { cadres(first: 2, after: $after, filter: { specialty: ENERGY }) { totalCount pageInfo { hasNextPage endCursor } edges { node { name } } } }`;
    const p1 = await ok<{
      cadres: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string } };
    }>(q);
    expect(p1.cadres.totalCount).toBe(4);
    expect(p1.cadres.pageInfo.hasNextPage).toBe(true);
    const p2 = await ok<{ cadres: { edges: unknown[]; pageInfo: { hasNextPage: boolean } } }>(q, {
      after: p1.cadres.pageInfo.endCursor,
    });
    expect(p2.cadres.edges).toHaveLength(2);
    expect(p2.cadres.pageInfo.hasNextPage).toBe(false);
    const county = await ok<{ cadres: { totalCount: number } }>(
      `{ cadres(filter: { level: COUNTY, regionCode: "331004" }) { totalCount } }`,
    );
    expect(county.cadres.totalCount).toBe(2);
  });
});

describe('pairing', () => {
  it('pairs, and pairing the same pair again changes nothing', async () => {
    const r1 = await ok<{ pairCadre: { outcome: string } }>(PAIR, {
      input: { cadreId: cadreA, enterpriseId: E1, primary: true },
    });
    expect(r1.pairCadre.outcome).toBe('CREATED');
    const r2 = await ok<{ pairCadre: { outcome: string } }>(PAIR, {
      input: { cadreId: cadreA, enterpriseId: E1, primary: true },
    });
    expect(r2.pairCadre.outcome).toBe('UNCHANGED');
    await sg.relay.drain();
    expect(published.filter((e) => e.type === 'CadrePaired')).toHaveLength(1);
  });

  it('allows one primary cadre per enterprise and level, unless replacing with history kept', async () => {
    const err = await fails(PAIR, { input: { cadreId: cadreB, enterpriseId: E1, primary: true } });
    expect(err.extensions!['code']).toBe('PRIMARY_TAKEN');
    expect(err.message).toContain('林甲');
    const r = await ok<{
      pairCadre: { outcome: string; ended: { endReason: string }; pairing: { replacesId: string } };
    }>(PAIR, { input: { cadreId: cadreB, enterpriseId: E1, primary: true, replaceCurrent: true } });
    expect(r.pairCadre.outcome).toBe('REPLACED');
    expect(r.pairCadre.ended.endReason).toBe('REPLACED');
    // Back to A as primary, B stays as a second (non-primary) cadre.
    await ok(PAIR, { input: { cadreId: cadreA, enterpriseId: E1, primary: true, replaceCurrent: true } });
    await ok(PAIR, { input: { cadreId: cadreB, enterpriseId: E1, primary: false } });
    const hist = await ok<{
      _entities: { pairingHistory: { current: boolean }[]; pairedCadres: unknown[] }[];
    }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Enterprise { pairedCadres { id } pairingHistory { current } } } }`,
      { r: [{ __typename: 'Enterprise', id: E1 }] },
    );
    expect(hist._entities[0]!.pairedCadres).toHaveLength(2);
    expect(hist._entities[0]!.pairingHistory.length).toBeGreaterThanOrEqual(4);
  });

  it('reports a city cadre paired with a non-key enterprise as an exception', async () => {
    const key = await ok<{
      pairCadre: { warning: string | null; pairing: { keyEnterpriseException: boolean } };
    }>(PAIR, { input: { cadreId: cityCadre, enterpriseId: E1 } });
    expect(key.pairCadre.pairing.keyEnterpriseException).toBe(false);
    const r = await ok<{ pairCadre: { warning: string; pairing: { keyEnterpriseException: boolean } } }>(
      PAIR,
      {
        input: { cadreId: cityCadre, enterpriseId: E2, note: '市领导指定' },
      },
    );
    expect(r.pairCadre.pairing.keyEnterpriseException).toBe(true);
    expect(r.pairCadre.warning).toContain('例外');
    const list = await ok<{ pairingExceptions: { enterprise: { id: string } }[] }>(
      `{ pairingExceptions { enterprise { id } } }`,
    );
    expect(list.pairingExceptions.map((p) => p.enterprise.id)).toEqual([E2]);
  });

  it('refuses a pairing with an unknown enterprise or a future date', async () => {
    expect(
      (await fails(PAIR, { input: { cadreId: cadreA, enterpriseId: randomUUID() } })).extensions!['code'],
    ).toBe('NOT_FOUND');
    const err = await fails(PAIR, {
      input: { cadreId: cadreA, enterpriseId: E2, fromDate: addDays(todayInChina(), 3) },
    });
    expect(err.extensions!['code']).toBe('DATE_IN_FUTURE');
  });

  it('imports pairings from CSV with per-row errors, and a second run changes nothing', async () => {
    const csv = [
      '统一社会信用代码,工号,是否主服务员,开始日期',
      `${(await sg.services.enterprises.find(E3))!.id},HY-0001,是,2026-01-05`,
      `91331004XXXXXXXXXX,HY-0001,是,`,
      `,NOPE,否,`,
    ].join('\n');
    // The first column holds an id here: use the 企业ID header instead.
    const csvById = csv.replace('统一社会信用代码', '企业ID');
    const IMPORT = `mutation($csv: String!, $dry: Boolean) { importPairings(csv: $csv, dryRun: $dry) { total created unchanged failed errors { line code message } } }`;
    const dry = await ok<{ importPairings: { created: number } }>(IMPORT, { csv: csvById, dry: true });
    expect(dry.importPairings.created).toBe(1);
    const first = await ok<{
      importPairings: { created: number; failed: number; errors: { line: number }[] };
    }>(IMPORT, { csv: csvById });
    expect(first.importPairings).toMatchObject({ created: 1, failed: 2 });
    expect(first.importPairings.errors.map((e) => e.line)).toEqual([3, 4]);
    const again = await ok<{ importPairings: { created: number; unchanged: number } }>(IMPORT, {
      csv: csvById,
    });
    expect(again.importPairings).toMatchObject({ created: 0, unchanged: 1 });
  });
});

describe('visits and the crowding guard', () => {
  const today = todayInChina();

  it('records a visit only for a paired enterprise', async () => {
    const err = await fails(
      RECORD,
      { input: { enterpriseId: E3, visitedOn: today, questions: ['POLICY'] } },
      viewerOf(cadreA),
    );
    expect(err.extensions!['code']).toBe('NOT_PAIRED');
    const v = await ok<{ recordVisit: { status: string; problems: { title: string }[] } }>(
      RECORD,
      {
        input: {
          enterpriseId: E1,
          visitedOn: addDays(today, -2),
          questions: ['POLICY', 'PROBLEMS'],
          notes: '了解用能情况',
          problems: [{ title: '高峰期限电影响生产', domain: 'ENERGY' }],
        },
      },
      viewerOf(cadreA),
    );
    expect(v.recordVisit.status).toBe('COMPLETED');
    expect(v.recordVisit.problems).toHaveLength(1);
    await sg.relay.drain();
    const event = published.find((e) => e.type === 'VisitRecorded');
    expect(event?.payload).toMatchObject({ enterpriseId: E1, problems: [{ title: '高峰期限电影响生产' }] });
  });

  it('refuses to plan a visit on the same question within the window, naming who came, unless overridden', async () => {
    const check = await ok<{ visitCrowding: { clear: boolean; conflicts: { cadre: { name: string } }[] } }>(
      `query($e: ID!) { visitCrowding(enterpriseId: $e, questions: [POLICY]) { clear windowDays conflicts { cadre { name } } } }`,
      { e: E1 },
      viewerOf(cadreB),
    );
    expect(check.visitCrowding.clear).toBe(false);
    expect(check.visitCrowding.conflicts[0]!.cadre.name).toBe('林甲');
    const err = await fails(
      PLAN,
      { input: { enterpriseId: E1, plannedOn: addDays(today, 1), questions: ['POLICY'] } },
      viewerOf(cadreB),
    );
    expect(err.extensions!['code']).toBe('VISIT_CROWDED');
    expect(err.message).toContain('林甲');
    expect(err.message).toContain('问冷暖');
    // Another question is fine; an override with a reason is fine.
    await ok(
      PLAN,
      { input: { enterpriseId: E1, plannedOn: addDays(today, 1), questions: ['PROJECTS'] } },
      viewerOf(cadreB),
    );
    const o = await ok<{ planVisit: { overrideReason: string } }>(
      PLAN,
      {
        input: {
          enterpriseId: E1,
          plannedOn: addDays(today, 2),
          questions: ['POLICY'],
          overrideReason: '企业申请新一轮技改补贴，需现场核实',
        },
      },
      viewerOf(cadreB),
    );
    expect(o.planVisit.overrideReason).toContain('技改');
  });

  it('lets a service group member visit once the group is called in', async () => {
    const g = await ok<{ createServiceGroup: { id: string } }>(
      `mutation($i: ServiceGroupInput!) { createServiceGroup(input: $i) { id } }`,
      {
        i: {
          name: '用地专业服务组',
          kind: 'SERVICE_GROUP',
          specialties: ['LAND'],
          regionCodes: ['331000'],
          leadDepartmentId: otherCountyDept,
          members: [{ cadreId: cadreC, lead: true }],
        },
      },
    );
    const groupId = g.createServiceGroup.id;
    const found = await ok<{ serviceGroups: { id: string }[] }>(
      `{ serviceGroups(filter: { specialty: LAND, regionCode: "331004001" }) { id } }`,
    );
    expect(found.serviceGroups.map((x) => x.id)).toEqual([groupId]);
    const before = await fails(
      RECORD,
      {
        input: {
          enterpriseId: E1,
          visitedOn: today,
          questions: ['DEVELOPMENT'],
          kind: 'GROUP_SERVICE',
          serviceGroupId: groupId,
        },
      },
      viewerOf(cadreC),
    );
    expect(before.extensions!['code']).toBe('GROUP_NOT_CALLED_IN');
    // Only a cadre paired with the enterprise (or staff) may call the group in.
    const denied = await fails(
      `mutation($g: ID!, $e: ID!) { callInServiceGroup(groupId: $g, enterpriseId: $e, reason: "用地指标") { id } }`,
      { g: groupId, e: E1 },
      viewerOf(cadreC),
    );
    expect(denied.extensions!['code']).toBe('FORBIDDEN');
    await ok(
      `mutation($g: ID!, $e: ID!) { callInServiceGroup(groupId: $g, enterpriseId: $e, reason: "扩建用地指标不足") { id } }`,
      { g: groupId, e: E1 },
      viewerOf(cadreA),
    );
    const v = await ok<{ recordVisit: { id: string } }>(
      RECORD,
      {
        input: {
          enterpriseId: E1,
          visitedOn: today,
          questions: ['DEVELOPMENT'],
          kind: 'GROUP_SERVICE',
          serviceGroupId: groupId,
        },
      },
      viewerOf(cadreC),
    );
    expect(v.recordVisit.id).toBeDefined();
  });

  it('resolves Enterprise.visits, lastVisit and pairedCadres for many enterprises in a batch', async () => {
    const data = await ok<{
      _entities: { id: string; lastVisit: { visitedOn: string } | null; visits: unknown[] }[];
    }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Enterprise { id lastVisit { visitedOn } visits(first: 5) { id } pairedCadres { cadre { name } } } } }`,
      { r: [E1, E2, E3].map((id) => ({ __typename: 'Enterprise', id })) },
      evaluator,
    );
    expect(data._entities.map((e) => e.id)).toEqual([E1, E2, E3]);
    expect(data._entities[0]!.lastVisit!.visitedOn).toBe(today);
    expect(data._entities[0]!.visits.length).toBeGreaterThanOrEqual(3);
    expect(data._entities[2]!.lastVisit).toBeNull();
  });
});

describe('access', () => {
  it('masks a cadre phone for viewers who do not need it', async () => {
    const q = `query($id: ID!) { cadre(id: $id) { phone } }`;
    expect((await ok<{ cadre: { phone: string } }>(q, { id: cadreA })).cadre.phone).toBe('13800000002');
    expect((await ok<{ cadre: { phone: string } }>(q, { id: cadreA }, evaluator)).cadre.phone).toBe(
      '138****0002',
    );
    expect((await ok<{ cadre: { phone: string } }>(q, { id: cadreA }, viewerOf(cadreA))).cadre.phone).toBe(
      '13800000002',
    );
    const ent: Viewer = { sub: 'e', roles: [Role.ENTERPRISE], enterpriseId: E1 };
    expect((await ok<{ cadre: { phone: string } }>(q, { id: cadreA }, ent)).cadre.phone).toBe('138****0002');
  });

  it('lists a cadre’s visits of a month only as far as the viewer may see them', async () => {
    // The month of the visit recorded two days ago (on the 1st or 2nd that is last month).
    const month = addDays(todayInChina(), -2).slice(0, 7);
    const q = `query($id: ID!) { cadre(id: $id) { visits(month: "${month}") { enterprise { id } } } }`;
    const all = await ok<{ cadre: { visits: { enterprise: { id: string } }[] } }>(q, { id: cadreA });
    expect(all.cadre.visits.length).toBeGreaterThan(0);
    // An enterprise user sees the cadre paired with it, but only the visits made to itself.
    const ent: Viewer = { sub: 'e', roles: [Role.ENTERPRISE], enterpriseId: E1 };
    const own = await ok<{ cadre: { visits: { enterprise: { id: string } }[] } }>(q, { id: cadreA }, ent);
    expect(own.cadre.visits.every((v) => v.enterprise.id === E1)).toBe(true);
  });

  it('shows department staff only their department’s cadres and visits', async () => {
    const staff: Viewer = { sub: 'd', roles: [Role.DEPARTMENT], departmentId: otherCountyDept };
    const data = await ok<{
      cadres: { totalCount: number };
      visits: { edges: { node: { cadre: { name: string } } }[] };
    }>(`{ cadres { totalCount } visits { edges { node { cadre { name } } } } }`, {}, staff);
    expect(data.cadres.totalCount).toBe(1);
    expect(data.visits.edges.map((e) => e.node.cadre.name)).toEqual(['吴丙']);
  });

  it('shows an enterprise user only its own cadres and visits', async () => {
    const ent: Viewer = { sub: 'e', roles: [Role.ENTERPRISE], enterpriseId: E2 };
    const data = await ok<{
      cadres: { edges: { node: { name: string } }[] };
      visits: { totalCount: number };
    }>(`{ cadres { edges { node { name } } } visits { totalCount } }`, {}, ent);
    expect(data.cadres.edges.map((e) => e.node.name)).toEqual(['陈市级']);
    expect(data.visits.totalCount).toBe(0);
    const denied = await fails(
      `mutation { createCadre(input: { staffNo: "X-1", name: "某某", departmentId: "${cityDept}" }) { id } }`,
      {},
      ent,
    );
    expect(denied.extensions!['code']).toBe('FORBIDDEN');
  });

  it('applies the same read rules through service groups and entity references', async () => {
    const groups = await ok<{ serviceGroups: { id: string; calls: unknown[] }[] }>(
      `{ serviceGroups { id calls(open: false) { id } } }`,
    );
    const group = groups.serviceGroups.find((g) => g.calls.length > 0)!;
    // A second member from another department.
    await ok(
      `mutation($id: ID!, $m: [ServiceGroupMemberInput!]!) { setServiceGroupMembers(id: $id, members: $m) { id } }`,
      {
        id: group.id,
        m: [
          { cadreId: cadreC, lead: true },
          { cadreId: cadreA, lead: false },
        ],
      },
    );
    // Another enterprise calls the same group in.
    await ok(
      `mutation($g: ID!, $e: ID!) { callInServiceGroup(groupId: $g, enterpriseId: $e, reason: "模具厂用地纠纷") { id } }`,
      { g: group.id, e: E3 },
    );
    // An enterprise user reaches the group through a visit it received: it sees its own call only.
    const ent: Viewer = { sub: 'e', roles: [Role.ENTERPRISE], enterpriseId: E1 };
    const seen = await ok<{
      visits: {
        edges: {
          node: { serviceGroup: { calls: { reason: string; enterprise: { id: string } }[] } | null };
        }[];
      };
    }>(
      `query($g: ID!) { visits(filter: { serviceGroupId: $g }) { edges { node { serviceGroup { calls(open: false) { reason enterprise { id } } } } } } }`,
      { g: group.id },
      ent,
    );
    const calls = seen.visits.edges.flatMap((e) => e.node.serviceGroup?.calls ?? []);
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((c) => c.enterprise.id === E1)).toBe(true);
    expect(calls.map((c) => c.reason)).not.toContain('模具厂用地纠纷');
    // Department staff see the group's members from their own department only, and a cadre of
    // another department is null by reference exactly as by `cadre(id)`.
    const staff: Viewer = { sub: 'd', roles: [Role.DEPARTMENT], departmentId: otherCountyDept };
    const members = await ok<{ serviceGroup: { members: { cadre: { id: string } }[] } }>(
      `query($id: ID!) { serviceGroup(id: $id) { members { cadre { id } } } }`,
      { id: group.id },
      staff,
    );
    expect(members.serviceGroup.members.map((m) => m.cadre.id)).toEqual([cadreC]);
    const all = await ok<{ serviceGroup: { members: unknown[] } }>(
      `query($id: ID!) { serviceGroup(id: $id) { members { cadre { id } } } }`,
      { id: group.id },
    );
    expect(all.serviceGroup.members).toHaveLength(2);
    const refs = await ok<{ _entities: ({ id: string } | null)[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Cadre { id } } }`,
      { r: [cadreA, cadreC].map((id) => ({ __typename: 'Cadre', id })) },
      staff,
    );
    expect(refs._entities).toEqual([null, { id: cadreC }]);
    expect(
      (await ok<{ cadre: unknown }>(`query($id: ID!) { cadre(id: $id) { id } }`, { id: cadreA }, staff))
        .cadre,
    ).toBeNull();
  });

  it('answers a cadre, pairing or visit the viewer may not read exactly like a missing one', async () => {
    // The first error on `id`, the id replaced: same code and message as for a random, missing id.
    const answer = async (doc: (id: string) => string, id: string, viewer: Viewer) => {
      const e = await fails(doc(id), {}, viewer);
      return {
        code: e.extensions!['code'],
        message: e.message.replaceAll(id, '<id>'),
        messageEn: String(e.extensions!['messageEn']).replaceAll(id, '<id>'),
      };
    };
    const likeMissing = async (doc: (id: string) => string, id: string, viewer: Viewer) => {
      const missing = await answer(doc, randomUUID(), viewer);
      expect(missing.code).toBe('NOT_FOUND');
      expect(await answer(doc, id, viewer)).toEqual(missing);
    };
    const schema = sg.database.schema;
    const staff: Viewer = { sub: 'd', roles: [Role.DEPARTMENT], departmentId: otherCountyDept };
    // Another department's cadre, and its pairing: department staff cannot read either.
    expect((await ok<{ cadre: unknown }>(`{ cadre(id: "${cadreA}") { id } }`, {}, staff)).cadre).toBeNull();
    await likeMissing(
      (id) => `mutation { pairCadre(input: { cadreId: "${id}", enterpriseId: "${E2}" }) { outcome } }`,
      cadreA,
      staff,
    );
    const [pairing] = (await sg.database.dataSource.query(
      `SELECT id::text AS id FROM "${schema}".pairing WHERE cadre_id = $1 LIMIT 1`,
      [cadreA],
    )) as { id: string }[];
    await likeMissing((id) => `mutation { endPairing(id: "${id}") { id } }`, pairing!.id, staff);
    // A planned visit another cadre cannot read.
    const [planned] = (await sg.database.dataSource.query(
      `SELECT id::text AS id FROM "${schema}".visit WHERE status = 'PLANNED' AND cadre_id <> $1 LIMIT 1`,
      [cadreC],
    )) as { id: string }[];
    expect(
      (await ok<{ visit: unknown }>(`{ visit(id: "${planned!.id}") { id } }`, {}, viewerOf(cadreC))).visit,
    ).toBeNull();
    await likeMissing(
      (id) => `mutation { cancelVisit(id: "${id}", reason: "企业临时有事") { id } }`,
      planned!.id,
      viewerOf(cadreC),
    );
  });

  it('lets only administrators manage departments and cadres', async () => {
    const err = await fails(
      `mutation($id: ID!) { updateDepartment(id: $id, input: { shortName: "改" }) { id } }`,
      { id: cityDept },
      evaluator,
    );
    expect(err.extensions!['code']).toBe('FORBIDDEN');
  });
});

describe('a cadre leaves', () => {
  it('ends their pairings, lists the enterprises for re-pairing, and re-pairing keeps the history', async () => {
    const r = await ok<{
      deactivateCadre: {
        cadre: { active: boolean };
        endedPairings: { enterprise: { id: string }; endReason: string }[];
      };
    }>(
      `mutation($id: ID!) { deactivateCadre(id: $id, reason: "调任其他岗位") { cadre { active } endedPairings { enterprise { id } endReason } } }`,
      { id: cadreA },
    );
    expect(r.deactivateCadre.cadre.active).toBe(false);
    expect(r.deactivateCadre.endedPairings.map((p) => p.enterprise.id)).toEqual([E1]);
    const queue = await ok<{ repairingQueue: { enterprise: { id: string }; level: string }[] }>(
      `{ repairingQueue { enterprise { id } level } }`,
    );
    expect(queue.repairingQueue).toEqual([{ enterprise: { id: E1 }, level: 'COUNTY' }]);
    const again = await fails(PAIR, { input: { cadreId: cadreA, enterpriseId: E1 } });
    expect(again.extensions!['code']).toBe('CADRE_INACTIVE');
    // B (already a second cadre) becomes primary: takes over from the ended pairing.
    const p = await ok<{ pairCadre: { pairing: { replacesId: string | null } } }>(PAIR, {
      input: { cadreId: cadreB, enterpriseId: E1, primary: true },
    });
    expect(p.pairCadre.pairing.replacesId).not.toBeNull();
    const after = await ok<{ repairingQueue: unknown[] }>(`{ repairingQueue { level } }`);
    expect(after.repairingQueue).toEqual([]);
    await sg.relay.drain();
    expect(
      published.some(
        (e) => e.type === 'CadreUnpaired' && (e.payload as { reason: string }).reason === 'CADRE_LEFT',
      ),
    ).toBe(true);
  });
});

describe('the enterprise projection', () => {
  it('applies each event once and never lets an older event overwrite a newer state', async () => {
    const id = randomUUID();
    const newer = enterpriseEvent(id, '新名称有限公司', '331004001', [], new Date('2026-06-02T00:00:00Z'));
    const older = enterpriseEvent(id, '旧名称有限公司', '331004001', [], new Date('2026-06-01T00:00:00Z'));
    await bus.publish(newer);
    await bus.publish(older);
    await bus.publish(newer);
    expect((await sg.services.enterprises.find(id))!.name).toBe('新名称有限公司');
  });
});
