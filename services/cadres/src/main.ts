#!/usr/bin/env node
import { runSubgraphMain } from '@sfw/subgraph-kit';
import { cadresSubgraph } from './subgraph';

void runSubgraphMain(cadresSubgraph);
