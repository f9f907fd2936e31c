import { Role } from '@sfw/shared-types';

/** 诉求状态: the closed loop of an appeal. */
export enum IssueStatus {
  /** 已提交 */
  SUBMITTED = 'SUBMITTED',
  /** 已受理 (first response, 首问负责人 named) */
  ACCEPTED = 'ACCEPTED',
  /** 已交办 (lead department, co-handlers, handler) */
  ASSIGNED = 'ASSIGNED',
  /** 办理中 */
  IN_PROGRESS = 'IN_PROGRESS',
  /** 待企业补充 (the clock pauses) */
  WAITING_ENTERPRISE = 'WAITING_ENTERPRISE',
  /** "不能办" awaiting sign-off (科室负责人 → 分管领导 → 部门负责人) */
  REFUSAL_PENDING = 'REFUSAL_PENDING',
  /** 已答复 */
  ANSWERED = 'ANSWERED',
  /** 说"不"评议: the enterprise asked for a review of a refusal */
  REVIEW_REQUESTED = 'REVIEW_REQUESTED',
  /** 企业已确认 */
  CONFIRMED = 'CONFIRMED',
  /** 已销号 */
  CLOSED = 'CLOSED',
  /** 企业撤回 */
  WITHDRAWN = 'WITHDRAWN',
  /** 已并单 */
  MERGED = 'MERGED',
}

export const OPEN_STATUSES: readonly IssueStatus[] = [
  IssueStatus.SUBMITTED,
  IssueStatus.ACCEPTED,
  IssueStatus.ASSIGNED,
  IssueStatus.IN_PROGRESS,
  IssueStatus.WAITING_ENTERPRISE,
  IssueStatus.REFUSAL_PENDING,
  IssueStatus.REVIEW_REQUESTED,
];

export const STATUS_LABELS: Record<IssueStatus, string> = {
  SUBMITTED: '已提交',
  ACCEPTED: '已受理',
  ASSIGNED: '已交办',
  IN_PROGRESS: '办理中',
  WAITING_ENTERPRISE: '待企业补充',
  REFUSAL_PENDING: '“不能办”待签批',
  ANSWERED: '已答复',
  REVIEW_REQUESTED: '评议中',
  CONFIRMED: '企业已确认',
  CLOSED: '已销号',
  WITHDRAWN: '已撤回',
  MERGED: '已并单',
};

export type IssueAction =
  | 'ACCEPT'
  | 'ASSIGN'
  | 'START'
  | 'FEEDBACK'
  | 'AWAIT_ENTERPRISE'
  | 'RESUME'
  | 'ANSWER'
  | 'PROPOSE_REFUSAL'
  | 'SIGN_OFF'
  | 'CONFIRM'
  | 'REOPEN'
  | 'CLOSE'
  | 'WITHDRAW'
  | 'MERGE'
  | 'ESCALATE'
  | 'REQUEST_REVIEW'
  | 'DECIDE_REVIEW'
  | 'REASSIGN_REFUSAL'
  | 'GROUP_COMMON'
  | 'ANSWER_COMMON';

const S = IssueStatus;
const WORKING = [S.ACCEPTED, S.ASSIGNED, S.IN_PROGRESS, S.WAITING_ENTERPRISE];

/** From which states each action may be taken. */
export const ALLOWED_FROM: Record<IssueAction, readonly IssueStatus[]> = {
  ACCEPT: [S.SUBMITTED],
  ASSIGN: [S.ACCEPTED, S.ASSIGNED, S.IN_PROGRESS, S.WAITING_ENTERPRISE],
  START: [S.ASSIGNED],
  FEEDBACK: [S.IN_PROGRESS, S.WAITING_ENTERPRISE],
  AWAIT_ENTERPRISE: [S.IN_PROGRESS],
  RESUME: [S.WAITING_ENTERPRISE],
  ANSWER: [S.IN_PROGRESS],
  PROPOSE_REFUSAL: [S.IN_PROGRESS],
  SIGN_OFF: [S.REFUSAL_PENDING],
  CONFIRM: [S.ANSWERED],
  REOPEN: [S.ANSWERED],
  CLOSE: [S.ANSWERED, S.CONFIRMED],
  WITHDRAW: [S.SUBMITTED, ...WORKING],
  MERGE: [S.SUBMITTED, ...WORKING],
  ESCALATE: WORKING,
  REQUEST_REVIEW: [S.ANSWERED],
  DECIDE_REVIEW: [S.REVIEW_REQUESTED],
  /** 二次交办 in bulk: a "cannot handle" answer goes back to work, even once closed (Luqiao). */
  REASSIGN_REFUSAL: [S.ANSWERED, S.CONFIRMED, S.CLOSED],
  GROUP_COMMON: [S.SUBMITTED, ...WORKING],
  ANSWER_COMMON: [S.ACCEPTED, S.ASSIGNED, S.IN_PROGRESS, S.WAITING_ENTERPRISE],
};

