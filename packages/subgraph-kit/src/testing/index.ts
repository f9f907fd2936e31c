import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import type { Viewer } from '@sfw/shared-types';
import { DEV_SUBGRAPH_SECRET, envPrefix } from '../config';
import { loadPglite, openDatabase, type Database } from '../database';
import { KIT_MIGRATIONS, type EventBus } from '../events';
import { createLogger } from '../logger';
import { startSubgraph, type RunningSubgraph, type SubgraphDefinition } from '../service';
import { signViewer } from '../viewer';

/** The PostgreSQL server tests run against, when there is one. */
export const testDatabaseUrl = (serviceName?: string): string | undefined =>
  (serviceName && process.env[`${envPrefix(serviceName)}_DATABASE_URL`]) ||
  process.env['DATABASE_URL'] ||
  undefined;

/**
 * A saved PGlite data folder right after initdb: loading it takes about a second, where a
 * fresh initdb takes several. Made once per machine and PGlite version, shared by test files.
 */
async function pgliteTemplate(): Promise<Blob> {
  const { PGlite } = await loadPglite();
  const manifest = join(dirname(require.resolve('@electric-sql/pglite')), '..', 'package.json');
  const version = (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
  const file = join(tmpdir(), `sfw-pglite-template-${version}.tar.gz`);
  if (!existsSync(file)) {
    const pg = new PGlite('memory://');
    await pg.waitReady;
    const dump = await pg.dumpDataDir('gzip');
    await pg.close();
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    renameSync(tmp, file);
  }
  return new Blob([readFileSync(file)]);
}

/**
 * A throw-away database for one test file: a fresh database on the PostgreSQL server named by
 * DATABASE_URL (dropped on close), or an in-memory PGlite. Suites can run in parallel and twice.
 */
export async function openTestDatabase<S>(
  definition: Pick<SubgraphDefinition<S>, 'name' | 'entities' | 'migrations'>,
): Promise<Database> {
  const base = {
    serviceName: definition.name,
    entities: definition.entities,
    migrations: [...KIT_MIGRATIONS, ...definition.migrations],
  };
  const serverUrl = testDatabaseUrl(definition.name);
  if (!serverUrl) return openDatabase({ ...base, loadDataDir: await pgliteTemplate() });

  const name = `sfw_test_${definition.name.replace(/\W/g, '_')}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ ...base, url: url.toString(), poolMax: 4 });
  const close = database.close.bind(database);
  database.close = async () => {
    await close();
    const cleanup = new Client({ connectionString: serverUrl });
    await cleanup.connect();
    try {
      await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    } finally {
      await cleanup.end();
    }
  };
  return database;
}

export interface TestSubgraph<S> extends RunningSubgraph<S> {
  /** POST a GraphQL document as the given viewer (signed like the gateway would). */
  query<T = Record<string, unknown>>(
    document: string,
    variables?: Record<string, unknown>,
    viewer?: Viewer | null,
  ): Promise<{
    data?: T;
    errors?: { message: string; extensions?: Record<string, unknown>; path?: unknown[] }[];
  }>;
}

export const TEST_SECRET = DEV_SUBGRAPH_SECRET;

/** Start a subgraph on port 0 over a throw-away database. */
export async function startTestSubgraph<S>(
  definition: SubgraphDefinition<S>,
  options: { bus?: EventBus } = {},
): Promise<TestSubgraph<S>> {
  const database = await openTestDatabase(definition);
  const running = await startSubgraph(definition, {
    database,
    bus: options.bus,
    env: {},
    overrides: { port: 0, host: '127.0.0.1', env: 'test', subgraphSecret: TEST_SECRET, outboxPollMs: 50 },
    logger: createLogger(definition.name, process.env['LOG_LEVEL'] ?? 'silent'),
  });
  return {
    ...running,
    async query(document, variables = {}, viewer = null) {
      const body = JSON.stringify({ query: document, variables });
      const res = await fetch(running.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...signViewer(viewer, TEST_SECRET, { subgraph: definition.name, body }),
        },
        body,
      });
      return (await res.json()) as never;
    },
  };
}

export { signViewer };
export {
  PAGE_ARGUMENTS,
  pagedFields,
  pageSizeProblems,
  unprobedPagedFields,
  type PageCheckOptions,
  type PageProbe,
} from './paging';
