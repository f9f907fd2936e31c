import { performance } from 'node:perf_hooks';
import type { ApolloServerPlugin, BaseContext, GraphQLRequestContext } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { EventEnvelope } from '@sfw/shared-types';
import type { Database } from './database';
import type { EventBus, EventHandler, SubscribeOptions } from './events';

/** Distinct operation names kept per service; later ones are counted as `other` (label cardinality). */
const MAX_OPERATION_NAMES = 500;
const MAX_LABEL_LENGTH = 100;
/** How long a scrape waits for the outbox count before reporting NaN. */
const BACKLOG_TIMEOUT_MS = 1000;

/** One Prometheus registry for one running service; see `createServiceMetrics`. */
export interface ServiceMetrics {
  readonly registry: Registry;
  /** Apollo Server plugin: requests, their duration and the error codes they answered with. */
  apolloPlugin<C extends BaseContext>(): ApolloServerPlugin<C>;
  /**
   * The bus as this service uses it: counts the events it publishes (the outbox relay) and what
   * its consumers handle, with their lag.
   */
  meterBus(bus: EventBus): EventBus;
  /** The Prometheus text exposition: this service's metrics, then the process's. */
  render(): Promise<{ contentType: string; body: string }>;
}

export interface ServiceMetricsOptions {
  /** The `service` label on every metric of this registry. */
  service: string;
  /** Source of `sfw_outbox_backlog` and `sfw_db_pool_connections`. */
  database?: Database;
  /** Append the process's default metrics (CPU, memory, event loop) to `render`. Default true. */
  processMetrics?: boolean;
}

let processRegistry: Registry | undefined;

/**
 * Process-wide default metrics (unprefixed standard names such as `process_cpu_seconds_total`),
 * collected once per process: the embedded stack runs several services in one process, and each
 * of their `/metrics` shows the same process figures (without a `service` label).
 */
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/**
 * Metrics of one running service, all prefixed `sfw_` and labelled `service=<name>`:
 *
 * - `sfw_graphql_requests_total{operation_name,operation_type}`, and
 *   `sfw_graphql_request_duration_seconds` (histogram, same labels); an operation without a name
 *   is named after its root fields (`_entities` for the gateway's entity fetches);
 * - `sfw_graphql_errors_total{code}` by `extensions.code` of each error answered;
 * - `sfw_outbox_backlog`: unpublished outbox rows, counted when scraped (NaN when the database
 *   does not answer in time);
 * - `sfw_events_published_total{type}`, `sfw_events_consumed_total{consumer,type}`,
 *   `sfw_event_handler_failures_total{consumer}` and `sfw_event_consumer_lag_seconds{consumer}`
 *   (age of the newest event a consumer finished handling, when it finished);
 * - `sfw_db_pool_connections{state=total|idle|waiting}` of the `pg` pool (PGlite: a pool of one).
 */
