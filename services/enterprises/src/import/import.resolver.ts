import {
  Arg,
  Authorized,
  Ctx,
  Field,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  registerEnumType,
  Resolver,
} from 'type-graphql';
import { Role } from '@sfw/shared-types';
import type { Context } from '../context';
import type { ImportJob, ImportStatus } from './import.service';

enum EnterpriseImportStatus {
  RUNNING = 'RUNNING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
  INTERRUPTED = 'INTERRUPTED',
}
registerEnumType(EnterpriseImportStatus, { name: 'EnterpriseImportStatus' });

@ObjectType({ description: 'A row of the file that did not land (or was skipped), with the reason' })
class ImportRowError {
  @Field(() => Int, { description: 'Line in the file; the header is line 1' })
  line!: number;

  @Field(() => String, { nullable: true })
  creditCode!: string | null;

  @Field(() => String, { nullable: true })
  field!: string | null;

  @Field()
  code!: string;

  @Field()
  message!: string;

  @Field()
  messageEn!: string;
}

@ObjectType({ description: '企业批量导入: a bulk import of enterprises from CSV and its progress' })
class EnterpriseImport {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  fileName!: string | null;

  @Field(() => EnterpriseImportStatus)
  status!: ImportStatus;

  @Field(() => Int, { description: 'Data rows in the file' })
  total!: number;

  @Field(() => Int, { description: 'Rows handled so far (progress = processed / total)' })
  processed!: number;

  @Field(() => Int)
  created!: number;

  @Field(() => Int)
  updated!: number;

  @Field(() => Int)
  unchanged!: number;

  @Field(() => Int, { description: 'Rows not imported on purpose (deregistered enterprises)' })
  skipped!: number;

  @Field(() => Int)
  failed!: number;

  @Field(() => [ImportRowError], {
    description: 'Failed and skipped rows, in file order (filled when the import ends)',
  })
  errors!: ImportRowError[];

  @Field(() => [String], { description: 'Columns of the file that the import does not read' })
  ignoredColumns!: string[];

  @Field()
  startedAt!: Date;

  @Field(() => Date, { nullable: true })
  finishedAt!: Date | null;

  @Field(() => String, { nullable: true })
  message!: string | null;
}

@Resolver()
export class ImportResolver {
  @Authorized(Role.ADMIN, Role.DEPARTMENT)
  @Mutation(() => EnterpriseImport, {
    description:
      'Import enterprises from CSV text (UTF-8, header row, the columns a market-regulation export has). Returns at once with the job; poll enterpriseImport(id) for progress, or pass wait: true for small files.',
  })
  async importEnterprises(
    @Arg('csv') csv: string,
    @Arg('fileName', () => String, { nullable: true }) fileName: string | null,
    @Arg('wait', () => Boolean, { defaultValue: false }) wait: boolean,
    @Ctx() ctx: Context,
  ): Promise<ImportJob> {
    const { job, done } = await ctx.services.imports.start(csv, fileName, ctx.viewer);
    return wait ? done : job;
  }

  @Authorized(Role.ADMIN, Role.DEPARTMENT)
  @Query(() => EnterpriseImport, { nullable: true })
  enterpriseImport(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ImportJob | null> {
    return ctx.services.imports.job(id);
  }

  @Authorized(Role.ADMIN, Role.DEPARTMENT)
  @Query(() => [EnterpriseImport], { description: 'The most recent imports first' })
  enterpriseImports(
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Ctx() ctx: Context,
  ): Promise<ImportJob[]> {
    return ctx.services.imports.recent(first);
  }
}
