import { runMigrateMain } from '@sfw/subgraph-kit';
import { evaluationsSubgraph } from '../subgraph';

void runMigrateMain(evaluationsSubgraph);
