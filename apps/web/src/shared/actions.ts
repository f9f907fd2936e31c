import type { Session } from '../auth/session';
import type { IssueStatus } from '../gql/graphql';

/** The actions on an appeal the pages offer; the graph enforces the same rules. */
export type IssueAction =
  | 'accept'
  | 'assign'
  | 'start'
  | 'progress'
  | 'ask'
  | 'resume'
  | 'answer'
  | 'close'
  | 'escalate'
  | 'merge'
  | 'proposeRefusal'
  | 'signOff'
  | 'sendBack'
  | 'confirm'
  | 'reopen'
  | 'withdraw'
  | 'requestReview'
  | 'rate';

const WORKING: IssueStatus[] = ['ACCEPTED', 'ASSIGNED', 'IN_PROGRESS', 'WAITING_ENTERPRISE'];

/** From which statuses, by which roles (the issues subgraph's lifecycle table). */
const RULES: Record<IssueAction, { from: IssueStatus[]; roles: string[]; lead?: boolean }> = {
  accept: { from: ['SUBMITTED'], roles: ['admin', 'department', 'cadre'] },
  assign: { from: WORKING, roles: ['admin'] },
  start: { from: ['ASSIGNED'], roles: ['department'], lead: true },
  progress: { from: ['IN_PROGRESS', 'WAITING_ENTERPRISE'], roles: ['department'] },
  ask: { from: ['IN_PROGRESS'], roles: ['department'], lead: true },
  resume: { from: ['WAITING_ENTERPRISE'], roles: ['department', 'enterprise'] },
  answer: { from: ['IN_PROGRESS'], roles: ['department'], lead: true },
  close: { from: ['ANSWERED', 'CONFIRMED'], roles: ['admin', 'department'] },
  escalate: { from: WORKING, roles: ['admin', 'department', 'leader'] },
  merge: { from: ['SUBMITTED', ...WORKING], roles: ['admin'] },
  proposeRefusal: { from: ['IN_PROGRESS'], roles: ['department'], lead: true },
  signOff: { from: ['REFUSAL_PENDING'], roles: ['department', 'leader'] },
  sendBack: { from: ['REFUSAL_PENDING'], roles: ['department', 'leader'] },
  confirm: { from: ['ANSWERED'], roles: ['enterprise'] },
  reopen: { from: ['ANSWERED'], roles: ['enterprise'] },
  withdraw: { from: ['SUBMITTED', ...WORKING], roles: ['enterprise'] },
  requestReview: { from: ['ANSWERED'], roles: ['enterprise'] },
  rate: { from: ['ANSWERED', 'CONFIRMED', 'CLOSED'], roles: ['enterprise'] },
};

export interface ActionContext {
  status: IssueStatus;
  leadDepartmentId?: string | null;
  outcome?: string | null;
  ratingOpen?: boolean;
  ratingDone?: boolean;
  /** The pending refusal's next signatory role and the department it belongs to (the lead department). */
  refusalNextRole?: string | null;
}

/**
 * 签批 (sign or send back): only the person holding the next role (科室负责人 → 分管领导 → 部门负责人)
 * in the refusal's department — the lead department — may act on it.
 */
export function maySignOff(
  issue: Pick<ActionContext, 'status' | 'leadDepartmentId' | 'refusalNextRole'>,
  session: Session | null,
): boolean {
  return (
    !!session &&
    issue.status === 'REFUSAL_PENDING' &&
    session.roles.some((r) => r === 'department' || r === 'leader') &&
    !!session.departmentId &&
    session.departmentId === issue.leadDepartmentId &&
    !!session.signOffRole &&
    session.signOffRole === issue.refusalNextRole
  );
}

/** What this viewer may do to this appeal now, in the order the page shows them. */
export function availableActions(issue: ActionContext, session: Session | null): IssueAction[] {
  if (!session) return [];
  return (Object.keys(RULES) as IssueAction[]).filter((action) => {
    const rule = RULES[action];
    if (!rule.from.includes(issue.status)) return false;
    if (!session.roles.some((r) => rule.roles.includes(r))) return false;
    const department = session.roles.includes('department') && !session.roles.includes('admin');
    if (rule.lead && department && issue.leadDepartmentId !== session.departmentId) return false;
    if (action === 'close' && department && issue.leadDepartmentId !== session.departmentId) return false;
    if (action === 'signOff' || action === 'sendBack') return maySignOff(issue, session);
    if (action === 'requestReview' && issue.outcome !== 'CANNOT_HANDLE') return false;
    if (action === 'rate') return !!issue.ratingOpen && !issue.ratingDone;
    return true;
  });
}
