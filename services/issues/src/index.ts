export { issuesSubgraph, buildIssuesSchema } from './subgraph';
export type { IssuesServices } from './context';
