/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> =
  T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** 层级: 市 / 县区 / 乡镇街道 */
export type AdministrativeLevel =
  /** 市级 */
  | 'CITY'
  /** 县（市、区）级 */
  | 'COUNTY'
  /** 乡镇（街道）级 */
  | 'TOWNSHIP';

export type AssignIssueInput = {
  /** 协办部门 */
  coDepartmentIds?: Array<string | number> | null | undefined;
  /** 承办人 (account) */
  handler?: string | null | undefined;
  /** 牵头部门 */
  leadDepartmentId: string | number;
  note?: string | null | undefined;
  /** A task force or service group from the cadres subgraph */
  taskForceId?: string | number | null | undefined;
};

/** Filters combine with AND */
export type DepartmentFilter = {
  /** Departments answering for this domain */
  domain?: ProblemDomain | null | undefined;
  includeInactive?: boolean | null | undefined;
  level?: AdministrativeLevel | null | undefined;
  parentId?: string | number | null | undefined;
  /** A division code: departments of that region and below it */
  regionCode?: string | null | undefined;
  /** Part of the name, short name or code */
  search?: string | null | undefined;
};

/** 时间线可见范围: PUBLIC 企业可见 / INTERNAL 仅办理方可见 */
export type EntryAudience = 'INTERNAL' | 'PUBLIC';

export type IssueColour =
  /** 绿: on track */
  | 'GREEN'
  /** 红: overdue (or first response overdue) */
  | 'RED'
  /** 黄: difficult, or due within 2 working days */
  | 'YELLOW';

/** Filters combine with AND */
export type IssueFilter = {
  category?: ProblemDomain | null | undefined;
  /** Lead or co-handling department */
  departmentId?: string | number | null | undefined;
  /** Open and due within this many working days */
  dueWithinWorkdays?: number | null | undefined;
  enterpriseId?: string | number | null | undefined;
  /** Escalated at least once (提级) */
  escalated?: boolean | null | undefined;
  level?: AdministrativeLevel | null | undefined;
  /** True: not answered/closed yet; false: finished */
  open?: boolean | null | undefined;
  /** Past due (a paused appeal is not overdue while paused) */
  overdue?: boolean | null | undefined;
  /** A division code and everything below it */
  regionCode?: string | null | undefined;
  /** Part of the title, or the number */
  search?: string | null | undefined;
  statuses?: Array<IssueStatus> | null | undefined;
};

export type IssueOutcome =
  /** 不能办（经三级签批） */
  | 'CANNOT_HANDLE'
  /** 部分解决 */
  | 'PARTLY_RESOLVED'
  /** 已解决 */
  | 'RESOLVED';

export type IssueScope =
  /** 共性问题 */
  | 'COMMON'
  /** 个性问题 */
  | 'INDIVIDUAL'
  /** 体制机制性问题 */
  | 'SYSTEMIC';

/** 诉求来源 */
export type IssueSource =
  /** 12345 热线 */
  | 'HOTLINE_12345'
  /** 领导走访 */
  | 'LEADER_VISIT'
  /** 企业在线提交 */
  | 'ONLINE'
  /** 主题活动（爱企日、诸葛亮会） */
  | 'THEMED_MEETING'
  /** 走访发现 */
  | 'VISIT';

/** 诉求状态 */
export type IssueStatus =
  /** 已受理 */
  | 'ACCEPTED'
  /** 已答复 */
  | 'ANSWERED'
  /** 已交办 */
  | 'ASSIGNED'
  /** 已销号 */
  | 'CLOSED'
  /** 企业已确认 */
  | 'CONFIRMED'
  /** 办理中 */
  | 'IN_PROGRESS'
  /** 已并单 */
  | 'MERGED'
  /** “不能办”待签批 */
  | 'REFUSAL_PENDING'
  /** 评议中 */
  | 'REVIEW_REQUESTED'
  /** 已提交 */
  | 'SUBMITTED'
  /** 待企业补充 */
  | 'WAITING_ENTERPRISE'
  /** 已撤回 */
  | 'WITHDRAWN';

/** 问题领域 (a department’s remit, an appeal’s category) */
export type ProblemDomain =
  /** 审批办证 */
  | 'APPROVALS'
  /** 用能 */
  | 'ENERGY'
  /** 环保 */
  | 'ENVIRONMENT'
  /** 融资 */
  | 'FINANCING'
  /** 基础设施 */
  | 'INFRASTRUCTURE'
  /** 用地 */
  | 'LAND'
  /** 法治 */
  | 'LAW'
  /** 市场准入 */
  | 'MARKET_ACCESS'
  /** 其他 */
  | 'OTHER'
  /** 规划建设 */
  | 'PLANNING_CONSTRUCTION'
  /** 政策兑现 */
  | 'POLICY'
  /** 人才用工 */
  | 'TALENT_LABOUR'
  /** 税务 */
  | 'TAX'
  /** 科技创新 */
  | 'TECHNOLOGY';

