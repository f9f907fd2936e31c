import type { DataSource, EntityManager } from 'typeorm';
import { AdministrativeLevel } from '@sfw/shared-types';
import { AppError, conflict, groupByKeys, notFound, type Outbox } from '@sfw/subgraph-kit';
import type { ReadScope } from '../access';
import { addDays, Divisions, isUuid, must, Problems, returned, todayInChina } from '../common';
import type { CadreService } from '../cadre/cadre.service';
import { isKeyEnterprise, type EnterpriseProjection } from '../enterprise/enterprise.projection';
import { PAIRING_COLUMNS, toPairing, type PairingRow } from '../rows';
import { pairingScopeSql, param } from '../scope-sql';
import type { Cadre, Pairing } from '../types';

export interface PairValues {
  cadreId: string;
  enterpriseId: string;
  primary: boolean;
  fromDate?: string | null;
  /** End the enterprise's current primary pairing at this level and take over from it. */
  replaceCurrent?: boolean | null;
  note?: string | null;
  /** Internal: the pairing this one takes over (a hand-over ends it first). */
  replacesId?: string | null;
}

export type PairOutcome = 'CREATED' | 'UNCHANGED' | 'REPLACED';

export interface PairResult {
  pairing: Pairing;
  outcome: PairOutcome;
  /** The pairing this one ended (a replaced primary, or the same pair's other flavour). */
  ended: Pairing | null;
}

export interface RepairingItem {
  enterpriseId: string;
  level: AdministrativeLevel;
  /** The pairing that ended when its cadre left. */
  endedPairing: Pairing;
}

/** 结对: cadre ↔ enterprise. One primary cadre per enterprise and level at a time; history is kept. */
export class PairingService {
  constructor(
    private readonly ds: DataSource,
    private readonly s: string,
    private readonly outbox: Outbox,
    private readonly divisions: Divisions,
    private readonly cadres: CadreService,
    private readonly enterprises: EnterpriseProjection,
  ) {}

  async get(id: string, manager: EntityManager = this.ds.manager): Promise<Pairing> {
    const rows: PairingRow[] = isUuid(id)
      ? await manager.query(`SELECT ${PAIRING_COLUMNS} FROM "${this.s}".pairing p WHERE p.id = $1`, [id])
      : [];
    if (!rows[0]) throw notFound('结对关系', 'pairing', id);
    return toPairing(rows[0]);
  }

  /** Pairings of many enterprises at once (one query per DataLoader batch). */
  async byEnterprises(ids: readonly string[], currentOnly: boolean, scope: ReadScope): Promise<Pairing[][]> {
    const valid = ids.filter(isUuid);
    if (!valid.length) return ids.map(() => []);
    const params: unknown[] = [valid];
    const rows: PairingRow[] = await this.ds.query(
      `SELECT ${PAIRING_COLUMNS} FROM "${this.s}".pairing p
        WHERE p.enterprise_id = ANY($1::uuid[]) ${currentOnly ? 'AND p.to_date IS NULL' : ''}
          AND ${pairingScopeSql(this.s, scope, params)}
        ORDER BY p.enterprise_id, (p.to_date IS NULL) DESC, p.is_primary DESC,
          CASE p.level WHEN 'CITY' THEN 0 WHEN 'COUNTY' THEN 1 ELSE 2 END, p.from_date DESC, p.id`,
      params,
    );
    return groupByKeys(ids, rows.map(toPairing), (p) => p.enterpriseId);
  }

  async byCadres(ids: readonly string[], currentOnly: boolean): Promise<Pairing[][]> {
    const valid = ids.filter(isUuid);
    if (!valid.length) return ids.map(() => []);
    const rows: PairingRow[] = await this.ds.query(
      `SELECT ${PAIRING_COLUMNS} FROM "${this.s}".pairing p
        WHERE p.cadre_id = ANY($1::uuid[]) ${currentOnly ? 'AND p.to_date IS NULL' : ''}
        ORDER BY p.cadre_id, (p.to_date IS NULL) DESC, p.from_date DESC, p.id`,
      [valid],
    );
    return groupByKeys(ids, rows.map(toPairing), (p) => p.cadreId);
  }

