import { randomUUID } from 'node:crypto';
import { connect, type NatsConnection } from 'nats';
import pino from 'pino';
import type { EventEnvelope } from '@sfw/shared-types';
import { NatsEventBus, durableName } from './nats-bus';

// Runs against a real NATS server with JetStream (CI provides one). No NATS means failure,
// not a skipped suite, so a broken CI service cannot hide a broken bus.
const NATS_URL = process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222';
const RUN = randomUUID().replace(/-/g, '').slice(0, 10);
const logger = pino({ level: process.env['LOG_LEVEL'] ?? 'silent' });

let admin: NatsConnection;
const streams = new Set<string>();
const buses = new Set<NatsEventBus>();
let counter = 0;

beforeAll(async () => {
  try {
    admin = await connect({ servers: NATS_URL, timeout: 3000, maxReconnectAttempts: 0 });
    await (await admin.jetstreamManager()).getAccountInfo();
  } catch (err) {
    throw new Error(
      `NATS with JetStream is not reachable at ${NATS_URL} (${String(err)}). ` +
        'Start one (e.g. `nats-server -js`) or set NATS_URL; these tests need a real server.',
    );
  }
});

afterEach(async () => {
  await Promise.all([...buses].map((b) => b.close()));
  buses.clear();
});

afterAll(async () => {
  if (!admin) return;
  const jsm = await admin.jetstreamManager();
  for (const s of streams) await jsm.streams.delete(s).catch(() => undefined);
  await admin.drain();
});

/** A fresh stream and subject space per test, so tests never see each other's events. */
function space(): { stream: string; subjectPrefix: string } {
  counter++;
  const sp = { stream: `SFW_TEST_${RUN}_${counter}`, subjectPrefix: `sfwtest.${RUN}.${counter}` };
  streams.add(sp.stream);
  return sp;
}

async function open(sp: { stream: string; subjectPrefix: string }): Promise<NatsEventBus> {
  const bus = await NatsEventBus.connect({ url: NATS_URL, ...sp, name: 'nats-bus-spec', logger });
  buses.add(bus);
  return bus;
}

function event(type: string, n: number, id: string = randomUUID()): EventEnvelope {
  return {
    id,
    type,
    version: 1,
    occurredAt: new Date().toISOString(),
    source: 'spec',
    aggregateType: 'Thing',
    aggregateId: `thing-${n}`,
    payload: { n },
  };
}

