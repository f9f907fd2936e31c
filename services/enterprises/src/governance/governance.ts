import type { DataSource, EntityManager } from 'typeorm';
import { Role, type EventEnvelope, type Viewer, type DepartmentChangedV1 } from '@sfw/shared-types';
import {
  badInput,
  ConfigError,
  consumeOnce,
  definedEnv,
  forbidden,
  hasRole,
  type EventBus,
  type Logger,
} from '@sfw/subgraph-kit';

/**
 * Enterprise attributes that decide money (a grant's eligibility reads them) are governed: only
 * administrators and the department that keeps the registry an attribute comes from may change
 * it, each change goes on an append-only record, and policies cite the record version they
 * relied on.
 *
 * The groups, and which enterprise fields each covers:
 */
export const ATTRIBUTE_GROUPS = {
  /** 登记信息: what the market-regulation registry (市场监管局) holds. */
  registration: ['name', 'regionCode', 'industryCode', 'registeredCapital', 'foundedOn'],
  /** 规上/规下/小微: the economy and information bureau (经信局) keeps the 规上 list. */
  scale: ['scale'],
  /** 龙头骨干, 专精特新 …: designations the economy and information bureau makes. */
  tags: ['tags'],
} as const;
export type AttributeGroup = keyof typeof ATTRIBUTE_GROUPS;
/** Fields any department's staff may keep (no grant reads them as a condition of money). */
export const UNGOVERNED_FIELDS = ['employees', 'parks'] as const;

/**
 * `ENTERPRISES_ATTRIBUTE_OWNERS`: `group:code-pattern,code-pattern;group:…`, where a pattern is a
 * department code with `*` for any characters (the cadres subgraph announces every department's
 * code). Default: 市场监管局 (`*-SJJ`) keeps registration data, 经信局 (`*-JXJ`) scale and tags.
 */
export const DEFAULT_ATTRIBUTE_OWNERS = 'registration:*-SJJ;scale:*-JXJ;tags:*-JXJ';

export type AttributeOwners = Record<AttributeGroup, RegExp[]>;

export function parseAttributeOwners(value: string): AttributeOwners {
  const out: AttributeOwners = { registration: [], scale: [], tags: [] };
  const problems: string[] = [];
  for (const part of value
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [group, patterns] = part.split(':').map((p) => p.trim());
    if (!group || !(group in ATTRIBUTE_GROUPS) || !patterns) {
      problems.push(
        `ENTERPRISES_ATTRIBUTE_OWNERS: "${part}" must be <${Object.keys(ATTRIBUTE_GROUPS).join('|')}>:<code pattern>[,…]`,
      );
      continue;
    }
    for (const p of patterns
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean)) {
      if (!/^[\w*-]{1,40}$/.test(p))
        problems.push(`ENTERPRISES_ATTRIBUTE_OWNERS: bad department code pattern "${p}"`);
      else
        out[group as AttributeGroup].push(new RegExp(`^${p.replace(/[-]/g, '\\-').replace(/\*/g, '.*')}$`));
    }
  }
  if (problems.length) throw new ConfigError('enterprises', problems);
  return out;
}

export function loadAttributeOwners(env: Record<string, string | undefined>): AttributeOwners {
  return parseAttributeOwners(definedEnv(env)['ENTERPRISES_ATTRIBUTE_OWNERS'] ?? DEFAULT_ATTRIBUTE_OWNERS);
}

export const groupsOf = (fields: readonly string[]): AttributeGroup[] =>
  (Object.keys(ATTRIBUTE_GROUPS) as AttributeGroup[]).filter((g) =>
    (ATTRIBUTE_GROUPS[g] as readonly string[]).some((f) => fields.includes(f)),
  );

const GROUP_LABELS: Record<AttributeGroup, string> = {
  registration: '登记信息',
  scale: '企业规模',
  tags: '企业标签',
};

/** Who changed an enterprise, and why. */
export interface ChangeActor {
  viewer: Viewer | null;
  reason?: string | null;
  /** The source of a bulk change (an import's file name). */
  source?: string | null;
}

const REASON_MIN = 4;
const REASON_MAX = 500;

/** The registry owners, the department projection and the change record of one service. */
export class Governance {
  constructor(
    private readonly ds: DataSource,
    private readonly s: string,
    readonly owners: AttributeOwners,
  ) {}

  /** The department code of a viewer's department, as the cadres subgraph announced it. */
  async departmentCode(m: EntityManager, viewer: Viewer | null): Promise<string | null> {
    if (!viewer?.departmentId) return null;
    const [row] = (await m.query(`SELECT code FROM "${this.s}".department_ref WHERE id = $1`, [
      viewer.departmentId,
    ])) as { code: string }[];
    return row?.code ?? null;
  }

  /** Groups a viewer may change: administrators all; a department those its code owns. */
  async allowedGroups(m: EntityManager, viewer: Viewer | null): Promise<Set<AttributeGroup>> {
    if (hasRole(viewer, Role.ADMIN)) return new Set(Object.keys(ATTRIBUTE_GROUPS) as AttributeGroup[]);
    const code = await this.departmentCode(m, viewer);
    const out = new Set<AttributeGroup>();
    if (!code) return out;
    for (const g of Object.keys(this.owners) as AttributeGroup[])
      if (this.owners[g].some((re) => re.test(code))) out.add(g);
    return out;
  }

