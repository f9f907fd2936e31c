import 'reflect-metadata';
import { Writable } from 'node:stream';
import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { EventEnvelope } from '@sfw/shared-types';
import { EnterpriseScale } from '@sfw/shared-types';
import type { KitContext } from './context';
import type { Database } from './database';
import { notFound } from './errors';
import { InProcessEventBus, type Outbox } from './events';
import { createLogger, type Logger } from './logger';
import { createServiceMetrics } from './metrics';
import { buildFederatedSchema } from './schema';
import { startSubgraph, type RunningSubgraph, type SubgraphDefinition } from './service';
import { openTestDatabase, signViewer, TEST_SECRET } from './testing';

interface Services {
  outbox: Outbox;
  database: Database;
  /** The service's own logger (no request binding): what domain services usually log with. */
  logger: Logger;
  consumed: EventEnvelope[];
}

const snapshot = (id: string) => ({
  enterprise: {
    id,
    name: 'n',
    creditCode: 'c',
    regionCode: 'r',
    industryCode: '13',
    scale: EnterpriseScale.SMALL_MICRO,
    tags: [],
    employees: null,
    registeredCapital: null,
    foundedOn: null,
    parks: [],
  },
});

@Resolver()
class ProbeResolver {
  @Query(() => String)
  hello(@Ctx() ctx: KitContext<Services>): string {
    ctx.logger.info('hello from the context logger');
    ctx.services.logger.info('hello from the service logger');
    return 'hi';
  }

  @Query(() => String, { nullable: true })
  missing(): string {
    throw notFound('企业', 'enterprise', 'x1');
  }

  @Mutation(() => Boolean)
  async register(@Arg('id') id: string, @Ctx() ctx: KitContext<Services>): Promise<boolean> {
    const { database, outbox } = ctx.services;
    await database.dataSource.transaction((m) =>
      outbox.add(m, 'EnterpriseRegistered', { type: 'Enterprise', id }, snapshot(id)),
    );
    return true;
  }
}

const CONSUMER = 'metrics_test.consumer';

const definition: SubgraphDefinition<Services> = {
  name: 'metrics_test',
  defaultPort: 0,
  entities: [],
  migrations: [],
  buildSchema: () => buildFederatedSchema({ resolvers: [ProbeResolver] }),
  createServices: ({ outbox, database, logger }) => ({ outbox, database, logger, consumed: [] }),
  async onStart(services, { bus, logger }) {
    await bus.subscribe(CONSUMER, ['EnterpriseRegistered'], async (event) => {
      logger.info({ eventId: event.id }, 'consumed in test');
      services.consumed.push(event);
    });
  },
};

/** Log lines written by the service, parsed, with the raw text kept. */
const lines: { raw: string; json: Record<string, unknown> }[] = [];
const capture = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const raw of chunk.toString('utf8').split('\n').filter(Boolean)) {
      lines.push({ raw, json: JSON.parse(raw) as Record<string, unknown> });
    }
    done();
  },
});

/** The value of one sample of a metric family whose labels include `labels`. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const labelText = /\{(.*)\}/.exec(line)?.[1] ?? '';
    if (Object.entries(labels).every(([k, v]) => labelText.includes(`${k}="${v}"`))) {
      return Number(line.slice(line.lastIndexOf(' ') + 1));
    }
  }
  return undefined;
}

/** POST a GraphQL document to a test subgraph as the gateway would (anonymous viewer, signed). */
function postAsGateway(
  subgraph: RunningSubgraph<Services>,
  query: string,
  variables: Record<string, unknown> = {},
  extraHeaders: Record<string, string> = {},
): Promise<Response> {
  const body = JSON.stringify({ query, variables });
  return fetch(subgraph.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...signViewer(null, TEST_SECRET, { subgraph: subgraph.name, body }),
      ...extraHeaders,
    },
    body,
  });
}