  /** Is the cadre currently paired with the enterprise? */
  async isPaired(
    cadreId: string,
    enterpriseId: string,
    manager: EntityManager = this.ds.manager,
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM "${this.s}".pairing WHERE cadre_id = $1 AND enterprise_id = $2 AND to_date IS NULL`,
      [cadreId, enterpriseId],
    );
    return rows.length > 0;
  }

  /** Pair a cadre with an enterprise (or confirm an identical current pairing: idempotent). */
  async pair(input: PairValues, actor: string): Promise<PairResult> {
    return this.ds.transaction((m) => this.pairIn(m, input, actor));
  }

  async pairIn(m: EntityManager, input: PairValues, actor: string): Promise<PairResult> {
    const today = todayInChina();
    const fromDate = input.fromDate ?? today;
    const problems = new Problems();
    if (problems.date('fromDate', '结对开始日期', fromDate) && fromDate > today)
      problems.add(
        'fromDate',
        'DATE_IN_FUTURE',
        '结对开始日期不能晚于今天',
        'fromDate cannot be in the future',
      );
    if (input.note != null && [...input.note].length > 200)
      problems.add('note', 'INVALID_LENGTH', '备注不超过200个字符', 'note: at most 200 characters');
    problems.throwIfAny();

    // Lock the cadre and serialise pairings of this enterprise (unique indexes back this up).
    const cadre = await this.cadres.get(input.cadreId, m, true);
    if (!cadre.active)
      throw new AppError(
        'CADRE_INACTIVE',
        `${cadre.name}已离岗，不能再结对`,
        'the cadre has left and cannot be paired',
      );
    const enterprise = await this.enterprises.find(input.enterpriseId, m);
    if (!enterprise) throw notFound('企业', 'enterprise', input.enterpriseId);
    await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`pairing:${enterprise.id}`]);

    const open: PairingRow[] = await m.query(
      `SELECT ${PAIRING_COLUMNS} FROM "${this.s}".pairing p
        WHERE p.enterprise_id = $1 AND p.to_date IS NULL AND (p.cadre_id = $2 OR (p.level = $3 AND p.is_primary))`,
      [enterprise.id, cadre.id, cadre.level],
    );
    const same = open.find((r) => r.cadre_id === cadre.id);
    if (same && same.is_primary === input.primary)
      return { pairing: toPairing(same), outcome: 'UNCHANGED', ended: null };

    let ended: Pairing | null = null;
    const otherPrimary = input.primary
      ? open.find((r) => r.is_primary && r.cadre_id !== cadre.id)
      : undefined;
    if (otherPrimary && !input.replaceCurrent) {
      const holder = await this.cadres.get(otherPrimary.cadre_id, m);
      throw new AppError(
        'PRIMARY_TAKEN',
        `${enterprise.name}在${levelName(cadre.level)}已有主服务员${holder ? `（${holder.name}，工号 ${holder.staffNo}）` : ''}；如需更换，请选择“替换现任主服务员”`,
        'the enterprise already has a primary cadre at this level; pass replaceCurrent to take over',
        { currentPairingId: otherPrimary.id, currentCadreId: otherPrimary.cadre_id },
      );
    }
    // The pairing this one takes over from: a replaced primary, the same pair re-flagged, or the
    // most recent pairing at this level that ended when its cadre left.
    const toEnd = otherPrimary ?? same;
    if (toEnd) ended = await this.endIn(m, toEnd, addDays(fromDate, -1), 'REPLACED', input.note ?? null);
    let replacesId = toEnd?.id ?? input.replacesId ?? null;
    if (!replacesId) {
      const [left] = (await m.query(
        `SELECT p.id FROM "${this.s}".pairing p
          WHERE p.enterprise_id = $1 AND p.level = $2 AND p.end_reason = 'CADRE_LEFT'
            AND NOT EXISTS (SELECT 1 FROM "${this.s}".pairing n WHERE n.replaces_id = p.id)
          ORDER BY p.to_date DESC LIMIT 1`,
        [enterprise.id, cadre.level],
      )) as { id: string }[];
      replacesId = left?.id ?? null;
    }

    const keyException = cadre.level === AdministrativeLevel.CITY && !isKeyEnterprise(enterprise.tags);
    const [row] = (await m.query(
      `INSERT INTO "${this.s}".pairing (cadre_id, enterprise_id, level, is_primary, from_date, key_exception,
         exception_note, replaces_id, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       RETURNING ${PAIRING_COLUMNS.replace(/p\./g, '')}`,
      [
        cadre.id,
        enterprise.id,
        cadre.level,
        input.primary,
        fromDate,
        keyException,
        keyException ? input.note?.trim() || null : null,
        replacesId,
        actor,
      ],
    )) as PairingRow[];
    const pairing = toPairing(must(row));
    await this.outbox.add(
      m,
      'CadrePaired',
      { type: 'Pairing', id: pairing.id },
      {
        pairingId: pairing.id,
        cadreId: cadre.id,
        departmentId: cadre.departmentId,
        enterpriseId: enterprise.id,
        level: cadre.level,
        primary: pairing.primary,
        fromDate: pairing.fromDate,
        keyEnterpriseException: keyException,
      },
    );
    return { pairing, outcome: ended ? 'REPLACED' : 'CREATED', ended };
  }

  /** 解除结对 */
  async end(
    id: string,
    toDate: string | null | undefined,
    note: string | null | undefined,
  ): Promise<Pairing> {
    return this.ds.transaction(async (m) => {
      const rows: PairingRow[] = isUuid(id)
        ? await m.query(`SELECT ${PAIRING_COLUMNS} FROM "${this.s}".pairing p WHERE p.id = $1 FOR UPDATE`, [
            id,
          ])
        : [];
      const row = rows[0];
      if (!row) throw notFound('结对关系', 'pairing', id);
      if (row.to_date !== null)
        throw conflict(`该结对已于${row.to_date}结束`, `the pairing already ended on ${row.to_date}`);
      const day = toDate ?? todayInChina();
      const problems = new Problems();
      if (note != null && [...note].length > 200)
        problems.add('note', 'INVALID_LENGTH', '备注不超过200个字符', 'note: at most 200 characters');
      if (problems.date('toDate', '结束日期', day)) {
        if (day < row.from_date)
          problems.add(
            'toDate',
            'DATE_BEFORE_START',
            `结束日期不能早于开始日期 ${row.from_date}`,
            'toDate before fromDate',
          );
        if (day > todayInChina())
          problems.add('toDate', 'DATE_IN_FUTURE', '结束日期不能晚于今天', 'toDate cannot be in the future');
      }
      problems.throwIfAny();
      return this.endIn(m, row, day, 'ENDED', note ?? null);
    });
  }

  private async endIn(
    m: EntityManager,
    row: PairingRow,
    toDate: string,
    reason: 'ENDED' | 'REPLACED' | 'CADRE_LEFT',
    note: string | null,
  ): Promise<Pairing> {
    const [updated] = returned<PairingRow>(
      await m.query(
        `UPDATE "${this.s}".pairing SET to_date = GREATEST(from_date, $2::date), end_reason = $3, end_note = $4,
           ended_at = now() WHERE id = $1 RETURNING ${PAIRING_COLUMNS.replace(/p\./g, '')}`,
        [row.id, toDate, reason, note?.trim() || null],
      ),
    );
    const p = toPairing(must(updated));
    await this.outbox.add(
      m,
      'CadreUnpaired',
      { type: 'Pairing', id: p.id },
      {
        pairingId: p.id,
        cadreId: p.cadreId,
        enterpriseId: p.enterpriseId,
        level: p.level,
        primary: p.primary,
        toDate: p.toDate ?? toDate,
        reason,
      },
    );
    return p;
  }

  /** Move every current pairing of one cadre to another (a hand-over); history is kept. */
  async handOver(fromCadreId: string, toCadreId: string, actor: string): Promise<PairResult[]> {
    return this.ds.transaction(async (m) => {
      if (fromCadreId === toCadreId)
        throw new AppError('SAME_CADRE', '移交双方不能是同一名服务员', 'cannot hand over to the same cadre');
      const from = await this.cadres.get(fromCadreId, m);
      const to = await this.cadres.get(toCadreId, m);
      if (from.level !== to.level)
        throw new AppError(
          'LEVEL_MISMATCH',
          `${from.name}与${to.name}不在同一层级，不能整体移交`,
          'a hand-over needs two cadres of the same level',
        );
      // Pairings still open, or those that ended when the cadre left and were not yet re-paired.
      const rows: PairingRow[] = await m.query(
        `SELECT ${PAIRING_COLUMNS} FROM "${this.s}".pairing p
          WHERE p.cadre_id = $1 AND (p.to_date IS NULL OR (p.end_reason = 'CADRE_LEFT'
            AND NOT EXISTS (SELECT 1 FROM "${this.s}".pairing n WHERE n.replaces_id = p.id)))
          ORDER BY p.from_date, p.id`,
        [fromCadreId],
      );
      const results: PairResult[] = [];
      for (const r of rows) {
        if (r.to_date === null)
          await this.endIn(m, r, addDays(todayInChina(), -1), 'REPLACED', `移交给${to.name}`);
        results.push(
          await this.pairIn(
            m,
            {
              cadreId: toCadreId,
              enterpriseId: r.enterprise_id,
              primary: r.is_primary,
              replaceCurrent: true,
              replacesId: r.id,
            },
            actor,
          ),
        );
      }
      return results;
    });
  }

  /**
   * 待重新结对: enterprises whose pairing at a level ended because the cadre left, with no
   * current pairing at that level and no successor yet.
   */
  async repairingQueue(
    filter: { regionCode?: string | null; level?: AdministrativeLevel | null; departmentId?: string | null },
    scope: ReadScope,
    limit: number,
  ): Promise<RepairingItem[]> {
    this.divisions.filter('regionCode', filter.regionCode);
    const params: unknown[] = [];
    const where = [
      `p.end_reason = 'CADRE_LEFT'`,
      `NOT EXISTS (SELECT 1 FROM "${this.s}".pairing n WHERE n.replaces_id = p.id)`,
      `NOT EXISTS (SELECT 1 FROM "${this.s}".pairing o WHERE o.enterprise_id = p.enterprise_id AND o.level = p.level AND o.to_date IS NULL AND (o.is_primary OR NOT p.is_primary))`,
      pairingScopeSql(this.s, scope, params),
    ];
    if (filter.level) where.push(`p.level = ${param(params, filter.level)}`);
    if (filter.regionCode)
      where.push(
        `p.enterprise_id IN (SELECT id FROM "${this.s}".enterprise WHERE region_code LIKE ${param(params, `${this.divisions.prefix(filter.regionCode)}%`)})`,
      );
    if (filter.departmentId)
      where.push(
        isUuid(filter.departmentId)
          ? `p.cadre_id IN (SELECT id FROM "${this.s}".cadre WHERE department_id = ${param(params, filter.departmentId)})`
          : 'FALSE',
      );
    const rows: PairingRow[] = await this.ds.query(
      `SELECT ${PAIRING_COLUMNS} FROM "${this.s}".pairing p WHERE ${where.join(' AND ')}
        ORDER BY p.to_date, p.id LIMIT ${limit}`,
      params,
    );
    return rows.map((r) => {
      const p = toPairing(r);
      return { enterpriseId: p.enterpriseId, level: p.level, endedPairing: p };
    });
  }

  /** Current city-level pairings with enterprises that carry no key-enterprise tag. */
  async exceptions(scope: ReadScope, limit: number): Promise<Pairing[]> {
    const params: unknown[] = [];
    const rows: PairingRow[] = await this.ds.query(
      `SELECT ${PAIRING_COLUMNS} FROM "${this.s}".pairing p
        WHERE p.key_exception AND p.to_date IS NULL AND ${pairingScopeSql(this.s, scope, params)}
        ORDER BY p.from_date DESC, p.id LIMIT ${limit}`,
      params,
    );
    return rows.map(toPairing);
  }

  /** Whether the scope may read this pairing (the pairings rule of {@link pairingScopeSql}). */
  async isVisible(id: string, scope: ReadScope): Promise<boolean> {
    if (!isUuid(id)) return false;
    const params: unknown[] = [id];
    const rows: unknown[] = await this.ds.query(
      `SELECT 1 FROM "${this.s}".pairing p WHERE p.id = $1 AND ${pairingScopeSql(this.s, scope, params)}`,
      params,
    );
    return rows.length > 0;
  }

  /** For access checks: the cadre of a pairing. */
  async cadreOf(pairingId: string): Promise<Cadre> {
    const p = await this.get(pairingId);
    return this.cadres.get(p.cadreId);
  }
}

const levelName = (l: AdministrativeLevel) => ({ CITY: '市级', COUNTY: '县级', TOWNSHIP: '乡镇级' })[l];
