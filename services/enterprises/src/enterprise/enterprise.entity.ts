import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { EnterpriseScale } from '@sfw/shared-types';

registerEnumType(EnterpriseScale, {
  name: 'EnterpriseScale',
  description: '企业规模',
  valuesConfig: {
    ABOVE_DESIGNATED: { description: '规上 (above designated size)' },
    BELOW_DESIGNATED: { description: '规下 (below designated size)' },
    SMALL_MICRO: { description: '小微 (small and micro)' },
  },
});

/** numeric columns come back from pg as strings; expose them as numbers. */
const numeric = {
  to: (v: number | null | undefined) => v,
  from: (v: string | null) => (v === null ? null : Number(v)),
};

/** 企业 / 市场主体: an enterprise served by the platform, identified by its credit code. */
@Directive('@key(fields: "id")')
@ObjectType({ description: '企业 (enterprise)' })
@Entity({ name: 'enterprise' })
export class Enterprise {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field({ description: '企业名称' })
  @Column({ type: 'text' })
  name!: string;

  @Field({ description: '统一社会信用代码 (GB 32100-2015)' })
  @Index({ unique: true })
  @Column({ name: 'credit_code', type: 'char', length: 18 })
  creditCode!: string;

  @Field({ description: 'Division code of the county or township the enterprise sits in' })
  @Column({ name: 'region_code', type: 'varchar', length: 9 })
  regionCode!: string;

  @Field({ description: 'GB/T 4754 code, 2–4 digits' })
  @Column({ name: 'industry_code', type: 'varchar', length: 4 })
  industryCode!: string;

  @Field(() => EnterpriseScale)
  @Column({ type: 'text' })
  scale!: EnterpriseScale;

  @Field(() => [String], {
    description: '标签: 龙头骨干, 高成长, 隐形冠军(培育), 专精特新, 重大招商项目, and free tags',
  })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags!: string[];

  @Field(() => Int, { nullable: true, description: '从业人员' })
  @Column({ type: 'integer', nullable: true })
  employees!: number | null;

  @Field(() => Float, { nullable: true, description: '注册资本, in 万元 (10,000 yuan)' })
  @Column({
    name: 'registered_capital',
    type: 'numeric',
    precision: 18,
    scale: 2,
    nullable: true,
    transformer: numeric,
  })
  registeredCapital!: number | null;

  @Field(() => String, { nullable: true, description: '成立日期, YYYY-MM-DD' })
  @Column({ name: 'founded_on', type: 'date', nullable: true })
  foundedOn!: string | null;

  @Field(() => [String], { description: '所属园区' })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  parks!: string[];

  @Field(() => Int, {
    description: 'Increases with every change; pass it back as expectedVersion to avoid lost updates',
  })
  @VersionColumn()
  version!: number;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Field()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
