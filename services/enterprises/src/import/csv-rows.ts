import { parse } from 'csv-parse/sync';
import { EnterpriseScale } from '@sfw/shared-types';
import type { FieldProblem } from '@sfw/subgraph-kit';
import type { EnterpriseDraft } from '../enterprise/enterprise.validation';

/**
 * Column names as market-regulation exports (市场监管局导出) and our own template write them.
 * Unknown columns (法定代表人, 住所, 经营范围 …) are ignored and listed in the report.
 */
const HEADER_ALIASES: Record<string, keyof RowFields> = {
  统一社会信用代码: 'creditCode',
  信用代码: 'creditCode',
  creditcode: 'creditCode',
  企业名称: 'name',
  名称: 'name',
  name: 'name',
  成立日期: 'foundedOn',
  foundedon: 'foundedOn',
  '注册资本(万元)': 'registeredCapital',
  注册资本: 'registeredCapital',
  registeredcapital: 'registeredCapital',
  行业代码: 'industryCode',
  所属行业代码: 'industryCode',
  industrycode: 'industryCode',
  行政区划代码: 'regionCode',
  所属区划代码: 'regionCode',
  regioncode: 'regionCode',
  企业规模: 'scale',
  scale: 'scale',
  从业人员: 'employees',
  从业人数: 'employees',
  employees: 'employees',
  标签: 'tags',
  tags: 'tags',
  所属园区: 'parks',
  园区: 'parks',
  parks: 'parks',
  联系人: 'liaisonName',
  liaisonname: 'liaisonName',
  联系人职务: 'liaisonRole',
  liaisonrole: 'liaisonRole',
  联系电话: 'liaisonPhone',
  liaisonphone: 'liaisonPhone',
  登记状态: 'status',
  status: 'status',
};

interface RowFields {
  creditCode: string;
  name: string;
  foundedOn: string;
  registeredCapital: string;
  industryCode: string;
  regionCode: string;
  scale: string;
  employees: string;
  tags: string;
  parks: string;
  liaisonName: string;
  liaisonRole: string;
  liaisonPhone: string;
  status: string;
}

export const REQUIRED_COLUMNS: (keyof RowFields)[] = ['creditCode', 'name', 'regionCode', 'industryCode'];

const SCALE_WORDS: Record<string, EnterpriseScale> = {
  规上: EnterpriseScale.ABOVE_DESIGNATED,
  规模以上: EnterpriseScale.ABOVE_DESIGNATED,
  above_designated: EnterpriseScale.ABOVE_DESIGNATED,
  规下: EnterpriseScale.BELOW_DESIGNATED,
  规模以下: EnterpriseScale.BELOW_DESIGNATED,
  below_designated: EnterpriseScale.BELOW_DESIGNATED,
  小微: EnterpriseScale.SMALL_MICRO,
  小微企业: EnterpriseScale.SMALL_MICRO,
  small_micro: EnterpriseScale.SMALL_MICRO,
};

export interface ParsedRow {
  /** Line number in the file (the header is line 1). */
  line: number;
  /** The columns the row has a value for; an import never clears what the file leaves empty. */
  present: Set<string>;
  draft: EnterpriseDraft;
  /** Problems found while reading the cells (numbers, scale words). */
  problems: FieldProblem[];
  /** Set when the row is not to be imported at all (e.g. a deregistered enterprise). */
  skipReason?: string;
}

export interface ParsedFile {
  rows: ParsedRow[];
  ignoredColumns: string[];
}

export class CsvFormatError extends Error {
  constructor(
    message: string,
    readonly messageEn: string,
  ) {
    super(message);
  }
}

const splitList = (s: string): string[] =>
  s
    .split(/[;；、,，|]/)
    .map((x) => x.trim())
    .filter(Boolean);

