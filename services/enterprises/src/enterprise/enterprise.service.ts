import type { DataSource, EntityManager } from 'typeorm';
import type { EnterpriseSnapshotV1 } from '@sfw/shared-types';
import { validateCreditCode } from '@sfw/shared-types';
import {
  AppError,
  badInput,
  conflict,
  forbidden,
  notFound,
  orderByKeys,
  groupByKeys,
  type Outbox,
} from '@sfw/subgraph-kit';
import type { ChangeActor, Governance } from '../governance/governance';
import { Liaison } from '../liaison/liaison.entity';
import { Enterprise } from './enterprise.entity';
import {
  validateDraft,
  validateLiaison,
  validatePatch,
  type EnterpriseDraft,
  type EnterprisePatch,
  type LiaisonDraft,
  type ReferenceData,
} from './enterprise.validation';
import {
  decodeCursor,
  encodeCursor,
  type EnterpriseFilterValues,
  type EnterpriseOrder,
} from './enterprise.query';
import { LIMITS } from './enterprise.validation';

export const MAX_PAGE = 100;

export interface EnterprisePage {
  rows: Enterprise[];
  hasNextPage: boolean;
  /** null when the caller did not ask for it. */
  totalCount: number | null;
  order: EnterpriseOrder;
}

/** Fields whose change other services hear about (EnterpriseUpdated.changed). */
const SNAPSHOT_FIELDS = [
  'name',
  'regionCode',
  'industryCode',
  'scale',
  'tags',
  'employees',
  'registeredCapital',
  'foundedOn',
  'parks',
] as const;

export function toSnapshot(e: Enterprise): EnterpriseSnapshotV1 {
  return {
    id: e.id,
    name: e.name,
    creditCode: e.creditCode,
    regionCode: e.regionCode,
    industryCode: e.industryCode,
    scale: e.scale,
    tags: e.tags,
    employees: e.employees,
    registeredCapital: e.registeredCapital,
    foundedOn: e.foundedOn,
    parks: e.parks,
    version: e.version,
  };
}

/** The named fields of an enterprise, for the change record. */
function pick(e: Enterprise, fields: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(fields.map((f) => [f, (e as unknown as Record<string, unknown>)[f] ?? null]));
}

const isUniqueViolation = (err: unknown): boolean =>
  typeof err === 'object' &&
  err !== null &&
  ((err as { code?: string }).code === '23505' ||
    (err as { driverError?: { code?: string } }).driverError?.code === '23505');

