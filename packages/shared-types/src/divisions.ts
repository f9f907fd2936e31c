import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RegionLevel } from './region';

/** One administrative division (行政区划) of the platform's reference data. */
export interface DivisionRecord {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

/**
 * The committed division tree (浙江省 / 台州市 / counties / townships), shared by every service
 * that validates region codes. The enterprises subgraph owns `Region` in the graph; this file is
 * the reference data it and the others load.
 */
export const DIVISIONS_FILE = join(__dirname, '../data/regions.json');

export function readDivisions(file = DIVISIONS_FILE): DivisionRecord[] {
  return JSON.parse(readFileSync(file, 'utf8')) as DivisionRecord[];
}
