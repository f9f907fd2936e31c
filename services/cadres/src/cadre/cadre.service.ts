import type { DataSource, EntityManager } from 'typeorm';
import { AdministrativeLevel, ProblemDomain } from '@sfw/shared-types';
import { conflict, notFound, orderByKeys, type Outbox } from '@sfw/subgraph-kit';
import type { ReadScope } from '../access';
import {
  addDays,
  decodeCursor,
  Divisions,
  encodeCursor,
  isUuid,
  LEVEL_LABELS,
  MOBILE,
  must,
  Problems,
  returned,
  todayInChina,
  uniq,
} from '../common';
import type { DepartmentService } from '../department/department.service';
import { CADRE_COLUMNS, PAIRING_COLUMNS, toCadre, toPairing, type CadreRow, type PairingRow } from '../rows';
import { cadreScopeSql, param } from '../scope-sql';
import type { Cadre, Pairing } from '../types';

export interface CadreFilterValues {
  departmentId?: string | null;
  level?: AdministrativeLevel | null;
  /** Cadres of this region and everything below it. */
  regionCode?: string | null;
  specialty?: ProblemDomain | null;
  active?: boolean | null;
  search?: string | null;
}

export interface CadreValues {
  staffNo: string;
  name: string;
  departmentId: string;
  level?: AdministrativeLevel | null;
  regionCode?: string | null;
  specialties: ProblemDomain[];
  phone?: string | null;
  account?: string | null;
}

export interface CadrePage {
  rows: Cadre[];
  hasNextPage: boolean;
  totalCount: number | null;
}

/** 助企服务员: the cadres, their departments and levels; leaving ends their pairings. */
export class CadreService {
  constructor(
    private readonly ds: DataSource,
    private readonly s: string,
    private readonly outbox: Outbox,
    private readonly divisions: Divisions,
    private readonly departments: DepartmentService,
  ) {}

  cursorOf(c: Cadre): string {
    return encodeCursor('cadre', c.name, c.id);
  }

