import { Role, type Viewer } from '@sfw/shared-types';
import { EnterpriseScale } from '@sfw/shared-types';
import type { EnterpriseDraft } from '../src/enterprise/enterprise.validation';
import { generateDemoEnterprises } from '../src/seed/demo-enterprises';

export const admin: Viewer = { sub: 'u-admin', roles: [Role.ADMIN] };
export const evaluator: Viewer = { sub: 'u-eval', roles: [Role.EVALUATOR] };
export const cadre: Viewer = { sub: 'u-cadre', roles: [Role.CADRE] };
export const enterpriseUser = (enterpriseId: string): Viewer => ({
  sub: 'u-ent',
  roles: [Role.ENTERPRISE],
  enterpriseId,
});

export function demoDrafts(count: number, seed = 7): EnterpriseDraft[] {
  return generateDemoEnterprises(count, seed).map((d) => ({ ...d, scale: d.scale as EnterpriseScale }));
}