function num(
  cell: string,
  field: string,
  code: string,
  label: string,
  problems: FieldProblem[],
  integer: boolean,
): number | null {
  const s = cell.replace(/[,，\s]/g, '');
  if (!s) return null;
  const n = Number(s);
  if (!Number.isFinite(n) || (integer && !Number.isInteger(n))) {
    problems.push({
      field,
      code,
      message: `${label}“${cell}”不是有效数字`,
      messageEn: `${field} '${cell}' is not a valid number`,
    });
    return null;
  }
  return n;
}

/** Dates as exports write them: 2006-03-18, 2006/3/18, 2006年3月18日, 20060318. */
export function normalizeDate(cell: string): string {
  const s = cell.trim();
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return s;
  return `${m[1]}-${(m[2] ?? '').padStart(2, '0')}-${(m[3] ?? '').padStart(2, '0')}`;
}

export function parseEnterpriseCsv(text: string): ParsedFile {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as string[][];
  } catch (err) {
    throw new CsvFormatError(
      `CSV 文件无法解析：${(err as Error).message}`,
      `the CSV cannot be parsed: ${(err as Error).message}`,
    );
  }
  const [header, ...body] = records;
  if (!header) throw new CsvFormatError('CSV 文件为空', 'the CSV file is empty');
  const columns = header.map(
    (h) =>
      HEADER_ALIASES[h.replace(/（/g, '(').replace(/）/g, ')').replace(/\s/g, '').toLowerCase()] ??
      HEADER_ALIASES[h.trim()],
  );
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length) {
    const zh: Record<string, string> = {
      creditCode: '统一社会信用代码',
      name: '企业名称',
      regionCode: '行政区划代码',
      industryCode: '行业代码',
    };
    throw new CsvFormatError(
      `CSV 缺少必需的列：${missing.map((c) => zh[c]).join('、')}`,
      `the CSV lacks required columns: ${missing.join(', ')}`,
    );
  }
  const ignoredColumns = header.filter((_, i) => !columns[i]);

  const rows = body.map((cells, index): ParsedRow => {
    const get = (key: keyof RowFields): string => {
      const i = columns.indexOf(key);
      return i >= 0 ? (cells[i] ?? '').trim() : '';
    };
    const present = new Set<string>();
    for (const key of columns) if (key && get(key) !== '') present.add(key);
    const problems: FieldProblem[] = [];
    const scaleCell = get('scale');
    let scale = EnterpriseScale.SMALL_MICRO;
    if (scaleCell) {
      const found = SCALE_WORDS[scaleCell.toLowerCase()];
      if (found) scale = found;
      else
        problems.push({
          field: 'scale',
          code: 'INVALID_SCALE',
          message: `企业规模“${scaleCell}”应为规上、规下或小微`,
          messageEn: `scale '${scaleCell}' must be 规上, 规下 or 小微`,
        });
    }
    const liaisonName = get('liaisonName');
    const liaisonPhone = get('liaisonPhone');
    const status = get('status');
    return {
      line: index + 2,
      present,
      problems,
      skipReason: /注销|吊销|撤销/.test(status) ? `登记状态为“${status}”，不导入` : undefined,
      draft: {
        creditCode: get('creditCode'),
        name: get('name'),
        regionCode: get('regionCode'),
        industryCode: get('industryCode'),
        scale,
        tags: splitList(get('tags')),
        employees: num(get('employees'), 'employees', 'INVALID_EMPLOYEES', '从业人员', problems, true),
        registeredCapital: num(
          get('registeredCapital'),
          'registeredCapital',
          'INVALID_CAPITAL',
          '注册资本',
          problems,
          false,
        ),
        foundedOn: get('foundedOn') ? normalizeDate(get('foundedOn')) : null,
        parks: splitList(get('parks')),
        liaisons:
          liaisonName || liaisonPhone
            ? [{ name: liaisonName, role: get('liaisonRole') || '联系人', phone: liaisonPhone }]
            : [],
      },
    };
  });
  return { rows, ignoredColumns };
}
