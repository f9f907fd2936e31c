import 'reflect-metadata';
import { accessRules } from './access-rules';
import { buildFederatedSchema, type SubgraphDefinition } from '@sfw/subgraph-kit';
import { WorkCalendar } from '@sfw/workdays';
import { loadEvaluationsConfig } from './config';
import type { Context, EvaluationsServices } from './context';
import { CycleService } from './cycle/cycle.service';
import { FeedbackService } from './feedback/feedback.service';
import {
  CadreScoreFieldsResolver,
  CadreScoreResolver,
  CallbackResolver,
  CycleResolver,
  DepartmentScoreFieldsResolver,
  DepartmentScoreResolver,
  IssueRatingsResolver,
  ObserverReviewResolver,
  RatingAppealResolver,
  RatingResolver,
  RectificationResolver,
} from './graphql/resolvers';
import { EvaluationsInitial1764000000000 } from './migrations/1764000000000-evaluations-initial';
import { Projections } from './projection/projections';

const stub = { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) };

export const buildEvaluationsSchema = () =>
  buildFederatedSchema({
    access: accessRules,
    resolvers: [
      RatingResolver,
      RectificationResolver,
      RatingAppealResolver,
      ObserverReviewResolver,
      CallbackResolver,
      CycleResolver,
      IssueRatingsResolver,
      DepartmentScoreResolver,
      CadreScoreResolver,
      DepartmentScoreFieldsResolver,
      CadreScoreFieldsResolver,
    ],
    referenceResolvers: {
      Rating: {
        __resolveReference: async (ref: { id: string }, ctx: Context) =>
          (await ctx.services.feedback.ratingsByIds([ref.id], ctx.viewer))[0] ?? null,
      },
      ReviewCycle: {
        __resolveReference: (ref: { id: string }, ctx: Context) =>
          ctx.services.cycles.cycle(ref.id, ctx.viewer).catch(() => null),
      },
      Issue: stub,
      Enterprise: stub,
      Department: stub,
      Cadre: stub,
    },
  });

/** The evaluations subgraph: satisfaction reviews that score departments and cadres (满意度评价). */
export const evaluationsSubgraph: SubgraphDefinition<EvaluationsServices> = {
  name: 'evaluations',
  defaultPort: 4005,
  entities: [],
  migrations: [EvaluationsInitial1764000000000],
  buildSchema: buildEvaluationsSchema,
  createServices({ database, logger, env }) {
    const calendar = WorkCalendar.fromEnv(env as NodeJS.ProcessEnv);
    const config = loadEvaluationsConfig(env);
    const ds = database.dataSource;
    const s = database.schema;
    return {
      config,
      calendar,
      feedback: new FeedbackService(ds, s, calendar, config),
      cycles: new CycleService(ds, s, config, logger),
      projections: new Projections(ds, s, logger),
    };
  },
  async onStart(services, { bus }) {
    await services.projections.start(bus);
  },
};
