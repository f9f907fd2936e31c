import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AdministrativeLevel } from '@sfw/shared-types';
import { EnterpriseRef, Pairing } from '../types';

export enum PairOutcomeKind {
  CREATED = 'CREATED',
  UNCHANGED = 'UNCHANGED',
  REPLACED = 'REPLACED',
}
registerEnumType(PairOutcomeKind, {
  name: 'PairOutcome',
  valuesConfig: {
    CREATED: { description: '新建结对' },
    UNCHANGED: { description: '已是当前结对，未作改动' },
    REPLACED: { description: '替换了原有结对（历史保留）' },
  },
});

@InputType()
export class PairCadreInput {
  @Field(() => ID)
  cadreId!: string;

  @Field(() => ID)
  enterpriseId!: string;

  @Field({ defaultValue: true, description: '主服务员 (one per enterprise and level at a time)' })
  primary!: boolean;

  @Field({ nullable: true, description: 'YYYY-MM-DD, default today; not in the future' })
  fromDate?: string;

  @Field({
    nullable: true,
    defaultValue: false,
    description: 'End the current primary cadre’s pairing at this level and take over (history is kept)',
  })
  replaceCurrent?: boolean;

  @Field({ nullable: true, description: 'Note, e.g. why a city cadre serves a non-key enterprise' })
  note?: string;
}

@ObjectType()
export class PairResultType {
  @Field(() => Pairing)
  pairing!: Pairing;

  @Field(() => PairOutcomeKind)
  outcome!: PairOutcomeKind;

  @Field(() => Pairing, { nullable: true, description: 'The pairing that was ended to make way' })
  ended!: Pairing | null;

  @Field(() => String, {
    nullable: true,
    description: 'Set when the pairing is an exception to report (city cadre, non-key enterprise)',
  })
  warning!: string | null;
}

@ObjectType({ description: 'An enterprise waiting for a new cadre after its cadre left (待重新结对)' })
export class RepairingItemType {
  @Field(() => EnterpriseRef)
  enterprise!: EnterpriseRef;

  @Field(() => AdministrativeLevel)
  level!: AdministrativeLevel;

  @Field(() => Pairing)
  endedPairing!: Pairing;
}

@ObjectType()
export class PairingImportError {
  @Field(() => Int, { description: 'Line in the file (the header is line 1)' })
  line!: number;

  @Field()
  code!: string;

  @Field()
  message!: string;
}

@ObjectType({ description: 'Result of a bulk pairing import (CSV)' })
export class PairingImportReport {
  @Field(() => Int)
  total!: number;

  @Field(() => Int)
  created!: number;

  @Field(() => Int, { description: 'Rows that replaced an existing pairing' })
  replaced!: number;

  @Field(() => Int, { description: 'Rows already in place (running a file twice changes nothing)' })
  unchanged!: number;

  @Field(() => Int)
  failed!: number;

  @Field(() => Int, { description: 'City cadres paired with non-key enterprises (reported exceptions)' })
  exceptions!: number;

  @Field(() => [PairingImportError])
  errors!: PairingImportError[];

  @Field()
  dryRun!: boolean;
}
