import { randomUUID } from 'node:crypto';
import { readDivisions, Role, SeededRandom, type EventEnvelope, type Viewer } from '@sfw/shared-types';
import { InProcessEventBus } from '@sfw/subgraph-kit';
import { startTestSubgraph, type TestSubgraph } from '@sfw/subgraph-kit/testing';
import type { PoliciesServices } from '../context';
import { chinaToday } from '../policy/model';
import { POLICY_COLUMNS, type PolicyRow } from '../policy/policy.service';
import { maxAmount } from '../rules/amount';
import { eligible, type RuleEnterprise } from '../rules/rules';
import { policiesSubgraph } from '../subgraph';
import { DEMO_POLICY_DEPARTMENTS, demoPolicyCatalogue } from './demo-policies';
import { seedDemoPolicies } from './seed';

const bus = new InProcessEventBus();
let sg: TestSubgraph<PoliciesServices>;
/** A second subgraph on the same bus: the same projections, seeded again to compare. */
let twin: TestSubgraph<PoliciesServices>;
const NOW = new Date();
const TODAY = chinaToday(NOW);
const admin: Viewer = { sub: 'admin', roles: [Role.ADMIN] };

let at = Date.now() - 86_400_000;
function envelope(type: string, aggregateId: string, payload: unknown): EventEnvelope {
  at += 10;
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

// --- enterprises shaped like the enterprises demo (counties, industries, scales, tags, parks) ---

const COUNTIES: [string, number, string[]][] = [
  ['331002', 15, ['椒江经济开发区', '台州湾新区']],
  ['331003', 14, ['黄岩经济开发区']],
  ['331004', 17, ['路桥经济开发区', '台州湾新区']],
  ['331022', 4, ['三门经济开发区']],
  ['331023', 5, ['天台经济开发区']],
  ['331024', 4, ['仙居经济开发区']],
  ['331081', 18, ['温岭经济开发区']],
  ['331082', 12, ['临海经济开发区']],
  ['331083', 11, ['玉环经济开发区']],
];
const INDUSTRIES: [string, number][] = [
  ['3670', 12],
  ['3752', 6],
  ['2929', 7],
  ['3525', 8],
  ['2710', 3],
  ['2720', 3],
  ['3553', 5],
  ['3441', 6],
  ['3443', 5],
  ['3812', 4],
  ['3484', 5],
  ['3321', 3],
  ['1361', 1],
  ['0153', 1],
  ['4710', 2],
  ['5172', 2],
  ['5181', 2],
  ['5292', 2],
  ['6513', 3],
  ['5431', 2],
  ['7320', 1],
];

function demoEnterprises(count: number) {
  const rng = new SeededRandom(7);
  const townships = new Map<string, string[]>();
  for (const d of readDivisions())
    if (d.level === 'TOWNSHIP' && d.parentCode)
      townships.set(d.parentCode, [...(townships.get(d.parentCode) ?? []), d.code]);
  const out = [];
  for (let n = 0; n < count; n++) {
    const [county, , parks] = rng.weightedEntry(COUNTIES.map((c) => [c, c[1]] as const));
    const industryCode = rng.weightedEntry(INDUSTRIES);
    const manufacturing = Number(industryCode.slice(0, 2)) >= 13 && Number(industryCode.slice(0, 2)) <= 43;
    const r = rng.float();
    const scale = r < 0.15 ? 'ABOVE_DESIGNATED' : r < 0.4 ? 'BELOW_DESIGNATED' : 'SMALL_MICRO';
    const above = scale === 'ABOVE_DESIGNATED';
    const below = scale === 'BELOW_DESIGNATED';
    const tags: string[] = [];
    const tag = (name: string, p: number) => {
      if (rng.chance(p)) tags.push(name);
    };
    tag('龙头骨干', above ? 0.15 : 0);
    tag('高成长', above ? 0.2 : below ? 0.08 : 0.02);
    tag('隐形冠军(培育)', above ? 0.1 : below ? 0.02 : 0);
    tag('专精特新', above ? 0.3 : below ? 0.06 : 0.01);
    tag('重大招商项目', above ? 0.05 : below ? 0.01 : 0);
    tag('高新技术企业', above ? 0.4 : below ? 0.12 : 0);
    tag('科技型中小企业', above ? 0 : below ? 0.2 : 0.08);
    if (manufacturing) tag('外贸出口', scale === 'SMALL_MICRO' ? 0.1 : 0.3);
    const year = above ? rng.int(1990, 2018) : below ? rng.int(1995, 2022) : rng.int(2000, 2025);
    const id = randomUUID();
    out.push({
      id,
      name: `台州测试企业${String(n).padStart(4, '0')}有限公司`,
      creditCode: '91331004MA2AAAAAA0',
      regionCode: rng.pick(townships.get(county) ?? [county]),
      industryCode,
      scale,
      tags,
      employees: above ? rng.int(80, 2000) : below ? rng.int(20, 300) : rng.int(3, 60),
      registeredCapital: above ? rng.int(1000, 30000) : below ? rng.int(200, 3000) : rng.int(10, 500),
      foundedOn: `${year}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
      parks: rng.chance(manufacturing ? (above ? 0.5 : below ? 0.35 : 0.15) : 0.05) ? [rng.pick(parks)] : [],
    });
  }
  return out;
}

const ENTERPRISES = demoEnterprises(500);

beforeAll(async () => {
  sg = await startTestSubgraph(policiesSubgraph, { bus });
  twin = await startTestSubgraph(policiesSubgraph, { bus });
  for (const d of DEMO_POLICY_DEPARTMENTS) {
    const id = randomUUID();
    await bus.publish(
      envelope('DepartmentChanged', id, {
        department: {
          ...d,
          id,
          shortName: d.name,
          parentId: null,
          domains: ['POLICY'],
          active: true,
          members: [],
        },
      }),
    );
  }
  for (const e of ENTERPRISES) await bus.publish(envelope('EnterpriseRegistered', e.id, { enterprise: e }));
}, 120_000);

afterAll(async () => {
  await sg?.stop();
  await twin?.stop();
});

/** The seeded history, without the ids the database draws (policies, departments, pushes). */
async function history(t: TestSubgraph<PoliciesServices>): Promise<unknown[]> {
  const { dataSource: ds, schema: s } = t.database;
  const apps = (await ds.query(
    `SELECT p.title, a.no, a.id, a.enterprise_id, a.status, a.submitted_at, a.decided_at, a.declared_base, a.approved_amount,
       a.paid_on, a.payout_reference, a.materials,
       (SELECT json_agg(json_build_array(e.action, e.at, e.actor, e.note) ORDER BY e.id)
          FROM "${s}".application_event e WHERE e.application_id = a.id) AS events
     FROM "${s}".application a JOIN "${s}".policy p ON p.id = a.policy_id ORDER BY a.no`,
  )) as unknown[];
  const pushes = (await ds.query(
    `SELECT p.title, pp.enterprise_id, pp.pushed_at, pp.read_at, p.published_at, p.status
     FROM "${s}".policy_push pp JOIN "${s}".policy p ON p.id = pp.policy_id ORDER BY 1, 2`,
  )) as unknown[];
  return [apps, pushes];
}

describe('seedDemoPolicies', () => {
  it('publishes the catalogue and writes a year of applications, grants and payouts within the rules', async () => {
    const { dataSource: ds, schema: s } = sg.database;
    const q = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> =>
      (await ds.query(sql, params)) as T[];
    const count = async (sql: string, params: unknown[] = []): Promise<number> =>
      Number((await q<{ n: string }>(`SELECT count(*) AS n FROM ${sql}`, params))[0]?.n ?? -1);

    const report = await seedDemoPolicies(sg.services, ds, s, { now: NOW });
    expect(report).not.toBeNull();
    if (!report) return;
    const catalogue = demoPolicyCatalogue(TODAY);
    const replacedKeys = new Set(catalogue.flatMap((p) => p.replaces));

    // counts
    expect(report.policies).toBe(catalogue.length);
    expect(report.policies).toBe(await count(`"${s}".policy`));
    expect(report.published).toBe(await count(`"${s}".policy WHERE status = 'PUBLISHED'`));
    expect(report.published).toBe(catalogue.length - 2 - replacedKeys.size);
    expect(await count(`"${s}".policy WHERE status = 'DRAFT'`)).toBe(2);
    expect(report.matches).toBe(await count(`"${s}".policy_match`));
    expect(report.pushes).toBe(await count(`"${s}".policy_push`));
    expect(report.pushes).toBeGreaterThan(report.matches);
    expect(report.applications).toBe(await count(`"${s}".application WHERE NOT auto`));
    expect(report.grants).toBe(await count(`"${s}".application WHERE auto`));
    expect(report.paid).toBe(await count(`"${s}".application WHERE status = 'PAID'`));
    expect(report.applications).toBeGreaterThan(200);
    expect(report.grants).toBeGreaterThan(0);
    expect(report.paidAmount).toBeGreaterThan(1_000_000);

    const policies = await q<PolicyRow>(`SELECT ${POLICY_COLUMNS()} FROM "${s}".policy p`);
    const byTitle = new Map(policies.map((p) => [p.title, p]));
    const byId = new Map(policies.map((p) => [p.id, p]));

    // consolidation: the replaced policies are withdrawn into their umbrella
    for (const u of catalogue.filter((p) => p.replaces.length)) {
      const umbrella = byTitle.get(u.title);
      expect(umbrella?.status).toBe('PUBLISHED');
      expect(umbrella?.replaces).toHaveLength(u.replaces.length);
      for (const k of u.replaces) {
        const old = byTitle.get(catalogue.find((p) => p.key === k)?.title ?? '');
        expect(old?.status).toBe('WITHDRAWN');
        expect(old?.statusReason).toBe(`并入《${u.title}》`);
        expect(umbrella?.replaces).toContain(old?.id);
      }
    }

    // every application from an enterprise the policy's rule accepts (still matched while in force)
    const enterprises = new Map(
      (
        await q<RuleEnterprise & { id: string }>(
          `SELECT id, region_code AS "regionCode", industry_code AS "industryCode", scale, tags, parks, employees,
             registered_capital::float8 AS "registeredCapital", to_char(founded_on, 'YYYY-MM-DD') AS "foundedOn"
           FROM "${s}".enterprise`,
        )
      ).map((e) => [e.id, e]),
    );
    const matches = new Set(
      (await q<{ k: string }>(`SELECT policy_id || '/' || enterprise_id AS k FROM "${s}".policy_match`)).map(
        (r) => r.k,
      ),
    );
    const apps = await q<{
      id: string;
      policyId: string;
      enterpriseId: string;
      auto: boolean;
      status: string;
      declaredBase: number | null;
      approvedAmount: number | null;
      paidAmount: number | null;
      materials: { name: string; reference: string }[];
      version: number;
      no: string;
    }>(
      `SELECT id, no, policy_id AS "policyId", enterprise_id AS "enterpriseId", auto, status, materials, version,
         declared_base::float8 AS "declaredBase", approved_amount::float8 AS "approvedAmount", paid_amount::float8 AS "paidAmount"
       FROM "${s}".application`,
    );
    const statuses = new Set<string>();
    for (const a of apps) {
      const p = byId.get(a.policyId);
      const e = enterprises.get(a.enterpriseId);
      expect(p && e).toBeTruthy();
      if (!p || !e) continue;
      statuses.add(a.status);
      if (p.status === 'PUBLISHED') expect(matches.has(`${p.id}/${e.id}`)).toBe(true);
      else expect(p.status).toBe('WITHDRAWN');
      expect(eligible(p.rule, e, TODAY)).toBe(true);
      expect(a.auto).toBe(p.autoGrant);
      expect(a.no).toMatch(a.auto ? /^MS\d{4}-\d{7}$/ : /^ZC\d{4}-\d{7}$/);
      if (p.amountRule.kind === 'SHARE') expect(a.declaredBase).not.toBeNull();
      if (a.approvedAmount !== null) {
        const max = maxAmount(p.amountRule, a.declaredBase);
        expect(max).not.toBeNull();
        expect(a.approvedAmount).toBeGreaterThan(0);
        expect(a.approvedAmount).toBeLessThanOrEqual((max ?? 0) + 1e-6);
      }
      if (a.status === 'PAID') expect(a.paidAmount).toBe(a.approvedAmount);
      if (!a.auto) expect(a.materials.map((x) => x.name)).toEqual(p.materials);
      for (const x of a.materials) expect(x.reference).toMatch(new RegExp(`^oss://demo/${a.no}/.+\\.pdf$`));
    }
    for (const st of ['SUBMITTED', 'APPROVED', 'REJECTED', 'PAID', 'WITHDRAWN'])
      expect(statuses).toContain(st);

    // every enterprise matched to a policy granted without application has its grant
    for (const p of policies.filter((x) => x.autoGrant)) {
      const matched = await count(`"${s}".policy_match WHERE policy_id = $1`, [p.id]);
      expect(await count(`"${s}".application WHERE policy_id = $1 AND auto`, [p.id])).toBe(matched);
    }

    // never two open applications for one pair
    expect(
      await count(`(SELECT policy_id, enterprise_id FROM "${s}".application WHERE status IN ('SUBMITTED', 'MORE_MATERIAL')
        GROUP BY 1, 2 HAVING count(*) > 1) x`),
    ).toBe(0);

    // timelines: a chain from null to the current status, one step per version
    const broken = await q(
      `WITH ev AS (
         SELECT application_id, from_status, to_status, at,
           lag(to_status) OVER w AS prev_to, lag(at) OVER w AS prev_at,
           row_number() OVER w AS n, count(*) OVER (PARTITION BY application_id) AS total
         FROM "${s}".application_event WINDOW w AS (PARTITION BY application_id ORDER BY id))
       SELECT ev.application_id FROM ev JOIN "${s}".application a ON a.id = ev.application_id
       WHERE (ev.n = 1 AND ev.from_status IS NOT NULL)
          OR (ev.n > 1 AND (ev.from_status IS DISTINCT FROM ev.prev_to OR ev.at < ev.prev_at))
          OR (ev.n = ev.total AND (ev.to_status <> a.status OR ev.total <> a.version))`,
    );
    expect(broken).toEqual([]);
    expect(
      await count(
        `"${s}".application a WHERE NOT EXISTS (SELECT 1 FROM "${s}".application_event e WHERE e.application_id = a.id)`,
      ),
    ).toBe(0);

    // payouts: some late (paid after the deadline or still unpaid past it), most on time
    const late = await count(
      `"${s}".application WHERE (status = 'APPROVED' AND payout_due < $1)
         OR (status = 'PAID' AND paid_on > (payout_due AT TIME ZONE 'Asia/Shanghai')::date)`,
      [NOW.toISOString()],
    );
    expect(late).toBeGreaterThan(0);
    expect(late).toBeLessThan(report.paid * 0.25);
    expect(
      await count(
        `"${s}".application WHERE status = 'PAID' AND paid_on < (decided_at AT TIME ZONE 'Asia/Shanghai')::date`,
      ),
    ).toBe(0);

    // nothing dated after now
    const after = [NOW.toISOString()];
    expect(
      await count(
        `"${s}".application WHERE submitted_at > $1 OR decided_at > $1 OR paid_recorded_at > $1`,
        after,
      ),
    ).toBe(0);
    expect(await count(`"${s}".application WHERE paid_on > $1::date`, [TODAY])).toBe(0);
    expect(await count(`"${s}".application_event WHERE at > $1`, after)).toBe(0);
    expect(
      await count(`"${s}".policy WHERE created_at > $1 OR updated_at > $1 OR published_at > $1`, after),
    ).toBe(0);
    expect(
      await count(`"${s}".policy_push WHERE pushed_at > $1 OR read_at > $1 OR read_at < pushed_at`, after),
    ).toBe(0);
    expect(await count(`"${s}".policy_match WHERE matched_at > $1`, after)).toBe(0);
    expect(await count(`"${s}".application WHERE submitted_at < now() - interval '366 days'`)).toBe(0);

    // pushes: about 60% of those older than a month read
    const old = await q<{ n: string; read: string }>(
      `SELECT count(*) AS n, count(read_at) AS read FROM "${s}".policy_push WHERE pushed_at < $1::timestamptz - interval '30 days'`,
      after,
    );
    const share = Number(old[0]?.read) / Number(old[0]?.n);
    expect(share).toBeGreaterThan(0.5);
    expect(share).toBeLessThan(0.8);

    // one policy almost nobody applies for (应享未享)
    const low = await sg.services.totals.lowTakeUp(0.05, 20, admin);
    expect(low.map((x) => byId.get(x.policyId)?.title)).toContain(
      catalogue.find((p) => p.key === 'rsj-trainee')?.title,
    );

    // a restart seeds nothing
    expect(await seedDemoPolicies(sg.services, ds, s, { now: NOW })).toBeNull();
    expect(await count(`"${s}".application`)).toBe(report.applications + report.grants);
  });

  it('writes the same history again from the same projections, seed and now', async () => {
    expect(
      await seedDemoPolicies(twin.services, twin.database.dataSource, twin.database.schema, { now: NOW }),
    ).not.toBeNull();
    expect(await history(twin)).toEqual(await history(sg));
  });
});
