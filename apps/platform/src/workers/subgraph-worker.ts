import 'reflect-metadata';
import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import {
  createLogger,
  openServiceDatabase,
  outboxHistory,
  resolveConfig,
  startSubgraph,
  type Database,
  type Logger,
  type RunningSubgraph,
  type SubgraphConfig,
  usePgliteModule,
  type CompiledWasm,
} from '@sfw/subgraph-kit';
import { WorkerEventBus } from './bus';
import { Rpc } from './rpc';
import { loadService, type ServiceName } from './services';

/** What the main thread hands a subgraph worker (structured clone). */
export interface SubgraphWorkerData {
  service: ServiceName;
  env: Record<string, string | undefined>;
  overrides: Partial<SubgraphConfig>;
  logLevel: string;
  /** PGlite's WebAssembly compiled once by the main thread (embedded mode): its code is shared. */
  pgliteModule?: CompiledWasm;
}

interface Prepared {
  service: Awaited<ReturnType<typeof loadService>>;
  database: Database;
  serviceLogger: Logger;
}

export interface WorkerMemory {
  /** The V8 heap of this worker's isolate (JavaScript objects). */
  heapUsed: number;
  heapTotal: number;
  /** Memory outside the heap held by this isolate: PGlite's WebAssembly memory, buffers. */
  external: number;
}

/**
 * One subgraph in its own worker thread: its own event loop, its own PGlite (or PostgreSQL
 * connection pool), its HTTP server on its own port. The main thread brokers its events and asks
 * it for its demo seed steps, then to stop.
 */
async function main(): Promise<void> {
  if (!parentPort) throw new Error('subgraph-worker runs as a worker thread');
  const data = workerData as SubgraphWorkerData;
  if (data.pgliteModule) usePgliteModule(data.pgliteModule);
  const rpc = new Rpc(parentPort, data.service);
  const bus = new WorkerEventBus(rpc);
  const logger = createLogger('platform', data.logLevel);
  let running: RunningSubgraph<unknown> | undefined;
  let commands: Record<string, (args: never) => Promise<unknown>> = {};

  let prepared: Promise<Prepared> | undefined;
  const prepare = (): Promise<Prepared> =>
    (prepared ??= (async () => {
      const service = await loadService(data.service);
      const definition = service.definition;
      const config = resolveConfig(definition.name, definition.defaultPort, {
        env: data.env,
        overrides: data.overrides,
      });
      const serviceLogger = createLogger(definition.name, config.logLevel);
      // Opened and migrated here, so that its history is on the bus before any subscriber (this
      // service's own included) replays, as in one process.
      const database = await openServiceDatabase(definition, config, serviceLogger);
      try {
        if (config.runMigrations) {
          const ran = await database.migrate();
          if (ran.length) serviceLogger.info({ migrations: ran }, 'migrations applied');
        }
        await bus.addHistory(definition.name, outboxHistory(database.dataSource, database.schema));
      } catch (err) {
        await database.close().catch(() => undefined);
        throw err;
      }
      return { service, database, serviceLogger };
    })());
  // Load the code, open and migrate the database: workers may do this side by side.
  rpc.handle('prepare', async () => {
    await prepare();
  });
  // Serve and subscribe: one worker after the other, so each replays the outboxes before it.
  rpc.handle('start', async () => {
    const { service, database, serviceLogger } = await prepare();
    running = await startSubgraph(service.definition, {
      env: data.env,
      overrides: { ...data.overrides, runMigrations: false },
      bus,
      database,
      logger: serviceLogger,
    });
    commands = service.commands(running, logger);
    return { url: running.url, port: running.port };
  });
  rpc.handle('drain', () => running?.relay.drain() ?? 0);
  rpc.handle<{ command: string; args: unknown }, unknown>('command', ({ command, args }) => {
    const run = commands[command];
    if (!run) throw new Error(`${data.service}: no command ${command}`);
    return run(args as never);
  });
  rpc.handle('memory', (): WorkerMemory => {
    const heap = getHeapStatistics();
    return {
      heapUsed: heap.used_heap_size,
      heapTotal: heap.total_heap_size,
      external: heap.external_memory,
    };
  });
  rpc.handle('stop', async () => {
    const current = running;
    running = undefined;
    if (!current) {
      // Stopped between prepare and start: close what prepare opened.
      const early = await prepared?.catch(() => undefined);
      await early?.database.close();
      return;
    }
    await bus.removeHistory(current.name);
    await current.stop();
    await bus.close();
  });
}

main().catch((err: unknown) => {
  process.stderr.write(`subgraph worker failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
