import type { DataSource } from 'typeorm';
import { validateCreditCode, type Viewer } from '@sfw/shared-types';
import { AppError, type Logger } from '@sfw/subgraph-kit';
import { Enterprise } from '../enterprise/enterprise.entity';
import type { EnterpriseService } from '../enterprise/enterprise.service';
import type { ChangeActor } from '../governance/governance';
import {
  validateDraft,
  validateLiaison,
  type EnterpriseDraft,
  type EnterprisePatch,
} from '../enterprise/enterprise.validation';
import { Liaison } from '../liaison/liaison.entity';
import { CsvFormatError, parseEnterpriseCsv, type ParsedRow } from './csv-rows';

export interface ImportRowError {
  line: number;
  creditCode: string | null;
  field: string | null;
  code: string;
  message: string;
  messageEn: string;
}

export interface ImportCounts {
  total: number;
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  failed: number;
}

export interface ImportReport extends ImportCounts {
  errors: ImportRowError[];
  ignoredColumns: string[];
}

export type ImportStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'INTERRUPTED';

export interface ImportJob extends ImportReport {
  id: string;
  fileName: string | null;
  status: ImportStatus;
  startedBy: string | null;
  startedAt: Date;
  finishedAt: Date | null;
  message: string | null;
}

export const IMPORT_CHUNK = 200;
/** Errors kept per job; the count of failed rows is always exact. */
export const MAX_STORED_ERRORS = 2000;
/** A RUNNING job that made no progress for this long died with its process. */
const STALE_MS = 5 * 60 * 1000;

/** Map of CSV columns to the patch fields an existing enterprise takes from the file. */
const PATCH_FIELDS: Record<string, keyof EnterprisePatch> = {
  name: 'name',
  regionCode: 'regionCode',
  industryCode: 'industryCode',
  scale: 'scale',
  tags: 'tags',
  employees: 'employees',
  registeredCapital: 'registeredCapital',
  foundedOn: 'foundedOn',
  parks: 'parks',
};

type ProblemLike = { field: string | null; code: string; message: string; messageEn?: string };

const rowError = (line: number, creditCode: string | null, p: ProblemLike): ImportRowError => ({
  line,
  creditCode,
  field: p.field ?? null,
  code: p.code,
  message: p.message,
  messageEn: p.messageEn ?? p.message,
});

/**
 * Bulk import of enterprises from a CSV (the shape a market-regulation bureau exports).
 * Good rows land, bad rows are reported one by one, and re-running the same file changes
 * nothing: a known credit code is updated only with the cells the file fills, and only if they
 * differ. Work goes in chunks of 200 rows, one transaction each, with progress after each.
 */
