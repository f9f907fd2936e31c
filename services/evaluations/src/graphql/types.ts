import { AdministrativeLevel } from '@sfw/shared-types';
import { describedValues } from '@sfw/subgraph-kit';
import { Directive, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  COMPONENT_LABELS,
  CycleStatus,
  FLAG_LABELS,
  FlagCode,
  ObserverKind,
  ObserverVerdict,
  RATING_LABELS,
  RatingLevel,
  ScoreComponent,
  SubjectKind,
  VERDICT_LABELS,
} from '../model';

registerEnumType(RatingLevel, {
  name: 'RatingLevel',
  description: '评价等级（好差评五级）',
  valuesConfig: describedValues(RATING_LABELS),
});
registerEnumType(ObserverVerdict, {
  name: 'ObserverVerdict',
  description: '观察员结论',
  valuesConfig: describedValues(VERDICT_LABELS),
});
registerEnumType(ObserverKind, {
  name: 'ObserverKind',
  description: '观察员身份',
  valuesConfig: describedValues({
    MANAGER: '企业经营者',
    LAWYER: '律师',
    JOURNALIST: '媒体记者',
    DEPUTY: '人大代表/政协委员',
    OTHER: '其他',
  }),
});
registerEnumType(ScoreComponent, {
  name: 'ScoreComponent',
  description: '得分构成',
  valuesConfig: describedValues(COMPONENT_LABELS),
});
registerEnumType(FlagCode, {
  name: 'FlagCode',
  description: '预警',
  valuesConfig: describedValues(FLAG_LABELS),
});
registerEnumType(SubjectKind, {
  name: 'SubjectKind',
  description: '被评对象',
  valuesConfig: describedValues({ DEPARTMENT: '部门', CADRE: '助企服务员' }),
});
registerEnumType(CycleStatus, {
  name: 'CycleStatus',
  description: '评议周期状态',
  valuesConfig: describedValues({
    OPEN: '已开启',
    RUN: '已计算',
    PUBLISHED: '已发布（不可更改）',
    SUPERSEDED: '已被更正版本取代',
  }),
});

export enum RatingStatus {
  VALID = 'VALID',
  UNDER_APPEAL = 'UNDER_APPEAL',
  VOIDED = 'VOIDED',
}
registerEnumType(RatingStatus, {
  name: 'RatingStatus',
  valuesConfig: describedValues({
    VALID: '有效',
    UNDER_APPEAL: '申诉复核中（仍计分）',
    VOIDED: '申诉成立，已撤销（不计分）',
  }),
});
export enum RectificationStatus {
  OPEN = 'OPEN',
  VERIFIED = 'VERIFIED',
  REPORTED = 'REPORTED',
  CLOSED = 'CLOSED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(RectificationStatus, {
  name: 'RectificationStatus',
  description: '差评整改状态',
  valuesConfig: describedValues({
    OPEN: '待核实',
    VERIFIED: '已核实待整改',
    REPORTED: '已整改待回访',
    CLOSED: '已办结',
    CANCELLED: '已撤销（评价申诉成立）',
  }),
});
export enum RectificationOutcome {
  SATISFIED = 'SATISFIED',
  NOT_SATISFIED = 'NOT_SATISFIED',
  VOIDED = 'VOIDED',
}
registerEnumType(RectificationOutcome, {
  name: 'RectificationOutcome',
  valuesConfig: describedValues({
    SATISFIED: '回访满意',
    NOT_SATISFIED: '回访仍不满意',
    VOIDED: '评价已撤销',
  }),
});
export enum AppealGrounds {
  MALICIOUS = 'MALICIOUS',
  MISTAKEN = 'MISTAKEN',
}
registerEnumType(AppealGrounds, {
  name: 'AppealGrounds',
  description: '申诉理由类别',
  valuesConfig: describedValues({ MALICIOUS: '恶意差评', MISTAKEN: '误评' }),
});
export enum AppealDecision {
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
}
registerEnumType(AppealDecision, {
  name: 'AppealDecision',
  valuesConfig: describedValues({ ACCEPTED: '申诉成立，撤销评价', REJECTED: '申诉不成立，维持评价' }),
});
export enum FlagDisposition {
  CONFIRMED = 'CONFIRMED',
  DISMISSED = 'DISMISSED',
  NOTED = 'NOTED',
}
registerEnumType(FlagDisposition, {
  name: 'FlagDisposition',
  valuesConfig: describedValues({ CONFIRMED: '核实属实', DISMISSED: '排除', NOTED: '知悉' }),
});
export enum CallbackStatus {
  PENDING = 'PENDING',
  DONE = 'DONE',
}
registerEnumType(CallbackStatus, {
  name: 'CallbackStatus',
  valuesConfig: describedValues({ PENDING: '待回访', DONE: '已回访' }),
});
export enum CallbackReason {
  CANNOT_HANDLE = 'CANNOT_HANDLE',
  BAD_RATING = 'BAD_RATING',
  RANDOM = 'RANDOM',
  RECTIFICATION = 'RECTIFICATION',
}
registerEnumType(CallbackReason, {
  name: 'CallbackReason',
  valuesConfig: describedValues({
    CANNOT_HANDLE: '答复不能办（必访）',
    BAD_RATING: '差评（必访）',
    RANDOM: '分部门随机抽取',
    RECTIFICATION: '整改后回访',
  }),
});

