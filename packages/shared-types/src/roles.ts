/** Who may ask the graph for what. Tokens carry one or more roles. */
export enum Role {
  /** 管理员 */
  ADMIN = 'admin',
  /** 企业用户: acts for exactly one enterprise */
  ENTERPRISE = 'enterprise',
  /** 助企服务员 */
  CADRE = 'cadre',
  /** 部门工作人员 */
  DEPARTMENT = 'department',
  /** 领导 (分管领导 / 一把手): signs off refusals, supervises */
  LEADER = 'leader',
  /** 评价员 / 观察员 */
  EVALUATOR = 'evaluator',
}

export const ALL_ROLES: readonly Role[] = Object.values(Role);

/** The verified caller, as the gateway forwards it to every subgraph. */
export interface Viewer {
  /** Subject of the token (user id). */
  sub: string;
  name?: string;
  roles: Role[];
  /** The enterprise an enterprise user acts for. */
  enterpriseId?: string;
  /** The cadre record of a cadre user. */
  cadreId?: string;
  /** The department of department staff and leaders. */
  departmentId?: string;
  /** The region a user's remit covers (division code). */
  regionCode?: string;
}

export function parseRoles(value: unknown): Role[] {
  if (!Array.isArray(value)) return [];
  return value.filter((r): r is Role => typeof r === 'string' && (ALL_ROLES as string[]).includes(r));
}
