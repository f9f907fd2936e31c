import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@sfw/subgraph-kit';

const LEVELS = `('CITY', 'COUNTY', 'TOWNSHIP')`;

/**
 * The evaluations schema: projections of the issues and cadres events (appeals, answers per round,
 * refusals, departments, pairings, visits), the feedback this service collects (ratings, callbacks,
 * observer reviews, rectification tasks, rating appeals) and review cycles with their frozen
 * results. A published cycle's rows cannot change: triggers refuse it, whatever the code does.
 */
export class EvaluationsInitial1764000000000 implements MigrationInterface {
  name = 'EvaluationsInitial1764000000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    // --- projections -------------------------------------------------------------------------
    await q.query(`CREATE TABLE "${s}".department (
      id uuid PRIMARY KEY,
      code text NOT NULL,
      name text NOT NULL,
      short_name text NOT NULL,
      level text NOT NULL,
      region_code varchar(9) NOT NULL,
      parent_id uuid,
      active boolean NOT NULL,
      last_event_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE TABLE "${s}".pairing (
      pairing_id uuid PRIMARY KEY,
      cadre_id uuid NOT NULL,
      department_id uuid NOT NULL,
      enterprise_id uuid NOT NULL,
      level text NOT NULL,
      is_primary boolean NOT NULL,
      from_date date,
      to_date date
    )`);
    await q.query(`CREATE INDEX pairing_enterprise_idx ON "${s}".pairing (enterprise_id)`);
    await q.query(`CREATE INDEX pairing_cadre_idx ON "${s}".pairing (cadre_id)`);
    await q.query(`CREATE TABLE "${s}".visit (
      id uuid PRIMARY KEY,
      cadre_id uuid NOT NULL,
      department_id uuid NOT NULL,
      enterprise_id uuid NOT NULL
    )`);
    // One row per appeal (诉求): where it stands and how its last closing went.
    await q.query(`CREATE TABLE "${s}".appeal (
      issue_id uuid PRIMARY KEY,
      enterprise_id uuid NOT NULL,
      region_code varchar(9) NOT NULL,
      level text NOT NULL CHECK (level IN ${LEVELS}),
      lead_department_id uuid,
      visit_id uuid,
      cadre_id uuid,
      submitted_at timestamptz NOT NULL,
      round integer NOT NULL DEFAULT 1,
      reopen_count integer NOT NULL DEFAULT 0,
      escalated boolean NOT NULL DEFAULT false,
      closed_at timestamptz,
      close_how text,
      close_department_id uuid,
      close_workdays numeric(8, 2),
      close_on_time boolean,
      last_event_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE INDEX appeal_closed_idx ON "${s}".appeal (closed_at) WHERE closed_at IS NOT NULL`);
    await q.query(`CREATE INDEX appeal_enterprise_idx ON "${s}".appeal (enterprise_id)`);
    await q.query(`CREATE INDEX appeal_visit_idx ON "${s}".appeal (visit_id) WHERE visit_id IS NOT NULL`);
    // One row per answered round: the unit that is rated and scored.
    await q.query(`CREATE TABLE "${s}".answer (
      issue_id uuid NOT NULL,
      round integer NOT NULL,
      enterprise_id uuid NOT NULL,
      department_id uuid,
      cadre_id uuid,
      region_code varchar(9) NOT NULL,
      level text NOT NULL,
      outcome text NOT NULL CHECK (outcome IN ('RESOLVED', 'PARTLY_RESOLVED', 'CANNOT_HANDLE')),
      answered_at timestamptz NOT NULL,
      workdays numeric(8, 2) NOT NULL,
      on_time boolean NOT NULL,
      upheld boolean NOT NULL DEFAULT false,
      reopened boolean NOT NULL DEFAULT false,
      PRIMARY KEY (issue_id, round)
    )`);
    await q.query(`CREATE INDEX answer_period_idx ON "${s}".answer (answered_at)`);
    await q.query(`CREATE INDEX answer_department_idx ON "${s}".answer (department_id, answered_at)`);
    await q.query(`CREATE INDEX answer_cadre_idx ON "${s}".answer (cadre_id) WHERE cadre_id IS NOT NULL`);
    // Refusals (不能办) that reached the enterprise after the three sign-offs, and their review.
    await q.query(`CREATE TABLE "${s}".refusal (
      refusal_id uuid PRIMARY KEY,
      issue_id uuid NOT NULL,
      round integer NOT NULL,
      department_id uuid,
      cadre_id uuid,
      region_code varchar(9) NOT NULL,
      signed_at timestamptz,
      review text CHECK (review IN ('UPHELD', 'OVERTURNED')),
      reviewed_at timestamptz
    )`);
    await q.query(`CREATE INDEX refusal_period_idx ON "${s}".refusal (signed_at)`);