export function createServiceMetrics(options: ServiceMetricsOptions): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service: options.service });
  const registers = [registry];
  const database = options.database;

  const requests = new Counter({
    name: 'sfw_graphql_requests_total',
    help: 'GraphQL requests handled, by operation',
    labelNames: ['operation_name', 'operation_type'] as const,
    registers,
  });
  const duration = new Histogram({
    name: 'sfw_graphql_request_duration_seconds',
    help: 'Time from receiving a GraphQL request to sending its response',
    labelNames: ['operation_name', 'operation_type'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const errors = new Counter({
    name: 'sfw_graphql_errors_total',
    help: 'Errors in GraphQL responses, by extensions.code',
    labelNames: ['code'] as const,
    registers,
  });
  const published = new Counter({
    name: 'sfw_events_published_total',
    help: 'Events of this service published to the bus (outbox relay)',
    labelNames: ['type'] as const,
    registers,
  });
  const consumed = new Counter({
    name: 'sfw_events_consumed_total',
    help: "Events this service's consumers handled successfully",
    labelNames: ['consumer', 'type'] as const,
    registers,
  });
  const failures = new Counter({
    name: 'sfw_event_handler_failures_total',
    help: "Failed handler calls of this service's consumers (the bus redelivers)",
    labelNames: ['consumer'] as const,
    registers,
  });
  const lag = new Gauge({
    name: 'sfw_event_consumer_lag_seconds',
    help: 'Age of the newest event a consumer handled (now - occurredAt), when it finished handling it',
    labelNames: ['consumer'] as const,
    registers,
  });
  // Registered before the backlog: a scrape reads the pool before its own count query uses it.
  new Gauge({
    name: 'sfw_db_pool_connections',
    help: 'Connections of the database pool by state',
    labelNames: ['state'] as const,
    registers,
    collect() {
      this.reset();
      const pool = database && poolOf(database);
      if (!pool) return;
      this.set({ state: 'total' }, pool.totalCount);
      this.set({ state: 'idle' }, pool.idleCount);
      this.set({ state: 'waiting' }, pool.waitingCount);
    },
  });
  new Gauge({
    name: 'sfw_outbox_backlog',
    help: 'Outbox rows not yet published (NaN when the database did not answer)',
    registers,
    async collect() {
      this.set(database ? await countBacklog(database) : Number.NaN);
    },
  });

  const names = new Set<string>();
  const operationLabel = (name: string): string => {
    const label = name.slice(0, MAX_LABEL_LENGTH);
    if (names.has(label)) return label;
    if (names.size >= MAX_OPERATION_NAMES) return 'other';
    names.add(label);
    return label;
  };

  const consumedOne = (consumer: string, event: EventEnvelope) => {
    consumed.inc({ consumer, type: event.type });
  };
  const lagOf = (consumer: string, event: EventEnvelope | undefined) => {
    const at = event ? Date.parse(event.occurredAt) : Number.NaN;
    // Clocks of different hosts may disagree a little: never report a negative age.
    if (!Number.isNaN(at)) lag.set({ consumer }, Math.max(0, (Date.now() - at) / 1000));
  };

  return {
    registry,
    apolloPlugin<C extends BaseContext>(): ApolloServerPlugin<C> {
      return {
        async requestDidStart() {
          const started = performance.now();
          return {
            async willSendResponse(ctx) {
              const labels = {
                operation_name: operationLabel(operationNameOf(ctx)),
                operation_type: ctx.operation?.operation ?? 'unknown',
              };
              requests.inc(labels);
              duration.observe(labels, (performance.now() - started) / 1000);
              const body = ctx.response.body;
              const answered: readonly GraphQLFormattedError[] | undefined =
                body.kind === 'single' ? body.singleResult.errors : body.initialResult.errors;
              for (const error of answered ?? []) {
                const code = error.extensions?.['code'];
                errors.inc({ code: typeof code === 'string' ? code.slice(0, MAX_LABEL_LENGTH) : 'UNKNOWN' });
              }
            },
          };
        },
      };
    },
    meterBus(bus: EventBus): EventBus {
      const many = (bus as { publishMany?: (events: EventEnvelope[]) => Promise<void> }).publishMany;
      const metered: EventBus & { publishMany?: (events: EventEnvelope[]) => Promise<void> } = {
        async publish(event) {
          await bus.publish(event);
          published.inc({ type: event.type });
        },
        subscribe(
          consumer: string,
          types: string[] | '*',
          handler: EventHandler,
          opts: SubscribeOptions = {},
        ) {
          const batch = opts.batch;
          return bus.subscribe(
            consumer,
            types,
            async (event) => {
              try {
                await handler(event);
              } catch (err) {
                failures.inc({ consumer });
                throw err;
              }
              consumedOne(consumer, event);
              lagOf(consumer, event);
            },
            {
              ...opts,
              batch:
                batch &&
                (async (events) => {
                  try {
                    await batch(events);
                  } catch (err) {
                    failures.inc({ consumer });
                    throw err;
                  }
                  for (const event of events) consumedOne(consumer, event);
                  lagOf(consumer, events.at(-1));
                }),
            },
          );
        },
        close: () => bus.close(),
      };
      // The relay hands a whole pass to a bus that takes one (the in-process bus): keep that.
      if (many) {
        metered.publishMany = async (events) => {
          await many.call(bus, events);
          for (const event of events) published.inc({ type: event.type });
        };
      }
      return metered;
    },
    async render() {
      const own = await registry.metrics();
      const proc = options.processMetrics === false ? '' : await processMetrics().metrics();
      return { contentType: registry.contentType, body: [own, proc].filter(Boolean).join('\n') };
    },
  };
}

/** The request's operation name; an anonymous operation is named after its root fields. */
function operationNameOf(ctx: GraphQLRequestContext<BaseContext>): string {
  const name = ctx.operationName ?? ctx.request.operationName;
  if (name) return name;
  const operation = ctx.operation;
  if (!operation) return 'unknown';
  const fields = new Set<string>();
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind === 'Field') fields.add(selection.name.value);
  }
  return fields.size ? [...fields].sort().join(',') : 'anonymous';
}

async function countBacklog(database: Database): Promise<number> {
  const ds = database.dataSource;
  if (!ds.isInitialized) return Number.NaN;
  let timer: NodeJS.Timeout | undefined;
  try {
    const rows = (await Promise.race([
      ds.query(`SELECT count(*) AS n FROM "${database.schema}".outbox WHERE published_at IS NULL`),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('outbox backlog timeout')), BACKLOG_TIMEOUT_MS);
      }),
    ])) as { n: string | number }[];
    return Number(rows[0]?.n ?? Number.NaN);
  } catch {
    // A scrape must not fail because the database is down: report an unknown backlog.
    return Number.NaN;
  } finally {
    clearTimeout(timer);
  }
}

interface PoolCounts {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/** TypeORM's postgres driver keeps its `pg` Pool as `master`. */
function poolOf(database: Database): PoolCounts | undefined {
  if (!database.dataSource.isInitialized) return undefined;
  const pool = (database.dataSource.driver as { master?: Partial<PoolCounts> }).master;
  return pool && typeof pool.totalCount === 'number' ? (pool as PoolCounts) : undefined;
}
