import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestSubgraph, type TestSubgraph } from '@sfw/subgraph-kit/testing';
import type { EventEnvelope } from '@sfw/shared-types';
import { enterprisesSubgraph, type EnterprisesServices } from '../src';
import { admin, cadre, demoDrafts, enterpriseUser, evaluator } from './helpers';

let sg: TestSubgraph<EnterprisesServices>;
const events: EventEnvelope[] = [];

beforeAll(async () => {
  sg = await startTestSubgraph(enterprisesSubgraph);
  await sg.bus.subscribe('test', '*', async (e) => {
    events.push(e);
  });
});
afterAll(async () => {
  await sg?.stop();
});

const REGISTER = `mutation($input: RegisterEnterpriseInput!) {
  registerEnterprise(input: $input) { id name creditCode scale tags version region { code name fullName } industry { divisionName sectionCode } liaisons { name phone } }
}`;

const baseInput = {
  name: '台州市路桥区测试机械有限公司',
  creditCode: '914403001922038216',
  regionCode: '331004001',
  industryCode: '3484',
  scale: 'BELOW_DESIGNATED',
  tags: ['专精特新', '隐形冠军'],
  employees: 80,
  registeredCapital: 500,
  foundedOn: '2010-05-01',
  liaisons: [{ name: '林晓燕', role: '办公室主任', phone: '138 5761 2390' }],
};

describe('registering an enterprise', () => {
  it('stores it, normalises tags and phones, and emits EnterpriseRegistered through the outbox', async () => {
    const res = await sg.query<{ registerEnterprise: Record<string, unknown> }>(
      REGISTER,
      { input: baseInput },
      admin,
    );
    expect(res.errors).toBeUndefined();
    const e = res.data!.registerEnterprise;
    expect(e).toMatchObject({
      name: '台州市路桥区测试机械有限公司',
      creditCode: '914403001922038216',
      tags: ['专精特新', '隐形冠军(培育)'],
      version: 1,
      region: { code: '331004001', fullName: expect.stringMatching(/^浙江省台州市路桥区/) },
      industry: { divisionName: '通用设备制造业', sectionCode: 'C' },
      liaisons: [{ name: '林晓燕', phone: '13857612390' }],
    });
    await sg.relay.drain();
    const ev = events.find((x) => x.type === 'EnterpriseRegistered' && x.aggregateId === e['id']);
    expect(ev?.payload).toMatchObject({
      enterprise: { creditCode: '914403001922038216', regionCode: '331004001' },
    });
  });

  it('refuses the same credit code again as a CONFLICT and writes no second row', async () => {
    const res = await sg.query(REGISTER, { input: { ...baseInput, name: '另一家公司' } }, admin);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'CREDIT_CODE_TAKEN' });
    expect(res.errors?.[0]?.message).toContain('914403001922038216 已登记');
    const [{ n }] = await sg.database.dataSource.query(
      `SELECT count(*)::int AS n FROM enterprises.enterprise WHERE credit_code = '914403001922038216'`,
    );
    expect(n).toBe(1);
  });

  it('says exactly what is wrong with a bad credit code', async () => {
    const wrongCheck = await sg.query(
      REGISTER,
      { input: { ...baseInput, creditCode: '91110000710926094Q' } },
      admin,
    );
    expect(wrongCheck.errors?.[0]?.extensions?.['code']).toBe('INVALID_CREDIT_CODE');
    expect(wrongCheck.errors?.[0]?.message).toContain('第18位应为“P”');
    const letter = await sg.query(
      REGISTER,
      { input: { ...baseInput, creditCode: '91110000710926O94P' } },
      admin,
    );
    expect(letter.errors?.[0]?.message).toContain('第15位的字符“O”');
    const short = await sg.query(
      REGISTER,
      { input: { ...baseInput, creditCode: '9111000071092609' } },
      admin,
    );
    expect(short.errors?.[0]?.message).toContain('实际为16位');
  });

  it('lets exactly one of two simultaneous registrations of a code win', async () => {
    const input = { ...baseInput, creditCode: '91110000710926094P', name: '并发登记测试有限公司' };
    const results = await Promise.all([
      sg.query(REGISTER, { input }, admin),
      sg.query(REGISTER, { input }, admin),
    ]);
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.flatMap((r) => r.errors ?? []).map((e) => e.extensions?.['code'])).toEqual(['CONFLICT']);
    const [{ n }] = await sg.database.dataSource.query(
      `SELECT count(*)::int AS n FROM enterprises.enterprise WHERE credit_code = '91110000710926094P'`,
    );
    expect(n).toBe(1);
  });

  it('reports every bad field at once and writes nothing', async () => {
    const before = await sg.database.dataSource.query(
      `SELECT count(*)::int AS n FROM enterprises.enterprise`,
    );
    const res = await sg.query(
      REGISTER,
      {
        input: {
          ...baseInput,
          creditCode: '91110000710926094P',
          regionCode: '331000',
          industryCode: '99',
          foundedOn: '2999-01-01',
          employees: -3,
          liaisons: [{ name: '王', role: '经理', phone: '12345' }],
        },
      },
      admin,
    );
    const ext = res.errors?.[0]?.extensions as { code: string; problems: { field: string; code: string }[] };
    expect(ext.code).toBe('BAD_USER_INPUT');
    expect(ext.problems.map((p) => p.code).sort()).toEqual(
      ['INVALID_DATE', 'INVALID_EMPLOYEES', 'INVALID_PHONE', 'REGION_TOO_COARSE', 'UNKNOWN_INDUSTRY'].sort(),
    );
    const after = await sg.database.dataSource.query(`SELECT count(*)::int AS n FROM enterprises.enterprise`);
    expect(after).toEqual(before);
  });

  it('is refused to roles that do not manage enterprises', async () => {
    const res = await sg.query(
      REGISTER,
      { input: { ...baseInput, creditCode: '91110000710926094P' } },
      cadre,
    );
    expect(res.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const anon = await sg.query(
      REGISTER,
      { input: { ...baseInput, creditCode: '91110000710926094P' } },
      null,
    );
    expect(anon.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });
});

