import { describe, expect, it } from 'vitest';
import type { Session } from '../auth/session';
import { availableActions, maySignOff } from './actions';

const enterprise: Session = {
  token: 't',
  key: 'enterprise',
  name: '企业',
  roles: ['enterprise'],
  enterpriseId: 'e1',
};
const admin: Session = { token: 't', key: 'admin', name: '管理员', roles: ['admin'] };
const staff: Session = {
  token: 't',
  key: 'department',
  name: '部门',
  roles: ['department'],
  departmentId: 'd1',
};

describe('availableActions', () => {
  it('offers the coordinator accept on a new appeal, and merge, but never what the enterprise does', () => {
    expect(availableActions({ status: 'SUBMITTED' }, admin)).toEqual(['accept', 'merge']);
    expect(availableActions({ status: 'SUBMITTED' }, enterprise)).toEqual(['withdraw']);
  });

  it('lets only the lead department start, ask and answer', () => {
    expect(availableActions({ status: 'IN_PROGRESS', leadDepartmentId: 'd1' }, staff)).toEqual([
      'progress',
      'ask',
      'answer',
      'escalate',
      'proposeRefusal',
    ]);
    expect(availableActions({ status: 'IN_PROGRESS', leadDepartmentId: 'd2' }, staff)).toEqual([
      'progress',
      'escalate',
    ]);
    expect(availableActions({ status: 'ASSIGNED', leadDepartmentId: 'd1' }, staff)).toContain('start');
  });

  it('offers the enterprise confirm / reopen on an answer, review only of a “cannot handle”, rating only in its window', () => {
    expect(
      availableActions({ status: 'ANSWERED', outcome: 'RESOLVED', ratingOpen: true }, enterprise),
    ).toEqual(['confirm', 'reopen', 'rate']);
    expect(availableActions({ status: 'ANSWERED', outcome: 'CANNOT_HANDLE' }, enterprise)).toEqual([
      'confirm',
      'reopen',
      'requestReview',
    ]);
    expect(availableActions({ status: 'CONFIRMED', ratingOpen: true, ratingDone: true }, enterprise)).toEqual(
      [],
    );
  });

  describe('“cannot handle” (不能办)', () => {
    const chief: Session = { ...staff, signOffRole: 'SECTION_CHIEF' };
    const leader: Session = {
      token: 't',
      key: 'leader',
      name: '分管领导',
      roles: ['leader'],
      departmentId: 'd1',
      signOffRole: 'LEADER_IN_CHARGE',
    };
    const head: Session = { ...leader, key: 'head', signOffRole: 'DEPARTMENT_HEAD' };
    const pending = (next: string, lead = 'd1') =>
      ({ status: 'REFUSAL_PENDING', leadDepartmentId: lead, refusalNextRole: next }) as const;

    it('is proposed only by the lead department, while the appeal is in progress', () => {
      expect(availableActions({ status: 'IN_PROGRESS', leadDepartmentId: 'd1' }, staff)).toContain(
        'proposeRefusal',
      );
      expect(availableActions({ status: 'IN_PROGRESS', leadDepartmentId: 'd2' }, staff)).not.toContain(
        'proposeRefusal',
      );
      expect(availableActions({ status: 'ASSIGNED', leadDepartmentId: 'd1' }, staff)).not.toContain(
        'proposeRefusal',
      );
      for (const s of [admin, enterprise, leader])
        expect(availableActions({ status: 'IN_PROGRESS', leadDepartmentId: 'd1' }, s)).not.toContain(
          'proposeRefusal',
        );
    });

    it('is signed or sent back only by the holder of the next role, in order', () => {
      expect(availableActions(pending('SECTION_CHIEF'), chief)).toEqual(['signOff', 'sendBack']);
      expect(availableActions(pending('SECTION_CHIEF'), leader)).toEqual([]);
      expect(availableActions(pending('LEADER_IN_CHARGE'), leader)).toEqual(['signOff', 'sendBack']);
      expect(availableActions(pending('LEADER_IN_CHARGE'), head)).toEqual([]);
      expect(availableActions(pending('DEPARTMENT_HEAD'), head)).toEqual(['signOff', 'sendBack']);
      expect(availableActions(pending('DEPARTMENT_HEAD'), chief)).toEqual([]);
    });

    it('is never offered to another department, a viewer without a sign-off role, or the enterprise', () => {
      expect(maySignOff(pending('SECTION_CHIEF', 'd2'), chief)).toBe(false);
      expect(maySignOff(pending('SECTION_CHIEF'), staff)).toBe(false);
      expect(maySignOff(pending('SECTION_CHIEF'), { ...enterprise, signOffRole: 'SECTION_CHIEF' })).toBe(
        false,
      );
      expect(maySignOff(pending('SECTION_CHIEF'), admin)).toBe(false);
      expect(maySignOff({ ...pending('SECTION_CHIEF'), status: 'IN_PROGRESS' }, chief)).toBe(false);
    });
  });

  it('offers nothing to nobody', () => {
    expect(availableActions({ status: 'ANSWERED' }, null)).toEqual([]);
  });
});
