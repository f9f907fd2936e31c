#!/usr/bin/env node
import { runSubgraphMain } from '@sfw/subgraph-kit';
import { policiesSubgraph } from './subgraph';

void runSubgraphMain(policiesSubgraph);
