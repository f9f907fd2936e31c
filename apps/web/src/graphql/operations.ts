import { graphql } from '../gql';

/**
 * Every operation the web app sends. GraphQL Codegen types them and writes their SHA-256 into
 * src/gql/persisted-documents.json, the trusted-documents manifest the gateway loads.
 */

export const IssueRowFields = graphql(`
  fragment IssueRow on Issue {
    id
    no
    title
    status
    colour
    overdue
    difficult
    categories
    submittedAt
    firstResponseDue
    closeDue
    pausedSince
    handler
    enterprise {
      id
      name
    }
    leadDepartment {
      id
      name
      shortName
    }
  }
`);

export const IssuesQuery = graphql(`
  query WebIssues($filter: IssueFilter, $first: Int!, $after: String) {
    issues(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...IssueRow
        }
      }
    }
  }
`);

export const BoardCountsQuery = graphql(`
  query WebBoardCounts($departmentId: ID) {
    toAccept: issues(filter: { statuses: [SUBMITTED], departmentId: $departmentId }, first: 1) {
      totalCount
    }
    toAssign: issues(filter: { statuses: [ACCEPTED], departmentId: $departmentId }, first: 1) {
      totalCount
    }
    inHand: issues(
      filter: { statuses: [ASSIGNED, IN_PROGRESS, WAITING_ENTERPRISE], departmentId: $departmentId }
      first: 1
    ) {
      totalCount
    }
    dueSoon: issues(
      filter: { open: true, dueWithinWorkdays: 2, overdue: false, departmentId: $departmentId }
      first: 1
    ) {
      totalCount
    }
    overdue: issues(filter: { open: true, overdue: true, departmentId: $departmentId }, first: 1) {
      totalCount
    }
  }
`);

/** 待我签批: the department's refusals awaiting sign-off, with the chain so far. */
export const SignOffQueueQuery = graphql(`
  query WebSignOffQueue($departmentId: ID, $first: Int!, $after: String) {
    issues(
      filter: { statuses: [REFUSAL_PENDING], departmentId: $departmentId }
      first: $first
      after: $after
    ) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...IssueRow
          refusals {
            id
            reason
            basis
            status
            nextRole
            proposedAt
            signOffs {
              role
              signerName
              decision
              note
              at
            }
          }
        }
      }
    }
  }
`);

export const SimilarIssuesQuery = graphql(`
  query WebSimilarIssues($title: String!, $description: String!, $categories: [ProblemDomain!]!) {
    similarIssues(title: $title, description: $description, categories: $categories, first: 5) {
      score
      sameEnterprise
      sharedCategories
      issue {
        id
        no
        title
        status
        submittedAt
        leadDepartment {
          id
          name
        }
      }
    }
  }
`);

export const SubmitIssueMutation = graphql(`
  mutation WebSubmitIssue($input: SubmitIssueInput!) {
    submitIssue(input: $input) {
      id
      no
      status
      firstResponseDue
    }
  }
`);

export const IssueDetailQuery = graphql(`
  query WebIssue($id: ID!) {
    issue(id: $id) {
      ...IssueRow
      description
      scope
      level
      source
      round
      acceptedAt
      firstResponderName
      assignedAt
      planDue
      feedbackDue
      plan
      outcome
      answer
      answeredAt
      confirmedAt
      closedAt
      reopenCount
      escalationCount
      version
      coDepartments {
        id
        name
      }
      mergedInto {
        id
        no
      }
      timeline {
        id
        at
        actorName
        actionLabel
        fromStatus
        toStatus
        note
        audience
      }
      refusals {
        id
        round
        reason
        basis
        status
        nextRole
        proposedAt
        signOffs {
          role
          signerName
          decision
          note
          at
        }
      }
      ratingWindow {
        round
        closesAt
        open
        rated
      }
      ratings {
        id
        round
        level
        comment
        ratedAt
      }
    }
  }
`);