/** Which roles may take each action (ownership is checked on top: own enterprise, own department). */
export const ALLOWED_ROLES: Record<IssueAction, readonly Role[]> = {
  ACCEPT: [Role.ADMIN, Role.DEPARTMENT, Role.CADRE],
  ASSIGN: [Role.ADMIN],
  START: [Role.DEPARTMENT],
  FEEDBACK: [Role.DEPARTMENT],
  AWAIT_ENTERPRISE: [Role.DEPARTMENT],
  RESUME: [Role.DEPARTMENT, Role.ENTERPRISE],
  ANSWER: [Role.DEPARTMENT],
  PROPOSE_REFUSAL: [Role.DEPARTMENT],
  SIGN_OFF: [Role.DEPARTMENT, Role.LEADER],
  CONFIRM: [Role.ENTERPRISE],
  REOPEN: [Role.ENTERPRISE],
  CLOSE: [Role.ADMIN, Role.DEPARTMENT],
  WITHDRAW: [Role.ENTERPRISE],
  MERGE: [Role.ADMIN],
  ESCALATE: [Role.ADMIN, Role.DEPARTMENT, Role.LEADER],
  REQUEST_REVIEW: [Role.ENTERPRISE],
  DECIDE_REVIEW: [Role.ADMIN, Role.EVALUATOR],
  REASSIGN_REFUSAL: [Role.ADMIN, Role.LEADER],
  GROUP_COMMON: [Role.ADMIN],
  ANSWER_COMMON: [Role.ADMIN, Role.DEPARTMENT],
};

export const ACTION_LABELS: Record<IssueAction, string> = {
  ACCEPT: '受理',
  ASSIGN: '交办',
  START: '提交办理方案',
  FEEDBACK: '反馈进展',
  AWAIT_ENTERPRISE: '请企业补充材料',
  RESUME: '恢复办理',
  ANSWER: '答复',
  PROPOSE_REFUSAL: '提出“不能办”',
  SIGN_OFF: '签批',
  CONFIRM: '确认办结',
  REOPEN: '重新办理',
  CLOSE: '销号',
  WITHDRAW: '撤回',
  MERGE: '并单',
  ESCALATE: '提级',
  REQUEST_REVIEW: '申请说“不”评议',
  DECIDE_REVIEW: '评议决定',
  REASSIGN_REFUSAL: '二次交办',
  GROUP_COMMON: '归入共性问题',
  ANSWER_COMMON: '共性问题统一答复',
};

export function canTransition(action: IssueAction, from: IssueStatus): boolean {
  return ALLOWED_FROM[action].includes(from);
}

/**
 * Who reads a timeline entry (时间线): `PUBLIC` entries the enterprise sees, with their note;
 * `PUBLIC_NO_NOTE` it sees without the note (the step is public, the words are the handling
 * side's); `INTERNAL` entries only the handling side sees — drafts of a refusal, sign-offs and
 * their notes. One table, read by the resolvers and listed in the README.
 */
export type EntryVisibility = 'PUBLIC' | 'PUBLIC_NO_NOTE' | 'INTERNAL';
export const ENTRY_VISIBILITY: Record<IssueAction | 'SUBMIT' | 'MERGED_IN', EntryVisibility> = {
  SUBMIT: 'PUBLIC',
  ACCEPT: 'PUBLIC',
  ASSIGN: 'PUBLIC',
  START: 'PUBLIC',
  FEEDBACK: 'PUBLIC',
  AWAIT_ENTERPRISE: 'PUBLIC',
  RESUME: 'PUBLIC',
  ANSWER: 'PUBLIC',
  PROPOSE_REFUSAL: 'INTERNAL',
  // The last sign-off sends the "cannot handle" answer: that step is public (its answer is the
  // approved refusal's reason); the earlier ones, and every sign-off note, are internal.
  SIGN_OFF: 'INTERNAL',
  CONFIRM: 'PUBLIC',
  REOPEN: 'PUBLIC',
  CLOSE: 'PUBLIC',
  WITHDRAW: 'PUBLIC',
  MERGE: 'PUBLIC',
  MERGED_IN: 'PUBLIC',
  ESCALATE: 'PUBLIC_NO_NOTE',
  REQUEST_REVIEW: 'PUBLIC',
  // The decision is public; the panel's deliberation (the review record) is not.
  DECIDE_REVIEW: 'PUBLIC_NO_NOTE',
  REASSIGN_REFUSAL: 'PUBLIC_NO_NOTE',
  GROUP_COMMON: 'PUBLIC_NO_NOTE',
  ANSWER_COMMON: 'PUBLIC',
};

/** How an entry appears to the enterprise: null when it does not see it at all. */
export function entryForEnterprise(action: string, toStatus: IssueStatus | null): EntryVisibility | null {
  const v = ENTRY_VISIBILITY[action as keyof typeof ENTRY_VISIBILITY] ?? 'INTERNAL';
  if (action === 'SIGN_OFF' && toStatus === IssueStatus.ANSWERED) return 'PUBLIC_NO_NOTE';
  return v === 'INTERNAL' ? null : v;
}

/**
 * The status the enterprise sees: a refusal waiting for its sign-offs is an internal step, so the
 * appeal is still 办理中 to the enterprise until the answer is sent.
 */
export function publicStatus(status: IssueStatus): IssueStatus {
  return status === IssueStatus.REFUSAL_PENDING ? IssueStatus.IN_PROGRESS : status;
}
