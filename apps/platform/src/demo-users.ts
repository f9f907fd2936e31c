import { Role, type Viewer } from '@sfw/shared-types';

/**
 * The demo city's users, one per role — and for the demo department (台州市经济和信息化局) one per
 * refusal sign-off role: `department` is its 科室负责人, `leader` its 分管领导 and `head` its 部门负责人,
 * each the account of that member in the cadres seed (services/cadres/data/departments.json), so the
 * three sign-offs of a "cannot handle" answer can all be given. Ids of records that later subgraphs
 * own (the demo cadre, the demo department) are fixed here so those subgraphs' seeds create them
 * under the same ids.
 */
export const DEMO_IDS = {
  cadreId: '00000000-0000-4000-8000-00000000c001',
  departmentId: '00000000-0000-4000-8000-00000000d001',
} as const;

export const DEMO_ROLE_KEYS = [
  'admin',
  'enterprise',
  'cadre',
  'department',
  'leader',
  'head',
  'evaluator',
] as const;
export type DemoRoleKey = (typeof DEMO_ROLE_KEYS)[number];

export function demoViewers(
  enterpriseId: string,
  options: { cadreRegionCode?: string } = {},
): Record<DemoRoleKey, Viewer> {
  return {
    admin: { sub: 'demo-admin', name: '平台管理员', roles: [Role.ADMIN] },
    enterprise: {
      sub: 'demo-enterprise',
      name: '企业联络员（演示）',
      roles: [Role.ENTERPRISE],
      enterpriseId,
    },
    cadre: {
      sub: 'demo-cadre',
      name: '助企服务员（演示）',
      roles: [Role.CADRE],
      cadreId: DEMO_IDS.cadreId,
      regionCode: options.cadreRegionCode ?? '331004',
    },
    department: {
      sub: 'demo-department',
      name: '市经信局工作人员（演示）',
      roles: [Role.DEPARTMENT],
      departmentId: DEMO_IDS.departmentId,
      regionCode: '331000',
    },
    leader: {
      sub: 'demo-leader',
      name: '市经信局分管领导（演示）',
      roles: [Role.LEADER],
      departmentId: DEMO_IDS.departmentId,
      regionCode: '331000',
    },
    head: {
      sub: 'demo-head',
      name: '市经信局局长（演示）',
      roles: [Role.LEADER],
      departmentId: DEMO_IDS.departmentId,
      regionCode: '331000',
    },
    evaluator: {
      sub: 'demo-evaluator',
      name: '第三方评价员（演示）',
      roles: [Role.EVALUATOR],
      regionCode: '331000',
    },
  };
}
