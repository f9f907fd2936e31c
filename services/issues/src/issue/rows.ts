import type {
  AdministrativeLevel,
  IssueOutcome,
  IssueScope,
  IssueSource,
  ProblemDomain,
} from '@sfw/shared-types';
import type { IssueStatus } from './lifecycle';
import type { Issue } from './issue.types';

export const ISSUE_COLUMNS = `i.id, i.no, i.enterprise_id, i.region_code, i.source, i.visit_id, i.title, i.description,
  i.categories, i.scope, i.level, i.difficult, i.status, i.round, i.submitted_at, i.first_response_due, i.accepted_at,
  i.first_responder, i.first_responder_name, i.lead_department_id, i.co_department_ids, i.handler, i.task_force_id,
  i.assigned_at, i.plan_due, i.feedback_due, i.close_due, i.plan, i.plan_at, i.feedback_at, i.paused_since, i.outcome,
  i.answer, i.answered_at, i.confirmed_at, i.closed_at, i.reopen_count, i.escalation_count, i.merged_into_id,
  i.common_problem_id, i.version, i.updated_at`;

export interface IssueRow {
  id: string;
  no: string;
  enterprise_id: string;
  region_code: string;
  source: string;
  visit_id: string | null;
  title: string;
  description: string;
  categories: string[];
  scope: string;
  level: string;
  difficult: boolean;
  status: string;
  round: number;
  submitted_at: Date;
  first_response_due: Date;
  accepted_at: Date | null;
  first_responder: string | null;
  first_responder_name: string | null;
  lead_department_id: string | null;
  co_department_ids: string[];
  handler: string | null;
  task_force_id: string | null;
  assigned_at: Date | null;
  plan_due: Date | null;
  feedback_due: Date | null;
  close_due: Date | null;
  plan: string | null;
  plan_at: Date | null;
  feedback_at: Date | null;
  paused_since: Date | null;
  outcome: string | null;
  answer: string | null;
  answered_at: Date | null;
  confirmed_at: Date | null;
  closed_at: Date | null;
  reopen_count: number;
  escalation_count: number;
  merged_into_id: string | null;
  common_problem_id: string | null;
  version: number;
  updated_at: Date;
}

export const toIssue = (r: IssueRow): Issue => ({
  id: r.id,
  no: r.no,
  enterpriseId: r.enterprise_id,
  regionCode: r.region_code,
  source: r.source as IssueSource,
  visitId: r.visit_id,
  title: r.title,
  description: r.description,
  categories: r.categories as ProblemDomain[],
  scope: r.scope as IssueScope,
  level: r.level as AdministrativeLevel,
  difficult: r.difficult,
  status: r.status as IssueStatus,
  round: r.round,
  submittedAt: r.submitted_at,
  firstResponseDue: r.first_response_due,
  acceptedAt: r.accepted_at,
  firstResponder: r.first_responder,
  firstResponderName: r.first_responder_name,
  leadDepartmentId: r.lead_department_id,
  coDepartmentIds: r.co_department_ids,
  handler: r.handler,
  taskForceId: r.task_force_id,
  assignedAt: r.assigned_at,
  planDue: r.plan_due,
  feedbackDue: r.feedback_due,
  closeDue: r.close_due,
  plan: r.plan,
  planAt: r.plan_at,
  feedbackAt: r.feedback_at,
  pausedSince: r.paused_since,
  outcome: r.outcome as IssueOutcome | null,
  answer: r.answer,
  answeredAt: r.answered_at,
  confirmedAt: r.confirmed_at,
  closedAt: r.closed_at,
  reopenCount: r.reopen_count,
  escalationCount: r.escalation_count,
  mergedIntoId: r.merged_into_id,
  commonProblemId: r.common_problem_id,
  version: r.version,
  updatedAt: r.updated_at,
});
