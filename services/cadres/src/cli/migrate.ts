import { runMigrateMain } from '@sfw/subgraph-kit';
import { cadresSubgraph } from '../subgraph';

void runMigrateMain(cadresSubgraph);
