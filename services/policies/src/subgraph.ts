import 'reflect-metadata';
import { accessRules } from './access-rules';
import { buildFederatedSchema, type SubgraphDefinition } from '@sfw/subgraph-kit';
import { WorkCalendar } from '@sfw/workdays';
import type { Context, PoliciesServices } from './context';
import {
  ApplicationResolver,
  DepartmentPoliciesResolver,
  EnterprisePoliciesResolver,
  LowTakeUpResolver,
  PolicyResolver,
  PushResolver,
  TotalsResolver,
} from './graphql/resolvers';
import { PoliciesInitial1764100000000 } from './migrations/1764100000000-policies-initial';
import { PoliciesMatchPerEnterprise1764200000000 } from './migrations/1764200000000-policies-match-per-enterprise';
import { PoliciesGrantBasis1764400000000 } from './migrations/1764400000000-policies-grant-basis';
import { ApplicationService } from './policy/application.service';
import { PairingService } from './policy/pairing.service';
import { PolicyService } from './policy/policy.service';
import { TotalsService } from './policy/totals.service';
import { ValiditySweeper } from './policy/validity-sweeper';
import { Projections } from './projection/projections';
import { loadPoliciesConfig } from './config';

const stub = { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) };

export const buildPoliciesSchema = () =>
  buildFederatedSchema({
    access: accessRules,
    resolvers: [
      PolicyResolver,
      ApplicationResolver,
      PushResolver,
      TotalsResolver,
      LowTakeUpResolver,
      EnterprisePoliciesResolver,
      DepartmentPoliciesResolver,
    ],
    // Marking read skips the ids that are not the enterprise's pushes, malformed ones included.
    idsMatchNothing: ['Mutation.markPolicyPushesRead.ids'],
    referenceResolvers: {
      Policy: {
        __resolveReference: async (ref: { id: string }, ctx: Context) =>
          (await ctx.services.policies.byIds([ref.id], ctx.viewer).catch(() => []))[0] ?? null,
      },
      Application: {
        __resolveReference: async (ref: { id: string }, ctx: Context) =>
          (await ctx.services.applications.byIds([ref.id], ctx.viewer).catch(() => []))[0] ?? null,
      },
      Enterprise: stub,
      Department: stub,
    },
  });

/** The policies subgraph: business-support policies (惠企政策直通车). */
export const policiesSubgraph: SubgraphDefinition<PoliciesServices> = {
  name: 'policies',
  defaultPort: 4004,
  entities: [],
  migrations: [
    PoliciesInitial1764100000000,
    PoliciesMatchPerEnterprise1764200000000,
    PoliciesGrantBasis1764400000000,
  ],
  buildSchema: buildPoliciesSchema,
  createServices({ database, logger, env }) {
    const calendar = WorkCalendar.fromEnv(env as NodeJS.ProcessEnv);
    const ds = database.dataSource;
    const s = database.schema;
    const config = loadPoliciesConfig(env as Record<string, string | undefined>);
    const policies = new PolicyService(ds, s, calendar, logger);
    return {
      validity: new ValiditySweeper(policies, config.validitySweepMinutes, logger),
      calendar,
      policies,
      applications: new ApplicationService(ds, s, calendar, policies),
      totals: new TotalsService(ds, s),
      pairings: new PairingService(ds, s),
      projections: new Projections(ds, s, logger, (m, ids) => policies.rematchEnterprises(m, ids)),
    };
  },
  async onStart(services, { bus }) {
    await services.projections.start(bus);
    await services.validity.start();
  },
  async onStop(services) {
    await services.validity.stop();
  },
};
