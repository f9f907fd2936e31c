import { EnterpriseScale, validateCreditCode } from '@sfw/shared-types';
import { isIsoDate, type FieldProblem } from '@sfw/subgraph-kit';
import type { IndustryCatalog } from '../industry/industry.catalog';
import { isEnterpriseRegionLevel, type RegionDirectory } from '../region/region.directory';

/** Everything that describes an enterprise, as given by a form, the API or an import row. */
export interface EnterpriseDraft {
  name: string;
  creditCode: string;
  regionCode: string;
  industryCode: string;
  scale: EnterpriseScale;
  tags: string[];
  employees: number | null;
  registeredCapital: number | null;
  foundedOn: string | null;
  parks: string[];
  liaisons: LiaisonDraft[];
}

export interface LiaisonDraft {
  name: string;
  role: string;
  phone: string;
}

export type EnterprisePatch = Partial<Omit<EnterpriseDraft, 'creditCode' | 'liaisons'>>;

export interface ReferenceData {
  regions: RegionDirectory;
  industries: IndustryCatalog;
  /** Today as YYYY-MM-DD (injected so tests are stable). */
  today: string;
}

export const LIMITS = {
  tags: 30,
  tagLength: 20,
  parks: 10,
  parkLength: 50,
  liaisons: 10,
  textLength: 30,
} as const;

const problem = (field: string, code: string, message: string, messageEn: string): FieldProblem => ({
  field,
  code,
  message,
  messageEn,
});

/** Collapse whitespace and trim. */
export const cleanText = (s: string): string => s.replace(/[\s\u3000]+/g, ' ').trim();

/** Half-width parentheses, trimmed, de-duplicated, and the standard tags' common variants mapped. */
export function normalizeTags(tags: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of tags) {
    let t = cleanText(raw).replace(/（/g, '(').replace(/）/g, ')');
    if (t === '隐形冠军' || t === '隐形冠军培育') t = '隐形冠军(培育)';
    if (t && !out.includes(t)) out.push(t);
  }
  return out;
}

/** Mobile (11 digits, 1[3-9]…) or landline with area code; spaces, dashes and +86 tolerated. */
export function normalizePhone(raw: string): string | null {
  const s = raw.replace(/[\s()（）]/g, '');
  const mobile = s.replace(/-/g, '').replace(/^\+?86(?=1\d{10}$)/, '');
  if (/^1[3-9]\d{9}$/.test(mobile)) return mobile;
  const landline = /^(0\d{2,3})-?(\d{7,8})(?:-(\d{1,6}))?$/.exec(s);
  if (landline) return `${landline[1]}-${landline[2]}${landline[3] ? `-${landline[3]}` : ''}`;
  return null;
}

/** 13812345678 → 138****5678; landlines keep the area code and last 4 digits. */
export function maskPhone(phone: string): string {
  if (/^1\d{10}$/.test(phone)) return `${phone.slice(0, 3)}****${phone.slice(7)}`;
  const m = /^(0\d{2,3})-(\d+)(.*)$/.exec(phone);
  if (m && m[2]) return `${m[1]}-****${m[2].slice(-4)}`;
  return '****';
}

const isValidDate = isIsoDate;

export function checkName(name: string, field = 'name'): { value: string } | FieldProblem {
  const value = cleanText(name);
  if (value.length < 2 || value.length > 100)
    return problem(
      field,
      'INVALID_NAME',
      '企业名称应为2至100个字符',
      'the name must have 2 to 100 characters',
    );
  return { value };
}

export function checkRegion(
  code: string,
  ref: ReferenceData,
  field = 'regionCode',
): { value: string } | FieldProblem {
  const value = code.trim();
  const region = ref.regions.get(value);
  if (!region)
    return problem(
      field,
      'UNKNOWN_REGION',
      `行政区划代码“${value}”不存在`,
      `unknown division code '${value}'`,
    );
  if (!isEnterpriseRegionLevel(region.level))
    return problem(
      field,
      'REGION_TOO_COARSE',
      `企业所在地须具体到区县或乡镇街道，“${region.name}”是${region.level === 'PROVINCE' ? '省级' : '市级'}区划`,
      `an enterprise sits in a county or township; '${value}' is a ${region.level.toLowerCase()}`,
    );
  return { value };
}

