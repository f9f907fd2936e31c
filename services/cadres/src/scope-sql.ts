import type { ReadScope } from './access';

/** Appends a value to a positional parameter list and returns its placeholder. */
export function param(params: unknown[], value: unknown): string {
  params.push(value);
  return `$${params.length}`;
}

/** The SQL condition limiting cadres (alias `c`) to what the scope may read. */
export function cadreScopeSql(s: string, scope: ReadScope, params: unknown[]): string {
  if (scope.all) return 'TRUE';
  const parts: string[] = [];
  if (scope.regionPrefix) parts.push(`c.region_code LIKE ${param(params, `${scope.regionPrefix}%`)}`);
  if (scope.departmentId) parts.push(`c.department_id = ${param(params, scope.departmentId)}`);
  if (scope.cadreId) {
    const p = param(params, scope.cadreId);
    parts.push(`c.id = ${p}`, `c.department_id = (SELECT department_id FROM "${s}".cadre WHERE id = ${p})`);
  }
  if (scope.enterpriseId)
    parts.push(
      `EXISTS (SELECT 1 FROM "${s}".pairing sp WHERE sp.cadre_id = c.id AND sp.enterprise_id = ${param(params, scope.enterpriseId)} AND sp.to_date IS NULL)`,
    );
  return parts.length ? `(${parts.join(' OR ')})` : 'FALSE';
}

/** The SQL condition limiting visits (alias `v`) to what the scope may read. */
export function visitScopeSql(s: string, scope: ReadScope, params: unknown[]): string {
  if (scope.all) return 'TRUE';
  const parts: string[] = [];
  if (scope.regionPrefix)
    parts.push(
      `v.enterprise_id IN (SELECT id FROM "${s}".enterprise WHERE region_code LIKE ${param(params, `${scope.regionPrefix}%`)})`,
    );
  if (scope.departmentId) parts.push(`v.department_id = ${param(params, scope.departmentId)}`);
  if (scope.cadreId) {
    const p = param(params, scope.cadreId);
    parts.push(
      `v.cadre_id = ${p}`,
      `v.enterprise_id IN (SELECT enterprise_id FROM "${s}".pairing WHERE cadre_id = ${p} AND to_date IS NULL)`,
    );
  }
  if (scope.enterpriseId) parts.push(`v.enterprise_id = ${param(params, scope.enterpriseId)}`);
  return parts.length ? `(${parts.join(' OR ')})` : 'FALSE';
}

/** Pairings (alias `p`) follow the cadre's visibility, and an enterprise sees its own. */
export function pairingScopeSql(s: string, scope: ReadScope, params: unknown[]): string {
  if (scope.all) return 'TRUE';
  if (scope.enterpriseId && !scope.cadreId && !scope.departmentId && !scope.regionPrefix)
    return `p.enterprise_id = ${param(params, scope.enterpriseId)}`;
  const cadre = cadreScopeSql(s, scope, params);
  const parts = [`p.cadre_id IN (SELECT c.id FROM "${s}".cadre c WHERE ${cadre})`];
  if (scope.cadreId)
    parts.push(
      `p.enterprise_id IN (SELECT enterprise_id FROM "${s}".pairing WHERE cadre_id = ${param(params, scope.cadreId)} AND to_date IS NULL)`,
    );
  if (scope.regionPrefix)
    parts.push(
      `p.enterprise_id IN (SELECT id FROM "${s}".enterprise WHERE region_code LIKE ${param(params, `${scope.regionPrefix}%`)})`,
    );
  return `(${parts.join(' OR ')})`;
}
