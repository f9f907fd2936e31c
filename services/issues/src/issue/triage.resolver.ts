import {
  Arg,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  Float,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  registerEnumType,
  Resolver,
  Root,
} from 'type-graphql';
import { AdministrativeLevel, IssueOutcome, ProblemDomain, Role } from '@sfw/shared-types';
import type { Context } from '../context';
import { DepartmentRef, Issue } from './issue.types';

const STAFF = [Role.ADMIN, Role.EVALUATOR, Role.LEADER, Role.DEPARTMENT, Role.CADRE];

export enum SupervisionKind {
  WEEKLY = 'WEEKLY',
  MONTHLY = 'MONTHLY',
}
registerEnumType(SupervisionKind, {
  name: 'SupervisionKind',
  valuesConfig: {
    WEEKLY: { description: '周提醒: overdue or due within 5 working days, first response missed' },
    MONTHLY: {
      description:
        '月督办: everything on the weekly list, and also escalated, reopened, refusals awaiting sign-off',
    },
  },
});

@ObjectType({ description: 'A likely duplicate (same enterprise) or a sibling appeal (common problem)' })
export class SimilarIssue {
  @Field(() => Issue)
  issue!: Issue;

  @Field(() => Float, { description: 'Character n-gram similarity with a shared-category bonus, 0–1' })
  score!: number;

  @Field({ description: 'Same enterprise: a candidate for 并单' })
  sameEnterprise!: boolean;

  @Field(() => [ProblemDomain])
  sharedCategories!: ProblemDomain[];
}

@ObjectType({ description: 'Appeals of several enterprises that read alike: a candidate 共性问题' })
export class CommonProblemSuggestion {
  @Field(() => [Issue])
  issues!: Issue[];

  @Field(() => Int)
  enterprises!: number;

  @Field(() => [ProblemDomain])
  categories!: ProblemDomain[];
}

@ObjectType({ description: '共性问题: handled once, the outcome passed to each member appeal' })
export class CommonProblem {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field(() => [ProblemDomain])
  categories!: ProblemDomain[];

  leadDepartmentId!: string | null;

  @Field({ description: 'OPEN or ANSWERED' })
  status!: string;

  @Field(() => IssueOutcome, { nullable: true })
  outcome!: IssueOutcome | null;

  @Field(() => String, { nullable: true })
  answer!: string | null;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  answeredAt!: Date | null;
}

@ObjectType({ description: 'Time limits for a region prefix ("" = everywhere) and category ("" = any)' })
export class DeadlineRule {
  @Field()
  regionPrefix!: string;

  @Field()
  category!: string;

  @Field(() => Int)
  firstResponseHours!: number;

  @Field(() => Int, { description: 'Working days' })
  planDays!: number;

  @Field(() => Int, { description: 'Working days' })
  feedbackDays!: number;

  @Field(() => Int, { description: 'Working days' })
  closeDays!: number;
}

@InputType()
export class DeadlineRuleInput {
  @Field({ nullable: true, description: 'A division code: applies there and below; absent = everywhere' })
  regionCode?: string;

  @Field(() => ProblemDomain, { nullable: true, description: 'Absent = any category' })
  category?: ProblemDomain;

  @Field(() => Int)
  firstResponseHours!: number;

  @Field(() => Int)
  planDays!: number;

  @Field(() => Int)
  feedbackDays!: number;

  @Field(() => Int)
  closeDays!: number;
}

@InputType()
export class CommonProblemInput {
  @Field()
  title!: string;

  @Field(() => [ProblemDomain])
  categories!: ProblemDomain[];

  @Field(() => [ID], { description: 'At least two appeals, of any enterprises' })
  issueIds!: string[];

  @Field(() => ID, { nullable: true })
  leadDepartmentId?: string;
}

@InputType()
export class ReassignRefusalsInput {
  @Field(() => ID, { nullable: true })
  departmentId?: string;

  @Field({ nullable: true })
  regionCode?: string;

  @Field({ description: 'Answered from this day, YYYY-MM-DD' })
  from!: string;

  @Field({ description: 'Answered up to this day, YYYY-MM-DD' })
  to!: string;

  @Field({ description: 'What the second assignment asks for' })
  note!: string;
}

@ObjectType()
export class SupervisionItem {
  @Field(() => Issue)
  issue!: Issue;

  @Field(() => [String], { description: 'Why it is on the list' })
  reasons!: string[];
}

@Resolver(() => CommonProblem)
export class TriageResolver {
  @Authorized(...STAFF, Role.ENTERPRISE)
  @Query(() => [SimilarIssue], {
    description:
      'Appeals like this text (same categories, similar Chinese text), to check before submitting or when triaging; you see only what you may read',
  })
  similarIssues(
    @Arg('title') title: string,
    @Arg('description', { defaultValue: '' }) description: string,
    @Arg('categories', () => [ProblemDomain], { defaultValue: [] }) categories: ProblemDomain[],
    @Arg('enterpriseId', () => ID, { nullable: true }) enterpriseId: string | null,
    @Arg('first', () => Int, { defaultValue: 10 }) first: number,
    @Ctx() ctx: Context,
  ): Promise<SimilarIssue[]> {
    return ctx.services.triage.similar(
      {
        text: `${title} ${description}`,
        categories,
        enterpriseId: enterpriseId ?? ctx.viewer?.enterpriseId ?? null,
      },
      ctx.viewer,
      { limit: Math.max(1, Math.min(first, 50)) },
    );
  }