export function checkIndustry(
  code: string,
  ref: ReferenceData,
  field = 'industryCode',
): { value: string } | FieldProblem {
  const value = code.trim();
  if (!/^\d{2,4}$/.test(value))
    return problem(
      field,
      'INVALID_INDUSTRY',
      `行业代码“${value}”格式错误，应为2至4位数字（GB/T 4754）`,
      `industry code '${value}' must be 2 to 4 digits (GB/T 4754)`,
    );
  if (!ref.industries.divisionOf(value))
    return problem(
      field,
      'UNKNOWN_INDUSTRY',
      `行业代码“${value}”不属于任何国民经济行业大类`,
      `industry code '${value}' is in no GB/T 4754 division`,
    );
  return { value };
}

/**
 * Validate and normalise every field of a patch at once; returns the clean patch or every
 * problem found (never just the first).
 */
export function validatePatch(
  input: EnterprisePatch,
  ref: ReferenceData,
  prefix = '',
): { value: EnterprisePatch; problems: FieldProblem[] } {
  const patch: EnterprisePatch = { ...input };
  const problems: FieldProblem[] = [];
  const value: EnterprisePatch = {};
  const take = <T>(r: { value: T } | FieldProblem, set: (v: T) => void) => {
    if ('value' in r) set(r.value);
    else problems.push(r);
  };
  const f = (name: string) => `${prefix}${name}`;

  // GraphQL lets a client send null for an optional input field; these fields cannot be emptied.
  const required: Record<string, string> = {
    name: '企业名称',
    regionCode: '所在区划',
    industryCode: '行业代码',
    scale: '企业规模',
    tags: '标签',
    parks: '所属园区',
  };
  for (const [field, label] of Object.entries(required)) {
    if ((patch as Record<string, unknown>)[field] === null) {
      problems.push(
        problem(
          f(field),
          'REQUIRED',
          `${label}不能清空${field === 'tags' || field === 'parks' ? '（可传空列表）' : ''}`,
          `${field} cannot be null${field === 'tags' || field === 'parks' ? ' (send an empty list)' : ''}`,
        ),
      );
      delete (patch as Record<string, unknown>)[field];
    }
  }

  if (patch.name !== undefined) take(checkName(patch.name, f('name')), (v) => (value.name = v));
  if (patch.regionCode !== undefined)
    take(checkRegion(patch.regionCode, ref, f('regionCode')), (v) => (value.regionCode = v));
  if (patch.industryCode !== undefined)
    take(checkIndustry(patch.industryCode, ref, f('industryCode')), (v) => (value.industryCode = v));
  if (patch.scale !== undefined) {
    if (Object.values(EnterpriseScale).includes(patch.scale)) value.scale = patch.scale;
    else
      problems.push(
        problem(
          f('scale'),
          'INVALID_SCALE',
          '企业规模应为规上、规下或小微',
          'scale must be ABOVE_DESIGNATED, BELOW_DESIGNATED or SMALL_MICRO',
        ),
      );
  }
  if (patch.tags !== undefined) {
    const tags = normalizeTags(patch.tags);
    const tooLong = tags.find((t) => t.length > LIMITS.tagLength);
    if (tooLong)
      problems.push(
        problem(
          f('tags'),
          'INVALID_TAG',
          `标签“${tooLong}”超过${LIMITS.tagLength}个字符`,
          `tag '${tooLong}' is over ${LIMITS.tagLength} characters`,
        ),
      );
    else if (tags.length > LIMITS.tags)
      problems.push(
        problem(f('tags'), 'INVALID_TAG', `标签最多${LIMITS.tags}个`, `at most ${LIMITS.tags} tags`),
      );
    else value.tags = tags;
  }
  if (patch.employees !== undefined) {
    const n = patch.employees;
    if (n === null || (Number.isInteger(n) && n >= 0 && n <= 10_000_000)) value.employees = n;
    else
      problems.push(
        problem(
          f('employees'),
          'INVALID_EMPLOYEES',
          '从业人员应为0至10,000,000之间的整数',
          'employees must be a whole number from 0 to 10,000,000',
        ),
      );
  }
  if (patch.registeredCapital !== undefined) {
    const n = patch.registeredCapital;
    if (n === null || (Number.isFinite(n) && n >= 0 && n <= 1e12))
      value.registeredCapital = n === null ? null : Math.round(n * 100) / 100;
    else
      problems.push(
        problem(
          f('registeredCapital'),
          'INVALID_CAPITAL',
          '注册资本（万元）应为不小于0的数',
          'registered capital (万元) must be a number of 0 or more',
        ),
      );
  }
  if (patch.foundedOn !== undefined) {
    const d = patch.foundedOn?.trim() || null;
    if (d === null) value.foundedOn = null;
    else if (!isValidDate(d))
      problems.push(
        problem(
          f('foundedOn'),
          'INVALID_DATE',
          `成立日期“${d}”不是有效日期（格式 YYYY-MM-DD）`,
          `founding date '${d}' is not a valid YYYY-MM-DD date`,
        ),
      );
    else if (d > ref.today)
      problems.push(
        problem(
          f('foundedOn'),
          'INVALID_DATE',
          `成立日期“${d}”晚于今天`,
          `founding date '${d}' is in the future`,
        ),
      );
    else if (d < '1800-01-01')
      problems.push(
        problem(
          f('foundedOn'),
          'INVALID_DATE',
          `成立日期“${d}”早于1800年`,
          `founding date '${d}' is before 1800`,
        ),
      );
    else value.foundedOn = d;
  }
  if (patch.parks !== undefined) {
    const parks = [...new Set(patch.parks.map(cleanText).filter(Boolean))];
    if (parks.length > LIMITS.parks || parks.some((p) => p.length > LIMITS.parkLength))
      problems.push(
        problem(
          f('parks'),
          'INVALID_PARK',
          `园区最多${LIMITS.parks}个，每个不超过${LIMITS.parkLength}个字符`,
          `at most ${LIMITS.parks} parks of ${LIMITS.parkLength} characters`,
        ),
      );
    else value.parks = parks;
  }
  return { value, problems };
}

