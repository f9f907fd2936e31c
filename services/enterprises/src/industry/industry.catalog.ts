import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface IndustryRecord {
  code: string;
  name: string;
  kind: 'SECTION' | 'DIVISION';
  section?: string;
}

export const INDUSTRIES_FILE = join(__dirname, '../../data/industries.json');

/**
 * GB/T 4754-2017 (国民经济行业分类): 20 sections (门类, A–T) and 97 divisions (大类, 01–97).
 * Enterprises carry a 2–4 digit code (大类 / 中类 / 小类); its first two digits must be a division.
 */
export class IndustryCatalog {
  readonly sections = new Map<string, IndustryRecord>();
  readonly divisions = new Map<string, IndustryRecord>();

  constructor(records: IndustryRecord[]) {
    for (const r of records) (r.kind === 'SECTION' ? this.sections : this.divisions).set(r.code, r);
  }

  static fromFile(file = INDUSTRIES_FILE): IndustryCatalog {
    return new IndustryCatalog(JSON.parse(readFileSync(file, 'utf8')) as IndustryRecord[]);
  }

  /** The division of a 2–4 digit code, or undefined when the code is malformed or unknown. */
  divisionOf(code: string): IndustryRecord | undefined {
    if (!/^\d{2,4}$/.test(code)) return undefined;
    return this.divisions.get(code.slice(0, 2));
  }

  sectionOf(code: string): IndustryRecord | undefined {
    const division = this.divisionOf(code);
    return division?.section ? this.sections.get(division.section) : undefined;
  }

  /** Division codes of a section letter, or the digit prefix itself; undefined when unknown. */
  prefixesFor(filter: string): string[] | undefined {
    const f = filter.trim().toUpperCase();
    if (/^[A-T]$/.test(f)) {
      if (!this.sections.has(f)) return undefined;
      return [...this.divisions.values()].filter((d) => d.section === f).map((d) => d.code);
    }
    if (/^\d{2,4}$/.test(f) && this.divisions.has(f.slice(0, 2))) return [f];
    return undefined;
  }
}
