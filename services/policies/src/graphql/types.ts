import { describedValues } from '@sfw/subgraph-kit';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Directive, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  APPLICATION_STATUS_LABELS,
  ApplicationStatus,
  BENEFIT_LABELS,
  BenefitKind,
  CATEGORY_LABELS,
  POLICY_STATUS_LABELS,
  PolicyCategory,
  PolicyStatus,
} from '../policy/model';
import { TotalsGrouping } from '../policy/totals.service';

registerEnumType(PolicyCategory, {
  name: 'PolicyCategory',
  description: '政策类别',
  valuesConfig: describedValues(CATEGORY_LABELS),
});
registerEnumType(BenefitKind, {
  name: 'BenefitKind',
  description: '兑现方式',
  valuesConfig: describedValues(BENEFIT_LABELS),
});
registerEnumType(PolicyStatus, {
  name: 'PolicyStatus',
  description: '政策状态',
  valuesConfig: describedValues(POLICY_STATUS_LABELS),
});
registerEnumType(ApplicationStatus, {
  name: 'ApplicationStatus',
  description: '申报状态',
  valuesConfig: describedValues(APPLICATION_STATUS_LABELS),
});
registerEnumType(TotalsGrouping, {
  name: 'PolicyTotalsGrouping',
  valuesConfig: describedValues({
    POLICY: '按政策',
    DEPARTMENT: '按部门',
    REGION: '按区县',
    MONTH: '按月份（兑付月）',
  }),
});

// --- references -----------------------------------------------------------------------------

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

// --- policies ---------------------------------------------------------------------------------

/** 惠企政策 */
@Directive('@key(fields: "id")')
@ObjectType({ description: '惠企政策: a business-support policy with machine-checkable eligibility' })
export class Policy {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field()
  summary!: string;

  departmentId!: string;

  @Field({ description: 'The region it applies to (and everything below it)' })
  regionCode!: string;

  @Field(() => PolicyCategory)
  category!: PolicyCategory;

  @Field(() => BenefitKind)
  benefitKind!: BenefitKind;

  @Field(() => GraphQLJSONObject, {
    description:
      'How the amount is computed: {kind: FIXED, amount} | {kind: SHARE, baseLabel, share, cap, min} | {kind: NONE} (元)',
  })
  amountRule!: Record<string, unknown>;

  @Field(() => [String], { description: '申报材料 the enterprise must provide' })
  materials!: string[];

  @Field(() => GraphQLJSONObject, { description: 'The eligibility rule (see the README for the language)' })
  rule!: Record<string, unknown>;

  @Field({ description: '免申即享: granted to every eligible enterprise without application' })
  autoGrant!: boolean;

  @Field(() => Int, { description: 'Working days from approval to payout (刚性兑现)' })
  payoutWorkdays!: number;

  @Field({ description: 'YYYY-MM-DD' })
  validFrom!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, inclusive' })
  validTo!: string | null;

  replaces!: string[];

  status!: PolicyStatus;

  @Field(() => String, { nullable: true, description: 'Why it was withdrawn (e.g. 并入《…》)' })
  statusReason!: string | null;

  @Field(() => Int)
  version!: number;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;

  @Field(() => Date, { nullable: true })
  publishedAt!: Date | null;
}

@ObjectType()
export class PolicyPage {
  @Field(() => [Policy])
  nodes!: Policy[];

  @Field(() => Int)
  totalCount!: number;
}

@ObjectType({ description: 'One condition of a rule and whether it holds for the enterprise' })
export class RuleCondition {
  @Field({ description: 'Where it is in the rule, e.g. rule.all[1]' })
  path!: string;

  @Field()
  text!: string;

  @Field()
  holds!: boolean;
}

@ObjectType({ description: 'Whether an enterprise is eligible, and why' })
export class Eligibility {
  @Field()
  eligible!: boolean;

  @Field(() => [RuleCondition])
  conditions!: RuleCondition[];
}

@ObjectType({ description: 'A policy an enterprise is eligible for, with the reasons' })
export class EligiblePolicy {
  @Field(() => Policy)
  policy!: Policy;

  @Field(() => Date)
  matchedAt!: Date;

