import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ProblemDomain, VisitKind, VisitQuestion } from '@sfw/shared-types';
import { PageInfo, Visit, VisitStatus } from '../types';

@InputType({ description: 'A problem found during a visit; it becomes an appeal in the issues subgraph' })
export class VisitProblemInput {
  @Field()
  title!: string;

  @Field({ nullable: true })
  description?: string;

  @Field(() => ProblemDomain)
  domain!: ProblemDomain;
}

@InputType()
export class PlanVisitInput {
  @Field(() => ID, { nullable: true, description: 'Default: the signed-in cadre' })
  cadreId?: string;

  @Field(() => ID)
  enterpriseId!: string;

  @Field({ description: 'YYYY-MM-DD, today or later' })
  plannedOn!: string;

  @Field(() => VisitKind, { defaultValue: VisitKind.ON_SITE })
  kind!: VisitKind;

  @Field(() => [VisitQuestion])
  questions!: VisitQuestion[];

  @Field({ nullable: true })
  notes?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Visit as a member of this service group (called in for the enterprise)',
  })
  serviceGroupId?: string;

  @Field({ nullable: true, description: 'Why to go ahead despite a recent visit on the same question' })
  overrideReason?: string;
}

@InputType()
export class RecordVisitInput {
  @Field(() => ID, { nullable: true, description: 'Complete this planned visit' })
  planId?: string;

  @Field(() => ID, { nullable: true, description: 'Default: the signed-in cadre' })
  cadreId?: string;

  @Field(() => ID)
  enterpriseId!: string;

  @Field({ description: 'YYYY-MM-DD, not in the future' })
  visitedOn!: string;

  @Field(() => VisitKind, { defaultValue: VisitKind.ON_SITE })
  kind!: VisitKind;

  @Field(() => [VisitQuestion])
  questions!: VisitQuestion[];

  @Field({ nullable: true })
  notes?: string;

  @Field(() => [VisitProblemInput], { defaultValue: [] })
  problems!: VisitProblemInput[];

  @Field(() => ID, { nullable: true })
  serviceGroupId?: string;

  @Field({ nullable: true })
  overrideReason?: string;
}

@InputType({ description: 'Filters combine with AND' })
export class VisitFilter {
  @Field(() => ID, { nullable: true })
  cadreId?: string;

  @Field(() => ID, { nullable: true })
  departmentId?: string;

  @Field(() => ID, { nullable: true })
  enterpriseId?: string;

  @Field(() => ID, { nullable: true })
  serviceGroupId?: string;

  @Field({ nullable: true, description: 'From this day, YYYY-MM-DD' })
  from?: string;

  @Field({ nullable: true, description: 'Up to this day, YYYY-MM-DD' })
  to?: string;

  @Field(() => VisitStatus, { nullable: true })
  status?: VisitStatus;

  @Field(() => VisitQuestion, { nullable: true })
  question?: VisitQuestion;
}

@ArgsType()
export class VisitsArgs {
  @Field(() => VisitFilter, { nullable: true })
  filter?: VisitFilter;

  @Field(() => Int, { defaultValue: 20, description: 'Page size, at most 100' })
  first!: number;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

@ObjectType()
export class VisitEdge {
  @Field()
  cursor!: string;

  @Field(() => Visit)
  node!: Visit;
}

@ObjectType()
export class VisitConnection {
  @Field(() => [VisitEdge])
  edges!: VisitEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}

@ObjectType({ description: '扎堆走访 check: who came recently, and on which of your questions' })
export class VisitCrowding {
  @Field(() => Int)
  windowDays!: number;

  @Field({ description: 'Window start, YYYY-MM-DD' })
  from!: string;

  @Field({ description: 'Window end, YYYY-MM-DD' })
  to!: string;

  @Field(() => [Visit], { description: 'Every visit made or planned in the window, by any department' })
  recent!: Visit[];

  @Field(() => [Visit], { description: 'Those covering one of the questions asked about' })
  conflicts!: Visit[];

  @Field({ description: 'True when a visit on these questions may be planned without an override' })
  clear!: boolean;
}