export function validateLiaison(
  l: LiaisonDraft,
  field: string,
): { value: LiaisonDraft; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const name = cleanText(l.name);
  const role = cleanText(l.role);
  const phone = normalizePhone(l.phone);
  if (name.length < 1 || name.length > LIMITS.textLength)
    problems.push(
      problem(
        `${field}.name`,
        'INVALID_LIAISON',
        `联络员姓名应为1至${LIMITS.textLength}个字符`,
        `liaison name must have 1 to ${LIMITS.textLength} characters`,
      ),
    );
  if (role.length < 1 || role.length > LIMITS.textLength)
    problems.push(
      problem(
        `${field}.role`,
        'INVALID_LIAISON',
        `联络员职务应为1至${LIMITS.textLength}个字符`,
        `liaison role must have 1 to ${LIMITS.textLength} characters`,
      ),
    );
  if (!phone)
    problems.push(
      problem(
        `${field}.phone`,
        'INVALID_PHONE',
        '联系电话格式错误（手机号11位，或带区号的固定电话）',
        'phone must be an 11-digit mobile number or a landline with area code',
      ),
    );
  return { value: { name, role, phone: phone ?? '' }, problems };
}

export function validateDraft(
  draft: EnterpriseDraft,
  ref: ReferenceData,
): { value: EnterpriseDraft; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const cc = validateCreditCode(draft.creditCode);
  if (!cc.ok)
    problems.push({
      field: 'creditCode',
      code: 'INVALID_CREDIT_CODE',
      message: cc.message,
      messageEn: cc.messageEn,
    });
  const patch = validatePatch(
    {
      name: draft.name,
      regionCode: draft.regionCode,
      industryCode: draft.industryCode,
      scale: draft.scale,
      tags: draft.tags,
      employees: draft.employees,
      registeredCapital: draft.registeredCapital,
      foundedOn: draft.foundedOn,
      parks: draft.parks,
    },
    ref,
  );
  problems.push(...patch.problems);
  if (draft.liaisons.length > LIMITS.liaisons)
    problems.push(
      problem(
        'liaisons',
        'INVALID_LIAISON',
        `联络员最多${LIMITS.liaisons}人`,
        `at most ${LIMITS.liaisons} liaisons`,
      ),
    );
  const liaisons = draft.liaisons.map((l, i) => {
    const r = validateLiaison(l, `liaisons.${i}`);
    problems.push(...r.problems);
    return r.value;
  });
  return {
    value: {
      ...(patch.value as Omit<EnterpriseDraft, 'creditCode' | 'liaisons'>),
      creditCode: cc.ok ? cc.code : draft.creditCode,
      liaisons,
    },
    problems,
  };
}
