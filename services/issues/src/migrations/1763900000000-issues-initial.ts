import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@sfw/subgraph-kit';

const LEVELS = `('CITY', 'COUNTY', 'TOWNSHIP')`;
export const ISSUE_STATUSES = [
  'SUBMITTED',
  'ACCEPTED',
  'ASSIGNED',
  'IN_PROGRESS',
  'WAITING_ENTERPRISE',
  'REFUSAL_PENDING',
  'ANSWERED',
  'REVIEW_REQUESTED',
  'CONFIRMED',
  'CLOSED',
  'WITHDRAWN',
  'MERGED',
] as const;

export class IssuesInitial1763900000000 implements MigrationInterface {
  name = 'IssuesInitial1763900000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    // Projections of other services' events.
    await q.query(`CREATE TABLE "${s}".enterprise (
      id uuid PRIMARY KEY,
      name text NOT NULL,
      region_code varchar(9) NOT NULL,
      last_event_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE TABLE "${s}".department (
      id uuid PRIMARY KEY,
      code text NOT NULL,
      name text NOT NULL,
      short_name text NOT NULL,
      level text NOT NULL,
      region_code varchar(9) NOT NULL,
      domains text[] NOT NULL DEFAULT '{}',
      active boolean NOT NULL,
      members jsonb NOT NULL DEFAULT '[]',
      last_event_at timestamptz NOT NULL
    )`);

    await q.query(`CREATE TABLE "${s}".cadre_pairing (
      pairing_id uuid PRIMARY KEY,
      cadre_id uuid NOT NULL,
      enterprise_id uuid NOT NULL,
      ended boolean NOT NULL DEFAULT false
    )`);
    await q.query(`CREATE INDEX cadre_pairing_cadre_idx ON "${s}".cadre_pairing (cadre_id) WHERE NOT ended`);
    await q.query(`CREATE INDEX cadre_pairing_enterprise_idx ON "${s}".cadre_pairing (enterprise_id)`);
    await q.query(`CREATE TABLE "${s}".visit (
      id uuid PRIMARY KEY,
      cadre_id uuid NOT NULL,
      enterprise_id uuid NOT NULL,
      visited_on date NOT NULL
    )`);

    await q.query(`CREATE SEQUENCE "${s}".issue_no_seq`);
    await q.query(`CREATE TABLE "${s}".issue (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      no text NOT NULL UNIQUE,
      enterprise_id uuid NOT NULL REFERENCES "${s}".enterprise (id),
      region_code varchar(9) NOT NULL,
      source text NOT NULL CHECK (source IN ('ONLINE', 'VISIT', 'HOTLINE_12345', 'LEADER_VISIT', 'THEMED_MEETING')),
      visit_id uuid,
      title text NOT NULL CHECK (length(title) BETWEEN 4 AND 100),
      description text NOT NULL CHECK (length(description) BETWEEN 10 AND 5000),
      categories text[] NOT NULL CHECK (cardinality(categories) >= 1),
      scope text NOT NULL DEFAULT 'INDIVIDUAL' CHECK (scope IN ('INDIVIDUAL', 'COMMON', 'SYSTEMIC')),
      level text NOT NULL CHECK (level IN ${LEVELS}),
      difficult boolean NOT NULL DEFAULT false,
      status text NOT NULL,
      round integer NOT NULL DEFAULT 1,
      submitted_by text NOT NULL,
      submitted_at timestamptz NOT NULL DEFAULT now(),
      first_response_due timestamptz NOT NULL,
      accepted_at timestamptz,
      first_responder text,
      first_responder_name text,
      lead_department_id uuid REFERENCES "${s}".department (id),
      co_department_ids uuid[] NOT NULL DEFAULT '{}',
      handler text,
      task_force_id uuid,
      assigned_at timestamptz,
      plan_due timestamptz,
      feedback_due timestamptz,
      close_due timestamptz,
      plan text,
      plan_at timestamptz,
      feedback_at timestamptz,
      paused_since timestamptz,
      outcome text CHECK (outcome IN ('RESOLVED', 'PARTLY_RESOLVED', 'CANNOT_HANDLE')),
      answer text,
      answered_at timestamptz,
      confirmed_at timestamptz,
      closed_at timestamptz,
      reopen_count integer NOT NULL DEFAULT 0,
      escalation_count integer NOT NULL DEFAULT 0,
      merged_into_id uuid REFERENCES "${s}".issue (id),
      common_problem_id uuid,
      text_signature text[] NOT NULL DEFAULT '{}',
      version integer NOT NULL DEFAULT 1,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX issue_enterprise_idx ON "${s}".issue (enterprise_id, submitted_at DESC)`);
    await q.query(`CREATE INDEX issue_department_idx ON "${s}".issue (lead_department_id, status)`);
    await q.query(`CREATE INDEX issue_co_department_idx ON "${s}".issue USING gin (co_department_ids)`);
    await q.query(`CREATE INDEX issue_status_idx ON "${s}".issue (status, close_due)`);
    await q.query(`CREATE INDEX issue_region_idx ON "${s}".issue (region_code text_pattern_ops)`);
    await q.query(`CREATE INDEX issue_visit_idx ON "${s}".issue (visit_id) WHERE visit_id IS NOT NULL`);
    await q.query(`CREATE INDEX issue_submitted_idx ON "${s}".issue (submitted_at DESC, id DESC)`);
    await q.query(`CREATE INDEX issue_signature_idx ON "${s}".issue USING gin (text_signature)`);
    await q.query(`CREATE INDEX issue_categories_idx ON "${s}".issue USING gin (categories)`);

