import { Role } from '@sfw/shared-types';
import {
  badInput,
  forbidden,
  grantFor,
  groupByKeys,
  hasRole,
  orderByKeys,
  roleRefusal,
  unauthenticated,
  type Grant,
} from '@sfw/subgraph-kit';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { readsAll, readsDepartment } from '../access';
import { accessRules } from '../access-rules';
import type { Context } from '../context';
import type { CycleRow, RankingRow, ResultRow } from '../cycle/cycle.service';
import type { RatingRow } from '../feedback/feedback.service';
import { COMPONENT_LABELS, CycleStatus, FLAG_LABELS, SubjectKind, type Weights } from '../model';
import { parsePeriod } from '../period';
import { cycleCsv, cycleReportHtml, type CycleReportInput } from '../report/report';
import {
  AppealDecision,
  AppealGrounds,
  CadreRef,
  CadreScore,
  Callback,
  CallbackDraw,
  CallbackPage,
  CallbackReason,
  CallbackStatus,
  CallFindingsInput,
  CycleFlag,
  DepartmentRef,
  DepartmentScore,
  EnterpriseRef,
  IssueRef,
  ObserverReview,
  ObserverReviewInput,
  OpenCycleInput,
  RankingEntry,
  RateInput,
  Rating,
  RatingAppeal,
  RatingStatus,
  RatingWindow,
  Rectification,
  RectificationStatus,
  ReviewCycle,
  UpdateCycleInput,
  WorkFlagInput,
} from './types';

const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, n));

function checkPeriod(period: string, field = 'period'): string {
  const p = parsePeriod(period);
  if (!p)
    throw badInput([
      {
        field,
        code: 'INVALID_PERIOD',
        message: `评议期间“${period.slice(0, 20)}”无法识别，应为 2026、2026-H1、2026-Q3 或 2026-10`,
        messageEn: `${field}: YYYY, YYYY-H1/H2, YYYY-Q1..Q4 or YYYY-MM`,
      },
    ]);
  return p.label;
}

function toScore<T extends DepartmentScore | CadreScore>(r: ResultRow, periodLabel: string): T {
  return {
    cycleId: r.cycleId,
    subjectId: r.subjectId,
    departmentId: r.departmentId,
    periodLabel: r.periodLabel ?? periodLabel,
    score: r.score,
    rank: r.rank,
    rankedOf: r.rankedOf,
    components: r.components.map((c) => ({ ...c, label: COMPONENT_LABELS[c.component] })),
    figures: r.figures,
    flags: (r.flagDetails ?? []).map((f) => ({ ...f, label: FLAG_LABELS[f.code] })),
    provisional: r.status !== undefined && r.status !== CycleStatus.PUBLISHED,
  } as unknown as T;
}

// --- feedback ------------------------------------------------------------------------------------

@Resolver(() => Rating)
export class RatingResolver {
  @Mutation(() => Rating, {
    description:
      '满意度评价 (enterprise users, their own appeal, once per answered round, within the window)',
  })
  rate(@Arg('input', () => RateInput) input: RateInput, @Ctx() ctx: Context): Promise<RatingRow> {
    return ctx.services.feedback.rate(input, ctx.viewer);
  }

  @Query(() => [Rating], { description: 'Ratings you may see, newest first (departments: their own)' })
  async ratings(
    @Ctx() ctx: Context,
    @Arg('departmentId', () => ID, { nullable: true }) departmentId: string | null,
    @Arg('period', () => String, { nullable: true, description: 'Answers of this period (2026, 2026-Q3, …)' })
    period: string | null,
    @Arg('badOnly', { defaultValue: false, description: 'Only 不满意 and 非常不满意' }) badOnly: boolean,
    @Arg('status', () => RatingStatus, { nullable: true }) status: RatingStatus | null,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
  ): Promise<RatingRow[]> {
    if (!ctx.viewer) throw unauthenticated();
    const p = period ? parsePeriod(checkPeriod(period)) : null;
    const { rows } = await ctx.services.feedback.listRatings(
      {
        departmentId,
        badOnly,
        status,
        from: p ? new Date(`${p.start}T00:00:00+08:00`) : null,
        to: p ? new Date(`${p.end}T00:00:00+08:00`) : null,
      },
      clamp(first, 1, 500),
      null,
      ctx.viewer,
    );
    return rows;
  }