  @Authorized(Role.ADMIN, Role.EVALUATOR, Role.LEADER, Role.DEPARTMENT)
  @Query(() => [CommonProblemSuggestion], {
    description:
      'Groups of open appeals of two or more enterprises that read alike: candidates for a common problem',
  })
  commonProblemSuggestions(
    @Arg('regionCode', () => String, { nullable: true }) regionCode: string | null,
    @Arg('category', () => ProblemDomain, { nullable: true }) category: ProblemDomain | null,
    @Arg('sinceDays', () => Int, { defaultValue: 90 }) sinceDays: number,
    @Arg('threshold', () => Float, { defaultValue: 0.45 }) threshold: number,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.triage.suggestCommonProblems(
      { regionCode, category, sinceDays, threshold },
      ctx.viewer,
    );
  }

  @Authorized(...STAFF)
  @Query(() => [CommonProblem])
  commonProblems(
    @Arg('status', () => String, { nullable: true }) status: string | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.triage.commonProblems(null, status);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => CommonProblem, { description: '归并共性问题: group appeals of many enterprises' })
  createCommonProblem(
    @Arg('input', () => CommonProblemInput) input: CommonProblemInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.triage.createCommonProblem(input, ctx.viewer);
  }

  @Authorized(Role.ADMIN, Role.DEPARTMENT)
  @Mutation(() => CommonProblem, {
    description: 'Answer once; every member appeal still in hand is answered with it',
  })
  answerCommonProblem(
    @Arg('id', () => ID) id: string,
    @Arg('outcome', () => IssueOutcome) outcome: IssueOutcome,
    @Arg('answer') answer: string,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.triage.answerCommonProblem(id, outcome, answer, ctx.viewer);
  }

  @Authorized(Role.ADMIN, Role.LEADER)
  @Mutation(() => [Issue], {
    description:
      '二次交办 in bulk: every “cannot handle” answer of a department or region in a period goes back to work',
  })
  reassignRefusals(
    @Arg('input', () => ReassignRefusalsInput) input: ReassignRefusalsInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.triage.reassignRefusals(input, ctx.viewer);
  }

  @Authorized(...STAFF)
  @Query(() => [DeadlineRule], {
    description: 'Time limits; the most specific rule (region, then category) applies',
  })
  deadlineRules(@Ctx() ctx: Context) {
    return ctx.services.triage.deadlineRules();
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => [DeadlineRule], {
    description: 'Set the time limits of a region and/or category (applies to appeals accepted from now on)',
  })
  setDeadlineRule(@Arg('input', () => DeadlineRuleInput) input: DeadlineRuleInput, @Ctx() ctx: Context) {
    return ctx.services.triage.setDeadlineRule(input, ctx.viewer);
  }

  @Authorized(Role.ADMIN, Role.EVALUATOR, Role.LEADER, Role.DEPARTMENT)
  @Query(() => [SupervisionItem], { description: '周提醒 / 月督办 lists per department, level and region' })
  supervisionList(
    @Arg('kind', () => SupervisionKind) kind: SupervisionKind,
    @Arg('departmentId', () => ID, { nullable: true }) departmentId: string | null,
    @Arg('level', () => AdministrativeLevel, { nullable: true }) level: AdministrativeLevel | null,
    @Arg('regionCode', () => String, { nullable: true }) regionCode: string | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.triage.supervision(kind, { departmentId, level, regionCode }, ctx.viewer);
  }

  @FieldResolver(() => DepartmentRef, { nullable: true })
  leadDepartment(@Root() cp: CommonProblem): DepartmentRef | null {
    return cp.leadDepartmentId ? { id: cp.leadDepartmentId } : null;
  }

  @FieldResolver(() => [Issue], { description: 'The member appeals you may see' })
  async issues(@Root() cp: CommonProblem, @Ctx() ctx: Context): Promise<Issue[]> {
    const page = await ctx.services.queries.listByCommonProblem(cp.id, ctx.viewer);
    return page;
  }
}

@Resolver(() => Issue)
export class IssueTriageFieldsResolver {
  @FieldResolver(() => [SimilarIssue], { description: 'Likely duplicates and siblings of this appeal' })
  similar(
    @Root() i: Issue,
    @Arg('first', () => Int, { defaultValue: 5 }) first: number,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.triage.similar(
      {
        text: `${i.title} ${i.description}`,
        categories: i.categories,
        excludeId: i.id,
        enterpriseId: i.enterpriseId,
      },
      ctx.viewer,
      { limit: Math.max(1, Math.min(first, 20)) },
    );
  }

  @FieldResolver(() => CommonProblem, { nullable: true })
  async commonProblem(@Root() i: Issue, @Ctx() ctx: Context): Promise<CommonProblem | null> {
    if (!i.commonProblemId) return null;
    const [cp] = await ctx.services.triage.commonProblems([i.commonProblemId], null);
    return (cp as CommonProblem | undefined) ?? null;
  }
}
