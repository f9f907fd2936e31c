import { runMigrateMain } from '@sfw/subgraph-kit';
import { enterprisesSubgraph } from '../subgraph';

void runMigrateMain(enterprisesSubgraph);
