import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  AckPolicy,
  DeliverPolicy,
  DiscardPolicy,
  NatsError,
  RetentionPolicy,
  StorageType,
  connect,
  nanos,
  type ConsumerConfig,
  type Consumer,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
  type NatsConnection,
} from 'nats';
import { EVENT_SUBJECT_PREFIX, type EventEnvelope } from '@sfw/shared-types';
import type { EventBus, EventHandler } from './events';
import { createLogger, type Logger } from './logger';

export interface NatsEventBusOptions {
  /** NATS server URL; a comma-separated list is accepted as seed servers of a cluster. */
  url: string;
  /** JetStream stream holding the events. Default `SFW_EVENTS`. */
  stream?: string;
  /** Subjects are `${subjectPrefix}.${type}`. Default `sfw.events` (same as `eventSubject`). */
  subjectPrefix?: string;
  /** Connection name shown in the server's monitoring (e.g. the service name). */
  name?: string;
  logger?: Logger;
}

export const DEFAULT_STREAM = 'SFW_EVENTS';
/**
 * Events are kept a year: long enough for a new consumer (deliver-all) to build its projection
 * from history and for replays after incidents, bounded so the stream does not grow forever.
 * Only applied when the stream is created; change an existing stream with `nats stream edit`.
 */
export const STREAM_MAX_AGE_MS = 365 * 24 * 60 * 60 * 1000;
/** A relay retry carrying the same event id within this window is dropped by the server. */
export const DUPLICATE_WINDOW_MS = 2 * 60 * 1000;
/** Unacked messages come back after this; long handlers keep theirs alive with `working()`. */
const ACK_WAIT_MS = 30_000;
/** A failing handler sees its message again after 1 s, 2 s, 4 s ... capped at a minute. */
const NAK_BASE_MS = 1000;
const NAK_MAX_MS = 60_000;
/**
 * How long one pull request waits for a message. Idle consumers re-pull this often; a stopped
 * consumer's last request lives at most this long (see `run`).
 */
const PULL_EXPIRES_MS = 10_000;
/** Bound on how long `close()` waits for in-flight handlers before draining anyway. */
const CLOSE_GRACE_MS = 10_000;

const STREAM_NOT_FOUND = 10059;
const CONSUMER_NOT_FOUND = 10014;
const TOKEN = /^[A-Za-z0-9_-]+$/;
const SUBJECT_PREFIX = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

interface ActiveSubscription {
  durable: string;
  stopped: boolean;
  /** The handler call in progress, if any; `close()` lets it finish so its ack goes out. */
  busy: Promise<void> | undefined;
  /** Interrupts the back-off sleep between pull attempts. */
  wake: AbortController;
  done: Promise<void>;
}

/**
 * EventBus over NATS JetStream: durable, at-least-once, in order per consumer.
 *
 * Every consumer is a durable pull consumer with `max_ack_pending: 1`, so the server hands out
 * one message at a time and a failing message blocks the ones behind it until it succeeds.
 * Replicas of a service that subscribe with the same consumer name share the durable and so
 * still process serially. Handlers must be idempotent (see `consumeOnce`).
 */
export class NatsEventBus implements EventBus {
  private readonly subscriptions = new Set<ActiveSubscription>();
  private closing: Promise<void> | undefined;

  private constructor(
    private readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly stream: string,
    private readonly prefix: string,
    private readonly logger: Logger,
  ) {}

  static async connect(options: NatsEventBusOptions): Promise<NatsEventBus> {
    const stream = options.stream ?? DEFAULT_STREAM;
    const prefix = options.subjectPrefix ?? EVENT_SUBJECT_PREFIX;
    if (!SUBJECT_PREFIX.test(prefix)) throw new Error(`invalid NATS subject prefix "${prefix}"`);
    if (!TOKEN.test(stream)) throw new Error(`invalid JetStream stream name "${stream}"`);
    const logger = (options.logger ?? createLogger('nats-event-bus')).child({
      component: 'nats-event-bus',
      stream,
    });

    const nc = await connect({
      servers: options.url
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      name: options.name,
      // A deployment outlives NATS restarts: keep reconnecting; publishes fail (and the relay
      // retries) while disconnected, consumers resume by themselves afterwards.
      maxReconnectAttempts: -1,
      reconnectTimeWait: 2000,
    });
    try {
      const jsm = await nc.jetstreamManager();
      await ensureStream(jsm, stream, prefix, logger);
      const bus = new NatsEventBus(nc, nc.jetstream({ timeout: 5000 }), jsm, stream, prefix, logger);
      bus.watchConnection();
      return bus;
    } catch (err) {
      await nc.close().catch(() => undefined);
      throw err;
    }
  }

