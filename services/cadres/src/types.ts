import { PageInfo } from '@sfw/subgraph-kit';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AdministrativeLevel, ProblemDomain, SignOffRole, VisitKind, VisitQuestion } from '@sfw/shared-types';
import '@sfw/subgraph-kit';

// The shared vocabulary's enums (AdministrativeLevel, ProblemDomain, …) are registered by the kit.

/** 走访状态 */
export enum VisitStatus {
  PLANNED = 'PLANNED',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(VisitStatus, {
  name: 'VisitStatus',
  valuesConfig: {
    PLANNED: { description: '计划走访' },
    COMPLETED: { description: '已走访' },
    CANCELLED: { description: '已取消' },
  },
});

/** Why a pairing ended. */
export enum PairingEndReason {
  ENDED = 'ENDED',
  CADRE_LEFT = 'CADRE_LEFT',
  REPLACED = 'REPLACED',
}
registerEnumType(PairingEndReason, {
  name: 'PairingEndReason',
  valuesConfig: {
    ENDED: { description: '结对解除' },
    CADRE_LEFT: { description: '服务员离岗' },
    REPLACED: { description: '调整结对（由新的结对接替）' },
  },
});

/** 专业服务组 / 帮帮团 or 专班 */
export enum ServiceGroupKind {
  SERVICE_GROUP = 'SERVICE_GROUP',
  TASK_FORCE = 'TASK_FORCE',
}
registerEnumType(ServiceGroupKind, {
  name: 'ServiceGroupKind',
  valuesConfig: {
    SERVICE_GROUP: { description: '专业服务组 / 帮帮团' },
    TASK_FORCE: { description: '专班' },
  },
});

/** The enterprise as this subgraph sees it: the key, extended with pairing and visit fields. */
@Directive('@key(fields: "id")')
@ObjectType('Enterprise')
export class EnterpriseRef {
  @Field(() => ID)
  id!: string;
}

/** A region, owned by the enterprises subgraph; referenced by code. */
@Directive('@key(fields: "code", resolvable: false)')
@ObjectType('Region')
export class RegionRef {
  @Field()
  code!: string;
}

/** The kit's shared PageInfo (@shareable), re-exported for this subgraph's connections. */
export { PageInfo };

@ObjectType({ description: '签批人: a person of a department who signs off refusals' })
export class DepartmentMember {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => SignOffRole)
  role!: SignOffRole;

  @Field({ description: '职务, e.g. 企业服务科科长' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Login subject (账号); shown to administrators only' })
  account!: string | null;
}

/** 部门: a government department that answers for problem domains. */
@Directive('@key(fields: "id")')
@ObjectType({ description: '部门 (department)' })
export class Department {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Stable code, e.g. TZ-JXJ' })
  code!: string;

  @Field({ description: '部门全称' })
  name!: string;

  @Field({ description: '简称, e.g. 市经信局' })
  shortName!: string;

  @Field(() => AdministrativeLevel)
  level!: AdministrativeLevel;

  @Field()
  regionCode!: string;

  parentId!: string | null;

  @Field(() => [ProblemDomain], { description: 'The problem domains it answers for' })
  domains!: ProblemDomain[];

  @Field()
  active!: boolean;

  @Field(() => Int)
  version!: number;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}

/** 助企服务员: a civil servant serving enterprises. */
@Directive('@key(fields: "id")')
@ObjectType({ description: '助企服务员 (service cadre)' })
export class Cadre {
  @Field(() => ID)
  id!: string;

  @Field({ description: '工号' })
  staffNo!: string;

  @Field()
  name!: string;

  departmentId!: string;

  @Field(() => AdministrativeLevel)
  level!: AdministrativeLevel;

  @Field()
  regionCode!: string;

  @Field(() => [ProblemDomain], { description: '专长' })
  specialties!: ProblemDomain[];

  /** Unmasked; the resolver masks it by viewer. */
  phoneRaw!: string | null;

  account!: string | null;

  @Field({ description: 'False once the cadre has left (离岗)' })
  active!: boolean;

  @Field(() => String, { nullable: true, description: '离岗日期, YYYY-MM-DD' })
  leftOn!: string | null;

  @Field(() => String, { nullable: true })
  leaveReason!: string | null;

  @Field(() => String, { nullable: true, description: 'Date of the latest completed visit, YYYY-MM-DD' })
  lastVisitOn!: string | null;

  @Field(() => Int)
  version!: number;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}

/** 结对: a cadre paired with an enterprise for a period. */
@ObjectType({ description: '结对 (pairing of a cadre with an enterprise)' })
export class Pairing {
  @Field(() => ID)
  id!: string;

  cadreId!: string;
  enterpriseId!: string;

  @Field(() => AdministrativeLevel, { description: 'The cadre’s level when paired' })
  level!: AdministrativeLevel;

  @Field({ description: '主服务员: at most one per enterprise and level at a time' })
  primary!: boolean;

  @Field({ description: 'YYYY-MM-DD' })
  fromDate!: string;

  @Field(() => String, { nullable: true, description: 'Last day, YYYY-MM-DD; null while current' })
  toDate!: string | null;

  @Field(() => PairingEndReason, { nullable: true })
  endReason!: PairingEndReason | null;

  @Field(() => String, { nullable: true })
  endNote!: string | null;

  @Field({
    description:
      'A city-level cadre paired with an enterprise without a key-enterprise tag (龙头骨干, 高成长, 隐形冠军(培育), 重大招商项目): allowed, reported as an exception',
  })
  keyEnterpriseException!: boolean;

  @Field(() => String, { nullable: true })
  exceptionNote!: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The pairing this one took over from (re-pairing keeps history)',
  })
  replacesId!: string | null;

