import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { connect } from 'nats';
import pino from 'pino';
import type { EventEnvelope } from '@sfw/shared-types';
import type { Database } from './database';
import { Outbox, OutboxRelay } from './events';
import { NatsEventBus } from './nats-bus';
import { openTestDatabase } from './testing';

// The bus goes down while a change commits: the event waits in the outbox and is delivered once
// NATS is reachable again. The outage is made with a TCP proxy in front of the real server.
const NATS_URL = process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222';
const target = new URL(NATS_URL.replace(/^nats:/, 'http:'));
const RUN = randomUUID().replace(/-/g, '').slice(0, 10);
const sp = { stream: `SFW_OUTAGE_${RUN}`, subjectPrefix: `sfwoutage.${RUN}` };
const logger = pino({ level: process.env['LOG_LEVEL'] ?? 'silent' });

/** A TCP proxy that can be cut (every connection dropped, nothing accepted) and restored. */
class Proxy {
  private server: net.Server | undefined;
  private readonly sockets = new Set<net.Socket>();
  port = 0;

  async up(): Promise<void> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(Number(target.port || 4222), target.hostname);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server?.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  async down(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

async function waitFor(
  what: string,
  ok: () => boolean | Promise<boolean>,
  timeoutMs = 30_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('an event bus outage', () => {
  const proxy = new Proxy();
  let db: Database;
  let producer: NatsEventBus;
  let consumer: NatsEventBus;

  beforeAll(async () => {
    await proxy.up();
    db = await openTestDatabase({ name: 'kit_outage', entities: [], migrations: [] });
    await db.migrate();
    await db.dataSource.query('CREATE TABLE kit_outage.thing (id text PRIMARY KEY)');
    producer = await NatsEventBus.connect({
      url: `nats://127.0.0.1:${proxy.port}`,
      ...sp,
      name: 'outage-producer',
      logger,
    });
    consumer = await NatsEventBus.connect({ url: NATS_URL, ...sp, name: 'outage-consumer', logger });
  });

  afterAll(async () => {
    await producer?.close().catch(() => undefined);
    await consumer?.close().catch(() => undefined);
    await proxy.down().catch(() => undefined);
    await db?.close();
    const nc = await connect({ servers: NATS_URL });
    await (await nc.jetstreamManager()).streams.delete(sp.stream).catch(() => undefined);
    await nc.drain();
  });

  it('commits the change, keeps the event, and delivers it once the bus is back', async () => {
    const received: EventEnvelope[] = [];
    await consumer.subscribe('outage-projector', '*', async (e) => {
      received.push(e);
    });
    const relay = new OutboxRelay(db.dataSource, db.schema, producer, logger, 60_000);
    const outbox = new Outbox(db.schema, 'kit_outage');

    await proxy.down();
    const [event] = await db.dataSource.transaction(async (m) => {
      await m.query(`INSERT INTO kit_outage.thing (id) VALUES ('a')`);
      return outbox.addMany(m, 'IssueSubmitted', [
        {
          aggregate: { type: 'Issue', id: 'a' },
          payload: {
            issue: {
              issueId: 'a',
              enterpriseId: 'e',
              regionCode: '331004',
              level: 'COUNTY' as never,
              categories: [],
              scope: 'INDIVIDUAL' as never,
              source: 'ONLINE' as never,
              leadDepartmentId: null,
              coDepartmentIds: [],
              submittedAt: new Date().toISOString(),
              round: 1,
            },
            visitId: null,
            title: '标题',
          },
        },
      ]);
    });
    // The bus is down: the change is committed, the event waits, marked with the failed attempt.
    expect(await relay.drain()).toBe(0);
    expect(await db.dataSource.query(`SELECT id FROM kit_outage.thing`)).toEqual([{ id: 'a' }]);
    const [pending] = (await db.dataSource.query(
      `SELECT published_at, attempts FROM kit_outage.outbox WHERE id = $1`,
      [event?.id],
    )) as { published_at: Date | null; attempts: number }[];
    expect(pending?.published_at).toBeNull();
    expect(pending?.attempts).toBeGreaterThanOrEqual(1);
    expect(received).toHaveLength(0);

    await proxy.up();
    await waitFor('the relay to publish after NATS is back', async () => (await relay.drain()) > 0);
    await waitFor('the consumer to receive the event', () => received.some((e) => e.id === event?.id));
    expect(received.filter((e) => e.id === event?.id)).toHaveLength(1);
    await relay.stop();
  }, 90_000);
});
