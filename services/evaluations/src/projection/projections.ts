import type { DataSource, EntityManager } from 'typeorm';
import type {
  CadrePairedV1,
  CadreUnpairedV1,
  DepartmentChangedV1,
  EventEnvelope,
  IssueAnsweredV1,
  IssueClosedV1,
  IssueFactsV1,
  IssueSubmittedV1,
  RefusalSignedOffV1,
  ReviewDecidedV1,
  VisitRecordedV1,
} from '@sfw/shared-types';
import { consumeMany, consumeOnce, processedAmong, type EventBus, type Logger } from '@sfw/subgraph-kit';

export const PROJECTION_CONSUMER = 'evaluations.projections';
export const PROJECTED_TYPES = [
  'DepartmentChanged',
  'CadrePaired',
  'CadreUnpaired',
  'VisitRecorded',
  'IssueSubmitted',
  'IssueAssigned',
  'IssueAnswered',
  'IssueClosed',
  'IssueReopened',
  'IssueEscalated',
  'RefusalSignedOff',
  'ReviewDecided',
] as const;

/**
 * What evaluations knows of the other services, from their events only (never their databases):
 * every appeal's lead department, each answered round with its outcome and timing, refusals and
 * their review, reopenings and closings; departments; pairings and visits (to credit an appeal to
 * the cadre who brought it in). Idempotent per event id, tolerant of order (an event for an appeal
 * not yet seen creates it from the facts it carries), and rebuildable by replay.
 */
export class Projections {
  constructor(
    private readonly ds: DataSource,
    private readonly s: string,
    private readonly logger: Logger,
  ) {}

  start(bus: EventBus): Promise<() => void> {
    return bus.subscribe(PROJECTION_CONSUMER, [...PROJECTED_TYPES], (e) => this.handle(e), {
      seen: (ids) => processedAmong(this.ds, this.s, PROJECTION_CONSUMER, ids),
      batch: (events) => this.handleMany(events),
    });
  }

  /**
   * Forgets everything projected (and which events were seen), so the next subscription replays
   * the producers' history into empty tables. The feedback collected here (ratings, callbacks,
   * cycles) is kept: it refers to appeals by id.
   */
  async forget(): Promise<void> {
    await this.ds.transaction(async (m) => {
      for (const t of ['answer', 'refusal', 'appeal', 'visit', 'pairing', 'department'])
        await m.query(`DELETE FROM "${this.s}".${t}`);
      await m.query(`DELETE FROM "${this.s}".processed_event WHERE consumer = $1`, [PROJECTION_CONSUMER]);
    });
  }

  /** Several events in one transaction (a replay page, a relay pass). */
  async handleMany(events: EventEnvelope[]): Promise<void> {
    await consumeMany(this.ds, this.s, PROJECTION_CONSUMER, events.filter(this.known), (m, e) =>
      this.apply(m, e),
    );
  }

  async handle(event: EventEnvelope): Promise<void> {
    if (!this.known(event)) return;
    await consumeOnce(this.ds, this.s, PROJECTION_CONSUMER, event, (m) => this.apply(m, event));
  }

  private readonly known = (e: EventEnvelope): boolean => {
    if (e.version === 1) return true;
    this.logger.warn({ eventId: e.id, type: e.type, version: e.version }, 'unknown event version skipped');
    return false;
  };

