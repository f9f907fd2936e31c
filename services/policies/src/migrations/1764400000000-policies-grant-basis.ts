import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@sfw/subgraph-kit';

/**
 * A grant or approval cites what it relied on: the enterprise's attributes as the projection held
 * them, and the version of the enterprises subgraph's change record they come from.
 */
export class PoliciesGrantBasis1764400000000 implements MigrationInterface {
  name = 'PoliciesGrantBasis1764400000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`ALTER TABLE "${s}".enterprise ADD COLUMN record_version integer`);
    await q.query(`ALTER TABLE "${s}".application ADD COLUMN basis jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`ALTER TABLE "${s}".application DROP COLUMN basis`);
    await q.query(`ALTER TABLE "${s}".enterprise DROP COLUMN record_version`);
  }
}
