import type { AccessTable } from '@sfw/subgraph-kit';

/**
 * Who may call what and read what in the policies subgraph (惠企政策、申报): the one place these rules are
 * declared. The schema builder enforces the grants on every root field and `_entities`
 * reference; `own` means the resolvers answer only what the principal owns (the `own` texts),
 * anything else exactly like a missing object. The README's "who sees what" states the same
 * rules, and apps/platform/test/authorization-matrix.e2e.spec.ts is generated from this table.
 */
export const accessRules: AccessTable = {
  subgraph: 'policies',
  query: {
    policies: {
      who: {
        admin: 'all',
        enterprise: 'own',
        cadre: 'own',
        department: 'own',
        leader: 'all',
        evaluator: 'all',
      },
      own: {
        enterprise: 'published policies',
        cadre: 'published policies',
        department: 'published policies and its own department’s drafts and withdrawn ones',
      },
    },
    policy: {
      who: {
        admin: 'all',
        enterprise: 'own',
        cadre: 'own',
        department: 'own',
        leader: 'all',
        evaluator: 'all',
      },
      own: {
        enterprise: 'published policies',
        cadre: 'published policies',
        department: 'published policies and its own department’s drafts and withdrawn ones',
      },
    },
    policyApplications: {
      who: {
        admin: 'all',
        enterprise: 'own',
        cadre: 'own',
        department: 'own',
        leader: 'own',
        evaluator: 'all',
      },
      own: {
        enterprise: 'its own applications',
        cadre: 'applications of enterprises paired with it',
        department: 'applications to its department’s policies',
        leader: 'applications in its region',
      },
    },
    policyApplication: {
      who: {
        admin: 'all',
        enterprise: 'own',
        cadre: 'own',
        department: 'own',
        leader: 'own',
        evaluator: 'all',
      },
      own: {
        enterprise: 'its own applications',
        cadre: 'applications of enterprises paired with it',
        department: 'applications to its department’s policies',
        leader: 'applications in its region',
      },
    },
    policyTotals: {
      who: { admin: 'all', department: 'own', leader: 'own', evaluator: 'all' },
      own: { department: 'its own figures', leader: 'its region’s' },
    },
    lowTakeUpPolicies: {
      who: { admin: 'all', department: 'own', leader: 'own', evaluator: 'all' },
      own: { department: 'its own policies', leader: 'its region’s' },
    },
  },
  mutation: {
    createPolicy: {
      who: { admin: 'all', department: 'own' },
      own: { department: 'its own department’s policies' },
    },
    updatePolicy: {
      who: { admin: 'all', department: 'own' },
      own: { department: 'its own department’s policies' },
    },
    publishPolicy: {
      who: { admin: 'all', department: 'own' },
      own: { department: 'its own department’s policies' },
    },
    withdrawPolicy: {
      who: { admin: 'all', department: 'own' },
      own: { department: 'its own department’s policies' },
    },
    applyForPolicy: {
      who: { admin: 'all', enterprise: 'own' },
      own: { enterprise: 'for itself, when eligible (an administrator names the enterprise)' },
    },
    supplementApplication: {
      who: { admin: 'all', enterprise: 'own' },
      own: { enterprise: 'its own applications; another’s answers NOT_FOUND' },
    },
    withdrawApplication: {
      who: { admin: 'all', enterprise: 'own' },
      own: { enterprise: 'its own applications; another’s answers NOT_FOUND' },
    },
    requestApplicationMaterial: {
      who: { admin: 'all', department: 'own', leader: 'own' },
      own: {
        department: 'applications to its own department’s policies',
        leader: 'applications to its own department’s policies',
      },
    },
    approveApplication: {
      who: { admin: 'all', department: 'own', leader: 'own' },
      own: {
        department: 'applications to its own department’s policies',
        leader: 'applications to its own department’s policies',
      },
    },
    rejectApplication: {
      who: { admin: 'all', department: 'own', leader: 'own' },
      own: {
        department: 'applications to its own department’s policies',
        leader: 'applications to its own department’s policies',
      },
    },
    recordPolicyPayout: {
      who: { admin: 'all', department: 'own', leader: 'own' },
      own: {
        department: 'applications to its own department’s policies',
        leader: 'applications to its own department’s policies',
      },
    },
    markPolicyPushesRead: { who: { enterprise: 'own' }, own: { enterprise: 'its own pushes' } },
  },
  entities: {
    Policy: {
      read: {
        admin: 'all',
        enterprise: 'own',
        cadre: 'own',
        department: 'own',
        leader: 'all',
        evaluator: 'all',
      },
      own: {
        enterprise: 'published policies',
        cadre: 'published policies',
        department: 'published policies and its own department’s drafts and withdrawn ones',
      },
    },
    Application: {
      read: {
        admin: 'all',
        enterprise: 'own',
        cadre: 'own',
        department: 'own',
        leader: 'own',
        evaluator: 'all',
      },
      own: {
        enterprise: 'its own applications',
        cadre: 'applications of enterprises paired with it',
        department: 'applications to its department’s policies',
        leader: 'applications in its region',
      },
    },
  },
  extends: {
    Department: {
      policies: {
        who: {
          admin: 'all',
          enterprise: 'own',
          cadre: 'own',
          department: 'own',
          leader: 'all',
          evaluator: 'all',
        },
        own: {
          enterprise: 'published policies',
          cadre: 'published policies',
          department: 'published policies and its own department’s drafts and withdrawn ones',
        },
      },
    },
    Enterprise: {
      eligiblePolicies: {
        who: {
          admin: 'all',
          enterprise: 'own',
          cadre: 'own',
          department: 'own',
          leader: 'own',
          evaluator: 'all',
        },
        own: {
          enterprise: 'its own enterprise’s',
          cadre: 'enterprises paired with it',
          department: 'every enterprise',
          leader: 'its region',
        },
      },
      applications: {
        who: {
          admin: 'all',
          enterprise: 'own',
          cadre: 'own',
          department: 'own',
          leader: 'own',
          evaluator: 'all',
        },
        own: {
          enterprise: 'its own enterprise’s',
          cadre: 'enterprises paired with it',
          department: 'every enterprise',
          leader: 'its region',
        },
      },
      policyPushes: {
        who: {
          admin: 'all',
          enterprise: 'own',
          cadre: 'own',
          department: 'own',
          leader: 'own',
          evaluator: 'all',
        },
        own: {
          enterprise: 'its own enterprise’s',
          cadre: 'enterprises paired with it',
          department: 'every enterprise',
          leader: 'its region',
        },
      },
    },
  },
};