// --- references to other subgraphs' entities ---------------------------------------------------

@Directive('@key(fields: "id")')
@ObjectType('Issue')
export class IssueRef {
  @Field(() => ID)
  id!: string;
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

// --- feedback ---------------------------------------------------------------------------------

/** 满意度评价 */
@Directive('@key(fields: "id")')
@ObjectType({ description: '满意度评价: an enterprise’s rating of one answered round of its appeal' })
export class Rating {
  @Field(() => ID)
  id!: string;

  issueId!: string;
  enterpriseId!: string;
  departmentId!: string | null;
  regionCode!: string;

  @Field(() => Int, { description: '办理轮次: a reopened and re-answered appeal is rated again' })
  round!: number;

  @Field(() => RatingLevel)
  level!: RatingLevel;

  @Field(() => RatingLevel, { nullable: true, description: '办理时效' })
  timeliness!: RatingLevel | null;

  @Field(() => RatingLevel, { nullable: true, description: '服务态度' })
  attitude!: RatingLevel | null;

  @Field(() => RatingLevel, { nullable: true, description: '办理结果' })
  result!: RatingLevel | null;

  @Field(() => String, { nullable: true })
  comment!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Who rated (only the enterprise, evaluators and administrators see it)',
  })
  ratedBy!: string | null;

  @Field(() => Date)
  ratedAt!: Date;

  @Field(() => Date, { description: 'When the rated answer was given' })
  answeredAt!: Date;

  @Field(() => RatingStatus)
  status!: RatingStatus;
}

@ObjectType({ description: 'Whether the enterprise may rate the latest answer now' })
export class RatingWindow {
  @Field(() => Int)
  round!: number;

  @Field(() => Date)
  answeredAt!: Date;

  @Field(() => Date)
  closesAt!: Date;

  @Field({ description: 'Not rated yet and the window is open' })
  open!: boolean;

  @Field()
  rated!: boolean;
}

/** 差评整改 */
@ObjectType({ description: '差评整改: the task a bad rating opens for the department' })
export class Rectification {
  @Field(() => ID)
  id!: string;

  ratingId!: string;
  issueId!: string;
  departmentId!: string | null;

  @Field(() => Int)
  round!: number;

  @Field(() => RectificationStatus)
  status!: RectificationStatus;

  @Field(() => Date)
  openedAt!: Date;

  @Field(() => Date, { description: '核实期限 (working days)' })
  verifyDue!: Date;

  @Field(() => Date, { description: '整改反馈期限 (working days)' })
  rectifyDue!: Date;

