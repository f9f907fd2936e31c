import { randomUUID } from 'node:crypto';
import type { EntityManager, MigrationInterface, QueryRunner, DataSource } from 'typeorm';
import type { EventEnvelope, EventType, LatestPayload } from '@sfw/shared-types';
import type { Logger } from './logger';
import { schemaOf } from './database';
import { outsideRequest } from './request-context';

export type EventHandler = (event: EventEnvelope) => Promise<void>;

export interface SubscribeOptions {
  /**
   * Which of these event ids the consumer has already processed. The in-process bus replays
   * stored history on every subscribe and uses this to skip what is known with one query per page.
   */
  seen?: (ids: string[]) => Promise<Set<string>>;
  /**
   * Take several events at once (in order) where the bus can: the in-process bus hands a replay
   * page or a relay pass to it in one call, so a consumer can apply them in one transaction
   * (`consumeMany`). `handler` still receives events one by one everywhere else.
   */
  batch?: (events: EventEnvelope[]) => Promise<void>;
}

/**
 * Where published events go. In-process for the embedded stack; NATS JetStream for deployments.
 * A new consumer receives the stored history of its event types first (JetStream: a new durable
 * delivers the whole stream; in-process: the producers' outboxes are read back), so a projection
 * can always be rebuilt by replay.
 */
export interface EventBus {
  publish(event: EventEnvelope): Promise<void>;
  /** `consumer` names a durable subscription; `types` filters by event type ('*' for all). */
  subscribe(
    consumer: string,
    types: string[] | '*',
    handler: EventHandler,
    options?: SubscribeOptions,
  ): Promise<() => void>;
  close(): Promise<void>;
}

/** Reads a producer's published events back, in order, a page at a time after a cursor. */
export type EventHistory = (
  types: string[] | '*',
  after: string | null,
  limit: number,
) => Promise<{ events: EventEnvelope[]; cursor: string | null }>;

const REPLAY_PAGE = 500;

/**
 * Synchronous fan-out inside one process. A failing handler makes `publish` reject, so the
 * outbox relay keeps the event and retries (consumers are idempotent). Producers register their
 * history (their outbox); a subscriber gets that history first, then live events.
 */
export class InProcessEventBus implements EventBus {
  private readonly subscriptions = new Set<{
    consumer: string;
    types: string[] | '*';
    handler: EventHandler;
    batch?: (events: EventEnvelope[]) => Promise<void>;
  }>();
  private readonly histories = new Map<string, EventHistory>();

  /** A producer's stored events, replayed to every new subscriber. */
  addHistory(source: string, history: EventHistory): void {
    this.histories.set(source, history);
  }

  removeHistory(source: string): void {
    this.histories.delete(source);
  }

  async publish(event: EventEnvelope): Promise<void> {
    const failures: unknown[] = [];
    for (const sub of this.subscriptions) {
      if (sub.types !== '*' && !sub.types.includes(event.type)) continue;
      try {
        await sub.handler(event);
      } catch (err) {
        failures.push(err);
      }
    }
    if (failures.length)
      throw new AggregateError(failures, `${failures.length} consumer(s) failed on ${event.type}`);
  }

  /** Several events in order; consumers with a batch handler get them in one call. */
  async publishMany(events: EventEnvelope[]): Promise<void> {
    const failures: unknown[] = [];
    for (const sub of this.subscriptions) {
      const wanted =
        sub.types === '*' ? events : events.filter((e) => (sub.types as string[]).includes(e.type));
      if (!wanted.length) continue;
      try {
        if (sub.batch) await sub.batch(wanted);
        else for (const e of wanted) await sub.handler(e);
      } catch (err) {
        failures.push(err);
      }
    }
    if (failures.length)
      throw new AggregateError(failures, `${failures.length} consumer(s) failed on a batch`);
  }

