export { enterprisesSubgraph, buildEnterprisesSchema } from './subgraph';
export type { EnterprisesServices } from './context';
export { generateDemoEnterprises, type DemoEnterprise } from './seed/demo-enterprises';
export { accessRules } from './access-rules';
