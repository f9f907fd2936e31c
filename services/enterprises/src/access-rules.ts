import type { AccessTable } from '@sfw/subgraph-kit';
import { canRead } from './enterprise/enterprise.access';

/**
 * Who may call what and read what in the enterprises subgraph (企业、行政区划): the one place these rules are
 * declared. The schema builder enforces the grants on every root field and `_entities`
 * reference; `own` means the resolvers answer only what the principal owns (the `own` texts),
 * anything else exactly like a missing object. The README's "who sees what" states the same
 * rules, and apps/platform/test/authorization-matrix.e2e.spec.ts is generated from this table.
 */
export const accessRules: AccessTable = {
  subgraph: 'enterprises',
  query: {
    industries: {
      who: {
        anonymous: 'all',
        admin: 'all',
        enterprise: 'all',
        cadre: 'all',
        department: 'all',
        leader: 'all',
        evaluator: 'all',
      },
    },
    standardEnterpriseTags: {
      who: {
        anonymous: 'all',
        admin: 'all',
        enterprise: 'all',
        cadre: 'all',
        department: 'all',
        leader: 'all',
        evaluator: 'all',
      },
    },
    regions: {
      who: {
        anonymous: 'all',
        admin: 'all',
        enterprise: 'all',
        cadre: 'all',
        department: 'all',
        leader: 'all',
        evaluator: 'all',
      },
    },
    region: {
      who: {
        anonymous: 'all',
        admin: 'all',
        enterprise: 'all',
        cadre: 'all',
        department: 'all',
        leader: 'all',
        evaluator: 'all',
      },
    },
    enterprise: {
      who: {
        admin: 'all',
        enterprise: 'own',
        cadre: 'all',
        department: 'all',
        leader: 'all',
        evaluator: 'all',
      },
      own: { enterprise: 'its own enterprise; any other answers null, like a missing one' },
    },
    enterpriseByCreditCode: {
      who: {
        admin: 'all',
        enterprise: 'own',
        cadre: 'all',
        department: 'all',
        leader: 'all',
        evaluator: 'all',
      },
      own: { enterprise: 'its own enterprise; any other code answers null' },
    },
    enterprises: {
      who: {
        admin: 'all',
        enterprise: 'own',
        cadre: 'all',
        department: 'all',
        leader: 'all',
        evaluator: 'all',
      },
      own: { enterprise: 'a page holding only its own enterprise' },
    },
    enterpriseImport: {
      who: { admin: 'all', department: 'own' },
      own: { department: 'imports its own account started' },
    },
    enterpriseImports: {
      who: { admin: 'all', department: 'own' },
      own: { department: 'imports its own account started' },
    },
  },
  mutation: {
    registerEnterprise: {
      who: { admin: 'all', department: 'own' },
      own: {
        department: 'the registration registry (市场监管局, `*-SJJ`) only; others FORBIDDEN naming the owner',
      },
    },
    updateEnterprise: {
      who: { admin: 'all', department: 'own' },
      own: {
        department:
          'the registry owning each changed attribute (registration `*-SJJ`, scale `*-JXJ`); employees and parks any department',
      },
    },
    addEnterpriseTags: {
      who: { admin: 'all', department: 'own' },
      own: { department: 'the tags registry (经信局, `*-JXJ`) only' },
    },
    removeEnterpriseTags: {
      who: { admin: 'all', department: 'own' },
      own: { department: 'the tags registry (经信局, `*-JXJ`) only' },
    },
    importEnterprises: {
      who: { admin: 'all', department: 'own' },
      own: { department: 'the registration registry (`*-SJJ`) only' },
    },
    addLiaison: {
      who: { admin: 'all', enterprise: 'own', department: 'all' },
      own: { enterprise: 'its own enterprise; another answers NOT_FOUND' },
    },
    updateLiaison: {
      who: { admin: 'all', enterprise: 'own', department: 'all' },
      own: { enterprise: 'its own liaisons; another’s answer NOT_FOUND' },
    },
    removeLiaison: {
      who: { admin: 'all', enterprise: 'own', department: 'all' },
      own: { enterprise: 'its own liaisons; another’s answer NOT_FOUND' },
    },
  },
  entities: {
    Enterprise: {
      read: {
        admin: 'all',
        enterprise: 'own',
        cadre: 'all',
        department: 'all',
        leader: 'all',
        evaluator: 'all',
      },
      own: { enterprise: 'its own enterprise only; another answers null on every path' },
      readable: (viewer, enterprise: { id: string }) => canRead(viewer, enterprise.id),
      fields: {
        'liaisons.phone':
          'in full to administrators, department staff, cadres and the enterprise itself; masked (138****2390) for everyone else',
        changes: 'the change record: who, when, before, after, reason',
      },
    },
    Region: {
      read: {
        anonymous: 'all',
        admin: 'all',
        enterprise: 'all',
        cadre: 'all',
        department: 'all',
        leader: 'all',
        evaluator: 'all',
      },
    },
  },
  extends: {},
};
