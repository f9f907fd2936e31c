import { Role, type Viewer } from '@sfw/shared-types';
import { forbidden, hasRole, isStaff } from '@sfw/subgraph-kit';

/** An enterprise user (and nothing more) sees only the enterprise it acts for. */
export function ownEnterpriseOnly(viewer: Viewer | null): string | undefined {
  if (!viewer || isStaff(viewer)) return undefined;
  return viewer.enterpriseId ?? '00000000-0000-0000-0000-000000000000';
}

/**
 * Whether the viewer may read this enterprise: staff read every enterprise, an enterprise user
 * only its own, an anonymous caller none (public fields never reach an enterprise). Where this
 * is false the enterprise answers exactly as a missing one: null from a query or a reference,
 * NOT_FOUND from a mutation — never FORBIDDEN, which would say that it exists.
 */
export function canRead(viewer: Viewer | null, enterpriseId: string): boolean {
  if (!viewer) return false;
  const only = ownEnterpriseOnly(viewer);
  return only === undefined || only === enterpriseId;
}

/**
 * Liaisons are kept by administrators and department staff, and by the enterprise itself. Call
 * only for an enterprise the viewer can read (see {@link canRead}); others answer NOT_FOUND.
 */
export function assertCanEditLiaisons(viewer: Viewer | null, enterpriseId: string): void {
  if (hasRole(viewer, Role.ADMIN, Role.DEPARTMENT)) return;
  if (hasRole(viewer, Role.ENTERPRISE) && viewer?.enterpriseId === enterpriseId) return;
  throw forbidden(
    '只能维护本企业的联络员',
    'only administrators, department staff or the enterprise itself may change liaisons',
  );
}

/** Who sees a liaison's full phone number; everyone else gets it masked. */
export function canSeePhone(viewer: Viewer | null, enterpriseId: string): boolean {
  if (hasRole(viewer, Role.ADMIN, Role.DEPARTMENT, Role.CADRE)) return true;
  return hasRole(viewer, Role.ENTERPRISE) && viewer?.enterpriseId === enterpriseId;
}
