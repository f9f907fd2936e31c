export { policiesSubgraph, buildPoliciesSchema } from './subgraph';
export type { PoliciesServices } from './context';
export { seedDemoPolicies } from './seed/seed';
export { accessRules } from './access-rules';