async function waitFor(what: string, ok: () => boolean, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const ns = (events: EventEnvelope[]): number[] => events.map((e) => (e.payload as { n: number }).n);

describe('NatsEventBus', () => {
  it('delivers everything published before the subscription, in order (durable, deliver-all)', async () => {
    const bus = await open(space());
    for (let n = 1; n <= 25; n++) await bus.publish(event('Happened', n));

    const seen: EventEnvelope[] = [];
    await bus.subscribe('projector', '*', async (e) => {
      seen.push(e);
    });
    await waitFor('25 events', () => seen.length >= 25);
    expect(ns(seen)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(seen[0]).toMatchObject({ type: 'Happened', source: 'spec', aggregateId: 'thing-1' });

    // ... and keeps delivering what comes after.
    await bus.publish(event('Happened', 26));
    await waitFor('event 26', () => seen.length === 26);
  });

  it('redelivers a failed event and holds the later ones back until it succeeds', async () => {
    const bus = await open(space());
    const attempts: string[] = [];
    let failedOnce = false;
    await bus.subscribe('flaky', '*', async (e) => {
      const n = (e.payload as { n: number }).n;
      attempts.push(String(n));
      if (n === 2 && !failedOnce) {
        failedOnce = true;
        throw new Error('transient');
      }
    });
    const started = Date.now();
    for (let n = 1; n <= 4; n++) await bus.publish(event('Happened', n));

    await waitFor('all four processed', () => attempts.filter((a) => a === '4').length === 1);
    expect(attempts).toEqual(['1', '2', '2', '3', '4']);
    // The retry waited for the nak delay (1 s) rather than spinning.
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('stores a re-published event id once (server de-duplication)', async () => {
    const bus = await open(space());
    const first = event('Happened', 1);
    await bus.publish(first);
    await bus.publish(first); // a relay retry after a lost PubAck
    await bus.publish({ ...first, occurredAt: new Date().toISOString() });
    await bus.publish(event('Happened', 2));

    const seen: EventEnvelope[] = [];
    await bus.subscribe('dedup', '*', async (e) => {
      seen.push(e);
    });
    // Delivery is in order, so once event 2 is here any copy of event 1 would have been too.
    await waitFor('event 2', () => seen.some((e) => (e.payload as { n: number }).n === 2));
    expect(ns(seen)).toEqual([1, 2]);
  });

  it('resumes after unsubscribe and after a restart without redelivering acked events', async () => {
    const sp = space();
    const bus = await open(sp);
    const firstRun: number[] = [];
    const unsubscribe = await bus.subscribe('resumer', '*', async (e) => {
      firstRun.push((e.payload as { n: number }).n);
    });
    for (let n = 1; n <= 3; n++) await bus.publish(event('Happened', n));
    await waitFor('first three', () => firstRun.length === 3);
    unsubscribe();

    await bus.publish(event('Happened', 4));
    await bus.publish(event('Happened', 5));
    await new Promise((r) => setTimeout(r, 200));
    expect(firstRun).toEqual([1, 2, 3]);

    const secondRun: number[] = [];
    const unsubscribe2 = await bus.subscribe('resumer', '*', async (e) => {
      secondRun.push((e.payload as { n: number }).n);
    });
    await waitFor('4 and 5', () => secondRun.length >= 2);
    unsubscribe2();
    await bus.close();

    // A new process: same stream, same consumer name.
    const restarted = await open(sp);
    await restarted.publish(event('Happened', 6));
    const thirdRun: number[] = [];
    await restarted.subscribe('resumer', '*', async (e) => {
      thirdRun.push((e.payload as { n: number }).n);
    });
    await waitFor('6', () => thirdRun.length >= 1);
    await new Promise((r) => setTimeout(r, 200));
    expect(secondRun).toEqual([4, 5]);
    expect(thirdRun).toEqual([6]);
  });

  it('does not stall a resubscriber when unsubscribing while events are flowing', async () => {
    const bus = await open(space());
    const N = 300;
    for (let n = 1; n <= N; n++) await bus.publish(event('Happened', n));

    // Without care, the message the server was sending when we unsubscribed would stay
    // unacked for the full ack wait (30 s) and block the consumer; waitFor gives it 10 s.
    const seen: number[] = [];
    const collect = async (e: EventEnvelope) => {
      seen.push((e.payload as { n: number }).n);
    };
    let unsubscribe = await bus.subscribe('churn', '*', collect);
    for (let i = 0; i < 5; i++) {
      const before = seen.length;
      await waitFor('progress', () => seen.length > before + 10);
      unsubscribe();
      unsubscribe = await bus.subscribe('churn', '*', collect);
    }
    await waitFor('all events', () => new Set(seen).size === N);
    // A handled message is always acked and a handed-back one was never handled: exactly once here.
    expect(seen).toEqual(Array.from({ length: N }, (_, i) => i + 1));
  });

  it('lets the in-flight handler finish and ack on close, so a restart does not redo it', async () => {
    const sp = space();
    const bus = await open(sp);
    await bus.publish(event('Happened', 1));
    await bus.publish(event('Happened', 2));
    let entered!: () => void;
    const inHandler = new Promise<void>((r) => (entered = r));
    const firstRun: number[] = [];
    await bus.subscribe('closer', '*', async (e) => {
      entered();
      await new Promise((r) => setTimeout(r, 300));
      firstRun.push((e.payload as { n: number }).n);
    });
    await inHandler;
    await bus.close();
    expect(firstRun).toEqual([1]);
    await expect(bus.publish(event('Happened', 3))).rejects.toThrow(/closed/);

    const restarted = await open(sp);
    const secondRun: number[] = [];
    await restarted.subscribe('closer', '*', async (e) => {
      secondRun.push((e.payload as { n: number }).n);
    });
    await waitFor('event 2', () => secondRun.length >= 1);
    expect(secondRun).toEqual([2]);
  });

  it('filters by event type, for one type, several types and all', async () => {
    const bus = await open(space());
    const types = ['Alpha', 'Beta', 'Gamma'];
    for (let n = 1; n <= 9; n++) await bus.publish(event(types[n % 3]!, n));

    const beta: EventEnvelope[] = [];
    const alphaGamma: EventEnvelope[] = [];
    const all: EventEnvelope[] = [];
    await bus.subscribe('only-beta', ['Beta'], async (e) => {
      beta.push(e);
    });
    await bus.subscribe('alpha-gamma', ['Gamma', 'Alpha'], async (e) => {
      alphaGamma.push(e);
    });
    await bus.subscribe('everything', '*', async (e) => {
      all.push(e);
    });
    await waitFor('all nine', () => all.length === 9 && beta.length === 3 && alphaGamma.length === 6);
    await new Promise((r) => setTimeout(r, 200));
    expect(ns(beta)).toEqual([1, 4, 7]);
    expect(beta.every((e) => e.type === 'Beta')).toBe(true);
    expect(ns(alphaGamma)).toEqual([2, 3, 5, 6, 8, 9]);
    expect(ns(all)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('terminates an unparseable message and carries on with the next one', async () => {
    const sp = space();
    const bus = await open(sp);
    admin.publish(`${sp.subjectPrefix}.Happened`, 'not json');
    admin.publish(`${sp.subjectPrefix}.Happened`, JSON.stringify({ id: 'x', type: 'Happened' }));
    await admin.flush();
    await bus.publish(event('Happened', 1));

    const seen: EventEnvelope[] = [];
    await bus.subscribe('strict', '*', async (e) => {
      seen.push(e);
    });
    await waitFor('the valid event', () => seen.length === 1);
    expect(ns(seen)).toEqual([1]);
  });

  it('rejects a publish the stream did not store, so the outbox relay retries it', async () => {
    const sp = space();
    const bus = await open(sp);
    const jsm = await admin.jetstreamManager();
    await jsm.streams.delete(sp.stream);
    await expect(bus.publish(event('Happened', 1))).rejects.toThrow();
    await expect(bus.publish(event('not.a.token', 1))).rejects.toThrow(/not a valid NATS subject token/);
  });

  it('makes consumer names legal durable names without collisions', () => {
    expect(durableName('search-projector')).toBe('search-projector');
    const dotted = durableName('search.projector v2');
    expect(dotted).toMatch(/^search_projector_v2_[0-9a-f]{8}$/);
    expect(durableName('search_projector_v2')).not.toBe(dotted);
  });
});
