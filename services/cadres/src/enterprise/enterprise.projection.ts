import type { DataSource, EntityManager } from 'typeorm';
import { KEY_ENTERPRISE_TAGS, type EnterpriseSnapshotV1, type EventEnvelope } from '@sfw/shared-types';
import { consumeMany, consumeOnce, processedAmong, type EventBus, type Logger } from '@sfw/subgraph-kit';
import { isUuid } from '../common';

export const PROJECTION_CONSUMER = 'cadres.enterprises';

/** What this service knows of an enterprise. */
export interface KnownEnterprise {
  id: string;
  name: string;
  regionCode: string;
  tags: string[];
}

export const isKeyEnterprise = (tags: readonly string[]): boolean =>
  tags.some((t) => KEY_ENTERPRISE_TAGS.includes(t));

/**
 * The enterprises this service pairs and visits: a projection of the enterprises subgraph's
 * EnterpriseRegistered / EnterpriseUpdated events (never its database). Idempotent per event id;
 * an older event never overwrites a newer state (replay may deliver history after live events).
 */
export class EnterpriseProjection {
  constructor(
    private readonly ds: DataSource,
    private readonly s: string,
    private readonly logger: Logger,
  ) {}

  async start(bus: EventBus): Promise<() => void> {
    return bus.subscribe(
      PROJECTION_CONSUMER,
      ['EnterpriseRegistered', 'EnterpriseUpdated'],
      (event) => this.handle(event),
      {
        seen: (ids) => processedAmong(this.ds, this.s, PROJECTION_CONSUMER, ids),
        batch: (events) => this.handleMany(events),
      },
    );
  }

  /** Several events in one transaction (a replay page, a relay pass). */
  async handleMany(events: EventEnvelope[]): Promise<void> {
    const usable = events.flatMap((event) => {
      const snapshot = (event.payload as { enterprise?: EnterpriseSnapshotV1 }).enterprise;
      if (event.version === 1 && snapshot && isUuid(snapshot.id)) return [{ event, snapshot }];
      this.logger.warn(
        { eventId: event.id, type: event.type, version: event.version },
        'unusable enterprise event skipped',
      );
      return [];
    });
    const bySnapshot = new Map(usable.map((u) => [u.event.id, u.snapshot]));
    await consumeMany(
      this.ds,
      this.s,
      PROJECTION_CONSUMER,
      usable.map((u) => u.event),
      (m, e) => this.upsert(m, bySnapshot.get(e.id) as EnterpriseSnapshotV1, e.occurredAt),
    );
  }

  async handle(event: EventEnvelope): Promise<void> {
    if (event.version !== 1) {
      this.logger.warn(
        { eventId: event.id, type: event.type, version: event.version },
        'unknown event version skipped',
      );
      return;
    }
    const snapshot = (event.payload as { enterprise?: EnterpriseSnapshotV1 }).enterprise;
    if (!snapshot || !isUuid(snapshot.id)) {
      this.logger.warn({ eventId: event.id, type: event.type }, 'malformed enterprise event skipped');
      return;
    }
    await consumeOnce(this.ds, this.s, PROJECTION_CONSUMER, event, (m) =>
      this.upsert(m, snapshot, event.occurredAt),
    );
  }

  private async upsert(m: EntityManager, e: EnterpriseSnapshotV1, at: string): Promise<void> {
    await m.query(
      `INSERT INTO "${this.s}".enterprise (id, name, credit_code, region_code, industry_code, scale, tags, last_event_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, credit_code = EXCLUDED.credit_code,
         region_code = EXCLUDED.region_code, industry_code = EXCLUDED.industry_code, scale = EXCLUDED.scale,
         tags = EXCLUDED.tags, last_event_at = EXCLUDED.last_event_at
       WHERE "${this.s}".enterprise.last_event_at <= EXCLUDED.last_event_at`,
      [e.id, e.name, e.creditCode, e.regionCode, e.industryCode, e.scale, e.tags, at],
    );
  }

  async find(id: string, manager: EntityManager = this.ds.manager): Promise<KnownEnterprise | null> {
    if (!isUuid(id)) return null;
    const rows: { id: string; name: string; region_code: string; tags: string[] }[] = await manager.query(
      `SELECT id, name, region_code, tags FROM "${this.s}".enterprise WHERE id = $1`,
      [id],
    );
    const r = rows[0];
    return r ? { id: r.id, name: r.name, regionCode: r.region_code, tags: r.tags } : null;
  }

  async count(): Promise<number> {
    const [row] = (await this.ds.query(`SELECT count(*)::int AS n FROM "${this.s}".enterprise`)) as {
      n: number;
    }[];
    return row?.n ?? 0;
  }
}
