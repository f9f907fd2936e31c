import type {
  AdministrativeLevel,
  ProblemDomain,
  SignOffRole,
  VisitKind,
  VisitQuestion,
} from '@sfw/shared-types';

/** What the cadres seed knows of an enterprise (from its projection of the enterprises subgraph). */
export interface SeedEnterprise {
  id: string;
  name: string;
  /** County (6 digits) or township (9 digits) division code. */
  regionCode: string;
  tags: string[];
  industryCode: string;
}

/** A department (部门) of the demo city. `code` is unique and stable; `parentCode` names another department's code. */
export interface DemoDepartment {
  code: string;
  name: string;
  shortName: string;
  level: AdministrativeLevel;
  regionCode: string;
  parentCode: string | null;
  domains: ProblemDomain[];
  /** The people who sign off a refusal, one per role at least. `account` is their login subject. */
  members: { name: string; role: SignOffRole; title: string; account: string }[];
}

export interface DemoCadre {
  staffNo: string;
  name: string;
  departmentCode: string;
  level: AdministrativeLevel;
  regionCode: string;
  specialties: ProblemDomain[];
  /** 11-digit mainland mobile number, fictional. */
  phone: string;
  active: boolean;
}

export interface DemoPairing {
  staffNo: string;
  enterpriseId: string;
  primary: boolean;
  /** YYYY-MM-DD */
  fromDate: string;
}

export interface DemoVisit {
  staffNo: string;
  enterpriseId: string;
  /** YYYY-MM-DD, not after `today` */
  visitedOn: string;
  kind: VisitKind;
  questions: VisitQuestion[];
  notes: string;
  problems: { title: string; description: string; domain: ProblemDomain }[];
  /** Set when a service group member visited as part of the group (kind GROUP_SERVICE). */
  serviceGroupName: string | null;
}

export interface DemoServiceGroup {
  name: string;
  kind: 'SERVICE_GROUP' | 'TASK_FORCE';
  description: string;
  specialties: ProblemDomain[];
  /** Division codes the group serves (a county code covers its townships). */
  regionCodes: string[];
  leadDepartmentCode: string;
  /** First one leads the group. */
  memberStaffNos: string[];
  /** Enterprises the group has been called in for (the group's members may then visit them). */
  calledInFor: string[];
}

export interface DemoCadresData {
  departments: DemoDepartment[];
  cadres: DemoCadre[];
  pairings: DemoPairing[];
  visits: DemoVisit[];
  serviceGroups: DemoServiceGroup[];
}

export interface DemoCadresOptions {
  /** PRNG seed; the same inputs give the same output. */
  seed?: number;
  /** YYYY-MM-DD: visits span the year before this day. */
  today: string;
  /** Average visits per enterprise over the year (Hangzhou: 41,250 / 8,226 ≈ 5). */
  visitsPerEnterprise?: number;
  /** The enterprise the demo enterprise user acts for: the first cadre is paired with it. */
  demoEnterpriseId?: string;
}
