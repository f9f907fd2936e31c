import { runMigrateMain } from '@sfw/subgraph-kit';
import { policiesSubgraph } from '../subgraph';

void runMigrateMain(policiesSubgraph);