  @Field(() => Date, { nullable: true })
  verifiedAt!: Date | null;

  @Field(() => String, { nullable: true, description: '核实情况' })
  verification!: string | null;

  @Field(() => Date, { nullable: true })
  reportedAt!: Date | null;

  @Field(() => String, { nullable: true, description: '整改报告' })
  report!: string | null;

  @Field(() => Date, { nullable: true })
  closedAt!: Date | null;

  @Field(() => RectificationOutcome, { nullable: true })
  outcome!: RectificationOutcome | null;

  callbackId!: string | null;
}

/** 申诉复核 */
@ObjectType({
  description: '申诉复核: a department’s appeal against a rating, and the evaluator’s decision on record',
})
export class RatingAppeal {
  @Field(() => ID)
  id!: string;

  ratingId!: string;
  departmentId!: string | null;

  @Field(() => AppealGrounds)
  grounds!: AppealGrounds;

  @Field()
  reason!: string;

  @Field()
  filedBy!: string;

  @Field(() => Date)
  filedAt!: Date;

  @Field(() => AppealDecision, { nullable: true })
  decision!: AppealDecision | null;

  @Field(() => String, { nullable: true })
  decidedBy!: string | null;

  @Field(() => Date, { nullable: true })
  decidedAt!: Date | null;

  @Field(() => String, { nullable: true })
  decisionNote!: string | null;
}

/** 观察员评价 */
@ObjectType({ description: '观察员评价: a third party’s findings about a department' })
export class ObserverReview {
  @Field(() => ID)
  id!: string;

  departmentId!: string;

  @Field()
  observerName!: string;

  @Field(() => ObserverKind)
  observerKind!: ObserverKind;

  @Field({ description: 'YYYY-MM-DD' })
  reviewedOn!: string;

  @Field()
  findings!: string;

  @Field(() => ObserverVerdict)
  verdict!: ObserverVerdict;

  @Field()
  recordedBy!: string;

  @Field(() => Date)
  recordedAt!: Date;
}

/** 电话回访 */
@ObjectType({ description: '电话回访: one call of a cycle’s sample (or after a rectification)' })
export class Callback {
  @Field(() => ID)
  id!: string;

  issueId!: string;
  enterpriseId!: string;
  departmentId!: string | null;

  @Field(() => Int)
  round!: number;

  @Field(() => [CallbackReason])
  reasons!: CallbackReason[];

  @Field(() => CallbackStatus)
  status!: CallbackStatus;

  @Field(() => Boolean, { nullable: true, description: '是否接通' })
  reached!: boolean | null;

  @Field(() => RatingLevel, { nullable: true, description: 'The enterprise’s own rating on the phone' })
  level!: RatingLevel | null;

  @Field(() => Boolean, { nullable: true, description: '问题是否真正解决' })
  solved!: boolean | null;

  @Field(() => Boolean, { nullable: true, description: '与部门报告是否一致' })
  matchesRecord!: boolean | null;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => String, { nullable: true })
  calledBy!: string | null;

  @Field(() => Date, { nullable: true })
  calledAt!: Date | null;
}

@ObjectType()
export class CallbackPage {
  @Field(() => [Callback])
  nodes!: Callback[];

  @Field(() => Int)
  totalCount!: number;
}

// --- cycles and scores -----------------------------------------------------------------------

@ObjectType({ description: 'Weights of the score components (sum 1)' })
@InputType('WeightsInput', {
  description: 'Weights (each 0–1, all seven summing to 1); omitted ones keep their value',
})
export class CycleWeights {
  @Field(() => Float, { nullable: true })
  SATISFACTION!: number;
  @Field(() => Float, { nullable: true })
  RESOLUTION!: number;
  @Field(() => Float, { nullable: true })
  TIMELINESS!: number;
  @Field(() => Float, { nullable: true })
  REFUSALS!: number;
  @Field(() => Float, { nullable: true })
  REOPENS!: number;
  @Field(() => Float, { nullable: true })
  CALLBACK_AGREEMENT!: number;
  @Field(() => Float, { nullable: true })
  OBSERVER!: number;
}

