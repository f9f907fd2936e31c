import { mkdirSync, existsSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DataSource, type MixedList, type EntitySchema, type QueryRunner } from 'typeorm';
import type { Logger } from './logger';

// PGlite is ESM-first and loads its WebAssembly lazily: loaded on demand with import().
type PGliteType = Awaited<ReturnType<typeof loadPglite>>['PGlite']['prototype'];

export interface DatabaseOptions {
  /** Service name; also the Postgres schema that holds the service's tables. */
  serviceName: string;
  /** Real PostgreSQL. When absent, embedded PGlite is used. */
  url?: string;
  /** PGlite data folder; absent means in memory. */
  dataDir?: string;
  /** Start PGlite from a saved data-dir dump (fast test start). */
  loadDataDir?: Blob;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  poolMax?: number;
  logger?: Logger;
}

export interface Database {
  kind: 'postgres' | 'pglite';
  schema: string;
  dataSource: DataSource;
  /** The embedded instance when kind is pglite. */
  pglite?: PGliteType;
  /** True when the database answers a trivial query within the timeout. */
  ping(timeoutMs?: number): Promise<boolean>;
  /** Apply pending migrations (under an advisory lock on PostgreSQL); returns their names. */
  migrate(): Promise<string[]>;
  close(): Promise<void>;
}

export const schemaNameOf = (serviceName: string): string =>
  serviceName.replace(/[^a-z0-9_]/gi, '_').toLowerCase();

/** The schema a migration writes into (the DataSource's `schema` option). */
export function schemaOf(queryRunner: QueryRunner): string {
  const schema = (queryRunner.connection.options as { schema?: string }).schema;
  if (!schema) throw new Error('DataSource has no schema: every service keeps its tables in its own schema');
  return schema;
}

