/**
 * What a grant or an approval relied on (依据): the enterprise's attributes as the policies
 * projection held them at that moment, with the version of the enterprises subgraph's change
 * record they come from (`recordVersion`), so an auditor can find the very entry — who set the
 * scale or the tag that made the enterprise eligible, when, and why.
 *
 * A SQL expression over the projected enterprise row aliased `e`.
 */
export const basisSql = (e = 'e'): string =>
  `jsonb_build_object('recordVersion', ${e}.record_version, 'scale', ${e}.scale, 'industryCode', ${e}.industry_code,
     'regionCode', ${e}.region_code, 'tags', to_jsonb(${e}.tags), 'registeredCapital', ${e}.registered_capital::float8,
     'employees', ${e}.employees, 'foundedOn', to_char(${e}.founded_on, 'YYYY-MM-DD'), 'takenAt', now())`;

/** The stored basis, as read back. */
export interface GrantBasis {
  recordVersion: number | null;
  scale: string;
  industryCode: string;
  regionCode: string;
  tags: string[];
  registeredCapital: number | null;
  employees: number | null;
  foundedOn: string | null;
  takenAt: string;
}