  @FieldResolver(() => IssueRef)
  issue(@Root() r: RatingRow): IssueRef {
    return { id: r.issueId };
  }

  @FieldResolver(() => EnterpriseRef)
  enterprise(@Root() r: RatingRow): EnterpriseRef {
    return { id: r.enterpriseId };
  }

  @FieldResolver(() => DepartmentRef, {
    nullable: true,
    description: 'The department that gave the rated answer',
  })
  department(@Root() r: RatingRow): DepartmentRef | null {
    return r.departmentId ? { id: r.departmentId } : null;
  }

  @FieldResolver(() => Rectification, {
    nullable: true,
    description: 'The rectification task a bad rating opened',
  })
  rectification(@Root() r: RatingRow, @Ctx() ctx: Context): Promise<Rectification | null> {
    if (!hasRole(ctx.viewer, Role.ADMIN, Role.EVALUATOR, Role.DEPARTMENT, Role.LEADER))
      return Promise.resolve(null);
    return ctx.loaders
      .get<string, Rectification | null>('rectificationOfRating', async (ids) =>
        orderByKeys(
          ids,
          (await ctx.services.feedback.rectificationsOfRatings(ids)) as Rectification[],
          (x) => x.ratingId,
        ),
      )
      .load(r.id);
  }

  @FieldResolver(() => [RatingAppeal], { description: '申诉复核 of this rating (staff only)' })
  appeals(@Root() r: RatingRow, @Ctx() ctx: Context): Promise<RatingAppeal[]> {
    if (!hasRole(ctx.viewer, Role.ADMIN, Role.EVALUATOR, Role.DEPARTMENT, Role.LEADER))
      return Promise.resolve([]);
    return ctx.loaders
      .get<string, RatingAppeal[]>('appealsOfRating', async (ids) =>
        groupByKeys(
          ids,
          (await ctx.services.feedback.appealsOfRatings(ids)) as RatingAppeal[],
          (x) => x.ratingId,
        ),
      )
      .load(r.id);
  }
}

@Resolver(() => Rectification)
export class RectificationResolver {
  @Query(() => [Rectification], { description: '差评整改 tasks (departments: their own)' })
  rectifications(
    @Ctx() ctx: Context,
    @Arg('departmentId', () => ID, { nullable: true }) departmentId: string | null,
    @Arg('status', () => RectificationStatus, { nullable: true }) status: RectificationStatus | null,
    @Arg('overdue', { defaultValue: false, description: 'Only those past a due date and not done' })
    overdue: boolean,
  ): Promise<Rectification[]> {
    return ctx.services.feedback.listRectifications({ departmentId, status, overdue }, ctx.viewer) as Promise<
      Rectification[]
    >;
  }

