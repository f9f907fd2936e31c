import type { DataSource, EntityManager } from 'typeorm';
import { AdministrativeLevel, ProblemDomain, SignOffRole } from '@sfw/shared-types';
import { conflict, notFound, orderByKeys, groupByKeys, type Outbox } from '@sfw/subgraph-kit';
import { Divisions, isUuid, LEVEL_LABELS, must, Problems, uniq } from '../common';
import { DEPARTMENT_COLUMNS, toDepartment, toMember, type DepartmentRow, type MemberRow } from '../rows';
import type { Department, DepartmentMember } from '../types';

export interface DepartmentFilterValues {
  level?: AdministrativeLevel | null;
  /** Departments of this region and everything below it. */
  regionCode?: string | null;
  domain?: ProblemDomain | null;
  parentId?: string | null;
  search?: string | null;
  includeInactive?: boolean | null;
}

export interface MemberValues {
  name: string;
  role: SignOffRole;
  title?: string | null;
  account?: string | null;
}

export interface DepartmentValues {
  code: string;
  name: string;
  shortName: string;
  level: AdministrativeLevel;
  regionCode: string;
  parentId: string | null;
  domains: ProblemDomain[];
  active: boolean;
}

const LEVEL_RANK: Record<AdministrativeLevel, number> = { CITY: 0, COUNTY: 1, TOWNSHIP: 2 };
const CODE = /^[A-Z0-9][A-Z0-9-]{1,39}$/;

/** 部门: the departments of the city and its counties and townships, with their sign-off people. */
export class DepartmentService {
  constructor(
    private readonly ds: DataSource,
    private readonly s: string,
    private readonly divisions: Divisions,
    private readonly outbox: Outbox,
  ) {}

  /** Publish the department as it now is (with its sign-off people) in the same transaction. */
  async announce(m: EntityManager, ids: string[]): Promise<void> {
    if (!ids.length) return;
    const rows: DepartmentRow[] = await m.query(
      `SELECT ${DEPARTMENT_COLUMNS} FROM "${this.s}".department d WHERE d.id = ANY($1::uuid[])`,
      [ids],
    );
    const members: MemberRow[] = await m.query(
      `SELECT id, department_id, name, role, title, account FROM "${this.s}".department_member
        WHERE department_id = ANY($1::uuid[]) ORDER BY department_id, position`,
      [ids],
    );
    const byDept = new Map<string, MemberRow[]>();
    for (const mem of members) byDept.set(mem.department_id, [...(byDept.get(mem.department_id) ?? []), mem]);
    await this.outbox.addMany(
      m,
      'DepartmentChanged',
      rows.map((r) => {
        const d = toDepartment(r);
        return {
          aggregate: { type: 'Department', id: d.id },
          payload: {
            department: {
              id: d.id,
              code: d.code,
              name: d.name,
              shortName: d.shortName,
              level: d.level,
              regionCode: d.regionCode,
              parentId: d.parentId,
              domains: d.domains,
              active: d.active,
              members: (byDept.get(d.id) ?? []).map((x) => ({
                name: x.name,
                role: x.role as SignOffRole,
                title: x.title,
                account: x.account,
              })),
            },
          },
        };
      }),
    );
  }

