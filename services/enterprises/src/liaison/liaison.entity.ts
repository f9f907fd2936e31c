import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** 企业联络员: the enterprise's named contact person. */
@ObjectType({ description: '企业联络员 (enterprise liaison)' })
@Entity({ name: 'liaison' })
@Index(['enterpriseId', 'position'])
export class Liaison {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'enterprise_id', type: 'uuid' })
  enterpriseId!: string;

  @Field()
  @Column({ type: 'text' })
  name!: string;

  @Field({ description: '职务, e.g. 总经理, 办公室主任' })
  @Column({ type: 'text' })
  role!: string;

  /** Exposed through a field resolver that masks it for viewers who do not need it. */
  @Column({ type: 'text' })
  phone!: string;

  @Field(() => Int, { description: 'Order among the enterprise liaisons (0 = first contact)' })
  @Column({ type: 'integer', default: 0 })
  position!: number;
}
