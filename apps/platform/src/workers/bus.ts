import type { EventEnvelope } from '@sfw/shared-types';
import type { EventBus, EventHandler, EventHistory, SubscribeOptions } from '@sfw/subgraph-kit';
import type { Rpc } from './rpc';

/**
 * The embedded stack's event bus across worker threads: the main thread is the broker, each
 * subgraph worker holds a {@link WorkerEventBus}. Same contract as the kit's `InProcessEventBus`:
 *
 * - a publish resolves only once every subscribed consumer (in whichever worker) has handled the
 *   events, and rejects when any of them failed, so the producer's outbox relay keeps the rows and
 *   retries (at least once; consumers are idempotent);
 * - a subscriber is live first, then reads back every registered producer's published outbox
 *   (history), skipping the ids its `seen` knows: an event published meanwhile may arrive twice,
 *   never zero times;
 * - consumers are served one after another, in the order they subscribed.
 *
 * A worker that dies loses its subscriptions and its history; deliveries waiting for it fail (the
 * producer retries). When it starts again it subscribes again and replays what it missed.
 */

/** How long a publish waits for one consumer worker before counting it as failed. */
export const DELIVERY_TIMEOUT_MS = 60_000;

const REPLAY_PAGE = 500;

interface BrokerSubscription {
  worker: string;
  subId: number;
  consumer: string;
  types: string[] | '*';
}

/** The main thread's side: routes publishes to subscribed workers and history reads to producers. */
export class EventBroker {
  private readonly links = new Map<string, Rpc>();
  /** Keyed `${worker}/${subId}`; a Map keeps subscription order. */
  private readonly subscriptions = new Map<string, BrokerSubscription>();
  /** Producer (source) -> the worker holding its outbox, in registration order. */
  private readonly histories = new Map<string, string>();

  constructor(private readonly deliveryTimeoutMs = DELIVERY_TIMEOUT_MS) {}

  /** Serve a worker's bus calls. A worker name is attached once at a time. */
  attach(worker: string, rpc: Rpc): void {
    this.links.set(worker, rpc);
    rpc.handle<{ events: EventEnvelope[] }, void>('bus.publish', ({ events }) => this.publish(events));
    rpc.handle<{ subId: number; consumer: string; types: string[] | '*' }, void>(
      'bus.subscribe',
      ({ subId, consumer, types }) => {
        this.subscriptions.set(`${worker}/${subId}`, { worker, subId, consumer, types });
      },
    );
    rpc.handle<{ subId: number }, void>('bus.unsubscribe', ({ subId }) => {
      this.subscriptions.delete(`${worker}/${subId}`);
    });
    rpc.handle<{ source: string }, void>('bus.addHistory', ({ source }) => {
      this.histories.set(source, worker);
    });
    rpc.handle<{ source: string }, void>('bus.removeHistory', ({ source }) => {
      if (this.histories.get(source) === worker) this.histories.delete(source);
    });
    rpc.handle<null, string[]>('bus.sources', () => [...this.histories.keys()]);
    rpc.handle<HistoryArgs, HistoryPage>('bus.history', (args) => this.history(args));
  }

  /** The worker is gone: forget its subscriptions and history; calls waiting on it fail. */
  detach(worker: string, reason: string): void {
    this.links.get(worker)?.close(reason);
    this.links.delete(worker);
    for (const [key, sub] of this.subscriptions) if (sub.worker === worker) this.subscriptions.delete(key);
    for (const [source, holder] of this.histories) if (holder === worker) this.histories.delete(source);
  }

  /** Deliver to every subscribed consumer in order; reject when any failed. */
  async publish(events: EventEnvelope[]): Promise<void> {
    const failures: Error[] = [];
    for (const sub of [...this.subscriptions.values()]) {
      const wanted =
        sub.types === '*' ? events : events.filter((e) => (sub.types as string[]).includes(e.type));
      if (!wanted.length) continue;
      const link = this.links.get(sub.worker);
      if (!link) continue;
      try {
        await link.call('bus.deliver', { subId: sub.subId, events: wanted }, this.deliveryTimeoutMs);
      } catch (err) {
        failures.push(
          new Error(`${sub.consumer} (${sub.worker}): ${err instanceof Error ? err.message : String(err)}`),
        );
      }
    }
    if (failures.length) {
      throw new AggregateError(
        failures,
        `${failures.length} consumer(s) failed: ${failures.map((f) => f.message).join('; ')}`,
      );
    }
  }

