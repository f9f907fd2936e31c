import { Role, type Viewer } from '@sfw/shared-types';
import { forbidden, hasRole, isStaff } from '@sfw/subgraph-kit';

/** An enterprise user (and nothing more) sees only the enterprise it acts for. */
export function ownEnterpriseOnly(viewer: Viewer | null): string | undefined {
  if (!viewer || isStaff(viewer)) return undefined;
  return viewer.enterpriseId ?? '00000000-0000-0000-0000-000000000000';
}

export function assertCanRead(viewer: Viewer | null, enterpriseId: string): void {
  const only = ownEnterpriseOnly(viewer);
  if (only !== undefined && only !== enterpriseId)
    throw forbidden('只能查看本企业的信息', 'an enterprise user sees only its own enterprise');
}

/** Liaisons are kept by administrators and department staff, and by the enterprise itself. */
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
