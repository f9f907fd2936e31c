import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@sfw/subgraph-kit';

const LEVELS = `('CITY', 'COUNTY', 'TOWNSHIP')`;

export class CadresInitial1763800000000 implements MigrationInterface {
  name = 'CadresInitial1763800000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`CREATE TABLE "${s}".department (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code text NOT NULL CHECK (code ~ '^[A-Z0-9][A-Z0-9-]{1,39}$'),
      name text NOT NULL CHECK (length(name) BETWEEN 2 AND 60),
      short_name text NOT NULL CHECK (length(short_name) BETWEEN 1 AND 30),
      level text NOT NULL CHECK (level IN ${LEVELS}),
      region_code varchar(9) NOT NULL,
      parent_id uuid REFERENCES "${s}".department (id),
      domains text[] NOT NULL DEFAULT '{}',
      active boolean NOT NULL DEFAULT true,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE UNIQUE INDEX department_code_uq ON "${s}".department (code)`);
    await q.query(`CREATE UNIQUE INDEX department_name_uq ON "${s}".department (name)`);
    await q.query(`CREATE INDEX department_region_idx ON "${s}".department (region_code text_pattern_ops)`);
    await q.query(`CREATE INDEX department_parent_idx ON "${s}".department (parent_id)`);

    await q.query(`CREATE TABLE "${s}".department_member (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      department_id uuid NOT NULL REFERENCES "${s}".department (id) ON DELETE CASCADE,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 30),
      role text NOT NULL CHECK (role IN ('SECTION_CHIEF', 'LEADER_IN_CHARGE', 'DEPARTMENT_HEAD')),
      title text NOT NULL DEFAULT '',
      account text,
      position integer NOT NULL DEFAULT 0
    )`);
    await q.query(
      `CREATE INDEX department_member_dept_idx ON "${s}".department_member (department_id, position)`,
    );
    await q.query(
      `CREATE UNIQUE INDEX department_member_account_uq ON "${s}".department_member (department_id, account) WHERE account IS NOT NULL`,
    );

    await q.query(`CREATE TABLE "${s}".cadre (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      staff_no text NOT NULL CHECK (staff_no ~ '^[A-Za-z0-9-]{3,32}$'),
      name text NOT NULL CHECK (length(name) BETWEEN 2 AND 30),
      department_id uuid NOT NULL REFERENCES "${s}".department (id),
      level text NOT NULL CHECK (level IN ${LEVELS}),
      region_code varchar(9) NOT NULL,
      specialties text[] NOT NULL DEFAULT '{}',
      phone text,
      account text,
      active boolean NOT NULL DEFAULT true,
      left_on date,
      leave_reason text,
      last_visit_on date,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (active OR left_on IS NOT NULL)
    )`);
    await q.query(`CREATE UNIQUE INDEX cadre_staff_no_uq ON "${s}".cadre (staff_no)`);
    await q.query(`CREATE UNIQUE INDEX cadre_account_uq ON "${s}".cadre (account) WHERE account IS NOT NULL`);
    await q.query(`CREATE INDEX cadre_department_idx ON "${s}".cadre (department_id, name, id)`);
    await q.query(`CREATE INDEX cadre_region_idx ON "${s}".cadre (region_code text_pattern_ops)`);
    await q.query(`CREATE INDEX cadre_name_idx ON "${s}".cadre (name, id)`);
    await q.query(`CREATE INDEX cadre_specialties_idx ON "${s}".cadre USING gin (specialties)`);

    // What this service knows of enterprises: a projection of the enterprises subgraph's events.
    await q.query(`CREATE TABLE "${s}".enterprise (
      id uuid PRIMARY KEY,
      name text NOT NULL,
      credit_code char(18) NOT NULL,
      region_code varchar(9) NOT NULL,
      industry_code varchar(4) NOT NULL,
      scale text NOT NULL,
      tags text[] NOT NULL DEFAULT '{}',
      last_event_at timestamptz NOT NULL,
      last_visit_on date
    )`);
    await q.query(`CREATE INDEX enterprise_region_idx ON "${s}".enterprise (region_code text_pattern_ops)`);
    await q.query(`CREATE INDEX enterprise_tags_idx ON "${s}".enterprise USING gin (tags)`);
    await q.query(
      `CREATE INDEX enterprise_last_visit_idx ON "${s}".enterprise (last_visit_on NULLS FIRST, id)`,
    );

    await q.query(`CREATE TABLE "${s}".pairing (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      cadre_id uuid NOT NULL REFERENCES "${s}".cadre (id),
      enterprise_id uuid NOT NULL REFERENCES "${s}".enterprise (id),
      level text NOT NULL CHECK (level IN ${LEVELS}),
      is_primary boolean NOT NULL,
      from_date date NOT NULL,
      to_date date,
      end_reason text CHECK (end_reason IN ('ENDED', 'CADRE_LEFT', 'REPLACED')),
      end_note text,
      key_exception boolean NOT NULL DEFAULT false,
      exception_note text,
      replaces_id uuid REFERENCES "${s}".pairing (id),
      created_by text,
      created_at timestamptz NOT NULL DEFAULT now(),
      ended_at timestamptz,
      CHECK (to_date IS NULL OR to_date >= from_date),
      CHECK ((to_date IS NULL) = (end_reason IS NULL))
    )`);
    // At most one primary cadre per level at a time, and one open pairing per cadre and enterprise.
    await q.query(
      `CREATE UNIQUE INDEX pairing_primary_uq ON "${s}".pairing (enterprise_id, level) WHERE is_primary AND to_date IS NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX pairing_open_uq ON "${s}".pairing (cadre_id, enterprise_id) WHERE to_date IS NULL`,
    );
    await q.query(`CREATE INDEX pairing_enterprise_idx ON "${s}".pairing (enterprise_id, from_date)`);
    await q.query(`CREATE INDEX pairing_cadre_idx ON "${s}".pairing (cadre_id, from_date)`);
    await q.query(
      `CREATE INDEX pairing_left_idx ON "${s}".pairing (enterprise_id, level) WHERE end_reason = 'CADRE_LEFT'`,
    );

    await q.query(`CREATE TABLE "${s}".service_group (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL CHECK (length(name) BETWEEN 2 AND 60),
      kind text NOT NULL CHECK (kind IN ('SERVICE_GROUP', 'TASK_FORCE')),
      description text NOT NULL DEFAULT '',
      specialties text[] NOT NULL DEFAULT '{}',
      region_codes text[] NOT NULL CHECK (cardinality(region_codes) >= 1),
      region_prefixes text[] NOT NULL,
      lead_department_id uuid NOT NULL REFERENCES "${s}".department (id),
      active boolean NOT NULL DEFAULT true,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE UNIQUE INDEX service_group_name_uq ON "${s}".service_group (name)`);
    await q.query(
      `CREATE INDEX service_group_specialties_idx ON "${s}".service_group USING gin (specialties)`,
    );
    await q.query(`CREATE TABLE "${s}".service_group_member (
      group_id uuid NOT NULL REFERENCES "${s}".service_group (id) ON DELETE CASCADE,
      cadre_id uuid NOT NULL REFERENCES "${s}".cadre (id),
      is_lead boolean NOT NULL DEFAULT false,
      position integer NOT NULL DEFAULT 0,
      PRIMARY KEY (group_id, cadre_id)
    )`);
    await q.query(`CREATE INDEX service_group_member_cadre_idx ON "${s}".service_group_member (cadre_id)`);
    await q.query(`CREATE TABLE "${s}".service_group_call (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      group_id uuid NOT NULL REFERENCES "${s}".service_group (id),
      enterprise_id uuid NOT NULL REFERENCES "${s}".enterprise (id),
      reason text NOT NULL,
      called_by text NOT NULL,
      called_at timestamptz NOT NULL DEFAULT now(),
      closed_at timestamptz,
      closed_by text
    )`);
    await q.query(
      `CREATE UNIQUE INDEX service_group_call_open_uq ON "${s}".service_group_call (group_id, enterprise_id) WHERE closed_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX service_group_call_enterprise_idx ON "${s}".service_group_call (enterprise_id)`,
    );

    await q.query(`CREATE TABLE "${s}".visit (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      cadre_id uuid NOT NULL REFERENCES "${s}".cadre (id),
      department_id uuid NOT NULL REFERENCES "${s}".department (id),
      enterprise_id uuid NOT NULL REFERENCES "${s}".enterprise (id),
      service_group_id uuid REFERENCES "${s}".service_group (id),
      status text NOT NULL CHECK (status IN ('PLANNED', 'COMPLETED', 'CANCELLED')),
      visited_on date NOT NULL,
      kind text NOT NULL CHECK (kind IN ('ON_SITE', 'PHONE', 'MEETING', 'GROUP_SERVICE')),
      questions text[] NOT NULL CHECK (cardinality(questions) >= 1),
      notes text NOT NULL DEFAULT '',
      override_reason text,
      cancel_reason text,
      recorded_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      completed_at timestamptz,
      cancelled_at timestamptz
    )`);
    await q.query(`CREATE INDEX visit_enterprise_idx ON "${s}".visit (enterprise_id, visited_on DESC, id)`);
    await q.query(`CREATE INDEX visit_cadre_idx ON "${s}".visit (cadre_id, visited_on DESC)`);
    await q.query(
      `CREATE INDEX visit_date_idx ON "${s}".visit (visited_on, cadre_id) WHERE status = 'COMPLETED'`,
    );
    await q.query(`CREATE INDEX visit_department_idx ON "${s}".visit (department_id, visited_on DESC)`);
    await q.query(`CREATE TABLE "${s}".visit_problem (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      visit_id uuid NOT NULL REFERENCES "${s}".visit (id) ON DELETE CASCADE,
      position integer NOT NULL,
      title text NOT NULL CHECK (length(title) BETWEEN 2 AND 100),
      description text NOT NULL DEFAULT '',
      domain text NOT NULL
    )`);
    await q.query(`CREATE INDEX visit_problem_visit_idx ON "${s}".visit_problem (visit_id, position)`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    for (const t of [
      'visit_problem',
      'visit',
      'service_group_call',
      'service_group_member',
      'service_group',
      'pairing',
      'enterprise',
      'cadre',
      'department_member',
      'department',
    ])
      await q.query(`DROP TABLE "${s}".${t}`);
  }
}
