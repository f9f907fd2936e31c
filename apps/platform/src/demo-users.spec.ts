import { generateDemoDepartments } from '@sfw/cadres';
import { Authenticator, issueToken } from '@sfw/gateway';
import { SignOffRole } from '@sfw/shared-types';
import { DEMO_ROLE_KEYS, demoViewers } from './demo-users';
import { demoTokenSeconds, durationSeconds } from './stack';

const ENTERPRISE_ID = '0b6f2f8e-4c61-4a8e-9d43-1f0c8f7f1a2b';
const secret = 'unit-test-secret-0123456789-abcdefghijklmnop';
const MAX = 30 * 86_400;

describe('demo users', () => {
  it('are one per role, and the demo department’s three signatories in sign-off order', () => {
    expect(DEMO_ROLE_KEYS).toEqual([
      'admin',
      'enterprise',
      'cadre',
      'department',
      'leader',
      'head',
      'evaluator',
    ]);
    const viewers = demoViewers(ENTERPRISE_ID);
    const jxj = generateDemoDepartments().find((d) => d.name === '台州市经济和信息化局')!;
    const memberOf = (key: 'department' | 'leader' | 'head') =>
      jxj.members.find((m) => m.account === viewers[key].sub);
    expect(memberOf('department')?.role).toBe(SignOffRole.SECTION_CHIEF);
    expect(memberOf('leader')?.role).toBe(SignOffRole.LEADER_IN_CHARGE);
    expect(memberOf('head')?.role).toBe(SignOffRole.DEPARTMENT_HEAD);
    expect(memberOf('head')?.title).toBe('局长');
    // Three distinct people of the same department.
    const subs = (['department', 'leader', 'head'] as const).map((k) => viewers[k].sub);
    expect(new Set(subs).size).toBe(3);
    for (const k of ['department', 'leader', 'head'] as const)
      expect(viewers[k].departmentId).toBe(viewers.department.departmentId);
  });

  it('get tokens the gateway accepts (ids are UUIDs, regions known, lifetime within the maximum)', async () => {
    const auth = new Authenticator({ secret, maxLifetimeSeconds: MAX, clockSkewSeconds: 60 });
    const viewers = demoViewers(ENTERPRISE_ID);
    for (const key of DEMO_ROLE_KEYS) {
      const token = await issueToken(viewers[key], secret, {
        expiresIn: `${demoTokenSeconds('30d', MAX)}s`,
      });
      expect(await auth.viewerFrom(`Bearer ${token}`)).toMatchObject({
        sub: viewers[key].sub,
        roles: viewers[key].roles,
      });
    }
  });

  it('never outlive the gateway’s JWT_MAX_LIFETIME', () => {
    expect(durationSeconds('30d')).toBe(MAX);
    expect(durationSeconds('12h')).toBe(43_200);
    expect(demoTokenSeconds('90d', MAX)).toBe(MAX);
    expect(demoTokenSeconds('7d', MAX)).toBe(7 * 86_400);
    expect(demoTokenSeconds('30d', 86_400)).toBe(86_400);
  });
});
