import { describedValues, PageInfo } from '@sfw/subgraph-kit';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  AdministrativeLevel,
  IssueOutcome,
  IssueScope,
  IssueSource,
  ProblemDomain,
  SignOffRole,
} from '@sfw/shared-types';
import { IssueStatus, STATUS_LABELS } from './lifecycle';

registerEnumType(IssueStatus, {
  name: 'IssueStatus',
  description: '诉求状态',
  valuesConfig: describedValues(STATUS_LABELS),
});
// The shared vocabulary's enums (AdministrativeLevel, ProblemDomain, IssueSource, …) are registered by the kit.

export enum ReviewDecision {
  UPHELD = 'UPHELD',
  OVERTURNED = 'OVERTURNED',
}
registerEnumType(ReviewDecision, {
  name: 'ReviewDecision',
  valuesConfig: {
    UPHELD: { description: '维持“不能办”' },
    OVERTURNED: { description: '推翻，二次交办' },
  },
});

/** 红黄绿 triage colour, managed dynamically. */
export enum IssueColour {
  RED = 'RED',
  YELLOW = 'YELLOW',
  GREEN = 'GREEN',
}
/** Who sees a timeline entry (see ENTRY_VISIBILITY in lifecycle.ts). */
export enum EntryAudience {
  PUBLIC = 'PUBLIC',
  INTERNAL = 'INTERNAL',
}
registerEnumType(EntryAudience, {
  name: 'EntryAudience',
  description: '时间线可见范围: PUBLIC 企业可见 / INTERNAL 仅办理方可见',
});

registerEnumType(IssueColour, {
  name: 'IssueColour',
  valuesConfig: {
    RED: { description: '红: overdue (or first response overdue)' },
    YELLOW: { description: '黄: difficult, or due within 2 working days' },
    GREEN: { description: '绿: on track' },
  },
});

/** 诉求 */
@Directive('@key(fields: "id")')
@ObjectType({ description: '诉求 (an enterprise appeal)' })
export class Issue {
  @Field(() => ID)
  id!: string;

  @Field({ description: '编号, e.g. SQ2026-000123' })
  no!: string;

  enterpriseId!: string;

  @Field()
  regionCode!: string;

  @Field(() => IssueSource)
  source!: IssueSource;

  visitId!: string | null;

  @Field()
  title!: string;

  @Field()
  description!: string;

  @Field(() => [ProblemDomain])
  categories!: ProblemDomain[];

  @Field(() => IssueScope)
  scope!: IssueScope;

  @Field(() => AdministrativeLevel)
  level!: AdministrativeLevel;

  @Field({ description: '疑难: handled as difficult (yellow at least)' })
  difficult!: boolean;

  @Field(() => IssueStatus)
  status!: IssueStatus;

  @Field(() => Int, { description: 'Round of handling: 1, then +1 at every reopening' })
  round!: number;

  @Field()
  submittedAt!: Date;

  @Field({ description: 'First response (受理) due: 24 hours after submission by default' })
  firstResponseDue!: Date;

  @Field(() => Date, { nullable: true })
  acceptedAt!: Date | null;

  @Field(() => String, { nullable: true, description: '首问负责人' })
  firstResponderName!: string | null;

  firstResponder!: string | null;
  leadDepartmentId!: string | null;
  coDepartmentIds!: string[];

  @Field(() => String, { nullable: true, description: '承办人 (account of the handler)' })
  handler!: string | null;

  @Field(() => ID, { nullable: true, description: 'Task force or service group in charge (cadres subgraph)' })
  taskForceId!: string | null;

