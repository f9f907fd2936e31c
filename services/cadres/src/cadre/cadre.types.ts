import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { AdministrativeLevel, ProblemDomain } from '@sfw/shared-types';
import { Cadre, PageInfo, Pairing } from '../types';

@InputType({ description: 'Filters combine with AND' })
export class CadreFilter {
  @Field(() => ID, { nullable: true })
  departmentId?: string;

  @Field(() => AdministrativeLevel, { nullable: true })
  level?: AdministrativeLevel;

  @Field({ nullable: true, description: 'A division code: cadres of that region and below it' })
  regionCode?: string;

  @Field(() => ProblemDomain, { nullable: true })
  specialty?: ProblemDomain;

  @Field({ nullable: true, description: 'True: only those in post; false: only those who left; absent: all' })
  active?: boolean;

  @Field({ nullable: true, description: 'Part of the name, or of the staff number' })
  search?: string;
}

@ArgsType()
export class CadresArgs {
  @Field(() => CadreFilter, { nullable: true })
  filter?: CadreFilter;

  @Field(() => Int, { defaultValue: 20, description: 'Page size, at most 100' })
  first!: number;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page' })
  after?: string | null;
}

@ObjectType()
export class CadreEdge {
  @Field()
  cursor!: string;

  @Field(() => Cadre)
  node!: Cadre;
}

@ObjectType()
export class CadreConnection {
  @Field(() => [CadreEdge])
  edges!: CadreEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'All cadres matching the filter (and visible to you), on every page' })
  totalCount!: number;
}

@InputType()
export class CreateCadreInput {
  @Field({ description: '工号' })
  staffNo!: string;

  @Field()
  name!: string;

  @Field(() => ID)
  departmentId!: string;

  @Field(() => AdministrativeLevel, { nullable: true, description: 'Defaults to the department’s level' })
  level?: AdministrativeLevel;

  @Field({ nullable: true, description: 'Defaults to the department’s region; must lie inside it' })
  regionCode?: string;

  @Field(() => [ProblemDomain], { defaultValue: [] })
  specialties!: ProblemDomain[];

  @Field({ nullable: true, description: '11-digit mobile number' })
  phone?: string;

  @Field({ nullable: true, description: 'Login subject of the cadre (links a cadre token to this record)' })
  account?: string;
}

@InputType({ description: 'Only the given fields change' })
export class UpdateCadreInput {
  @Field({ nullable: true })
  staffNo?: string;

  @Field({ nullable: true })
  name?: string;

  @Field(() => ID, { nullable: true })
  departmentId?: string;

  @Field(() => AdministrativeLevel, { nullable: true })
  level?: AdministrativeLevel;

  @Field({ nullable: true })
  regionCode?: string;

  @Field(() => [ProblemDomain], { nullable: true })
  specialties?: ProblemDomain[];

  @Field({ nullable: true })
  phone?: string;

  @Field({ nullable: true })
  account?: string;
}

@ArgsType()
export class UpdateCadreArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => UpdateCadreInput)
  input!: UpdateCadreInput;

  @Field(() => Int, {
    nullable: true,
    description: 'The version you read; a different current version is a CONFLICT',
  })
  expectedVersion?: number;
}

@ObjectType({ description: 'A cadre who left, and the pairings that ended with it (to re-pair)' })
export class CadreDeparture {
  @Field(() => Cadre)
  cadre!: Cadre;

  @Field(() => [Pairing], { description: 'The enterprises now waiting for a new cadre' })
  endedPairings!: Pairing[];
}