  async list(filter: DepartmentFilterValues): Promise<Department[]> {
    this.divisions.filter('filter.regionCode', filter.regionCode);
    const where: string[] = [];
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    if (!filter.includeInactive) where.push('d.active');
    if (filter.level) where.push(`d.level = ${p(filter.level)}`);
    if (filter.regionCode)
      where.push(`d.region_code LIKE ${p(`${this.divisions.prefix(filter.regionCode)}%`)}`);
    if (filter.domain) where.push(`${p(filter.domain)} = ANY (d.domains)`);
    if (filter.parentId)
      where.push(isUuid(filter.parentId) ? `d.parent_id = ${p(filter.parentId)}` : 'FALSE');
    if (filter.search?.trim()) {
      const q = `%${filter.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      where.push(`(d.name LIKE ${p(q)} OR d.short_name LIKE ${p(q)} OR d.code ILIKE ${p(q)})`);
    }
    const rows: DepartmentRow[] = await this.ds.query(
      `SELECT ${DEPARTMENT_COLUMNS} FROM "${this.s}".department d
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY CASE d.level WHEN 'CITY' THEN 0 WHEN 'COUNTY' THEN 1 ELSE 2 END, d.region_code, d.code`,
      params,
    );
    return rows.map(toDepartment);
  }

  async findByIds(ids: readonly string[]): Promise<(Department | null)[]> {
    const valid = ids.filter(isUuid);
    const rows: DepartmentRow[] = valid.length
      ? await this.ds.query(
          `SELECT ${DEPARTMENT_COLUMNS} FROM "${this.s}".department d WHERE d.id = ANY($1::uuid[])`,
          [valid],
        )
      : [];
    return orderByKeys(ids, rows.map(toDepartment), (d) => d.id);
  }

  async get(id: string, manager: EntityManager = this.ds.manager): Promise<Department> {
    const rows: DepartmentRow[] = isUuid(id)
      ? await manager.query(`SELECT ${DEPARTMENT_COLUMNS} FROM "${this.s}".department d WHERE d.id = $1`, [
          id,
        ])
      : [];
    if (!rows[0]) throw notFound('部门', 'department', id);
    return toDepartment(rows[0]);
  }

  async findByCode(code: string, manager: EntityManager = this.ds.manager): Promise<Department | null> {
    const rows: DepartmentRow[] = await manager.query(
      `SELECT ${DEPARTMENT_COLUMNS} FROM "${this.s}".department d WHERE d.code = $1`,
      [code.trim().toUpperCase()],
    );
    return rows[0] ? toDepartment(rows[0]) : null;
  }

  async membersOf(ids: readonly string[]): Promise<(DepartmentMember & { departmentId: string })[][]> {
    const valid = ids.filter(isUuid);
    const rows: MemberRow[] = valid.length
      ? await this.ds.query(
          `SELECT id, department_id, name, role, title, account FROM "${this.s}".department_member
            WHERE department_id = ANY($1::uuid[]) ORDER BY department_id, position`,
          [valid],
        )
      : [];
    return groupByKeys(ids, rows.map(toMember), (m) => m.departmentId);
  }

  /** Departments whose member list carries this login account (a leader's sign-off roles). */
  async membershipsOf(account: string): Promise<(DepartmentMember & { departmentId: string })[]> {
    const rows: MemberRow[] = await this.ds.query(
      `SELECT id, department_id, name, role, title, account FROM "${this.s}".department_member
        WHERE account = $1 ORDER BY department_id, position`,
      [account],
    );
    return rows.map(toMember);
  }

  async create(input: DepartmentValues, members: MemberValues[] = []): Promise<Department> {
    return this.ds.transaction(async (m) => {
      const values = this.normalize(input);
      await this.validate(m, values, null, members);
      const [row] = (await m.query(
        `INSERT INTO "${this.s}".department (code, name, short_name, level, region_code, parent_id, domains, active)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [
          values.code,
          values.name,
          values.shortName,
          values.level,
          values.regionCode,
          values.parentId,
          values.domains,
          values.active,
        ],
      )) as { id: string }[];
      const id = must(row).id;
      await this.writeMembers(m, id, members);
      await this.announce(m, [id]);
      return this.get(id, m);
    });
  }

  async update(
    id: string,
    patch: Partial<DepartmentValues>,
    expectedVersion?: number | null,
  ): Promise<Department> {
    return this.ds.transaction(async (m) => {
      const current = await this.lock(m, id, expectedVersion);
      const values = this.normalize({ ...current, ...patch });
      await this.validate(m, values, current, null);
      if (!values.active && current.active) {
        const [{ n }] = (await m.query(
          `SELECT count(*)::int AS n FROM "${this.s}".cadre WHERE department_id = $1 AND active`,
          [id],
        )) as [{ n: number }];
        if (n > 0)
          throw conflict(
            `部门还有${n}名在岗服务员，请先调整他们的部门或办理离岗`,
            `the department still has ${n} active cadres`,
            { activeCadres: n },
          );
      }
      await m.query(
        `UPDATE "${this.s}".department SET code = $2, name = $3, short_name = $4, level = $5, region_code = $6,
           parent_id = $7, domains = $8, active = $9, version = version + 1, updated_at = now()
         WHERE id = $1`,
        [
          id,
          values.code,
          values.name,
          values.shortName,
          values.level,
          values.regionCode,
          values.parentId,
          values.domains,
          values.active,
        ],
      );
      await this.announce(m, [id]);
      return this.get(id, m);
    });
  }

  /** Replace the department's sign-off people (科室负责人, 分管领导, 部门负责人). */
  async setMembers(
    id: string,
    members: MemberValues[],
    expectedVersion?: number | null,
  ): Promise<Department> {
    return this.ds.transaction(async (m) => {
      await this.lock(m, id, expectedVersion);
      const problems = new Problems();
      this.checkMembers(problems, members);
      problems.throwIfAny();
      await m.query(`DELETE FROM "${this.s}".department_member WHERE department_id = $1`, [id]);
      await this.writeMembers(m, id, members);
      await m.query(
        `UPDATE "${this.s}".department SET version = version + 1, updated_at = now() WHERE id = $1`,
        [id],
      );
      await this.announce(m, [id]);
      return this.get(id, m);
    });
  }

  private async lock(m: EntityManager, id: string, expectedVersion?: number | null): Promise<Department> {
    if (!isUuid(id)) throw notFound('部门', 'department', id);
    const rows: DepartmentRow[] = await m.query(
      `SELECT ${DEPARTMENT_COLUMNS} FROM "${this.s}".department d WHERE d.id = $1 FOR UPDATE`,
      [id],
    );
    if (!rows[0]) throw notFound('部门', 'department', id);
    const current = toDepartment(rows[0]);
    if (expectedVersion != null && expectedVersion !== current.version)
      throw conflict(
        `部门信息已被他人修改（当前版本 ${current.version}，你的版本 ${expectedVersion}），请刷新后重试`,
        `version mismatch: current ${current.version}, expected ${expectedVersion}`,
        { currentVersion: current.version },
      );
    return current;
  }

  private normalize(v: DepartmentValues): DepartmentValues {
    return {
      ...v,
      code: (v.code ?? '').trim().toUpperCase(),
      name: (v.name ?? '').trim(),
      shortName: (v.shortName ?? '').trim(),
      regionCode: (v.regionCode ?? '').trim(),
      domains: uniq(v.domains ?? []),
      parentId: v.parentId ?? null,
      active: v.active ?? true,
    };
  }

  private async validate(
    m: EntityManager,
    v: DepartmentValues,
    current: Department | null,
    members: MemberValues[] | null,
  ): Promise<void> {
    const problems = new Problems();
    if (problems.required('code', '部门编码', v.code) && !CODE.test(v.code))
      problems.add(
        'code',
        'INVALID_CODE',
        '部门编码只能由大写字母、数字和“-”组成，2–40位，例如 TZ-JXJ',
        'code must be 2–40 of A-Z, 0-9 and "-", e.g. TZ-JXJ',
      );
    problems.text('name', '部门名称', v.name, 2, 60);
    problems.text('shortName', '部门简称', v.shortName, 1, 30);
    this.divisions.check(problems, 'regionCode', v.regionCode, v.level);
    if (v.parentId) {
      if (current && v.parentId === current.id)
        problems.add(
          'parentId',
          'INVALID_PARENT',
          '上级部门不能是自己',
          'a department cannot be its own parent',
        );
      else {
        const [parent] = (
          isUuid(v.parentId)
            ? await m.query(`SELECT ${DEPARTMENT_COLUMNS} FROM "${this.s}".department d WHERE d.id = $1`, [
                v.parentId,
              ])
            : []
        ) as DepartmentRow[];
        if (!parent)
          problems.add(
            'parentId',
            'NOT_FOUND',
            `上级部门不存在：${v.parentId}`,
            `parent not found: ${v.parentId}`,
          );
        else if (LEVEL_RANK[parent.level as AdministrativeLevel] >= LEVEL_RANK[v.level])
          problems.add(
            'parentId',
            'INVALID_PARENT',
            `上级部门“${parent.name}”是${LEVEL_LABELS[parent.level as AdministrativeLevel]}，须高于本部门的${LEVEL_LABELS[v.level]}`,
            'the parent department must sit at a higher level',
          );
        else if (!v.regionCode.startsWith(this.divisions.prefix(parent.region_code)))
          problems.add(
            'parentId',
            'INVALID_PARENT',
            `本部门所在区划不在上级部门“${parent.name}”的辖区内`,
            "the department's region is outside its parent's region",
          );
      }
    }
    const known = new Set<string>(Object.values(ProblemDomain));
    v.domains.forEach((d, i) => {
      if (!known.has(d))
        problems.add(`domains.${i}`, 'INVALID_DOMAIN', `未知的问题领域：${d}`, `unknown domain ${d}`);
    });
    if (members) this.checkMembers(problems, members);
    problems.throwIfAny();
    const clash = (await m.query(
      `SELECT code, name FROM "${this.s}".department WHERE (code = $1 OR name = $2) AND id IS DISTINCT FROM $3`,
      [v.code, v.name, current?.id ?? null],
    )) as { code: string; name: string }[];
    if (clash[0])
      throw conflict(
        clash[0].code === v.code ? `部门编码已被使用：${v.code}` : `部门名称已存在：${v.name}`,
        clash[0].code === v.code ? `department code in use: ${v.code}` : `department name exists: ${v.name}`,
      );
  }

  private checkMembers(problems: Problems, members: MemberValues[]): void {
    const accounts = new Map<string, number>();
    members.forEach((mem, i) => {
      problems.text(`members.${i}.name`, '姓名', mem.name, 1, 30);
      if (mem.title != null && [...mem.title.trim()].length > 30)
        problems.add(
          `members.${i}.title`,
          'INVALID_LENGTH',
          '职务不超过30个字符',
          'title: at most 30 characters',
        );
      if (mem.account != null && mem.account.trim().length > 64)
        problems.add(
          `members.${i}.account`,
          'INVALID_LENGTH',
          '账号不超过64个字符',
          'account: at most 64 characters',
        );
      if (!Object.values(SignOffRole).includes(mem.role))
        problems.add(
          `members.${i}.role`,
          'INVALID_ROLE',
          `未知的签批角色：${mem.role}`,
          `unknown role ${mem.role}`,
        );
      const account = mem.account?.trim();
      if (account) {
        const seen = accounts.get(account);
        if (seen !== undefined)
          problems.add(
            `members.${i}.account`,
            'DUPLICATE_ACCOUNT',
            `账号 ${account} 已出现在第${seen + 1}项：签批须由不同的人担任`,
            `account ${account} appears twice: sign-off roles are held by distinct people`,
          );
        else accounts.set(account, i);
      }
    });
  }

  private async writeMembers(m: EntityManager, id: string, members: MemberValues[]): Promise<void> {
    if (!members.length) return;
    await m.query(
      `INSERT INTO "${this.s}".department_member (department_id, name, role, title, account, position)
       SELECT $1, name, role, title, account, n - 1
         FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS t(name, role, title, account, n)`,
      [
        id,
        members.map((x) => x.name.trim()),
        members.map((x) => x.role),
        members.map((x) => x.title?.trim() ?? ''),
        members.map((x) => x.account?.trim() || null),
      ],
    );
  }
}