  async subscribe(
    consumer: string,
    types: string[] | '*',
    handler: EventHandler,
    options: SubscribeOptions = {},
  ): Promise<() => void> {
    // Live first, then history: an event published meanwhile may arrive twice, never zero times.
    const sub = { consumer, types, handler, batch: options.batch };
    this.subscriptions.add(sub);
    try {
      for (const history of this.histories.values()) {
        let after: string | null = null;
        for (;;) {
          const page = await history(types, after, REPLAY_PAGE);
          const known = page.events.length ? await options.seen?.(page.events.map((e) => e.id)) : undefined;
          const unseen = page.events.filter((e) => !known?.has(e.id));
          if (options.batch && unseen.length) await options.batch(unseen);
          else for (const event of unseen) await handler(event);
          if (page.events.length < REPLAY_PAGE || !page.cursor) break;
          after = page.cursor;
        }
      }
    } catch (err) {
      this.subscriptions.delete(sub);
      throw err;
    }
    return () => this.subscriptions.delete(sub);
  }

  async close(): Promise<void> {
    this.subscriptions.clear();
  }
}

/**
 * Writes domain events into the service's outbox table inside the caller's transaction, so an
 * event exists exactly when its state change committed.
 */
export class Outbox {
  constructor(
    private readonly schema: string,
    private readonly source: string,
    private readonly onWritten: () => void = () => undefined,
  ) {}

  async add<T extends EventType>(
    manager: EntityManager,
    type: T,
    aggregate: { type: string; id: string },
    payload: LatestPayload<T>,
  ): Promise<EventEnvelope<T, LatestPayload<T>>> {
    const [event] = await this.addMany(manager, type, [{ aggregate, payload }]);
    return event as EventEnvelope<T, LatestPayload<T>>;
  }

  /** Several events of one type in one statement (bulk changes: imports, seeds). */
  async addMany<T extends EventType>(
    manager: EntityManager,
    type: T,
    items: { aggregate: { type: string; id: string }; payload: LatestPayload<T> }[],
  ): Promise<EventEnvelope<T, LatestPayload<T>>[]> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error(
        `outbox.add(${type}) outside a transaction: the event would not be atomic with its change`,
      );
    }
    if (!items.length) return [];
    const occurredAt = new Date().toISOString();
    const events = items.map(({ aggregate, payload }): EventEnvelope<T, LatestPayload<T>> => ({
      id: randomUUID(),
      type,
      version: 1,
      occurredAt,
      source: this.source,
      aggregateType: aggregate.type,
      aggregateId: aggregate.id,
      payload,
    }));
    // Rows keep the order given: seq follows the order of unnest.
    await manager.query(
      `INSERT INTO "${this.schema}".outbox (id, type, version, aggregate_type, aggregate_id, payload, occurred_at)
       SELECT id, $2, $3, aggregate_type, aggregate_id, payload, $4
         FROM unnest($1::uuid[], $5::text[], $6::text[], $7::jsonb[]) WITH ORDINALITY
              AS e(id, aggregate_type, aggregate_id, payload, n)
        ORDER BY n`,
      [
        events.map((e) => e.id),
        type,
        1,
        occurredAt,
        events.map((e) => e.aggregateType),
        events.map((e) => e.aggregateId),
        events.map((e) => JSON.stringify(e.payload)),
      ],
    );
    // Wake the relay once the surrounding transaction has had a chance to commit.
    setImmediate(this.onWritten);
    return events;
  }
}

interface OutboxRow {
  seq: string;
  id: string;
  type: string;
  version: number;
  aggregate_type: string;
  aggregate_id: string;
  payload: unknown;
  occurred_at: Date | string;
}

