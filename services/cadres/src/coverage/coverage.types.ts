import { ArgsType, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AdministrativeLevel } from '@sfw/shared-types';
import { Cadre, EnterpriseRef, PageInfo } from '../types';

/** How the rows of a pairing coverage report are cut. */
export enum CoverageGroupBy {
  REGION = 'REGION',
  TAG = 'TAG',
}
registerEnumType(CoverageGroupBy, {
  name: 'CoverageGroupBy',
  description: 'Rows of a pairing coverage report',
  valuesConfig: {
    REGION: {
      description:
        'One row per child division of the region (plus the region itself when enterprises sit at its own code)',
    },
    TAG: {
      description: 'One row per standard enterprise tag, plus “（无标签）” for enterprises with none of them',
    },
  },
});

/** The key and label of the row of enterprises carrying none of the standard tags. */
export const NO_STANDARD_TAG = '（无标签）';

/** The key of the totals row. */
export const TOTAL_KEY = 'TOTAL';

@ObjectType({ description: 'One row of a pairing coverage report (结对覆盖率)' })
export class PairingCoverageRow {
  @Field({
    description: `Division code, standard tag or “${NO_STANDARD_TAG}”; “${TOTAL_KEY}” on the totals row`,
  })
  key!: string;

  @Field({ description: 'Region name or tag, for display; 合计 on the totals row' })
  label!: string;

  @Field(() => Int)
  enterprises!: number;

  @Field(() => Int, {
    description: 'Enterprises with at least one current pairing (at the level asked for, if any)',
  })
  paired!: number;

  @Field(() => Int, {
    description: 'Enterprises with a current primary cadre (主服务员; at the level asked for, if any)',
  })
  primaryPaired!: number;

  @Field(() => Float, { description: 'paired / enterprises, 4 decimals; 0 when there are no enterprises' })
  share!: number;
}

@ObjectType({ description: '结对覆盖率: the share of enterprises that have a service cadre' })
export class PairingCoverage {
  @Field({ description: 'The region covered (the one asked for, by default 台州市 or your own region)' })
  regionCode!: string;

  @Field()
  regionName!: string;

  @Field(() => CoverageGroupBy)
  groupBy!: CoverageGroupBy;

  @Field(() => String, { nullable: true, description: 'The tag enterprises were filtered on, if any' })
  tag!: string | null;

  @Field(() => AdministrativeLevel, { nullable: true, description: 'The pairing level counted, if any' })
  level!: AdministrativeLevel | null;

  @Field(() => [PairingCoverageRow])
  rows!: PairingCoverageRow[];

  @Field(() => PairingCoverageRow, {
    description:
      'All enterprises of the report once each (with TAG an enterprise may appear in several rows)',
  })
  totals!: PairingCoverageRow;
}

@ObjectType({ description: 'A cadre’s completed visits in the month' })
export class CadreVisitCount {
  @Field(() => Cadre)
  cadre!: Cadre;

  @Field(() => Int, { description: 'Completed visits in the month' })
  visits!: number;

  @Field(() => Int, { description: 'Distinct enterprises visited in the month' })
  enterprises!: number;
}

@ObjectType({ description: '走访统计: completed visits per cadre in a month' })
export class CadreVisitStats {
  @Field({ description: 'YYYY-MM' })
  month!: string;

  @Field({ description: 'First day of the month, YYYY-MM-DD' })
  from!: string;

  @Field({ description: 'Last day of the month, YYYY-MM-DD' })
  to!: string;

  @Field(() => Int, {
    description:
      'Cadres in post at the end of the month (for the current month: active cadres) matching the filters',
  })
  activeCadres!: number;

  @Field(() => Int, { description: 'Completed visits in the month by those cadres' })
  visits!: number;

  @Field(() => Float, { description: 'visits / activeCadres, 2 decimals; 0 without cadres' })
  meanPerCadre!: number;

  @Field(() => Int, { description: 'Of those cadres, the ones without a completed visit in the month' })
  cadresWithoutVisit!: number;

  @Field(() => Int, { description: 'Distinct enterprises those visits went to' })
  enterprisesVisited!: number;

  @Field(() => [CadreVisitCount], {
    description: 'Cadres with at least one visit, most visits first, then by name; at most `first`',
  })
  top!: CadreVisitCount[];
}

@ObjectType({ description: 'An enterprise not visited for a while (走访空白)' })
export class EnterpriseVisitGap {
  @Field(() => EnterpriseRef)
  enterprise!: EnterpriseRef;

  @Field(() => String, {
    nullable: true,
    description: 'Date of the latest completed visit, YYYY-MM-DD; null if never',
  })
  lastVisitOn!: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Days since that visit (China time); null if never visited',
  })
  daysSinceVisit!: number | null;
}

@ObjectType()
export class EnterpriseVisitGapEdge {
  @Field()
  cursor!: string;

  @Field(() => EnterpriseVisitGap)
  node!: EnterpriseVisitGap;
}

@ObjectType()
export class EnterpriseVisitGapConnection {
  @Field(() => [EnterpriseVisitGapEdge])
  edges!: EnterpriseVisitGapEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'All enterprises matching, on every page' })
  totalCount!: number;
}

@ArgsType()
export class PairingCoverageArgs {
  @Field(() => String, {
    nullable: true,
    description: 'A division code; default 台州市 (331000), or your own region if you are a leader',
  })
  regionCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description: `Only enterprises carrying this tag (“${NO_STANDARD_TAG}”: those with none of the standard tags)`,
  })
  tag?: string | null;

  @Field(() => AdministrativeLevel, { nullable: true, description: 'Count only pairings at this level' })
  level?: AdministrativeLevel | null;

  @Field(() => CoverageGroupBy, { defaultValue: CoverageGroupBy.REGION })
  groupBy!: CoverageGroupBy;
}

@ArgsType()
export class CadreVisitStatsArgs {
  @Field({ description: 'YYYY-MM' })
  month!: string;

  @Field(() => ID, { nullable: true, description: 'Cadres of this department' })
  departmentId?: string | null;

  @Field(() => String, { nullable: true, description: 'Cadres of this division and below it' })
  regionCode?: string | null;

  @Field(() => AdministrativeLevel, { nullable: true, description: 'Cadres at this level' })
  level?: AdministrativeLevel | null;

  @Field(() => Int, { defaultValue: 20, description: 'Length of `top`, 1–200' })
  first!: number;
}

@ArgsType()
export class EnterprisesWithoutVisitArgs {
  @Field(() => Int, {
    defaultValue: 90,
    description:
      'Enterprises whose latest completed visit is more than this many days ago, or never (1–3650)',
  })
  days!: number;

  @Field(() => String, { nullable: true, description: 'Enterprises of this division and below it' })
  regionCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description: `Only enterprises carrying this tag (“${NO_STANDARD_TAG}”: those with none of the standard tags)`,
  })
  tag?: string | null;

  @Field(() => Int, { defaultValue: 20, description: 'Page size, 1–200' })
  first!: number;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page' })
  after?: string | null;
}

@ArgsType()
export class CadresWithoutVisitArgs {
  @Field({ description: 'YYYY-MM' })
  month!: string;

  @Field(() => ID, { nullable: true, description: 'Cadres of this department' })
  departmentId?: string | null;

  @Field(() => String, { nullable: true, description: 'Cadres of this division and below it' })
  regionCode?: string | null;

  @Field(() => AdministrativeLevel, { nullable: true, description: 'Cadres at this level' })
  level?: AdministrativeLevel | null;

  @Field(() => Int, { defaultValue: 20, description: 'Page size, 1–200' })
  first!: number;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page' })
  after?: string | null;
}
