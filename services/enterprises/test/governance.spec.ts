import { randomUUID } from 'node:crypto';
import { AdministrativeLevel, Role, type EventEnvelope, type Viewer } from '@sfw/shared-types';
import { startTestSubgraph, type TestSubgraph } from '@sfw/subgraph-kit/testing';
import { enterprisesSubgraph, type EnterprisesServices } from '../src';
import { parseAttributeOwners } from '../src/governance/governance';
import { admin, demoDrafts } from './helpers';

/**
 * Attributes that decide money are governed: 市场监管局 (`*-SJJ`) keeps registration data, 经信局
 * (`*-JXJ`) scale and tags, administrators everything; every change is on an append-only record.
 */
let sg: TestSubgraph<EnterprisesServices>;
const SJJ = randomUUID();
const JXJ = randomUUID();
const FGW = randomUUID();
const staffOf = (departmentId: string): Viewer => ({
  sub: `staff-${departmentId.slice(0, 4)}`,
  name: '部门工作人员',
  roles: [Role.DEPARTMENT],
  departmentId,
});

function departmentChanged(id: string, code: string, name: string): EventEnvelope {
  return {
    id: randomUUID(),
    type: 'DepartmentChanged',
    version: 1,
    occurredAt: new Date().toISOString(),
    source: 'cadres',
    aggregateType: 'Department',
    aggregateId: id,
    payload: {
      department: {
        id,
        code,
        name,
        shortName: name,
        level: AdministrativeLevel.CITY,
        regionCode: '331000',
        parentId: null,
        domains: [],
        active: true,
        members: [],
      },
    },
  };
}

const UPDATE = `mutation($id: ID!, $input: UpdateEnterpriseInput!, $reason: String) {
  updateEnterprise(id: $id, input: $input, reason: $reason) { id scale employees version } }`;
const CHANGES = `query($id: ID!) { enterprise(id: $id) { changes { version actor reason source changes { field before after } } } }`;
let id: string;

beforeAll(async () => {
  sg = await startTestSubgraph(enterprisesSubgraph);
  for (const [dep, code, name] of [
    [SJJ, 'TZ-SJJ', '台州市市场监督管理局'],
    [JXJ, 'TZ-JXJ', '台州市经济和信息化局'],
    [FGW, 'TZ-FGW', '台州市发展和改革委员会'],
  ] as const)
    await sg.bus.publish(departmentChanged(dep, code, name));
  const draft = { ...demoDrafts(1, 11)[0]!, scale: 'SMALL_MICRO' as never };
  id = (await sg.services.enterprises.register(draft)).id;
});
afterAll(async () => {
  await sg?.stop();
});

describe('governed enterprise attributes', () => {
  it('lets only the registry that keeps an attribute (or an administrator) change it', async () => {
    const scaleUp = { id, input: { scale: 'ABOVE_DESIGNATED' }, reason: '纳入2026年规上工业企业名录' };
    const other = await sg.query(UPDATE, scaleUp, staffOf(FGW));
    expect(other.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(other.errors?.[0]?.message).toContain('企业规模');
    const registry = await sg.query(UPDATE, scaleUp, staffOf(SJJ));
    expect(registry.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    // Any department's staff may keep what no grant depends on.
    const employees = await sg.query(UPDATE, { id, input: { employees: 321 } }, staffOf(FGW));
    expect(employees.errors).toBeUndefined();
    // The owner, with a reason.
    const noReason = await sg.query(UPDATE, { id, input: { scale: 'ABOVE_DESIGNATED' } }, staffOf(JXJ));
    expect(noReason.errors?.[0]?.extensions?.['code']).toBe('REASON_REQUIRED');
    const ok = await sg.query<{ updateEnterprise: { scale: string } }>(UPDATE, scaleUp, staffOf(JXJ));
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.updateEnterprise.scale).toBe('ABOVE_DESIGNATED');
    // 经信局 does not keep registration data; 市场监管局 does.
    const region = { id, input: { regionCode: '331003001' }, reason: '企业迁址，变更登记' };
    expect((await sg.query(UPDATE, region, staffOf(JXJ))).errors?.[0]?.extensions?.['code']).toBe(
      'FORBIDDEN',
    );
    expect((await sg.query(UPDATE, region, staffOf(SJJ))).errors).toBeUndefined();
    // Tags: 经信局's designations.
    const tag = `mutation($id: ID!) { addEnterpriseTags(id: $id, tags: ["专精特新"], reason: "省级专精特新认定") { tags } }`;
    expect((await sg.query(tag, { id }, staffOf(FGW))).errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect((await sg.query(tag, { id }, staffOf(JXJ))).errors).toBeUndefined();
    // Registering is the registry's: not another department.
    const register = `mutation($input: RegisterEnterpriseInput!) { registerEnterprise(input: $input) { id } }`;
    const d = demoDrafts(1, 12)[0]!;
    const input = {
      name: d.name,
      creditCode: d.creditCode,
      regionCode: d.regionCode,
      industryCode: d.industryCode,
      scale: d.scale,
    };
    expect((await sg.query(register, { input }, staffOf(FGW))).errors?.[0]?.extensions?.['code']).toBe(
      'FORBIDDEN',
    );
    expect((await sg.query(register, { input }, staffOf(SJJ))).errors).toBeUndefined();
  });

  it('records every change: who, when, before, after and why, append-only', async () => {
    const res = await sg.query<{
      enterprise: {
        changes: {
          version: number;
          actor: string;
          reason: string | null;
          changes: { field: string; before: string; after: string }[];
        }[];
      };
    }>(CHANGES, { id }, admin);
    const changes = res.data!.enterprise.changes;
    // Newest first: tags, region, scale, employees, registration (by the system, the seed path).
    expect(changes.map((c) => c.changes.map((x) => x.field).join())).toEqual([
      'tags',
      'regionCode',
      'scale',
      'employees',
      expect.stringContaining('scale'),
    ]);
    const scale = changes[2]!;
    expect(scale).toMatchObject({ actor: staffOf(JXJ).sub, reason: '纳入2026年规上工业企业名录' });
    expect(scale.changes).toEqual([{ field: 'scale', before: '"SMALL_MICRO"', after: '"ABOVE_DESIGNATED"' }]);
    expect(changes.map((c) => c.version)).toEqual([...changes.map((c) => c.version)].sort((a, b) => b - a));
    // The record cannot be altered or erased.
    const s = sg.database.schema;
    await expect(
      sg.database.dataSource.query(`UPDATE "${s}".enterprise_change SET reason = 'x'`),
    ).rejects.toThrow(/append-only/);
    await expect(sg.database.dataSource.query(`DELETE FROM "${s}".enterprise_change`)).rejects.toThrow(
      /append-only/,
    );
  });

  it('reads the owners from configuration and refuses a malformed one', () => {
    const owners = parseAttributeOwners('registration:*-SJJ,TZ-XZSP;scale:*-JXJ;tags:*-JXJ,*-KJJ');
    expect(owners.tags.some((re) => re.test('LQ-KJJ'))).toBe(true);
    expect(owners.registration.some((re) => re.test('TZ-XZSP'))).toBe(true);
    expect(owners.registration.some((re) => re.test('TZ-JXJ'))).toBe(false);
    expect(() => parseAttributeOwners('money:*-CZJ')).toThrow(/ENTERPRISES_ATTRIBUTE_OWNERS/);
  });
});