describe('listing and filtering', () => {
  const LIST = `query($filter: EnterpriseFilter, $first: Int!, $after: String, $orderBy: EnterpriseOrderBy! = NAME) {
    enterprises(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
      totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name regionCode industryCode scale tags } }
    }
  }`;
  type Page = {
    enterprises: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: {
        node: {
          id: string;
          name: string;
          regionCode: string;
          industryCode: string;
          scale: string;
          tags: string[];
        };
      }[];
    };
  };

  beforeAll(async () => {
    for (const d of demoDrafts(120)) await sg.services.enterprises.register(d);
  });

  it('pages with stable cursors and a totalCount, every row exactly once', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = -1;
    for (let i = 0; i < 20; i++) {
      const res: { data?: Page } = await sg.query<Page>(LIST, { first: 25, after }, admin);
      const page = res.data!.enterprises;
      total = page.totalCount;
      seen.push(...page.edges.map((e) => e.node.id));
      // A row added mid-way (sorting before the cursor) must not shift later pages.
      if (i === 0)
        await sg.services.enterprises.register({ ...demoDrafts(1, 999)[0]!, name: '一一测试企业有限公司' });
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(total - 1);
    const names = (await sg.query<Page>(LIST, { first: 100 }, admin)).data!.enterprises.edges.map(
      (e) => e.node.name,
    );
    expect([...names].sort()).toEqual(names);
  });

  it('counts only when totalCount is asked for, fragments included', async () => {
    const viaFragment = await sg.query<{ enterprises: { totalCount: number } }>(
      `{ enterprises(first: 1) { ...Counted } } fragment Counted on EnterpriseConnection { totalCount }`,
      {},
      admin,
    );
    expect(viaFragment.data!.enterprises.totalCount).toBeGreaterThan(100);
    const spy = jest.spyOn(sg.services.enterprises, 'list');
    await sg.query(`{ enterprises(first: 1) { edges { node { id } } } }`, {}, admin);
    expect(spy.mock.calls[0]?.[5]).toBe(false);
    spy.mockRestore();
  });

  it('refuses a page size over 100 and a forged cursor', async () => {
    expect((await sg.query(LIST, { first: 101 }, admin)).errors?.[0]?.extensions?.['code']).toBe(
      'INVALID_PAGE_SIZE',
    );
    expect(
      (await sg.query(LIST, { first: 5, after: 'bm9wZQ' }, admin)).errors?.[0]?.extensions?.['code'],
    ).toBe('INVALID_CURSOR');
  });

  it('filters by region including everything below it', async () => {
    const county = (await sg.query<Page>(LIST, { first: 100, filter: { regionCode: '331004' } }, admin)).data!
      .enterprises;
    expect(county.totalCount).toBeGreaterThan(0);
    expect(county.edges.every((e) => e.node.regionCode.startsWith('331004'))).toBe(true);
    const city = (await sg.query<Page>(LIST, { first: 1, filter: { regionCode: '331000' } }, admin)).data!
      .enterprises;
    const all = (await sg.query<Page>(LIST, { first: 1 }, admin)).data!.enterprises;
    expect(city.totalCount).toBe(all.totalCount);
    const other = (await sg.query<Page>(LIST, { first: 1, filter: { regionCode: '331002' } }, admin)).data!
      .enterprises;
    expect(other.totalCount + county.totalCount).toBeLessThanOrEqual(all.totalCount);
    const unknown = await sg.query(LIST, { first: 1, filter: { regionCode: '110101' } }, admin);
    expect(unknown.errors?.[0]?.extensions?.['code']).toBe('UNKNOWN_REGION');
  });

  it('filters by industry section or code, scale, tags and name', async () => {
    const c = (await sg.query<Page>(LIST, { first: 100, filter: { industryCode: 'C' } }, admin)).data!
      .enterprises;
    expect(
      c.edges.every(
        (e) => Number(e.node.industryCode.slice(0, 2)) >= 13 && Number(e.node.industryCode.slice(0, 2)) <= 43,
      ),
    ).toBe(true);
    const auto = (await sg.query<Page>(LIST, { first: 100, filter: { industryCode: '36' } }, admin)).data!
      .enterprises;
    expect(auto.edges.every((e) => e.node.industryCode.startsWith('36'))).toBe(true);
    const above = (
      await sg.query<Page>(LIST, { first: 100, filter: { scales: ['ABOVE_DESIGNATED'] } }, admin)
    ).data!.enterprises;
    expect(above.totalCount).toBeGreaterThan(0);
    expect(above.edges.every((e) => e.node.scale === 'ABOVE_DESIGNATED')).toBe(true);
    const tagged = (await sg.query<Page>(LIST, { first: 100, filter: { tagsAll: ['专精特新'] } }, admin))
      .data!.enterprises;
    expect(tagged.totalCount).toBeGreaterThan(0);
    expect(tagged.edges.every((e) => e.node.tags.includes('专精特新'))).toBe(true);
    const byName = (await sg.query<Page>(LIST, { first: 10, filter: { search: '测试机械' } }, admin)).data!
      .enterprises;
    expect(byName.edges.map((e) => e.node.name)).toEqual(['台州市路桥区测试机械有限公司']);
    const byCode = (await sg.query<Page>(LIST, { first: 10, filter: { search: '9144030019' } }, admin)).data!
      .enterprises;
    expect(byCode.totalCount).toBe(1);
  });

  it('shows an enterprise user only its own enterprise', async () => {
    const own = await sg.services.enterprises.findByCreditCode('914403001922038216');
    const res = (await sg.query<Page>(LIST, { first: 100 }, enterpriseUser(own!.id))).data!.enterprises;
    expect(res.totalCount).toBe(1);
    expect(res.edges[0]!.node.id).toBe(own!.id);
    const other = (await sg.query<Page>(LIST, { first: 1 }, admin)).data!.enterprises.edges[0]!.node.id;
    const otherId = other === own!.id ? '00000000-0000-0000-0000-000000000001' : other;
    // Another enterprise answers exactly like a missing one, on every path: no FORBIDDEN oracle.
    const asOwn = enterpriseUser(own!.id);
    const refused = await sg.query(
      `query($id: ID!) { enterprise(id: $id) { name } }`,
      { id: otherId },
      asOwn,
    );
    const missing = await sg.query(
      `query($id: ID!) { enterprise(id: $id) { name } }`,
      { id: '00000000-0000-4000-8000-0000000000ff' },
      asOwn,
    );
    expect(refused).toEqual({ data: { enterprise: null } });
    expect(missing).toEqual(refused);
    const otherCode = (await sg.services.enterprises.findByIds([otherId]))[0]?.creditCode;
    const byCode = await sg.query(
      `query($c: String!) { enterpriseByCreditCode(code: $c) { name } }`,
      { c: otherCode },
      asOwn,
    );
    expect(byCode).toEqual({ data: { enterpriseByCreditCode: null } });
    // Entity references (another subgraph's Issue.enterprise, ServiceGroupCall.enterprise …) too,
    // and an anonymous caller reads none.
    const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Enterprise { id name } } }`;
    const reps = {
      r: [
        { __typename: 'Enterprise', id: own!.id },
        { __typename: 'Enterprise', id: otherId },
      ],
    };
    expect((await sg.query(ENTITIES, reps, asOwn)).data).toEqual({
      _entities: [{ id: own!.id, name: own!.name }, null],
    });
    expect((await sg.query(ENTITIES, reps, null)).data).toEqual({ _entities: [null, null] });
    expect((await sg.query<{ _entities: unknown[] }>(ENTITIES, reps, admin)).data!._entities).toHaveLength(2);
  });
});

describe('changing an enterprise', () => {
  const UPDATE = `mutation($id: ID!, $input: UpdateEnterpriseInput!, $v: Int) { updateEnterprise(id: $id, input: $input, expectedVersion: $v) { id employees tags version } }`;

  it('changes only the given fields, bumps the version and emits EnterpriseUpdated with what changed', async () => {
    const e = (await sg.services.enterprises.findByCreditCode('914403001922038216'))!;
    const res = await sg.query<{ updateEnterprise: { employees: number; version: number } }>(
      UPDATE,
      { id: e.id, input: { employees: 95 }, v: e.version },
      admin,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateEnterprise).toMatchObject({ employees: 95, version: e.version + 1 });
    await sg.relay.drain();
    const ev = events.filter((x) => x.type === 'EnterpriseUpdated' && x.aggregateId === e.id).at(-1);
    expect(ev?.payload).toMatchObject({ changed: ['employees'], enterprise: { employees: 95 } });
  });

  it('refuses null for a field that cannot be emptied, and writes nothing', async () => {
    const e = (await sg.services.enterprises.findByCreditCode('914403001922038216'))!;
    const res = await sg.query(UPDATE, { id: e.id, input: { name: null, tags: null, employees: 7 } }, admin);
    const ext = res.errors?.[0]?.extensions as { code: string; problems: { field: string; code: string }[] };
    expect(ext.code).toBe('BAD_USER_INPUT');
    expect(ext.problems.map((p) => [p.field, p.code])).toEqual([
      ['input.name', 'REQUIRED'],
      ['input.tags', 'REQUIRED'],
    ]);
    expect((await sg.services.enterprises.findByCreditCode('914403001922038216'))!.employees).toBe(
      e.employees,
    );
  });

  it('refuses a change based on a stale version', async () => {
    const e = (await sg.services.enterprises.findByCreditCode('914403001922038216'))!;
    const res = await sg.query(UPDATE, { id: e.id, input: { employees: 1 }, v: e.version - 1 }, admin);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'VERSION_MISMATCH' });
    expect((await sg.services.enterprises.findByCreditCode('914403001922038216'))!.employees).toBe(95);
  });

  it('lets only one of two changes based on the same version through', async () => {
    const e = (await sg.services.enterprises.findByCreditCode('914403001922038216'))!;
    const results = await Promise.all(
      [11, 12].map((employees) => sg.query(UPDATE, { id: e.id, input: { employees }, v: e.version }, admin)),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.flatMap((r) => r.errors ?? []).map((x) => x.extensions?.['reason'])).toEqual([
      'VERSION_MISMATCH',
    ]);
  });

  it('adds and removes tags', async () => {
    const e = (await sg.services.enterprises.findByCreditCode('914403001922038216'))!;
    const add = await sg.query<{ addEnterpriseTags: { tags: string[] } }>(
      `mutation($id: ID!) { addEnterpriseTags(id: $id, tags: ["龙头骨干", "专精特新"], reason: "2026年度专精特新名单") { tags } }`,
      { id: e.id },
      admin,
    );
    expect(add.data!.addEnterpriseTags.tags).toEqual(['专精特新', '隐形冠军(培育)', '龙头骨干']);
    const rm = await sg.query<{ removeEnterpriseTags: { tags: string[] } }>(
      `mutation($id: ID!) { removeEnterpriseTags(id: $id, tags: ["隐形冠军（培育）"], reason: "培育期满未通过认定") { tags } }`,
      { id: e.id },
      admin,
    );
    expect(rm.data!.removeEnterpriseTags.tags).toEqual(['专精特新', '龙头骨干']);
  });

  it('lets the enterprise keep its own liaisons and masks phones for evaluators', async () => {
    const e = (await sg.services.enterprises.findByCreditCode('914403001922038216'))!;
    const add = await sg.query<{ addLiaison: { id: string; phone: string } }>(
      `mutation($id: ID!) { addLiaison(enterpriseId: $id, input: { name: "陈伟", role: "总经理", phone: "0576-82345678" }) { id phone } }`,
      { id: e.id },
      enterpriseUser(e.id),
    );
    expect(add.data!.addLiaison.phone).toBe('0576-82345678');
    const masked = await sg.query<{ enterprise: { liaisons: { phone: string }[] } }>(
      `query($id: ID!) { enterprise(id: $id) { liaisons { phone } } }`,
      { id: e.id },
      evaluator,
    );
    expect(masked.data!.enterprise.liaisons.map((l) => l.phone)).toEqual(['138****2390', '0576-****5678']);
    const other = await sg.query(
      `mutation($id: ID!) { addLiaison(enterpriseId: $id, input: { name: "张三", role: "经理", phone: "13900000000" }) { id } }`,
      { id: e.id },
      enterpriseUser('00000000-0000-0000-0000-000000000009'),
    );
    expect(other.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    // Another enterprise's liaison answers like a liaison that does not exist.
    const stranger = enterpriseUser('00000000-0000-0000-0000-000000000009');
    const foreign = await sg.query(
      `mutation($id: ID!) { removeLiaison(id: $id) { id } }`,
      { id: add.data!.addLiaison.id },
      stranger,
    );
    const absent = await sg.query(
      `mutation($id: ID!) { removeLiaison(id: $id) { id } }`,
      { id: '00000000-0000-4000-8000-0000000000ee' },
      stranger,
    );
    expect(foreign.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    expect(absent.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    expect(foreign.errors?.[0]?.message.replace(add.data!.addLiaison.id, 'ID')).toBe(
      absent.errors?.[0]?.message.replace('00000000-0000-4000-8000-0000000000ee', 'ID'),
    );
    const removed = await sg.query(
      `mutation($id: ID!) { removeLiaison(id: $id) { id } }`,
      { id: add.data!.addLiaison.id },
      admin,
    );
    expect(removed.errors).toBeUndefined();
  });
});

describe('federation', () => {
  it('resolves a batch of entity references with one query', async () => {
    const ids = (
      await sg.database.dataSource.query(`SELECT id FROM enterprises.enterprise ORDER BY id LIMIT 30`)
    ).map((r: { id: string }) => r.id);
    const queries: string[] = [];
    const original = sg.database.dataSource.createQueryRunner.bind(sg.database.dataSource);
    const spy = jest.spyOn(sg.database.dataSource, 'createQueryRunner').mockImplementation((mode) => {
      const runner = original(mode);
      const q = runner.query.bind(runner);
      runner.query = ((...args: Parameters<typeof q>) => {
        queries.push(args[0]);
        return q(...args);
      }) as typeof runner.query;
      return runner;
    });
    try {
      const res = await sg.query<{ _entities: { id: string; name: string; region: { name: string } }[] }>(
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Enterprise { id name region { name } } } }`,
        {
          r: [...ids, '00000000-0000-0000-0000-000000000000'].map((id) => ({ __typename: 'Enterprise', id })),
        },
        admin,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!._entities.slice(0, 30).map((e) => e.id)).toEqual(ids);
      expect(res.data!._entities[30]).toBeNull();
      expect(queries.filter((q) => /FROM "enterprises"."enterprise"/.test(q))).toHaveLength(1);
    } finally {
      spy.mockRestore();
    }
  });

  it('refuses requests that do not carry the gateway signature', async () => {
    const res = await fetch(sg.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ regions { code } }' }),
    });
    expect(res.status).toBe(401);
    const forged = await fetch(sg.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-sfw-viewer': Buffer.from(
          JSON.stringify({ viewer: admin, iat: Math.floor(Date.now() / 1000) }),
        ).toString('base64url'),
        'x-sfw-signature': 'forged',
      },
      body: JSON.stringify({ query: '{ regions { code } }' }),
    });
    expect(forged.status).toBe(401);
  });

  it('answers readiness from the database', async () => {
    const ready = await fetch(sg.url.replace('/graphql', '/health/ready'));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ checks: { database: true } });
  });
});

