import type { Logger, RunningSubgraph, SubgraphDefinition } from '@sfw/subgraph-kit';

/** The subgraphs of the embedded stack, in the order they start and seed. */
export const SERVICE_NAMES = ['enterprises', 'cadres', 'issues', 'evaluations', 'policies'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** What the main thread may ask of a running subgraph beyond the bus: its part of the demo seed. */
export type Commands = Record<string, (args: never) => Promise<unknown>>;

export interface LoadedService {
  definition: SubgraphDefinition<unknown>;
  commands(running: RunningSubgraph<unknown>, logger: Logger): Commands;
}

/**
 * One service's definition and seed steps. Each worker imports only its own service package, so
 * a worker holds one service's code and data.
 */
export async function loadService(name: ServiceName): Promise<LoadedService> {
  switch (name) {
    case 'enterprises': {
      const { enterprisesSubgraph } = await import('@sfw/enterprises');
      const { seedEnterprises, demoEnterpriseId } = await import('../seed.js');
      type Running = Parameters<typeof seedEnterprises>[0];
      return {
        definition: enterprisesSubgraph as SubgraphDefinition<unknown>,
        commands: (running, logger) => ({
          'seed.enterprises': ({ count }: { count: number }) =>
            seedEnterprises(running as Running, count, (done: number, total: number) =>
              logger.info({ done, total }, `seeding demo enterprises ${done}/${total}`),
            ),
          'seed.demoEnterpriseId': () => demoEnterpriseId(running as Running),
        }),
      };
    }
    case 'cadres': {
      const { cadresSubgraph, seedDemoCadres } = await import('@sfw/cadres');
      type Running = RunningSubgraph<Awaited<ReturnType<typeof cadresSubgraph.createServices>>>;
      return {
        definition: cadresSubgraph as SubgraphDefinition<unknown>,
        commands: (running) => {
          const r = running as Running;
          return {
            'seed.cadres': (options: Parameters<typeof seedDemoCadres>[3]) =>
              seedDemoCadres(r.database.dataSource, r.database.schema, r.outbox, options),
            'cadre.regionCode': async ({ id }: { id: string }) =>
              (await r.services.cadres.findByIds([id]))[0]?.regionCode ?? undefined,
          };
        },
      };
    }
    case 'issues': {
      const { issuesSubgraph, seedDemoIssues, seedDemoCommonProblems } = await import('@sfw/issues');
      type Running = RunningSubgraph<Awaited<ReturnType<typeof issuesSubgraph.createServices>>>;
      return {
        definition: issuesSubgraph as SubgraphDefinition<unknown>,
        commands: (running) => {
          const r = running as Running;
          return {
            'seed.issues': async () => {
              const issueSeed = await seedDemoIssues(
                r.database.dataSource,
                r.database.schema,
                r.outbox,
                r.services.calendar,
              );
              if (!issueSeed) return null;
              await r.services.stats.rebuild();
              const commonProblems = await seedDemoCommonProblems(r.services.triage);
              return { issueSeed, commonProblems };
            },
          };
        },
      };
    }
    case 'evaluations': {
      const { evaluationsSubgraph, seedDemoEvaluations, seedDemoCycles } = await import('@sfw/evaluations');
      type Running = RunningSubgraph<Awaited<ReturnType<typeof evaluationsSubgraph.createServices>>>;
      return {
        definition: evaluationsSubgraph as SubgraphDefinition<unknown>,
        commands: (running) => {
          const r = running as Running;
          return {
            'seed.evaluations': async ({
              options,
              cycles,
            }: {
              options: Parameters<typeof seedDemoEvaluations>[3];
              cycles: { regionCode: string; published: string[]; inProgress: string };
            }) => {
              const evaluationSeed = await seedDemoEvaluations(
                r.database.dataSource,
                r.database.schema,
                r.services.calendar,
                options,
              );
              if (!evaluationSeed?.ratings) return null;
              const seededCycles = await seedDemoCycles(
                r.services,
                r.database.dataSource,
                r.database.schema,
                {
                  ...cycles,
                  luqiaoDepartmentId: evaluationSeed.luqiaoDepartmentId,
                },
              );
              return { evaluationSeed, cycles: seededCycles };
            },
          };
        },
      };
    }
    case 'policies': {
      const { policiesSubgraph, seedDemoPolicies } = await import('@sfw/policies');
      type Running = RunningSubgraph<Awaited<ReturnType<typeof policiesSubgraph.createServices>>>;
      return {
        definition: policiesSubgraph as SubgraphDefinition<unknown>,
        commands: (running) => {
          const r = running as Running;
          return {
            'seed.policies': () => seedDemoPolicies(r.services, r.database.dataSource, r.database.schema),
          };
        },
      };
    }
  }
}
