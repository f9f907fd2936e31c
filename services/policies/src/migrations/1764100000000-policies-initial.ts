import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@sfw/subgraph-kit';

/**
 * The policies schema: projections of enterprises (the attributes eligibility rules read),
 * departments and pairings; policies with their rules; matches and pushes; applications through
 * approval and payout, including grants made without application (免申即享).
 */
export class PoliciesInitial1764100000000 implements MigrationInterface {
  name = 'PoliciesInitial1764100000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    // --- projections -------------------------------------------------------------------------
    await q.query(`CREATE TABLE "${s}".enterprise (
      id uuid PRIMARY KEY,
      name text NOT NULL,
      region_code varchar(9) NOT NULL,
      industry_code varchar(4) NOT NULL,
      scale text NOT NULL,
      tags text[] NOT NULL DEFAULT '{}',
      employees integer,
      registered_capital numeric(18, 2),
      founded_on date,
      parks text[] NOT NULL DEFAULT '{}',
      last_event_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE TABLE "${s}".department (
      id uuid PRIMARY KEY,
      name text NOT NULL,
      short_name text NOT NULL,
      level text NOT NULL,
      region_code varchar(9) NOT NULL,
      active boolean NOT NULL,
      last_event_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE TABLE "${s}".cadre_pairing (
      pairing_id uuid PRIMARY KEY,
      cadre_id uuid NOT NULL,
      enterprise_id uuid NOT NULL,
      ended boolean NOT NULL DEFAULT false
    )`);
    await q.query(`CREATE INDEX cadre_pairing_cadre_idx ON "${s}".cadre_pairing (cadre_id) WHERE NOT ended`);

    // --- policies ----------------------------------------------------------------------------
    await q.query(`CREATE TABLE "${s}".policy (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      title text NOT NULL CHECK (length(title) BETWEEN 4 AND 120),
      summary text NOT NULL DEFAULT '' CHECK (length(summary) <= 5000),
      department_id uuid NOT NULL,
      region_code varchar(9) NOT NULL,
      category text NOT NULL,
      benefit_kind text NOT NULL
        CHECK (benefit_kind IN ('SUBSIDY', 'REWARD', 'TAX_RELIEF', 'LOAN_INTEREST_DISCOUNT', 'SERVICE')),
      amount_rule jsonb NOT NULL,
      materials text[] NOT NULL DEFAULT '{}',
      rule jsonb NOT NULL,
      auto_grant boolean NOT NULL DEFAULT false,
      payout_workdays integer NOT NULL DEFAULT 15 CHECK (payout_workdays BETWEEN 1 AND 120),
      valid_from date NOT NULL,
      valid_to date,
      replaces uuid[] NOT NULL DEFAULT '{}',
      status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'PUBLISHED', 'EXPIRED', 'WITHDRAWN')),
      status_reason text,
      version integer NOT NULL DEFAULT 1,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      published_at timestamptz,
      CHECK (valid_to IS NULL OR valid_to >= valid_from)
    )`);
    await q.query(`CREATE INDEX policy_department_idx ON "${s}".policy (department_id)`);
    await q.query(`CREATE INDEX policy_status_idx ON "${s}".policy (status)`);
    // Eligible (policy, enterprise) pairs of published policies, kept current.
    await q.query(`CREATE TABLE "${s}".policy_match (
      policy_id uuid NOT NULL REFERENCES "${s}".policy (id),
      enterprise_id uuid NOT NULL,
      matched_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (policy_id, enterprise_id)
    )`);
    await q.query(`CREATE INDEX policy_match_enterprise_idx ON "${s}".policy_match (enterprise_id)`);
    // A match is pushed once, ever (even if it lapses and comes back).
    await q.query(`CREATE TABLE "${s}".policy_push (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      policy_id uuid NOT NULL REFERENCES "${s}".policy (id),
      enterprise_id uuid NOT NULL,
      pushed_at timestamptz NOT NULL DEFAULT now(),
      read_at timestamptz,
      UNIQUE (policy_id, enterprise_id)
    )`);
    await q.query(
      `CREATE INDEX policy_push_enterprise_idx ON "${s}".policy_push (enterprise_id, pushed_at DESC)`,
    );

