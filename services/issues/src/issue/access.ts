import { Role, regionPrefix, type Viewer } from '@sfw/shared-types';
import { forbidden, hasRole, unauthenticated } from '@sfw/subgraph-kit';

/**
 * Who reads which appeals (the widest role wins):
 * - administrators and evaluators: all;
 * - leaders: all in their region (their department's when they have no region);
 * - department staff: those their department leads or co-handles, or whose common problem it leads;
 * - cadres: those of enterprises paired with them, and those they raised;
 * - an enterprise user: its own.
 */
export function issueScopeSql(s: string, viewer: Viewer | null, params: unknown[]): string {
  if (!viewer) throw unauthenticated();
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (hasRole(viewer, Role.ADMIN, Role.EVALUATOR)) return 'TRUE';
  const parts: string[] = [];
  if (hasRole(viewer, Role.LEADER) && viewer.regionCode)
    parts.push(`i.region_code LIKE ${p(`${regionPrefix(viewer.regionCode)}%`)}`);
  if (hasRole(viewer, Role.DEPARTMENT, Role.LEADER) && viewer.departmentId) {
    const d = p(viewer.departmentId);
    parts.push(
      `i.lead_department_id = ${d}`,
      `${d}::uuid = ANY (i.co_department_ids)`,
      `i.common_problem_id IN (SELECT id FROM "${s}".common_problem WHERE lead_department_id = ${d})`,
    );
  }
  if (hasRole(viewer, Role.CADRE) && viewer.cadreId) {
    const c = p(viewer.cadreId);
    parts.push(
      `i.enterprise_id IN (SELECT enterprise_id FROM "${s}".cadre_pairing WHERE cadre_id = ${c} AND NOT ended)`,
      `i.submitted_by = ${p(viewer.sub)}`,
    );
  }
  if (hasRole(viewer, Role.ENTERPRISE) && viewer.enterpriseId)
    parts.push(`i.enterprise_id = ${p(viewer.enterpriseId)}`);
  return parts.length ? `(${parts.join(' OR ')})` : 'FALSE';
}

export function assertRoles(viewer: Viewer | null, roles: readonly Role[], what: string): Viewer {
  if (!viewer) throw unauthenticated();
  if (!hasRole(viewer, ...roles))
    throw forbidden(
      `当前身份不能${what}`,
      `your roles may not do this (${what}); needs one of ${roles.join(', ')}`,
    );
  return viewer;
}
