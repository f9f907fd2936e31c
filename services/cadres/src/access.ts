import { Role, regionPrefix, type Viewer } from '@sfw/shared-types';
import { forbidden, hasRole, unauthenticated } from '@sfw/subgraph-kit';

/**
 * What a viewer may read of cadres and visits, as SQL-ready facts. The widest of the viewer's
 * roles wins:
 * - administrators and evaluators: everything;
 * - leaders: everything in their region (or their department when they have no region);
 * - department staff: their department's cadres and the visits those cadres made;
 * - cadres: themselves and their department's cadres; their own visits and every visit to an
 *   enterprise they are paired with (so they see who else came, 扎堆走访);
 * - an enterprise user: the cadres paired with its enterprise and the visits it received.
 */
export interface ReadScope {
  all: boolean;
  regionPrefix?: string;
  departmentId?: string;
  cadreId?: string;
  enterpriseId?: string;
}

const NONE = '00000000-0000-0000-0000-000000000000';

export function readScope(viewer: Viewer | null): ReadScope {
  if (!viewer) throw unauthenticated();
  if (hasRole(viewer, Role.ADMIN, Role.EVALUATOR)) return { all: true };
  if (hasRole(viewer, Role.LEADER) && viewer.regionCode)
    return { all: false, regionPrefix: regionPrefix(viewer.regionCode) };
  if (hasRole(viewer, Role.LEADER, Role.DEPARTMENT))
    return { all: false, departmentId: viewer.departmentId ?? NONE, cadreId: viewer.cadreId };
  if (hasRole(viewer, Role.CADRE)) return { all: false, cadreId: viewer.cadreId ?? NONE };
  if (hasRole(viewer, Role.ENTERPRISE)) return { all: false, enterpriseId: viewer.enterpriseId ?? NONE };
  return { all: false, enterpriseId: NONE };
}

/** Administrators manage departments, cadres and service groups. */
export function assertAdmin(viewer: Viewer | null, what = '此操作'): void {
  if (!viewer) throw unauthenticated();
  if (!hasRole(viewer, Role.ADMIN))
    throw forbidden(`只有管理员可以执行${what}`, `only administrators may do this (${what})`);
}

/** Pairings are kept by administrators, and by department staff for their own department's cadres. */
export function mayPair(viewer: Viewer | null, cadreDepartmentId: string): boolean {
  if (hasRole(viewer, Role.ADMIN)) return true;
  return hasRole(viewer, Role.DEPARTMENT) && viewer?.departmentId === cadreDepartmentId;
}

/**
 * Refuses a pairing change by anyone but {@link mayPair}. Call only for a cadre or pairing the
 * viewer can read; one it cannot answers NOT_FOUND, exactly like a missing one.
 */
export function assertCanPair(viewer: Viewer | null, cadreDepartmentId: string): void {
  if (!viewer) throw unauthenticated();
  if (mayPair(viewer, cadreDepartmentId)) return;
  throw forbidden(
    '只有管理员或该服务员所在部门可以调整结对',
    "only administrators or the cadre's own department may change pairings",
  );
}

/** Who sees a cadre's full phone: administrators, the cadre, and its own department's staff and leaders. */
export function canSeeCadrePhone(
  viewer: Viewer | null,
  cadre: { id: string; departmentId: string },
): boolean {
  if (!viewer) return false;
  if (hasRole(viewer, Role.ADMIN)) return true;
  if (viewer.cadreId === cadre.id) return true;
  return hasRole(viewer, Role.DEPARTMENT, Role.LEADER) && viewer.departmentId === cadre.departmentId;
}
