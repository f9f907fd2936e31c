import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@sfw/subgraph-kit';

/**
 * Governed enterprise attributes: the departments' codes (from the cadres subgraph's events, to
 * know who keeps which registry) and the append-only record of every change.
 */
export class EnterpriseGovernance1764300000000 implements MigrationInterface {
  name = 'EnterpriseGovernance1764300000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`CREATE TABLE "${s}".department_ref (
      id uuid PRIMARY KEY,
      code text NOT NULL,
      name text NOT NULL,
      last_event_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE TABLE "${s}".enterprise_change (
      id bigserial PRIMARY KEY,
      enterprise_id uuid NOT NULL REFERENCES "${s}".enterprise (id),
      version integer NOT NULL,
      at timestamptz NOT NULL DEFAULT now(),
      actor text NOT NULL,
      actor_name text,
      actor_roles text[] NOT NULL DEFAULT '{}',
      department_id uuid,
      reason text,
      source text,
      before jsonb NOT NULL,
      after jsonb NOT NULL
    )`);
    await q.query(
      `CREATE INDEX enterprise_change_enterprise_idx ON "${s}".enterprise_change (enterprise_id, id)`,
    );
    await q.query(`CREATE FUNCTION "${s}".enterprise_change_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'enterprise_change is append-only'; END $$`);
    await q.query(`CREATE TRIGGER enterprise_change_no_change BEFORE UPDATE OR DELETE ON "${s}".enterprise_change
      FOR EACH ROW EXECUTE FUNCTION "${s}".enterprise_change_immutable()`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`DROP TABLE "${s}".enterprise_change`);
    await q.query(`DROP FUNCTION "${s}".enterprise_change_immutable()`);
    await q.query(`DROP TABLE "${s}".department_ref`);
  }
}
