import { PageInfo } from '@sfw/subgraph-kit';
import { ArgsType, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { EnterpriseScale } from '@sfw/shared-types';
import { Enterprise } from './enterprise.entity';

export enum EnterpriseOrderBy {
  NAME = 'NAME',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(EnterpriseOrderBy, {
  name: 'EnterpriseOrderBy',
  description: 'Sort order of the enterprises list (ascending, ties by id)',
});

@InputType({ description: 'Filters combine with AND' })
export class EnterpriseFilter {
  @Field({ nullable: true, description: 'A division code: the region and everything below it' })
  regionCode?: string;

  @Field({ nullable: true, description: 'A GB/T 4754 section letter (A–T) or a 2–4 digit code prefix' })
  industryCode?: string;

  @Field(() => [EnterpriseScale], { nullable: true })
  scales?: EnterpriseScale[];

  @Field(() => [String], { nullable: true, description: 'Enterprises that carry every one of these tags' })
  tagsAll?: string[];

  @Field(() => [String], { nullable: true, description: 'Enterprises that carry at least one of these tags' })
  tagsAny?: string[];

  @Field({ nullable: true, description: 'Part of the name, or the beginning of the credit code' })
  search?: string;
}

@ArgsType()
export class EnterprisesArgs {
  @Field(() => EnterpriseFilter, { nullable: true })
  filter?: EnterpriseFilter;

  @Field(() => Int, { defaultValue: 20, description: 'Page size, at most 100' })
  first!: number;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page' })
  after?: string | null;

  @Field(() => EnterpriseOrderBy, { defaultValue: EnterpriseOrderBy.NAME })
  orderBy!: EnterpriseOrderBy;
}

/** The kit's shared PageInfo (@shareable), re-exported for this subgraph's connections. */
export { PageInfo };

@ObjectType()
export class EnterpriseEdge {
  @Field()
  cursor!: string;

  @Field(() => Enterprise)
  node!: Enterprise;
}

@ObjectType()
export class EnterpriseConnection {
  @Field(() => [EnterpriseEdge])
  edges!: EnterpriseEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'All enterprises matching the filter, on every page' })
  totalCount!: number;
}

@InputType()
export class LiaisonInput {
  @Field()
  name!: string;

  @Field({ description: '职务' })
  role!: string;

  @Field({ description: 'Mobile (11 digits) or landline with area code' })
  phone!: string;
}

@InputType()
export class UpdateLiaisonInput {
  @Field({ nullable: true })
  name?: string;

  @Field({ nullable: true })
  role?: string;

  @Field({ nullable: true })
  phone?: string;
}

@InputType()
export class RegisterEnterpriseInput {
  @Field()
  name!: string;

  @Field({ description: '统一社会信用代码' })
  creditCode!: string;

  @Field({ description: 'County or township division code' })
  regionCode!: string;

  @Field({ description: 'GB/T 4754 code, 2–4 digits' })
  industryCode!: string;

  @Field(() => EnterpriseScale)
  scale!: EnterpriseScale;

  @Field(() => [String], { nullable: true })
  tags?: string[];

  @Field(() => Int, { nullable: true })
  employees?: number;

  @Field(() => Float, { nullable: true, description: '万元' })
  registeredCapital?: number;

  @Field({ nullable: true, description: 'YYYY-MM-DD' })
  foundedOn?: string;

  @Field(() => [String], { nullable: true })
  parks?: string[];

  @Field(() => [LiaisonInput], { nullable: true })
  liaisons?: LiaisonInput[];
}

@InputType({ description: 'Only the fields given change; null clears an optional field' })
export class UpdateEnterpriseInput {
  @Field({ nullable: true })
  name?: string;

  @Field({ nullable: true })
  regionCode?: string;

  @Field({ nullable: true })
  industryCode?: string;

  @Field(() => EnterpriseScale, { nullable: true })
  scale?: EnterpriseScale;

  @Field(() => [String], { nullable: true, description: 'Replaces the whole tag list' })
  tags?: string[];

  @Field(() => Int, { nullable: true })
  employees?: number | null;

  @Field(() => Float, { nullable: true })
  registeredCapital?: number | null;

  @Field(() => String, { nullable: true })
  foundedOn?: string | null;

  @Field(() => [String], { nullable: true })
  parks?: string[];
}

@ArgsType()
export class UpdateEnterpriseArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => UpdateEnterpriseInput)
  input!: UpdateEnterpriseInput;

  @Field(() => Int, {
    nullable: true,
    description: 'The version the change is based on; refused if the enterprise has changed since',
  })
  expectedVersion?: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Why (依据): required, 4–500 characters, when a governed attribute changes (registration data, scale, tags)',
  })
  reason?: string | null;
}

@ObjectType({ description: 'One attribute of a recorded change: its value before and after, as JSON' })
export class EnterpriseAttributeChange {
  @Field({
    description:
      'name, regionCode, industryCode, scale, tags, employees, registeredCapital, foundedOn, parks',
  })
  field!: string;

  @Field(() => String, { nullable: true })
  before!: string | null;

  @Field(() => String, { nullable: true })
  after!: string | null;
}

@ObjectType({ description: '企业信息变更记录: one append-only entry per change (registration included)' })
export class EnterpriseChange {
  @Field(() => Int, { description: 'The enterprise version this change produced' })
  version!: number;

  @Field()
  at!: Date;

  @Field({ description: 'Account of who changed it (system for the demo data and command-line tools)' })
  actor!: string;

  @Field(() => String, { nullable: true })
  actorName!: string | null;

  @Field(() => [String])
  actorRoles!: string[];

  @Field(() => ID, { nullable: true, description: 'The department the actor acted for' })
  departmentId!: string | null;

  @Field(() => String, { nullable: true, description: '依据: the reason given' })
  reason!: string | null;

  @Field(() => String, { nullable: true, description: 'A bulk change’s source (an import’s file)' })
  source!: string | null;

  @Field(() => [EnterpriseAttributeChange])
  changes!: EnterpriseAttributeChange[];
}