  private async apply(m: EntityManager, event: EventEnvelope): Promise<void> {
    const s = this.s;
    switch (event.type) {
      case 'DepartmentChanged': {
        const d = (event.payload as DepartmentChangedV1).department;
        await m.query(
          `INSERT INTO "${s}".department (id, code, name, short_name, level, region_code, parent_id, active, last_event_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
           ON CONFLICT (id) DO UPDATE SET code = EXCLUDED.code, name = EXCLUDED.name, short_name = EXCLUDED.short_name,
             level = EXCLUDED.level, region_code = EXCLUDED.region_code, parent_id = EXCLUDED.parent_id,
             active = EXCLUDED.active, last_event_at = EXCLUDED.last_event_at
           WHERE "${s}".department.last_event_at <= EXCLUDED.last_event_at`,
          [d.id, d.code, d.name, d.shortName, d.level, d.regionCode, d.parentId, d.active, event.occurredAt],
        );
        return;
      }
      case 'CadrePaired': {
        const p = event.payload as CadrePairedV1;
        await m.query(
          `INSERT INTO "${s}".pairing (pairing_id, cadre_id, department_id, enterprise_id, level, is_primary, from_date)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (pairing_id) DO UPDATE SET from_date = EXCLUDED.from_date, department_id = EXCLUDED.department_id`,
          [p.pairingId, p.cadreId, p.departmentId, p.enterpriseId, p.level, p.primary, p.fromDate],
        );
        // Appeals that arrived before their pairing are credited now.
        await this.creditCadres(m, `a.enterprise_id = $1`, [p.enterpriseId]);
        return;
      }
      case 'CadreUnpaired': {
        const p = event.payload as CadreUnpairedV1;
        await m.query(
          `INSERT INTO "${s}".pairing (pairing_id, cadre_id, department_id, enterprise_id, level, is_primary, to_date)
           VALUES ($1, $2, '00000000-0000-0000-0000-000000000000', $3, $4, $5, $6)
           ON CONFLICT (pairing_id) DO UPDATE SET to_date = EXCLUDED.to_date`,
          [p.pairingId, p.cadreId, p.enterpriseId, p.level, p.primary, p.toDate],
        );
        return;
      }
      case 'VisitRecorded': {
        const v = event.payload as VisitRecordedV1;
        await m.query(
          `INSERT INTO "${s}".visit (id, cadre_id, department_id, enterprise_id) VALUES ($1, $2, $3, $4)
           ON CONFLICT DO NOTHING`,
          [v.visitId, v.cadreId, v.departmentId, v.enterpriseId],
        );
        await this.creditCadres(m, `a.visit_id = $1`, [v.visitId]);
        return;
      }
      default:
        if (
          event.type.startsWith('Issue') ||
          event.type === 'RefusalSignedOff' ||
          event.type === 'ReviewDecided'
        )
          return this.applyIssue(m, event);
    }
  }

  private async applyIssue(m: EntityManager, event: EventEnvelope): Promise<void> {
    const s = this.s;
    const payload = event.payload as { issue: IssueFactsV1 };
    const f = payload.issue;
    const visitId = event.type === 'IssueSubmitted' ? (payload as IssueSubmittedV1).visitId : null;
    // The appeal row from the facts every issue event carries; a newer event's facts win.
    await m.query(
      `INSERT INTO "${s}".appeal (issue_id, enterprise_id, region_code, level, lead_department_id, visit_id,
         submitted_at, round, last_event_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (issue_id) DO UPDATE SET region_code = EXCLUDED.region_code, level = EXCLUDED.level,
         lead_department_id = EXCLUDED.lead_department_id, round = GREATEST("${s}".appeal.round, EXCLUDED.round),
         visit_id = COALESCE("${s}".appeal.visit_id, EXCLUDED.visit_id), last_event_at = EXCLUDED.last_event_at
       WHERE "${s}".appeal.last_event_at <= EXCLUDED.last_event_at`,
      [
        f.issueId,
        f.enterpriseId,
        f.regionCode,
        f.level,
        f.leadDepartmentId,
        visitId,
        f.submittedAt,
        f.round,
        event.occurredAt,
      ],
    );
    if (event.type === 'IssueSubmitted')
      await this.creditCadres(m, `a.issue_id = $1 AND a.cadre_id IS NULL`, [f.issueId]);

    switch (event.type) {
      case 'IssueEscalated':
        await m.query(`UPDATE "${s}".appeal SET escalated = true WHERE issue_id = $1`, [f.issueId]);
        return;
      case 'IssueAnswered': {
        const a = event.payload as IssueAnsweredV1;
        // A later answer in the same round (after an overturned refusal) replaces the earlier one.
        await m.query(
          `INSERT INTO "${s}".answer (issue_id, round, enterprise_id, department_id, cadre_id, region_code, level, outcome,
             answered_at, workdays, on_time)
           SELECT $1, $2, $3, $4, a.cadre_id, $5, $6, $7, $8, $9, $10 FROM "${s}".appeal a WHERE a.issue_id = $1
           ON CONFLICT (issue_id, round) DO UPDATE SET department_id = EXCLUDED.department_id, outcome = EXCLUDED.outcome,
             answered_at = EXCLUDED.answered_at, workdays = EXCLUDED.workdays, on_time = EXCLUDED.on_time,
             region_code = EXCLUDED.region_code, level = EXCLUDED.level, upheld = false
           WHERE "${s}".answer.answered_at <= EXCLUDED.answered_at`,
          [
            f.issueId,
            f.round,
            f.enterpriseId,
            f.leadDepartmentId,
            f.regionCode,
            f.level,
            a.outcome,
            a.answeredAt,
            a.workdaysTaken,
            a.onTime,
          ],
        );
        return;
      }
      case 'IssueClosed': {
        const c = event.payload as IssueClosedV1;
        await m.query(
          `UPDATE "${s}".appeal SET closed_at = $2, close_how = $3, close_department_id = $4, close_workdays = $5,
             close_on_time = $6 WHERE issue_id = $1 AND (closed_at IS NULL OR closed_at <= $2)`,
          [f.issueId, c.closedAt, c.how, f.leadDepartmentId, c.workdaysTaken, c.onTime],
        );
        return;
      }
      case 'IssueReopened':
        // The facts carry the new round: the round before it did not hold.
        await m.query(
          `UPDATE "${s}".answer SET reopened = true
           WHERE issue_id = $1 AND round = (SELECT max(round) FROM "${s}".answer WHERE issue_id = $1 AND round < $2)`,
          [f.issueId, f.round],
        );
        await m.query(
          `UPDATE "${s}".appeal SET reopen_count = reopen_count + 1, closed_at = NULL, close_how = NULL,
             close_workdays = NULL, close_on_time = NULL WHERE issue_id = $1`,
          [f.issueId],
        );
        return;
      case 'RefusalSignedOff': {
        const r = event.payload as RefusalSignedOffV1;
        if (!r.final || r.decision !== 'APPROVED') return;
        await m.query(
          `INSERT INTO "${s}".refusal (refusal_id, issue_id, round, department_id, region_code, signed_at)
           VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (refusal_id) DO UPDATE SET round = EXCLUDED.round, department_id = EXCLUDED.department_id,
             signed_at = EXCLUDED.signed_at`,
          [r.refusalId, f.issueId, f.round, f.leadDepartmentId, f.regionCode, event.occurredAt],
        );
        return;
      }
      case 'ReviewDecided': {
        const r = event.payload as ReviewDecidedV1;
        // An overturned refusal starts a new round, so the refused round is the refusal's own.
        const round = r.decision === 'OVERTURNED' ? f.round - 1 : f.round;
        const [ref] = (await m.query(
          `INSERT INTO "${s}".refusal (refusal_id, issue_id, round, department_id, region_code, review, reviewed_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (refusal_id) DO UPDATE SET review = EXCLUDED.review, reviewed_at = EXCLUDED.reviewed_at
           RETURNING round`,
          [r.refusalId, f.issueId, round, f.leadDepartmentId, f.regionCode, r.decision, event.occurredAt],
        )) as { round: number }[];
        if (r.decision === 'UPHELD')
          await m.query(
            `UPDATE "${s}".answer SET upheld = true WHERE issue_id = $1 AND round = $2 AND outcome = 'CANNOT_HANDLE'`,
            [f.issueId, ref?.round ?? round],
          );
        return;
      }
      default:
        return;
    }
  }