/**
 * Publishes committed outbox rows in order. Polls, and is also kicked after each write. Rows are
 * claimed with `FOR UPDATE SKIP LOCKED`, so N replicas can relay the same table safely.
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private again = false;
  private stopped = true;

  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
    private readonly bus: EventBus,
    private readonly logger: Logger,
    private readonly pollMs = 1000,
    private readonly batchSize = 200,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  /**
   * Ask for a relay pass soon (coalesced). The pass runs outside the request that wrote the
   * event: it publishes other requests' events too, and consumers' logs are not that request's.
   */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    outsideRequest(() => void this.drain().catch(() => undefined));
  }

  /** Publish everything pending now; resolves with how many events went out. */
  async drain(): Promise<number> {
    if (this.running) {
      await this.running.catch(() => undefined);
    }
    this.running = this.drainLoop();
    try {
      return await this.running;
    } finally {
      this.running = undefined;
      if (this.again && !this.stopped) {
        this.again = false;
        setImmediate(() => this.kick());
      }
    }
  }

  private schedule(): void {
    clearTimeout(this.timer);
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.drain()
        .catch(() => undefined)
        .finally(() => this.schedule());
    }, this.pollMs);
    this.timer.unref();
  }

  private async drainLoop(): Promise<number> {
    let total = 0;
    for (;;) {
      const sent = await this.pass();
      total += sent;
      if (sent < this.batchSize) return total;
    }
  }

  private async pass(): Promise<number> {
    if (!this.dataSource.isInitialized) return 0;
    return this.dataSource.transaction(async (manager) => {
      const rows: OutboxRow[] = await manager.query(
        `SELECT seq, id, type, version, aggregate_type, aggregate_id, payload, occurred_at
           FROM "${this.schema}".outbox WHERE published_at IS NULL
          ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.batchSize],
      );
      const published: string[] = [];
      const many = (this.bus as { publishMany?: (events: EventEnvelope[]) => Promise<void> }).publishMany;
      if (many && rows.length) {
        // One call for the whole pass (the in-process bus): all or none are marked published.
        try {
          await many.call(
            this.bus,
            rows.map((row) => envelopeOf(row, this.schema)),
          );
          published.push(...rows.map((r) => r.seq));
        } catch (err) {
          const first = rows[0] as OutboxRow;
          this.logger.warn({ err, eventId: first.id, type: first.type }, 'outbox publish failed; will retry');
          await manager.query(
            `UPDATE "${this.schema}".outbox SET attempts = attempts + 1, last_error = $2 WHERE seq = $1`,
            [first.seq, String(err instanceof Error ? err.message : err).slice(0, 2000)],
          );
        }
      }
      for (const row of many ? [] : rows) {
        const event = envelopeOf(row, this.schema);
        try {
          await this.bus.publish(event);
          published.push(row.seq);
        } catch (err) {
          // Keep order: stop at the first failure and retry from it on the next pass.
          this.logger.warn({ err, eventId: row.id, type: row.type }, 'outbox publish failed; will retry');
          await manager.query(
            `UPDATE "${this.schema}".outbox SET attempts = attempts + 1, last_error = $2 WHERE seq = $1`,
            [row.seq, String(err instanceof Error ? err.message : err).slice(0, 2000)],
          );
          break;
        }
      }
      if (published.length) {
        await manager.query(
          `UPDATE "${this.schema}".outbox SET published_at = now() WHERE seq = ANY($1::bigint[])`,
          [published],
        );
      }
      return published.length === rows.length ? published.length : 0;
    });
  }
}

/** The published events of a service's outbox, for `InProcessEventBus.addHistory`. */
export function outboxHistory(dataSource: DataSource, schema: string): EventHistory {
  return async (types, after, limit) => {
    if (!dataSource.isInitialized) return { events: [], cursor: null };
    const rows: OutboxRow[] = await dataSource.query(
      `SELECT seq, id, type, version, aggregate_type, aggregate_id, payload, occurred_at
         FROM "${schema}".outbox
        WHERE published_at IS NOT NULL AND seq > $1 AND ($2::text[] IS NULL OR type = ANY($2))
        ORDER BY seq LIMIT $3`,
      [after ?? '0', types === '*' ? null : types, limit],
    );
    return { events: rows.map((r) => envelopeOf(r, schema)), cursor: rows.at(-1)?.seq ?? after };
  };
}

function envelopeOf(row: OutboxRow, schema: string): EventEnvelope {
  return {
    id: row.id,
    type: row.type,
    version: row.version,
    occurredAt: new Date(row.occurred_at).toISOString(),
    // The schema is named after the producing service (schemaNameOf).
    source: schema,
    aggregateType: row.aggregate_type,
    aggregateId: row.aggregate_id,
    payload: typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload,
  };
}

/** Which of these event ids a consumer has processed (for `SubscribeOptions.seen`). */
export async function processedAmong(
  dataSource: DataSource,
  schema: string,
  consumer: string,
  ids: string[],
): Promise<Set<string>> {
  const rows: { event_id: string }[] = await dataSource.query(
    `SELECT event_id FROM "${schema}".processed_event WHERE consumer = $1 AND event_id = ANY($2::uuid[])`,
    [consumer, ids],
  );
  return new Set(rows.map((r) => r.event_id));
}

/**
 * Run a consumer's handler once per event id, in the same transaction as the projection
 * change it makes. Returns false when the event had already been processed.
 */
export async function consumeOnce(
  dataSource: DataSource,
  schema: string,
  consumer: string,
  event: EventEnvelope,
  apply: (manager: EntityManager) => Promise<void>,
): Promise<boolean> {
  return dataSource.transaction(async (manager) => {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO "${schema}".processed_event (consumer, event_id) VALUES ($1, $2)
       ON CONFLICT DO NOTHING RETURNING event_id`,
      [consumer, event.id],
    );
    if (inserted.length === 0) return false;
    await apply(manager);
    return true;
  });
}

