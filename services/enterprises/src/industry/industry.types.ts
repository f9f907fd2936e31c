import { Field, ObjectType } from 'type-graphql';

/** 国民经济行业分类 (GB/T 4754-2017): an enterprise's industry as code and names. */
@ObjectType({ description: '国民经济行业分类 GB/T 4754-2017' })
export class Industry {
  @Field({ description: 'The code as recorded: 2–4 digits (大类 / 中类 / 小类)' })
  code!: string;

  @Field({ description: 'Section letter (门类), A–T' })
  sectionCode!: string;

  @Field({ description: '门类 name' })
  sectionName!: string;

  @Field({ description: 'Division code (大类), two digits' })
  divisionCode!: string;

  @Field({ description: '大类 name' })
  divisionName!: string;
}
