import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@sfw/subgraph-kit';

/** Monthly aggregates for dashboards, per county, level and lead department (see StatsService). */
export class IssueStats1763910000000 implements MigrationInterface {
  name = 'IssueStats1763910000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`CREATE TABLE "${s}".issue_stat (
      month date NOT NULL,
      county_code varchar(6) NOT NULL,
      level text NOT NULL,
      department_id uuid NOT NULL,
      received integer NOT NULL DEFAULT 0,
      assigned integer NOT NULL DEFAULT 0,
      answered integer NOT NULL DEFAULT 0,
      closed integer NOT NULL DEFAULT 0,
      escalated integer NOT NULL DEFAULT 0,
      resolved integer NOT NULL DEFAULT 0,
      partly_resolved integer NOT NULL DEFAULT 0,
      cannot_handle integer NOT NULL DEFAULT 0,
      review_upheld integer NOT NULL DEFAULT 0,
      review_overturned integer NOT NULL DEFAULT 0,
      reopened integer NOT NULL DEFAULT 0,
      withdrawn integer NOT NULL DEFAULT 0,
      on_time integer NOT NULL DEFAULT 0,
      workdays_sum bigint NOT NULL DEFAULT 0,
      workdays_hist integer[] NOT NULL,
      PRIMARY KEY (month, county_code, level, department_id)
    )`);
    await q.query(`CREATE INDEX issue_stat_department_idx ON "${s}".issue_stat (department_id, month)`);
    await q.query(
      `CREATE INDEX issue_stat_county_idx ON "${s}".issue_stat (county_code text_pattern_ops, month)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "${schemaOf(q)}".issue_stat`);
  }
}
