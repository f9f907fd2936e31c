#!/usr/bin/env node
import { runSubgraphMain } from '@sfw/subgraph-kit';
import { enterprisesSubgraph } from './subgraph';

void runSubgraphMain(enterprisesSubgraph);