    // --- feedback ----------------------------------------------------------------------------
    await q.query(`CREATE TABLE "${s}".rating (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      issue_id uuid NOT NULL,
      round integer NOT NULL,
      enterprise_id uuid NOT NULL,
      department_id uuid,
      cadre_id uuid,
      region_code varchar(9) NOT NULL,
      appeal_level text,
      answered_at timestamptz NOT NULL,
      level smallint NOT NULL CHECK (level BETWEEN 1 AND 5),
      timeliness smallint CHECK (timeliness BETWEEN 1 AND 5),
      attitude smallint CHECK (attitude BETWEEN 1 AND 5),
      result smallint CHECK (result BETWEEN 1 AND 5),
      comment text CHECK (length(comment) <= 1000),
      rated_by text NOT NULL,
      rated_at timestamptz NOT NULL DEFAULT now(),
      status text NOT NULL DEFAULT 'VALID' CHECK (status IN ('VALID', 'UNDER_APPEAL', 'VOIDED')),
      UNIQUE (issue_id, round)
    )`);
    await q.query(`CREATE INDEX rating_department_idx ON "${s}".rating (department_id, answered_at)`);
    // A rating carries its answer's cadre and level, so a cycle aggregates ratings without a join.
    await q.query(`CREATE FUNCTION "${s}".rating_from_answer() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT x.cadre_id, x.level INTO NEW.cadre_id, NEW.appeal_level
          FROM "${s}".answer x WHERE x.issue_id = NEW.issue_id AND x.round = NEW.round;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER rating_from_answer BEFORE INSERT ON "${s}".rating
      FOR EACH ROW EXECUTE FUNCTION "${s}".rating_from_answer()`);
    // So do refusals (from the appeal) and rectification tasks (from the rating).
    await q.query(`CREATE FUNCTION "${s}".refusal_cadre() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT a.cadre_id INTO NEW.cadre_id FROM "${s}".appeal a WHERE a.issue_id = NEW.issue_id;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE FUNCTION "${s}".rectification_cadre() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT r.cadre_id INTO NEW.cadre_id FROM "${s}".rating r WHERE r.id = NEW.rating_id;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE INDEX rating_period_idx ON "${s}".rating (answered_at)`);
    await q.query(`CREATE TABLE "${s}".rectification (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      rating_id uuid NOT NULL UNIQUE REFERENCES "${s}".rating (id),
      issue_id uuid NOT NULL,
      round integer NOT NULL,
      department_id uuid,
      cadre_id uuid,
      status text NOT NULL DEFAULT 'OPEN'
        CHECK (status IN ('OPEN', 'VERIFIED', 'REPORTED', 'CLOSED', 'CANCELLED')),
      opened_at timestamptz NOT NULL,
      verify_due timestamptz NOT NULL,
      rectify_due timestamptz NOT NULL,
      verified_at timestamptz,
      verified_by text,
      verification text,
      reported_at timestamptz,
      reported_by text,
      report text,
      closed_at timestamptz,
      outcome text CHECK (outcome IN ('SATISFIED', 'NOT_SATISFIED', 'VOIDED')),
      callback_id uuid
    )`);
    await q.query(
      `CREATE INDEX rectification_department_idx ON "${s}".rectification (department_id, opened_at)`,
    );
    await q.query(`CREATE TRIGGER refusal_cadre BEFORE INSERT ON "${s}".refusal
      FOR EACH ROW EXECUTE FUNCTION "${s}".refusal_cadre()`);
    await q.query(`CREATE TRIGGER rectification_cadre BEFORE INSERT ON "${s}".rectification
      FOR EACH ROW EXECUTE FUNCTION "${s}".rectification_cadre()`);
    await q.query(`CREATE TABLE "${s}".rating_appeal (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      rating_id uuid NOT NULL REFERENCES "${s}".rating (id),
      department_id uuid,
      grounds text NOT NULL CHECK (grounds IN ('MALICIOUS', 'MISTAKEN')),
      reason text NOT NULL CHECK (length(reason) BETWEEN 10 AND 2000),
      filed_by text NOT NULL,
      filed_at timestamptz NOT NULL DEFAULT now(),
      decision text CHECK (decision IN ('ACCEPTED', 'REJECTED')),
      decided_by text,
      decided_at timestamptz,
      decision_note text
    )`);
    await q.query(
      `CREATE UNIQUE INDEX rating_appeal_open_idx ON "${s}".rating_appeal (rating_id) WHERE decision IS NULL`,
    );
    await q.query(`CREATE TABLE "${s}".observer_review (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      department_id uuid NOT NULL,
      observer_name text NOT NULL,
      observer_kind text NOT NULL CHECK (observer_kind IN ('MANAGER', 'LAWYER', 'JOURNALIST', 'DEPUTY', 'OTHER')),
      reviewed_on date NOT NULL,
      findings text NOT NULL CHECK (length(findings) BETWEEN 10 AND 5000),
      verdict text NOT NULL CHECK (verdict IN ('EXCELLENT', 'GOOD', 'FAIR', 'POOR')),
      recorded_by text NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(
      `CREATE INDEX observer_review_department_idx ON "${s}".observer_review (department_id, reviewed_on)`,
    );

    // --- review cycles -------------------------------------------------------------------------
    await q.query(`CREATE TABLE "${s}".review_cycle (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      series_id uuid NOT NULL,
      version integer NOT NULL DEFAULT 1,
      corrects_id uuid REFERENCES "${s}".review_cycle (id),
      correction_reason text,
      name text NOT NULL CHECK (length(name) BETWEEN 2 AND 100),
      period_label text NOT NULL,
      period_start date NOT NULL,
      period_end date NOT NULL CHECK (period_end > period_start),
      region_code varchar(9) NOT NULL,
      level text CHECK (level IN ${LEVELS}),
      weights jsonb NOT NULL,
      settings jsonb NOT NULL,
      sampling jsonb NOT NULL,
      status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'RUN', 'PUBLISHED', 'SUPERSEDED')),
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      sampled_at timestamptz,
      run_at timestamptz,
      run_by text,
      run_ms integer,
      run_stats json,
      published_at timestamptz,
      published_by text,
      superseded_at timestamptz,
      UNIQUE (series_id, version)
    )`);
    await q.query(`CREATE INDEX review_cycle_period_idx ON "${s}".review_cycle (period_label, status)`);
    await q.query(`CREATE TABLE "${s}".cycle_result (
      cycle_id uuid NOT NULL REFERENCES "${s}".review_cycle (id),
      subject_kind text NOT NULL CHECK (subject_kind IN ('DEPARTMENT', 'CADRE')),
      subject_id uuid NOT NULL,
      department_id uuid,
      score numeric(6, 2),
      rank integer,
      ranked_of integer NOT NULL,
      components json NOT NULL,
      flags text[] NOT NULL DEFAULT '{}',
      PRIMARY KEY (cycle_id, subject_kind, subject_id)
    )`);
    await q.query(`CREATE INDEX cycle_result_subject_idx ON "${s}".cycle_result (subject_id, subject_kind)`);
    await q.query(`CREATE TABLE "${s}".cycle_flag (
      cycle_id uuid NOT NULL REFERENCES "${s}".review_cycle (id),
      subject_kind text NOT NULL,
      subject_id uuid NOT NULL,
      code text NOT NULL CHECK (code IN ('INFLATED_SATISFACTION', 'SMALL_SAMPLE', 'LATE_RECTIFICATION')),
      detail text NOT NULL,
      disposition text CHECK (disposition IN ('CONFIRMED', 'DISMISSED', 'NOTED')),
      note text,
      worked_by text,
      worked_at timestamptz,
      PRIMARY KEY (cycle_id, subject_kind, subject_id, code)
    )`);
    // Callbacks (电话回访) belong to a cycle's series, so a corrected version keeps the calls made.
    await q.query(`CREATE TABLE "${s}".callback (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      series_id uuid,
      rectification_id uuid REFERENCES "${s}".rectification (id),
      issue_id uuid NOT NULL,
      round integer NOT NULL,
      enterprise_id uuid NOT NULL,
      department_id uuid,
      reasons text[] NOT NULL,
      status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DONE')),
      reached boolean,
      level smallint CHECK (level BETWEEN 1 AND 5),
      solved boolean,
      matches_record boolean,
      note text,
      called_by text,
      called_at timestamptz,
      -- A later reached call on the same answer speaks for it instead (kept on every write).
      superseded boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(
      `CREATE UNIQUE INDEX callback_series_idx ON "${s}".callback (series_id, issue_id, round) WHERE series_id IS NOT NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX callback_rectification_idx ON "${s}".callback (rectification_id) WHERE rectification_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX callback_answer_idx ON "${s}".callback (issue_id, round)`);

    // A published result is immutable: only its supersession by a correction may be written.
    await q.query(`CREATE FUNCTION "${s}".published_cycle_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' AND OLD.status IN ('PUBLISHED', 'SUPERSEDED') THEN
          RAISE EXCEPTION 'a published review cycle cannot be deleted' USING ERRCODE = 'P0001';
        END IF;
        IF TG_OP = 'UPDATE' AND OLD.status IN ('PUBLISHED', 'SUPERSEDED') THEN
          IF NOT (OLD.status = 'PUBLISHED' AND NEW.status = 'SUPERSEDED'
                  AND (to_jsonb(NEW) - 'status' - 'superseded_at') = (to_jsonb(OLD) - 'status' - 'superseded_at')) THEN
            RAISE EXCEPTION 'a published review cycle cannot change' USING ERRCODE = 'P0001';
          END IF;
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER review_cycle_published BEFORE UPDATE OR DELETE ON "${s}".review_cycle
      FOR EACH ROW EXECUTE FUNCTION "${s}".published_cycle_guard()`);
    // Statement-level (a run writes thousands of rows at once): one check per statement.
    await q.query(`CREATE FUNCTION "${s}".published_rows_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM changed_rows x JOIN "${s}".review_cycle c ON c.id = x.cycle_id
                   WHERE c.status IN ('PUBLISHED', 'SUPERSEDED')) THEN
          RAISE EXCEPTION 'the results of a published review cycle cannot change' USING ERRCODE = 'P0001';
        END IF;
        RETURN NULL;
      END $$`);
    for (const t of ['cycle_result', 'cycle_flag'])
      for (const [op, ref] of [
        ['INSERT', 'NEW'],
        ['UPDATE', 'OLD'],
        ['DELETE', 'OLD'],
      ] as const)
        await q.query(`CREATE TRIGGER ${t}_published_${op.toLowerCase()} AFTER ${op} ON "${s}".${t}
          REFERENCING ${ref} TABLE AS changed_rows
          FOR EACH STATEMENT EXECUTE FUNCTION "${s}".published_rows_guard()`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    for (const t of [
      'callback',
      'cycle_flag',
      'cycle_result',
      'review_cycle',
      'observer_review',
      'rating_appeal',
      'rectification',
      'rating',
      'refusal',
      'answer',
      'appeal',
      'visit',
      'pairing',
      'department',
    ])
      await q.query(`DROP TABLE IF EXISTS "${s}".${t} CASCADE`);
    await q.query(`DROP FUNCTION IF EXISTS "${s}".published_cycle_guard() CASCADE`);
    await q.query(`DROP FUNCTION IF EXISTS "${s}".published_rows_guard() CASCADE`);
    for (const f of ['rating_from_answer', 'refusal_cadre', 'rectification_cadre'])
      await q.query(`DROP FUNCTION IF EXISTS "${s}".${f}() CASCADE`);
  }
}