  /**
   * Refuse a change of governed fields by anyone but an administrator or the owning department,
   * and a governed change without a reason. `changed` are the fields whose value changes.
   */
  async authorize(m: EntityManager, actor: ChangeActor, changed: readonly string[]): Promise<void> {
    const governed = groupsOf(changed);
    if (!governed.length) return;
    const allowed = await this.allowedGroups(m, actor.viewer);
    const refused = governed.filter((g) => !allowed.has(g));
    if (refused.length)
      throw forbidden(
        `${refused.map((g) => GROUP_LABELS[g]).join('、')}只能由管理员或其登记部门修改（${refused
          .map(
            (g) =>
              `${GROUP_LABELS[g]}：${
                this.owners[g]
                  .map((re) =>
                    re.source
                      .replace(/^\^|\$$/g, '')
                      .replace(/\\-/g, '-')
                      .replace(/\.\*/g, '*'),
                  )
                  .join('、') || '无'
              }`,
          )
          .join('；')}）`,
        `only administrators or the owning registry department may change: ${refused.join(', ')}`,
      );
    const reason = actor.reason?.trim() ?? actor.source?.trim() ?? '';
    if (reason.length < REASON_MIN || reason.length > REASON_MAX)
      throw badInput([
        {
          field: 'reason',
          code: 'REASON_REQUIRED',
          message: `修改${governed.map((g) => GROUP_LABELS[g]).join('、')}须写明依据（${REASON_MIN}–${REASON_MAX}字）`,
          messageEn: `a change of ${governed.join(', ')} needs a reason of ${REASON_MIN}–${REASON_MAX} characters`,
        },
      ]);
  }

  /** Append one change to the record (the table refuses UPDATE and DELETE). */
  async record(
    m: EntityManager,
    enterpriseId: string,
    version: number,
    actor: ChangeActor,
    before: Record<string, unknown>,
    after: Record<string, unknown>,
  ): Promise<void> {
    const v = actor.viewer;
    await m.query(
      `INSERT INTO "${this.s}".enterprise_change
         (enterprise_id, version, actor, actor_name, actor_roles, department_id, reason, source, before, after)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        enterpriseId,
        version,
        v?.sub ?? 'system',
        v?.name ?? null,
        v?.roles ?? [],
        v?.departmentId ?? null,
        actor.reason?.trim() || null,
        actor.source ?? null,
        JSON.stringify(before),
        JSON.stringify(after),
      ],
    );
  }

  /** Registrations in bulk (an import chunk, the demo seed): one statement for the batch. */
  async recordCreated(
    m: EntityManager,
    created: { id: string; version: number; after: Record<string, unknown> }[],
    actor: ChangeActor,
  ): Promise<void> {
    if (!created.length) return;
    const v = actor.viewer;
    await m.query(
      `INSERT INTO "${this.s}".enterprise_change
         (enterprise_id, version, actor, actor_name, actor_roles, department_id, reason, source, before, after)
       SELECT e, n, $3, $4, $5, $6, $7, $8, '{}'::jsonb, a
         FROM unnest($1::uuid[], $2::int[], $9::jsonb[]) AS t(e, n, a)`,
      [
        created.map((c) => c.id),
        created.map((c) => c.version),
        v?.sub ?? 'system',
        v?.name ?? null,
        v?.roles ?? [],
        v?.departmentId ?? null,
        actor.reason?.trim() || null,
        actor.source ?? null,
        created.map((c) => JSON.stringify(c.after)),
      ],
    );
  }

  async changesOf(enterpriseIds: readonly string[], first: number): Promise<EnterpriseChangeRow[][]> {
    const limit = Math.max(0, Math.min(100, first));
    const rows = (await this.ds.query(
      `SELECT * FROM (
         SELECT c.*, row_number() OVER (PARTITION BY c.enterprise_id ORDER BY c.id DESC) AS n
           FROM "${this.s}".enterprise_change c WHERE c.enterprise_id = ANY($1::uuid[])) x
        WHERE n <= $2 ORDER BY enterprise_id, id DESC`,
      [enterpriseIds, limit],
    )) as EnterpriseChangeRow[];
    return enterpriseIds.map((id) => rows.filter((r) => r.enterprise_id === id));
  }

  /** Keep the departments' codes from the cadres subgraph's DepartmentChanged events. */
  start(bus: EventBus, logger: Logger): Promise<() => void> {
    return bus.subscribe('enterprises-departments', ['DepartmentChanged'], (e) => this.handle(e, logger));
  }

  private async handle(event: EventEnvelope, logger: Logger): Promise<void> {
    if (event.version !== 1) {
      logger.warn({ eventId: event.id, type: event.type }, 'unknown event version skipped');
      return;
    }
    const d = (event.payload as DepartmentChangedV1).department;
    await consumeOnce(this.ds, this.s, 'enterprises-departments', event, async (m) => {
      await m.query(
        `INSERT INTO "${this.s}".department_ref (id, code, name, last_event_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (id) DO UPDATE SET code = EXCLUDED.code, name = EXCLUDED.name, last_event_at = EXCLUDED.last_event_at
           WHERE department_ref.last_event_at <= EXCLUDED.last_event_at`,
        [d.id, d.code, d.name, event.occurredAt],
      );
    });
  }
}

export interface EnterpriseChangeRow {
  id: string;
  enterprise_id: string;
  version: number;
  at: Date;
  actor: string;
  actor_name: string | null;
  actor_roles: string[];
  department_id: string | null;
  reason: string | null;
  source: string | null;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}
