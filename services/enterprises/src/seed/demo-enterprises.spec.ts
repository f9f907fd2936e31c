import * as fs from 'fs';
import * as path from 'path';
import { DIVISIONS_FILE, validateCreditCode } from '@sfw/shared-types';
import { generateDemoEnterprises, organizationCodeCheckChar } from './demo-enterprises';

const DATA_DIR = path.join(__dirname, '../../data');

function readRows(file: string): Record<string, unknown>[] {
  const parsed: unknown = JSON.parse(fs.readFileSync(path.join(DATA_DIR, file), 'utf8'));
  if (!Array.isArray(parsed)) throw new Error(`${file} is not an array`);
  return parsed.filter((r): r is Record<string, unknown> => typeof r === 'object' && r !== null);
}

const regions = readRows(path.relative(DATA_DIR, DIVISIONS_FILE));
const industries = readRows('industries.json');
const townshipCodes = new Set(regions.filter((r) => r.level === 'TOWNSHIP').map((r) => String(r.code)));
const divisionCodes = new Set(industries.filter((r) => r.kind === 'DIVISION').map((r) => String(r.code)));

describe('reference data', () => {
  it('has the Taizhou hierarchy with every parent listed before its children', () => {
    const seen = new Set<string>();
    for (const r of regions) {
      if (r.parentCode !== null) expect(seen.has(String(r.parentCode))).toBe(true);
      seen.add(String(r.code));
    }
    expect(regions.filter((r) => r.level === 'PROVINCE').map((r) => r.code)).toEqual(['330000']);
    expect(regions.filter((r) => r.level === 'CITY').map((r) => r.code)).toEqual(['331000']);
    expect(regions.filter((r) => r.level === 'COUNTY')).toHaveLength(9);
    expect(townshipCodes.size).toBeGreaterThan(100);
  });

  it('has 20 sections and 97 divisions', () => {
    expect(industries.filter((r) => r.kind === 'SECTION')).toHaveLength(20);
    expect(divisionCodes.size).toBe(97);
  });
});

describe('generateDemoEnterprises', () => {
  const rows = generateDemoEnterprises(2000, 42);

  it('produces valid, unique credit codes', () => {
    for (const r of rows) {
      const result = validateCreditCode(r.creditCode);
      expect(result.ok).toBe(true);
      // Positions 9-17 are a GB 11714 organisation code with its own check character.
      expect(organizationCodeCheckChar(r.creditCode.slice(8, 16))).toBe(r.creditCode.charAt(16));
      expect(r.creditCode.slice(2, 8)).toBe(r.regionCode.slice(0, 6));
    }
    expect(new Set(rows.map((r) => r.creditCode)).size).toBe(rows.length);
  });

  it('produces unique names', () => {
    expect(new Set(rows.map((r) => r.name)).size).toBe(rows.length);
    const many = generateDemoEnterprises(5000, 7);
    expect(new Set(many.map((r) => r.name)).size).toBe(5000);
  });

  it('uses township codes from regions.json and industry divisions from industries.json', () => {
    for (const r of rows) {
      expect(townshipCodes.has(r.regionCode)).toBe(true);
      expect(r.industryCode).toMatch(/^\d{4}$/);
      expect(divisionCodes.has(r.industryCode.slice(0, 2))).toBe(true);
    }
  });

  it('produces plausible field values', () => {
    for (const r of rows) {
      expect(r.foundedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(r.foundedOn >= '1985-01-01' && r.foundedOn <= '2024-12-31').toBe(true);
      expect(Number.isNaN(Date.parse(r.foundedOn))).toBe(false);
      expect(r.liaisons.length).toBeGreaterThanOrEqual(1);
      expect(r.liaisons.length).toBeLessThanOrEqual(2);
      for (const l of r.liaisons) expect(l.phone).toMatch(/^1[358]\d{9}$/);
      expect(r.parks.length).toBeLessThanOrEqual(1);
      expect(r.employees).toBeGreaterThan(0);
      expect(r.registeredCapital).toBeGreaterThan(0);
    }
    const above = rows.filter((r) => r.scale === 'ABOVE_DESIGNATED').length / rows.length;
    const small = rows.filter((r) => r.scale === 'SMALL_MICRO').length / rows.length;
    expect(above).toBeGreaterThan(0.1);
    expect(above).toBeLessThan(0.2);
    expect(small).toBeGreaterThan(0.5);
    expect(small).toBeLessThan(0.7);
  });

  it('is deterministic for the same seed', () => {
    expect(generateDemoEnterprises(2000, 42)).toEqual(rows);
    expect(generateDemoEnterprises(50, 43)).not.toEqual(rows.slice(0, 50));
  });
});