  /**
   * Credits appeals to a cadre (for Cadre.score): the cadre whose visit raised the appeal, else the
   * enterprise's primary cadre at the appeal's level on the day it was submitted, else its primary
   * cadre at any level then. Runs again when a late pairing or visit event arrives.
   */
  private async creditCadres(m: EntityManager, where: string, params: unknown[]): Promise<void> {
    const s = this.s;
    await m.query(
      `WITH credited AS (
         SELECT a.issue_id, COALESCE(
           (SELECT v.cadre_id FROM "${s}".visit v WHERE v.id = a.visit_id),
           (SELECT p.cadre_id FROM "${s}".pairing p
             WHERE p.enterprise_id = a.enterprise_id AND p.is_primary
               AND (p.from_date IS NULL OR p.from_date <= (a.submitted_at AT TIME ZONE 'Asia/Shanghai')::date)
               AND (p.to_date IS NULL OR p.to_date >= (a.submitted_at AT TIME ZONE 'Asia/Shanghai')::date)
             ORDER BY (p.level = a.level) DESC, p.from_date DESC NULLS LAST LIMIT 1)) AS cadre_id
         FROM "${s}".appeal a WHERE ${where}
       ), changed AS (
         UPDATE "${s}".appeal a SET cadre_id = c.cadre_id FROM credited c
         WHERE a.issue_id = c.issue_id AND c.cadre_id IS NOT NULL AND a.cadre_id IS DISTINCT FROM c.cadre_id
         RETURNING a.issue_id, a.cadre_id
       )
       , answers AS (
         UPDATE "${s}".answer x SET cadre_id = c.cadre_id FROM changed c WHERE x.issue_id = c.issue_id RETURNING x.issue_id
       )
       , refusals AS (
         UPDATE "${s}".refusal f SET cadre_id = c.cadre_id FROM changed c WHERE f.issue_id = c.issue_id RETURNING f.issue_id
       ), tasks AS (
         UPDATE "${s}".rectification t SET cadre_id = c.cadre_id FROM changed c WHERE t.issue_id = c.issue_id
         RETURNING t.issue_id
       )
       UPDATE "${s}".rating r SET cadre_id = c.cadre_id FROM changed c WHERE r.issue_id = c.issue_id`,
      params,
    );
  }
}
