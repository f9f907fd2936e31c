import type { AuthChecker } from 'type-graphql';
import { Role, type Viewer } from '@sfw/shared-types';
import { forbidden, unauthenticated } from './errors';
import type { KitContext } from './context';

/**
 * type-graphql guard for `@Authorized(...roles)`: no viewer → UNAUTHENTICATED, a viewer without
 * any of the roles → FORBIDDEN. Ownership rules (an enterprise user sees only its enterprise)
 * are checked in the service with the helpers below.
 */
export const roleAuthChecker: AuthChecker<KitContext, Role> = ({ context }, roles) => {
  const viewer = context.viewer;
  if (!viewer) throw unauthenticated();
  if (roles.length === 0 || viewer.roles.some((r) => roles.includes(r))) return true;
  const refusal = forbidden(
    `当前身份无权访问此内容（需要：${roles.map((r) => ROLE_LABELS[r]).join('、')}）`,
    `requires one of the roles: ${roles.join(', ')}`,
  );
  // Refused for the role, whatever the object: the authorization matrix tells these apart.
  refusal.extensions['reason'] = 'ROLE';
  throw refusal;
};

export const ROLE_LABELS: Record<Role, string> = {
  [Role.ADMIN]: '管理员',
  [Role.ENTERPRISE]: '企业用户',
  [Role.CADRE]: '助企服务员',
  [Role.DEPARTMENT]: '部门工作人员',
  [Role.LEADER]: '领导',
  [Role.EVALUATOR]: '评价员',
};

export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw unauthenticated();
  return viewer;
}

export const hasRole = (viewer: Viewer | null, ...roles: Role[]): boolean =>
  !!viewer && viewer.roles.some((r) => roles.includes(r));

/** Staff roles that may read across enterprises (everyone but an enterprise user). */
export const isStaff = (viewer: Viewer | null): boolean =>
  hasRole(viewer, Role.ADMIN, Role.CADRE, Role.DEPARTMENT, Role.LEADER, Role.EVALUATOR);