  @Field()
  current!: boolean;

  @Field()
  createdAt!: Date;
}

@ObjectType({
  description: '走访中发现的问题; the issues subgraph turns each into an appeal that keeps the visit id',
})
export class VisitProblem {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field()
  description!: string;

  @Field(() => ProblemDomain)
  domain!: ProblemDomain;
}

/** 走访 */
@Directive('@key(fields: "id")')
@ObjectType({ description: '走访 (visit)' })
export class Visit {
  @Field(() => ID)
  id!: string;

  cadreId!: string;
  departmentId!: string;
  enterpriseId!: string;
  serviceGroupId!: string | null;

  @Field(() => VisitStatus)
  status!: VisitStatus;

  @Field({ description: 'Date of the visit (planned or made), YYYY-MM-DD' })
  visitedOn!: string;

  @Field(() => VisitKind)
  kind!: VisitKind;

  @Field(() => [VisitQuestion])
  questions!: VisitQuestion[];

  @Field()
  notes!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Why the visit went ahead despite a recent visit on the same question (扎堆走访)',
  })
  overrideReason!: string | null;

  @Field(() => String, { nullable: true })
  cancelReason!: string | null;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  completedAt!: Date | null;
}

@ObjectType({ description: 'A member of a service group or task force' })
export class ServiceGroupMember {
  cadreId!: string;

  @Field({ description: '组长' })
  lead!: boolean;
}

/** 专业服务组 / 帮帮团 / 专班 */
@Directive('@key(fields: "id")')
@ObjectType({ description: '专业服务组 / 帮帮团 / 专班 (service group or task force)' })
export class ServiceGroup {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => ServiceGroupKind)
  kind!: ServiceGroupKind;

  @Field()
  description!: string;

  @Field(() => [ProblemDomain])
  specialties!: ProblemDomain[];

  @Field(() => [String], { description: 'Division codes served; a code covers everything below it' })
  regionCodes!: string[];

  leadDepartmentId!: string;

  @Field()
  active!: boolean;

  @Field(() => Int)
  version!: number;
}

@ObjectType({ description: '服务组被请进企业: its members may then record visits there' })
export class ServiceGroupCall {
  @Field(() => ID)
  id!: string;

  groupId!: string;
  enterpriseId!: string;

  @Field()
  reason!: string;

  @Field()
  calledAt!: Date;

  @Field(() => Date, { nullable: true })
  closedAt!: Date | null;
}
