import type { AccessTable } from '@sfw/subgraph-kit';

/**
 * Who may call what and read what in the evaluations subgraph (满意度评价、评议周期): the one place these rules are
 * declared. The schema builder enforces the grants on every root field and `_entities`
 * reference; `own` means the resolvers answer only what the principal owns (the `own` texts),
 * anything else exactly like a missing object. The README's "who sees what" states the same
 * rules, and apps/platform/test/authorization-matrix.e2e.spec.ts is generated from this table.
 */
export const accessRules: AccessTable = {
  subgraph: 'evaluations',
  query: {
    ratings: {
      who: {
        admin: 'all',
        enterprise: 'own',
        cadre: 'own',
        department: 'own',
        leader: 'own',
        evaluator: 'all',
      },
      own: {
        enterprise: 'its own ratings',
        cadre: 'ratings of appeals credited to it',
        department: 'what concerns its department',
        leader: 'its region (its department without a region)',
      },
    },
    rectifications: {
      who: { admin: 'all', department: 'own', leader: 'own', evaluator: 'all' },
      own: {
        department: 'its own department’s tasks; another’s answers like a missing one',
        leader: 'its own department’s tasks (every task without a department)',
      },
    },
    rectification: {
      who: { admin: 'all', department: 'own', leader: 'own', evaluator: 'all' },
      own: {
        department: 'its own department’s tasks; another’s answers like a missing one',
        leader: 'its own department’s tasks (every task without a department)',
      },
    },
    ratingAppeals: {
      who: { admin: 'all', department: 'own', leader: 'own', evaluator: 'all' },
      own: {
        department: 'appeals of its own department’s ratings',
        leader: 'appeals of its own department’s ratings',
      },
    },
    observerReviews: {
      who: { admin: 'all', department: 'own', leader: 'own', evaluator: 'all' },
      own: { department: 'its own department’s reviews', leader: 'its region' },
    },
    reviewCycle: {
      who: { admin: 'all', cadre: 'own', department: 'own', leader: 'own', evaluator: 'all' },
      own: {
        cadre: 'published cycles, its own results',
        department: 'published cycles, its own results',
        leader: 'published cycles',
      },
    },
    reviewCycles: {
      who: { admin: 'all', cadre: 'own', department: 'own', leader: 'own', evaluator: 'all' },
      own: {
        cadre: 'published cycles',
        department: 'published cycles',
        leader: 'published cycles',
      },
    },
  },
  mutation: {
    rate: {
      who: { enterprise: 'own' },
      own: { enterprise: 'its own appeals; another’s answers NOT_FOUND, like a missing one' },
    },
    verifyRectification: {
      who: { admin: 'all', department: 'own', leader: 'own' },
      own: {
        department: 'its own department’s tasks; another’s answers NOT_FOUND, like a missing one',
        leader: 'its own department’s tasks; another’s it may not read answers NOT_FOUND',
      },
    },
    reportRectification: {
      who: { admin: 'all', department: 'own', leader: 'own' },
      own: {
        department: 'its own department’s tasks; another’s answers NOT_FOUND, like a missing one',
        leader: 'its own department’s tasks; another’s it may not read answers NOT_FOUND',
      },
    },
    appealRating: {
      who: { admin: 'all', department: 'own', leader: 'own' },
      own: {
        department: 'ratings of its own department; another’s answers NOT_FOUND, like a missing one',
        leader: 'ratings of its own department; one outside what it reads answers NOT_FOUND',
      },
    },
    recordRectificationCallback: { who: { admin: 'all', evaluator: 'all' } },
    decideRatingAppeal: { who: { admin: 'all', evaluator: 'all' } },
    recordObserverReview: { who: { admin: 'all', evaluator: 'all' } },
    recordCallback: { who: { admin: 'all', evaluator: 'all' } },
    openReviewCycle: { who: { admin: 'all', evaluator: 'all' } },
    updateReviewCycle: { who: { admin: 'all', evaluator: 'all' } },
    drawCallbacks: { who: { admin: 'all', evaluator: 'all' } },
    runReviewCycle: { who: { admin: 'all', evaluator: 'all' } },
    workFlag: { who: { admin: 'all', evaluator: 'all' } },
    publishReviewCycle: { who: { admin: 'all', evaluator: 'all' } },
    correctReviewCycle: { who: { admin: 'all', evaluator: 'all' } },
  },
  entities: {
    Rating: {
      read: {
        admin: 'all',
        enterprise: 'own',
        cadre: 'own',
        department: 'own',
        leader: 'own',
        evaluator: 'all',
      },
      own: {
        enterprise: 'its own ratings',
        cadre: 'ratings of appeals credited to it',
        department: 'what concerns its department',
        leader: 'its region (its department without a region)',
      },
    },
    ReviewCycle: {
      read: { admin: 'all', cadre: 'own', department: 'own', leader: 'own', evaluator: 'all' },
      own: {
        cadre: 'published cycles',
        department: 'published cycles',
        leader: 'published cycles',
      },
    },
  },
  extends: {
    Issue: {
      ratings: {
        who: {
          admin: 'all',
          enterprise: 'own',
          cadre: 'own',
          department: 'own',
          leader: 'own',
          evaluator: 'all',
        },
        own: {
          enterprise: 'its own ratings',
          cadre: 'ratings of appeals credited to it',
          department: 'what concerns its department',
          leader: 'its region (its department without a region)',
        },
      },
      ratingWindow: {
        who: {
          admin: 'all',
          enterprise: 'own',
          cadre: 'own',
          department: 'own',
          leader: 'own',
          evaluator: 'all',
        },
        own: {
          enterprise: 'its own ratings',
          cadre: 'ratings of appeals credited to it',
          department: 'what concerns its department',
          leader: 'its region (its department without a region)',
        },
      },
    },
    Enterprise: {},
    Department: {
      score: {
        who: { admin: 'all', department: 'own', leader: 'own', evaluator: 'all' },
        own: {
          department: 'its own department; another’s is FORBIDDEN, whether or not it was scored',
          leader: 'its own department and its region’s',
        },
      },
      ranking: {
        who: { admin: 'all', department: 'own', leader: 'own', evaluator: 'all' },
        own: {
          department: 'its own department; another’s is FORBIDDEN',
          leader: 'its own department and its region’s',
        },
      },
    },
    Cadre: {
      score: {
        who: { admin: 'all', cadre: 'own', department: 'own', leader: 'own', evaluator: 'all' },
        own: {
          cadre: 'itself; another cadre’s score is null, like one never scored',
          department: 'its own department’s cadres; another’s is null, like one never scored',
          leader: 'the cadres of its department and of its region’s departments; another’s is null',
        },
      },
      ranking: {
        who: { admin: 'all', cadre: 'own', department: 'own', leader: 'own', evaluator: 'all' },
        own: {
          cadre: 'itself; another cadre’s ranking is empty, like one never ranked',
          department: 'its own department’s cadres (the cycles in which the cadre was theirs)',
          leader: 'the cadres of its department and of its region’s departments',
        },
      },
    },
  },
};
