import { parse } from 'csv-parse/sync';
import type { DataSource } from 'typeorm';
import { AppError, badInput } from '@sfw/subgraph-kit';
import { GraphQLError } from 'graphql';
import type { CadreService } from '../cadre/cadre.service';
import { isUuid } from '../common';
import type { PairingService } from './pairing.service';

const COLUMNS: Record<string, string[]> = {
  creditCode: ['统一社会信用代码', '信用代码', 'creditcode', 'credit_code'],
  enterpriseId: ['企业id', '企业编号', 'enterpriseid', 'enterprise_id'],
  staffNo: ['工号', '服务员工号', 'staffno', 'staff_no'],
  primary: ['是否主服务员', '主服务员', 'primary'],
  fromDate: ['开始日期', '结对日期', '结对开始日期', 'fromdate', 'from_date'],
  replace: ['替换现任', '是否替换', 'replace', 'replacecurrent'],
  note: ['备注', 'note'],
};

const MAX_ROWS = 20_000;
const YES = new Set(['是', 'y', 'yes', 'true', '1', '主']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '']);

export interface PairingImportResult {
  total: number;
  created: number;
  replaced: number;
  unchanged: number;
  failed: number;
  exceptions: number;
  errors: { line: number; code: string; message: string }[];
  dryRun: boolean;
}

class DryRunRollback extends Error {}

/**
 * 批量结对: a CSV of (credit code or enterprise id, staff number, primary, from date). Each row is
 * applied on its own, all or nothing; bad rows are reported with their line and reason; a row
 * already in place is "unchanged", so running a file twice changes nothing.
 */
export class PairingImportService {
  constructor(
    private readonly ds: DataSource,
    private readonly s: string,
    private readonly cadres: CadreService,
    private readonly pairings: PairingService,
  ) {}