class DataDirLock {
  private readonly file: string;
  constructor(dataDir: string) {
    this.file = `${dataDir}.lock`;
  }
  acquire(): void {
    if (existsSync(this.file)) {
      const pid = Number(readFileSync(this.file, 'utf8'));
      if (pid && pid !== process.pid && isAlive(pid)) {
        throw new Error(
          `数据目录正被另一个进程使用（pid ${pid}）：${this.file.replace(/\.lock$/, '')}。请停止该进程或设置不同的 DATA_DIR。` +
            ` / data directory in use by process ${pid}; stop it or set another DATA_DIR`,
        );
      }
    }
    writeFileSync(this.file, String(process.pid));
  }
  release(): void {
    rmSync(this.file, { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Create a new PGlite data folder (initdb) in a worker thread. initdb grows the WebAssembly heap
 * to several hundred MB, and a heap never shrinks: done here, that memory goes away with the
 * worker, and the service then opens the finished folder at about half the resident memory.
 */
async function initDataDirInWorker(dataDir: string): Promise<void> {
  const entry = pathToFileURL(join(dirname(require.resolve('@electric-sql/pglite')), 'index.js')).href;
  const code = `
    const { workerData, parentPort } = require('node:worker_threads');
    import(workerData.entry)
      .then(async ({ PGlite }) => {
        const pg = new PGlite(workerData.dataDir);
        await pg.waitReady;
        await pg.close();
        parentPort.postMessage('done');
      })
      .catch((err) => parentPort.postMessage({ error: String(err && err.stack || err) }));`;
  await new Promise<void>((resolvePromise, reject) => {
    const worker = new Worker(code, { eval: true, workerData: { entry, dataDir } });
    worker.once('message', (m: unknown) => {
      if (m === 'done') resolvePromise();
      else reject(new Error(`PGlite initdb failed: ${(m as { error?: string }).error ?? String(m)}`));
    });
    worker.once('error', reject);
    worker.once('exit', (code) =>
      code === 0 ? resolvePromise() : reject(new Error(`PGlite initdb worker exited with ${code}`)),
    );
  });
}

/**
 * Settings of every embedded PGlite beyond its defaults: a smaller buffer cache (PostgreSQL's
 * default 128 MB per instance, five instances in the embedded stack; the operating system's
 * page cache still holds the data files).
 */
const PGLITE_START_PARAMS = ['-c', 'shared_buffers=32MB'];

/** A compiled `WebAssembly.Module`, opaque here (the TypeScript libs in use declare no WebAssembly). */
export type CompiledWasm = object;
const wasmApi = (
  globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<CompiledWasm> } }
).WebAssembly;

/** PGlite's compiled WebAssembly for this thread, when given (a worker gets it from the main thread). */
let pgliteWasmModule: CompiledWasm | undefined;

/**
 * Compile PGlite's WebAssembly once. A compiled module posted to worker threads shares its code:
 * each worker that compiled its own spent seconds of CPU and tens of MB on the same machine code.
 */
export async function compilePgliteModule(): Promise<CompiledWasm> {
  const wasm = join(dirname(require.resolve('@electric-sql/pglite')), 'pglite.wasm');
  return wasmApi.compile(readFileSync(wasm));
}

/** Use this compiled PGlite module for the databases this thread opens from now on. */
export function usePgliteModule(module: CompiledWasm): void {
  pgliteWasmModule = module;
}

/** Load PGlite's ESM entry points (dynamic import keeps this package CommonJS). */
export async function loadPglite() {
  // One after the other: under Jest's ESM loader, parallel imports sharing chunks race.
  const core = await import('@electric-sql/pglite');
  const adapter = await import('@electric-sql/pglite/node-postgres');
  return { PGlite: core.PGlite, createPgConfig: adapter.createPgConfig };
}

/**
 * A TypeORM DataSource from configuration: real PostgreSQL through `pg` when a URL is given,
 * otherwise embedded PGlite behind the same `pg` driver (one queued connection), so both run the
 * same SQL and the same migrations. Tables live in the schema named after the service.
 */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const schema = schemaNameOf(options.serviceName);
  const common = {
    type: 'postgres' as const,
    schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each' as const,
    synchronize: false,
    uuidExtension: 'pgcrypto' as const,
    logging: false,
  };

  if (options.url) {
    const dataSource = new DataSource({
      ...common,
      url: options.url,
      extra: { max: Math.max(2, options.poolMax ?? 10), application_name: `sfw-${options.serviceName}` },
    });
    await dataSource.initialize();
    return wrap('postgres', schema, dataSource, undefined, async () => {
      await dataSource.destroy();
    });
  }

  const { PGlite, createPgConfig } = await loadPglite();
  let lock: DataDirLock | undefined;
  let dataDir = 'memory://';
  if (options.dataDir) {
    dataDir = resolve(options.dataDir);
    mkdirSync(dirname(dataDir), { recursive: true });
    lock = new DataDirLock(dataDir);
    lock.acquire();
  }
  let pglite: PGliteType;
  try {
    if (options.dataDir && !existsSync(join(dataDir, 'PG_VERSION'))) await initDataDirInWorker(dataDir);
    pglite = new PGlite(dataDir, {
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      ...(pgliteWasmModule ? { pgliteWasmModule: pgliteWasmModule as never } : {}),
      startParams: [...PGlite.defaultStartParams, ...PGLITE_START_PARAMS],
    });
    await pglite.waitReady;
  } catch (err) {
    lock?.release();
    throw err;
  }
  const pgConfig = createPgConfig(pglite);
  const dataSource = new DataSource({
    ...common,
    // One connection that never idles out: PGlite is single-session, so queries must queue.
    extra: { ...pgConfig, max: 1, idleTimeoutMillis: 0 },
  });
  await dataSource.initialize();
  return wrap('pglite', schema, dataSource, pglite, async () => {
    await dataSource.destroy();
    await pglite.close();
    lock?.release();
  });
}

function wrap(
  kind: Database['kind'],
  schema: string,
  dataSource: DataSource,
  pglite: PGliteType | undefined,
  close: () => Promise<void>,
): Database {
  let closed = false;
  return {
    kind,
    schema,
    dataSource,
    pglite,
    async ping(timeoutMs = 2000) {
      if (closed || !dataSource.isInitialized) return false;
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          dataSource.query('SELECT 1'),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error('ping timeout')), timeoutMs);
          }),
        ]);
        return true;
      } catch {
        return false;
      } finally {
        clearTimeout(timer);
      }
    },
    async migrate() {
      const createSchema = `CREATE SCHEMA IF NOT EXISTS "${schema}"`;
      if (kind === 'pglite') {
        await dataSource.query(createSchema);
        // One process owns a PGlite folder (see DataDirLock): no concurrent migrators.
        const ran = await dataSource.runMigrations({ transaction: 'each' });
        return ran.map((m) => m.name);
      }
      // Replicas starting together: one migrates, the others wait and then find nothing to do.
      const runner = dataSource.createQueryRunner();
      await runner.connect();
      try {
        await runner.query('SELECT pg_advisory_lock(hashtext($1))', [`sfw-migrate-${schema}`]);
        // Inside the lock: concurrent CREATE SCHEMA IF NOT EXISTS can still collide.
        await runner.query(createSchema);
        const ran = await dataSource.runMigrations({ transaction: 'each' });
        return ran.map((m) => m.name);
      } finally {
        await runner
          .query('SELECT pg_advisory_unlock(hashtext($1))', [`sfw-migrate-${schema}`])
          .catch(() => undefined);
        await runner.release();
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await close();
    },
  };
}
