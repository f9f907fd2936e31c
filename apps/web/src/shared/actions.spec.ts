import { describe, expect, it } from 'vitest';
import type { Session } from '../auth/session';
import { availableActions } from './actions';

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

  it('offers nothing to nobody', () => {
    expect(availableActions({ status: 'ANSWERED' }, null)).toEqual([]);
  });
});
