import type { EnterpriseScale } from './enterprise';
import type { AdministrativeLevel } from './region';
import type { ProblemDomain, SignOffRole, VisitKind, VisitQuestion } from './service-work';

/**
 * Every domain event travels in this envelope. `type` names the contract and `version` its
 * revision: a consumer that meets a version it does not know must skip it loudly, not guess.
 */
export interface EventEnvelope<TType extends string = string, TPayload = unknown> {
  /** Unique event id (uuid); consumers remember it to stay idempotent. */
  id: string;
  type: TType;
  version: number;
  /** ISO-8601 timestamp of the state change. */
  occurredAt: string;
  /** The service that produced it. */
  source: string;
  aggregateType: string;
  aggregateId: string;
  payload: TPayload;
}

/** The enterprise attributes other services project (policy matching, pairing rules). */
export interface EnterpriseSnapshotV1 {
  id: string;
  name: string;
  creditCode: string;
  regionCode: string;
  industryCode: string;
  scale: EnterpriseScale;
  tags: string[];
  employees: number | null;
  registeredCapital: number | null;
  foundedOn: string | null;
  parks: string[];
}

export interface EnterpriseRegisteredV1 {
  enterprise: EnterpriseSnapshotV1;
}

export interface EnterpriseUpdatedV1 {
  enterprise: EnterpriseSnapshotV1;
  /** Names of the fields that changed. */
  changed: string[];
}

/** A cadre was paired (结对) with an enterprise. */
export interface CadrePairedV1 {
  pairingId: string;
  cadreId: string;
  departmentId: string;
  enterpriseId: string;
  level: AdministrativeLevel;
  primary: boolean;
  /** YYYY-MM-DD */
  fromDate: string;
  /** A city-level cadre paired with an enterprise that has no key-enterprise tag. */
  keyEnterpriseException: boolean;
}

/** A pairing ended: by hand, because the cadre left, or replaced by a re-pairing. */
export interface CadreUnpairedV1 {
  pairingId: string;
  cadreId: string;
  enterpriseId: string;
  level: AdministrativeLevel;
  primary: boolean;
  /** YYYY-MM-DD, the last day of the pairing */
  toDate: string;
  reason: 'ENDED' | 'CADRE_LEFT' | 'REPLACED';
}

/** A visit (走访) was recorded; each problem later becomes an appeal that keeps the visit id. */
export interface VisitRecordedV1 {
  visitId: string;
  cadreId: string;
  departmentId: string;
  enterpriseId: string;
  serviceGroupId: string | null;
  /** YYYY-MM-DD */
  visitedOn: string;
  kind: VisitKind;
  questions: VisitQuestion[];
  problems: { id: string; title: string; description: string; domain: ProblemDomain }[];
}

/** A department as other services project it (its sign-off people decide who may sign a refusal). */
export interface DepartmentSnapshotV1 {
  id: string;
  code: string;
  name: string;
  shortName: string;
  level: AdministrativeLevel;
  regionCode: string;
  parentId: string | null;
  domains: ProblemDomain[];
  active: boolean;
  members: { name: string; role: SignOffRole; title: string; account: string | null }[];
}

/** A department was created or changed (including its sign-off people). */
export interface DepartmentChangedV1 {
  department: DepartmentSnapshotV1;
}

export interface EventContracts {
  EnterpriseRegistered: { 1: EnterpriseRegisteredV1 };
  EnterpriseUpdated: { 1: EnterpriseUpdatedV1 };
  CadrePaired: { 1: CadrePairedV1 };
  CadreUnpaired: { 1: CadreUnpairedV1 };
  VisitRecorded: { 1: VisitRecordedV1 };
  DepartmentChanged: { 1: DepartmentChangedV1 };
}

export type EventType = keyof EventContracts;
export type LatestPayload<T extends EventType> = EventContracts[T][1];

export const EVENT_SUBJECT_PREFIX = 'sfw.events';

/** The NATS subject (and in-process topic) of an event type. */
export function eventSubject(type: string): string {
  return `${EVENT_SUBJECT_PREFIX}.${type}`;
}
