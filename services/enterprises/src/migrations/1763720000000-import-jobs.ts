import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@sfw/subgraph-kit';

export class ImportJobs1763720000000 implements MigrationInterface {
  name = 'ImportJobs1763720000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`CREATE TABLE "${s}".import_job (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      file_name text,
      status text NOT NULL CHECK (status IN ('RUNNING', 'SUCCEEDED', 'FAILED')),
      total integer NOT NULL DEFAULT 0,
      processed integer NOT NULL DEFAULT 0,
      created integer NOT NULL DEFAULT 0,
      updated integer NOT NULL DEFAULT 0,
      unchanged integer NOT NULL DEFAULT 0,
      skipped integer NOT NULL DEFAULT 0,
      failed integer NOT NULL DEFAULT 0,
      errors jsonb NOT NULL DEFAULT '[]',
      ignored_columns text[] NOT NULL DEFAULT '{}',
      message text,
      started_by text,
      started_at timestamptz NOT NULL DEFAULT now(),
      heartbeat_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz
    )`);
    await q.query(`CREATE INDEX import_job_started_idx ON "${s}".import_job (started_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "${schemaOf(q)}".import_job`);
  }
}
