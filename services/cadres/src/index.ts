export { cadresSubgraph, buildCadresSchema } from './subgraph';
export type { CadresServices } from './context';
export { generateDemoDepartments, generateDemoCadres } from './seed/demo-cadres';
export type * from './seed/demo-types';
export { seedDemoCadres, knownEnterprises, type SeedIds, type SeedReport } from './seed/seed';
export { accessRules } from './access-rules';