  @Field(() => Date, { nullable: true })
  assignedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'Plan due (working day 3 by default), pauses excluded' })
  planDue!: Date | null;

  @Field(() => Date, { nullable: true, description: 'Feedback due (working day 6)' })
  feedbackDue!: Date | null;

  @Field(() => Date, { nullable: true, description: 'Close due (working day 10)' })
  closeDue!: Date | null;

  @Field(() => String, { nullable: true })
  plan!: string | null;

  @Field(() => Date, { nullable: true })
  planAt!: Date | null;

  @Field(() => Date, { nullable: true })
  feedbackAt!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'Set while waiting for the enterprise: the clock is paused',
  })
  pausedSince!: Date | null;

  @Field(() => IssueOutcome, { nullable: true })
  outcome!: IssueOutcome | null;

  @Field(() => String, { nullable: true })
  answer!: string | null;

  @Field(() => Date, { nullable: true })
  answeredAt!: Date | null;

  @Field(() => Date, { nullable: true })
  confirmedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  closedAt!: Date | null;

  @Field(() => Int)
  reopenCount!: number;

  @Field(() => Int)
  escalationCount!: number;

  mergedIntoId!: string | null;
  commonProblemId!: string | null;

  @Field(() => Int)
  version!: number;

  @Field()
  updatedAt!: Date;
}

@ObjectType({ description: 'One immutable entry of the timeline: who, when, from → to, note' })
export class TimelineEntry {
  @Field(() => ID)
  id!: string;

  @Field()
  at!: Date;

  @Field({ description: 'Account of the actor' })
  actor!: string;

  @Field(() => String, { nullable: true })
  actorName!: string | null;

  @Field(() => [String])
  actorRoles!: string[];

  @Field()
  action!: string;

  @Field({ description: 'The action in Chinese' })
  actionLabel!: string;

  @Field(() => IssueStatus, { nullable: true })
  fromStatus!: IssueStatus | null;

  @Field(() => IssueStatus, { nullable: true })
  toStatus!: IssueStatus | null;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => EntryAudience, {
    description: 'PUBLIC: the enterprise sees this step; INTERNAL: only the handling side does',
  })
  audience!: EntryAudience;
}

@ObjectType({ description: 'A sign-off of a refusal' })
export class RefusalSignOff {
  @Field(() => SignOffRole)
  role!: SignOffRole;

  @Field()
  signer!: string;

  @Field(() => String, { nullable: true })
  signerName!: string | null;

  @Field()
  decision!: string;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field()
  at!: Date;
}

@ObjectType({ description: '“不能办”: the written reason, its basis, and the sign-offs in order' })
export class Refusal {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  round!: number;

  departmentId!: string;

  @Field()
  reason!: string;

  @Field(() => String, { nullable: true, description: 'Legal or policy basis (依据)' })
  basis!: string | null;

  @Field({ description: 'PENDING, APPROVED (reached the enterprise), RETURNED (sent back)' })
  status!: string;

  @Field(() => SignOffRole, { nullable: true, description: 'Who must sign next' })
  nextRole!: SignOffRole | null;

  @Field()
  proposedAt!: Date;

  @Field(() => [RefusalSignOff])
  signOffs!: RefusalSignOff[];
}

@ObjectType({ description: '说"不"评议: a review case of a refusal' })
export class ReviewCase {
  @Field(() => ID)
  id!: string;

  refusalId!: string;

  @Field()
  requestedAt!: Date;

  @Field()
  requestReason!: string;

  @Field(() => String, { nullable: true })
  hearingOn!: string | null;

  @Field(() => [String])
  panel!: string[];

  @Field(() => String, { nullable: true })
  record!: string | null;

  @Field(() => String, { nullable: true, description: 'UPHELD or OVERTURNED' })
  decision!: string | null;

  @Field(() => Date, { nullable: true })
  decidedAt!: Date | null;
}

@Directive('@key(fields: "id")')
@ObjectType('Enterprise')
export class EnterpriseRef {
  @Field(() => ID)
  id!: string;
}

@Directive('@key(fields: "id")')
@ObjectType('Department')
export class DepartmentRef {
  @Field(() => ID)
  id!: string;
}

@Directive('@key(fields: "id")')
@ObjectType('Cadre')
export class CadreRef {
  @Field(() => ID)
  id!: string;
}

@Directive('@key(fields: "id")')
@ObjectType('ServiceGroup')
export class ServiceGroupRef {
  @Field(() => ID)
  id!: string;
}

@Directive('@key(fields: "id")')
@ObjectType('Visit')
export class VisitRef {
  @Field(() => ID)
  id!: string;
}

/** The kit's shared PageInfo (@shareable), re-exported for this subgraph's connections. */
export { PageInfo };
