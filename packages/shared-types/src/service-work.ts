/**
 * Vocabulary of enterprise-service work (三服务 / 助企服务) spoken by more than one service:
 * the cadres subgraph records it at visits, the issues subgraph classifies appeals with it.
 */

/** Problem domain (问题领域 / 要素领域): what a department answers for, what an appeal is about. */
export enum ProblemDomain {
  /** 用地 */
  LAND = 'LAND',
  /** 融资 / 资金 */
  FINANCING = 'FINANCING',
  /** 人才 / 用工 */
  TALENT_LABOUR = 'TALENT_LABOUR',
  /** 用能 / 限电 */
  ENERGY = 'ENERGY',
  /** 审批 / 办证 */
  APPROVALS = 'APPROVALS',
  /** 环评 / 排污 */
  ENVIRONMENT = 'ENVIRONMENT',
  /** 税务 */
  TAX = 'TAX',
  /** 规划建设 */
  PLANNING_CONSTRUCTION = 'PLANNING_CONSTRUCTION',
  /** 法治 */
  LAW = 'LAW',
  /** 市场准入 */
  MARKET_ACCESS = 'MARKET_ACCESS',
  /** 基础设施 (排水、道路) */
  INFRASTRUCTURE = 'INFRASTRUCTURE',
  /** 科技创新 */
  TECHNOLOGY = 'TECHNOLOGY',
  /** 政策兑现 */
  POLICY = 'POLICY',
  /** 其他 */
  OTHER = 'OTHER',
}

export const PROBLEM_DOMAIN_LABELS: Record<ProblemDomain, string> = {
  [ProblemDomain.LAND]: '用地',
  [ProblemDomain.FINANCING]: '融资',
  [ProblemDomain.TALENT_LABOUR]: '人才用工',
  [ProblemDomain.ENERGY]: '用能',
  [ProblemDomain.APPROVALS]: '审批办证',
  [ProblemDomain.ENVIRONMENT]: '环保',
  [ProblemDomain.TAX]: '税务',
  [ProblemDomain.PLANNING_CONSTRUCTION]: '规划建设',
  [ProblemDomain.LAW]: '法治',
  [ProblemDomain.MARKET_ACCESS]: '市场准入',
  [ProblemDomain.INFRASTRUCTURE]: '基础设施',
  [ProblemDomain.TECHNOLOGY]: '科技创新',
  [ProblemDomain.POLICY]: '政策兑现',
  [ProblemDomain.OTHER]: '其他',
};

/** How a visit (走访) was made. */
export enum VisitKind {
  /** 实地走访 */
  ON_SITE = 'ON_SITE',
  /** 电话 */
  PHONE = 'PHONE',
  /** 座谈会 */
  MEETING = 'MEETING',
  /** 组团服务 (a service group's visit) */
  GROUP_SERVICE = 'GROUP_SERVICE',
}

export const VISIT_KIND_LABELS: Record<VisitKind, string> = {
  [VisitKind.ON_SITE]: '实地走访',
  [VisitKind.PHONE]: '电话走访',
  [VisitKind.MEETING]: '座谈会',
  [VisitKind.GROUP_SERVICE]: '组团服务',
};

/** The five questions of a visit (五问). */
export enum VisitQuestion {
  /** 问冷暖: policies delivered */
  POLICY = 'POLICY',
  /** 问实情: operations and funding */
  OPERATIONS = 'OPERATIONS',
  /** 问对策: problems */
  PROBLEMS = 'PROBLEMS',
  /** 问项目: projects */
  PROJECTS = 'PROJECTS',
  /** 问思路: development path */
  DEVELOPMENT = 'DEVELOPMENT',
}

export const VISIT_QUESTION_LABELS: Record<VisitQuestion, string> = {
  [VisitQuestion.POLICY]: '问冷暖',
  [VisitQuestion.OPERATIONS]: '问实情',
  [VisitQuestion.PROBLEMS]: '问对策',
  [VisitQuestion.PROJECTS]: '问项目',
  [VisitQuestion.DEVELOPMENT]: '问思路',
};

/** The sign-off roles inside a department (the Luqiao "1187" chain signs in this order). */
export enum SignOffRole {
  /** 科室负责人 */
  SECTION_CHIEF = 'SECTION_CHIEF',
  /** 分管领导 */
  LEADER_IN_CHARGE = 'LEADER_IN_CHARGE',
  /** 部门负责人 */
  DEPARTMENT_HEAD = 'DEPARTMENT_HEAD',
}

export const SIGN_OFF_ORDER: readonly SignOffRole[] = [
  SignOffRole.SECTION_CHIEF,
  SignOffRole.LEADER_IN_CHARGE,
  SignOffRole.DEPARTMENT_HEAD,
];

export const SIGN_OFF_ROLE_LABELS: Record<SignOffRole, string> = {
  [SignOffRole.SECTION_CHIEF]: '科室负责人',
  [SignOffRole.LEADER_IN_CHARGE]: '分管领导',
  [SignOffRole.DEPARTMENT_HEAD]: '部门负责人',
};

/** Where an appeal (诉求) came from. */
export enum IssueSource {
  /** 企业在线提交 */
  ONLINE = 'ONLINE',
  /** 走访中发现 (keeps the visit id) */
  VISIT = 'VISIT',
  /** 12345 热线 */
  HOTLINE_12345 = 'HOTLINE_12345',
  /** 领导走访 */
  LEADER_VISIT = 'LEADER_VISIT',
  /** 主题活动 (爱企日、诸葛亮会) */
  THEMED_MEETING = 'THEMED_MEETING',
}

/** 个性 / 共性 / 体制机制性 */
export enum IssueScope {
  INDIVIDUAL = 'INDIVIDUAL',
  COMMON = 'COMMON',
  SYSTEMIC = 'SYSTEMIC',
}

/** How an answered appeal ended. */
export enum IssueOutcome {
  /** 已解决 */
  RESOLVED = 'RESOLVED',
  /** 部分解决 */
  PARTLY_RESOLVED = 'PARTLY_RESOLVED',
  /** 不能办 (after sign-off) */
  CANNOT_HANDLE = 'CANNOT_HANDLE',
}