@ObjectType('CycleSettings', { description: 'Scoring settings of a cycle' })
@InputType('CycleSettingsInput')
export class CycleSettingsType {
  @Field(() => Float, {
    nullable: true,
    description: '收缩强度: pseudo-observations at the cycle pool added to every component (default 20)',
  })
  priorWeight!: number;
  @Field(() => Int, {
    nullable: true,
    description: 'Fewer ratings or answers than this: SMALL_SAMPLE (default 10)',
  })
  minSample!: number;
  @Field(() => RatingLevel, {
    nullable: true,
    description: '逾期未评价按此等级计入; null (default): not counted',
  })
  unratedCountsAs!: RatingLevel | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Satisfaction (0–100) from which inflation is checked (default 90)',
  })
  inflatedSatisfactionAtLeast!: number;
  @Field(() => Float, {
    nullable: true,
    description: 'Refusal rate that makes high satisfaction suspect (default 0.3)',
  })
  inflatedRefusalRateAtLeast!: number;
  @Field(() => Float, {
    nullable: true,
    description: 'Resolution share below which high satisfaction is suspect (default 0.7)',
  })
  inflatedResolutionBelow!: number;
  @Field(() => Float, {
    nullable: true,
    description: 'Callback agreement below which high satisfaction is suspect (default 0.8)',
  })
  inflatedAgreementBelow!: number;
}

@ObjectType('SamplingPlan', { description: '回访抽样方案' })
@InputType('SamplingInput')
export class SamplingPlan {
  @Field(() => Float, {
    nullable: true,
    description: 'Random share of the other answers per department (default 0.05)',
  })
  share!: number;
  @Field(() => Int, {
    nullable: true,
    description: 'At least this many random calls per department (default 1)',
  })
  minPerDepartment!: number;
  @Field(() => Int, { nullable: true, description: 'Seed: same seed and data, same sample' })
  seed!: number;
}

/** 评议周期 */
@Directive('@key(fields: "id")')
@ObjectType({
  description: '评议周期: a review of departments and cadres over a period; immutable once published',
})
export class ReviewCycle {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: 'Shared by every version of the cycle' })
  seriesId!: string;

  @Field(() => Int)
  version!: number;

  correctsId!: string | null;

  @Field(() => String, { nullable: true, description: '更正理由 (versions after the first)' })
  correctionReason!: string | null;

  @Field()
  name!: string;

  @Field({ description: 'e.g. 2026, 2026-H1, 2026-Q3, 2026-10' })
  periodLabel!: string;

  @Field({ description: 'YYYY-MM-DD, first day' })
  periodStart!: string;

  @Field({ description: 'YYYY-MM-DD, the day after the last' })
  periodEnd!: string;

  @Field()
  regionCode!: string;

  @Field(() => AdministrativeLevel, {
    nullable: true,
    description: 'Only departments of this level (null: all)',
  })
  level!: AdministrativeLevel | null;

  @Field(() => CycleWeights)
  weights!: CycleWeights;

  @Field(() => CycleSettingsType)
  settings!: CycleSettingsType;

  @Field(() => SamplingPlan)
  sampling!: SamplingPlan;

  @Field(() => CycleStatus)
  status!: CycleStatus;

  @Field()
  createdBy!: string;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  sampledAt!: Date | null;

  @Field(() => Date, { nullable: true })
  runAt!: Date | null;

  @Field(() => Int, { nullable: true, description: 'How long the last run took (ms)' })
  runMs!: number | null;

  @Field(() => Date, { nullable: true })
  publishedAt!: Date | null;

  @Field(() => String, { nullable: true })
  publishedBy!: string | null;

  @Field(() => Date, { nullable: true })
  supersededAt!: Date | null;
}

