/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
  '\n  fragment IssueRow on Issue {\n    id\n    no\n    title\n    status\n    colour\n    overdue\n    difficult\n    categories\n    submittedAt\n    firstResponseDue\n    closeDue\n    pausedSince\n    handler\n    enterprise {\n      id\n      name\n    }\n    leadDepartment {\n      id\n      name\n      shortName\n    }\n  }\n': typeof types.IssueRowFragmentDoc;
  '\n  query WebIssues($filter: IssueFilter, $first: Int!, $after: String) {\n    issues(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...IssueRow\n        }\n      }\n    }\n  }\n': typeof types.WebIssuesDocument;
  '\n  query WebBoardCounts($departmentId: ID) {\n    toAccept: issues(filter: { statuses: [SUBMITTED], departmentId: $departmentId }, first: 1) {\n      totalCount\n    }\n    toAssign: issues(filter: { statuses: [ACCEPTED], departmentId: $departmentId }, first: 1) {\n      totalCount\n    }\n    inHand: issues(\n      filter: { statuses: [ASSIGNED, IN_PROGRESS, WAITING_ENTERPRISE], departmentId: $departmentId }\n      first: 1\n    ) {\n      totalCount\n    }\n    dueSoon: issues(\n      filter: { open: true, dueWithinWorkdays: 2, overdue: false, departmentId: $departmentId }\n      first: 1\n    ) {\n      totalCount\n    }\n    overdue: issues(filter: { open: true, overdue: true, departmentId: $departmentId }, first: 1) {\n      totalCount\n    }\n  }\n': typeof types.WebBoardCountsDocument;
  '\n  query WebSignOffQueue($departmentId: ID, $first: Int!, $after: String) {\n    issues(\n      filter: { statuses: [REFUSAL_PENDING], departmentId: $departmentId }\n      first: $first\n      after: $after\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...IssueRow\n          refusals {\n            id\n            reason\n            basis\n            status\n            nextRole\n            proposedAt\n            signOffs {\n              role\n              signerName\n              decision\n              note\n              at\n            }\n          }\n        }\n      }\n    }\n  }\n': typeof types.WebSignOffQueueDocument;
  '\n  query WebSimilarIssues($title: String!, $description: String!, $categories: [ProblemDomain!]!) {\n    similarIssues(title: $title, description: $description, categories: $categories, first: 5) {\n      score\n      sameEnterprise\n      sharedCategories\n      issue {\n        id\n        no\n        title\n        status\n        submittedAt\n        leadDepartment {\n          id\n          name\n        }\n      }\n    }\n  }\n': typeof types.WebSimilarIssuesDocument;
  '\n  mutation WebSubmitIssue($input: SubmitIssueInput!) {\n    submitIssue(input: $input) {\n      id\n      no\n      status\n      firstResponseDue\n    }\n  }\n': typeof types.WebSubmitIssueDocument;
  '\n  query WebIssue($id: ID!) {\n    issue(id: $id) {\n      ...IssueRow\n      description\n      scope\n      level\n      source\n      round\n      acceptedAt\n      firstResponderName\n      assignedAt\n      planDue\n      feedbackDue\n      plan\n      outcome\n      answer\n      answeredAt\n      confirmedAt\n      closedAt\n      reopenCount\n      escalationCount\n      version\n      coDepartments {\n        id\n        name\n      }\n      mergedInto {\n        id\n        no\n      }\n      timeline {\n        id\n        at\n        actorName\n        actionLabel\n        fromStatus\n        toStatus\n        note\n        audience\n      }\n      refusals {\n        id\n        round\n        reason\n        basis\n        status\n        nextRole\n        proposedAt\n        signOffs {\n          role\n          signerName\n          decision\n          note\n          at\n        }\n      }\n      ratingWindow {\n        round\n        closesAt\n        open\n        rated\n      }\n      ratings {\n        id\n        round\n        level\n        comment\n        ratedAt\n      }\n    }\n  }\n': typeof types.WebIssueDocument;
  '\n  query WebIssueSimilar($id: ID!) {\n    issue(id: $id) {\n      id\n      similar(first: 5) {\n        score\n        sameEnterprise\n        sharedCategories\n        issue {\n          id\n          no\n          title\n          status\n          enterprise {\n            id\n            name\n          }\n        }\n      }\n      commonProblem {\n        id\n        title\n        status\n      }\n    }\n  }\n': typeof types.WebIssueSimilarDocument;
  '\n  query WebDepartments($filter: DepartmentFilter) {\n    departments(filter: $filter) {\n      id\n      name\n      shortName\n      level\n    }\n  }\n': typeof types.WebDepartmentsDocument;
  '\n  mutation WebAcceptIssue($id: ID!, $note: String) {\n    acceptIssue(id: $id, note: $note) {\n      id\n      status\n    }\n  }\n': typeof types.WebAcceptIssueDocument;
  '\n  mutation WebAssignIssue($id: ID!, $input: AssignIssueInput!) {\n    assignIssue(id: $id, input: $input) {\n      id\n      status\n    }\n  }\n': typeof types.WebAssignIssueDocument;
  '\n  mutation WebStartIssue($id: ID!, $plan: String!) {\n    startIssue(id: $id, plan: $plan) {\n      id\n      status\n    }\n  }\n': typeof types.WebStartIssueDocument;
  '\n  mutation WebReportProgress($id: ID!, $note: String!) {\n    reportIssueProgress(id: $id, note: $note) {\n      id\n      status\n    }\n  }\n': typeof types.WebReportProgressDocument;
  '\n  mutation WebAskEnterprise($id: ID!, $question: String!) {\n    askEnterprise(id: $id, question: $question) {\n      id\n      status\n    }\n  }\n': typeof types.WebAskEnterpriseDocument;
  '\n  mutation WebResumeIssue($id: ID!, $note: String) {\n    resumeIssue(id: $id, note: $note) {\n      id\n      status\n    }\n  }\n': typeof types.WebResumeIssueDocument;
  '\n  mutation WebAnswerIssue($id: ID!, $answer: String!, $outcome: IssueOutcome!) {\n    answerIssue(id: $id, answer: $answer, outcome: $outcome) {\n      id\n      status\n    }\n  }\n': typeof types.WebAnswerIssueDocument;
  '\n  mutation WebCloseIssue($id: ID!, $note: String) {\n    closeIssue(id: $id, note: $note) {\n      id\n      status\n    }\n  }\n': typeof types.WebCloseIssueDocument;
  '\n  mutation WebEscalateIssue($id: ID!, $reason: String!) {\n    escalateIssue(id: $id, reason: $reason) {\n      id\n      status\n      level\n    }\n  }\n': typeof types.WebEscalateIssueDocument;
  '\n  mutation WebMergeIssue($id: ID!, $intoId: ID!, $note: String) {\n    mergeIssue(id: $id, intoId: $intoId, note: $note) {\n      id\n      status\n    }\n  }\n': typeof types.WebMergeIssueDocument;
  '\n  mutation WebProposeRefusal($id: ID!, $reason: String!, $basis: String) {\n    proposeRefusal(id: $id, reason: $reason, basis: $basis) {\n      id\n      status\n    }\n  }\n': typeof types.WebProposeRefusalDocument;
  '\n  mutation WebSignOffRefusal($id: ID!, $approve: Boolean!, $note: String) {\n    signOffRefusal(id: $id, approve: $approve, note: $note) {\n      id\n      status\n    }\n  }\n': typeof types.WebSignOffRefusalDocument;
  '\n  mutation WebConfirmIssue($id: ID!, $note: String) {\n    confirmIssue(id: $id, note: $note) {\n      id\n      status\n    }\n  }\n': typeof types.WebConfirmIssueDocument;
  '\n  mutation WebReopenIssue($id: ID!, $reason: String!) {\n    reopenIssue(id: $id, reason: $reason) {\n      id\n      status\n    }\n  }\n': typeof types.WebReopenIssueDocument;
  '\n  mutation WebWithdrawIssue($id: ID!, $reason: String!) {\n    withdrawIssue(id: $id, reason: $reason) {\n      id\n      status\n    }\n  }\n': typeof types.WebWithdrawIssueDocument;
  '\n  mutation WebRequestReview($id: ID!, $reason: String!) {\n    requestRefusalReview(id: $id, reason: $reason) {\n      id\n      status\n    }\n  }\n': typeof types.WebRequestReviewDocument;
  '\n  mutation WebRate($input: RateInput!) {\n    rate(input: $input) {\n      id\n      level\n      comment\n    }\n  }\n': typeof types.WebRateDocument;
};
const documents: Documents = {
  '\n  fragment IssueRow on Issue {\n    id\n    no\n    title\n    status\n    colour\n    overdue\n    difficult\n    categories\n    submittedAt\n    firstResponseDue\n    closeDue\n    pausedSince\n    handler\n    enterprise {\n      id\n      name\n    }\n    leadDepartment {\n      id\n      name\n      shortName\n    }\n  }\n':
    types.IssueRowFragmentDoc,
  '\n  query WebIssues($filter: IssueFilter, $first: Int!, $after: String) {\n    issues(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...IssueRow\n        }\n      }\n    }\n  }\n':
    types.WebIssuesDocument,
  '\n  query WebBoardCounts($departmentId: ID) {\n    toAccept: issues(filter: { statuses: [SUBMITTED], departmentId: $departmentId }, first: 1) {\n      totalCount\n    }\n    toAssign: issues(filter: { statuses: [ACCEPTED], departmentId: $departmentId }, first: 1) {\n      totalCount\n    }\n    inHand: issues(\n      filter: { statuses: [ASSIGNED, IN_PROGRESS, WAITING_ENTERPRISE], departmentId: $departmentId }\n      first: 1\n    ) {\n      totalCount\n    }\n    dueSoon: issues(\n      filter: { open: true, dueWithinWorkdays: 2, overdue: false, departmentId: $departmentId }\n      first: 1\n    ) {\n      totalCount\n    }\n    overdue: issues(filter: { open: true, overdue: true, departmentId: $departmentId }, first: 1) {\n      totalCount\n    }\n  }\n':
    types.WebBoardCountsDocument,
  '\n  query WebSignOffQueue($departmentId: ID, $first: Int!, $after: String) {\n    issues(\n      filter: { statuses: [REFUSAL_PENDING], departmentId: $departmentId }\n      first: $first\n      after: $after\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...IssueRow\n          refusals {\n            id\n            reason\n            basis\n            status\n            nextRole\n            proposedAt\n            signOffs {\n              role\n              signerName\n              decision\n              note\n              at\n            }\n          }\n        }\n      }\n    }\n  }\n':
    types.WebSignOffQueueDocument,
  '\n  query WebSimilarIssues($title: String!, $description: String!, $categories: [ProblemDomain!]!) {\n    similarIssues(title: $title, description: $description, categories: $categories, first: 5) {\n      score\n      sameEnterprise\n      sharedCategories\n      issue {\n        id\n        no\n        title\n        status\n        submittedAt\n        leadDepartment {\n          id\n          name\n        }\n      }\n    }\n  }\n':
    types.WebSimilarIssuesDocument,
  '\n  mutation WebSubmitIssue($input: SubmitIssueInput!) {\n    submitIssue(input: $input) {\n      id\n      no\n      status\n      firstResponseDue\n    }\n  }\n':
    types.WebSubmitIssueDocument,
  '\n  query WebIssue($id: ID!) {\n    issue(id: $id) {\n      ...IssueRow\n      description\n      scope\n      level\n      source\n      round\n      acceptedAt\n      firstResponderName\n      assignedAt\n      planDue\n      feedbackDue\n      plan\n      outcome\n      answer\n      answeredAt\n      confirmedAt\n      closedAt\n      reopenCount\n      escalationCount\n      version\n      coDepartments {\n        id\n        name\n      }\n      mergedInto {\n        id\n        no\n      }\n      timeline {\n        id\n        at\n        actorName\n        actionLabel\n        fromStatus\n        toStatus\n        note\n        audience\n      }\n      refusals {\n        id\n        round\n        reason\n        basis\n        status\n        nextRole\n        proposedAt\n        signOffs {\n          role\n          signerName\n          decision\n          note\n          at\n        }\n      }\n      ratingWindow {\n        round\n        closesAt\n        open\n        rated\n      }\n      ratings {\n        id\n        round\n        level\n        comment\n        ratedAt\n      }\n    }\n  }\n':
    types.WebIssueDocument,
  '\n  query WebIssueSimilar($id: ID!) {\n    issue(id: $id) {\n      id\n      similar(first: 5) {\n        score\n        sameEnterprise\n        sharedCategories\n        issue {\n          id\n          no\n          title\n          status\n          enterprise {\n            id\n            name\n          }\n        }\n      }\n      commonProblem {\n        id\n        title\n        status\n      }\n    }\n  }\n':
    types.WebIssueSimilarDocument,
  '\n  query WebDepartments($filter: DepartmentFilter) {\n    departments(filter: $filter) {\n      id\n      name\n      shortName\n      level\n    }\n  }\n':
    types.WebDepartmentsDocument,
  '\n  mutation WebAcceptIssue($id: ID!, $note: String) {\n    acceptIssue(id: $id, note: $note) {\n      id\n      status\n    }\n  }\n':
    types.WebAcceptIssueDocument,
  '\n  mutation WebAssignIssue($id: ID!, $input: AssignIssueInput!) {\n    assignIssue(id: $id, input: $input) {\n      id\n      status\n    }\n  }\n':
    types.WebAssignIssueDocument,
  '\n  mutation WebStartIssue($id: ID!, $plan: String!) {\n    startIssue(id: $id, plan: $plan) {\n      id\n      status\n    }\n  }\n':
    types.WebStartIssueDocument,
  '\n  mutation WebReportProgress($id: ID!, $note: String!) {\n    reportIssueProgress(id: $id, note: $note) {\n      id\n      status\n    }\n  }\n':
    types.WebReportProgressDocument,
  '\n  mutation WebAskEnterprise($id: ID!, $question: String!) {\n    askEnterprise(id: $id, question: $question) {\n      id\n      status\n    }\n  }\n':
    types.WebAskEnterpriseDocument,
  '\n  mutation WebResumeIssue($id: ID!, $note: String) {\n    resumeIssue(id: $id, note: $note) {\n      id\n      status\n    }\n  }\n':
    types.WebResumeIssueDocument,
  '\n  mutation WebAnswerIssue($id: ID!, $answer: String!, $outcome: IssueOutcome!) {\n    answerIssue(id: $id, answer: $answer, outcome: $outcome) {\n      id\n      status\n    }\n  }\n':
    types.WebAnswerIssueDocument,
  '\n  mutation WebCloseIssue($id: ID!, $note: String) {\n    closeIssue(id: $id, note: $note) {\n      id\n      status\n    }\n  }\n':
    types.WebCloseIssueDocument,
  '\n  mutation WebEscalateIssue($id: ID!, $reason: String!) {\n    escalateIssue(id: $id, reason: $reason) {\n      id\n      status\n      level\n    }\n  }\n':
    types.WebEscalateIssueDocument,
  '\n  mutation WebMergeIssue($id: ID!, $intoId: ID!, $note: String) {\n    mergeIssue(id: $id, intoId: $intoId, note: $note) {\n      id\n      status\n    }\n  }\n':
    types.WebMergeIssueDocument,
  '\n  mutation WebProposeRefusal($id: ID!, $reason: String!, $basis: String) {\n    proposeRefusal(id: $id, reason: $reason, basis: $basis) {\n      id\n      status\n    }\n  }\n':
    types.WebProposeRefusalDocument,
  '\n  mutation WebSignOffRefusal($id: ID!, $approve: Boolean!, $note: String) {\n    signOffRefusal(id: $id, approve: $approve, note: $note) {\n      id\n      status\n    }\n  }\n':
    types.WebSignOffRefusalDocument,
  '\n  mutation WebConfirmIssue($id: ID!, $note: String) {\n    confirmIssue(id: $id, note: $note) {\n      id\n      status\n    }\n  }\n':
    types.WebConfirmIssueDocument,
  '\n  mutation WebReopenIssue($id: ID!, $reason: String!) {\n    reopenIssue(id: $id, reason: $reason) {\n      id\n      status\n    }\n  }\n':
    types.WebReopenIssueDocument,
  '\n  mutation WebWithdrawIssue($id: ID!, $reason: String!) {\n    withdrawIssue(id: $id, reason: $reason) {\n      id\n      status\n    }\n  }\n':
    types.WebWithdrawIssueDocument,
  '\n  mutation WebRequestReview($id: ID!, $reason: String!) {\n    requestRefusalReview(id: $id, reason: $reason) {\n      id\n      status\n    }\n  }\n':
    types.WebRequestReviewDocument,
  '\n  mutation WebRate($input: RateInput!) {\n    rate(input: $input) {\n      id\n      level\n      comment\n    }\n  }\n':
    types.WebRateDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment IssueRow on Issue {\n    id\n    no\n    title\n    status\n    colour\n    overdue\n    difficult\n    categories\n    submittedAt\n    firstResponseDue\n    closeDue\n    pausedSince\n    handler\n    enterprise {\n      id\n      name\n    }\n    leadDepartment {\n      id\n      name\n      shortName\n    }\n  }\n',
): (typeof documents)['\n  fragment IssueRow on Issue {\n    id\n    no\n    title\n    status\n    colour\n    overdue\n    difficult\n    categories\n    submittedAt\n    firstResponseDue\n    closeDue\n    pausedSince\n    handler\n    enterprise {\n      id\n      name\n    }\n    leadDepartment {\n      id\n      name\n      shortName\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query WebIssues($filter: IssueFilter, $first: Int!, $after: String) {\n    issues(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...IssueRow\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query WebIssues($filter: IssueFilter, $first: Int!, $after: String) {\n    issues(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...IssueRow\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query WebBoardCounts($departmentId: ID) {\n    toAccept: issues(filter: { statuses: [SUBMITTED], departmentId: $departmentId }, first: 1) {\n      totalCount\n    }\n    toAssign: issues(filter: { statuses: [ACCEPTED], departmentId: $departmentId }, first: 1) {\n      totalCount\n    }\n    inHand: issues(\n      filter: { statuses: [ASSIGNED, IN_PROGRESS, WAITING_ENTERPRISE], departmentId: $departmentId }\n      first: 1\n    ) {\n      totalCount\n    }\n    dueSoon: issues(\n      filter: { open: true, dueWithinWorkdays: 2, overdue: false, departmentId: $departmentId }\n      first: 1\n    ) {\n      totalCount\n    }\n    overdue: issues(filter: { open: true, overdue: true, departmentId: $departmentId }, first: 1) {\n      totalCount\n    }\n  }\n',
): (typeof documents)['\n  query WebBoardCounts($departmentId: ID) {\n    toAccept: issues(filter: { statuses: [SUBMITTED], departmentId: $departmentId }, first: 1) {\n      totalCount\n    }\n    toAssign: issues(filter: { statuses: [ACCEPTED], departmentId: $departmentId }, first: 1) {\n      totalCount\n    }\n    inHand: issues(\n      filter: { statuses: [ASSIGNED, IN_PROGRESS, WAITING_ENTERPRISE], departmentId: $departmentId }\n      first: 1\n    ) {\n      totalCount\n    }\n    dueSoon: issues(\n      filter: { open: true, dueWithinWorkdays: 2, overdue: false, departmentId: $departmentId }\n      first: 1\n    ) {\n      totalCount\n    }\n    overdue: issues(filter: { open: true, overdue: true, departmentId: $departmentId }, first: 1) {\n      totalCount\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query WebSignOffQueue($departmentId: ID, $first: Int!, $after: String) {\n    issues(\n      filter: { statuses: [REFUSAL_PENDING], departmentId: $departmentId }\n      first: $first\n      after: $after\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...IssueRow\n          refusals {\n            id\n            reason\n            basis\n            status\n            nextRole\n            proposedAt\n            signOffs {\n              role\n              signerName\n              decision\n              note\n              at\n            }\n          }\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query WebSignOffQueue($departmentId: ID, $first: Int!, $after: String) {\n    issues(\n      filter: { statuses: [REFUSAL_PENDING], departmentId: $departmentId }\n      first: $first\n      after: $after\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...IssueRow\n          refusals {\n            id\n            reason\n            basis\n            status\n            nextRole\n            proposedAt\n            signOffs {\n              role\n              signerName\n              decision\n              note\n              at\n            }\n          }\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query WebSimilarIssues($title: String!, $description: String!, $categories: [ProblemDomain!]!) {\n    similarIssues(title: $title, description: $description, categories: $categories, first: 5) {\n      score\n      sameEnterprise\n      sharedCategories\n      issue {\n        id\n        no\n        title\n        status\n        submittedAt\n        leadDepartment {\n          id\n          name\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query WebSimilarIssues($title: String!, $description: String!, $categories: [ProblemDomain!]!) {\n    similarIssues(title: $title, description: $description, categories: $categories, first: 5) {\n      score\n      sameEnterprise\n      sharedCategories\n      issue {\n        id\n        no\n        title\n        status\n        submittedAt\n        leadDepartment {\n          id\n          name\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation WebSubmitIssue($input: SubmitIssueInput!) {\n    submitIssue(input: $input) {\n      id\n      no\n      status\n      firstResponseDue\n    }\n  }\n',
): (typeof documents)['\n  mutation WebSubmitIssue($input: SubmitIssueInput!) {\n    submitIssue(input: $input) {\n      id\n      no\n      status\n      firstResponseDue\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query WebIssue($id: ID!) {\n    issue(id: $id) {\n      ...IssueRow\n      description\n      scope\n      level\n      source\n      round\n      acceptedAt\n      firstResponderName\n      assignedAt\n      planDue\n      feedbackDue\n      plan\n      outcome\n      answer\n      answeredAt\n      confirmedAt\n      closedAt\n      reopenCount\n      escalationCount\n      version\n      coDepartments {\n        id\n        name\n      }\n      mergedInto {\n        id\n        no\n      }\n      timeline {\n        id\n        at\n        actorName\n        actionLabel\n        fromStatus\n        toStatus\n        note\n        audience\n      }\n      refusals {\n        id\n        round\n        reason\n        basis\n        status\n        nextRole\n        proposedAt\n        signOffs {\n          role\n          signerName\n          decision\n          note\n          at\n        }\n      }\n      ratingWindow {\n        round\n        closesAt\n        open\n        rated\n      }\n      ratings {\n        id\n        round\n        level\n        comment\n        ratedAt\n      }\n    }\n  }\n',
): (typeof documents)['\n  query WebIssue($id: ID!) {\n    issue(id: $id) {\n      ...IssueRow\n      description\n      scope\n      level\n      source\n      round\n      acceptedAt\n      firstResponderName\n      assignedAt\n      planDue\n      feedbackDue\n      plan\n      outcome\n      answer\n      answeredAt\n      confirmedAt\n      closedAt\n      reopenCount\n      escalationCount\n      version\n      coDepartments {\n        id\n        name\n      }\n      mergedInto {\n        id\n        no\n      }\n      timeline {\n        id\n        at\n        actorName\n        actionLabel\n        fromStatus\n        toStatus\n        note\n        audience\n      }\n      refusals {\n        id\n        round\n        reason\n        basis\n        status\n        nextRole\n        proposedAt\n        signOffs {\n          role\n          signerName\n          decision\n          note\n          at\n        }\n      }\n      ratingWindow {\n        round\n        closesAt\n        open\n        rated\n      }\n      ratings {\n        id\n        round\n        level\n        comment\n        ratedAt\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query WebIssueSimilar($id: ID!) {\n    issue(id: $id) {\n      id\n      similar(first: 5) {\n        score\n        sameEnterprise\n        sharedCategories\n        issue {\n          id\n          no\n          title\n          status\n          enterprise {\n            id\n            name\n          }\n        }\n      }\n      commonProblem {\n        id\n        title\n        status\n      }\n    }\n  }\n',
): (typeof documents)['\n  query WebIssueSimilar($id: ID!) {\n    issue(id: $id) {\n      id\n      similar(first: 5) {\n        score\n        sameEnterprise\n        sharedCategories\n        issue {\n          id\n          no\n          title\n          status\n          enterprise {\n            id\n            name\n          }\n        }\n      }\n      commonProblem {\n        id\n        title\n        status\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query WebDepartments($filter: DepartmentFilter) {\n    departments(filter: $filter) {\n      id\n      name\n      shortName\n      level\n    }\n  }\n',
): (typeof documents)['\n  query WebDepartments($filter: DepartmentFilter) {\n    departments(filter: $filter) {\n      id\n      name\n      shortName\n      level\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation WebAcceptIssue($id: ID!, $note: String) {\n    acceptIssue(id: $id, note: $note) {\n      id\n      status\n    }\n  }\n',
): (typeof documents)['\n  mutation WebAcceptIssue($id: ID!, $note: String) {\n    acceptIssue(id: $id, note: $note) {\n      id\n      status\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation WebAssignIssue($id: ID!, $input: AssignIssueInput!) {\n    assignIssue(id: $id, input: $input) {\n      id\n      status\n    }\n  }\n',
): (typeof documents)['\n  mutation WebAssignIssue($id: ID!, $input: AssignIssueInput!) {\n    assignIssue(id: $id, input: $input) {\n      id\n      status\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation WebStartIssue($id: ID!, $plan: String!) {\n    startIssue(id: $id, plan: $plan) {\n      id\n      status\n    }\n  }\n',
): (typeof documents)['\n  mutation WebStartIssue($id: ID!, $plan: String!) {\n    startIssue(id: $id, plan: $plan) {\n      id\n      status\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation WebReportProgress($id: ID!, $note: String!) {\n    reportIssueProgress(id: $id, note: $note) {\n      id\n      status\n    }\n  }\n',
): (typeof documents)['\n  mutation WebReportProgress($id: ID!, $note: String!) {\n    reportIssueProgress(id: $id, note: $note) {\n      id\n      status\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation WebAskEnterprise($id: ID!, $question: String!) {\n    askEnterprise(id: $id, question: $question) {\n      id\n      status\n    }\n  }\n',
): (typeof documents)['\n  mutation WebAskEnterprise($id: ID!, $question: String!) {\n    askEnterprise(id: $id, question: $question) {\n      id\n      status\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation WebResumeIssue($id: ID!, $note: String) {\n    resumeIssue(id: $id, note: $note) {\n      id\n      status\n    }\n  }\n',
): (typeof documents)['\n  mutation WebResumeIssue($id: ID!, $note: String) {\n    resumeIssue(id: $id, note: $note) {\n      id\n      status\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation WebAnswerIssue($id: ID!, $answer: String!, $outcome: IssueOutcome!) {\n    answerIssue(id: $id, answer: $answer, outcome: $outcome) {\n      id\n      status\n    }\n  }\n',
): (typeof documents)['\n  mutation WebAnswerIssue($id: ID!, $answer: String!, $outcome: IssueOutcome!) {\n    answerIssue(id: $id, answer: $answer, outcome: $outcome) {\n      id\n      status\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation WebCloseIssue($id: ID!, $note: String) {\n    closeIssue(id: $id, note: $note) {\n      id\n      status\n    }\n  }\n',
): (typeof documents)['\n  mutation WebCloseIssue($id: ID!, $note: String) {\n    closeIssue(id: $id, note: $note) {\n      id\n      status\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation WebEscalateIssue($id: ID!, $reason: String!) {\n    escalateIssue(id: $id, reason: $reason) {\n      id\n      status\n      level\n    }\n  }\n',
): (typeof documents)['\n  mutation WebEscalateIssue($id: ID!, $reason: String!) {\n    escalateIssue(id: $id, reason: $reason) {\n      id\n      status\n      level\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation WebMergeIssue($id: ID!, $intoId: ID!, $note: String) {\n    mergeIssue(id: $id, intoId: $intoId, note: $note) {\n      id\n      status\n    }\n  }\n',
): (typeof documents)['\n  mutation WebMergeIssue($id: ID!, $intoId: ID!, $note: String) {\n    mergeIssue(id: $id, intoId: $intoId, note: $note) {\n      id\n      status\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation WebProposeRefusal($id: ID!, $reason: String!, $basis: String) {\n    proposeRefusal(id: $id, reason: $reason, basis: $basis) {\n      id\n      status\n    }\n  }\n',
): (typeof documents)['\n  mutation WebProposeRefusal($id: ID!, $reason: String!, $basis: String) {\n    proposeRefusal(id: $id, reason: $reason, basis: $basis) {\n      id\n      status\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation WebSignOffRefusal($id: ID!, $approve: Boolean!, $note: String) {\n    signOffRefusal(id: $id, approve: $approve, note: $note) {\n      id\n      status\n    }\n  }\n',
): (typeof documents)['\n  mutation WebSignOffRefusal($id: ID!, $approve: Boolean!, $note: String) {\n    signOffRefusal(id: $id, approve: $approve, note: $note) {\n      id\n      status\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation WebConfirmIssue($id: ID!, $note: String) {\n    confirmIssue(id: $id, note: $note) {\n      id\n      status\n    }\n  }\n',
): (typeof documents)['\n  mutation WebConfirmIssue($id: ID!, $note: String) {\n    confirmIssue(id: $id, note: $note) {\n      id\n      status\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation WebReopenIssue($id: ID!, $reason: String!) {\n    reopenIssue(id: $id, reason: $reason) {\n      id\n      status\n    }\n  }\n',
): (typeof documents)['\n  mutation WebReopenIssue($id: ID!, $reason: String!) {\n    reopenIssue(id: $id, reason: $reason) {\n      id\n      status\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation WebWithdrawIssue($id: ID!, $reason: String!) {\n    withdrawIssue(id: $id, reason: $reason) {\n      id\n      status\n    }\n  }\n',
): (typeof documents)['\n  mutation WebWithdrawIssue($id: ID!, $reason: String!) {\n    withdrawIssue(id: $id, reason: $reason) {\n      id\n      status\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation WebRequestReview($id: ID!, $reason: String!) {\n    requestRefusalReview(id: $id, reason: $reason) {\n      id\n      status\n    }\n  }\n',
): (typeof documents)['\n  mutation WebRequestReview($id: ID!, $reason: String!) {\n    requestRefusalReview(id: $id, reason: $reason) {\n      id\n      status\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation WebRate($input: RateInput!) {\n    rate(input: $input) {\n      id\n      level\n      comment\n    }\n  }\n',
): (typeof documents)['\n  mutation WebRate($input: RateInput!) {\n    rate(input: $input) {\n      id\n      level\n      comment\n    }\n  }\n'];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> =
  TDocumentNode extends DocumentNode<infer TType, any> ? TType : never;
