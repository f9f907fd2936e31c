/** The policies vocabulary (惠企政策). */

/** 政策类别 */
export enum PolicyCategory {
  /** 科技创新 */
  TECH_INNOVATION = 'TECH_INNOVATION',
  /** 技术改造 */
  TECH_UPGRADE = 'TECH_UPGRADE',
  /** 数字化转型 */
  DIGITAL = 'DIGITAL',
  /** 人才 */
  TALENT = 'TALENT',
  /** 稳岗就业 */
  EMPLOYMENT = 'EMPLOYMENT',
  /** 融资 */
  FINANCING = 'FINANCING',
  /** 市场开拓 */
  MARKET = 'MARKET',
  /** 节能减排 */
  GREEN = 'GREEN',
  /** 招商引资与投资 */
  INVESTMENT = 'INVESTMENT',
  /** 其他 */
  OTHER = 'OTHER',
}
export const CATEGORY_LABELS: Record<PolicyCategory, string> = {
  TECH_INNOVATION: '科技创新',
  TECH_UPGRADE: '技术改造',
  DIGITAL: '数字化转型',
  TALENT: '人才',
  EMPLOYMENT: '稳岗就业',
  FINANCING: '融资',
  MARKET: '市场开拓',
  GREEN: '节能减排',
  INVESTMENT: '招商引资与投资',
  OTHER: '其他',
};

/** 兑现方式 */
export enum BenefitKind {
  /** 补助 */
  SUBSIDY = 'SUBSIDY',
  /** 奖励 */
  REWARD = 'REWARD',
  /** 税费减免 */
  TAX_RELIEF = 'TAX_RELIEF',
  /** 贷款贴息 */
  LOAN_INTEREST_DISCOUNT = 'LOAN_INTEREST_DISCOUNT',
  /** 服务 */
  SERVICE = 'SERVICE',
}
export const BENEFIT_LABELS: Record<BenefitKind, string> = {
  SUBSIDY: '补助',
  REWARD: '奖励',
  TAX_RELIEF: '税费减免',
  LOAN_INTEREST_DISCOUNT: '贷款贴息',
  SERVICE: '服务',
};

/** 政策状态 */
export enum PolicyStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  EXPIRED = 'EXPIRED',
  WITHDRAWN = 'WITHDRAWN',
}
export const POLICY_STATUS_LABELS: Record<PolicyStatus, string> = {
  DRAFT: '草稿',
  PUBLISHED: '已发布',
  EXPIRED: '已过期',
  WITHDRAWN: '已撤回',
};

/** 申报状态 */
export enum ApplicationStatus {
  SUBMITTED = 'SUBMITTED',
  MORE_MATERIAL = 'MORE_MATERIAL',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  PAID = 'PAID',
  WITHDRAWN = 'WITHDRAWN',
}
export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  SUBMITTED: '已申报待审核',
  MORE_MATERIAL: '待补充材料',
  APPROVED: '已审核通过待兑付',
  REJECTED: '未通过',
  PAID: '已兑付',
  WITHDRAWN: '已撤回',
};

/** Today's date in China (YYYY-MM-DD). */
export const chinaToday = (now = new Date()): string =>
  new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