  @Query(() => Rectification)
  rectification(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Rectification> {
    return ctx.services.feedback.rectification(id, ctx.viewer) as Promise<Rectification>;
  }

  @Mutation(() => Rectification, { description: '核实 (the department, within the verify deadline)' })
  verifyRectification(
    @Arg('id', () => ID) id: string,
    @Arg('verification') verification: string,
    @Ctx() ctx: Context,
  ): Promise<Rectification> {
    return ctx.services.feedback.verifyRectification(id, verification, ctx.viewer) as Promise<Rectification>;
  }

  @Mutation(() => Rectification, { description: '整改报告 (the department, within the rectify deadline)' })
  reportRectification(
    @Arg('id', () => ID) id: string,
    @Arg('report') report: string,
    @Ctx() ctx: Context,
  ): Promise<Rectification> {
    return ctx.services.feedback.reportRectification(id, report, ctx.viewer) as Promise<Rectification>;
  }

  @Mutation(() => Rectification, { description: '整改回访 (evaluators): a reached call closes the task' })
  recordRectificationCallback(
    @Arg('id', () => ID) id: string,
    @Arg('findings', () => CallFindingsInput) findings: CallFindingsInput,
    @Ctx() ctx: Context,
  ): Promise<Rectification> {
    return ctx.services.feedback.recordRectificationCallback(
      id,
      findings,
      ctx.viewer,
    ) as Promise<Rectification>;
  }

  @FieldResolver(() => Boolean, {
    description: 'Verified or reported after its due date (or still not, past it)',
  })
  late(@Root() t: Rectification): boolean {
    if (t.status === RectificationStatus.CANCELLED) return false;
    const now = Date.now();
    const v = t.verifiedAt ? new Date(t.verifiedAt).getTime() : now;
    const r = t.reportedAt ? new Date(t.reportedAt).getTime() : now;
    return v > new Date(t.verifyDue).getTime() || r > new Date(t.rectifyDue).getTime();
  }

  @FieldResolver(() => IssueRef)
  issue(@Root() t: Rectification): IssueRef {
    return { id: t.issueId };
  }

  @FieldResolver(() => DepartmentRef, { nullable: true })
  department(@Root() t: Rectification): DepartmentRef | null {
    return t.departmentId ? { id: t.departmentId } : null;
  }

  @FieldResolver(() => Callback, { nullable: true })
  async callback(@Root() t: Rectification, @Ctx() ctx: Context): Promise<Callback | null> {
    if (!t.callbackId) return null;
    const rows = (await ctx.services.cycles.callbacksByIds([t.callbackId])) as Callback[];
    return rows[0] ?? null;
  }
}

@Resolver(() => RatingAppeal)
export class RatingAppealResolver {
  @Mutation(() => RatingAppeal, {
    description: '申诉复核: the department appeals a rating it believes malicious or mistaken',
  })
  appealRating(
    @Arg('ratingId', () => ID) ratingId: string,
    @Arg('grounds', () => AppealGrounds) grounds: AppealGrounds,
    @Arg('reason') reason: string,
    @Ctx() ctx: Context,
  ): Promise<RatingAppeal> {
    return ctx.services.feedback.fileRatingAppeal(
      ratingId,
      grounds,
      reason,
      ctx.viewer,
    ) as Promise<RatingAppeal>;
  }

  @Mutation(() => RatingAppeal, {
    description: 'An evaluator decides an appeal; the decision is on record and final',
  })
  decideRatingAppeal(
    @Arg('id', () => ID) id: string,
    @Arg('decision', () => AppealDecision) decision: AppealDecision,
    @Arg('note') note: string,
    @Ctx() ctx: Context,
  ): Promise<RatingAppeal> {
    return ctx.services.feedback.decideRatingAppeal(id, decision, note, ctx.viewer) as Promise<RatingAppeal>;
  }

  @Query(() => [RatingAppeal], { description: 'Rating appeals (departments: their own)' })
  ratingAppeals(
    @Ctx() ctx: Context,
    @Arg('departmentId', () => ID, { nullable: true }) departmentId: string | null,
    @Arg('pending', { defaultValue: false }) pending: boolean,
  ): Promise<RatingAppeal[]> {
    return ctx.services.feedback.ratingAppeals({ departmentId, pending }, ctx.viewer) as Promise<
      RatingAppeal[]
    >;
  }

  @FieldResolver(() => Rating, { nullable: true })
  async rating(@Root() a: RatingAppeal, @Ctx() ctx: Context): Promise<RatingRow | null> {
    return (await ctx.services.feedback.ratingsByIds([a.ratingId], ctx.viewer))[0] ?? null;
  }

  @FieldResolver(() => DepartmentRef, { nullable: true })
  department(@Root() a: RatingAppeal): DepartmentRef | null {
    return a.departmentId ? { id: a.departmentId } : null;
  }
}

@Resolver(() => ObserverReview)
export class ObserverReviewResolver {
  @Mutation(() => ObserverReview, { description: '观察员评价 (evaluators record what an observer found)' })
  recordObserverReview(
    @Arg('input', () => ObserverReviewInput) input: ObserverReviewInput,
    @Ctx() ctx: Context,
  ): Promise<ObserverReview> {
    return ctx.services.feedback.recordObserverReview(input, ctx.viewer) as Promise<ObserverReview>;
  }

