import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { AdministrativeLevel, ProblemDomain, SignOffRole } from '@sfw/shared-types';

@InputType({ description: 'Filters combine with AND' })
export class DepartmentFilter {
  @Field(() => AdministrativeLevel, { nullable: true })
  level?: AdministrativeLevel;

  @Field({ nullable: true, description: 'A division code: departments of that region and below it' })
  regionCode?: string;

  @Field(() => ProblemDomain, { nullable: true, description: 'Departments answering for this domain' })
  domain?: ProblemDomain;

  @Field(() => ID, { nullable: true })
  parentId?: string;

  @Field({ nullable: true, description: 'Part of the name, short name or code' })
  search?: string;

  @Field({ nullable: true, defaultValue: false })
  includeInactive?: boolean;
}

@InputType({ description: 'A person who signs off refusals (签批人)' })
export class DepartmentMemberInput {
  @Field()
  name!: string;

  @Field(() => SignOffRole)
  role!: SignOffRole;

  @Field({ nullable: true, description: '职务' })
  title?: string;

  @Field({ nullable: true, description: 'Login subject of the person; one person holds one role' })
  account?: string;
}

@InputType()
export class CreateDepartmentInput {
  @Field({ description: 'Stable code: A-Z, 0-9 and -, e.g. TZ-JXJ' })
  code!: string;

  @Field()
  name!: string;

  @Field()
  shortName!: string;

  @Field(() => AdministrativeLevel)
  level!: AdministrativeLevel;

  @Field({ description: 'Division code at the department’s level' })
  regionCode!: string;

  @Field(() => ID, { nullable: true })
  parentId?: string;

  @Field(() => [ProblemDomain], { defaultValue: [] })
  domains!: ProblemDomain[];

  @Field(() => [DepartmentMemberInput], { defaultValue: [] })
  members!: DepartmentMemberInput[];
}

@InputType({ description: 'Only the given fields change' })
export class UpdateDepartmentInput {
  @Field({ nullable: true })
  code?: string;

  @Field({ nullable: true })
  name?: string;

  @Field({ nullable: true })
  shortName?: string;

  @Field(() => AdministrativeLevel, { nullable: true })
  level?: AdministrativeLevel;

  @Field({ nullable: true })
  regionCode?: string;

  @Field(() => ID, { nullable: true })
  parentId?: string;

  @Field(() => [ProblemDomain], { nullable: true })
  domains?: ProblemDomain[];

  @Field({
    nullable: true,
    description: 'False to dissolve the department (refused while it has active cadres)',
  })
  active?: boolean;
}

@ArgsType()
export class UpdateDepartmentArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => UpdateDepartmentInput)
  input!: UpdateDepartmentInput;

  @Field(() => Int, {
    nullable: true,
    description: 'The version you read; a different current version is a CONFLICT',
  })
  expectedVersion?: number;
}