describe('CSV import', () => {
  const csv = readFileSync(join(__dirname, '../data/sample-import.csv'), 'utf8');
  const IMPORT = `mutation($csv: String!) { importEnterprises(csv: $csv, fileName: "sample.csv", wait: true) {
    status total processed created updated unchanged skipped failed ignoredColumns errors { line code message creditCode }
  } }`;
  type Report = {
    importEnterprises: {
      status: string;
      total: number;
      processed: number;
      created: number;
      updated: number;
      unchanged: number;
      failed: number;
      ignoredColumns: string[];
      errors: { line: number; code: string; message: string }[];
    };
  };

  it('lands good rows, reports bad ones line by line, and changes nothing the second time', async () => {
    const first = await sg.query<Report>(IMPORT, { csv }, admin);
    expect(first.errors).toBeUndefined();
    const r1 = first.data!.importEnterprises;
    expect(r1).toMatchObject({
      status: 'SUCCEEDED',
      total: 12,
      processed: 12,
      created: 8,
      updated: 0,
      unchanged: 0,
      failed: 4,
    });
    expect(r1.errors.map((e) => [e.line, e.code])).toEqual([
      [5, 'INVALID_CREDIT_CODE'],
      [8, 'INVALID_CREDIT_CODE'],
      [11, 'UNKNOWN_REGION'],
      [13, 'DUPLICATE_IN_FILE'],
    ]);
    expect(r1.errors[0]!.message).toMatch(/第18位应为/);
    expect(r1.errors[1]!.message).toMatch(/第12位的字符“O”/);
    expect(r1.errors[3]!.message).toBe('统一社会信用代码与第3行重复');
    expect(r1.ignoredColumns).toEqual(
      ['法定代表人', '企业类型', '登记状态', '住所'].filter((c) => r1.ignoredColumns.includes(c)),
    );
    await sg.relay.drain();
    const registered = events.filter((e) => e.type === 'EnterpriseRegistered').length;

    const second = (await sg.query<Report>(IMPORT, { csv }, admin)).data!.importEnterprises;
    expect(second).toMatchObject({ created: 0, updated: 0, unchanged: 8, failed: 4 });
    await sg.relay.drain();
    expect(events.filter((e) => e.type === 'EnterpriseRegistered').length).toBe(registered);
  });

  it('updates a known enterprise with the cells the file changes', async () => {
    const lines = csv.trim().split('\n');
    const changed = [lines[0], lines[1]!.replace(',86,', ',99,')].join('\n');
    const r = (await sg.query<Report>(IMPORT, { csv: changed }, admin)).data!.importEnterprises;
    expect(r).toMatchObject({ created: 0, updated: 1, unchanged: 0, failed: 0 });
  });

  it('refuses a file without the required columns', async () => {
    const res = await sg.query(IMPORT, { csv: '企业名称,住所\n某公司,某地\n' }, admin);
    expect(res.errors?.[0]?.extensions?.['code']).toBe('INVALID_CSV');
    expect(res.errors?.[0]?.message).toContain('统一社会信用代码');
  });
});