  async list(
    filter: CadreFilterValues,
    first: number,
    after: string | null,
    scope: ReadScope,
    withCount: boolean,
  ): Promise<CadrePage> {
    this.divisions.filter('filter.regionCode', filter.regionCode);
    const params: unknown[] = [];
    const where = [cadreScopeSql(this.s, scope, params)];
    if (filter.departmentId)
      where.push(
        isUuid(filter.departmentId) ? `c.department_id = ${param(params, filter.departmentId)}` : 'FALSE',
      );
    if (filter.level) where.push(`c.level = ${param(params, filter.level)}`);
    if (filter.regionCode)
      where.push(`c.region_code LIKE ${param(params, `${this.divisions.prefix(filter.regionCode)}%`)}`);
    if (filter.specialty) where.push(`c.specialties @> ARRAY[${param(params, filter.specialty)}]::text[]`);
    if (filter.active != null) where.push(`c.active = ${param(params, filter.active)}`);
    if (filter.search?.trim()) {
      const q = `%${filter.search.trim().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      where.push(`(c.name LIKE ${param(params, q)} OR c.staff_no ILIKE ${param(params, q)})`);
    }
    const countParams = [...params];
    const countWhere = [...where];
    if (after) {
      const cur = decodeCursor(after, 'cadre');
      where.push(`(c.name, c.id) > (${param(params, cur.k)}, ${param(params, cur.id)}::uuid)`);
    }
    const pageQuery = this.ds.query(
      `SELECT ${CADRE_COLUMNS} FROM "${this.s}".cadre c WHERE ${where.join(' AND ')}
        ORDER BY c.name, c.id LIMIT ${first + 1}`,
      params,
    ) as Promise<CadreRow[]>;
    const countQuery = withCount
      ? (this.ds.query(
          `SELECT count(*)::int AS n FROM "${this.s}".cadre c WHERE ${countWhere.join(' AND ')}`,
          countParams,
        ) as Promise<{ n: number }[]>)
      : Promise.resolve(null);
    const [rows, count] = await Promise.all([pageQuery, countQuery]);
    return {
      rows: rows.slice(0, first).map(toCadre),
      hasNextPage: rows.length > first,
      totalCount: count ? (count[0]?.n ?? 0) : null,
    };
  }

  async findByIds(ids: readonly string[]): Promise<(Cadre | null)[]> {
    const valid = ids.filter(isUuid);
    const rows: CadreRow[] = valid.length
      ? await this.ds.query(`SELECT ${CADRE_COLUMNS} FROM "${this.s}".cadre c WHERE c.id = ANY($1::uuid[])`, [
          valid,
        ])
      : [];
    return orderByKeys(ids, rows.map(toCadre), (c) => c.id);
  }

  /** Which of these cadres the scope may read. */
  async visibleAmong(ids: readonly string[], scope: ReadScope): Promise<Set<string>> {
    const valid = ids.filter(isUuid);
    if (!valid.length) return new Set();
    const params: unknown[] = [valid];
    const rows: { id: string }[] = await this.ds.query(
      `SELECT c.id FROM "${this.s}".cadre c WHERE c.id = ANY($1::uuid[]) AND ${cadreScopeSql(this.s, scope, params)}`,
      params,
    );
    return new Set(rows.map((r) => r.id));
  }

  async get(id: string, manager: EntityManager = this.ds.manager, lock = false): Promise<Cadre> {
    const rows: CadreRow[] = isUuid(id)
      ? await manager.query(
          `SELECT ${CADRE_COLUMNS} FROM "${this.s}".cadre c WHERE c.id = $1 ${lock ? 'FOR UPDATE' : ''}`,
          [id],
        )
      : [];
    if (!rows[0]) throw notFound('助企服务员', 'cadre', id);
    return toCadre(rows[0]);
  }

  async findByStaffNo(staffNo: string, manager: EntityManager = this.ds.manager): Promise<Cadre | null> {
    const rows: CadreRow[] = await manager.query(
      `SELECT ${CADRE_COLUMNS} FROM "${this.s}".cadre c WHERE c.staff_no = $1`,
      [staffNo.trim()],
    );
    return rows[0] ? toCadre(rows[0]) : null;
  }

  async create(input: CadreValues, id?: string): Promise<Cadre> {
    return this.ds.transaction(async (m) => {
      const values = await this.validate(m, input, null);
      const [row] = (await m.query(
        `INSERT INTO "${this.s}".cadre (id, staff_no, name, department_id, level, region_code, specialties, phone, account)
         VALUES (COALESCE($9::uuid, gen_random_uuid()), $1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [
          values.staffNo,
          values.name,
          values.departmentId,
          values.level,
          values.regionCode,
          values.specialties,
          values.phone ?? null,
          values.account ?? null,
          id ?? null,
        ],
      )) as { id: string }[];
      return this.get(must(row).id, m);
    });
  }

  async update(id: string, patch: Partial<CadreValues>, expectedVersion?: number | null): Promise<Cadre> {
    return this.ds.transaction(async (m) => {
      const current = await this.get(id, m, true);
      this.checkVersion(current, expectedVersion);
      const values = await this.validate(
        m,
        {
          staffNo: current.staffNo,
          name: current.name,
          departmentId: current.departmentId,
          level: current.level,
          regionCode: current.regionCode,
          specialties: current.specialties,
          phone: current.phoneRaw,
          account: current.account,
          // A department change without an explicit level/region takes the new department's.
          ...(patch.departmentId && patch.departmentId !== current.departmentId
            ? { level: null, regionCode: null }
            : {}),
          ...patch,
        },
        current,
      );
      if (values.level !== current.level) {
        const [{ n }] = (await m.query(
          `SELECT count(*)::int AS n FROM "${this.s}".pairing WHERE cadre_id = $1 AND to_date IS NULL`,
          [id],
        )) as [{ n: number }];
        if (n > 0)
          throw conflict(
            `该服务员还有${n}家结对企业，层级变更前请先调整结对`,
            `the cadre has ${n} current pairings; re-pair them before changing level`,
            { currentPairings: n },
          );
      }
      await m.query(
        `UPDATE "${this.s}".cadre SET staff_no = $2, name = $3, department_id = $4, level = $5, region_code = $6,
           specialties = $7, phone = $8, account = $9, version = version + 1, updated_at = now()
         WHERE id = $1`,
        [
          id,
          values.staffNo,
          values.name,
          values.departmentId,
          values.level,
          values.regionCode,
          values.specialties,
          values.phone ?? null,
          values.account ?? null,
        ],
      );
      return this.get(id, m);
    });
  }

  /**
   * 离岗: the cadre leaves; every current pairing ends (CADRE_LEFT) and the affected enterprises
   * wait in the re-pairing queue. Returns the ended pairings.
   */
  async deactivate(
    id: string,
    leftOn: string | null | undefined,
    reason: string,
    expectedVersion?: number | null,
  ): Promise<{ cadre: Cadre; endedPairings: Pairing[] }> {
    return this.ds.transaction(async (m) => {
      const current = await this.get(id, m, true);
      this.checkVersion(current, expectedVersion);
      const day = leftOn ?? todayInChina();
      const problems = new Problems();
      problems.date('leftOn', '离岗日期', day);
      problems.text('reason', '离岗原因', reason, 2, 200);
      if (day > addDays(todayInChina(), 0) && problems.list.length === 0)
        problems.add('leftOn', 'DATE_IN_FUTURE', '离岗日期不能晚于今天', 'leftOn cannot be in the future');
      problems.throwIfAny();
      if (!current.active)
        throw conflict(`该服务员已于${current.leftOn}离岗`, `the cadre already left on ${current.leftOn}`, {
          reason: 'ALREADY_INACTIVE',
        });
      const ended = returned<PairingRow>(
        await m.query(
          `UPDATE "${this.s}".pairing p SET to_date = GREATEST(p.from_date, $2::date), end_reason = 'CADRE_LEFT',
           end_note = $3, ended_at = now()
         WHERE p.cadre_id = $1 AND p.to_date IS NULL
         RETURNING ${PAIRING_COLUMNS}`,
          [id, day, reason.trim()],
        ),
      );
      await m.query(
        `UPDATE "${this.s}".cadre SET active = false, left_on = $2, leave_reason = $3, version = version + 1,
           updated_at = now() WHERE id = $1`,
        [id, day, reason.trim()],
      );
      const endedPairings = ended.map(toPairing);
      await this.outbox.addMany(
        m,
        'CadreUnpaired',
        endedPairings.map((p) => ({
          aggregate: { type: 'Pairing', id: p.id },
          payload: {
            pairingId: p.id,
            cadreId: p.cadreId,
            enterpriseId: p.enterpriseId,
            level: p.level,
            primary: p.primary,
            toDate: p.toDate ?? day,
            reason: 'CADRE_LEFT' as const,
          },
        })),
      );
      return { cadre: await this.get(id, m), endedPairings };
    });
  }

  private checkVersion(current: Cadre, expectedVersion?: number | null): void {
    if (expectedVersion != null && expectedVersion !== current.version)
      throw conflict(
        `服务员信息已被他人修改（当前版本 ${current.version}，你的版本 ${expectedVersion}），请刷新后重试`,
        `version mismatch: current ${current.version}, expected ${expectedVersion}`,
        { currentVersion: current.version },
      );
  }

  private async validate(
    m: EntityManager,
    input: CadreValues,
    current: Cadre | null,
  ): Promise<Required<CadreValues>> {
    const problems = new Problems();
    const staffNo = (input.staffNo ?? '').trim();
    if (problems.required('staffNo', '工号', staffNo) && !/^[A-Za-z0-9-]{3,32}$/.test(staffNo))
      problems.add(
        'staffNo',
        'INVALID_STAFF_NO',
        '工号只能由字母、数字和“-”组成，3–32位',
        'staffNo: 3–32 of A-Z, a-z, 0-9, -',
      );
    const name = (input.name ?? '').trim();
    problems.text('name', '姓名', name, 2, 30);
    const phone = input.phone?.replace(/[\s-]/g, '') || null;
    if (phone && !MOBILE.test(phone))
      problems.add(
        'phone',
        'INVALID_PHONE',
        '手机号码应为11位，以1开头',
        'phone must be an 11-digit mainland mobile number',
      );
    const specialties = uniq(input.specialties ?? []);
    specialties.forEach((d, i) => {
      if (!Object.values(ProblemDomain).includes(d))
        problems.add(`specialties.${i}`, 'INVALID_DOMAIN', `未知的专长领域：${d}`, `unknown domain ${d}`);
    });
    let level = input.level ?? null;
    let regionCode = input.regionCode?.trim() || null;
    if (problems.required('departmentId', '所属部门', input.departmentId)) {
      const [dept] = (
        isUuid(input.departmentId)
          ? await m.query(
              `SELECT id, name, level, region_code, active FROM "${this.s}".department WHERE id = $1`,
              [input.departmentId],
            )
          : []
      ) as { id: string; name: string; level: AdministrativeLevel; region_code: string; active: boolean }[];
      if (!dept)
        problems.add(
          'departmentId',
          'NOT_FOUND',
          `部门不存在：${input.departmentId}`,
          `department not found`,
        );
      else {
        if (!dept.active && dept.id !== current?.departmentId)
          problems.add(
            'departmentId',
            'DEPARTMENT_INACTIVE',
            `部门“${dept.name}”已撤销`,
            'the department is inactive',
          );
        level ??= dept.level;
        regionCode ??= dept.region_code;
        if (level !== dept.level)
          problems.add(
            'level',
            'LEVEL_MISMATCH',
            `服务员层级须与所属部门“${dept.name}”一致（${LEVEL_LABELS[dept.level]}）`,
            "a cadre's level is its department's level",
          );
        else {
          this.divisions.check(problems, 'regionCode', regionCode, level);
          if (regionCode && !regionCode.startsWith(this.divisions.prefix(dept.region_code)))
            problems.add(
              'regionCode',
              'REGION_OUTSIDE_DEPARTMENT',
              `${this.divisions.name(regionCode)}不在“${dept.name}”的辖区内`,
              "the cadre's region is outside the department's",
            );
        }
      }
    }
    const account = input.account?.trim() || null;
    problems.throwIfAny();
    const clash = (await m.query(
      `SELECT staff_no, account FROM "${this.s}".cadre
        WHERE (staff_no = $1 OR (account = $2 AND $2 IS NOT NULL)) AND id IS DISTINCT FROM $3`,
      [staffNo, account, current?.id ?? null],
    )) as { staff_no: string; account: string | null }[];
    if (clash[0])
      throw conflict(
        clash[0].staff_no === staffNo ? `工号已被使用：${staffNo}` : `账号已绑定其他服务员：${account}`,
        clash[0].staff_no === staffNo ? `staffNo in use: ${staffNo}` : `account bound to another cadre`,
      );
    return {
      staffNo,
      name,
      departmentId: input.departmentId,
      level: level as AdministrativeLevel,
      regionCode: regionCode as string,
      specialties,
      phone,
      account,
    };
  }
}
