import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { Outbox } from '@sfw/subgraph-kit';
import {
  AdministrativeLevel,
  KEY_ENTERPRISE_TAGS,
  regionPrefix,
  type ProblemDomain,
} from '@sfw/shared-types';
import { Divisions, must, todayInChina } from '../common';
import { DepartmentService } from '../department/department.service';
import { generateDemoCadres, generateDemoDepartments } from './demo-cadres';
import type { DemoCadresData, SeedEnterprise } from './demo-types';

export interface SeedIds {
  /** Id of the first department (台州市经济和信息化局), the demo department. */
  departmentId?: string;
  /** Id of the first cadre, the demo cadre. */
  cadreId?: string;
  /** Login subject bound to the demo cadre. */
  cadreAccount?: string;
}

export interface SeedReport {
  departments: number;
  cadres: number;
  pairings: number;
  visits: number;
  serviceGroups: number;
  demoCadreRegionCode: string | null;
}

const CHUNK = 2000;

/** The enterprises this service knows (its projection), as the demo generator wants them. */
export async function knownEnterprises(ds: DataSource, s: string): Promise<SeedEnterprise[]> {
  const rows: { id: string; name: string; region_code: string; tags: string[]; industry_code: string }[] =
    await ds.query(`SELECT id, name, region_code, tags, industry_code FROM "${s}".enterprise ORDER BY id`);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    regionCode: r.region_code,
    tags: r.tags,
    industryCode: r.industry_code,
  }));
}

/**
 * Write the demo city's departments, cadres, pairings, service groups and a year of visits, in
 * one transaction (an interrupted first start leaves nothing, and the next start seeds again).
 * Runs only when there are no departments yet. Events go through the outbox like any change.
 */
export async function seedDemoCadres(
  ds: DataSource,
  s: string,
  outbox: Outbox,
  options: {
    ids?: SeedIds;
    demoEnterpriseId?: string;
    today?: string;
    visitsPerEnterprise?: number;
    enterprises?: SeedEnterprise[];
  } = {},
): Promise<SeedReport | null> {
  const [existing] = (await ds.query(`SELECT count(*)::int AS n FROM "${s}".department`)) as { n: number }[];
  if ((existing?.n ?? 0) > 0) return null;
  const enterprises = options.enterprises ?? (await knownEnterprises(ds, s));
  const departments = generateDemoDepartments();
  const data: DemoCadresData = {
    departments,
    ...generateDemoCadres(departments, enterprises, {
      today: options.today ?? todayInChina(),
      visitsPerEnterprise: options.visitsPerEnterprise,
      demoEnterpriseId: options.demoEnterpriseId,
    }),
  };
  return ds.transaction((m) => writeDemoData(m, s, outbox, data, options.ids ?? {}));
}