  async run(
    text: string,
    actor: string,
    options: { dryRun?: boolean; mayPair?: (cadreDepartmentId: string) => boolean } = {},
  ): Promise<PairingImportResult> {
    let records: string[][];
    try {
      records = parse(text.replace(/^\uFEFF/, ''), {
        relax_column_count: true,
        skip_empty_lines: true,
        trim: true,
      }) as string[][];
    } catch (err) {
      throw new AppError(
        'INVALID_CSV',
        `CSV 文件无法解析：${(err as Error).message}`,
        `the CSV cannot be parsed`,
      );
    }
    const [header, ...body] = records;
    if (!header) throw new AppError('INVALID_CSV', 'CSV 文件为空', 'the CSV file is empty');
    const index: Partial<Record<keyof typeof COLUMNS, number>> = {};
    header.forEach((h, i) => {
      const key = h.replace(/\s/g, '').toLowerCase();
      for (const [name, aliases] of Object.entries(COLUMNS))
        if (aliases.includes(key) && index[name] === undefined) index[name] = i;
    });
    const missing: string[] = [];
    if (index.creditCode === undefined && index.enterpriseId === undefined)
      missing.push('统一社会信用代码（或企业ID）');
    if (index.staffNo === undefined) missing.push('工号');
    if (missing.length)
      throw badInput([
        {
          field: 'csv',
          code: 'MISSING_COLUMNS',
          message: `CSV 缺少列：${missing.join('、')}（第一行应为列名）`,
          messageEn: `missing columns: ${missing.join(', ')}`,
        },
      ]);
    if (body.length > MAX_ROWS)
      throw badInput([
        {
          field: 'csv',
          code: 'TOO_MANY_ROWS',
          message: `一次最多导入${MAX_ROWS}行（收到${body.length}行），请分批导入`,
          messageEn: `at most ${MAX_ROWS} rows per import`,
        },
      ]);

    const result: PairingImportResult = {
      total: body.length,
      created: 0,
      replaced: 0,
      unchanged: 0,
      failed: 0,
      exceptions: 0,
      errors: [],
      dryRun: Boolean(options.dryRun),
    };
    const cell = (row: string[], key: keyof typeof COLUMNS) => {
      const i = index[key];
      return i === undefined ? '' : (row[i] ?? '').trim();
    };
    const fail = (line: number, code: string, message: string) => {
      result.failed++;
      result.errors.push({ line, code, message });
    };
    for (const [n, row] of body.entries()) {
      const line = n + 2;
      const staffNo = cell(row, 'staffNo');
      const creditCode = cell(row, 'creditCode').toUpperCase();
      const enterpriseRef = cell(row, 'enterpriseId');
      const primaryText = cell(row, 'primary').toLowerCase();
      const replaceText = cell(row, 'replace').toLowerCase();
      if (!staffNo) {
        fail(line, 'REQUIRED', '工号为空');
        continue;
      }
      if (!creditCode && !enterpriseRef) {
        fail(line, 'REQUIRED', '统一社会信用代码为空');
        continue;
      }
      if (!YES.has(primaryText) && !NO.has(primaryText)) {
        fail(line, 'INVALID_VALUE', `“是否主服务员”应填“是”或“否”（收到“${cell(row, 'primary')}”）`);
        continue;
      }
      if (!YES.has(replaceText) && !NO.has(replaceText)) {
        fail(line, 'INVALID_VALUE', `“替换现任”应填“是”或“否”（收到“${cell(row, 'replace')}”）`);
        continue;
      }
      try {
        const outcome = await this.ds
          .transaction(async (m) => {
            const cadre = await this.cadres.findByStaffNo(staffNo, m);
            if (!cadre) throw new AppError('NOT_FOUND', `工号不存在：${staffNo}`, 'unknown staff number');
            if (options.mayPair && !options.mayPair(cadre.departmentId))
              throw new AppError(
                'FORBIDDEN',
                `无权调整${cadre.name}（工号 ${staffNo}）的结对`,
                'not allowed',
              );
            let enterpriseId = enterpriseRef;
            if (!enterpriseId || !isUuid(enterpriseId)) {
              const rows: { id: string }[] = await m.query(
                `SELECT id FROM "${this.s}".enterprise WHERE credit_code = $1`,
                [creditCode],
              );
              if (!rows[0])
                throw new AppError(
                  'NOT_FOUND',
                  `企业不存在：${creditCode || enterpriseRef}（请先在企业库中登记）`,
                  'unknown enterprise',
                );
              enterpriseId = rows[0].id;
            }
            const r = await this.pairings.pairIn(
              m,
              {
                cadreId: cadre.id,
                enterpriseId,
                primary: primaryText === '' ? true : YES.has(primaryText),
                fromDate: cell(row, 'fromDate') || null,
                replaceCurrent: YES.has(replaceText) && replaceText !== '',
                note: cell(row, 'note') || null,
              },
              actor,
            );
            if (options.dryRun)
              throw new DryRunRollback(JSON.stringify(r.outcome + ':' + r.pairing.keyEnterpriseException));
            return `${r.outcome}:${r.pairing.keyEnterpriseException}`;
          })
          .catch((err: unknown) => {
            if (err instanceof DryRunRollback) return JSON.parse(err.message) as string;
            throw err;
          });
        const [kind, exception] = outcome.split(':');
        if (kind === 'CREATED') result.created++;
        else if (kind === 'REPLACED') result.replaced++;
        else result.unchanged++;
        if (exception === 'true' && kind !== 'UNCHANGED') result.exceptions++;
      } catch (err) {
        if (err instanceof GraphQLError) {
          const problems = (err.extensions['problems'] as { message: string }[] | undefined) ?? [];
          fail(
            line,
            String(err.extensions['code'] ?? 'BAD_USER_INPUT'),
            problems.length > 1 ? problems.map((p) => p.message).join('；') : err.message,
          );
        } else throw err;
      }
    }
    return result;
  }
}
