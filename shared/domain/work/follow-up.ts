// Follow-up (回访): after a case is resolved the caller is asked whether they are satisfied and whether the
// problem was actually solved. Satisfied or basically satisfied closes the case; dissatisfied reopens it:
// to the same unit the first time, then to the level above each time after (grid or community → street,
// street or department → district; the district keeps it).
import type { CaseOwner } from '../case-record.js';
import type { Jurisdiction, UnitRef } from '../case.js';

export const SATISFACTIONS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];

export const SATISFACTION_NAMES: Record<Satisfaction, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
};

export type FollowUpOutcome = { kind: 'close' } | { kind: 'reopen'; owner: CaseOwner; sameUnit: boolean };

/**
 * What a follow-up leads to. `dissatisfiedBefore` counts the case's earlier dissatisfied follow-ups.
 */
export function followUpOutcome(satisfaction: Satisfaction, dissatisfiedBefore: number, owner: CaseOwner, jurisdiction: Jurisdiction, district: UnitRef): FollowUpOutcome {
  if (satisfaction !== 'dissatisfied') return { kind: 'close' };
  if (dissatisfiedBefore === 0) return { kind: 'reopen', owner, sameUnit: true };
  const above = unitAbove(owner, jurisdiction, district);
  return { kind: 'reopen', owner: above, sameUnit: above.code === owner.code };
}

/** The unit one level above the owner, as the case's jurisdiction knows it. */
export function unitAbove(owner: CaseOwner, jurisdiction: Jurisdiction, district: UnitRef): CaseOwner {
  const districtOwner: CaseOwner = { ...(jurisdiction.district ?? district), level: 'district' };
  switch (owner.level) {
    case 'grid':
    case 'community':
      return jurisdiction.street ? { ...jurisdiction.street, level: 'street' } : districtOwner;
    case 'street':
    case 'department':
    case 'district':
      return districtOwner;
  }
}
