import { randomBytes } from 'node:crypto';
import { connect } from 'nats';
import type { EventEnvelope } from '@sfw/shared-types';
import { createLogger, NatsEventBus } from '@sfw/subgraph-kit';
import { startTestSubgraph } from '@sfw/subgraph-kit/testing';
import { enterprisesSubgraph } from '../src';
import { demoDrafts } from './helpers';

const NATS_URL = process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222';

describe('enterprise events over NATS JetStream', () => {
  it('reach a durable consumer through the outbox, once each', async () => {
    const run = randomBytes(4).toString('hex');
    const options = {
      url: NATS_URL,
      stream: `SFW_TEST_ENT_${run}`,
      subjectPrefix: `sfwtest.${run}`,
      logger: createLogger('t', 'silent'),
    };
    const bus = await NatsEventBus.connect(options);
    const sg = await startTestSubgraph(enterprisesSubgraph, { bus });
    const consumerBus = await NatsEventBus.connect(options);
    try {
      const [draft] = demoDrafts(1, 4242);
      const created = await sg.services.enterprises.register(draft!);
      await sg.services.enterprises.update(created.id, { employees: (created.employees ?? 0) + 1 });
      await sg.relay.drain();
      await sg.relay.drain();
      const got: EventEnvelope[] = [];
      await consumerBus.subscribe('policies-projection', '*', async (e) => {
        got.push(e);
      });
      for (let i = 0; i < 50 && got.length < 2; i++) await new Promise((r) => setTimeout(r, 100));
      expect(got.map((e) => [e.type, e.aggregateId])).toEqual([
        ['EnterpriseRegistered', created.id],
        ['EnterpriseUpdated', created.id],
      ]);
    } finally {
      await consumerBus.close();
      await sg.stop();
      await bus.close();
      const nc = await connect({ servers: NATS_URL });
      await (await nc.jetstreamManager()).streams.delete(options.stream).catch(() => undefined);
      await nc.close();
    }
  });
});
