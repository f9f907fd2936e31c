export { evaluationsSubgraph, buildEvaluationsSchema } from './subgraph';
export type { EvaluationsServices } from './context';
export { seedDemoEvaluations } from './seed/seed';
export { seedDemoCycles, type DemoCyclesOptions, type DemoCyclesReport } from './seed/demo-cycles';
export { RatingLevel, SubjectKind, DEFAULT_WEIGHTS, DEFAULT_SETTINGS, DEFAULT_SAMPLING } from './model';
export { accessRules } from './access-rules';
