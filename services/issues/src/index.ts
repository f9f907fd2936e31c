export { issuesSubgraph, buildIssuesSchema } from './subgraph';
export type { IssuesServices } from './context';
export { seedDemoIssues, type SeedIssuesReport } from './seed/seed';
export { seedDemoCommonProblems } from './seed/common-problems';
export { accessRules } from './access-rules';
