#!/usr/bin/env node
import { runSubgraphMain } from '@sfw/subgraph-kit';
import { issuesSubgraph } from './subgraph';

void runSubgraphMain(issuesSubgraph);