  @Field(() => [RuleCondition])
  conditions!: RuleCondition[];

  @Field(() => Float, {
    nullable: true,
    description: 'The most it can bring (null: depends on the declared base)',
  })
  maxAmount!: number | null;

  enterpriseId!: string;
}

@ObjectType({ description: '政策推送: a match pushed to the enterprise once' })
export class PolicyPush {
  @Field(() => ID)
  id!: string;

  policyId!: string;
  enterpriseId!: string;

  @Field(() => Date)
  pushedAt!: Date;

  @Field(() => Date, { nullable: true })
  readAt!: Date | null;
}

@ObjectType()
export class EnterprisePage {
  @Field(() => [EnterpriseRef])
  nodes!: EnterpriseRef[];

  @Field(() => Int)
  totalCount!: number;
}

// --- applications ---------------------------------------------------------------------------

@ObjectType({ description: '申报材料' })
@InputType('MaterialInput')
export class MaterialType {
  @Field()
  name!: string;

  @Field({ description: 'Where the file is (storage key or URL)' })
  reference!: string;
}

@ObjectType({ description: 'A step of an application' })
export class ApplicationStep {
  @Field(() => Date)
  at!: Date;

  @Field()
  actor!: string;

  @Field()
  action!: string;

  @Field(() => ApplicationStatus, { nullable: true })
  fromStatus!: ApplicationStatus | null;

  @Field(() => ApplicationStatus)
  toStatus!: ApplicationStatus;

  @Field(() => String, { nullable: true })
  note!: string | null;
}

/** 审批依据 */
@ObjectType({ description: '审批依据: what a grant or approval relied on' })
export class GrantBasis {
  @Field(() => Int, {
    nullable: true,
    description: "The enterprise's version in the enterprises subgraph's change record (Enterprise.changes)",
  })
  recordVersion!: number | null;

  @Field({ description: 'ABOVE_DESIGNATED (规上), BELOW_DESIGNATED (规下) or SMALL_MICRO (小微)' })
  scale!: string;

  @Field()
  industryCode!: string;

  @Field()
  regionCode!: string;

  @Field(() => [String])
  tags!: string[];

  @Field(() => Float, { nullable: true, description: '注册资本 (万元)' })
  registeredCapital!: number | null;

  @Field(() => Int, { nullable: true })
  employees!: number | null;

  @Field(() => String, { nullable: true })
  foundedOn!: string | null;

  @Field({ description: 'When these values were taken' })
  takenAt!: Date;
}

/** 政策申报 */
@Directive('@key(fields: "id")')
@ObjectType({ description: '政策申报 (or a grant without application): from submission to payout' })
export class Application {
  @Field(() => ID)
  id!: string;

  @Field({ description: '编号, e.g. ZC2026-0000012 (MS… for a grant without application)' })
  no!: string;

  policyId!: string;
  enterpriseId!: string;
  departmentId!: string;

  @Field()
  regionCode!: string;

  @Field({ description: '免申即享 grant' })
  auto!: boolean;

  @Field(() => Float, { nullable: true, description: '申报基数 (元)' })
  declaredBase!: number | null;

  @Field(() => [MaterialType])
  materials!: MaterialType[];

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => Float, { nullable: true, description: 'What the amount rule allows for the declared base' })
  requestedAmount!: number | null;

  @Field(() => ApplicationStatus)
  status!: ApplicationStatus;

  @Field(() => Date)
  submittedAt!: Date;

  @Field(() => String, { nullable: true })
  decisionNote!: string | null;

  @Field(() => Date, { nullable: true })
  decidedAt!: Date | null;

  @Field(() => Float, { nullable: true })
  approvedAmount!: number | null;

  @Field(() => Date, { nullable: true, description: '兑付期限' })
  payoutDue!: Date | null;

  @Field(() => GrantBasis, {
    nullable: true,
    description:
      '依据: the enterprise attributes the approval or grant relied on, and the change-record version they come from',
  })
  basis!: GrantBasis | null;

  @Field(() => Float, { nullable: true })
  paidAmount!: number | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  paidOn!: string | null;

  @Field(() => String, { nullable: true })
  payoutReference!: string | null;

  @Field(() => Int)
  version!: number;
}

