import { KIT_MIGRATIONS, openDatabase, type Database } from '@sfw/subgraph-kit';
import { openTestDatabase, testDatabaseUrl } from '@sfw/subgraph-kit/testing';
import { enterprisesSubgraph } from '../src';

const expected = [...KIT_MIGRATIONS, ...enterprisesSubgraph.migrations].map((m) => m.name);

async function checkMigrations(db: Database): Promise<void> {
  const first = await db.migrate();
  expect(first).toEqual(expected);
  const tables = (
    await db.dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'enterprises' ORDER BY table_name`,
    )
  ).map((r: { table_name: string }) => r.table_name);
  expect(tables).toEqual([
    'department_ref',
    'enterprise',
    'enterprise_change',
    'import_job',
    'liaison',
    'migrations',
    'outbox',
    'processed_event',
    'region',
  ]);
  // Nothing in the public schema: one server or one embedded database can hold every service.
  const publicTables = await db.dataSource.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`,
  );
  expect(publicTables).toEqual([]);
  expect(await db.migrate()).toEqual([]);
}

describe('migrations', () => {
  it('apply on an empty embedded PGlite, and a second run is a no-op', async () => {
    const db = await openDatabase({
      serviceName: 'enterprises',
      entities: enterprisesSubgraph.entities,
      migrations: [...KIT_MIGRATIONS, ...enterprisesSubgraph.migrations],
    });
    try {
      await checkMigrations(db);
    } finally {
      await db.close();
    }
  });

  (testDatabaseUrl('enterprises') ? it : it.skip)(
    'apply on an empty PostgreSQL database, and a second run is a no-op',
    async () => {
      const db = await openTestDatabase(enterprisesSubgraph);
      try {
        expect(db.kind).toBe('postgres');
        await checkMigrations(db);
      } finally {
        await db.close();
      }
    },
  );

  (testDatabaseUrl('enterprises') ? it : it.skip)(
    'serialise replicas that start together on PostgreSQL',
    async () => {
      const db = await openTestDatabase(enterprisesSubgraph);
      try {
        const url = (db.dataSource.options as { url: string }).url;
        const others = await Promise.all(
          [1, 2].map(() =>
            openDatabase({
              serviceName: 'enterprises',
              url,
              entities: enterprisesSubgraph.entities,
              migrations: [...KIT_MIGRATIONS, ...enterprisesSubgraph.migrations],
            }),
          ),
        );
        const results = await Promise.all([db.migrate(), ...others.map((o) => o.migrate())]);
        expect(results.flat().sort()).toEqual([...expected].sort());
        await Promise.all(others.map((o) => o.close()));
      } finally {
        await db.close();
      }
    },
  );
});