/** 满意度评价 */
export type RateInput = {
  attitude?: RatingLevel | null | undefined;
  comment?: string | null | undefined;
  issueId: string | number;
  level: RatingLevel;
  result?: RatingLevel | null | undefined;
  /** Default: the latest answered round */
  round?: number | null | undefined;
  timeliness?: RatingLevel | null | undefined;
};

/** 评价等级（好差评五级） */
export type RatingLevel =
  /** 基本满意 */
  | 'BASICALLY_SATISFIED'
  /** 不满意 */
  | 'DISSATISFIED'
  /** 满意 */
  | 'SATISFIED'
  /** 非常不满意 */
  | 'VERY_DISSATISFIED'
  /** 非常满意 */
  | 'VERY_SATISFIED';

/** 签批角色 (the order of sign-off of a refusal) */
export type SignOffRole =
  /** 部门负责人 */
  | 'DEPARTMENT_HEAD'
  /** 分管领导 */
  | 'LEADER_IN_CHARGE'
  /** 科室负责人 */
  | 'SECTION_CHIEF';

export type SubmitIssueInput = {
  categories: Array<ProblemDomain>;
  description: string;
  /** 疑难 */
  difficult?: boolean | null | undefined;
  /** Required for staff; an enterprise user submits for itself */
  enterpriseId?: string | number | null | undefined;
  /** Default: the enterprise’s township, else county */
  level?: AdministrativeLevel | null | undefined;
  scope?: IssueScope | null | undefined;
  /** Default: ONLINE for an enterprise, VISIT with visitId, else HOTLINE_12345 */
  source?: IssueSource | null | undefined;
  title: string;
  /** The visit (走访) the problem was found in */
  visitId?: string | number | null | undefined;
};

export type IssueRowFragment = {
  __typename: 'Issue';
  id: string;
  no: string;
  title: string;
  status: IssueStatus;
  colour: IssueColour;
  overdue: boolean;
  difficult: boolean;
  categories: Array<ProblemDomain>;
  submittedAt: string;
  firstResponseDue: string;
  closeDue: string | null;
  pausedSince: string | null;
  handler: string | null;
  enterprise: { __typename: 'Enterprise'; id: string; name: string };
  leadDepartment: { __typename: 'Department'; id: string; name: string; shortName: string } | null;
};

