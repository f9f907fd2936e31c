import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { MixedList } from 'typeorm';
import { loadSubgraphConfig, type SubgraphConfig } from './config';
import { createContext, type KitContext } from './context';
import { openDatabase, type Database } from './database';
import { createErrorFormatter } from './errors';
import {
  InProcessEventBus,
  Outbox,
  OutboxRelay,
  KIT_MIGRATIONS,
  outboxHistory,
  type EventBus,
} from './events';
import { closeServer, createHttpServer, graphqlUrl, HttpError, listen } from './http';
import { createLogger, type Logger } from './logger';
import { createServiceMetrics, type ServiceMetrics } from './metrics';
import { NatsEventBus } from './nats-bus';
import type { FederatedSchema } from './schema';
import { startTracing, stopTracing } from './tracing';
import { verifyViewer } from './viewer';

export interface ServiceDeps {
  database: Database;
  outbox: Outbox;
  bus: EventBus;
  logger: Logger;
  config: SubgraphConfig;
  /** The environment the service was started with, for its own settings beyond the kit's. */
  env: Record<string, string | undefined>;
}

/** Everything a subgraph declares about itself; the kit does the rest. */
export interface SubgraphDefinition<S> {
  /** Also the Postgres schema name and the log name. */
  name: string;
  defaultPort: number;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function>;
  /** The service's migrations, in order (the kit's own tables come first automatically). */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
  buildSchema: () => Promise<FederatedSchema>;
  /** The service's domain services, built once per process and handed to every resolver. */
  createServices: (deps: ServiceDeps) => S | Promise<S>;
  /** Subscribe to other services' events, start background work. */
  onStart?: (services: S, deps: ServiceDeps) => Promise<void>;
  /** Stop the background work `onStart` began (called first on stop, before the database closes). */
  onStop?: (services: S) => Promise<void>;
}

export interface StartOptions {
  /** Settings that win over the environment (the embedded stack sets port 0, data dir, secret). */
  overrides?: Partial<SubgraphConfig>;
  env?: Record<string, string | undefined>;
  /** Share one bus between services in one process. */
  bus?: EventBus;
  /** A database opened by the caller (tests); closed by stop(). */
  database?: Database;
  logger?: Logger;
}

export interface RunningSubgraph<S> {
  name: string;
  url: string;
  port: number;
  config: SubgraphConfig;
  database: Database;
  services: S;
  bus: EventBus;
  relay: OutboxRelay;
  /** Writes this service's events (seeds and tools that change data outside a request). */
  outbox: Outbox;
  schema: FederatedSchema;
  logger: Logger;
  /** This service's Prometheus registry, served at `GET /metrics`. */
  metrics: ServiceMetrics;
  stop(): Promise<void>;
}

export function resolveConfig(name: string, defaultPort: number, options: StartOptions = {}): SubgraphConfig {
  return { ...loadSubgraphConfig(name, defaultPort, options.env ?? process.env), ...options.overrides };
}

export async function openServiceDatabase<S>(
  definition: SubgraphDefinition<S>,
  config: SubgraphConfig,
  logger?: Logger,
): Promise<Database> {
  return openDatabase({
    serviceName: definition.name,
    url: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : join(config.dataDir, definition.name),
    entities: definition.entities,
    migrations: [...KIT_MIGRATIONS, ...definition.migrations],
    poolMax: config.poolMax,
    logger,
  });
}