  @Query(() => [ObserverReview], {
    description: 'Observer reviews (departments: their own; leaders: their region)',
  })
  observerReviews(
    @Ctx() ctx: Context,
    @Arg('departmentId', () => ID, { nullable: true }) departmentId: string | null,
    @Arg('period', () => String, { nullable: true }) period: string | null,
  ): Promise<ObserverReview[]> {
    const p = period ? parsePeriod(checkPeriod(period)) : null;
    return ctx.services.feedback.observerReviews(
      { departmentId, from: p?.start ?? null, to: p?.end ?? null },
      ctx.viewer,
    ) as Promise<ObserverReview[]>;
  }

  @FieldResolver(() => DepartmentRef)
  department(@Root() o: ObserverReview): DepartmentRef {
    return { id: o.departmentId };
  }
}

@Resolver(() => Callback)
export class CallbackResolver {
  @Mutation(() => Callback, {
    description: '记录回访 (evaluators); may be recorded again until the cycle is published',
  })
  recordCallback(
    @Arg('id', () => ID) id: string,
    @Arg('findings', () => CallFindingsInput) findings: CallFindingsInput,
    @Ctx() ctx: Context,
  ): Promise<Callback> {
    return ctx.services.cycles.recordCallback(id, findings, ctx.viewer) as Promise<Callback>;
  }

  @FieldResolver(() => IssueRef)
  issue(@Root() c: Callback): IssueRef {
    return { id: c.issueId };
  }

  @FieldResolver(() => EnterpriseRef)
  enterprise(@Root() c: Callback): EnterpriseRef {
    return { id: c.enterpriseId };
  }

  @FieldResolver(() => DepartmentRef, { nullable: true })
  department(@Root() c: Callback): DepartmentRef | null {
    return c.departmentId ? { id: c.departmentId } : null;
  }
}

// --- cycles ----------------------------------------------------------------------------------------

@Resolver(() => ReviewCycle)
export class CycleResolver {
  @Query(() => ReviewCycle, { description: '评议周期 (unpublished ones: evaluators and administrators)' })
  reviewCycle(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<CycleRow> {
    return ctx.services.cycles.cycle(id, ctx.viewer);
  }

  @Query(() => [ReviewCycle], { description: 'Review cycles, newest period first' })
  reviewCycles(
    @Ctx() ctx: Context,
    @Arg('period', () => String, { nullable: true }) period: string | null,
    @Arg('status', () => CycleStatus, { nullable: true }) status: CycleStatus | null,
    @Arg('regionCode', () => String, { nullable: true }) regionCode: string | null,
  ): Promise<CycleRow[]> {
    return ctx.services.cycles.cycles({ period, status, regionCode }, ctx.viewer);
  }

  @Mutation(() => ReviewCycle, { description: '开启评议周期 (evaluators)' })
  openReviewCycle(
    @Arg('input', () => OpenCycleInput) input: OpenCycleInput,
    @Ctx() ctx: Context,
  ): Promise<CycleRow> {
    return ctx.services.cycles.open(
      {
        ...input,
        weights: input.weights as Partial<Weights> | null,
        settings: input.settings,
        sampling: input.sampling,
      },
      ctx.viewer,
    );
  }

  @Mutation(() => ReviewCycle, {
    description: 'Change an unpublished cycle (its results are cleared: run again)',
  })
  updateReviewCycle(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateCycleInput) input: UpdateCycleInput,
    @Ctx() ctx: Context,
  ): Promise<CycleRow> {
    return ctx.services.cycles.update(
      id,
      {
        name: input.name ?? undefined,
        weights: input.weights as Partial<Weights> | null,
        settings: input.settings,
        sampling: input.sampling,
      },
      ctx.viewer,
    );
  }

  @Mutation(() => CallbackDraw, { description: '抽取回访样本 (reproducible from the cycle’s seed)' })
  drawCallbacks(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.cycles.drawCallbacks(id, ctx.viewer);
  }