    // --- applications --------------------------------------------------------------------------
    await q.query(`CREATE TABLE "${s}".application (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      no text NOT NULL UNIQUE,
      policy_id uuid NOT NULL REFERENCES "${s}".policy (id),
      enterprise_id uuid NOT NULL,
      department_id uuid NOT NULL,
      region_code varchar(9) NOT NULL,
      auto boolean NOT NULL DEFAULT false,
      declared_base numeric(18, 2) CHECK (declared_base >= 0),
      materials jsonb NOT NULL DEFAULT '[]',
      note text,
      requested_amount numeric(18, 2) CHECK (requested_amount >= 0),
      status text NOT NULL DEFAULT 'SUBMITTED'
        CHECK (status IN ('SUBMITTED', 'MORE_MATERIAL', 'APPROVED', 'REJECTED', 'PAID', 'WITHDRAWN')),
      submitted_by text NOT NULL,
      submitted_at timestamptz NOT NULL DEFAULT now(),
      decision_note text,
      decided_by text,
      decided_at timestamptz,
      approved_amount numeric(18, 2) CHECK (approved_amount >= 0),
      payout_due timestamptz,
      paid_amount numeric(18, 2) CHECK (paid_amount >= 0),
      paid_on date,
      payout_reference text,
      paid_by text,
      paid_recorded_at timestamptz,
      version integer NOT NULL DEFAULT 1
    )`);
    await q.query(`CREATE SEQUENCE "${s}".application_no_seq`);
    // One open application per enterprise and policy; one grant without application.
    await q.query(`CREATE UNIQUE INDEX application_open_idx ON "${s}".application (policy_id, enterprise_id)
      WHERE status IN ('SUBMITTED', 'MORE_MATERIAL')`);
    await q.query(
      `CREATE UNIQUE INDEX application_auto_idx ON "${s}".application (policy_id, enterprise_id) WHERE auto`,
    );
    await q.query(
      `CREATE INDEX application_enterprise_idx ON "${s}".application (enterprise_id, submitted_at DESC)`,
    );
    await q.query(`CREATE INDEX application_department_idx ON "${s}".application (department_id, status)`);
    await q.query(
      `CREATE INDEX application_paid_idx ON "${s}".application (paid_on) WHERE paid_on IS NOT NULL`,
    );
    // Every step of an application, append-only.
    await q.query(`CREATE TABLE "${s}".application_event (
      id bigserial PRIMARY KEY,
      application_id uuid NOT NULL REFERENCES "${s}".application (id),
      at timestamptz NOT NULL DEFAULT now(),
      actor text NOT NULL,
      action text NOT NULL,
      from_status text,
      to_status text NOT NULL,
      note text,
      data jsonb NOT NULL DEFAULT '{}'
    )`);
    await q.query(`CREATE INDEX application_event_idx ON "${s}".application_event (application_id, id)`);
    await q.query(`CREATE FUNCTION "${s}".application_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the application timeline is append-only' USING ERRCODE = 'P0001';
      END $$`);
    await q.query(`CREATE TRIGGER application_event_append_only BEFORE UPDATE OR DELETE ON "${s}".application_event
      FOR EACH ROW EXECUTE FUNCTION "${s}".application_event_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    for (const t of [
      'application_event',
      'application',
      'policy_push',
      'policy_match',
      'policy',
      'cadre_pairing',
      'department',
      'enterprise',
    ])
      await q.query(`DROP TABLE IF EXISTS "${s}".${t} CASCADE`);
    await q.query(`DROP SEQUENCE IF EXISTS "${s}".application_no_seq`);
    await q.query(`DROP FUNCTION IF EXISTS "${s}".application_event_append_only() CASCADE`);
  }
}
