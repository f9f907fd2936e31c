import { registerEnumType } from 'type-graphql';
import {
  AdministrativeLevel,
  IssueOutcome,
  IssueScope,
  IssueSource,
  PROBLEM_DOMAIN_LABELS,
  ProblemDomain,
  SIGN_OFF_ROLE_LABELS,
  SignOffRole,
  VISIT_KIND_LABELS,
  VisitKind,
  VisitQuestion,
} from '@sfw/shared-types';

/**
 * The GraphQL enums of the shared vocabulary, registered once for every subgraph: federation
 * composes an enum only when all subgraphs define it alike, so no service spells its own.
 * (Registering is a side effect of importing the kit; a schema shows only the enums it uses.)
 */
/** An enum's `valuesConfig` from its Chinese labels: each value described by its label. */
export const describedValues = <T extends string>(labels: Record<T, string>) =>
  Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, { description: v as string }]));

registerEnumType(AdministrativeLevel, {
  name: 'AdministrativeLevel',
  description: '层级: 市 / 县区 / 乡镇街道',
  valuesConfig: {
    CITY: { description: '市级' },
    COUNTY: { description: '县（市、区）级' },
    TOWNSHIP: { description: '乡镇（街道）级' },
  },
});
registerEnumType(ProblemDomain, {
  name: 'ProblemDomain',
  description: '问题领域 (a department’s remit, an appeal’s category)',
  valuesConfig: describedValues(PROBLEM_DOMAIN_LABELS),
});
registerEnumType(SignOffRole, {
  name: 'SignOffRole',
  description: '签批角色 (the order of sign-off of a refusal)',
  valuesConfig: describedValues(SIGN_OFF_ROLE_LABELS),
});
registerEnumType(VisitKind, {
  name: 'VisitKind',
  description: '走访方式',
  valuesConfig: describedValues(VISIT_KIND_LABELS),
});
registerEnumType(VisitQuestion, {
  name: 'VisitQuestion',
  description: '五问: the questions a visit covers',
  valuesConfig: {
    POLICY: { description: '问冷暖: policies delivered' },
    OPERATIONS: { description: '问实情: operations and funding' },
    PROBLEMS: { description: '问对策: problems' },
    PROJECTS: { description: '问项目: projects' },
    DEVELOPMENT: { description: '问思路: development path' },
  },
});
registerEnumType(IssueSource, {
  name: 'IssueSource',
  description: '诉求来源',
  valuesConfig: {
    ONLINE: { description: '企业在线提交' },
    VISIT: { description: '走访发现' },
    HOTLINE_12345: { description: '12345 热线' },
    LEADER_VISIT: { description: '领导走访' },
    THEMED_MEETING: { description: '主题活动（爱企日、诸葛亮会）' },
  },
});
registerEnumType(IssueScope, {
  name: 'IssueScope',
  valuesConfig: {
    INDIVIDUAL: { description: '个性问题' },
    COMMON: { description: '共性问题' },
    SYSTEMIC: { description: '体制机制性问题' },
  },
});
registerEnumType(IssueOutcome, {
  name: 'IssueOutcome',
  valuesConfig: {
    RESOLVED: { description: '已解决' },
    PARTLY_RESOLVED: { description: '部分解决' },
    CANNOT_HANDLE: { description: '不能办（经三级签批）' },
  },
});

export const SHARED_ENUMS = [
  'AdministrativeLevel',
  'ProblemDomain',
  'SignOffRole',
  'VisitKind',
  'VisitQuestion',
  'IssueSource',
  'IssueScope',
  'IssueOutcome',
] as const;
