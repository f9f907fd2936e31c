import type { EventEnvelope } from '@sfw/shared-types';
import { EnterpriseScale } from '@sfw/shared-types';
import type { Database } from './database';
import {
  consumeMany,
  consumeOnce,
  InProcessEventBus,
  Outbox,
  OutboxRelay,
  outboxHistory,
  processedAmong,
} from './events';
import { createLogger } from './logger';
import { openTestDatabase } from './testing';

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

describe('transactional outbox', () => {
  let db: Database;
  let bus: InProcessEventBus;
  let relay: OutboxRelay;
  let outbox: Outbox;
  const received: EventEnvelope[] = [];

  beforeAll(async () => {
    db = await openTestDatabase({ name: 'kit_test', entities: [], migrations: [] });
    await db.migrate();
    await db.dataSource.query('CREATE TABLE kit_test.thing (id text PRIMARY KEY)');
    bus = new InProcessEventBus();
    relay = new OutboxRelay(db.dataSource, db.schema, bus, createLogger('t', 'silent'), 60_000);
    outbox = new Outbox(db.schema, 'kit_test');
    await bus.subscribe('collector', '*', async (e) => {
      received.push(e);
    });
  });
  afterAll(async () => {
    await relay?.stop();
    await db?.close();
  });

  const change = (id: string, fail = false) =>
    db.dataSource.transaction(async (m) => {
      await m.query('INSERT INTO kit_test.thing (id) VALUES ($1)', [id]);
      await outbox.add(m, 'EnterpriseRegistered', { type: 'Enterprise', id }, snapshot(id));
      if (fail) throw new Error('rollback');
    });

  it('publishes committed events in order, and none of a rolled-back change', async () => {
    await change('a');
    await expect(change('b', true)).rejects.toThrow('rollback');
    await change('c');
    expect(await relay.drain()).toBe(2);
    expect(received.map((e) => e.aggregateId)).toEqual(['a', 'c']);
    expect(await relay.drain()).toBe(0);
  });

  it('writes a batch of events in one statement, in the given order', async () => {
    received.length = 0;
    await db.dataSource.transaction((m) =>
      outbox.addMany(
        m,
        'EnterpriseRegistered',
        ['p', 'q', 'r'].map((id) => ({ aggregate: { type: 'Enterprise', id }, payload: snapshot(id) })),
      ),
    );
    expect(await relay.drain()).toBe(3);
    expect(received.map((e) => e.aggregateId)).toEqual(['p', 'q', 'r']);
    expect(new Set(received.map((e) => e.id)).size).toBe(3);
  });

  it('refuses to write an event outside a transaction', async () => {
    await expect(
      outbox.add(
        db.dataSource.manager,
        'EnterpriseRegistered',
        { type: 'Enterprise', id: 'z' },
        snapshot('z'),
      ),
    ).rejects.toThrow(/outside a transaction/);
  });

  it('keeps an event a consumer failed on and delivers it, in order, on the next pass', async () => {
    let failing = true;
    const seen: string[] = [];
    const unsubscribe = await bus.subscribe('flaky', '*', async (e) => {
      if (failing) throw new Error('consumer down');
      seen.push(e.aggregateId);
    });
    await change('d');
    await change('e');
    expect(await relay.drain()).toBe(0);
    const [row] = await db.dataSource.query(
      `SELECT attempts, last_error FROM kit_test.outbox WHERE aggregate_id = 'd'`,
    );
    expect(row).toMatchObject({ attempts: 1 });
    failing = false;
    expect(await relay.drain()).toBe(2);
    expect(seen).toEqual(['d', 'e']);
    unsubscribe();
  });

  it('lets a consumer apply each event once', async () => {
    await db.dataSource.query('CREATE TABLE kit_test.projection (n int)');
    await db.dataSource.query('INSERT INTO kit_test.projection VALUES (0)');
    const event = received[0]!;
    const apply = () =>
      consumeOnce(db.dataSource, db.schema, 'proj', event, (m) =>
        m.query('UPDATE kit_test.projection SET n = n + 1'),
      );
    expect(await apply()).toBe(true);
    expect(await apply()).toBe(false);
    expect(await db.dataSource.query('SELECT n FROM kit_test.projection')).toEqual([{ n: 1 }]);
  });

  it('replays published history to a late subscriber, skipping what it has processed', async () => {
    await relay.drain();
    const published: { id: string }[] = await db.dataSource.query(
      `SELECT id FROM kit_test.outbox WHERE published_at IS NOT NULL ORDER BY seq`,
    );
    const late = new InProcessEventBus();
    late.addHistory('kit_test', outboxHistory(db.dataSource, db.schema));
    const got: string[] = [];
    const projector = (e: EventEnvelope) =>
      consumeOnce(db.dataSource, db.schema, 'late', e, async () => {
        got.push(e.id);
      }).then(() => undefined);
    const seen = (ids: string[]) => processedAmong(db.dataSource, db.schema, 'late', ids);
    const stop = await late.subscribe('late', '*', projector, { seen });
    expect(got).toEqual(published.map((r) => r.id));
    stop();
    // A second subscribe (a restart) finds everything processed: nothing is applied again.
    got.length = 0;
    let calls = 0;
    const stop2 = await late.subscribe(
      'late',
      '*',
      async (e) => {
        calls++;
        await projector(e);
      },
      { seen },
    );
    expect(calls).toBe(0);
    expect(got).toEqual([]);
    // Live events still arrive (published directly: a relay on this same one-connection database
    // would hold its transaction while the consumer waits for the connection).
    await late.publish({ ...received[0]!, id: '00000000-0000-4000-8000-0000000000aa' });
    expect(got).toEqual(['00000000-0000-4000-8000-0000000000aa']);
    stop2();
  });

  it('hands a batch consumer whole replay pages and relay passes, applied once each', async () => {
    const bus = new InProcessEventBus();
    bus.addHistory('kit_test', outboxHistory(db.dataSource, db.schema));
    const calls: number[] = [];
    const applied: string[] = [];
    const batch = async (events: EventEnvelope[]) => {
      calls.push(events.length);
      await consumeMany(db.dataSource, db.schema, 'batcher', events, async (_m, e) => {
        applied.push(e.id);
      });
    };
    const stop = await bus.subscribe(
      'batcher',
      '*',
      async () => {
        throw new Error('the batch handler should be used');
      },
      { batch },
    );
    const published: { n: number }[] = await db.dataSource.query(
      `SELECT count(*)::int AS n FROM kit_test.outbox WHERE published_at IS NOT NULL`,
    );
    expect(calls).toEqual([published[0]?.n]);
    expect(new Set(applied).size).toBe(applied.length);
    // The same events again (a redelivery) change nothing.
    const again = [...applied];
    await bus.publishMany([received[0]!, received[0]!]);
    expect(applied).toEqual(again);
    stop();
  });
});