export class ImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
    private readonly enterprises: EnterpriseService,
    private readonly logger: Logger,
  ) {}

  /** Parse up front so a malformed file is refused before any job exists. */
  parse(text: string) {
    try {
      return parseEnterpriseCsv(text);
    } catch (err) {
      if (err instanceof CsvFormatError) throw new AppError('INVALID_CSV', err.message, err.messageEn);
      throw err;
    }
  }

  async run(
    text: string,
    onProgress?: (counts: ImportCounts) => void | Promise<void>,
    /** Who imports (recorded on every change; the CLI imports as the system). */
    actor: ChangeActor = { viewer: null, source: 'import (command line)' },
  ): Promise<ImportReport> {
    const parsed = this.parse(text);
    const counts: ImportCounts = {
      total: parsed.rows.length,
      processed: 0,
      created: 0,
      updated: 0,
      unchanged: 0,
      skipped: 0,
      failed: 0,
    };
    const errors: ImportRowError[] = [];
    const fail = (e: ImportRowError) => {
      counts.failed++;
      if (errors.length < MAX_STORED_ERRORS) errors.push(e);
    };
    const ref = this.enterprises.referenceData();
    const seen = new Map<string, number>();
    for (let start = 0; start < parsed.rows.length; start += IMPORT_CHUNK) {
      const ready: { row: ParsedRow; value: EnterpriseDraft }[] = [];
      for (const row of parsed.rows.slice(start, start + IMPORT_CHUNK)) {
        const code = validateCreditCode(row.draft.creditCode);
        const codeText = code.ok ? code.code : row.draft.creditCode || null;
        if (row.skipReason) {
          counts.skipped++;
          if (errors.length < MAX_STORED_ERRORS)
            errors.push({
              line: row.line,
              creditCode: codeText,
              field: 'status',
              code: 'SKIPPED',
              message: row.skipReason,
              messageEn: 'deregistered enterprise, not imported',
            });
          continue;
        }
        const { value, problems } = validateDraft(row.draft, ref);
        const all = [...row.problems, ...problems];
        if (all.length) {
          // One entry per row: the reasons joined, so a person reads the row's whole story at once.
          fail(
            rowError(row.line, codeText, {
              field: all.length === 1 ? (all[0]?.field ?? null) : null,
              code: all.length === 1 ? (all[0]?.code ?? 'BAD_USER_INPUT') : 'BAD_USER_INPUT',
              message: all.map((p) => p.message).join('；'),
              messageEn: all.map((p) => p.messageEn ?? p.code).join('; '),
            }),
          );
          continue;
        }
        const earlier = seen.get(value.creditCode);
        if (earlier !== undefined) {
          fail(
            rowError(row.line, value.creditCode, {
              field: 'creditCode',
              code: 'DUPLICATE_IN_FILE',
              message: `统一社会信用代码与第${earlier}行重复`,
              messageEn: `same credit code as line ${earlier}`,
            }),
          );
          continue;
        }
        seen.set(value.creditCode, row.line);
        ready.push({ row, value });
      }
      await this.applyChunk(ready, counts, fail, actor);
      counts.processed = Math.min(parsed.rows.length, start + IMPORT_CHUNK);
      await onProgress?.({ ...counts });
    }
    counts.processed = parsed.rows.length;
    return { ...counts, errors, ignoredColumns: parsed.ignoredColumns };
  }

  private async applyChunk(
    ready: { row: ParsedRow; value: EnterpriseDraft }[],
    counts: ImportCounts,
    fail: (e: ImportRowError) => void,
    actor: ChangeActor,
  ): Promise<void> {
    if (!ready.length) return;
    const tally = { created: 0, updated: 0, unchanged: 0 };
    try {
      await this.dataSource.transaction(async (m) => {
        const existing = await m
          .getRepository(Enterprise)
          .createQueryBuilder('e')
          .setLock('pessimistic_write')
          .where('e.credit_code = ANY(:codes)', { codes: ready.map((r) => r.value.creditCode) })
          .getMany();
        const byCode = new Map(existing.map((e) => [e.creditCode, e]));
        const liaisons = existing.length
          ? await this.enterprises.liaisonsOf(
              existing.map((e) => e.id),
              m,
            )
          : [];
        const phonesById = new Map(
          existing.map((e, i) => [e.id, new Set((liaisons[i] ?? []).map((l) => l.phone))]),
        );
        const newDrafts = ready
          .filter(({ value }) => !byCode.has(value.creditCode))
          .map(({ value }) => value);
        await this.enterprises.insertManyValidated(m, newDrafts, actor);
        tally.created += newDrafts.length;
        for (const { row, value } of ready) {
          const current = byCode.get(value.creditCode);
          if (!current) continue;
          const patch: EnterprisePatch = {};
          for (const [column, field] of Object.entries(PATCH_FIELDS)) {
            if (row.present.has(column)) (patch as Record<string, unknown>)[field] = value[field];
          }
          const before = current.version;
          // Locked by the chunk's SELECT … FOR UPDATE above.
          const saved = await this.enterprises.applyPatch(m, current.id, patch, null, current, actor);
          let changed = saved.version !== before;
          const phones = phonesById.get(current.id) ?? new Set<string>();
          const fresh = value.liaisons.filter((l) => !phones.has(validateLiaison(l, 'l').value.phone));
          if (fresh.length) {
            await m
              .getRepository(Liaison)
              .insert(fresh.map((l, i) => ({ ...l, enterpriseId: current.id, position: phones.size + i })));
            changed = true;
          }
          if (changed) tally.updated++;
          else tally.unchanged++;
        }
      });
      counts.created += tally.created;
      counts.updated += tally.updated;
      counts.unchanged += tally.unchanged;
    } catch (err) {
      if (ready.length === 1) {
        const only = ready[0];
        if (!only) return;
        this.logger.warn({ err, line: only.row.line }, 'import row failed');
        const message =
          err instanceof AppError ? err.message : '写入失败（可能与同时进行的修改冲突），请重试';
        fail(
          rowError(only.row.line, only.value.creditCode, {
            field: null,
            code: err instanceof AppError ? err.code : 'WRITE_FAILED',
            message,
            messageEn: err instanceof Error ? err.message : String(err),
          }),
        );
        return;
      }
      // Isolate the row that broke the chunk: retry one row per transaction.
      for (const item of ready) await this.applyChunk([item], counts, fail, actor);
    }
  }

  /** Start a persisted import job and run it in the background; returns at once. */
  async start(
    text: string,
    fileName: string | null,
    viewer: Viewer | null,
  ): Promise<{ job: ImportJob; done: Promise<ImportJob> }> {
    const startedBy = viewer?.sub ?? null;
    const actor: ChangeActor = { viewer, source: `批量导入 ${fileName ?? 'CSV'}`.slice(0, 200) };
    // The import is the registry's own data: administrators and the registration department.
    await this.dataSource.transaction((m) => this.enterprises.assertRegistrar(m, actor));
    const parsed = this.parse(text);
    const [row] = (await this.dataSource.query(
      `INSERT INTO "${this.schema}".import_job (file_name, status, total, started_by, ignored_columns)
       VALUES ($1, 'RUNNING', $2, $3, $4) RETURNING id`,
      [fileName, parsed.rows.length, startedBy, parsed.ignoredColumns],
    )) as { id: string }[];
    const id = row?.id as string;
    const done = this.run(text, (c) => this.saveProgress(id, c, 'RUNNING'), actor)
      .then(async (report) => {
        await this.saveProgress(id, report, 'SUCCEEDED', report.errors);
        return this.job(id) as Promise<ImportJob>;
      })
      .catch(async (err: unknown) => {
        this.logger.error({ err, jobId: id }, 'import job failed');
        await this.dataSource
          .query(
            `UPDATE "${this.schema}".import_job SET status = 'FAILED', message = $2, finished_at = now() WHERE id = $1`,
            [id, err instanceof Error ? err.message : String(err)],
          )
          .catch(() => undefined);
        return this.job(id) as Promise<ImportJob>;
      });
    return { job: (await this.job(id)) as ImportJob, done };
  }

  private async saveProgress(
    id: string,
    c: ImportCounts,
    status: ImportStatus,
    errors?: ImportRowError[],
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE "${this.schema}".import_job
          SET processed = $2, created = $3, updated = $4, unchanged = $5, skipped = $6, failed = $7,
              status = $8, heartbeat_at = now(),
              finished_at = CASE WHEN $8 = 'RUNNING' THEN NULL ELSE now() END,
              errors = COALESCE($9::jsonb, errors)
        WHERE id = $1`,
      [
        id,
        c.processed,
        c.created,
        c.updated,
        c.unchanged,
        c.skipped,
        c.failed,
        status,
        errors ? JSON.stringify(errors) : null,
      ],
    );
  }

  async job(id: string): Promise<ImportJob | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    const rows = await this.dataSource.query(`SELECT * FROM "${this.schema}".import_job WHERE id = $1`, [id]);
    return rows[0] ? toJob(rows[0]) : null;
  }

  async recent(limit: number): Promise<ImportJob[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT * FROM "${this.schema}".import_job ORDER BY started_at DESC LIMIT $1`,
      [Math.max(1, Math.min(limit, 100))],
    );
    return rows.map(toJob);
  }
}

function toJob(r: Record<string, unknown>): ImportJob {
  const status = r['status'] as ImportStatus;
  const heartbeat = new Date((r['heartbeat_at'] ?? r['started_at']) as string);
  return {
    id: r['id'] as string,
    fileName: (r['file_name'] as string | null) ?? null,
    status: status === 'RUNNING' && Date.now() - heartbeat.getTime() > STALE_MS ? 'INTERRUPTED' : status,
    total: r['total'] as number,
    processed: r['processed'] as number,
    created: r['created'] as number,
    updated: r['updated'] as number,
    unchanged: r['unchanged'] as number,
    skipped: r['skipped'] as number,
    failed: r['failed'] as number,
    errors: (typeof r['errors'] === 'string' ? JSON.parse(r['errors']) : r['errors']) as ImportRowError[],
    ignoredColumns: (r['ignored_columns'] as string[] | null) ?? [],
    startedBy: (r['started_by'] as string | null) ?? null,
    startedAt: new Date(r['started_at'] as string),
    finishedAt: r['finished_at'] ? new Date(r['finished_at'] as string) : null,
    message: (r['message'] as string | null) ?? null,
  };
}