@ObjectType()
export class CallbackDraw {
  @Field(() => ReviewCycle)
  cycle!: ReviewCycle;

  @Field(() => Int, { description: 'Calls added by this draw' })
  drawn!: number;

  @Field(() => Int, { description: 'Calls in the sample in all' })
  total!: number;
}

@ObjectType({ description: 'One component of a score, with what it was computed from' })
export class ScoreComponentResult {
  @Field(() => ScoreComponent)
  component!: ScoreComponent;

  @Field()
  label!: string;

  @Field(() => Float, {
    nullable: true,
    description:
      '0–100 as scored, shrunk toward the cycle pool (null: nobody in the cycle had data for it and its weight moved to the others, or the subject has no score)',
  })
  value!: number | null;

  @Field(() => Float, { nullable: true, description: 'Before shrinkage or capping' })
  raw!: number | null;

  @Field(() => Float, { description: 'Configured weight' })
  weight!: number;

  @Field(() => Float, { description: 'Weight applied after rescaling over the components with data' })
  appliedWeight!: number;

  @Field(() => Int)
  sampleSize!: number;

  @Field({ description: 'How it was computed' })
  note!: string;
}

@ObjectType({ description: 'The figures behind a score' })
export class ScoreFigures {
  @Field(() => Int) answers!: number;
  @Field(() => Int) ratings!: number;
  @Field(() => Int) unratedCounted!: number;
  @Field(() => Float, { nullable: true, description: '5 = 非常满意 … 1 = 非常不满意' }) ratingMean!:
    number | null;
  @Field(() => Float, { nullable: true }) resolvedShare!: number | null;
  @Field(() => Int) refusals!: number;
  @Field(() => Float, { nullable: true }) refusalRate!: number | null;
  @Field(() => Int) refusalsReviewed!: number;
  @Field(() => Int) refusalsOverturned!: number;
  @Field(() => Int) reopened!: number;
  @Field(() => Int) closed!: number;
  @Field(() => Int) closedOnTime!: number;
  @Field(() => Float, { nullable: true, description: '办结用时中位数 (working days)' })
  medianWorkdaysToClose!: number | null;
  @Field(() => Int) callbacksReached!: number;
  @Field(() => Int) callbacksMatched!: number;
  @Field(() => Float, { nullable: true }) callbackRatingMean!: number | null;
  @Field(() => Int) observerReviews!: number;
  @Field(() => Int) rectifications!: number;
  @Field(() => Int) lateRectifications!: number;
}

@ObjectType()
export class ScoreFlag {
  @Field(() => FlagCode)
  code!: FlagCode;

  @Field()
  label!: string;

  @Field()
  detail!: string;
}

@ObjectType({ description: 'A flag of a cycle and how an evaluator worked it' })
export class CycleFlag {
  cycleId!: string;

  @Field(() => SubjectKind)
  kind!: SubjectKind;

  @Field(() => ID)
  subjectId!: string;

  @Field(() => FlagCode)
  code!: FlagCode;

  @Field()
  detail!: string;

  @Field(() => FlagDisposition, { nullable: true })
  disposition!: FlagDisposition | null;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => String, { nullable: true })
  workedBy!: string | null;

  @Field(() => Date, { nullable: true })
  workedAt!: Date | null;
}

/** The fields both score types share. */
@ObjectType({ description: 'The fields of a department’s or a cadre’s score' })
export abstract class ScoreBase {
  cycleId!: string;
  subjectId!: string;
  departmentId!: string | null;

  @Field({ description: 'The period it scores' })
  periodLabel!: string;

  @Field(() => Float, { nullable: true, description: '综合得分 0–100 (null: nothing measured)' })
  score!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Rank in the cycle; equal scores share a rank (1, 2, 2, 4)',
  })
  rank!: number | null;

  @Field(() => Int, { description: 'How many were ranked' })
  rankedOf!: number;

  @Field(() => [ScoreComponentResult], {
    description: 'The explanation: every component, its weight and sample',
  })
  components!: ScoreComponentResult[];

  @Field(() => ScoreFigures)
  figures!: ScoreFigures;

  @Field(() => [ScoreFlag])
  flags!: ScoreFlag[];

  @Field({ description: 'True for a computed but unpublished result (evaluators only)' })
  provisional!: boolean;
}