  private async history(args: HistoryArgs): Promise<HistoryPage> {
    const worker = this.histories.get(args.source);
    const link = worker ? this.links.get(worker) : undefined;
    if (!link) return { events: [], cursor: null };
    return link.call<HistoryPage>('bus.history', args, this.deliveryTimeoutMs);
  }
}

interface HistoryArgs {
  source: string;
  types: string[] | '*';
  after: string | null;
  limit: number;
}

type HistoryPage = { events: EventEnvelope[]; cursor: string | null };

interface LocalSubscription {
  consumer: string;
  types: string[] | '*';
  handler: EventHandler;
  batch?: (events: EventEnvelope[]) => Promise<void>;
}

/** A worker's side of the bus: what its subgraph publishes and subscribes goes through the broker. */
export class WorkerEventBus implements EventBus {
  private nextSub = 1;
  private readonly subscriptions = new Map<number, LocalSubscription>();
  private readonly histories = new Map<string, EventHistory>();

  constructor(private readonly rpc: Rpc) {
    rpc.handle<{ subId: number; events: EventEnvelope[] }, void>('bus.deliver', async ({ subId, events }) => {
      const sub = this.subscriptions.get(subId);
      if (!sub) return; // unsubscribed meanwhile
      if (sub.batch) await sub.batch(events);
      else for (const event of events) await sub.handler(event);
    });
    rpc.handle<HistoryArgs, HistoryPage>('bus.history', async ({ source, types, after, limit }) => {
      const history = this.histories.get(source);
      return history ? history(types, after, limit) : { events: [], cursor: null };
    });
  }

  /** A producer's stored events, replayed to every later subscriber in any worker. */
  async addHistory(source: string, history: EventHistory): Promise<void> {
    this.histories.set(source, history);
    await this.rpc.call('bus.addHistory', { source });
  }

  async removeHistory(source: string): Promise<void> {
    this.histories.delete(source);
    await this.rpc.call('bus.removeHistory', { source }).catch(() => undefined);
  }

  publish(event: EventEnvelope): Promise<void> {
    return this.publishMany([event]);
  }

  /** Several events in order (the outbox relay's pass): all delivered, or a rejection. */
  async publishMany(events: EventEnvelope[]): Promise<void> {
    if (!events.length) return;
    await this.rpc.call('bus.publish', { events });
  }

  async subscribe(
    consumer: string,
    types: string[] | '*',
    handler: EventHandler,
    options: SubscribeOptions = {},
  ): Promise<() => void> {
    const subId = this.nextSub++;
    this.subscriptions.set(subId, { consumer, types, handler, batch: options.batch });
    const unsubscribe = () => {
      this.subscriptions.delete(subId);
      void this.rpc.call('bus.unsubscribe', { subId }).catch(() => undefined);
    };
    try {
      // Live first, then history (as in one process).
      await this.rpc.call('bus.subscribe', { subId, consumer, types });
      const sources = await this.rpc.call<string[]>('bus.sources');
      for (const source of sources) {
        let after: string | null = null;
        for (;;) {
          const page: HistoryPage = await this.rpc.call<HistoryPage>('bus.history', {
            source,
            types,
            after,
            limit: REPLAY_PAGE,
          } satisfies HistoryArgs);
          const known = page.events.length ? await options.seen?.(page.events.map((e) => e.id)) : undefined;
          const unseen = page.events.filter((e) => !known?.has(e.id));
          if (options.batch && unseen.length) await options.batch(unseen);
          else for (const event of unseen) await handler(event);
          if (page.events.length < REPLAY_PAGE || !page.cursor) break;
          after = page.cursor;
        }
      }
    } catch (err) {
      unsubscribe();
      throw err;
    }
    return unsubscribe;
  }

  async close(): Promise<void> {
    for (const subId of [...this.subscriptions.keys()]) {
      this.subscriptions.delete(subId);
      await this.rpc.call('bus.unsubscribe', { subId }).catch(() => undefined);
    }
  }
}
