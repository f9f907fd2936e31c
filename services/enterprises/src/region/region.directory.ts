import { readFileSync } from 'node:fs';
import type { DataSource } from 'typeorm';
import { DIVISIONS_FILE, regionPrefix, RegionLevel } from '@sfw/shared-types';
import type { Region } from './region.entity';

export interface RegionRecord {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

export const REGIONS_FILE = DIVISIONS_FILE;

export function readRegionsFile(file = REGIONS_FILE): RegionRecord[] {
  return JSON.parse(readFileSync(file, 'utf8')) as RegionRecord[];
}

/**
 * The region tree held in memory (a prefecture has a few hundred divisions, a province a few
 * thousand): names, parents and children answer without a query. The table stays the source of
 * truth for foreign keys; `sync` upserts the committed data file into it on start.
 */
export class RegionDirectory {
  private byCode = new Map<string, RegionRecord>();
  private children = new Map<string | null, RegionRecord[]>();

  constructor(records: RegionRecord[] = []) {
    this.load(records);
  }

  load(records: RegionRecord[]): void {
    this.byCode = new Map(records.map((r) => [r.code, r]));
    this.children = new Map();
    for (const r of [...records].sort((a, b) => a.code.localeCompare(b.code))) {
      const parent = r.parentCode && this.byCode.has(r.parentCode) ? r.parentCode : null;
      const list = this.children.get(parent);
      if (list) list.push(r);
      else this.children.set(parent, [r]);
    }
  }

  get(code: string): RegionRecord | undefined {
    return this.byCode.get(code);
  }

  has(code: string): boolean {
    return this.byCode.has(code);
  }

  roots(): RegionRecord[] {
    return this.children.get(null) ?? [];
  }

  childrenOf(code: string): RegionRecord[] {
    return this.children.get(code) ?? [];
  }

  /** Ancestors from the top down, ending with the region itself. */
  path(code: string): RegionRecord[] {
    const out: RegionRecord[] = [];
    let cur = this.byCode.get(code);
    while (cur) {
      out.unshift(cur);
      cur = cur.parentCode ? this.byCode.get(cur.parentCode) : undefined;
    }
    return out;
  }

  /** "浙江省台州市路桥区路桥街道" */
  fullName(code: string): string {
    return this.path(code)
      .map((r) => r.name)
      .join('');
  }

  /** The SQL LIKE prefix matching a region and everything below it. */
  prefixOf(code: string): string {
    return regionPrefix(code);
  }

  all(): RegionRecord[] {
    return [...this.byCode.values()];
  }

  /** Upsert the records into the table and reload from it (idempotent; one statement). */
  async sync(dataSource: DataSource, schema: string, records: RegionRecord[]): Promise<void> {
    if (records.length) {
      await dataSource.query(
        `INSERT INTO "${schema}".region (code, name, level, parent_code)
         SELECT * FROM unnest($1::varchar[], $2::text[], $3::text[], $4::varchar[])
         ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level, parent_code = EXCLUDED.parent_code
         WHERE (region.name, region.level, region.parent_code) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.level, EXCLUDED.parent_code)`,
        [
          records.map((r) => r.code),
          records.map((r) => r.name),
          records.map((r) => r.level),
          records.map((r) => r.parentCode),
        ],
      );
    }
    const rows: Region[] = await dataSource.query(
      `SELECT code, name, level, parent_code AS "parentCode" FROM "${schema}".region ORDER BY code`,
    );
    this.load(rows);
  }
}

export const isEnterpriseRegionLevel = (level: RegionLevel): boolean =>
  level === RegionLevel.COUNTY || level === RegionLevel.TOWNSHIP;
