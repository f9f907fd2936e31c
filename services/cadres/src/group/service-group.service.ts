import type { DataSource, EntityManager } from 'typeorm';
import { ProblemDomain } from '@sfw/shared-types';
import { AppError, conflict, groupByKeys, notFound, orderByKeys } from '@sfw/subgraph-kit';
import { Divisions, isUuid, must, Problems, returned, uniq } from '../common';
import type { EnterpriseProjection } from '../enterprise/enterprise.projection';
import { GROUP_COLUMNS, toCall, toGroup, type CallRow, type GroupRow } from '../rows';
import { param } from '../scope-sql';
import {
  ServiceGroupKind,
  type ServiceGroup,
  type ServiceGroupCall,
  type ServiceGroupMember,
} from '../types';

export interface ServiceGroupFilterValues {
  kind?: ServiceGroupKind | null;
  /** Groups having this specialty. */
  specialty?: ProblemDomain | null;
  /** Groups serving this region: a group for a county serves its townships, a city group all. */
  regionCode?: string | null;
  includeInactive?: boolean | null;
  search?: string | null;
}

export interface ServiceGroupValues {
  name: string;
  kind: ServiceGroupKind;
  description?: string | null;
  specialties: ProblemDomain[];
  regionCodes: string[];
  leadDepartmentId: string;
  active?: boolean | null;
}

export interface MemberInput {
  cadreId: string;
  lead?: boolean | null;
}

/** 专业服务组 / 帮帮团 and 专班: members, specialties, regions, and the enterprises they are called into. */
export class ServiceGroupService {
  constructor(
    private readonly ds: DataSource,
    private readonly s: string,
    private readonly divisions: Divisions,
    private readonly enterprises: EnterpriseProjection,
  ) {}

