import { cadresSubgraph, seedDemoCadres, type CadresServices } from '@sfw/cadres';
import { enterprisesSubgraph, generateDemoEnterprises, type EnterprisesServices } from '@sfw/enterprises';
import {
  evaluationsSubgraph,
  seedDemoCycles,
  seedDemoEvaluations,
  type EvaluationsServices,
} from '@sfw/evaluations';
import {
  composeSupergraph,
  loadGatewayConfig,
  readSubgraphSources,
  startGateway,
  type GatewayRoutes,
  type RunningGateway,
} from '@sfw/gateway';
import { issuesSubgraph, seedDemoCommonProblems, seedDemoIssues, type IssuesServices } from '@sfw/issues';
import { policiesSubgraph, seedDemoPolicies, type PoliciesServices } from '@sfw/policies';
import { EnterpriseScale } from '@sfw/shared-types';
import { InProcessEventBus, type RunningSubgraph } from '@sfw/subgraph-kit';
import { startTestSubgraph, TEST_SECRET, type TestSubgraph } from '@sfw/subgraph-kit/testing';
import { DEMO_IDS } from '../../src/demo-users';
import { demoCyclePeriods } from '../../src/stack';

/** A small seeded demo city: every subgraph on its own test database, and the gateway over them. */
export interface TestGraph {
  enterprises: TestSubgraph<EnterprisesServices>;
  cadres: TestSubgraph<CadresServices>;
  issues: TestSubgraph<IssuesServices>;
  evaluations: TestSubgraph<EvaluationsServices>;
  policies: TestSubgraph<PoliciesServices>;
  /** Every subgraph by its composed name. */
  subgraphs: Record<string, TestSubgraph<unknown>>;
  gateway: RunningGateway;
  /** The demo enterprise (the demo cadre is paired with it) and another one. */
  ownEnterpriseId: string;
  otherEnterpriseId: string;
  /** HS256 secret the gateway verifies tokens with. */
  jwtSecret: string;
  stop(): Promise<void>;
}

export interface GraphOptions {
  enterprises?: number;
  issues?: number;
  jwtSecret?: string;
  /** More gateway settings (e.g. TRUSTED_DOCUMENTS). */
  gatewayEnv?: Record<string, string>;
  /** Other routes on the gateway's origin (the web app). */
  routes?: GatewayRoutes;
}

/** One column of a subgraph's tables; `$s` in the SQL is the subgraph's schema. */
export async function column(
  sg: RunningSubgraph<unknown>,
  sql: string,
  params: unknown[] = [],
): Promise<string[]> {
  const rows = (await sg.database.dataSource.query(
    sql.replace(/\$s\b/g, `"${sg.database.schema}"`),
    params,
  )) as { v: string }[];
  return rows.map((r) => r.v);
}

/**
 * Starts every subgraph over one in-process event bus, seeds a small demo city (enterprises, then
 * each later subgraph's demo seed over what it projected) and the gateway in front of them.
 */
export async function startGraph(options: GraphOptions = {}): Promise<TestGraph> {
  const jwtSecret = options.jwtSecret ?? 'test-jwt-secret-0123456789-abcdefghijklmnop';
  const bus = new InProcessEventBus();
  const enterprises = await startTestSubgraph(enterprisesSubgraph, { bus });
  const cadres = await startTestSubgraph(cadresSubgraph, { bus });
  const issues = await startTestSubgraph(issuesSubgraph, { bus });
  const evaluations = await startTestSubgraph(evaluationsSubgraph, { bus });
  const policies = await startTestSubgraph(policiesSubgraph, { bus });

  for (const d of generateDemoEnterprises(options.enterprises ?? 40, 7))
    await enterprises.services.enterprises.register({ ...d, scale: d.scale as EnterpriseScale });
  await enterprises.relay.drain();
  const [own, other] = await column(
    enterprises,
    'SELECT id::text AS v FROM $s.enterprise ORDER BY name LIMIT 2',
  );
  if (!own || !other) throw new Error('the demo city needs two enterprises');
  await seedDemoCadres(cadres.database.dataSource, cadres.database.schema, cadres.outbox, {
    ids: { departmentId: DEMO_IDS.departmentId, cadreId: DEMO_IDS.cadreId, cadreAccount: 'demo-cadre' },
    demoEnterpriseId: own,
    visitsPerEnterprise: 2,
  });
  await cadres.relay.drain();
  const issueSeed = await seedDemoIssues(
    issues.database.dataSource,
    issues.database.schema,
    issues.outbox,
    issues.services.calendar,
    { count: options.issues ?? 120, demoEnterpriseId: own },
  );
  await issues.services.stats.rebuild();
  await seedDemoCommonProblems(issues.services.triage);
  await issues.relay.drain();
  const evaluationSeed = await seedDemoEvaluations(
    evaluations.database.dataSource,
    evaluations.database.schema,
    evaluations.services.calendar,
    issueSeed ? { luqiaoDepartmentId: issueSeed.luqiaoDepartmentId } : {},
  );
  if (evaluationSeed?.ratings)
    await seedDemoCycles(evaluations.services, evaluations.database.dataSource, evaluations.database.schema, {
      regionCode: '331000',
      ...demoCyclePeriods(new Date()),
      luqiaoDepartmentId: evaluationSeed.luqiaoDepartmentId,
    });
  await seedDemoPolicies(policies.services, policies.database.dataSource, policies.database.schema);
  await policies.relay.drain();
  await evaluations.relay.drain();

  const config = loadGatewayConfig({
    NODE_ENV: 'test',
    // LOG_LEVEL=error shows what an internal error was (the subgraphs read it too).
    LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'silent',
    JWT_SECRET: jwtSecret,
    SUBGRAPH_SECRET: TEST_SECRET,
    GATEWAY_PORT: '0',
    GATEWAY_HOST: '127.0.0.1',
    ...options.gatewayEnv,
  });
  const gateway = await startGateway(
    {
      ...config,
      subgraphUrls: {
        enterprises: enterprises.url,
        cadres: cadres.url,
        issues: issues.url,
        evaluations: evaluations.url,
        policies: policies.url,
      },
    },
    { supergraphSdl: composeSupergraph(readSubgraphSources()), routes: options.routes },
  );
  const subgraphs = { enterprises, cadres, issues, evaluations, policies } as Record<
    string,
    TestSubgraph<unknown>
  >;
  return {
    enterprises,
    cadres,
    issues,
    evaluations,
    policies,
    subgraphs,
    gateway,
    ownEnterpriseId: own,
    otherEnterpriseId: other,
    jwtSecret,
    async stop() {
      await gateway.stop();
      await policies.stop();
      await evaluations.stop();
      await issues.stop();
      await cadres.stop();
      await enterprises.stop();
    },
  };
}
