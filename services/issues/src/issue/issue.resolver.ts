import {
  Arg,
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Info,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import {
  AdministrativeLevel,
  IssueOutcome,
  IssueScope,
  IssueSource,
  ProblemDomain,
  Role,
} from '@sfw/shared-types';
import { isStaff, selectsField } from '@sfw/subgraph-kit';
import type { Context } from '../context';
import { entryForEnterprise, IssueStatus, publicStatus } from './lifecycle';
import {
  CadreRef,
  DepartmentRef,
  EnterpriseRef,
  Issue,
  IssueColour,
  PageInfo,
  Refusal,
  ReviewCase,
  ReviewDecision,
  ServiceGroupRef,
  TimelineEntry,
  VisitRef,
} from './issue.types';

@InputType()
export class SubmitIssueInput {
  @Field(() => ID, {
    nullable: true,
    description: 'Required for staff; an enterprise user submits for itself',
  })
  enterpriseId?: string;

  @Field(() => IssueSource, {
    nullable: true,
    description: 'Default: ONLINE for an enterprise, VISIT with visitId, else HOTLINE_12345',
  })
  source?: IssueSource;

  @Field(() => ID, { nullable: true, description: 'The visit (走访) the problem was found in' })
  visitId?: string;

  @Field()
  title!: string;

  @Field()
  description!: string;

  @Field(() => [ProblemDomain])
  categories!: ProblemDomain[];

  @Field(() => IssueScope, { nullable: true })
  scope?: IssueScope;

  @Field(() => AdministrativeLevel, {
    nullable: true,
    description: 'Default: the enterprise’s township, else county',
  })
  level?: AdministrativeLevel;

  @Field({ nullable: true, description: '疑难' })
  difficult?: boolean;
}

@InputType()
export class AssignIssueInput {
  @Field(() => ID, { description: '牵头部门' })
  leadDepartmentId!: string;

  @Field(() => [ID], { nullable: true, description: '协办部门' })
  coDepartmentIds?: string[];

  @Field({ nullable: true, description: '承办人 (account)' })
  handler?: string;

  @Field(() => ID, { nullable: true, description: 'A task force or service group from the cadres subgraph' })
  taskForceId?: string;

  @Field({ nullable: true })
  note?: string;
}

@InputType()
export class DecideReviewInput {
  @Field(() => ReviewDecision)
  decision!: ReviewDecision;

  @Field({ nullable: true, description: 'Hearing date, YYYY-MM-DD' })
  hearingOn?: string;

  @Field(() => [String], { nullable: true, description: 'Panel members (评议团)' })
  panel?: string[];

  @Field({ description: 'The record of the hearing' })
  record!: string;
}

@InputType({ description: 'Filters combine with AND' })
export class IssueFilter {
  @Field(() => [IssueStatus], { nullable: true })
  statuses?: IssueStatus[];

  @Field({ nullable: true, description: 'True: not answered/closed yet; false: finished' })
  open?: boolean;

  @Field(() => ID, { nullable: true })
  enterpriseId?: string;

  @Field(() => ID, { nullable: true, description: 'Lead or co-handling department' })
  departmentId?: string;

  @Field({ nullable: true, description: 'A division code and everything below it' })
  regionCode?: string;

  @Field(() => AdministrativeLevel, { nullable: true })
  level?: AdministrativeLevel;

  @Field(() => ProblemDomain, { nullable: true })
  category?: ProblemDomain;

  @Field({ nullable: true, description: 'Past due (a paused appeal is not overdue while paused)' })
  overdue?: boolean;

  @Field(() => Int, { nullable: true, description: 'Open and due within this many working days' })
  dueWithinWorkdays?: number;

  @Field({ nullable: true, description: 'Escalated at least once (提级)' })
  escalated?: boolean;

  @Field({ nullable: true, description: 'Part of the title, or the number' })
  search?: string;
}

@ArgsType()
export class IssuesArgs {
  @Field(() => IssueFilter, { nullable: true })
  filter?: IssueFilter;

  @Field(() => Int, { defaultValue: 20, description: 'Page size, at most 100' })
  first!: number;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

@ObjectType()
export class IssueEdge {
  @Field()
  cursor!: string;

  @Field(() => Issue)
  node!: Issue;
}

@ObjectType()
export class IssueConnection {
  @Field(() => [IssueEdge])
  edges!: IssueEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}

@ObjectType({ description: 'A department’s open work' })
export class DepartmentWorkload {
  @Field(() => Int)
  open!: number;

  @Field(() => Int)
  overdue!: number;

  @Field(() => Int, { description: 'Due within 2 working days' })
  dueSoon!: number;

  @Field(() => Int, { description: '“不能办” awaiting sign-off' })
  refusalsPending!: number;

  @Field(() => Int)
  answeredThisMonth!: number;
}

const ENTERPRISE_USER = [Role.ENTERPRISE];

@Resolver(() => Issue)
export class IssueResolver {
  @Authorized()
  @Query(() => Issue, { nullable: true })
  async issue(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Issue | null> {
    const [found] = await ctx.services.issues.findByIds([id], ctx.viewer);
    return found ?? null;
  }

  @Authorized()
  @Query(() => IssueConnection, {
    description:
      'Appeals (诉求), newest first. Administrators and evaluators see all; leaders their region; department staff those their department leads or co-handles; cadres those of their paired enterprises; an enterprise user its own',
  })
  async issues(
    @Args() args: IssuesArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<IssueConnection> {
    const q = ctx.services.queries;
    const page = await q.list(
      args.filter ?? {},
      args.first,
      args.after ?? null,
      ctx.viewer,
      selectsField(info, 'totalCount'),
    );
    const edges = page.rows.map((node) => ({ node, cursor: q.cursorOf(node) }));
    return {
      edges,
      totalCount: page.totalCount ?? 0,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }

  @Authorized(Role.ENTERPRISE, Role.CADRE, Role.ADMIN, Role.DEPARTMENT)
  @Mutation(() => Issue, { description: '提交诉求' })
  submitIssue(
    @Arg('input', () => SubmitIssueInput) input: SubmitIssueInput,
    @Ctx() ctx: Context,
  ): Promise<Issue> {
    return ctx.services.issues.submit(input, ctx.viewer);
  }

  @Authorized(Role.ADMIN, Role.DEPARTMENT, Role.CADRE)
  @Mutation(() => Issue, { description: '受理 (first response; you become the 首问负责人)' })
  acceptIssue(
    @Arg('id', () => ID) id: string,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.issues.accept(id, ctx.viewer, note);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Issue, { description: '交办 (or re-assign while open)' })
  assignIssue(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => AssignIssueInput) input: AssignIssueInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.issues.assign(id, input, ctx.viewer);
  }

  @Authorized(Role.DEPARTMENT)
  @Mutation(() => Issue, { description: '提交办理方案 (the lead department)' })
  startIssue(@Arg('id', () => ID) id: string, @Arg('plan') plan: string, @Ctx() ctx: Context) {
    return ctx.services.issues.start(id, plan, ctx.viewer);
  }

  @Authorized(Role.DEPARTMENT)
  @Mutation(() => Issue, { description: '反馈进展 (lead or co-handling department)' })
  reportIssueProgress(@Arg('id', () => ID) id: string, @Arg('note') note: string, @Ctx() ctx: Context) {
    return ctx.services.issues.feedback(id, note, ctx.viewer);
  }

  @Authorized(Role.DEPARTMENT)
  @Mutation(() => Issue, { description: '请企业补充: the clock pauses' })
  askEnterprise(@Arg('id', () => ID) id: string, @Arg('question') question: string, @Ctx() ctx: Context) {
    return ctx.services.issues.awaitEnterprise(id, question, ctx.viewer);
  }

  @Authorized(Role.DEPARTMENT, Role.ENTERPRISE)
  @Mutation(() => Issue, { description: '恢复办理 (the enterprise answered, or the department resumes)' })
  resumeIssue(
    @Arg('id', () => ID) id: string,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.issues.resume(id, note, ctx.viewer);
  }

  @Authorized(Role.DEPARTMENT)
  @Mutation(() => Issue, {
    description: '答复 (RESOLVED or PARTLY_RESOLVED; “cannot handle” goes through proposeRefusal)',
  })
  answerIssue(
    @Arg('id', () => ID) id: string,
    @Arg('outcome', () => IssueOutcome) outcome: IssueOutcome,
    @Arg('answer') answer: string,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.issues.answer(id, outcome, answer, ctx.viewer);
  }

  @Authorized(Role.DEPARTMENT)
  @Mutation(() => Issue, {
    description:
      '提出“不能办”: a written reason and its basis; reaches the enterprise only after three sign-offs',
  })
  proposeRefusal(
    @Arg('id', () => ID) id: string,
    @Arg('reason') reason: string,
    @Arg('basis', () => String, { nullable: true }) basis: string | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.issues.proposeRefusal(id, reason, basis, ctx.viewer);
  }

  @Authorized(Role.DEPARTMENT, Role.LEADER)
  @Mutation(() => Issue, {
    description:
      '签批 in order (科室负责人 → 分管领导 → 部门负责人), three distinct people; approve or send back',
  })
  signOffRefusal(
    @Arg('id', () => ID) id: string,
    @Arg('approve') approve: boolean,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.issues.signOff(id, approve ? 'APPROVED' : 'RETURNED', note, ctx.viewer);
  }

  @Authorized(...ENTERPRISE_USER)
  @Mutation(() => Issue, { description: '确认办结 (the enterprise)' })
  confirmIssue(
    @Arg('id', () => ID) id: string,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.issues.confirm(id, ctx.viewer, note);
  }

  @Authorized(...ENTERPRISE_USER)
  @Mutation(() => Issue, { description: '重新办理 (the enterprise is not satisfied): a new round' })
  reopenIssue(@Arg('id', () => ID) id: string, @Arg('reason') reason: string, @Ctx() ctx: Context) {
    return ctx.services.issues.reopen(id, reason, ctx.viewer);
  }

  @Authorized(Role.ADMIN, Role.DEPARTMENT)
  @Mutation(() => Issue, { description: '销号' })
  closeIssue(
    @Arg('id', () => ID) id: string,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.issues.close(id, ctx.viewer, note);
  }

  @Authorized(...ENTERPRISE_USER)
  @Mutation(() => Issue, { description: '撤回 (the enterprise)' })
  withdrawIssue(@Arg('id', () => ID) id: string, @Arg('reason') reason: string, @Ctx() ctx: Context) {
    return ctx.services.issues.withdraw(id, reason, ctx.viewer);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Issue, { description: '并单: a duplicate of the same enterprise’s other appeal' })
  mergeIssue(
    @Arg('id', () => ID) id: string,
    @Arg('intoId', () => ID) intoId: string,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.issues.merge(id, intoId, note, ctx.viewer);
  }

  @Authorized(Role.ADMIN, Role.DEPARTMENT, Role.LEADER)
  @Mutation(() => Issue, { description: '提级: township → county → city; a task force may be put in charge' })
  escalateIssue(
    @Arg('id', () => ID) id: string,
    @Arg('reason') reason: string,
    @Arg('taskForceId', () => ID, { nullable: true }) taskForceId: string | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.issues.escalate(id, reason, taskForceId, ctx.viewer);
  }

  @Authorized(...ENTERPRISE_USER)
  @Mutation(() => Issue, { description: '申请说“不”评议 of a signed-off refusal' })
  requestRefusalReview(@Arg('id', () => ID) id: string, @Arg('reason') reason: string, @Ctx() ctx: Context) {
    return ctx.services.issues.requestReview(id, reason, ctx.viewer);
  }

  @Authorized(Role.ADMIN, Role.EVALUATOR)
  @Mutation(() => Issue, { description: '评议决定: UPHELD, or OVERTURNED (二次交办 with new deadlines)' })
  decideRefusalReview(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => DecideReviewInput) input: DecideReviewInput,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.issues.decideReview(id, input, ctx.viewer);
  }

  @FieldResolver(() => IssueColour, { description: '红黄绿, recomputed at every read' })
  colour(@Root() i: Issue, @Ctx() ctx: Context): IssueColour {
    return ctx.services.issues.colourOf(i);
  }

  @FieldResolver(() => Boolean, { description: 'Past its due date now (not while paused)' })
  overdue(@Root() i: Issue, @Ctx() ctx: Context): boolean {
    return ctx.services.issues.colourOf(i) === IssueColour.RED && i.answeredAt === null;
  }

  @FieldResolver(() => EnterpriseRef)
  enterprise(@Root() i: Issue): EnterpriseRef {
    return { id: i.enterpriseId };
  }

  @FieldResolver(() => VisitRef, { nullable: true })
  visit(@Root() i: Issue): VisitRef | null {
    return i.visitId ? { id: i.visitId } : null;
  }

  @FieldResolver(() => DepartmentRef, { nullable: true, description: '牵头部门' })
  leadDepartment(@Root() i: Issue): DepartmentRef | null {
    return i.leadDepartmentId ? { id: i.leadDepartmentId } : null;
  }

  @FieldResolver(() => ServiceGroupRef, {
    nullable: true,
    description: 'The task force (专班) or service group in charge, from the cadres subgraph',
  })
  taskForce(@Root() i: Issue): ServiceGroupRef | null {
    return i.taskForceId ? { id: i.taskForceId } : null;
  }

  @FieldResolver(() => [DepartmentRef], { description: '协办部门' })
  coDepartments(@Root() i: Issue): DepartmentRef[] {
    return i.coDepartmentIds.map((id) => ({ id }));
  }

  @FieldResolver(() => Issue, { nullable: true, description: 'The appeal this one was merged into' })
  async mergedInto(@Root() i: Issue, @Ctx() ctx: Context): Promise<Issue | null> {
    if (!i.mergedIntoId) return null;
    const [found] = await ctx.services.issues.findByIds([i.mergedIntoId], ctx.viewer);
    return found ?? null;
  }

  @FieldResolver(() => [TimelineEntry], {
    description: 'Every change, oldest first; entries are never altered',
  })
  async timeline(@Root() i: Issue, @Ctx() ctx: Context): Promise<TimelineEntry[]> {
    const entries = await ctx.loaders
      .get<string, TimelineEntry[]>('timeline', (ids) => ctx.services.queries.timelines(ids))
      .load(i.id);
    if (isStaff(ctx.viewer)) return entries;
    // The enterprise sees the public steps only (ENTRY_VISIBILITY), and no internal status.
    const out: TimelineEntry[] = [];
    for (const e of entries) {
      const v = entryForEnterprise(e.action, e.toStatus);
      if (!v) continue;
      out.push({
        ...e,
        note: v === 'PUBLIC' ? e.note : null,
        fromStatus: e.fromStatus && publicStatus(e.fromStatus),
        toStatus: e.toStatus && publicStatus(e.toStatus),
      });
    }
    return out;
  }

  @FieldResolver(() => IssueStatus, {
    description: 'The status; to the enterprise a refusal awaiting sign-off is still IN_PROGRESS',
  })
  status(@Root() i: Issue, @Ctx() ctx: Context): IssueStatus {
    return isStaff(ctx.viewer) ? i.status : publicStatus(i.status);
  }

  @FieldResolver(() => [Refusal], {
    description:
      '“不能办” proposals with their sign-offs; the enterprise sees only the answers sent to it (APPROVED), and who signed them, without their notes',
  })
  async refusals(@Root() i: Issue, @Ctx() ctx: Context): Promise<Refusal[]> {
    const all = await ctx.loaders
      .get<string, Refusal[]>('refusals', (ids) => ctx.services.queries.refusals(ids))
      .load(i.id);
    if (isStaff(ctx.viewer)) return all;
    return all
      .filter((r) => r.status === 'APPROVED')
      .map((r) => ({ ...r, nextRole: null, signOffs: r.signOffs.map((so) => ({ ...so, note: null })) }));
  }

  @FieldResolver(() => [ReviewCase], {
    description: '说"不"评议 cases; the enterprise sees the decision, not the panel’s record',
  })
  async reviews(@Root() i: Issue, @Ctx() ctx: Context): Promise<ReviewCase[]> {
    const all = await ctx.loaders
      .get<string, ReviewCase[]>('reviews', (ids) => ctx.services.queries.reviews(ids))
      .load(i.id);
    return isStaff(ctx.viewer) ? all : all.map((r) => ({ ...r, record: null }));
  }
}

/** Fields added to entities of other subgraphs; one query per batch. */
function issuesOf(
  kind: 'enterprise' | 'department' | 'visit' | 'cadre',
  ctx: Context,
  id: string,
  first: number,
  open: boolean,
) {
  const limit = Math.max(0, Math.min(100, first));
  return ctx.loaders
    .get<string, Issue[]>(`issuesBy:${kind}:${limit}:${open}`, (ids) =>
      ctx.services.queries.byKeys(kind, ids, limit, open, ctx.viewer),
    )
    .load(id);
}

@Resolver(() => EnterpriseRef)
export class EnterpriseIssuesResolver {
  @FieldResolver(() => [Issue], { description: '诉求 of the enterprise, newest first (what you may see)' })
  issues(
    @Root() e: EnterpriseRef,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('open', { defaultValue: false, description: 'Only those still open' }) open: boolean,
    @Ctx() ctx: Context,
  ): Promise<Issue[]> {
    return issuesOf('enterprise', ctx, e.id, first, open);
  }
}

@Resolver(() => DepartmentRef)
export class DepartmentIssuesResolver {
  @FieldResolver(() => [Issue], { description: 'Appeals the department leads or co-handles' })
  issues(
    @Root() d: DepartmentRef,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('open', { defaultValue: true }) open: boolean,
    @Ctx() ctx: Context,
  ): Promise<Issue[]> {
    return issuesOf('department', ctx, d.id, first, open);
  }

  @FieldResolver(() => DepartmentWorkload, { nullable: true, description: 'Open work (staff only)' })
  async workload(@Root() d: DepartmentRef, @Ctx() ctx: Context): Promise<DepartmentWorkload | null> {
    if (!isStaff(ctx.viewer)) return null;
    return ctx.loaders
      .get<string, DepartmentWorkload>('workload', (ids) => ctx.services.queries.workload(ids))
      .load(d.id);
  }
}

@Resolver(() => CadreRef)
export class CadreIssuesResolver {
  @FieldResolver(() => [Issue], { description: 'Appeals of the enterprises paired with the cadre' })
  issues(
    @Root() c: CadreRef,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('open', { defaultValue: true }) open: boolean,
    @Ctx() ctx: Context,
  ): Promise<Issue[]> {
    return issuesOf('cadre', ctx, c.id, first, open);
  }
}

@Resolver(() => VisitRef)
export class VisitIssuesResolver {
  @FieldResolver(() => [Issue], { description: 'Appeals raised from this visit' })
  issues(@Root() v: VisitRef, @Ctx() ctx: Context): Promise<Issue[]> {
    return issuesOf('visit', ctx, v.id, 100, false);
  }
}
