import type { IssueColour, IssueStatus, ProblemDomain } from '../gql/graphql';

/** 诉求状态 in zh-CN, as the graph's enum documents them. */
export const STATUS_LABEL: Record<IssueStatus, string> = {
  SUBMITTED: '已提交',
  ACCEPTED: '已受理',
  ASSIGNED: '已交办',
  IN_PROGRESS: '办理中',
  WAITING_ENTERPRISE: '待企业补充',
  REFUSAL_PENDING: '“不能办”待签批',
  ANSWERED: '已答复',
  REVIEW_REQUESTED: '评议中',
  CONFIRMED: '企业已确认',
  CLOSED: '已销号',
  WITHDRAWN: '已撤回',
  MERGED: '已并单',
};

/** Ant Design tag colours for the statuses. */
export const STATUS_TAG: Record<IssueStatus, string> = {
  SUBMITTED: 'default',
  ACCEPTED: 'blue',
  ASSIGNED: 'geekblue',
  IN_PROGRESS: 'processing',
  WAITING_ENTERPRISE: 'warning',
  REFUSAL_PENDING: 'magenta',
  ANSWERED: 'cyan',
  REVIEW_REQUESTED: 'purple',
  CONFIRMED: 'success',
  CLOSED: 'success',
  WITHDRAWN: 'default',
  MERGED: 'default',
};

/** 红黄绿 */
export const COLOUR_LABEL: Record<IssueColour, string> = { RED: '红', YELLOW: '黄', GREEN: '绿' };
export const COLOUR_HEX: Record<IssueColour, string> = {
  RED: '#cf1322',
  YELLOW: '#d48806',
  GREEN: '#389e0d',
};

/** 问题领域 */
export const DOMAIN_LABEL: Record<ProblemDomain, string> = {
  LAND: '用地',
  FINANCING: '融资',
  TALENT_LABOUR: '人才用工',
  ENERGY: '用能',
  APPROVALS: '审批办证',
  ENVIRONMENT: '环保',
  TAX: '税务',
  PLANNING_CONSTRUCTION: '规划建设',
  LAW: '法治',
  MARKET_ACCESS: '市场准入',
  INFRASTRUCTURE: '基础设施',
  TECHNOLOGY: '科技创新',
  POLICY: '政策兑现',
  OTHER: '其他',
};

export const SCOPE_LABEL = {
  INDIVIDUAL: '个性问题',
  COMMON: '共性问题',
  SYSTEMIC: '体制机制性问题',
} as const;
export const OUTCOME_LABEL = {
  RESOLVED: '已解决',
  PARTLY_RESOLVED: '部分解决',
  CANNOT_HANDLE: '不能办',
} as const;

/** 满意度 five levels, best first. */
export const RATING_LEVELS = [
  ['VERY_SATISFIED', '非常满意'],
  ['SATISFIED', '满意'],
  ['BASICALLY_SATISFIED', '基本满意'],
  ['DISSATISFIED', '不满意'],
  ['VERY_DISSATISFIED', '非常不满意'],
] as const;

export const SIGN_OFF_ROLE_LABEL = {
  SECTION_CHIEF: '科室负责人',
  LEADER_IN_CHARGE: '分管领导',
  DEPARTMENT_HEAD: '部门负责人',
} as const;

/** A refusal's status and a sign-off's decision, as the graph returns them. */
export const REFUSAL_STATUS_LABEL: Record<string, string> = {
  PENDING: '待签批',
  APPROVED: '已签批，已答复企业',
  RETURNED: '已退回',
};
export const SIGN_OFF_DECISION_LABEL: Record<string, string> = {
  APPROVED: '同意',
  RETURNED: '退回',
};

/** The chain in order: 科室负责人 → 分管领导 → 部门负责人. */
export const SIGN_OFF_ORDER = ['SECTION_CHIEF', 'LEADER_IN_CHARGE', 'DEPARTMENT_HEAD'] as const;

export const ALL_STATUSES = Object.keys(STATUS_LABEL) as IssueStatus[];
export const ALL_DOMAINS = Object.keys(DOMAIN_LABEL) as ProblemDomain[];