const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Enterprise registration, changes, lookups and the enterprise's liaisons. */
export class EnterpriseService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
    private readonly outbox: Outbox,
    readonly ref: Omit<ReferenceData, 'today'>,
    readonly governance: Governance,
    private readonly today: () => string = () => new Date().toISOString().slice(0, 10),
  ) {}

  referenceData(): ReferenceData {
    return { ...this.ref, today: this.today() };
  }

  async findByIds(ids: readonly string[]): Promise<(Enterprise | null)[]> {
    const valid = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
    const rows = valid.length
      ? await this.dataSource
          .getRepository(Enterprise)
          .createQueryBuilder('e')
          .where('e.id = ANY(:ids)', { ids: valid })
          .getMany()
      : [];
    return orderByKeys(ids, rows, (r) => r.id);
  }

  async findByCreditCode(code: string): Promise<Enterprise | null> {
    const checked = validateCreditCode(code);
    if (!checked.ok)
      throw new AppError('INVALID_CREDIT_CODE', checked.message, checked.messageEn, {
        problem: checked.problem,
      });
    return this.dataSource.getRepository(Enterprise).findOne({ where: { creditCode: checked.code } });
  }

  /** Pass the transaction's manager when inside one (the embedded database has one connection). */
  async liaisonsOf(
    enterpriseIds: readonly string[],
    m: EntityManager = this.dataSource.manager,
  ): Promise<Liaison[][]> {
    const rows = await m
      .getRepository(Liaison)
      .createQueryBuilder('l')
      .where('l.enterprise_id = ANY(:ids)', { ids: [...enterpriseIds] })
      .orderBy('l.position')
      .addOrderBy('l.id')
      .getMany();
    return groupByKeys(enterpriseIds, rows, (l) => l.enterpriseId);
  }

  /** A page of a keyset-paginated list: cursors stay valid while rows are added elsewhere. */
  async list(
    filter: EnterpriseFilterValues,
    first: number,
    after: string | null,
    order: EnterpriseOrder,
    onlyId?: string,
    withCount = true,
  ): Promise<EnterprisePage> {
    if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE)
      throw badInput([
        {
          field: 'first',
          code: 'INVALID_PAGE_SIZE',
          message: `每页条数应为0至${MAX_PAGE}`,
          messageEn: `first must be 0 to ${MAX_PAGE}`,
        },
      ]);
    const qb = this.dataSource.getRepository(Enterprise).createQueryBuilder('e');
    if (onlyId) qb.andWhere('e.id = :onlyId', { onlyId });
    if (filter.regionCode) {
      const region = this.ref.regions.get(filter.regionCode);
      if (!region)
        throw badInput([
          {
            field: 'filter.regionCode',
            code: 'UNKNOWN_REGION',
            message: `行政区划代码“${filter.regionCode}”不存在`,
            messageEn: `unknown division code '${filter.regionCode}'`,
          },
        ]);
      qb.andWhere('e.region_code LIKE :regionPrefix', {
        regionPrefix: `${this.ref.regions.prefixOf(region.code)}%`,
      });
    }
    if (filter.industryCode) {
      const prefixes = this.ref.industries.prefixesFor(filter.industryCode);
      if (!prefixes)
        throw badInput([
          {
            field: 'filter.industryCode',
            code: 'UNKNOWN_INDUSTRY',
            message: `行业“${filter.industryCode}”不存在（门类字母A–T或2至4位行业代码）`,
            messageEn: `unknown industry '${filter.industryCode}' (a section letter A–T or a 2–4 digit code)`,
          },
        ]);
      qb.andWhere('e.industry_code LIKE ANY(:industryPrefixes)', {
        industryPrefixes: prefixes.map((p) => `${p}%`),
      });
    }
    if (filter.scales?.length) qb.andWhere('e.scale = ANY(:scales)', { scales: filter.scales });
    if (filter.tagsAll?.length) qb.andWhere('e.tags @> :tagsAll', { tagsAll: filter.tagsAll });
    if (filter.tagsAny?.length) qb.andWhere('e.tags && :tagsAny', { tagsAny: filter.tagsAny });
    if (filter.search?.trim()) {
      const q = filter.search.trim();
      const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere('(e.name ILIKE :like OR e.credit_code LIKE :codePrefix)', {
        like,
        codePrefix: `${q.toUpperCase().replace(/[\\%_]/g, '')}%`,
      });
    }
    // Counting every match costs a query: only when asked, and beside the page query (in
    // parallel on PostgreSQL, queued on the embedded database).
    const counting = withCount ? qb.clone().getCount() : Promise.resolve(null);
    const key = order === 'CREATED_AT' ? 'e.created_at' : 'e.name';
    if (after) {
      const cursor = decodeCursor(after, order);
      qb.andWhere(`(${key}, e.id) > (:k, :id)`, {
        k: order === 'CREATED_AT' ? new Date(cursor.k) : cursor.k,
        id: cursor.id,
      });
    }
    qb.orderBy(key, 'ASC')
      .addOrderBy('e.id', 'ASC')
      .take(first + 1);
    const [rows, totalCount] = await Promise.all([first === 0 ? [] : qb.getMany(), counting]);
    return { rows: rows.slice(0, first), hasNextPage: rows.length > first, totalCount, order };
  }

  cursorOf(e: Enterprise, order: EnterpriseOrder): string {
    return encodeCursor(order, order === 'CREATED_AT' ? e.createdAt.toISOString() : e.name, e.id);
  }

  /**
   * Register one enterprise with its liaisons; a known credit code is a CONFLICT. With an actor
   * (a request), only administrators and the registration registry's department may register.
   */
  async register(draft: EnterpriseDraft, actor?: ChangeActor): Promise<Enterprise> {
    const { value, problems } = validateDraft(draft, this.referenceData());
    if (problems.length) throw badInput(problems);
    try {
      return await this.dataSource.transaction(async (m) => {
        if (actor) await this.assertRegistrar(m, actor);
        return this.insertValidated(m, value, actor);
      });
    } catch (err) {
      if (isUniqueViolation(err)) {
        const existing = await this.dataSource
          .getRepository(Enterprise)
          .findOne({ where: { creditCode: value.creditCode } });
        throw conflict(
          `统一社会信用代码 ${value.creditCode} 已登记${existing ? `（${existing.name}）` : ''}`,
          `credit code ${value.creditCode} is already registered`,
          { reason: 'CREDIT_CODE_TAKEN', existingEnterpriseId: existing?.id ?? null },
        );
      }
      throw err;
    }
  }

  /** Registration data comes from the registry: administrators and its department register. */
  async assertRegistrar(m: EntityManager, actor: ChangeActor): Promise<void> {
    if (!(await this.governance.allowedGroups(m, actor.viewer)).has('registration'))
      throw forbidden(
        '只有管理员或市场监管部门可以登记企业',
        'only administrators or the registration registry department may register enterprises',
      );
  }

  /** Insert a validated draft inside the caller's transaction. */
  async insertValidated(m: EntityManager, value: EnterpriseDraft, actor?: ChangeActor): Promise<Enterprise> {
    const [saved] = await this.insertManyValidated(m, [value], actor);
    return saved as Enterprise;
  }

  /**
   * Insert validated drafts inside the caller's transaction, a few statements for the whole
   * batch (the import and the demo seed write hundreds at a time).
   */
  async insertManyValidated(
    m: EntityManager,
    values: EnterpriseDraft[],
    actor?: ChangeActor,
  ): Promise<Enterprise[]> {
    if (!values.length) return [];
    const repo = m.getRepository(Enterprise);
    const saved = await repo.save(values.map(({ liaisons: _liaisons, ...fields }) => repo.create(fields)));
    await this.governance.recordCreated(
      m,
      saved.map((e) => ({ id: e.id, version: e.version, after: pick(e, SNAPSHOT_FIELDS) })),
      actor ?? { viewer: null, source: 'system' },
    );
    const liaisons = saved.flatMap((e, i) =>
      (values[i]?.liaisons ?? []).map((l, position) => ({ ...l, position, enterpriseId: e.id })),
    );
    if (liaisons.length) await m.getRepository(Liaison).insert(liaisons);
    await this.outbox.addMany(
      m,
      'EnterpriseRegistered',
      saved.map((e) => ({
        aggregate: { type: 'Enterprise', id: e.id },
        payload: { enterprise: toSnapshot(e) },
      })),
    );
    return saved;
  }

  /**
   * Apply a patch under a row lock. `expectedVersion`, when given, must match the stored version
   * (someone else's change is never silently overwritten). Emits EnterpriseUpdated when a field
   * other services read has changed; an empty change is a no-op.
   */
  async update(
    id: string,
    patch: EnterprisePatch,
    expectedVersion?: number | null,
    actor?: ChangeActor,
  ): Promise<Enterprise> {
    const { value, problems } = validatePatch(patch, this.referenceData(), 'input.');
    if (problems.length) throw badInput(problems);
    return this.dataSource.transaction((m) =>
      this.applyPatch(m, id, value, expectedVersion, undefined, actor),
    );
  }

  async applyPatch(
    m: EntityManager,
    id: string,
    value: EnterprisePatch,
    expectedVersion?: number | null,
    /** The row, when the caller has already locked it in this transaction. */
    locked?: Enterprise,
    /** Who changes it and why: checked against the registry owners, and recorded. */
    actor?: ChangeActor,
  ): Promise<Enterprise> {
    const current = locked ?? (await this.lock(m, id));
    if (expectedVersion != null && expectedVersion !== current.version)
      throw conflict(
        `企业信息已被他人修改（当前版本 ${current.version}，提交所依据的版本 ${expectedVersion}），请刷新后重试`,
        `stale update: the enterprise is at version ${current.version}, the change was based on ${expectedVersion}`,
        { reason: 'VERSION_MISMATCH', currentVersion: current.version },
      );
    const changed = SNAPSHOT_FIELDS.filter((f) => value[f] !== undefined && !sameValue(value[f], current[f]));
    if (changed.length === 0) return current;
    if (actor?.viewer) await this.governance.authorize(m, actor, changed);
    const before = pick(current, changed);
    const next = m.getRepository(Enterprise).merge(current, value);
    const saved = await m.getRepository(Enterprise).save(next);
    await this.governance.record(
      m,
      id,
      saved.version,
      actor ?? { viewer: null, source: 'system' },
      before,
      pick(saved, changed),
    );
    await this.outbox.add(
      m,
      'EnterpriseUpdated',
      { type: 'Enterprise', id },
      { enterprise: toSnapshot(saved), changed: [...changed] },
    );
    return saved;
  }

  async addTags(id: string, tags: string[], actor?: ChangeActor): Promise<Enterprise> {
    return this.dataSource.transaction(async (m) => {
      const current = await this.lock(m, id);
      const { value, problems } = validatePatch({ tags: [...current.tags, ...tags] }, this.referenceData());
      if (problems.length) throw badInput(problems);
      return this.applyPatch(m, id, value, null, current, actor);
    });
  }

  async removeTags(id: string, tags: string[], actor?: ChangeActor): Promise<Enterprise> {
    return this.dataSource.transaction(async (m) => {
      const current = await this.lock(m, id);
      const { value: removing } = validatePatch({ tags }, this.referenceData());
      const drop = new Set(removing.tags ?? []);
      return this.applyPatch(m, id, { tags: current.tags.filter((t) => !drop.has(t)) }, null, current, actor);
    });
  }

  async addLiaison(enterpriseId: string, draft: LiaisonDraft): Promise<Liaison> {
    const { value, problems } = validateLiaison(draft, 'input');
    if (problems.length) throw badInput(problems);
    return this.dataSource.transaction(async (m) => {
      await this.lock(m, enterpriseId);
      const count = await m.getRepository(Liaison).count({ where: { enterpriseId } });
      if (count >= LIMITS.liaisons)
        throw badInput([
          {
            field: 'input',
            code: 'INVALID_LIAISON',
            message: `联络员最多${LIMITS.liaisons}人`,
            messageEn: `at most ${LIMITS.liaisons} liaisons`,
          },
        ]);
      const repo = m.getRepository(Liaison);
      return repo.save(repo.create({ ...value, enterpriseId, position: count }));
    });
  }

  async updateLiaison(liaisonId: string, draft: Partial<LiaisonDraft>): Promise<Liaison> {
    return this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(Liaison);
      const current = await this.findLiaison(m, liaisonId);
      await this.lock(m, current.enterpriseId);
      const { value, problems } = validateLiaison(
        {
          name: draft.name ?? current.name,
          role: draft.role ?? current.role,
          phone: draft.phone ?? current.phone,
        },
        'input',
      );
      if (problems.length) throw badInput(problems);
      return repo.save(repo.merge(current, value));
    });
  }

  async removeLiaison(liaisonId: string): Promise<Liaison> {
    return this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(Liaison);
      const current = await this.findLiaison(m, liaisonId);
      await this.lock(m, current.enterpriseId);
      await repo.delete({ id: liaisonId });
      // Keep positions dense so the first contact stays position 0.
      await m.query(
        `UPDATE "${this.schema}".liaison SET position = position - 1 WHERE enterprise_id = $1 AND position > $2`,
        [current.enterpriseId, current.position],
      );
      return current;
    });
  }

  async liaisonEnterpriseId(liaisonId: string): Promise<string> {
    return (await this.findLiaison(this.dataSource.manager, liaisonId)).enterpriseId;
  }

  private async findLiaison(m: EntityManager, id: string): Promise<Liaison> {
    const found = /^[0-9a-f-]{36}$/i.test(id)
      ? await m.getRepository(Liaison).findOne({ where: { id } })
      : null;
    if (!found) throw notFound('联络员', 'liaison', id);
    return found;
  }

  private async lock(m: EntityManager, id: string): Promise<Enterprise> {
    const found = /^[0-9a-f-]{36}$/i.test(id)
      ? await m
          .getRepository(Enterprise)
          .createQueryBuilder('e')
          .setLock('pessimistic_write')
          .where('e.id = :id', { id })
          .getOne()
      : null;
    if (!found) throw notFound('企业', 'enterprise', id);
    return found;
  }
}