/**
 * `consumeOnce` for several events in one transaction: the ids not seen before are recorded and
 * their changes applied, in order. Returns how many were new.
 */
export async function consumeMany(
  dataSource: DataSource,
  schema: string,
  consumer: string,
  events: EventEnvelope[],
  apply: (manager: EntityManager, event: EventEnvelope) => Promise<void>,
): Promise<number> {
  if (!events.length) return 0;
  return dataSource.transaction(async (manager) => {
    const inserted: { event_id: string }[] = await manager.query(
      `INSERT INTO "${schema}".processed_event (consumer, event_id)
       SELECT $1, id FROM unnest($2::uuid[]) AS t(id) ON CONFLICT DO NOTHING RETURNING event_id`,
      [consumer, events.map((e) => e.id)],
    );
    const fresh = new Set(inserted.map((r) => r.event_id));
    for (const event of events) if (fresh.delete(event.id)) await apply(manager, event);
    return inserted.length;
  });
}

/** The kit's own tables, added to every service's migrations list (first). */
export class CreateOutbox1763700000000 implements MigrationInterface {
  name = 'CreateOutbox1763700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`CREATE TABLE "${s}".outbox (
      seq bigserial PRIMARY KEY,
      id uuid NOT NULL UNIQUE,
      type text NOT NULL,
      version integer NOT NULL,
      aggregate_type text NOT NULL,
      aggregate_id text NOT NULL,
      payload jsonb NOT NULL,
      occurred_at timestamptz NOT NULL,
      published_at timestamptz,
      attempts integer NOT NULL DEFAULT 0,
      last_error text
    )`);
    await queryRunner.query(
      `CREATE INDEX outbox_pending_idx ON "${s}".outbox (seq) WHERE published_at IS NULL`,
    );
    await queryRunner.query(`CREATE TABLE "${s}".processed_event (
      consumer text NOT NULL,
      event_id uuid NOT NULL,
      processed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (consumer, event_id)
    )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE "${s}".processed_event`);
    await queryRunner.query(`DROP TABLE "${s}".outbox`);
  }
}

export const KIT_MIGRATIONS = [CreateOutbox1763700000000];