export const SimilarOfIssueQuery = graphql(`
  query WebIssueSimilar($id: ID!) {
    issue(id: $id) {
      id
      similar(first: 5) {
        score
        sameEnterprise
        sharedCategories
        issue {
          id
          no
          title
          status
          enterprise {
            id
            name
          }
        }
      }
      commonProblem {
        id
        title
        status
      }
    }
  }
`);

export const DepartmentsQuery = graphql(`
  query WebDepartments($filter: DepartmentFilter) {
    departments(filter: $filter) {
      id
      name
      shortName
      level
    }
  }
`);

/* The actions on an appeal; each returns the fields the pages show, so the page refreshes from the answer. */

export const AcceptIssue = graphql(`
  mutation WebAcceptIssue($id: ID!, $note: String) {
    acceptIssue(id: $id, note: $note) {
      id
      status
    }
  }
`);
export const AssignIssue = graphql(`
  mutation WebAssignIssue($id: ID!, $input: AssignIssueInput!) {
    assignIssue(id: $id, input: $input) {
      id
      status
    }
  }
`);
export const StartIssue = graphql(`
  mutation WebStartIssue($id: ID!, $plan: String!) {
    startIssue(id: $id, plan: $plan) {
      id
      status
    }
  }
`);
export const ReportProgress = graphql(`
  mutation WebReportProgress($id: ID!, $note: String!) {
    reportIssueProgress(id: $id, note: $note) {
      id
      status
    }
  }
`);
export const AskEnterprise = graphql(`
  mutation WebAskEnterprise($id: ID!, $question: String!) {
    askEnterprise(id: $id, question: $question) {
      id
      status
    }
  }
`);
export const ResumeIssue = graphql(`
  mutation WebResumeIssue($id: ID!, $note: String) {
    resumeIssue(id: $id, note: $note) {
      id
      status
    }
  }
`);
export const AnswerIssue = graphql(`
  mutation WebAnswerIssue($id: ID!, $answer: String!, $outcome: IssueOutcome!) {
    answerIssue(id: $id, answer: $answer, outcome: $outcome) {
      id
      status
    }
  }
`);
export const CloseIssue = graphql(`
  mutation WebCloseIssue($id: ID!, $note: String) {
    closeIssue(id: $id, note: $note) {
      id
      status
    }
  }
`);
export const EscalateIssue = graphql(`
  mutation WebEscalateIssue($id: ID!, $reason: String!) {
    escalateIssue(id: $id, reason: $reason) {
      id
      status
      level
    }
  }
`);
export const MergeIssue = graphql(`
  mutation WebMergeIssue($id: ID!, $intoId: ID!, $note: String) {
    mergeIssue(id: $id, intoId: $intoId, note: $note) {
      id
      status
    }
  }
`);
export const ProposeRefusal = graphql(`
  mutation WebProposeRefusal($id: ID!, $reason: String!, $basis: String) {
    proposeRefusal(id: $id, reason: $reason, basis: $basis) {
      id
      status
    }
  }
`);
export const SignOffRefusal = graphql(`
  mutation WebSignOffRefusal($id: ID!, $approve: Boolean!, $note: String) {
    signOffRefusal(id: $id, approve: $approve, note: $note) {
      id
      status
    }
  }
`);
export const ConfirmIssue = graphql(`
  mutation WebConfirmIssue($id: ID!, $note: String) {
    confirmIssue(id: $id, note: $note) {
      id
      status
    }
  }
`);
export const ReopenIssue = graphql(`
  mutation WebReopenIssue($id: ID!, $reason: String!) {
    reopenIssue(id: $id, reason: $reason) {
      id
      status
    }
  }
`);
export const WithdrawIssue = graphql(`
  mutation WebWithdrawIssue($id: ID!, $reason: String!) {
    withdrawIssue(id: $id, reason: $reason) {
      id
      status
    }
  }
`);
export const RequestReview = graphql(`
  mutation WebRequestReview($id: ID!, $reason: String!) {
    requestRefusalReview(id: $id, reason: $reason) {
      id
      status
    }
  }
`);
export const RateIssue = graphql(`
  mutation WebRate($input: RateInput!) {
    rate(input: $input) {
      id
      level
      comment
    }
  }
`);
