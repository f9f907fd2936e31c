import type {
  AdministrativeLevel,
  ProblemDomain,
  SignOffRole,
  VisitKind,
  VisitQuestion,
} from '@sfw/shared-types';
import {
  PairingEndReason,
  ServiceGroupKind,
  VisitStatus,
  type Cadre,
  type Department,
  type DepartmentMember,
  type Pairing,
  type ServiceGroup,
  type ServiceGroupCall,
  type Visit,
  type VisitProblem,
} from './types';

/* Column lists with dates as text: pg would turn a `date` into a local-time Date. */

export const DEPARTMENT_COLUMNS = `d.id, d.code, d.name, d.short_name, d.level, d.region_code, d.parent_id, d.domains,
  d.active, d.version, d.created_at, d.updated_at`;

export interface DepartmentRow {
  id: string;
  code: string;
  name: string;
  short_name: string;
  level: string;
  region_code: string;
  parent_id: string | null;
  domains: string[];
  active: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export const toDepartment = (r: DepartmentRow): Department => ({
  id: r.id,
  code: r.code,
  name: r.name,
  shortName: r.short_name,
  level: r.level as AdministrativeLevel,
  regionCode: r.region_code,
  parentId: r.parent_id,
  domains: r.domains as ProblemDomain[],
  active: r.active,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export interface MemberRow {
  id: string;
  department_id: string;
  name: string;
  role: string;
  title: string;
  account: string | null;
}

export const toMember = (r: MemberRow): DepartmentMember & { departmentId: string } => ({
  id: r.id,
  departmentId: r.department_id,
  name: r.name,
  role: r.role as SignOffRole,
  title: r.title,
  account: r.account,
});

export const CADRE_COLUMNS = `c.id, c.staff_no, c.name, c.department_id, c.level, c.region_code, c.specialties, c.phone,
  c.account, c.active, c.left_on::text AS left_on, c.leave_reason, c.last_visit_on::text AS last_visit_on, c.version,
  c.created_at, c.updated_at`;

export interface CadreRow {
  id: string;
  staff_no: string;
  name: string;
  department_id: string;
  level: string;
  region_code: string;
  specialties: string[];
  phone: string | null;
  account: string | null;
  active: boolean;
  left_on: string | null;
  leave_reason: string | null;
  last_visit_on: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export const toCadre = (r: CadreRow): Cadre => ({
  id: r.id,
  staffNo: r.staff_no,
  name: r.name,
  departmentId: r.department_id,
  level: r.level as AdministrativeLevel,
  regionCode: r.region_code,
  specialties: r.specialties as ProblemDomain[],
  phoneRaw: r.phone,
  account: r.account,
  active: r.active,
  leftOn: r.left_on,
  leaveReason: r.leave_reason,
  lastVisitOn: r.last_visit_on,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const PAIRING_COLUMNS = `p.id, p.cadre_id, p.enterprise_id, p.level, p.is_primary, p.from_date::text AS from_date,
  p.to_date::text AS to_date, p.end_reason, p.end_note, p.key_exception, p.exception_note, p.replaces_id, p.created_at`;

export interface PairingRow {
  id: string;
  cadre_id: string;
  enterprise_id: string;
  level: string;
  is_primary: boolean;
  from_date: string;
  to_date: string | null;
  end_reason: string | null;
  end_note: string | null;
  key_exception: boolean;
  exception_note: string | null;
  replaces_id: string | null;
  created_at: Date;
}

export const toPairing = (r: PairingRow): Pairing => ({
  id: r.id,
  cadreId: r.cadre_id,
  enterpriseId: r.enterprise_id,
  level: r.level as AdministrativeLevel,
  primary: r.is_primary,
  fromDate: r.from_date,
  toDate: r.to_date,
  endReason: r.end_reason as PairingEndReason | null,
  endNote: r.end_note,
  keyEnterpriseException: r.key_exception,
  exceptionNote: r.exception_note,
  replacesId: r.replaces_id,
  current: r.to_date === null,
  createdAt: r.created_at,
});

export const VISIT_COLUMNS = `v.id, v.cadre_id, v.department_id, v.enterprise_id, v.service_group_id, v.status,
  v.visited_on::text AS visited_on, v.kind, v.questions, v.notes, v.override_reason, v.cancel_reason, v.created_at,
  v.completed_at`;

export interface VisitRow {
  id: string;
  cadre_id: string;
  department_id: string;
  enterprise_id: string;
  service_group_id: string | null;
  status: string;
  visited_on: string;
  kind: string;
  questions: string[];
  notes: string;
  override_reason: string | null;
  cancel_reason: string | null;
  created_at: Date;
  completed_at: Date | null;
}

export const toVisit = (r: VisitRow): Visit => ({
  id: r.id,
  cadreId: r.cadre_id,
  departmentId: r.department_id,
  enterpriseId: r.enterprise_id,
  serviceGroupId: r.service_group_id,
  status: r.status as VisitStatus,
  visitedOn: r.visited_on,
  kind: r.kind as VisitKind,
  questions: r.questions as VisitQuestion[],
  notes: r.notes,
  overrideReason: r.override_reason,
  cancelReason: r.cancel_reason,
  createdAt: r.created_at,
  completedAt: r.completed_at,
});

export interface ProblemRow {
  id: string;
  visit_id: string;
  title: string;
  description: string;
  domain: string;
}

export const toProblem = (r: ProblemRow): VisitProblem & { visitId: string } => ({
  id: r.id,
  visitId: r.visit_id,
  title: r.title,
  description: r.description,
  domain: r.domain as ProblemDomain,
});

export const GROUP_COLUMNS = `g.id, g.name, g.kind, g.description, g.specialties, g.region_codes, g.lead_department_id,
  g.active, g.version`;

export interface GroupRow {
  id: string;
  name: string;
  kind: string;
  description: string;
  specialties: string[];
  region_codes: string[];
  lead_department_id: string;
  active: boolean;
  version: number;
}

export const toGroup = (r: GroupRow): ServiceGroup => ({
  id: r.id,
  name: r.name,
  kind: r.kind as ServiceGroupKind,
  description: r.description,
  specialties: r.specialties as ProblemDomain[],
  regionCodes: r.region_codes,
  leadDepartmentId: r.lead_department_id,
  active: r.active,
  version: r.version,
});

export interface CallRow {
  id: string;
  group_id: string;
  enterprise_id: string;
  reason: string;
  called_at: Date;
  closed_at: Date | null;
}

export const toCall = (r: CallRow): ServiceGroupCall => ({
  id: r.id,
  groupId: r.group_id,
  enterpriseId: r.enterprise_id,
  reason: r.reason,
  calledAt: r.called_at,
  closedAt: r.closed_at,
});

export { PairingEndReason, ServiceGroupKind, VisitStatus };
