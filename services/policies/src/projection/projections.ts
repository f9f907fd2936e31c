import type { DataSource, EntityManager } from 'typeorm';
import type {
  CadrePairedV1,
  CadreUnpairedV1,
  DepartmentChangedV1,
  EnterpriseSnapshotV1,
  EventEnvelope,
} from '@sfw/shared-types';
import { consumeMany, consumeOnce, processedAmong, type EventBus, type Logger } from '@sfw/subgraph-kit';

export const PROJECTION_CONSUMER = 'policies.projections';
const TYPES = [
  'EnterpriseRegistered',
  'EnterpriseUpdated',
  'DepartmentChanged',
  'CadrePaired',
  'CadreUnpaired',
];

/**
 * What the policies subgraph knows of other services, from their events only: the enterprise
 * attributes eligibility rules read, departments (who issues a policy) and current pairings (which
 * enterprises a cadre may bring policies to). Idempotent per event id; an older snapshot never
 * overwrites a newer one. Every enterprise that changed is handed to `onEnterprises`, which
 * re-matches it against the published policies in the same transaction (so a crash never leaves a
 * changed enterprise unmatched).
 */
export class Projections {
  constructor(
    private readonly ds: DataSource,
    private readonly s: string,
    private readonly logger: Logger,
    private readonly onEnterprises: (m: EntityManager, ids: string[]) => Promise<void>,
  ) {}

  start(bus: EventBus): Promise<() => void> {
    return bus.subscribe(PROJECTION_CONSUMER, TYPES, (e) => this.handle(e), {
      seen: (ids) => processedAmong(this.ds, this.s, PROJECTION_CONSUMER, ids),
      batch: (events) => this.handleMany(events),
    });
  }

  /** Several events in one transaction (a replay page, a relay pass). */
  async handleMany(events: EventEnvelope[]): Promise<void> {
    await consumeMany(this.ds, this.s, PROJECTION_CONSUMER, events.filter(this.known), async (m, e) => {
      if (await this.apply(m, e)) await this.onEnterprises(m, [e.aggregateId]);
    });
  }

  async handle(event: EventEnvelope): Promise<void> {
    if (!this.known(event)) return;
    await consumeOnce(this.ds, this.s, PROJECTION_CONSUMER, event, async (m) => {
      if (await this.apply(m, event)) await this.onEnterprises(m, [event.aggregateId]);
    });
  }

  private readonly known = (e: EventEnvelope): boolean => {
    if (e.version === 1) return true;
    this.logger.warn({ eventId: e.id, type: e.type, version: e.version }, 'unknown event version skipped');
    return false;
  };

  /** Applies one event; true when an enterprise's attributes changed (it must be re-matched). */
  private async apply(m: EntityManager, event: EventEnvelope): Promise<boolean> {
    const s = this.s;
    switch (event.type) {
      case 'EnterpriseRegistered':
      case 'EnterpriseUpdated': {
        const e = (event.payload as { enterprise: EnterpriseSnapshotV1 }).enterprise;
        const rows = (await m.query(
          `INSERT INTO "${s}".enterprise (id, name, region_code, industry_code, scale, tags, employees, registered_capital,
             founded_on, parks, last_event_at, record_version)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
           ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, region_code = EXCLUDED.region_code,
             industry_code = EXCLUDED.industry_code, scale = EXCLUDED.scale, tags = EXCLUDED.tags,
             employees = EXCLUDED.employees, registered_capital = EXCLUDED.registered_capital,
             founded_on = EXCLUDED.founded_on, parks = EXCLUDED.parks, last_event_at = EXCLUDED.last_event_at,
             record_version = EXCLUDED.record_version
           WHERE "${s}".enterprise.last_event_at <= EXCLUDED.last_event_at
           RETURNING id`,
          [
            e.id,
            e.name,
            e.regionCode,
            e.industryCode,
            e.scale,
            e.tags,
            e.employees,
            e.registeredCapital,
            e.foundedOn,
            e.parks,
            event.occurredAt,
            e.version ?? null,
          ],
        )) as unknown[];
        return rows.length > 0;
      }
      case 'DepartmentChanged': {
        const d = (event.payload as DepartmentChangedV1).department;
        await m.query(
          `INSERT INTO "${s}".department (id, name, short_name, level, region_code, active, last_event_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, short_name = EXCLUDED.short_name, level = EXCLUDED.level,
             region_code = EXCLUDED.region_code, active = EXCLUDED.active, last_event_at = EXCLUDED.last_event_at
           WHERE "${s}".department.last_event_at <= EXCLUDED.last_event_at`,
          [d.id, d.name, d.shortName, d.level, d.regionCode, d.active, event.occurredAt],
        );
        return false;
      }
      case 'CadrePaired': {
        const p = event.payload as CadrePairedV1;
        await m.query(
          `INSERT INTO "${s}".cadre_pairing (pairing_id, cadre_id, enterprise_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
          [p.pairingId, p.cadreId, p.enterpriseId],
        );
        return false;
      }
      case 'CadreUnpaired': {
        const p = event.payload as CadreUnpairedV1;
        await m.query(
          `INSERT INTO "${s}".cadre_pairing (pairing_id, cadre_id, enterprise_id, ended) VALUES ($1, $2, $3, true)
           ON CONFLICT (pairing_id) DO UPDATE SET ended = true`,
          [p.pairingId, p.cadreId, p.enterpriseId],
        );
        return false;
      }
      default:
        return false;
    }
  }
}