export type WebIssuesQueryVariables = Exact<{
  filter?: IssueFilter | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;

export type WebIssuesQuery = {
  __typename: 'Query';
  issues: {
    __typename: 'IssueConnection';
    totalCount: number;
    pageInfo: { __typename: 'PageInfo'; hasNextPage: boolean; endCursor: string | null };
    edges: Array<{
      __typename: 'IssueEdge';
      node: {
        __typename: 'Issue';
        id: string;
        no: string;
        title: string;
        status: IssueStatus;
        colour: IssueColour;
        overdue: boolean;
        difficult: boolean;
        categories: Array<ProblemDomain>;
        submittedAt: string;
        firstResponseDue: string;
        closeDue: string | null;
        pausedSince: string | null;
        handler: string | null;
        enterprise: { __typename: 'Enterprise'; id: string; name: string };
        leadDepartment: { __typename: 'Department'; id: string; name: string; shortName: string } | null;
      };
    }>;
  };
};

export type WebBoardCountsQueryVariables = Exact<{
  departmentId?: string | number | null | undefined;
}>;

export type WebBoardCountsQuery = {
  __typename: 'Query';
  toAccept: { __typename: 'IssueConnection'; totalCount: number };
  toAssign: { __typename: 'IssueConnection'; totalCount: number };
  inHand: { __typename: 'IssueConnection'; totalCount: number };
  dueSoon: { __typename: 'IssueConnection'; totalCount: number };
  overdue: { __typename: 'IssueConnection'; totalCount: number };
};

export type WebSignOffQueueQueryVariables = Exact<{
  departmentId?: string | number | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;

export type WebSignOffQueueQuery = {
  __typename: 'Query';
  issues: {
    __typename: 'IssueConnection';
    totalCount: number;
    pageInfo: { __typename: 'PageInfo'; hasNextPage: boolean; endCursor: string | null };
    edges: Array<{
      __typename: 'IssueEdge';
      node: {
        __typename: 'Issue';
        id: string;
        no: string;
        title: string;
        status: IssueStatus;
        colour: IssueColour;
        overdue: boolean;
        difficult: boolean;
        categories: Array<ProblemDomain>;
        submittedAt: string;
        firstResponseDue: string;
        closeDue: string | null;
        pausedSince: string | null;
        handler: string | null;
        refusals: Array<{
          __typename: 'Refusal';
          id: string;
          reason: string;
          basis: string | null;
          status: string;
          nextRole: SignOffRole | null;
          proposedAt: string;
          signOffs: Array<{
            __typename: 'RefusalSignOff';
            role: SignOffRole;
            signerName: string | null;
            decision: string;
            note: string | null;
            at: string;
          }>;
        }>;
        enterprise: { __typename: 'Enterprise'; id: string; name: string };
        leadDepartment: { __typename: 'Department'; id: string; name: string; shortName: string } | null;
      };
    }>;
  };
};

export type WebSimilarIssuesQueryVariables = Exact<{
  title: string;
  description: string;
  categories: Array<ProblemDomain> | ProblemDomain;
}>;

export type WebSimilarIssuesQuery = {
  __typename: 'Query';
  similarIssues: Array<{
    __typename: 'SimilarIssue';
    score: number;
    sameEnterprise: boolean;
    sharedCategories: Array<ProblemDomain>;
    issue: {
      __typename: 'Issue';
      id: string;
      no: string;
      title: string;
      status: IssueStatus;
      submittedAt: string;
      leadDepartment: { __typename: 'Department'; id: string; name: string } | null;
    };
  }>;
};

export type WebSubmitIssueMutationVariables = Exact<{
  input: SubmitIssueInput;
}>;

export type WebSubmitIssueMutation = {
  __typename: 'Mutation';
  submitIssue: { __typename: 'Issue'; id: string; no: string; status: IssueStatus; firstResponseDue: string };
};

export type WebIssueQueryVariables = Exact<{
  id: string | number;
}>;

export type WebIssueQuery = {
  __typename: 'Query';
  issue: {
    __typename: 'Issue';
    description: string;
    scope: IssueScope;
    level: AdministrativeLevel;
    source: IssueSource;
    round: number;
    acceptedAt: string | null;
    firstResponderName: string | null;
    assignedAt: string | null;
    planDue: string | null;
    feedbackDue: string | null;
    plan: string | null;
    outcome: IssueOutcome | null;
    answer: string | null;
    answeredAt: string | null;
    confirmedAt: string | null;
    closedAt: string | null;
    reopenCount: number;
    escalationCount: number;
    version: number;
    id: string;
    no: string;
    title: string;
    status: IssueStatus;
    colour: IssueColour;
    overdue: boolean;
    difficult: boolean;
    categories: Array<ProblemDomain>;
    submittedAt: string;
    firstResponseDue: string;
    closeDue: string | null;
    pausedSince: string | null;
    handler: string | null;
    coDepartments: Array<{ __typename: 'Department'; id: string; name: string }>;
    mergedInto: { __typename: 'Issue'; id: string; no: string } | null;
    timeline: Array<{
      __typename: 'TimelineEntry';
      id: string;
      at: string;
      actorName: string | null;
      actionLabel: string;
      fromStatus: IssueStatus | null;
      toStatus: IssueStatus | null;
      note: string | null;
      audience: EntryAudience;
    }>;
    refusals: Array<{
      __typename: 'Refusal';
      id: string;
      round: number;
      reason: string;
      basis: string | null;
      status: string;
      nextRole: SignOffRole | null;
      proposedAt: string;
      signOffs: Array<{
        __typename: 'RefusalSignOff';
        role: SignOffRole;
        signerName: string | null;
        decision: string;
        note: string | null;
        at: string;
      }>;
    }>;
    ratingWindow: {
      __typename: 'RatingWindow';
      round: number;
      closesAt: string;
      open: boolean;
      rated: boolean;
    } | null;
    ratings: Array<{
      __typename: 'Rating';
      id: string;
      round: number;
      level: RatingLevel;
      comment: string | null;
      ratedAt: string;
    }>;
    enterprise: { __typename: 'Enterprise'; id: string; name: string };
    leadDepartment: { __typename: 'Department'; id: string; name: string; shortName: string } | null;
  } | null;
};

export type WebIssueSimilarQueryVariables = Exact<{
  id: string | number;
}>;

export type WebIssueSimilarQuery = {
  __typename: 'Query';
  issue: {
    __typename: 'Issue';
    id: string;
    similar: Array<{
      __typename: 'SimilarIssue';
      score: number;
      sameEnterprise: boolean;
      sharedCategories: Array<ProblemDomain>;
      issue: {
        __typename: 'Issue';
        id: string;
        no: string;
        title: string;
        status: IssueStatus;
        enterprise: { __typename: 'Enterprise'; id: string; name: string };
      };
    }>;
    commonProblem: { __typename: 'CommonProblem'; id: string; title: string; status: string } | null;
  } | null;
};

export type WebDepartmentsQueryVariables = Exact<{
  filter?: DepartmentFilter | null | undefined;
}>;

export type WebDepartmentsQuery = {
  __typename: 'Query';
  departments: Array<{
    __typename: 'Department';
    id: string;
    name: string;
    shortName: string;
    level: AdministrativeLevel;
  }>;
};

export type WebAcceptIssueMutationVariables = Exact<{
  id: string | number;
  note?: string | null | undefined;
}>;

export type WebAcceptIssueMutation = {
  __typename: 'Mutation';
  acceptIssue: { __typename: 'Issue'; id: string; status: IssueStatus };
};

export type WebAssignIssueMutationVariables = Exact<{
  id: string | number;
  input: AssignIssueInput;
}>;

export type WebAssignIssueMutation = {
  __typename: 'Mutation';
  assignIssue: { __typename: 'Issue'; id: string; status: IssueStatus };
};

export type WebStartIssueMutationVariables = Exact<{
  id: string | number;
  plan: string;
}>;

export type WebStartIssueMutation = {
  __typename: 'Mutation';
  startIssue: { __typename: 'Issue'; id: string; status: IssueStatus };
};

export type WebReportProgressMutationVariables = Exact<{
  id: string | number;
  note: string;
}>;

export type WebReportProgressMutation = {
  __typename: 'Mutation';
  reportIssueProgress: { __typename: 'Issue'; id: string; status: IssueStatus };
};

export type WebAskEnterpriseMutationVariables = Exact<{
  id: string | number;
  question: string;
}>;

export type WebAskEnterpriseMutation = {
  __typename: 'Mutation';
  askEnterprise: { __typename: 'Issue'; id: string; status: IssueStatus };
};

export type WebResumeIssueMutationVariables = Exact<{
  id: string | number;
  note?: string | null | undefined;
}>;

export type WebResumeIssueMutation = {
  __typename: 'Mutation';
  resumeIssue: { __typename: 'Issue'; id: string; status: IssueStatus };
};

export type WebAnswerIssueMutationVariables = Exact<{
  id: string | number;
  answer: string;
  outcome: IssueOutcome;
}>;

export type WebAnswerIssueMutation = {
  __typename: 'Mutation';
  answerIssue: { __typename: 'Issue'; id: string; status: IssueStatus };
};

export type WebCloseIssueMutationVariables = Exact<{
  id: string | number;
  note?: string | null | undefined;
}>;

export type WebCloseIssueMutation = {
  __typename: 'Mutation';
  closeIssue: { __typename: 'Issue'; id: string; status: IssueStatus };
};

export type WebEscalateIssueMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;

export type WebEscalateIssueMutation = {
  __typename: 'Mutation';
  escalateIssue: { __typename: 'Issue'; id: string; status: IssueStatus; level: AdministrativeLevel };
};

export type WebMergeIssueMutationVariables = Exact<{
  id: string | number;
  intoId: string | number;
  note?: string | null | undefined;
}>;

export type WebMergeIssueMutation = {
  __typename: 'Mutation';
  mergeIssue: { __typename: 'Issue'; id: string; status: IssueStatus };
};

export type WebProposeRefusalMutationVariables = Exact<{
  id: string | number;
  reason: string;
  basis?: string | null | undefined;
}>;

export type WebProposeRefusalMutation = {
  __typename: 'Mutation';
  proposeRefusal: { __typename: 'Issue'; id: string; status: IssueStatus };
};

export type WebSignOffRefusalMutationVariables = Exact<{
  id: string | number;
  approve: boolean;
  note?: string | null | undefined;
}>;

export type WebSignOffRefusalMutation = {
  __typename: 'Mutation';
  signOffRefusal: { __typename: 'Issue'; id: string; status: IssueStatus };
};

export type WebConfirmIssueMutationVariables = Exact<{
  id: string | number;
  note?: string | null | undefined;
}>;

export type WebConfirmIssueMutation = {
  __typename: 'Mutation';
  confirmIssue: { __typename: 'Issue'; id: string; status: IssueStatus };
};

export type WebReopenIssueMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;

export type WebReopenIssueMutation = {
  __typename: 'Mutation';
  reopenIssue: { __typename: 'Issue'; id: string; status: IssueStatus };
};

export type WebWithdrawIssueMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;

export type WebWithdrawIssueMutation = {
  __typename: 'Mutation';
  withdrawIssue: { __typename: 'Issue'; id: string; status: IssueStatus };
};

export type WebRequestReviewMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;

export type WebRequestReviewMutation = {
  __typename: 'Mutation';
  requestRefusalReview: { __typename: 'Issue'; id: string; status: IssueStatus };
};

export type WebRateMutationVariables = Exact<{
  input: RateInput;
}>;

export type WebRateMutation = {
  __typename: 'Mutation';
  rate: { __typename: 'Rating'; id: string; level: RatingLevel; comment: string | null };
};

export const IssueRowFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'IssueRow' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Issue' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'no' } },
          { kind: 'Field', name: { kind: 'Name', value: 'title' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'colour' } },
          { kind: 'Field', name: { kind: 'Name', value: 'overdue' } },
          { kind: 'Field', name: { kind: 'Name', value: 'difficult' } },
          { kind: 'Field', name: { kind: 'Name', value: 'categories' } },
          { kind: 'Field', name: { kind: 'Name', value: 'submittedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'firstResponseDue' } },
          { kind: 'Field', name: { kind: 'Name', value: 'closeDue' } },
          { kind: 'Field', name: { kind: 'Name', value: 'pausedSince' } },
          { kind: 'Field', name: { kind: 'Name', value: 'handler' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'enterprise' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'leadDepartment' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'shortName' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<IssueRowFragment, unknown>;
export const WebIssuesDocument = {
  __meta__: { hash: 'sha256:f49a0e18ec33a84ce66080c741338b33fb6181a022704d0618cb03713c7b15a3' },
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'WebIssues' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'filter' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'IssueFilter' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'issues' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'filter' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'filter' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
                { kind: 'Field', name: { kind: 'Name', value: 'totalCount' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
                            { kind: 'FragmentSpread', name: { kind: 'Name', value: 'IssueRow' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'IssueRow' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Issue' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'no' } },
          { kind: 'Field', name: { kind: 'Name', value: 'title' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'colour' } },
          { kind: 'Field', name: { kind: 'Name', value: 'overdue' } },
          { kind: 'Field', name: { kind: 'Name', value: 'difficult' } },
          { kind: 'Field', name: { kind: 'Name', value: 'categories' } },
          { kind: 'Field', name: { kind: 'Name', value: 'submittedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'firstResponseDue' } },
          { kind: 'Field', name: { kind: 'Name', value: 'closeDue' } },
          { kind: 'Field', name: { kind: 'Name', value: 'pausedSince' } },
          { kind: 'Field', name: { kind: 'Name', value: 'handler' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'enterprise' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'leadDepartment' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'shortName' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<WebIssuesQuery, WebIssuesQueryVariables>;
export const WebBoardCountsDocument = {
  __meta__: { hash: 'sha256:100df7b6835206efa982503dde75cdf598ef535f6fe3f5834aeab5410532021f' },
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'WebBoardCounts' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'departmentId' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
          {
            kind: 'Field',
            alias: { kind: 'Name', value: 'toAccept' },
            name: { kind: 'Name', value: 'issues' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'filter' },
                value: {
                  kind: 'ObjectValue',
                  fields: [
                    {
                      kind: 'ObjectField',
                      name: { kind: 'Name', value: 'statuses' },
                      value: { kind: 'ListValue', values: [{ kind: 'EnumValue', value: 'SUBMITTED' }] },
                    },
                    {
                      kind: 'ObjectField',
                      name: { kind: 'Name', value: 'departmentId' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'departmentId' } },
                    },
                  ],
                },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'IntValue', value: '1' },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
                { kind: 'Field', name: { kind: 'Name', value: 'totalCount' } },
              ],
            },
          },
          {
            kind: 'Field',
            alias: { kind: 'Name', value: 'toAssign' },
            name: { kind: 'Name', value: 'issues' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'filter' },
                value: {
                  kind: 'ObjectValue',
                  fields: [
                    {
                      kind: 'ObjectField',
                      name: { kind: 'Name', value: 'statuses' },
                      value: { kind: 'ListValue', values: [{ kind: 'EnumValue', value: 'ACCEPTED' }] },
                    },
                    {
                      kind: 'ObjectField',
                      name: { kind: 'Name', value: 'departmentId' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'departmentId' } },
                    },
                  ],
                },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'IntValue', value: '1' },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
                { kind: 'Field', name: { kind: 'Name', value: 'totalCount' } },
              ],
            },
          },
          {
            kind: 'Field',
            alias: { kind: 'Name', value: 'inHand' },
            name: { kind: 'Name', value: 'issues' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'filter' },
                value: {
                  kind: 'ObjectValue',
                  fields: [
                    {
                      kind: 'ObjectField',
                      name: { kind: 'Name', value: 'statuses' },
                      value: {
                        kind: 'ListValue',
                        values: [
                          { kind: 'EnumValue', value: 'ASSIGNED' },
                          { kind: 'EnumValue', value: 'IN_PROGRESS' },
                          { kind: 'EnumValue', value: 'WAITING_ENTERPRISE' },
                        ],
                      },
                    },
                    {
                      kind: 'ObjectField',
                      name: { kind: 'Name', value: 'departmentId' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'departmentId' } },
                    },
                  ],
                },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'IntValue', value: '1' },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
                { kind: 'Field', name: { kind: 'Name', value: 'totalCount' } },
              ],
            },
          },
          {
            kind: 'Field',
            alias: { kind: 'Name', value: 'dueSoon' },
            name: { kind: 'Name', value: 'issues' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'filter' },
                value: {
                  kind: 'ObjectValue',
                  fields: [
                    {
                      kind: 'ObjectField',
                      name: { kind: 'Name', value: 'open' },
                      value: { kind: 'BooleanValue', value: true },
                    },
                    {
                      kind: 'ObjectField',
                      name: { kind: 'Name', value: 'dueWithinWorkdays' },
                      value: { kind: 'IntValue', value: '2' },
                    },
                    {
                      kind: 'ObjectField',
                      name: { kind: 'Name', value: 'overdue' },
                      value: { kind: 'BooleanValue', value: false },
                    },
                    {
                      kind: 'ObjectField',
                      name: { kind: 'Name', value: 'departmentId' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'departmentId' } },
                    },
                  ],
                },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'IntValue', value: '1' },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
                { kind: 'Field', name: { kind: 'Name', value: 'totalCount' } },
              ],
            },
          },
          {
            kind: 'Field',
            alias: { kind: 'Name', value: 'overdue' },
            name: { kind: 'Name', value: 'issues' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'filter' },
                value: {
                  kind: 'ObjectValue',
                  fields: [
                    {
                      kind: 'ObjectField',
                      name: { kind: 'Name', value: 'open' },
                      value: { kind: 'BooleanValue', value: true },
                    },
                    {
                      kind: 'ObjectField',
                      name: { kind: 'Name', value: 'overdue' },
                      value: { kind: 'BooleanValue', value: true },
                    },
                    {
                      kind: 'ObjectField',
                      name: { kind: 'Name', value: 'departmentId' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'departmentId' } },
                    },
                  ],
                },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'IntValue', value: '1' },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
                { kind: 'Field', name: { kind: 'Name', value: 'totalCount' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<WebBoardCountsQuery, WebBoardCountsQueryVariables>;
export const WebSignOffQueueDocument = {
  __meta__: { hash: 'sha256:803b1fc9d5db0f432b2ba0de0e32b6034c30fd2d897dc8100e0fe4adccd9c720' },
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'WebSignOffQueue' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'departmentId' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'issues' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'filter' },
                value: {
                  kind: 'ObjectValue',
                  fields: [
                    {
                      kind: 'ObjectField',
                      name: { kind: 'Name', value: 'statuses' },
                      value: { kind: 'ListValue', values: [{ kind: 'EnumValue', value: 'REFUSAL_PENDING' }] },
                    },
                    {
                      kind: 'ObjectField',
                      name: { kind: 'Name', value: 'departmentId' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'departmentId' } },
                    },
                  ],
                },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
                { kind: 'Field', name: { kind: 'Name', value: 'totalCount' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
                            { kind: 'FragmentSpread', name: { kind: 'Name', value: 'IssueRow' } },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'refusals' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'reason' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'basis' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'nextRole' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'proposedAt' } },
                                  {
                                    kind: 'Field',
                                    name: { kind: 'Name', value: 'signOffs' },
                                    selectionSet: {
                                      kind: 'SelectionSet',
                                      selections: [
                                        { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
                                        { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                                        { kind: 'Field', name: { kind: 'Name', value: 'signerName' } },
                                        { kind: 'Field', name: { kind: 'Name', value: 'decision' } },
                                        { kind: 'Field', name: { kind: 'Name', value: 'note' } },
                                        { kind: 'Field', name: { kind: 'Name', value: 'at' } },
                                      ],
                                    },
                                  },
                                ],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'IssueRow' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Issue' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'no' } },
          { kind: 'Field', name: { kind: 'Name', value: 'title' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'colour' } },
          { kind: 'Field', name: { kind: 'Name', value: 'overdue' } },
          { kind: 'Field', name: { kind: 'Name', value: 'difficult' } },
          { kind: 'Field', name: { kind: 'Name', value: 'categories' } },
          { kind: 'Field', name: { kind: 'Name', value: 'submittedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'firstResponseDue' } },
          { kind: 'Field', name: { kind: 'Name', value: 'closeDue' } },
          { kind: 'Field', name: { kind: 'Name', value: 'pausedSince' } },
          { kind: 'Field', name: { kind: 'Name', value: 'handler' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'enterprise' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'leadDepartment' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'shortName' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<WebSignOffQueueQuery, WebSignOffQueueQueryVariables>;
export const WebSimilarIssuesDocument = {
  __meta__: { hash: 'sha256:bef43a7b4b6961959e8927b726ac5fdade1b65eb3c480d495d7ae6ac5bd528ad' },
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'WebSimilarIssues' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'title' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'description' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'categories' } },
          type: {
            kind: 'NonNullType',
            type: {
              kind: 'ListType',
              type: {
                kind: 'NonNullType',
                type: { kind: 'NamedType', name: { kind: 'Name', value: 'ProblemDomain' } },
              },
            },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'similarIssues' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'title' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'title' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'description' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'description' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'categories' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'categories' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'IntValue', value: '5' },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
                { kind: 'Field', name: { kind: 'Name', value: 'score' } },
                { kind: 'Field', name: { kind: 'Name', value: 'sameEnterprise' } },
                { kind: 'Field', name: { kind: 'Name', value: 'sharedCategories' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'issue' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'no' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'title' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'submittedAt' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'leadDepartment' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<WebSimilarIssuesQuery, WebSimilarIssuesQueryVariables>;
export const WebSubmitIssueDocument = {
  __meta__: { hash: 'sha256:3b710cdb6a89d7fc3e0a7c50b5501c9cf4dc8d172efbff52c6c24a40bce734ed' },
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'WebSubmitIssue' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'SubmitIssueInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'submitIssue' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'no' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'firstResponseDue' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<WebSubmitIssueMutation, WebSubmitIssueMutationVariables>;
export const WebIssueDocument = {
  __meta__: { hash: 'sha256:9e3d0cdc4373d6f8d9031e7f3df43d89e39ef5e32f521b8a668a537f4d380aa8' },
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'WebIssue' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'issue' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'IssueRow' } },
                { kind: 'Field', name: { kind: 'Name', value: 'description' } },
                { kind: 'Field', name: { kind: 'Name', value: 'scope' } },
                { kind: 'Field', name: { kind: 'Name', value: 'level' } },
                { kind: 'Field', name: { kind: 'Name', value: 'source' } },
                { kind: 'Field', name: { kind: 'Name', value: 'round' } },
                { kind: 'Field', name: { kind: 'Name', value: 'acceptedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'firstResponderName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'assignedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'planDue' } },
                { kind: 'Field', name: { kind: 'Name', value: 'feedbackDue' } },
                { kind: 'Field', name: { kind: 'Name', value: 'plan' } },
                { kind: 'Field', name: { kind: 'Name', value: 'outcome' } },
                { kind: 'Field', name: { kind: 'Name', value: 'answer' } },
                { kind: 'Field', name: { kind: 'Name', value: 'answeredAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'confirmedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'closedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'reopenCount' } },
                { kind: 'Field', name: { kind: 'Name', value: 'escalationCount' } },
                { kind: 'Field', name: { kind: 'Name', value: 'version' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'coDepartments' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'mergedInto' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'no' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'timeline' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'at' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'actorName' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'actionLabel' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'fromStatus' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'toStatus' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'note' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'audience' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'refusals' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'round' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'reason' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'basis' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'nextRole' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'proposedAt' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'signOffs' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'signerName' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'decision' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'note' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'at' } },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'ratingWindow' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'round' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'closesAt' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'open' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'rated' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'ratings' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'round' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'level' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'comment' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'ratedAt' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'IssueRow' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Issue' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'no' } },
          { kind: 'Field', name: { kind: 'Name', value: 'title' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'colour' } },
          { kind: 'Field', name: { kind: 'Name', value: 'overdue' } },
          { kind: 'Field', name: { kind: 'Name', value: 'difficult' } },
          { kind: 'Field', name: { kind: 'Name', value: 'categories' } },
          { kind: 'Field', name: { kind: 'Name', value: 'submittedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'firstResponseDue' } },
          { kind: 'Field', name: { kind: 'Name', value: 'closeDue' } },
          { kind: 'Field', name: { kind: 'Name', value: 'pausedSince' } },
          { kind: 'Field', name: { kind: 'Name', value: 'handler' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'enterprise' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'leadDepartment' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'shortName' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<WebIssueQuery, WebIssueQueryVariables>;
export const WebIssueSimilarDocument = {
  __meta__: { hash: 'sha256:0da6e235675303d95b9285fda12c35c9d8565d5a70167e0eb606946d440fe50c' },
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'WebIssueSimilar' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'issue' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'similar' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'first' },
                      value: { kind: 'IntValue', value: '5' },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'score' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'sameEnterprise' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'sharedCategories' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'issue' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'no' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'title' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'enterprise' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'commonProblem' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'title' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<WebIssueSimilarQuery, WebIssueSimilarQueryVariables>;
export const WebDepartmentsDocument = {
  __meta__: { hash: 'sha256:e129f69d68149bc2273bb25e63da2f5b3f1b44f11bbfb721f7a31432b95a4e97' },
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'WebDepartments' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'filter' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'DepartmentFilter' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'departments' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'filter' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'filter' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'shortName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'level' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<WebDepartmentsQuery, WebDepartmentsQueryVariables>;
export const WebAcceptIssueDocument = {
  __meta__: { hash: 'sha256:58341708f335f3e17b232696807ca8499d90fc7a81574df9f992da0a9c3d96c7' },
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'WebAcceptIssue' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'note' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'acceptIssue' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'note' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'note' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<WebAcceptIssueMutation, WebAcceptIssueMutationVariables>;
export const WebAssignIssueDocument = {
  __meta__: { hash: 'sha256:d1b7d26d272cfcf141cd9f6963894d0daef742b05c7a3e3a4171679c77190e34' },
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'WebAssignIssue' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'AssignIssueInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'assignIssue' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<WebAssignIssueMutation, WebAssignIssueMutationVariables>;
export const WebStartIssueDocument = {
  __meta__: { hash: 'sha256:5ae0f79e2ce05baf6b96c3beebea5bd93ff6dfdcf3e1bf29425d0e1874d76cbc' },
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'WebStartIssue' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'plan' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'startIssue' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'plan' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'plan' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<WebStartIssueMutation, WebStartIssueMutationVariables>;
export const WebReportProgressDocument = {
  __meta__: { hash: 'sha256:7e0ee129748c69caf5b3f94f611845b4e91b98dce11adccc62578591c11ab0ed' },
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'WebReportProgress' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'note' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'reportIssueProgress' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'note' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'note' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<WebReportProgressMutation, WebReportProgressMutationVariables>;
export const WebAskEnterpriseDocument = {
  __meta__: { hash: 'sha256:46a8fe8c8cf702478debf5b5d4fe83022e43697f3f71238818e7cb200aa47fdd' },
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'WebAskEnterprise' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'question' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'askEnterprise' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'question' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'question' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<WebAskEnterpriseMutation, WebAskEnterpriseMutationVariables>;
export const WebResumeIssueDocument = {
  __meta__: { hash: 'sha256:11c0aa0db98473823fe15e1b74776de9d554b8a6ecf2211c3dd640493554325a' },
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'WebResumeIssue' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'note' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'resumeIssue' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'note' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'note' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<WebResumeIssueMutation, WebResumeIssueMutationVariables>;
export const WebAnswerIssueDocument = {
  __meta__: { hash: 'sha256:a833b7651c5d5cd25abe1fdb9407be469ea966c2c1a89a4481d5d301fbfb599a' },
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'WebAnswerIssue' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'answer' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'outcome' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'IssueOutcome' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'answerIssue' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'answer' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'answer' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'outcome' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'outcome' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<WebAnswerIssueMutation, WebAnswerIssueMutationVariables>;
export const WebCloseIssueDocument = {
  __meta__: { hash: 'sha256:557f73a0113e7dbdf6471018a9ea88fd79e830dc047f860535cce465f6779dd2' },
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'WebCloseIssue' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'note' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'closeIssue' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'note' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'note' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<WebCloseIssueMutation, WebCloseIssueMutationVariables>;
export const WebEscalateIssueDocument = {
  __meta__: { hash: 'sha256:b4ca4b331767d4f2b4b33a0a27c7b18d12b578bb88bbd25566fb81d5bc0a5eab' },
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'WebEscalateIssue' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'reason' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'escalateIssue' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'reason' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'reason' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'level' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<WebEscalateIssueMutation, WebEscalateIssueMutationVariables>;
export const WebMergeIssueDocument = {
  __meta__: { hash: 'sha256:c9b28cf78a5f244475fdf96d9e2fa125f96fefb50e5c25b15f88e0e72bde86f2' },
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'WebMergeIssue' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'intoId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'note' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'mergeIssue' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'intoId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'intoId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'note' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'note' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<WebMergeIssueMutation, WebMergeIssueMutationVariables>;
export const WebProposeRefusalDocument = {
  __meta__: { hash: 'sha256:255cc40a9cf00cbb55592260a318d7185d9ecb3185dba42fea1607c6e59502b2' },
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'WebProposeRefusal' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'reason' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'basis' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'proposeRefusal' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'reason' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'reason' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'basis' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'basis' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<WebProposeRefusalMutation, WebProposeRefusalMutationVariables>;
export const WebSignOffRefusalDocument = {
  __meta__: { hash: 'sha256:16bcadb3ccd4b964e12877823506741c28cf29ec68da0af4ea19e442f86812b8' },
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'WebSignOffRefusal' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'approve' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'Boolean' } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'note' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'signOffRefusal' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'approve' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'approve' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'note' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'note' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<WebSignOffRefusalMutation, WebSignOffRefusalMutationVariables>;
export const WebConfirmIssueDocument = {
  __meta__: { hash: 'sha256:87b1b973eddd601c134c4affc2eaef405719292e6a325795dee77007a08f877c' },
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'WebConfirmIssue' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'note' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'confirmIssue' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'note' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'note' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<WebConfirmIssueMutation, WebConfirmIssueMutationVariables>;
export const WebReopenIssueDocument = {
  __meta__: { hash: 'sha256:f3d901a28d39809676e7c83acfdc84ddf9197f44f917640206a6c27d7ae4c113' },
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'WebReopenIssue' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'reason' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'reopenIssue' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'reason' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'reason' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<WebReopenIssueMutation, WebReopenIssueMutationVariables>;
export const WebWithdrawIssueDocument = {
  __meta__: { hash: 'sha256:f6a682d9f5ed28f387a89aea677094fa7269807da5e69e40d9b6d62066a3e82b' },
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'WebWithdrawIssue' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'reason' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'withdrawIssue' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'reason' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'reason' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<WebWithdrawIssueMutation, WebWithdrawIssueMutationVariables>;
export const WebRequestReviewDocument = {
  __meta__: { hash: 'sha256:10163eb1cd011d5bb16e00b7b63b0a47c244eacf5e5a59d4f1802354cc721aaf' },
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'WebRequestReview' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'reason' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'requestRefusalReview' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'reason' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'reason' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<WebRequestReviewMutation, WebRequestReviewMutationVariables>;
export const WebRateDocument = {
  __meta__: { hash: 'sha256:761c2cf5e1c567cf525f16e047d7577e0af47784dae3fedcf25a5bbc2cdf2910' },
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'WebRate' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'RateInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'rate' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'level' } },
                { kind: 'Field', name: { kind: 'Name', value: 'comment' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<WebRateMutation, WebRateMutationVariables>;
