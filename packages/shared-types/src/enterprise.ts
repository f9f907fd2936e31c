/** Enterprise scale (企业规模). */
export enum EnterpriseScale {
  /** 规上: above designated size (规模以上) */
  ABOVE_DESIGNATED = 'ABOVE_DESIGNATED',
  /** 规下: below designated size */
  BELOW_DESIGNATED = 'BELOW_DESIGNATED',
  /** 小微: small and micro */
  SMALL_MICRO = 'SMALL_MICRO',
}

export const ENTERPRISE_SCALE_LABELS: Record<EnterpriseScale, string> = {
  [EnterpriseScale.ABOVE_DESIGNATED]: '规上',
  [EnterpriseScale.BELOW_DESIGNATED]: '规下',
  [EnterpriseScale.SMALL_MICRO]: '小微',
};

/**
 * The tags that policies and pairing rules read. Free tags are allowed beside these;
 * these five are the ones that make an enterprise a "key enterprise" for city-level pairing.
 */
export const STANDARD_TAGS = ['龙头骨干', '高成长', '隐形冠军(培育)', '专精特新', '重大招商项目'] as const;
export type StandardTag = (typeof STANDARD_TAGS)[number];

/** Tags that make an enterprise a key enterprise (重点企业) for city-level cadres. */
export const KEY_ENTERPRISE_TAGS: readonly string[] = [
  '龙头骨干',
  '高成长',
  '隐形冠军(培育)',
  '重大招商项目',
];
