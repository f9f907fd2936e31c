import type { AccessTable } from '@sfw/subgraph-kit';

/**
 * Who may call what and read what in the cadres subgraph (部门、助企服务员、结对、走访、专业服务组): the one place these rules are
 * declared. The schema builder enforces the grants on every root field and `_entities`
 * reference; `own` means the resolvers answer only what the principal owns (the `own` texts),
 * anything else exactly like a missing object. The README's "who sees what" states the same
 * rules, and apps/platform/test/authorization-matrix.e2e.spec.ts is generated from this table.
 */
export const accessRules: AccessTable = {
  subgraph: 'cadres',
  query: {
    departments: {
      who: {
        admin: 'all',
        enterprise: 'all',
        cadre: 'all',
        department: 'all',
        leader: 'all',
        evaluator: 'all',
      },
    },
    department: {
      who: {
        admin: 'all',
        enterprise: 'all',
        cadre: 'all',
        department: 'all',
        leader: 'all',
        evaluator: 'all',
      },
    },
    cadres: {
      who: {
        admin: 'all',
        enterprise: 'own',
        cadre: 'own',
        department: 'own',
        leader: 'own',
        evaluator: 'all',
      },
      own: {
        enterprise: 'the cadres paired with its enterprise',
        cadre: 'itself and its department’s cadres',
        department: 'its department’s cadres',
        leader: 'the cadres of its region (its department’s without a region)',
      },
    },
    cadre: {
      who: {
        admin: 'all',
        enterprise: 'own',
        cadre: 'own',
        department: 'own',
        leader: 'own',
        evaluator: 'all',
      },
      own: {
        enterprise: 'the cadres paired with its enterprise',
        cadre: 'itself and its department’s cadres',
        department: 'its department’s cadres',
        leader: 'the cadres of its region (its department’s without a region)',
      },
    },
    myCadre: { who: { cadre: 'own' }, own: { cadre: 'its own cadre record' } },
    pairingCoverage: {
      who: { admin: 'all', leader: 'own', evaluator: 'all' },
      own: { leader: 'its region' },
    },
    cadreVisitStats: {
      who: { admin: 'all', cadre: 'own', department: 'own', leader: 'own', evaluator: 'all' },
      own: { cadre: 'its own visits', department: 'its department’s cadres', leader: 'its region' },
    },
    enterprisesWithoutVisit: {
      who: { admin: 'all', leader: 'own', evaluator: 'all' },
      own: { leader: 'its region' },
    },
    cadresWithoutVisit: {
      who: { admin: 'all', cadre: 'own', department: 'own', leader: 'own', evaluator: 'all' },
      own: { cadre: 'its department’s cadres', department: 'its department’s cadres', leader: 'its region' },
    },
    serviceGroups: {
      who: { admin: 'all', cadre: 'all', department: 'all', leader: 'all', evaluator: 'all' },
    },
    serviceGroup: { who: { admin: 'all', cadre: 'all', department: 'all', leader: 'all', evaluator: 'all' } },
    repairingQueue: {
      who: { admin: 'all', cadre: 'all', department: 'all', leader: 'all', evaluator: 'all' },
    },
    pairingExceptions: { who: { admin: 'all', department: 'all', leader: 'all', evaluator: 'all' } },
    visits: {
      who: {
        admin: 'all',
        enterprise: 'own',
        cadre: 'own',
        department: 'own',
        leader: 'own',
        evaluator: 'all',
      },
      own: {
        enterprise: 'the visits its enterprise received',
        cadre: 'its own visits and every visit to an enterprise paired with it',
        department: 'the visits its department’s cadres made',
        leader: 'the visits in its region',
      },
    },
    visit: {
      who: {
        admin: 'all',
        enterprise: 'own',
        cadre: 'own',
        department: 'own',
        leader: 'own',
        evaluator: 'all',
      },
      own: {
        enterprise: 'the visits its enterprise received',
        cadre: 'its own visits and every visit to an enterprise paired with it',
        department: 'the visits its department’s cadres made',
        leader: 'the visits in its region',
      },
    },
    visitCrowding: {
      who: { admin: 'all', cadre: 'all', department: 'all', leader: 'all', evaluator: 'all' },
    },
  },
  mutation: {
    createDepartment: { who: { admin: 'all' } },
    updateDepartment: { who: { admin: 'all' } },
    setDepartmentMembers: { who: { admin: 'all' } },
    createCadre: { who: { admin: 'all' } },
    updateCadre: { who: { admin: 'all' } },
    deactivateCadre: { who: { admin: 'all' } },
    createServiceGroup: { who: { admin: 'all' } },
    updateServiceGroup: { who: { admin: 'all' } },
    setServiceGroupMembers: { who: { admin: 'all' } },
    handOverPairings: { who: { admin: 'all' } },
    callInServiceGroup: {
      who: { admin: 'all', cadre: 'own', department: 'all' },
      own: { cadre: 'for an enterprise paired with it' },
    },
    closeServiceGroupCall: {
      who: { admin: 'all', cadre: 'own', department: 'all' },
      own: { cadre: 'calls of a group it belongs to' },
    },
    pairCadre: {
      who: { admin: 'all', department: 'own' },
      own: {
        department: 'its own department’s cadres; another’s cadre answers NOT_FOUND, like a missing one',
      },
    },
    endPairing: {
      who: { admin: 'all', department: 'own' },
      own: {
        department: 'its own department’s cadres’ pairings; another’s answers NOT_FOUND, like a missing one',
      },
    },
    importPairings: {
      who: { admin: 'all', department: 'own' },
      own: { department: 'its own department’s cadres' },
    },
    planVisit: {
      who: { admin: 'all', cadre: 'own' },
      own: { cadre: 'enterprises paired with it, or served by a service group it belongs to' },
    },
    recordVisit: {
      who: { admin: 'all', cadre: 'own' },
      own: { cadre: 'enterprises paired with it, or served by a service group it belongs to' },
    },
    cancelVisit: {
      who: { admin: 'all', cadre: 'own' },
      own: {
        cadre:
          'its own planned visits; a visit it cannot read answers NOT_FOUND, like a missing one (one it reads is FORBIDDEN)',
      },
    },
  },
  entities: {
    Department: {
      read: {
        admin: 'all',
        enterprise: 'all',
        cadre: 'all',
        department: 'all',
        leader: 'all',
        evaluator: 'all',
      },
    },
    Cadre: {
      read: {
        admin: 'all',
        enterprise: 'own',
        cadre: 'own',
        department: 'own',
        leader: 'own',
        evaluator: 'all',
      },
      own: {
        enterprise: 'the cadres paired with its enterprise',
        cadre: 'itself and its department’s cadres',
        department: 'its department’s cadres',
        leader: 'the cadres of its region (its department’s without a region)',
      },
    },
    Visit: {
      read: {
        admin: 'all',
        enterprise: 'own',
        cadre: 'own',
        department: 'own',
        leader: 'own',
        evaluator: 'all',
      },
      own: {
        enterprise: 'the visits its enterprise received',
        cadre: 'its own visits and every visit to an enterprise paired with it',
        department: 'the visits its department’s cadres made',
        leader: 'the visits in its region',
      },
    },
    ServiceGroup: {
      read: { admin: 'all', cadre: 'all', department: 'all', leader: 'all', evaluator: 'all' },
    },
  },
  extends: {
    Enterprise: {
      pairedCadres: {
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
          cadre: 'what the cadre and visit rules let it see',
          department: 'what the cadre and visit rules let it see',
          leader: 'what the cadre and visit rules let it see',
        },
      },
      pairingHistory: {
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
          cadre: 'what the cadre and visit rules let it see',
          department: 'what the cadre and visit rules let it see',
          leader: 'what the cadre and visit rules let it see',
        },
      },
      visits: {
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
          cadre: 'what the cadre and visit rules let it see',
          department: 'what the cadre and visit rules let it see',
          leader: 'what the cadre and visit rules let it see',
        },
      },
      lastVisit: {
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
          cadre: 'what the cadre and visit rules let it see',
          department: 'what the cadre and visit rules let it see',
          leader: 'what the cadre and visit rules let it see',
        },
      },
    },
    Region: {},
  },
};
