import type { EnterpriseScale } from './enterprise';
import type { AdministrativeLevel } from './region';
import type {
  IssueOutcome,
  IssueScope,
  IssueSource,
  ProblemDomain,
  SignOffRole,
  VisitKind,
  VisitQuestion,
} from './service-work';

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
  /**
   * The enterprise's version in the enterprises subgraph: the entry of its change record
   * (变更记录) these values come from. Absent in events written before the record existed.
   */
  version?: number;
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

/** The facts of an appeal other services project (evaluations scores departments on them). */
export interface IssueFactsV1 {
  issueId: string;
  enterpriseId: string;
  regionCode: string;
  level: AdministrativeLevel;
  categories: ProblemDomain[];
  scope: IssueScope;
  source: IssueSource;
  leadDepartmentId: string | null;
  coDepartmentIds: string[];
  submittedAt: string;
  /** The round of handling: 1, then +1 at every reopening. */
  round: number;
}

export interface IssueSubmittedV1 {
  issue: IssueFactsV1;
  visitId: string | null;
  title: string;
}

export interface IssueAssignedV1 {
  issue: IssueFactsV1;
  /** Due instants (ISO) computed on the working-day calendar. */
  planDue: string;
  feedbackDue: string;
  closeDue: string;
  /** A second assignment after an overturned refusal (二次交办) or a bulk re-assignment. */
  reassignment: boolean;
}

export interface IssueAnsweredV1 {
  issue: IssueFactsV1;
  outcome: IssueOutcome;
  answeredAt: string;
  /** Working days from acceptance to the answer, pauses excluded. */
  workdaysTaken: number;
  onTime: boolean;
}

export interface IssueClosedV1 {
  issue: IssueFactsV1;
  outcome: IssueOutcome | null;
  closedAt: string;
  workdaysTaken: number;
  onTime: boolean;
  /** CONFIRMED by the enterprise, CLOSED by staff, WITHDRAWN, MERGED. */
  how: 'CONFIRMED' | 'CLOSED' | 'WITHDRAWN' | 'MERGED';
}

export interface IssueReopenedV1 {
  issue: IssueFactsV1;
  reason: string;
}

export interface IssueEscalatedV1 {
  issue: IssueFactsV1;
  fromLevel: AdministrativeLevel;
  toLevel: AdministrativeLevel;
  reason: string;
}

export interface RefusalSignedOffV1 {
  issue: IssueFactsV1;
  refusalId: string;
  role: SignOffRole;
  decision: 'APPROVED' | 'RETURNED';
  /** True when this was the last of the three sign-offs: the refusal reaches the enterprise. */
  final: boolean;
}

export interface ReviewDecidedV1 {
  issue: IssueFactsV1;
  refusalId: string;
  reviewId: string;
  decision: 'UPHELD' | 'OVERTURNED';
}

export interface EventContracts {
  EnterpriseRegistered: { 1: EnterpriseRegisteredV1 };
  EnterpriseUpdated: { 1: EnterpriseUpdatedV1 };
  CadrePaired: { 1: CadrePairedV1 };
  CadreUnpaired: { 1: CadreUnpairedV1 };
  VisitRecorded: { 1: VisitRecordedV1 };
  DepartmentChanged: { 1: DepartmentChangedV1 };
  IssueSubmitted: { 1: IssueSubmittedV1 };
  IssueAssigned: { 1: IssueAssignedV1 };
  IssueAnswered: { 1: IssueAnsweredV1 };
  IssueClosed: { 1: IssueClosedV1 };
  IssueReopened: { 1: IssueReopenedV1 };
  IssueEscalated: { 1: IssueEscalatedV1 };
  RefusalSignedOff: { 1: RefusalSignedOffV1 };
  ReviewDecided: { 1: ReviewDecidedV1 };
}

export type EventType = keyof EventContracts;
export type LatestPayload<T extends EventType> = EventContracts[T][1];

export const EVENT_SUBJECT_PREFIX = 'sfw.events';

/** The NATS subject (and in-process topic) of an event type. */
export function eventSubject(type: string): string {
  return `${EVENT_SUBJECT_PREFIX}.${type}`;
}