@ObjectType()
export class ApplicationPage {
  @Field(() => [Application])
  nodes!: Application[];

  @Field(() => Int)
  totalCount!: number;
}

@ObjectType({ description: '兑现统计 row' })
export class PolicyTotals {
  @Field()
  key!: string;

  @Field()
  label!: string;

  @Field(() => Float, { description: '兑付金额 (元)' })
  paidAmount!: number;

  @Field(() => Int, { description: '兑付企业次' })
  enterpriseTimes!: number;

  @Field(() => Float)
  approvedAmount!: number;

  @Field(() => Int)
  applications!: number;

  @Field(() => Int, { description: '免申即享 grants' })
  grants!: number;

  @Field(() => Int, { nullable: true, description: 'Enterprises eligible now (by policy)' })
  eligible!: number | null;

  @Field(() => Int)
  applied!: number;

  @Field(() => Float, { nullable: true, description: 'applied / eligible' })
  takeUp!: number | null;

  @Field(() => Int)
  latePayouts!: number;
}

@ObjectType({ description: 'A policy few eligible enterprises applied for (应享未享)' })
export class LowTakeUp {
  policyId!: string;

  @Field(() => Int)
  eligible!: number;

  @Field(() => Int)
  applied!: number;

  @Field(() => Float)
  takeUp!: number;
}

// --- inputs ---------------------------------------------------------------------------------

@InputType()
export class PolicyInput {
  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  summary?: string | null;

  @Field(() => ID, { nullable: true, description: 'Default: your department' })
  departmentId?: string | null;

  @Field()
  regionCode!: string;

  @Field(() => PolicyCategory)
  category!: PolicyCategory;

  @Field(() => BenefitKind)
  benefitKind!: BenefitKind;

  @Field(() => GraphQLJSONObject)
  amountRule!: Record<string, unknown>;

  @Field(() => [String], { nullable: true })
  materials?: string[] | null;

  @Field(() => GraphQLJSONObject)
  rule!: Record<string, unknown>;

  @Field(() => Boolean, { nullable: true })
  autoGrant?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Default 15' })
  payoutWorkdays?: number | null;

  @Field()
  validFrom!: string;

  @Field(() => String, { nullable: true })
  validTo?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'Policies this one consolidates (withdrawn when it is published)',
  })
  replaces?: string[] | null;
}

@InputType()
export class PolicyPatch {
  @Field(() => String, { nullable: true })
  title?: string;
  @Field(() => String, { nullable: true })
  summary?: string;
  @Field(() => String, { nullable: true })
  regionCode?: string;
  @Field(() => PolicyCategory, { nullable: true })
  category?: PolicyCategory;
  @Field(() => BenefitKind, { nullable: true })
  benefitKind?: BenefitKind;
  @Field(() => GraphQLJSONObject, { nullable: true })
  amountRule?: Record<string, unknown>;
  @Field(() => [String], { nullable: true })
  materials?: string[];
  @Field(() => GraphQLJSONObject, { nullable: true })
  rule?: Record<string, unknown>;
  @Field(() => Boolean, { nullable: true })
  autoGrant?: boolean;
  @Field(() => Int, { nullable: true })
  payoutWorkdays?: number;
  @Field(() => String, { nullable: true })
  validFrom?: string;
  @Field(() => String, { nullable: true })
  validTo?: string | null;
  @Field(() => [ID], { nullable: true })
  replaces?: string[];
}

@InputType()
export class ApplyInput {
  @Field(() => ID)
  policyId!: string;

  @Field(() => ID, { nullable: true, description: 'Administrators applying for an enterprise' })
  enterpriseId?: string | null;

  @Field(() => Float, { nullable: true, description: '申报基数 (元), for an amount that is a share of it' })
  declaredBase?: number | null;

  @Field(() => [MaterialType], { nullable: true })
  materials?: MaterialType[] | null;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType()
export class PayoutInput {
  @Field(() => Float)
  amount!: number;

  @Field({ description: 'YYYY-MM-DD' })
  paidOn!: string;

  @Field({ description: '支付凭证号' })
  reference!: string;
}
