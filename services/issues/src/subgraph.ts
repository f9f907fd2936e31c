import 'reflect-metadata';
import { accessRules } from './access-rules';
import { buildFederatedSchema, type SubgraphDefinition } from '@sfw/subgraph-kit';
import { WorkCalendar } from '@sfw/workdays';
import type { Context, IssuesServices } from './context';
import { IssueQueryService } from './issue/issue.query';
import {
  CadreIssuesResolver,
  DepartmentIssuesResolver,
  EnterpriseIssuesResolver,
  IssueResolver,
  VisitIssuesResolver,
} from './issue/issue.resolver';
import { IssueService } from './issue/issue.service';
import { CadreRef } from './issue/issue.types';
import { IssueTriageFieldsResolver, TriageResolver } from './issue/triage.resolver';
import { TriageService } from './issue/triage.service';
import { IssuesInitial1763900000000 } from './migrations/1763900000000-issues-initial';
import { IssueStats1763910000000 } from './migrations/1763910000000-issue-stats';
import { Projections } from './projection/projections';
import { StatsResolver } from './stats/stats.resolver';
import { StatsService } from './stats/stats.service';

const stub = { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) };

export const buildIssuesSchema = () =>
  buildFederatedSchema({
    access: accessRules,
    resolvers: [
      IssueResolver,
      EnterpriseIssuesResolver,
      DepartmentIssuesResolver,
      CadreIssuesResolver,
      VisitIssuesResolver,
      TriageResolver,
      IssueTriageFieldsResolver,
      StatsResolver,
    ],
    // No field of this subgraph returns a Cadre, so type-graphql would leave the stub (and
    // Cadre.issues with it) out of the schema unless it is named here.
    orphanedTypes: [CadreRef],
    referenceResolvers: {
      Issue: {
        __resolveReference: (ref: { id: string }, ctx: Context) =>
          ctx.loaders
            .get<string, unknown>('issueRef', (ids) => ctx.services.issues.findByIds(ids, ctx.viewer))
            .load(ref.id),
      },
      Enterprise: stub,
      Department: stub,
      Cadre: stub,
      Visit: stub,
      ServiceGroup: stub,
    },
  });

/** The issues subgraph: enterprise appeals (诉求) in a closed loop. */
export const issuesSubgraph: SubgraphDefinition<IssuesServices> = {
  name: 'issues',
  defaultPort: 4003,
  entities: [],
  migrations: [IssuesInitial1763900000000, IssueStats1763910000000],
  buildSchema: buildIssuesSchema,
  createServices({ database, outbox, logger, env }) {
    // WORKDAYS_CALENDAR_FILE points at a newer holiday file without a code change.
    const calendar = WorkCalendar.fromEnv(env as NodeJS.ProcessEnv);
    const ds = database.dataSource;
    const s = database.schema;
    const stats = new StatsService(ds, s);
    const issues = new IssueService(ds, s, outbox, calendar, stats);
    return {
      calendar,
      issues,
      queries: new IssueQueryService(ds, s, calendar),
      projections: new Projections(ds, s, logger),
      triage: new TriageService(ds, s, outbox, calendar, issues),
      stats,
    };
  },
  async onStart(services, { bus }) {
    await services.projections.start(bus);
  },
};