@ObjectType({ description: '部门得分 for one review cycle' })
export class DepartmentScore extends ScoreBase {}

@ObjectType({ description: '助企服务员得分 for one review cycle' })
export class CadreScore extends ScoreBase {}

@ObjectType({ description: 'A place in one published cycle' })
export class RankingEntry {
  cycleId!: string;

  @Field()
  periodLabel!: string;

  @Field(() => Float, { nullable: true })
  score!: number | null;

  @Field(() => Int, { nullable: true })
  rank!: number | null;

  @Field(() => Int)
  rankedOf!: number;

  @Field(() => [FlagCode])
  flags!: FlagCode[];
}

// --- inputs --------------------------------------------------------------------------------------

@InputType({ description: '满意度评价' })
export class RateInput {
  @Field(() => ID)
  issueId!: string;

  @Field(() => Int, { nullable: true, description: 'Default: the latest answered round' })
  round?: number | null;

  @Field(() => RatingLevel)
  level!: RatingLevel;

  @Field(() => RatingLevel, { nullable: true })
  timeliness?: RatingLevel | null;

  @Field(() => RatingLevel, { nullable: true })
  attitude?: RatingLevel | null;

  @Field(() => RatingLevel, { nullable: true })
  result?: RatingLevel | null;

  @Field(() => String, { nullable: true })
  comment?: string | null;
}

@InputType({ description: 'What a call found' })
export class CallFindingsInput {
  @Field({ description: '是否接通' })
  reached!: boolean;

  @Field(() => RatingLevel, { nullable: true, description: 'Required when reached' })
  level?: RatingLevel | null;

  @Field(() => Boolean, { nullable: true, description: 'Required when reached' })
  solved?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Required when reached' })
  matchesRecord?: boolean | null;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType()
export class ObserverReviewInput {
  @Field(() => ID)
  departmentId!: string;

  @Field()
  observerName!: string;

  @Field(() => ObserverKind)
  observerKind!: ObserverKind;

  @Field({ description: 'YYYY-MM-DD' })
  reviewedOn!: string;

  @Field()
  findings!: string;

  @Field(() => ObserverVerdict)
  verdict!: ObserverVerdict;
}

@InputType()
export class OpenCycleInput {
  @Field()
  name!: string;

  @Field({ description: '2026, 2026-H1, 2026-Q3 or 2026-10' })
  period!: string;

  @Field({ description: 'Division code the cycle covers (a city covers its counties and townships)' })
  regionCode!: string;

  @Field(() => AdministrativeLevel, { nullable: true })
  level?: AdministrativeLevel | null;

  @Field(() => CycleWeights, { nullable: true })
  weights?: CycleWeights | null;

  @Field(() => CycleSettingsType, { nullable: true })
  settings?: CycleSettingsType | null;

  @Field(() => SamplingPlan, { nullable: true })
  sampling?: SamplingPlan | null;
}

@InputType()
export class UpdateCycleInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => CycleWeights, { nullable: true })
  weights?: CycleWeights | null;

  @Field(() => CycleSettingsType, { nullable: true })
  settings?: CycleSettingsType | null;

  @Field(() => SamplingPlan, { nullable: true })
  sampling?: SamplingPlan | null;
}

@InputType()
export class WorkFlagInput {
  @Field(() => ID)
  cycleId!: string;

  @Field(() => SubjectKind)
  kind!: SubjectKind;

  @Field(() => ID)
  subjectId!: string;

  @Field(() => FlagCode)
  code!: FlagCode;

  @Field(() => FlagDisposition)
  disposition!: FlagDisposition;

  @Field()
  note!: string;
}