  /** Resolves once the server has stored the event; rejects (so the relay retries) otherwise. */
  async publish(event: EventEnvelope): Promise<void> {
    if (this.closing) throw new Error('NatsEventBus is closed');
    const subject = this.subjectOf(event.type);
    const ack = await this.js.publish(subject, encoder.encode(JSON.stringify(event)), {
      // Server-side de-duplication of relay retries within the duplicate window.
      msgID: event.id,
      // Fail instead of silently landing in some other stream that happens to match.
      expect: { streamName: this.stream },
    });
    if (ack.duplicate) {
      this.logger.debug({ eventId: event.id, type: event.type, seq: ack.seq }, 'duplicate publish ignored');
    }
  }

  /** A new durable starts at the beginning of the stream: history first, then live (options unused). */
  async subscribe(consumer: string, types: string[] | '*', handler: EventHandler): Promise<() => void> {
    if (this.closing) throw new Error('NatsEventBus is closed');
    if (types !== '*') {
      if (types.length === 0) throw new Error(`subscribe(${consumer}): no event types given`);
      types.forEach((t) => this.subjectOf(t));
    }
    const durable = durableName(consumer);
    const wanted = types === '*' ? undefined : new Set(types);
    const filters = types === '*' ? [`${this.prefix}.>`] : [...new Set(types)].map((t) => this.subjectOf(t));
    // Create/align the consumer up front so configuration errors reach the caller.
    await this.ensureConsumer(durable, consumer, filters);

    const sub: ActiveSubscription = {
      durable,
      stopped: false,
      busy: undefined,
      wake: new AbortController(),
      done: Promise.resolve(),
    };
    sub.done = this.run(sub, consumer, filters, wanted, handler).finally(() =>
      this.subscriptions.delete(sub),
    );
    this.subscriptions.add(sub);
    this.logger.info({ consumer, durable, filters }, 'subscribed');
    return () => this.stop(sub);
  }

  /** Stops all consumers (their durable state stays on the server) and drains the connection. */
  close(): Promise<void> {
    this.closing ??= this.shutdown();
    return this.closing;
  }

  private async shutdown(): Promise<void> {
    const running = [...this.subscriptions];
    running.forEach((sub) => this.stop(sub));
    // Let in-flight handlers finish so their acks go out, but don't hang shutdown on one.
    const grace = new AbortController();
    const timedOut = await Promise.race([
      Promise.all(running.map((s) => s.busy?.catch(() => undefined))).then(() => false),
      sleep(CLOSE_GRACE_MS, true, { signal: grace.signal, ref: false }).catch(() => false),
    ]);
    grace.abort();
    if (timedOut) this.logger.warn('handlers still running at close; draining anyway');
    if (!this.nc.isClosed()) {
      // drain() lets each pull inbox receive what is already on the wire (the loops nak it),
      // flushes pending acks and publishes, then closes the socket.
      await this.nc.drain().catch((err: unknown) => {
        this.logger.warn({ err }, 'nats drain failed');
      });
    }
    // The loops end with the drained connection; one stuck in a handler is left behind.
    if (!timedOut) await Promise.all(running.map((s) => s.done));
  }

  private stop(sub: ActiveSubscription): void {
    if (sub.stopped) return;
    sub.stopped = true;
    sub.wake.abort();
  }

  private subjectOf(type: string): string {
    // One token per type, so filters like `<prefix>.<type>` match exactly that type.
    if (!TOKEN.test(type)) throw new Error(`event type "${type}" is not a valid NATS subject token`);
    return `${this.prefix}.${type}`;
  }

