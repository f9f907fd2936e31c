import type { DataSource, EntityManager } from 'typeorm';
import type {
  CadrePairedV1,
  CadreUnpairedV1,
  DepartmentChangedV1,
  EnterpriseSnapshotV1,
  EventEnvelope,
  VisitRecordedV1,
} from '@sfw/shared-types';
import { consumeMany, consumeOnce, processedAmong, type EventBus, type Logger } from '@sfw/subgraph-kit';

export const PROJECTION_CONSUMER = 'issues.projections';
const TYPES = [
  'EnterpriseRegistered',
  'EnterpriseUpdated',
  'DepartmentChanged',
  'CadrePaired',
  'CadreUnpaired',
  'VisitRecorded',
];

/**
 * What the issues subgraph knows of other services, from their events only: enterprises (name,
 * region), departments with their sign-off people, current pairings (who may see and raise an
 * enterprise's appeals) and visits (an appeal from a visit names it). Idempotent per event id; an
 * older snapshot never overwrites a newer one.
 */
export class Projections {
  constructor(
    private readonly ds: DataSource,
    private readonly s: string,
    private readonly logger: Logger,
  ) {}

  start(bus: EventBus): Promise<() => void> {
    return bus.subscribe(PROJECTION_CONSUMER, TYPES, (e) => this.handle(e), {
      seen: (ids) => processedAmong(this.ds, this.s, PROJECTION_CONSUMER, ids),
      batch: (events) => this.handleMany(events),
    });
  }

  /** Several events in one transaction (a replay page, a relay pass). */
  async handleMany(events: EventEnvelope[]): Promise<void> {
    const known = events.filter((e) => {
      if (e.version === 1) return true;
      this.logger.warn({ eventId: e.id, type: e.type, version: e.version }, 'unknown event version skipped');
      return false;
    });
    await consumeMany(this.ds, this.s, PROJECTION_CONSUMER, known, (m, e) => this.apply(m, e));
  }

  async handle(event: EventEnvelope): Promise<void> {
    if (event.version !== 1) {
      this.logger.warn(
        { eventId: event.id, type: event.type, version: event.version },
        'unknown event version skipped',
      );
      return;
    }
    await consumeOnce(this.ds, this.s, PROJECTION_CONSUMER, event, (m) => this.apply(m, event));
  }

  private async apply(m: EntityManager, event: EventEnvelope): Promise<void> {
    const s = this.s;
    switch (event.type) {
      case 'EnterpriseRegistered':
      case 'EnterpriseUpdated': {
        const e = (event.payload as { enterprise: EnterpriseSnapshotV1 }).enterprise;
        await m.query(
          `INSERT INTO "${s}".enterprise (id, name, region_code, last_event_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, region_code = EXCLUDED.region_code,
             last_event_at = EXCLUDED.last_event_at
           WHERE "${s}".enterprise.last_event_at <= EXCLUDED.last_event_at`,
          [e.id, e.name, e.regionCode, event.occurredAt],
        );
        return;
      }
      case 'DepartmentChanged': {
        const d = (event.payload as DepartmentChangedV1).department;
        await m.query(
          `INSERT INTO "${s}".department (id, code, name, short_name, level, region_code, domains, active, members, last_event_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
           ON CONFLICT (id) DO UPDATE SET code = EXCLUDED.code, name = EXCLUDED.name, short_name = EXCLUDED.short_name,
             level = EXCLUDED.level, region_code = EXCLUDED.region_code, domains = EXCLUDED.domains,
             active = EXCLUDED.active, members = EXCLUDED.members, last_event_at = EXCLUDED.last_event_at
           WHERE "${s}".department.last_event_at <= EXCLUDED.last_event_at`,
          [
            d.id,
            d.code,
            d.name,
            d.shortName,
            d.level,
            d.regionCode,
            d.domains,
            d.active,
            JSON.stringify(d.members),
            event.occurredAt,
          ],
        );
        return;
      }
      case 'CadrePaired': {
        const p = event.payload as CadrePairedV1;
        await m.query(
          `INSERT INTO "${s}".cadre_pairing (pairing_id, cadre_id, enterprise_id) VALUES ($1, $2, $3)
           ON CONFLICT DO NOTHING`,
          [p.pairingId, p.cadreId, p.enterpriseId],
        );
        return;
      }
      case 'CadreUnpaired': {
        const p = event.payload as CadreUnpairedV1;
        // A tombstone: a replayed CadrePaired for this pairing must not bring it back.
        await m.query(
          `INSERT INTO "${s}".cadre_pairing (pairing_id, cadre_id, enterprise_id, ended) VALUES ($1, $2, $3, true)
           ON CONFLICT (pairing_id) DO UPDATE SET ended = true`,
          [p.pairingId, p.cadreId, p.enterpriseId],
        );
        return;
      }
      case 'VisitRecorded': {
        const v = event.payload as VisitRecordedV1;
        await m.query(
          `INSERT INTO "${s}".visit (id, cadre_id, enterprise_id, visited_on) VALUES ($1, $2, $3, $4)
           ON CONFLICT DO NOTHING`,
          [v.visitId, v.cadreId, v.enterpriseId, v.visitedOn],
        );
        return;
      }
      default:
        return;
    }
  }
}
