import { Role, regionPrefix, type Viewer } from '@sfw/shared-types';
import { forbidden, hasRole, unauthenticated } from '@sfw/subgraph-kit';

/**
 * Who sees which feedback (the widest role wins):
 * - administrators, evaluators: everything;
 * - leaders: everything in their region (their department's when they have no region);
 * - department staff: what concerns their department (ratings of its answers, its tasks, its scores);
 * - cadres: ratings of the appeals credited to them, and their own scores;
 * - an enterprise user: its own ratings.
 * Nobody may change a published result.
 */
export function assertRoles(viewer: Viewer | null, roles: readonly Role[], what: string): Viewer {
  if (!viewer) throw unauthenticated();
  if (!hasRole(viewer, ...roles))
    throw forbidden(
      `当前身份不能${what}`,
      `your roles may not do this (${what}); needs one of ${roles.join(', ')}`,
    );
  return viewer;
}

export const readsAll = (viewer: Viewer | null): boolean => hasRole(viewer, Role.ADMIN, Role.EVALUATOR);

/**
 * A SQL condition on a row alias with `department_id`, `region_code`, `enterprise_id` and (when
 * `cadreColumn` is given) a cadre column, for the rows the viewer may read.
 */
export function feedbackScopeSql(
  alias: string,
  viewer: Viewer | null,
  params: unknown[],
  cadreColumn: string | null = null,
): string {
  if (!viewer) throw unauthenticated();
  if (readsAll(viewer)) return 'TRUE';
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const parts: string[] = [];
  if (hasRole(viewer, Role.LEADER) && viewer.regionCode)
    parts.push(`${alias}.region_code LIKE ${p(`${regionPrefix(viewer.regionCode)}%`)}`);
  if (hasRole(viewer, Role.DEPARTMENT, Role.LEADER) && viewer.departmentId)
    parts.push(`${alias}.department_id = ${p(viewer.departmentId)}`);
  if (hasRole(viewer, Role.CADRE) && viewer.cadreId && cadreColumn)
    parts.push(`${cadreColumn} = ${p(viewer.cadreId)}`);
  if (hasRole(viewer, Role.ENTERPRISE) && viewer.enterpriseId)
    parts.push(`${alias}.enterprise_id = ${p(viewer.enterpriseId)}`);
  return parts.length ? `(${parts.join(' OR ')})` : 'FALSE';
}

/** May the viewer read the scores of this department (in this region)? */
export function readsDepartment(
  viewer: Viewer | null,
  departmentId: string,
  regionCode: string | null,
): boolean {
  if (!viewer) return false;
  if (readsAll(viewer)) return true;
  if (hasRole(viewer, Role.DEPARTMENT, Role.LEADER) && viewer.departmentId === departmentId) return true;
  return (
    hasRole(viewer, Role.LEADER) &&
    !!viewer.regionCode &&
    !!regionCode &&
    regionCode.startsWith(regionPrefix(viewer.regionCode))
  );
}

/** May the viewer act for this department (verify, report, appeal)? */
export function actsForDepartment(viewer: Viewer, departmentId: string | null): boolean {
  if (hasRole(viewer, Role.ADMIN)) return true;
  return (
    hasRole(viewer, Role.DEPARTMENT, Role.LEADER) && !!departmentId && viewer.departmentId === departmentId
  );
}