describe('service metrics, request ids in logs', () => {
  let running: RunningSubgraph<Services>;
  let base: string;

  const post = (query: string, variables: Record<string, unknown> = {}, requestId?: string) =>
    postAsGateway(running, query, variables, requestId ? { 'x-request-id': requestId } : {});
  const metrics = async () => {
    const res = await fetch(`${base}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    return res.text();
  };

  beforeAll(async () => {
    const database = await openTestDatabase(definition);
    running = await startSubgraph(definition, {
      database,
      env: {},
      overrides: { port: 0, host: '127.0.0.1', env: 'test', subgraphSecret: TEST_SECRET, outboxPollMs: 50 },
      logger: createLogger(definition.name, 'info', capture),
    });
    base = running.url.replace(/\/graphql$/, '');
  });
  afterAll(async () => {
    await running?.stop();
  });

  it('serves the metric families with the service label after a few requests', async () => {
    for (let i = 0; i < 3; i++) expect((await post('query Hello { hello }')).status).toBe(200);
    // Anonymous operations are named after their root fields (the gateway's `_entities` fetches).
    await post('{ _service { sdl } }');
    const text = await metrics();
    for (const family of [
      'sfw_graphql_requests_total',
      'sfw_graphql_request_duration_seconds',
      'sfw_graphql_errors_total',
      'sfw_outbox_backlog',
      'sfw_event_consumer_lag_seconds',
      'sfw_events_consumed_total',
      'sfw_events_published_total',
      'sfw_db_pool_connections',
    ]) {
      expect(text).toContain(`# TYPE ${family} `);
    }
    const hello = { operation_name: 'Hello', operation_type: 'query', service: 'metrics_test' };
    expect(sample(text, 'sfw_graphql_requests_total', hello)).toBe(3);
    expect(sample(text, 'sfw_graphql_request_duration_seconds_count', hello)).toBe(3);
    expect(sample(text, 'sfw_graphql_requests_total', { operation_name: '_service' })).toBe(1);
    expect(sample(text, 'sfw_db_pool_connections', { state: 'total' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'sfw_db_pool_connections', { state: 'waiting' })).toBe(0);
    // Process metrics appear once, unprefixed.
    expect(text.match(/^# TYPE process_cpu_seconds_total /gm)).toHaveLength(1);
  });

  it('counts errors by extensions.code', async () => {
    const answer = (await (await post('query Missing { missing }')).json()) as {
      errors: { extensions: { code: string } }[];
    };
    expect(answer.errors[0]?.extensions.code).toBe('NOT_FOUND');
    await post('query Missing { missing }');
    await post('{ nope }');
    const text = await metrics();
    expect(sample(text, 'sfw_graphql_errors_total', { code: 'NOT_FOUND' })).toBe(2);
    expect(sample(text, 'sfw_graphql_errors_total', { code: 'GRAPHQL_VALIDATION_FAILED' })).toBe(1);
    expect(sample(text, 'sfw_graphql_requests_total', { operation_name: 'Missing' })).toBe(2);
  });

  it('reports the outbox backlog, then what the relay published and the consumer handled', async () => {
    await running.relay.stop();
    for (const id of ['e1', 'e2']) {
      const res = await post('mutation Register($id: String!) { register(id: $id) }', { id });
      expect(await res.json()).toEqual({ data: { register: true } });
    }
    let text = await metrics();
    expect(sample(text, 'sfw_outbox_backlog', { service: 'metrics_test' })).toBe(2);
    expect(sample(text, 'sfw_graphql_requests_total', { operation_type: 'mutation' })).toBe(2);

    running.relay.start();
    await running.relay.drain();
    expect(running.services.consumed.map((e) => e.aggregateId)).toEqual(['e1', 'e2']);
    text = await metrics();
    expect(sample(text, 'sfw_outbox_backlog')).toBe(0);
    expect(sample(text, 'sfw_events_published_total', { type: 'EnterpriseRegistered' })).toBe(2);
    expect(
      sample(text, 'sfw_events_consumed_total', { consumer: CONSUMER, type: 'EnterpriseRegistered' }),
    ).toBe(2);
    const lag = sample(text, 'sfw_event_consumer_lag_seconds', { consumer: CONSUMER });
    expect(lag).toBeGreaterThanOrEqual(0);
    expect(lag).toBeLessThan(60);
  });

  it('writes the request id into every line logged while handling a request, and only then', async () => {
    const res = await post('query Hello { hello }', {}, 'req-4711-abc');
    expect(res.headers.get('x-request-id')).toBe('req-4711-abc');
    // The id in full: another request's generated UUID may contain "4711" too.
    const fromContext = lines.find(
      (l) => l.json['msg'] === 'hello from the context logger' && l.raw.includes('req-4711-abc'),
    );
    const fromService = lines.find(
      (l) => l.json['msg'] === 'hello from the service logger' && l.raw.includes('req-4711-abc'),
    );
    expect(fromContext?.json['requestId']).toBe('req-4711-abc');
    expect(fromService?.json['requestId']).toBe('req-4711-abc');
    // Written once, not once by the context's binding and again by the scope.
    expect(fromContext?.raw.match(/"requestId"/g)).toHaveLength(1);

    // Without a usable id the server makes one, answers it and logs with it.
    const anonymous = await post('query Hello { hello }', {}, 'not a usable id; it has spaces');
    const made = anonymous.headers.get('x-request-id');
    expect(made).toMatch(/^[0-9a-f-]{36}$/);
    expect(
      lines.some((l) => l.json['msg'] === 'hello from the service logger' && l.json['requestId'] === made),
    ).toBe(true);

    // Outside a request: the start-up line, and the consumer the relay fed after a request wrote.
    expect(lines.find((l) => l.json['msg'] === 'metrics_test subgraph ready')?.json).not.toHaveProperty(
      'requestId',
    );
    const consumedLines = lines.filter((l) => l.json['msg'] === 'consumed in test');
    expect(consumedLines).toHaveLength(2);
    for (const l of consumedLines) expect(l.json).not.toHaveProperty('requestId');
  });
});

describe('two services in one process', () => {
  const started: RunningSubgraph<Services>[] = [];
  afterAll(async () => {
    for (const s of started.reverse()) await s.stop();
  });

  it('each serves its own figures at its own /metrics', async () => {
    const bus = new InProcessEventBus();
    for (const name of ['metrics_a', 'metrics_b']) {
      const def = { ...definition, name };
      started.push(
        await startSubgraph(def, {
          database: await openTestDatabase(def),
          bus,
          env: {},
          overrides: {
            port: 0,
            host: '127.0.0.1',
            env: 'test',
            subgraphSecret: TEST_SECRET,
            outboxPollMs: 50,
          },
          logger: createLogger(name, 'silent'),
        }),
      );
    }
    const [a, b] = started as [RunningSubgraph<Services>, RunningSubgraph<Services>];
    const res = await postAsGateway(a, 'mutation { register(id: "a1") }');
    expect(res.status).toBe(200);
    await a.relay.drain();
    const scrape = async (s: RunningSubgraph<Services>) =>
      (await fetch(s.url.replace(/\/graphql$/, '/metrics'))).text();
    const [textA, textB] = [await scrape(a), await scrape(b)];
    expect(
      sample(textA, 'sfw_graphql_requests_total', { service: 'metrics_a', operation_name: 'register' }),
    ).toBe(1);
    expect(sample(textB, 'sfw_graphql_requests_total')).toBeUndefined();
    expect(sample(textA, 'sfw_events_published_total', { service: 'metrics_a' })).toBe(1);
    expect(sample(textB, 'sfw_events_published_total')).toBeUndefined();
    // Both consumers (one per service) took a's event from the shared bus.
    expect(sample(textA, 'sfw_events_consumed_total', { service: 'metrics_a' })).toBe(1);
    expect(sample(textB, 'sfw_events_consumed_total', { service: 'metrics_b' })).toBe(1);
    expect(textB).not.toContain('service="metrics_a"');
  });
});

describe('outbox backlog when the database does not answer', () => {
  it('reports NaN and keeps the scrape working', async () => {
    const down = {
      schema: 'x',
      dataSource: {
        isInitialized: true,
        driver: {},
        query: () => Promise.reject(new Error('connection refused')),
      },
    } as unknown as Database;
    const { body } = await createServiceMetrics({
      service: 'x',
      database: down,
      processMetrics: false,
    }).render();
    // prom-client writes `Nan`; Prometheus reads NaN in any letter case.
    expect(body).toMatch(/^sfw_outbox_backlog\{service="x"\} NaN$/im);
    expect(body).not.toContain('sfw_db_pool_connections{');
  });
});
