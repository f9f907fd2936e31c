import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@sfw/subgraph-kit';

export class EnterprisesInitial1763710000000 implements MigrationInterface {
  name = 'EnterprisesInitial1763710000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`CREATE TABLE "${s}".region (
      code varchar(9) PRIMARY KEY,
      name text NOT NULL,
      level text NOT NULL CHECK (level IN ('PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP')),
      parent_code varchar(9) REFERENCES "${s}".region (code)
    )`);
    await q.query(`CREATE TABLE "${s}".enterprise (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL CHECK (length(name) BETWEEN 2 AND 100),
      credit_code char(18) NOT NULL,
      region_code varchar(9) NOT NULL REFERENCES "${s}".region (code),
      industry_code varchar(4) NOT NULL CHECK (industry_code ~ '^[0-9]{2,4}$'),
      scale text NOT NULL CHECK (scale IN ('ABOVE_DESIGNATED', 'BELOW_DESIGNATED', 'SMALL_MICRO')),
      tags text[] NOT NULL DEFAULT '{}',
      employees integer CHECK (employees >= 0),
      registered_capital numeric(18, 2) CHECK (registered_capital >= 0),
      founded_on date,
      parks text[] NOT NULL DEFAULT '{}',
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE UNIQUE INDEX enterprise_credit_code_uq ON "${s}".enterprise (credit_code)`);
    await q.query(`CREATE INDEX enterprise_region_idx ON "${s}".enterprise (region_code text_pattern_ops)`);
    await q.query(
      `CREATE INDEX enterprise_industry_idx ON "${s}".enterprise (industry_code text_pattern_ops)`,
    );
    await q.query(`CREATE INDEX enterprise_name_id_idx ON "${s}".enterprise (name, id)`);
    await q.query(`CREATE INDEX enterprise_created_id_idx ON "${s}".enterprise (created_at, id)`);
    await q.query(`CREATE INDEX enterprise_tags_idx ON "${s}".enterprise USING gin (tags)`);
    await q.query(`CREATE TABLE "${s}".liaison (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      enterprise_id uuid NOT NULL REFERENCES "${s}".enterprise (id) ON DELETE CASCADE,
      name text NOT NULL,
      role text NOT NULL,
      phone text NOT NULL,
      position integer NOT NULL DEFAULT 0
    )`);
    await q.query(`CREATE INDEX liaison_enterprise_idx ON "${s}".liaison (enterprise_id, position)`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`DROP TABLE "${s}".liaison`);
    await q.query(`DROP TABLE "${s}".enterprise`);
    await q.query(`DROP TABLE "${s}".region`);
  }
}
