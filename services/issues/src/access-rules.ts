import type { AccessTable } from '@sfw/subgraph-kit';

/**
 * Who may call what and read what in the issues subgraph (诉求): the one place these rules are
 * declared. The schema builder enforces the grants on every root field and `_entities`
 * reference; `own` means the resolvers answer only what the principal owns (the `own` texts),
 * anything else exactly like a missing object. The README's "who sees what" states the same
 * rules, and apps/platform/test/authorization-matrix.e2e.spec.ts is generated from this table.
 */
export const accessRules: AccessTable = {
  subgraph: 'issues',
  query: {
    issue: {
      who: {
        admin: 'all',
        enterprise: 'own',
        cadre: 'own',
        department: 'own',
        leader: 'own',
        evaluator: 'all',
      },
      own: {
        enterprise: 'its own appeals (public steps only)',
        cadre: 'appeals of enterprises paired with it and those it raised',
        department: 'appeals its department leads or co-handles (or whose common problem it leads)',
        leader: 'appeals of its region',
      },
    },
    issues: {
      who: {
        admin: 'all',
        enterprise: 'own',
        cadre: 'own',
        department: 'own',
        leader: 'own',
        evaluator: 'all',
      },
      own: {
        enterprise: 'its own appeals (public steps only)',
        cadre: 'appeals of enterprises paired with it and those it raised',
        department: 'appeals its department leads or co-handles (or whose common problem it leads)',
        leader: 'appeals of its region',
      },
    },
    similarIssues: {
      who: {
        admin: 'all',
        enterprise: 'own',
        cadre: 'own',
        department: 'own',
        leader: 'own',
        evaluator: 'all',
      },
      own: {
        enterprise: 'its own appeals (public steps only)',
        cadre: 'appeals of enterprises paired with it and those it raised',
        department: 'appeals its department leads or co-handles (or whose common problem it leads)',
        leader: 'appeals of its region',
      },
    },
    commonProblemSuggestions: {
      who: { admin: 'all', department: 'own', leader: 'own', evaluator: 'all' },
      own: { department: 'its own appeals', leader: 'its region' },
    },
    commonProblems: {
      who: { admin: 'all', cadre: 'all', department: 'all', leader: 'all', evaluator: 'all' },
    },
    deadlineRules: {
      who: { admin: 'all', cadre: 'all', department: 'all', leader: 'all', evaluator: 'all' },
    },
    supervisionList: {
      who: { admin: 'all', department: 'own', leader: 'own', evaluator: 'all' },
      own: { department: 'its department’s appeals', leader: 'its region' },
    },
    issueStatistics: {
      who: { admin: 'all', department: 'own', leader: 'own', evaluator: 'all' },
      own: { department: 'its department’s figures', leader: 'its region' },
    },
  },
  mutation: {
    submitIssue: {
      who: { admin: 'all', enterprise: 'own', cadre: 'own', department: 'all' },
      own: { enterprise: 'for itself', cadre: 'for an enterprise paired with it' },
    },
    acceptIssue: {
      who: { admin: 'all', cadre: 'own', department: 'own' },
      own: { cadre: 'appeals it may see', department: 'appeals it may see' },
    },
    assignIssue: { who: { admin: 'all' } },
    startIssue: { who: { department: 'own' }, own: { department: 'appeals its department leads' } },
    answerIssue: { who: { department: 'own' }, own: { department: 'appeals its department leads' } },
    proposeRefusal: { who: { department: 'own' }, own: { department: 'appeals its department leads' } },
    askEnterprise: { who: { department: 'own' }, own: { department: 'appeals its department leads' } },
    reportIssueProgress: {
      who: { department: 'own' },
      own: { department: 'appeals its department leads or co-handles' },
    },
    resumeIssue: {
      who: { enterprise: 'own', department: 'own' },
      own: { enterprise: 'its own appeals', department: 'appeals its department leads' },
    },
    signOffRefusal: {
      who: { department: 'own', leader: 'own' },
      own: {
        department: 'its own department’s refusals, as the member named for the step',
        leader: 'its own department’s refusals, as the member named for the step',
      },
    },
    confirmIssue: {
      who: { enterprise: 'own' },
      own: { enterprise: 'its own appeals; another’s answers NOT_FOUND' },
    },
    reopenIssue: {
      who: { enterprise: 'own' },
      own: { enterprise: 'its own appeals; another’s answers NOT_FOUND' },
    },
    withdrawIssue: {
      who: { enterprise: 'own' },
      own: { enterprise: 'its own appeals; another’s answers NOT_FOUND' },
    },
    requestRefusalReview: {
      who: { enterprise: 'own' },
      own: { enterprise: 'its own appeals; another’s answers NOT_FOUND' },
    },
    closeIssue: {
      who: { admin: 'all', department: 'own' },
      own: { department: 'appeals its department leads' },
    },
    mergeIssue: { who: { admin: 'all' } },
    escalateIssue: {
      who: { admin: 'all', department: 'own', leader: 'own' },
      own: { department: 'appeals it may see', leader: 'appeals of its region' },
    },
    decideRefusalReview: { who: { admin: 'all', evaluator: 'all' } },
    createCommonProblem: { who: { admin: 'all' } },
    answerCommonProblem: {
      who: { admin: 'all', department: 'own' },
      own: { department: 'common problems its department leads' },
    },
    reassignRefusals: { who: { admin: 'all', leader: 'own' }, own: { leader: 'its region' } },
    setDeadlineRule: { who: { admin: 'all' } },
  },
  entities: {
    Issue: {
      read: {
        admin: 'all',
        enterprise: 'own',
        cadre: 'own',
        department: 'own',
        leader: 'own',
        evaluator: 'all',
      },
      own: {
        enterprise: 'its own appeals (public steps only)',
        cadre: 'appeals of enterprises paired with it and those it raised',
        department: 'appeals its department leads or co-handles (or whose common problem it leads)',
        leader: 'appeals of its region',
      },
    },
  },
  extends: {
    Enterprise: {
      issues: {
        who: {
          admin: 'all',
          enterprise: 'own',
          cadre: 'own',
          department: 'own',
          leader: 'own',
          evaluator: 'all',
        },
        own: {
          enterprise: 'its own appeals (public steps only)',
          cadre: 'appeals of enterprises paired with it and those it raised',
          department: 'appeals its department leads or co-handles (or whose common problem it leads)',
          leader: 'appeals of its region',
        },
      },
    },
    Cadre: {
      issues: {
        who: {
          admin: 'all',
          enterprise: 'own',
          cadre: 'own',
          department: 'own',
          leader: 'own',
          evaluator: 'all',
        },
        own: {
          enterprise: 'its own appeals (public steps only)',
          cadre: 'appeals of enterprises paired with it and those it raised',
          department: 'appeals its department leads or co-handles (or whose common problem it leads)',
          leader: 'appeals of its region',
        },
      },
    },
    Visit: {
      issues: {
        who: {
          admin: 'all',
          enterprise: 'own',
          cadre: 'own',
          department: 'own',
          leader: 'own',
          evaluator: 'all',
        },
        own: {
          enterprise: 'its own appeals (public steps only)',
          cadre: 'appeals of enterprises paired with it and those it raised',
          department: 'appeals its department leads or co-handles (or whose common problem it leads)',
          leader: 'appeals of its region',
        },
      },
    },
    Department: {
      issues: {
        who: {
          admin: 'all',
          enterprise: 'own',
          cadre: 'own',
          department: 'own',
          leader: 'own',
          evaluator: 'all',
        },
        own: {
          enterprise: 'its own appeals (public steps only)',
          cadre: 'appeals of enterprises paired with it and those it raised',
          department: 'appeals its department leads or co-handles (or whose common problem it leads)',
          leader: 'appeals of its region',
        },
      },
      workload: {
        who: {
          admin: 'all',
          enterprise: 'own',
          cadre: 'own',
          department: 'own',
          leader: 'own',
          evaluator: 'all',
        },
        own: {
          enterprise: 'its own appeals (public steps only)',
          cadre: 'appeals of enterprises paired with it and those it raised',
          department: 'appeals its department leads or co-handles (or whose common problem it leads)',
          leader: 'appeals of its region',
        },
      },
    },
    ServiceGroup: {},
  },
};