    await q.query(`CREATE TABLE "${s}".issue_pause (
      id bigserial PRIMARY KEY,
      issue_id uuid NOT NULL REFERENCES "${s}".issue (id),
      paused_at timestamptz NOT NULL,
      resumed_at timestamptz
    )`);
    await q.query(`CREATE INDEX issue_pause_issue_idx ON "${s}".issue_pause (issue_id, paused_at)`);

    // The timeline: every change, immutable. A trigger refuses UPDATE and DELETE.
    await q.query(`CREATE TABLE "${s}".issue_event (
      id bigserial PRIMARY KEY,
      issue_id uuid NOT NULL REFERENCES "${s}".issue (id),
      at timestamptz NOT NULL DEFAULT now(),
      actor text NOT NULL,
      actor_name text,
      actor_roles text[] NOT NULL DEFAULT '{}',
      action text NOT NULL,
      from_status text,
      to_status text,
      note text,
      data jsonb NOT NULL DEFAULT '{}'
    )`);
    await q.query(`CREATE INDEX issue_event_issue_idx ON "${s}".issue_event (issue_id, id)`);
    await q.query(`CREATE FUNCTION "${s}".issue_event_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'issue_event is append-only'; END $$`);
    await q.query(`CREATE TRIGGER issue_event_no_change BEFORE UPDATE OR DELETE ON "${s}".issue_event
      FOR EACH ROW EXECUTE FUNCTION "${s}".issue_event_immutable()`);

    // Deadlines per region prefix and category ('' = any); the most specific row wins.
    await q.query(`CREATE TABLE "${s}".deadline_rule (
      region_prefix text NOT NULL DEFAULT '',
      category text NOT NULL DEFAULT '',
      first_response_hours integer NOT NULL CHECK (first_response_hours BETWEEN 1 AND 720),
      plan_days integer NOT NULL CHECK (plan_days BETWEEN 1 AND 365),
      feedback_days integer NOT NULL CHECK (feedback_days BETWEEN 1 AND 365),
      close_days integer NOT NULL CHECK (close_days BETWEEN 1 AND 365),
      PRIMARY KEY (region_prefix, category),
      CHECK (plan_days <= feedback_days AND feedback_days <= close_days)
    )`);
    // 萧山 首问负责制 24 hours; 建德 "1+3+6+10".
    await q.query(
      `INSERT INTO "${s}".deadline_rule (region_prefix, category, first_response_hours, plan_days, feedback_days, close_days)
       VALUES ('', '', 24, 3, 6, 10)`,
    );

    await q.query(`CREATE TABLE "${s}".refusal (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      issue_id uuid NOT NULL REFERENCES "${s}".issue (id),
      round integer NOT NULL,
      department_id uuid NOT NULL REFERENCES "${s}".department (id),
      reason text NOT NULL CHECK (length(reason) >= 20),
      basis text,
      status text NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'RETURNED', 'WITHDRAWN')),
      next_role text CHECK (next_role IN ('SECTION_CHIEF', 'LEADER_IN_CHARGE', 'DEPARTMENT_HEAD')),
      proposed_by text NOT NULL,
      proposed_at timestamptz NOT NULL DEFAULT now(),
      decided_at timestamptz
    )`);
    await q.query(
      `CREATE UNIQUE INDEX refusal_pending_uq ON "${s}".refusal (issue_id) WHERE status = 'PENDING'`,
    );
    await q.query(`CREATE TABLE "${s}".refusal_signoff (
      refusal_id uuid NOT NULL REFERENCES "${s}".refusal (id),
      role text NOT NULL CHECK (role IN ('SECTION_CHIEF', 'LEADER_IN_CHARGE', 'DEPARTMENT_HEAD')),
      signer text NOT NULL,
      signer_name text,
      decision text NOT NULL CHECK (decision IN ('APPROVED', 'RETURNED')),
      note text,
      at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (refusal_id, role, at)
    )`);
    // Three distinct people: one person signs one refusal at most once with approval.
    await q.query(
      `CREATE UNIQUE INDEX refusal_signer_uq ON "${s}".refusal_signoff (refusal_id, signer) WHERE decision = 'APPROVED'`,
    );

    await q.query(`CREATE TABLE "${s}".review_case (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      issue_id uuid NOT NULL REFERENCES "${s}".issue (id),
      refusal_id uuid NOT NULL REFERENCES "${s}".refusal (id),
      requested_by text NOT NULL,
      requested_at timestamptz NOT NULL DEFAULT now(),
      request_reason text NOT NULL,
      hearing_on date,
      panel text[] NOT NULL DEFAULT '{}',
      record text,
      decision text CHECK (decision IN ('UPHELD', 'OVERTURNED')),
      decided_by text,
      decided_at timestamptz
    )`);
    await q.query(
      `CREATE UNIQUE INDEX review_open_uq ON "${s}".review_case (issue_id) WHERE decision IS NULL`,
    );

    await q.query(`CREATE TABLE "${s}".common_problem (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      title text NOT NULL,
      categories text[] NOT NULL,
      lead_department_id uuid REFERENCES "${s}".department (id),
      status text NOT NULL CHECK (status IN ('OPEN', 'ANSWERED')),
      outcome text,
      answer text,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      answered_at timestamptz
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    for (const t of [
      'common_problem',
      'review_case',
      'refusal_signoff',
      'refusal',
      'deadline_rule',
      'issue_event',
      'issue_pause',
      'issue',
      'visit',
      'cadre_pairing',
      'department',
      'enterprise',
    ])
      await q.query(`DROP TABLE "${s}".${t}`);
    await q.query(`DROP FUNCTION "${s}".issue_event_immutable()`);
    await q.query(`DROP SEQUENCE "${s}".issue_no_seq`);
  }
}
