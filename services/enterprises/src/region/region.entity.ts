import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { RegionLevel } from '@sfw/shared-types';

registerEnumType(RegionLevel, {
  name: 'RegionLevel',
  description: '行政区划层级: province / city / county / township',
});

/** 行政区划: an administrative division, keyed by its national division code. */
@Directive('@key(fields: "code")')
@ObjectType({ description: '行政区划 (administrative division)' })
@Entity({ name: 'region' })
export class Region {
  @Field({ description: 'Division code: 330000, 331000, 331004, 331004001' })
  @PrimaryColumn({ type: 'varchar', length: 9 })
  code!: string;

  @Field()
  @Column({ type: 'text' })
  name!: string;

  @Field(() => RegionLevel)
  @Column({ type: 'text' })
  level!: RegionLevel;

  @Field(() => String, { nullable: true })
  @Column({ name: 'parent_code', type: 'varchar', length: 9, nullable: true })
  parentCode!: string | null;
}