export async function writeDemoData(
  m: EntityManager,
  s: string,
  outbox: Outbox,
  data: DemoCadresData,
  ids: SeedIds,
): Promise<SeedReport> {
  const deptId = new Map<string, string>();
  data.departments.forEach((d, i) =>
    deptId.set(d.code, i === 0 && ids.departmentId ? ids.departmentId : randomUUID()),
  );
  for (let i = 0; i < data.departments.length; i += CHUNK) {
    const part = data.departments.slice(i, i + CHUNK);
    await m.query(
      `INSERT INTO "${s}".department (id, code, name, short_name, level, region_code, parent_id, domains)
       SELECT id, code, name, short_name, level, region_code, parent_id, string_to_array(domains, ',')
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::uuid[], $8::text[])
           AS t(id, code, name, short_name, level, region_code, parent_id, domains)`,
      [
        part.map((d) => deptId.get(d.code)),
        part.map((d) => d.code),
        part.map((d) => d.name),
        part.map((d) => d.shortName),
        part.map((d) => d.level),
        part.map((d) => d.regionCode),
        part.map((d) => (d.parentCode ? (deptId.get(d.parentCode) ?? null) : null)),
        part.map((d) => d.domains.join(',')),
      ],
    );
  }
  const members = data.departments.flatMap((d) =>
    d.members.map((mem, position) => ({ ...mem, dept: d.code, position })),
  );
  await m.query(
    `INSERT INTO "${s}".department_member (department_id, name, role, title, account, position)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[])`,
    [
      members.map((x) => deptId.get(x.dept)),
      members.map((x) => x.name),
      members.map((x) => x.role),
      members.map((x) => x.title),
      members.map((x) => x.account),
      members.map((x) => x.position),
    ],
  );

  // Other services learn the departments (and who signs off) from events, like any change.
  await new DepartmentService(m.connection, s, new Divisions(), outbox).announce(m, [...deptId.values()]);

  const cadreId = new Map<string, string>();
  const cadreDept = new Map<string, string>();
  data.cadres.forEach((c, i) => {
    cadreId.set(c.staffNo, i === 0 && ids.cadreId ? ids.cadreId : randomUUID());
    cadreDept.set(c.staffNo, must(deptId.get(c.departmentCode)));
  });
  const today = todayInChina();
  for (let i = 0; i < data.cadres.length; i += CHUNK) {
    const part = data.cadres.slice(i, i + CHUNK);
    await m.query(
      `INSERT INTO "${s}".cadre (id, staff_no, name, department_id, level, region_code, specialties, phone, account,
         active, left_on, leave_reason)
       SELECT id, staff_no, name, department_id, level, region_code, string_to_array(specialties, ','), phone, account,
              active, CASE WHEN active THEN NULL ELSE $11::date END, CASE WHEN active THEN NULL ELSE '岗位调整' END
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[],
                     $9::text[], $10::boolean[])
           AS t(id, staff_no, name, department_id, level, region_code, specialties, phone, account, active)`,
      [
        part.map((c) => cadreId.get(c.staffNo)),
        part.map((c) => c.staffNo),
        part.map((c) => c.name),
        part.map((c) => deptId.get(c.departmentCode)),
        part.map((c) => c.level),
        part.map((c) => c.regionCode),
        part.map((c) => c.specialties.join(',')),
        part.map((c) => c.phone),
        part.map((c, j) => (i + j === 0 && ids.cadreAccount ? ids.cadreAccount : null)),
        part.map((c) => c.active),
        today,
      ],
    );
  }

  const enterpriseTags = new Map<string, string[]>(
    ((await m.query(`SELECT id, tags FROM "${s}".enterprise`)) as { id: string; tags: string[] }[]).map(
      (r) => [r.id, r.tags],
    ),
  );
  const cadreLevel = new Map(data.cadres.map((c) => [c.staffNo, c.level]));
  const pairings = data.pairings
    .filter((p) => enterpriseTags.has(p.enterpriseId) && cadreId.has(p.staffNo))
    .map((p) => {
      const level = cadreLevel.get(p.staffNo) as AdministrativeLevel;
      const tags = enterpriseTags.get(p.enterpriseId) ?? [];
      return {
        ...p,
        id: randomUUID(),
        level,
        exception: level === AdministrativeLevel.CITY && !tags.some((t) => KEY_ENTERPRISE_TAGS.includes(t)),
      };
    });
  for (let i = 0; i < pairings.length; i += CHUNK) {
    const part = pairings.slice(i, i + CHUNK);
    await m.query(
      `INSERT INTO "${s}".pairing (id, cadre_id, enterprise_id, level, is_primary, from_date, key_exception,
         exception_note, created_by)
       SELECT id, cadre_id, enterprise_id, level, is_primary, from_date, key_exception,
              CASE WHEN key_exception THEN '演示数据：历史结对' END, 'seed'
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::boolean[], $6::date[], $7::boolean[])
           AS t(id, cadre_id, enterprise_id, level, is_primary, from_date, key_exception)`,
      [
        part.map((p) => p.id),
        part.map((p) => cadreId.get(p.staffNo)),
        part.map((p) => p.enterpriseId),
        part.map((p) => p.level),
        part.map((p) => p.primary),
        part.map((p) => p.fromDate),
        part.map((p) => p.exception),
      ],
    );
    await outbox.addMany(
      m,
      'CadrePaired',
      part.map((p) => ({
        aggregate: { type: 'Pairing', id: p.id },
        payload: {
          pairingId: p.id,
          cadreId: must(cadreId.get(p.staffNo)),
          departmentId: must(cadreDept.get(p.staffNo)),
          enterpriseId: p.enterpriseId,
          level: p.level,
          primary: p.primary,
          fromDate: p.fromDate,
          keyEnterpriseException: p.exception,
        },
      })),
    );
  }

  const groupId = new Map<string, string>();
  for (const g of data.serviceGroups) {
    const id = randomUUID();
    groupId.set(g.name, id);
    const regionPrefixes = g.regionCodes.map((c) => regionPrefix(c));
    await m.query(
      `INSERT INTO "${s}".service_group (id, name, kind, description, specialties, region_codes, region_prefixes,
         lead_department_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        id,
        g.name,
        g.kind,
        g.description,
        g.specialties,
        g.regionCodes,
        regionPrefixes,
        deptId.get(g.leadDepartmentCode),
      ],
    );
    const memberIds = g.memberStaffNos.filter((no) => cadreId.has(no));
    await m.query(
      `INSERT INTO "${s}".service_group_member (group_id, cadre_id, is_lead, position)
       SELECT $1, cadre_id, n = 1, n - 1 FROM unnest($2::uuid[]) WITH ORDINALITY AS t(cadre_id, n)`,
      [id, memberIds.map((no) => cadreId.get(no))],
    );
    const calls = g.calledInFor.filter((e) => enterpriseTags.has(e));
    await m.query(
      `INSERT INTO "${s}".service_group_call (group_id, enterprise_id, reason, called_by)
       SELECT $1, enterprise_id, '演示数据：结对服务员请求专业支持', 'seed' FROM unnest($2::uuid[]) AS t(enterprise_id)`,
      [id, calls],
    );
  }

  const visits = data.visits
    .filter((v) => enterpriseTags.has(v.enterpriseId) && cadreId.has(v.staffNo))
    .map((v) => ({ ...v, id: randomUUID() }));
  for (let i = 0; i < visits.length; i += CHUNK) {
    const part = visits.slice(i, i + CHUNK);
    await m.query(
      `INSERT INTO "${s}".visit (id, cadre_id, department_id, enterprise_id, service_group_id, status, visited_on, kind,
         questions, notes, recorded_by, completed_at)
       SELECT id, cadre_id, department_id, enterprise_id, service_group_id, 'COMPLETED', visited_on, kind,
              string_to_array(questions, ','), notes, 'seed', visited_on::timestamptz + interval '10 hours'
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::date[], $7::text[], $8::text[],
                     $9::text[]) AS t(id, cadre_id, department_id, enterprise_id, service_group_id, visited_on, kind,
                     questions, notes)`,
      [
        part.map((v) => v.id),
        part.map((v) => cadreId.get(v.staffNo)),
        part.map((v) => cadreDept.get(v.staffNo)),
        part.map((v) => v.enterpriseId),
        part.map((v) => (v.serviceGroupName ? (groupId.get(v.serviceGroupName) ?? null) : null)),
        part.map((v) => v.visitedOn),
        part.map((v) => v.kind),
        part.map((v) => v.questions.join(',')),
        part.map((v) => v.notes),
      ],
    );
    const problems = part.flatMap((v) =>
      v.problems.map((p, position) => ({ ...p, id: randomUUID(), visitId: v.id, position })),
    );
    if (problems.length)
      await m.query(
        `INSERT INTO "${s}".visit_problem (id, visit_id, position, title, description, domain)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::text[], $6::text[])`,
        [
          problems.map((p) => p.id),
          problems.map((p) => p.visitId),
          problems.map((p) => p.position),
          problems.map((p) => p.title),
          problems.map((p) => p.description),
          problems.map((p) => p.domain),
        ],
      );
    const problemsByVisit = new Map<string, typeof problems>();
    for (const p of problems) problemsByVisit.set(p.visitId, [...(problemsByVisit.get(p.visitId) ?? []), p]);
    await outbox.addMany(
      m,
      'VisitRecorded',
      part.map((v) => ({
        aggregate: { type: 'Visit', id: v.id },
        payload: {
          visitId: v.id,
          cadreId: must(cadreId.get(v.staffNo)),
          departmentId: must(cadreDept.get(v.staffNo)),
          enterpriseId: v.enterpriseId,
          serviceGroupId: v.serviceGroupName ? (groupId.get(v.serviceGroupName) ?? null) : null,
          visitedOn: v.visitedOn,
          kind: v.kind,
          questions: v.questions,
          problems: (problemsByVisit.get(v.id) ?? []).map((p) => ({
            id: p.id,
            title: p.title,
            description: p.description,
            domain: p.domain as ProblemDomain,
          })),
        },
      })),
    );
  }
  // The maintained "last visit" dates the coverage queries read.
  await m.query(
    `UPDATE "${s}".enterprise e SET last_visit_on = x.d FROM (
       SELECT enterprise_id, max(visited_on) AS d FROM "${s}".visit WHERE status = 'COMPLETED' GROUP BY enterprise_id
     ) x WHERE x.enterprise_id = e.id`,
  );
  await m.query(
    `UPDATE "${s}".cadre c SET last_visit_on = x.d FROM (
       SELECT cadre_id, max(visited_on) AS d FROM "${s}".visit WHERE status = 'COMPLETED' GROUP BY cadre_id
     ) x WHERE x.cadre_id = c.id`,
  );
  return {
    departments: data.departments.length,
    cadres: data.cadres.length,
    pairings: pairings.length,
    visits: visits.length,
    serviceGroups: data.serviceGroups.length,
    demoCadreRegionCode: data.cadres[0]?.regionCode ?? null,
  };
}