/** Open the database, migrate, serve GraphQL and health, relay the outbox. */
export async function startSubgraph<S>(
  definition: SubgraphDefinition<S>,
  options: StartOptions = {},
): Promise<RunningSubgraph<S>> {
  const config = resolveConfig(definition.name, definition.defaultPort, options);
  const logger = options.logger ?? createLogger(definition.name, config.logLevel);
  const database = options.database ?? (await openServiceDatabase(definition, config, logger));
  let server: Server | undefined;
  let relay: OutboxRelay | undefined;
  let apollo: ApolloServer<KitContext<S>> | undefined;
  let ownBus: EventBus | undefined;
  try {
    if (config.runMigrations) {
      const ran = await database.migrate();
      if (ran.length) logger.info({ migrations: ran }, 'migrations applied');
    }
    // A bus handed in (the embedded stack's shared one) belongs to the caller; one made here is ours to close.
    ownBus = options.bus
      ? undefined
      : config.eventBus === 'nats'
        ? await NatsEventBus.connect({ url: config.natsUrl, name: definition.name, logger })
        : new InProcessEventBus();
    const bus = options.bus ?? (ownBus as EventBus);
    // One registry per service, also in the embedded process; its bus view counts this service's events.
    const metrics = createServiceMetrics({ service: definition.name, database });
    const meteredBus = metrics.meterBus(bus);
    relay = new OutboxRelay(database.dataSource, database.schema, meteredBus, logger, config.outboxPollMs);
    // In one process, later subscribers rebuild their projections from this service's outbox.
    if (bus instanceof InProcessEventBus)
      bus.addHistory(definition.name, outboxHistory(database.dataSource, database.schema));
    const activeRelay = relay;
    const outbox = new Outbox(database.schema, definition.name, () => activeRelay.kick());
    const deps: ServiceDeps = {
      database,
      outbox,
      bus: meteredBus,
      logger,
      config,
      env: options.env ?? process.env,
    };
    const services = await definition.createServices(deps);
    const schema = await definition.buildSchema();

    apollo = new ApolloServer<KitContext<S>>({
      schema: schema.schema,
      introspection: config.env !== 'production',
      // The process owner (main, the embedded stack) handles signals and stops every part in order.
      stopOnTerminationSignals: false,
      formatError: createErrorFormatter(logger, config.env !== 'production'),
      plugins: [ApolloServerPluginLandingPageDisabled(), metrics.apolloPlugin()],
      logger,
    });
    await apollo.start();
    const secret = config.subgraphSecret;
    server = createHttpServer<KitContext<S>>({
      apollo,
      metrics: () => metrics.render(),
      health: { ready: async () => ({ database: await database.ping() }) },
      context: async (req, signed) => {
        const verified = verifyViewer((name) => req.headers[name] as string | undefined, secret, {
          subgraph: definition.name,
          body: signed,
        });
        if (!verified.ok) {
          // Subgraphs answer only the gateway (or a caller holding the shared secret).
          throw new HttpError(
            401,
            'UNAUTHENTICATED',
            '子图只接受经网关签名的请求',
            `subgraph requests must carry the gateway's signed viewer (${verified.reason})`,
          );
        }
        const requestId = (req.headers['x-request-id'] as string | undefined) ?? randomUUID();
        return createContext(requestId, verified.viewer, logger, services);
      },
    });
    const port = await listen(server, config.port, config.host);
    const url = graphqlUrl(config.host, port);
    relay.start();
    await definition.onStart?.(services, deps);
    logger.info({ url, database: database.kind }, `${definition.name} subgraph ready`);

    let stopped = false;
    const stopServer = server;
    const stopApollo = apollo;
    return {
      name: definition.name,
      url,
      port,
      config,
      database,
      services,
      bus,
      relay,
      outbox,
      schema,
      logger,
      metrics,
      async stop() {
        if (stopped) return;
        stopped = true;
        await definition.onStop?.(services);
        await closeServer(stopServer);
        await stopApollo.stop();
        await activeRelay.stop();
        if (bus instanceof InProcessEventBus) bus.removeHistory(definition.name);
        await ownBus?.close();
        await database.close();
      },
    };
  } catch (err) {
    if (server) await closeServer(server).catch(() => undefined);
    await apollo?.stop().catch(() => undefined);
    await relay?.stop();
    await ownBus?.close().catch(() => undefined);
    await database.close().catch(() => undefined);
    throw err;
  }
}

/**
 * `main` of a subgraph process: start from the environment, stop cleanly on SIGINT/SIGTERM.
 * Tracing (when `OTEL_EXPORTER_OTLP_ENDPOINT` is set) starts first, before the database driver loads.
 */
export async function runSubgraphMain<S>(definition: SubgraphDefinition<S>): Promise<void> {
  startTracing(definition.name);
  let running: RunningSubgraph<S>;
  try {
    running = await startSubgraph(definition);
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    await stopTracing();
    process.exit(1);
  }
  const shutdown = (signal: string) => {
    running.logger.info({ signal }, 'shutting down');
    void running
      .stop()
      .then(
        () => 0,
        () => 1,
      )
      .then(async (code) => {
        await stopTracing();
        process.exit(code);
      });
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

/** `migrate` command of a subgraph: apply pending migrations and exit (the Kubernetes Job). */
export async function runMigrateMain<S>(definition: SubgraphDefinition<S>): Promise<void> {
  try {
    const config = resolveConfig(definition.name, definition.defaultPort);
    const database = await openServiceDatabase(definition, config);
    try {
      const ran = await database.migrate();
      process.stdout.write(ran.length ? `applied: ${ran.join(', ')}\n` : 'no pending migrations\n');
    } finally {
      await database.close();
    }
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}