  async list(filter: ServiceGroupFilterValues): Promise<ServiceGroup[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (!filter.includeInactive) where.push('g.active');
    if (filter.kind) where.push(`g.kind = ${param(params, filter.kind)}`);
    if (filter.specialty) where.push(`${param(params, filter.specialty)} = ANY (g.specialties)`);
    if (filter.regionCode) {
      const problems = new Problems();
      this.divisions.check(problems, 'filter.regionCode', filter.regionCode);
      problems.throwIfAny();
      where.push(
        `EXISTS (SELECT 1 FROM unnest(g.region_prefixes) rp WHERE ${param(params, filter.regionCode)} LIKE rp || '%')`,
      );
    }
    if (filter.search?.trim())
      where.push(
        `g.name LIKE ${param(params, `%${filter.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`,
      );
    // The most specific groups first: those serving the smallest region.
    const rows: GroupRow[] = await this.ds.query(
      `SELECT ${GROUP_COLUMNS} FROM "${this.s}".service_group g ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY (SELECT max(length(rp)) FROM unnest(g.region_prefixes) rp) DESC, g.kind, g.name`,
      params,
    );
    return rows.map(toGroup);
  }

  async findByIds(ids: readonly string[]): Promise<(ServiceGroup | null)[]> {
    const valid = ids.filter(isUuid);
    const rows: GroupRow[] = valid.length
      ? await this.ds.query(
          `SELECT ${GROUP_COLUMNS} FROM "${this.s}".service_group g WHERE g.id = ANY($1::uuid[])`,
          [valid],
        )
      : [];
    return orderByKeys(ids, rows.map(toGroup), (g) => g.id);
  }

  async get(id: string, manager: EntityManager = this.ds.manager, lock = false): Promise<ServiceGroup> {
    const rows: GroupRow[] = isUuid(id)
      ? await manager.query(
          `SELECT ${GROUP_COLUMNS} FROM "${this.s}".service_group g WHERE g.id = $1 ${lock ? 'FOR UPDATE' : ''}`,
          [id],
        )
      : [];
    if (!rows[0]) throw notFound('服务组', 'service group', id);
    return toGroup(rows[0]);
  }

  async membersOf(ids: readonly string[]): Promise<(ServiceGroupMember & { groupId: string })[][]> {
    const valid = ids.filter(isUuid);
    const rows: { group_id: string; cadre_id: string; is_lead: boolean }[] = valid.length
      ? await this.ds.query(
          `SELECT group_id, cadre_id, is_lead FROM "${this.s}".service_group_member
            WHERE group_id = ANY($1::uuid[]) ORDER BY group_id, is_lead DESC, position`,
          [valid],
        )
      : [];
    return groupByKeys(
      ids,
      rows.map((r) => ({ groupId: r.group_id, cadreId: r.cadre_id, lead: r.is_lead })),
      (m) => m.groupId,
    );
  }

  async groupsOfCadres(ids: readonly string[]): Promise<ServiceGroup[][]> {
    const valid = ids.filter(isUuid);
    const rows: (GroupRow & { cadre_id: string })[] = valid.length
      ? await this.ds.query(
          `SELECT gm.cadre_id, ${GROUP_COLUMNS} FROM "${this.s}".service_group_member gm
             JOIN "${this.s}".service_group g ON g.id = gm.group_id
            WHERE gm.cadre_id = ANY($1::uuid[]) ORDER BY gm.cadre_id, g.name`,
          [valid],
        )
      : [];
    const grouped = groupByKeys(ids, rows, (r) => r.cadre_id);
    return grouped.map((list) => list.map(toGroup));
  }

  async callsOf(groupIds: readonly string[], openOnly: boolean): Promise<ServiceGroupCall[][]> {
    const valid = groupIds.filter(isUuid);
    const rows: CallRow[] = valid.length
      ? await this.ds.query(
          `SELECT id, group_id, enterprise_id, reason, called_at, closed_at FROM "${this.s}".service_group_call
            WHERE group_id = ANY($1::uuid[]) ${openOnly ? 'AND closed_at IS NULL' : ''}
            ORDER BY group_id, called_at DESC`,
          [valid],
        )
      : [];
    return groupByKeys(groupIds, rows.map(toCall), (c) => c.groupId);
  }

  async create(input: ServiceGroupValues, members: MemberInput[] = []): Promise<ServiceGroup> {
    return this.ds.transaction(async (m) => {
      const v = await this.validate(m, input, null, members);
      const [row] = (await m.query(
        `INSERT INTO "${this.s}".service_group (name, kind, description, specialties, region_codes, region_prefixes,
           lead_department_id, active)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [
          v.name,
          v.kind,
          v.description,
          v.specialties,
          v.regionCodes,
          v.regionCodes.map((c) => this.divisions.prefix(c)),
          v.leadDepartmentId,
          v.active,
        ],
      )) as { id: string }[];
      await this.writeMembers(m, must(row).id, members);
      return this.get(must(row).id, m);
    });
  }

  async update(
    id: string,
    patch: Partial<ServiceGroupValues>,
    expectedVersion?: number | null,
  ): Promise<ServiceGroup> {
    return this.ds.transaction(async (m) => {
      const current = await this.get(id, m, true);
      this.checkVersion(current, expectedVersion);
      const v = await this.validate(m, { ...current, ...patch }, current, null);
      await m.query(
        `UPDATE "${this.s}".service_group SET name = $2, kind = $3, description = $4, specialties = $5,
           region_codes = $6, region_prefixes = $7, lead_department_id = $8, active = $9, version = version + 1,
           updated_at = now() WHERE id = $1`,
        [
          id,
          v.name,
          v.kind,
          v.description,
          v.specialties,
          v.regionCodes,
          v.regionCodes.map((c) => this.divisions.prefix(c)),
          v.leadDepartmentId,
          v.active,
        ],
      );
      return this.get(id, m);
    });
  }

  async setMembers(
    id: string,
    members: MemberInput[],
    expectedVersion?: number | null,
  ): Promise<ServiceGroup> {
    return this.ds.transaction(async (m) => {
      const current = await this.get(id, m, true);
      this.checkVersion(current, expectedVersion);
      const problems = new Problems();
      await this.checkMembers(m, problems, members);
      problems.throwIfAny();
      await m.query(`DELETE FROM "${this.s}".service_group_member WHERE group_id = $1`, [id]);
      await this.writeMembers(m, id, members);
      await m.query(
        `UPDATE "${this.s}".service_group SET version = version + 1, updated_at = now() WHERE id = $1`,
        [id],
      );
      return this.get(id, m);
    });
  }

  /** 请进企业: the group is called in for an enterprise; its members may then visit it. */
  async callIn(
    groupId: string,
    enterpriseId: string,
    reason: string,
    actor: string,
  ): Promise<ServiceGroupCall> {
    return this.ds.transaction(async (m) => {
      const group = await this.get(groupId, m, true);
      if (!group.active)
        throw new AppError('GROUP_INACTIVE', `“${group.name}”已撤销`, 'the service group is inactive');
      const problems = new Problems();
      problems.text('reason', '请求事由', reason, 2, 500);
      problems.throwIfAny();
      const enterprise = await this.enterprises.find(enterpriseId, m);
      if (!enterprise) throw notFound('企业', 'enterprise', enterpriseId);
      const open: CallRow[] = await m.query(
        `SELECT id, group_id, enterprise_id, reason, called_at, closed_at FROM "${this.s}".service_group_call
          WHERE group_id = $1 AND enterprise_id = $2 AND closed_at IS NULL`,
        [groupId, enterprise.id],
      );
      if (open[0])
        throw conflict(
          `“${group.name}”已在为${enterprise.name}服务`,
          'the group is already called in for this enterprise',
          {
            callId: open[0].id,
          },
        );
      const [row] = (await m.query(
        `INSERT INTO "${this.s}".service_group_call (group_id, enterprise_id, reason, called_by)
         VALUES ($1, $2, $3, $4) RETURNING id, group_id, enterprise_id, reason, called_at, closed_at`,
        [groupId, enterprise.id, reason.trim(), actor],
      )) as CallRow[];
      return toCall(must(row));
    });
  }

  async closeCall(callId: string, actor: string): Promise<ServiceGroupCall> {
    return this.ds.transaction(async (m) => {
      const rows: CallRow[] = isUuid(callId)
        ? returned<CallRow>(
            await m.query(
              `UPDATE "${this.s}".service_group_call SET closed_at = now(), closed_by = $2
              WHERE id = $1 AND closed_at IS NULL RETURNING id, group_id, enterprise_id, reason, called_at, closed_at`,
              [callId, actor],
            ),
          )
        : [];
      if (rows[0]) return toCall(rows[0]);
      const exists: unknown[] = isUuid(callId)
        ? await m.query(`SELECT 1 FROM "${this.s}".service_group_call WHERE id = $1`, [callId])
        : [];
      if (exists.length) throw conflict('该服务已结束', 'the call is already closed');
      throw notFound('服务组服务记录', 'service group call', callId);
    });
  }

  /** The open call of a group for an enterprise, or null (access checks). */
  async groupIdOfCall(callId: string): Promise<string | null> {
    const rows: { group_id: string }[] = isUuid(callId)
      ? await this.ds.query(`SELECT group_id FROM "${this.s}".service_group_call WHERE id = $1`, [callId])
      : [];
    return rows[0]?.group_id ?? null;
  }

  async isMember(groupId: string, cadreId: string): Promise<boolean> {
    const rows: unknown[] = await this.ds.query(
      `SELECT 1 FROM "${this.s}".service_group_member WHERE group_id = $1 AND cadre_id = $2`,
      [groupId, cadreId],
    );
    return rows.length > 0;
  }

  private checkVersion(current: ServiceGroup, expectedVersion?: number | null): void {
    if (expectedVersion != null && expectedVersion !== current.version)
      throw conflict(
        `服务组信息已被他人修改（当前版本 ${current.version}，你的版本 ${expectedVersion}），请刷新后重试`,
        `version mismatch: current ${current.version}, expected ${expectedVersion}`,
        { currentVersion: current.version },
      );
  }

  private async validate(
    m: EntityManager,
    input: ServiceGroupValues,
    current: ServiceGroup | null,
    members: MemberInput[] | null,
  ): Promise<Required<ServiceGroupValues>> {
    const problems = new Problems();
    const name = (input.name ?? '').trim();
    problems.text('name', '服务组名称', name, 2, 60);
    if (!Object.values(ServiceGroupKind).includes(input.kind))
      problems.add('kind', 'INVALID_KIND', `未知的服务组类型：${input.kind}`, `unknown kind ${input.kind}`);
    const description = input.description?.trim() ?? '';
    if ([...description].length > 1000)
      problems.add(
        'description',
        'INVALID_LENGTH',
        '简介不超过1000个字符',
        'description: at most 1000 characters',
      );
    const specialties = uniq(input.specialties ?? []);
    if (!specialties.length)
      problems.add('specialties', 'REQUIRED', '请至少选择一个专业领域', 'at least one specialty is required');
    specialties.forEach((d, i) => {
      if (!Object.values(ProblemDomain).includes(d))
        problems.add(`specialties.${i}`, 'INVALID_DOMAIN', `未知的专业领域：${d}`, `unknown domain ${d}`);
    });
    const regionCodes = uniq((input.regionCodes ?? []).map((c) => c.trim()));
    if (!regionCodes.length)
      problems.add('regionCodes', 'REQUIRED', '请至少选择一个服务区域', 'at least one region is required');
    regionCodes.forEach((c, i) => this.divisions.check(problems, `regionCodes.${i}`, c));
    if (problems.required('leadDepartmentId', '牵头部门', input.leadDepartmentId)) {
      const rows: unknown[] = isUuid(input.leadDepartmentId)
        ? await m.query(`SELECT 1 FROM "${this.s}".department WHERE id = $1`, [input.leadDepartmentId])
        : [];
      if (!rows.length)
        problems.add(
          'leadDepartmentId',
          'NOT_FOUND',
          `牵头部门不存在：${input.leadDepartmentId}`,
          'department not found',
        );
    }
    if (members) await this.checkMembers(m, problems, members);
    problems.throwIfAny();
    const clash: unknown[] = await m.query(
      `SELECT 1 FROM "${this.s}".service_group WHERE name = $1 AND id IS DISTINCT FROM $2`,
      [name, current?.id ?? null],
    );
    if (clash.length) throw conflict(`服务组名称已存在：${name}`, `service group name exists: ${name}`);
    return {
      name,
      kind: input.kind,
      description,
      specialties,
      regionCodes,
      leadDepartmentId: input.leadDepartmentId,
      active: input.active ?? true,
    };
  }

  private async checkMembers(m: EntityManager, problems: Problems, members: MemberInput[]): Promise<void> {
    const ids = members.map((x) => x.cadreId);
    const valid = ids.filter(isUuid);
    const rows: { id: string; active: boolean; name: string }[] = valid.length
      ? await m.query(`SELECT id, active, name FROM "${this.s}".cadre WHERE id = ANY($1::uuid[])`, [valid])
      : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    const seen = new Set<string>();
    members.forEach((mem, i) => {
      const c = byId.get(mem.cadreId);
      if (!c)
        problems.add(`members.${i}.cadreId`, 'NOT_FOUND', `服务员不存在：${mem.cadreId}`, 'cadre not found');
      else if (!c.active)
        problems.add(`members.${i}.cadreId`, 'CADRE_INACTIVE', `${c.name}已离岗`, 'the cadre has left');
      if (seen.has(mem.cadreId))
        problems.add(`members.${i}.cadreId`, 'DUPLICATE', '同一服务员重复出现', 'a cadre appears twice');
      seen.add(mem.cadreId);
    });
  }

  private async writeMembers(m: EntityManager, id: string, members: MemberInput[]): Promise<void> {
    if (!members.length) return;
    await m.query(
      `INSERT INTO "${this.s}".service_group_member (group_id, cadre_id, is_lead, position)
       SELECT $1, cadre_id, is_lead, n - 1 FROM unnest($2::uuid[], $3::boolean[]) WITH ORDINALITY AS t(cadre_id, is_lead, n)`,
      [id, members.map((x) => x.cadreId), members.map((x) => Boolean(x.lead))],
    );
  }
}