  /**
   * The pull loop: one message per pull request, restarting with back-off after errors until
   * stopped or closed.
   *
   * Why not `consume()`: its pull request stays open, so when we stop, the server may already
   * have put the next message on the wire to an inbox we just unsubscribed from; that message
   * then sits unacked for the whole ack wait and blocks the consumer (max_ack_pending 1) for
   * whoever resubscribes. A one-message request is finished once it delivers, and a stopped
   * loop keeps its idle request's inbox until the request expires, handing back (nak) anything
   * that still arrives, so a new subscriber gets it at once.
   */
  private async run(
    sub: ActiveSubscription,
    consumer: string,
    filters: string[],
    wanted: Set<string> | undefined,
    handler: EventHandler,
  ): Promise<void> {
    let failures = 0;
    let pull: Consumer | undefined;
    while (!sub.stopped && !this.nc.isClosed()) {
      try {
        if (!pull) {
          // Recreates the consumer if someone deleted it meanwhile (not needed the first time).
          if (failures > 0) await this.ensureConsumer(sub.durable, consumer, filters);
          pull = await this.js.consumers.get(this.stream, sub.durable);
        }
        const batch = await pull.fetch({ max_messages: 1, expires: PULL_EXPIRES_MS });
        for await (const msg of batch) {
          if (sub.stopped || this.nc.isClosed()) {
            safely(() => msg.nak());
            continue;
          }
          sub.busy = this.handle(msg, sub.durable, wanted, handler);
          await sub.busy;
          sub.busy = undefined;
        }
        failures = 0;
      } catch (err) {
        sub.busy = undefined;
        pull = undefined;
        if (sub.stopped || this.nc.isClosed()) break;
        failures++;
        this.logger.error({ err, consumer, durable: sub.durable }, 'pull loop failed; retrying');
        const wait = Math.min(NAK_BASE_MS * 2 ** Math.min(failures - 1, 6), NAK_MAX_MS);
        await sleep(wait, undefined, { signal: sub.wake.signal, ref: false }).catch(() => undefined);
      }
    }
  }

  private async handle(
    msg: JsMsg,
    durable: string,
    wanted: Set<string> | undefined,
    handler: EventHandler,
  ): Promise<void> {
    const event = parseEnvelope(msg.data);
    if (!event) {
      // Redelivering it can never succeed; terminate so the consumer moves on.
      this.logger.error(
        { durable, subject: msg.subject, streamSeq: msg.seq },
        'unparseable event envelope; terminated',
      );
      // No reason text: `+TERM <reason>` is only understood by servers 2.11+.
      safely(() => msg.term());
      return;
    }
    if (wanted && !wanted.has(event.type)) {
      // Only when the consumer's filter is wider than the types (servers without filter_subjects).
      safely(() => msg.ack());
      return;
    }
    // Keep the server from redelivering while a slow handler is still working on it.
    const keepAlive = setInterval(() => safely(() => msg.working()), ACK_WAIT_MS / 3);
    keepAlive.unref();
    try {
      await handler(event);
    } catch (err) {
      const attempt = msg.info.redeliveryCount;
      const delay = Math.min(NAK_BASE_MS * 2 ** Math.max(attempt - 1, 0), NAK_MAX_MS);
      this.logger.warn(
        { err, durable, eventId: event.id, type: event.type, attempt, retryInMs: delay },
        'event handler failed; will redeliver',
      );
      safely(() => msg.nak(delay));
      return;
    } finally {
      clearInterval(keepAlive);
    }
    safely(() => msg.ack());
  }

  private async ensureConsumer(durable: string, consumer: string, filters: string[]): Promise<void> {
    // Several filter subjects need server 2.10+; older servers get the whole prefix and the
    // client acks (skips) the types it does not want.
    const filter: Pick<ConsumerConfig, 'filter_subject' | 'filter_subjects'> =
      filters.length === 1
        ? { filter_subject: filters[0], filter_subjects: undefined }
        : this.serverAtLeast(2, 10)
          ? { filter_subject: undefined, filter_subjects: filters }
          : { filter_subject: `${this.prefix}.>`, filter_subjects: undefined };
    const tunable = {
      description: `sfw event consumer ${consumer}`,
      ack_wait: nanos(ACK_WAIT_MS),
      // One outstanding message: strict order, including across redeliveries.
      max_ack_pending: 1,
      max_deliver: -1,
      ...filter,
    };

    const existing = await this.jsm.consumers.info(this.stream, durable).catch((err: unknown) => {
      if (apiErrorCode(err) === CONSUMER_NOT_FOUND) return undefined;
      throw err;
    });
    if (!existing) {
      await this.jsm.consumers.add(this.stream, {
        durable_name: durable,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        ...tunable,
      });
      this.logger.info({ consumer, durable }, 'created durable consumer');
      return;
    }
    const c = existing.config;
    if (c.ack_policy !== AckPolicy.Explicit) {
      throw new Error(`consumer ${durable} exists with ack policy ${c.ack_policy}; delete it to recreate`);
    }
    const same =
      c.filter_subject === tunable.filter_subject &&
      sameList(c.filter_subjects, tunable.filter_subjects) &&
      c.max_ack_pending === tunable.max_ack_pending &&
      c.ack_wait === tunable.ack_wait;
    if (!same) {
      // Position (ack floor) is kept; only the filter and flow settings change.
      await this.jsm.consumers.update(this.stream, durable, tunable);
      this.logger.info({ consumer, durable, filters }, 'updated durable consumer');
    }
  }

