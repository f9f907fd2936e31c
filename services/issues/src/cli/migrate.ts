import { runMigrateMain } from '@sfw/subgraph-kit';
import { issuesSubgraph } from '../subgraph';

void runMigrateMain(issuesSubgraph);