  @Mutation(() => ReviewCycle, { description: '计算: score every department and cadre in scope' })
  runReviewCycle(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<CycleRow> {
    return ctx.services.cycles.run(id, ctx.viewer);
  }

  @Mutation(() => CycleFlag, { description: '处理预警' })
  workFlag(@Arg('input', () => WorkFlagInput) input: WorkFlagInput, @Ctx() ctx: Context): Promise<CycleFlag> {
    return ctx.services.cycles.workFlag(input, ctx.viewer) as Promise<CycleFlag>;
  }

  @Mutation(() => ReviewCycle, {
    description: '发布: final and immutable; department flags must be worked first',
  })
  publishReviewCycle(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<CycleRow> {
    return ctx.services.cycles.publish(id, ctx.viewer);
  }

  @Mutation(() => ReviewCycle, { description: '更正: a new version of a published cycle, with a reason' })
  correctReviewCycle(
    @Arg('id', () => ID) id: string,
    @Arg('reason') reason: string,
    @Arg('input', () => UpdateCycleInput, { nullable: true }) input: UpdateCycleInput | null,
    @Ctx() ctx: Context,
  ): Promise<CycleRow> {
    return ctx.services.cycles.correct(
      id,
      reason,
      {
        name: input?.name ?? null,
        weights: input?.weights as Partial<Weights> | null,
        settings: input?.settings,
        sampling: input?.sampling,
      },
      ctx.viewer,
    );
  }

  @FieldResolver(() => ReviewCycle, { nullable: true, description: 'The version this one corrects' })
  corrects(@Root() c: CycleRow, @Ctx() ctx: Context): Promise<CycleRow> | null {
    return c.correctsId ? ctx.services.cycles.cycle(c.correctsId, ctx.viewer) : null;
  }

  @FieldResolver(() => [ReviewCycle], { description: 'Every version of this cycle, first to last' })
  async versions(@Root() c: CycleRow, @Ctx() ctx: Context): Promise<CycleRow[]> {
    const all = await ctx.services.cycles.versions(c.seriesId);
    return readsAll(ctx.viewer)
      ? all
      : all.filter((x) => x.status === CycleStatus.PUBLISHED || x.status === CycleStatus.SUPERSEDED);
  }

  @FieldResolver(() => [DepartmentScore], {
    description: 'Department results by rank (department staff: their own)',
  })
  async departmentResults(
    @Root() c: CycleRow,
    @Ctx() ctx: Context,
    @Arg('departmentId', () => ID, { nullable: true }) departmentId: string | null,
    @Arg('flagged', { defaultValue: false }) flagged: boolean,
  ): Promise<DepartmentScore[]> {
    const rows = await ctx.services.cycles.results(
      c,
      SubjectKind.DEPARTMENT,
      { departmentId, flagged },
      ctx.viewer,
    );
    return rows.map((r) => toScore<DepartmentScore>({ ...r, status: c.status }, c.periodLabel));
  }

  @FieldResolver(() => [CadreScore], { description: 'Cadre results by rank (a cadre: their own)' })
  async cadreResults(
    @Root() c: CycleRow,
    @Ctx() ctx: Context,
    @Arg('departmentId', () => ID, { nullable: true }) departmentId: string | null,
    @Arg('flagged', { defaultValue: false }) flagged: boolean,
  ): Promise<CadreScore[]> {
    const rows = await ctx.services.cycles.results(
      c,
      SubjectKind.CADRE,
      { departmentId, flagged },
      ctx.viewer,
    );
    return rows.map((r) => toScore<CadreScore>({ ...r, status: c.status }, c.periodLabel));
  }

  @FieldResolver(() => [CycleFlag], {
    description: 'Flags and how they were worked (evaluators and administrators)',
  })
  flags(
    @Root() c: CycleRow,
    @Ctx() ctx: Context,
    @Arg('open', { defaultValue: false, description: 'Only those not worked yet' }) open: boolean,
  ): Promise<CycleFlag[]> {
    if (!readsAll(ctx.viewer) && !hasRole(ctx.viewer, Role.LEADER))
      throw forbidden('只有评价员和领导可查看预警', 'flags are for evaluators and leaders');
    return ctx.services.cycles.flags(c.id, { open }) as Promise<CycleFlag[]>;
  }

  @FieldResolver(() => CallbackPage, { description: 'The callback sample (evaluators and administrators)' })
  async callbacks(
    @Root() c: CycleRow,
    @Ctx() ctx: Context,
    @Arg('status', () => CallbackStatus, { nullable: true }) status: CallbackStatus | null,
    @Arg('departmentId', () => ID, { nullable: true }) departmentId: string | null,
    @Arg('reason', () => CallbackReason, { nullable: true }) reason: CallbackReason | null,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
  ): Promise<CallbackPage> {
    if (!readsAll(ctx.viewer)) throw forbidden('只有评价员可查看回访样本', 'callbacks are for evaluators');
    const { rows, total } = await ctx.services.cycles.callbacks(
      c,
      { status, departmentId, reason },
      clamp(first, 1, 500),
      Math.max(0, offset),
    );
    return { nodes: rows as Callback[], totalCount: total };
  }

  @FieldResolver(() => String, { description: 'The results as CSV (UTF-8 with BOM, for Excel)' })
  async csv(
    @Root() c: CycleRow,
    @Ctx() ctx: Context,
    @Arg('kind', () => SubjectKind, { defaultValue: SubjectKind.DEPARTMENT }) kind: SubjectKind,
  ): Promise<string> {
    return cycleCsv(await reportInput(c, kind, ctx));
  }

  @FieldResolver(() => String, {
    description: 'A printable HTML report with charts (ranking, components, trend)',
  })
  async reportHtml(
    @Root() c: CycleRow,
    @Ctx() ctx: Context,
    @Arg('kind', () => SubjectKind, { defaultValue: SubjectKind.DEPARTMENT }) kind: SubjectKind,
  ): Promise<string> {
    return cycleReportHtml(await reportInput(c, kind, ctx));
  }
}

async function reportInput(c: CycleRow, kind: SubjectKind, ctx: Context): Promise<CycleReportInput> {
  if (!ctx.viewer) throw unauthenticated();
  if (!readsAll(ctx.viewer) && !hasRole(ctx.viewer, Role.LEADER))
    throw forbidden('只有评价员和领导可导出评议结果', 'exports are for evaluators and leaders');
  const results = await ctx.services.cycles.results(c, kind, {}, ctx.viewer);
  const names = await ctx.services.cycles.departmentNames(results.map((r) => r.departmentId ?? r.subjectId));
  const regionName = ctx.services.cycles.regionName(c.regionCode);
  return {
    cycle: {
      id: c.id,
      name: c.name,
      version: c.version,
      periodLabel: c.periodLabel,
      periodStart: c.periodStart,
      periodEnd: c.periodEnd,
      regionCode: c.regionCode,
      regionName,
      level: c.level,
      status: c.status,
      runAt: c.runAt ? new Date(c.runAt).toISOString() : null,
      publishedAt: c.publishedAt ? new Date(c.publishedAt).toISOString() : null,
      correctionReason: c.correctionReason,
      weights: c.weights,
    },
    subjects: results.map((r) => ({
      kind: r.kind,
      subjectId: r.subjectId,
      departmentId: r.departmentId,
      score: r.score,
      rank: r.rank,
      rankedOf: r.rankedOf,
      components: r.components,
      figures: r.figures,
      flags: r.flagDetails ?? [],
      name:
        kind === SubjectKind.DEPARTMENT
          ? (names.get(r.subjectId) ?? r.subjectId)
          : `助企服务员 ${r.subjectId.slice(0, 8)}`,
      departmentName: r.departmentId ? (names.get(r.departmentId) ?? null) : null,
    })),
    trend: await ctx.services.cycles.trend(c, kind),
    generatedAt: new Date().toISOString(),
  };
}

@Resolver(() => DepartmentScore)
export class DepartmentScoreFieldsResolver {
  @FieldResolver(() => DepartmentRef)
  department(@Root() r: DepartmentScore): DepartmentRef {
    return { id: r.subjectId };
  }

  @FieldResolver(() => ReviewCycle, {
    nullable: true,
    description: 'The review cycle (version) that computed it',
  })
  cycle(@Root() r: DepartmentScore, @Ctx() ctx: Context): Promise<CycleRow | null> {
    return ctx.services.cycles.cycle(r.cycleId, ctx.viewer).catch(() => null);
  }
}

@Resolver(() => CadreScore)
export class CadreScoreFieldsResolver {
  @FieldResolver(() => CadreRef)
  cadre(@Root() r: CadreScore): CadreRef {
    return { id: r.subjectId };
  }

  @FieldResolver(() => DepartmentRef, {
    nullable: true,
    description: 'The cadre’s department (from the pairings)',
  })
  department(@Root() r: CadreScore): DepartmentRef | null {
    return r.departmentId ? { id: r.departmentId } : null;
  }

  @FieldResolver(() => ReviewCycle, { nullable: true })
  cycle(@Root() r: CadreScore, @Ctx() ctx: Context): Promise<CycleRow | null> {
    return ctx.services.cycles.cycle(r.cycleId, ctx.viewer).catch(() => null);
  }
}

// --- fields on other subgraphs' entities ----------------------------------------------------------

@Resolver(() => IssueRef)
export class IssueRatingsResolver {
  @FieldResolver(() => [Rating], {
    description: '满意度评价 of this appeal, one per answered round (what you may see)',
  })
  ratings(@Root() i: IssueRef, @Ctx() ctx: Context): Promise<RatingRow[]> {
    return ctx.loaders
      .get<string, RatingRow[]>('ratingsOfIssue', async (ids) =>
        groupByKeys(ids, await ctx.services.feedback.ratingsOfIssues(ids, ctx.viewer), (r) => r.issueId),
      )
      .load(i.id);
  }

  @FieldResolver(() => RatingWindow, {
    nullable: true,
    description:
      'Whether the latest answer may be rated now (the enterprise and staff; null before any answer)',
  })
  async ratingWindow(@Root() i: IssueRef, @Ctx() ctx: Context): Promise<RatingWindow | null> {
    if (!ctx.viewer) return null;
    return ctx.loaders
      .get<string, RatingWindow | null>('ratingWindow', async (ids) =>
        orderByKeys(ids, await ctx.services.feedback.windowsOf(ids), (w) => w.issueId),
      )
      .load(i.id);
  }
}

async function scoreOf(
  ctx: Context,
  kind: SubjectKind,
  id: string,
  period: string,
  includeUnpublished: boolean,
): Promise<ResultRow | null> {
  const label = checkPeriod(period);
  const draft = includeUnpublished && readsAll(ctx.viewer);
  return ctx.loaders
    .get<string, ResultRow | null>(`score:${kind}:${label}:${draft}`, async (ids) => {
      const map = await ctx.services.cycles.scoresFor(kind, ids, label, draft);
      return ids.map((x) => map.get(x) ?? null);
    })
    .load(id);
}

@Resolver(() => DepartmentRef)
export class DepartmentScoreResolver {
  @FieldResolver(() => DepartmentScore, {
    nullable: true,
    description:
      '部门得分 for a period (2026, 2026-H1, 2026-Q3, 2026-10): the published review cycle’s result with its explanation; null when no published cycle scored it. The department itself, leaders of its region, evaluators and administrators.',
  })
  async score(
    @Root() d: DepartmentRef,
    @Ctx() ctx: Context,
    @Arg('period') period: string,
    @Arg('includeUnpublished', {
      defaultValue: false,
      description: 'Evaluators: a computed, unpublished run if newer',
    })
    includeUnpublished: boolean,
  ): Promise<DepartmentScore | null> {
    // Checked before the score is looked up: a department's score the viewer may not read is
    // refused whether or not there is one.
    if (addedFieldGrant(ctx, 'Department', 'score') === 'own') await assertReadsDepartment(ctx, d.id);
    const row = await scoreOf(ctx, SubjectKind.DEPARTMENT, d.id, period, includeUnpublished);
    if (!row) return null;
    return toScore<DepartmentScore>(row, period);
  }

  @FieldResolver(() => [RankingEntry], {
    description: 'Its rank in each published cycle, newest first (the trend)',
  })
  async ranking(
    @Root() d: DepartmentRef,
    @Ctx() ctx: Context,
    @Arg('last', () => Int, { defaultValue: 8 }) last: number,
  ): Promise<RankingEntry[]> {
    if (addedFieldGrant(ctx, 'Department', 'ranking') === 'own') await assertReadsDepartment(ctx, d.id);
    const n = clamp(last, 1, 50);
    return ctx.loaders
      .get<string, RankingEntry[]>(`ranking:DEPARTMENT:${n}`, async (ids) =>
        groupByKeys(
          ids,
          await ctx.services.cycles.rankingsOf(SubjectKind.DEPARTMENT, ids, n),
          (r) => r.subjectId,
        ),
      )
      .load(d.id);
  }
}

/**
 * The access table's grant for a field this subgraph adds to a department or a cadre
 * (src/access-rules.ts, `extends`): `none` is refused for the role, as on a root field; `own` is
 * left to the ownership checks below; `all` reads everything.
 */
function addedFieldGrant(ctx: Context, type: 'Department' | 'Cadre', field: 'score' | 'ranking'): Grant {
  const rule = accessRules.extends[type]?.[field];
  const grant = rule ? grantFor(rule.who, ctx.viewer) : 'none';
  if (grant === 'none') throw roleRefusal(ctx.viewer, `${type}.${field}`);
  return grant;
}

async function departmentRegion(ctx: Context, departmentId: string): Promise<string | null> {
  const region = await ctx.loaders
    .get<string, { regionCode: string } | null>('departmentRegion', async (ids) => {
      const map = await ctx.services.cycles.departmentRegions(ids);
      return ids.map((x) => map.get(x) ?? null);
    })
    .load(departmentId);
  return region?.regionCode ?? null;
}

/**
 * Whether the viewer owns a cadre's results (the `own` of Cadre.score and Cadre.ranking): the
 * cadre itself, its department's staff and leaders, and the leaders of that department's region.
 */
async function ownsCadreResult(ctx: Context, cadreId: string, departmentId: string | null): Promise<boolean> {
  const v = ctx.viewer;
  if (!v) return false;
  if (v.cadreId === cadreId) return true;
  if (!departmentId) return false;
  return readsDepartment(v, departmentId, await departmentRegion(ctx, departmentId));
}

async function assertReadsDepartment(ctx: Context, departmentId: string): Promise<void> {
  if (!ctx.viewer) throw unauthenticated();
  if (readsAll(ctx.viewer)) return;
  if (!readsDepartment(ctx.viewer, departmentId, await departmentRegion(ctx, departmentId)))
    throw forbidden(
      '只能查看本部门（或本地区）的评议得分',
      'only your own department’s (or region’s) scores',
    );
}

@Resolver(() => CadreRef)
export class CadreScoreResolver {
  @FieldResolver(() => CadreScore, {
    nullable: true,
    description:
      '助企服务员得分 for a period, over the appeals credited to the cadre (raised from their visits, or of the enterprises they were primary-paired with). The cadre, their department, leaders, evaluators and administrators.',
  })
  async score(
    @Root() c: CadreRef,
    @Ctx() ctx: Context,
    @Arg('period') period: string,
    @Arg('includeUnpublished', { defaultValue: false }) includeUnpublished: boolean,
  ): Promise<CadreScore | null> {
    const grant = addedFieldGrant(ctx, 'Cadre', 'score');
    const row = await scoreOf(ctx, SubjectKind.CADRE, c.id, period, includeUnpublished);
    if (!row) return null;
    // A cadre the viewer does not own has no score for it, exactly like one never scored: the
    // cadres it may not see are not to be told apart from missing ones.
    if (grant === 'own' && !(await ownsCadreResult(ctx, c.id, row.departmentId))) return null;
    return toScore<CadreScore>(row, period);
  }

  @FieldResolver(() => [RankingEntry], { description: 'Its rank in each published cycle, newest first' })
  async ranking(
    @Root() c: CadreRef,
    @Ctx() ctx: Context,
    @Arg('last', () => Int, { defaultValue: 8 }) last: number,
  ): Promise<RankingEntry[]> {
    const grant = addedFieldGrant(ctx, 'Cadre', 'ranking');
    const n = clamp(last, 1, 50);
    const entries = await ctx.loaders
      .get<string, RankingRow[]>(`ranking:CADRE:${n}`, async (ids) =>
        groupByKeys(ids, await ctx.services.cycles.rankingsOf(SubjectKind.CADRE, ids, n), (r) => r.subjectId),
      )
      .load(c.id);
    if (grant !== 'own') return entries;
    // Only the cycles in which the viewer owns the cadre's result (it may have changed department).
    const kept: RankingEntry[] = [];
    for (const e of entries) if (await ownsCadreResult(ctx, c.id, e.departmentId)) kept.push(e);
    return kept;
  }
}