  private serverAtLeast(major: number, minor: number): boolean {
    const m = /^(\d+)\.(\d+)/.exec(this.nc.info?.version ?? '');
    if (!m) return false;
    const [maj, min] = [Number(m[1]), Number(m[2])];
    return maj > major || (maj === major && min >= minor);
  }

  /** Connection state changes go to the log; nothing else reacts to them. */
  private watchConnection(): void {
    void (async () => {
      for await (const s of this.nc.status()) {
        const level = s.type === 'disconnect' || s.type === 'error' ? 'warn' : 'info';
        this.logger[level]({ status: s.type, data: s.data }, 'nats connection status');
      }
    })().catch(() => undefined);
    void this.nc.closed().then((err) => {
      if (err) this.logger.error({ err }, 'nats connection closed with error');
    });
  }
}

async function ensureStream(
  jsm: JetStreamManager,
  stream: string,
  prefix: string,
  logger: Logger,
): Promise<void> {
  const subject = `${prefix}.>`;
  const info = await jsm.streams.info(stream).catch((err: unknown) => {
    if (apiErrorCode(err) === STREAM_NOT_FOUND) return undefined;
    throw err;
  });
  if (info) {
    const subjects = info.config.subjects ?? [];
    if (!subjects.includes(subject)) {
      await jsm.streams.update(stream, { subjects: [...subjects, subject] });
      logger.info({ subjects: [...subjects, subject] }, 'added event subjects to existing stream');
    }
    return;
  }
  try {
    await jsm.streams.add({
      name: stream,
      subjects: [subject],
      storage: StorageType.File,
      retention: RetentionPolicy.Limits,
      discard: DiscardPolicy.Old,
      max_age: nanos(STREAM_MAX_AGE_MS),
      duplicate_window: nanos(DUPLICATE_WINDOW_MS),
      num_replicas: 1,
    });
    logger.info({ subject }, 'created event stream');
  } catch (err) {
    // Another replica may have created it a moment ago; fine if it is there now.
    const again = await jsm.streams.info(stream).catch(() => undefined);
    if (!again) throw err;
  }
}

/**
 * NATS durable names may not contain `.`, `*`, `>`, whitespace or path separators. Names that
 * need changing get a short hash so `a.b` and `a_b` stay distinct consumers.
 */
export function durableName(consumer: string): string {
  if (TOKEN.test(consumer) && consumer.length <= 64) return consumer;
  const hash = createHash('sha256').update(consumer).digest('hex').slice(0, 8);
  return `${consumer.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 55)}_${hash}`;
}

function parseEnvelope(data: Uint8Array): EventEnvelope | undefined {
  let value: unknown;
  try {
    value = JSON.parse(decoder.decode(data));
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || !('payload' in value)) return undefined;
  const v = value as Record<string, unknown>;
  const { id, type, version, occurredAt, source, aggregateType, aggregateId } = v;
  if (
    typeof id !== 'string' ||
    typeof type !== 'string' ||
    typeof version !== 'number' ||
    typeof occurredAt !== 'string' ||
    typeof source !== 'string' ||
    typeof aggregateType !== 'string' ||
    typeof aggregateId !== 'string'
  ) {
    return undefined;
  }
  return { id, type, version, occurredAt, source, aggregateType, aggregateId, payload: v.payload };
}

function apiErrorCode(err: unknown): number | undefined {
  return err instanceof NatsError ? err.api_error?.err_code : undefined;
}

function sameList(a: string[] | undefined, b: string[] | undefined): boolean {
  const x = a ?? [];
  const y = b ?? [];
  return x.length === y.length && x.every((s, i) => s === y[i]);
}

/** Acks on a closed connection throw; the server redelivers anyway, so there is nothing to do. */
function safely(fn: () => void): void {
  try {
    fn();
  } catch {
    // ignored on purpose, see above
  }
}
