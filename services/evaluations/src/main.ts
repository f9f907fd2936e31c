#!/usr/bin/env node
import { runSubgraphMain } from '@sfw/subgraph-kit';
import { evaluationsSubgraph } from './subgraph';

void runSubgraphMain(evaluationsSubgraph);
