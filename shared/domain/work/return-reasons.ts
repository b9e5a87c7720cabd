// The reasons a unit may give for returning a case (退单 / 回退). A return always names one of these codes and
// explains it in free text; the router then routes the case again without the returning unit.

export const RETURN_REASONS = {
  outside_jurisdiction: '不属本单位辖区',
  outside_remit: '不属本单位职责',
  address_unlocatable: '地址不详或无法定位',
  needs_other_unit: '需由其他单位牵头办理',
  wrong_category: '诉求分类有误',
} as const;

export type ReturnReasonCode = keyof typeof RETURN_REASONS;

export const RETURN_REASON_CODES = Object.keys(RETURN_REASONS) as ReturnReasonCode[];

export function isReturnReasonCode(code: string): code is ReturnReasonCode {
  return Object.hasOwn(RETURN_REASONS, code);
}
