// Who may act on a case. A handler acts for the unit that holds the case now. A supervisor acts for the
// holder or for a unit above it: the district supervisor for every case; a street supervisor for cases its
// street, or a community or grid inside it, holds; a department supervisor for its department's cases.
// Seeing a case is wider than acting on it: a case that lies in a unit (its place in the tree, or its
// category's department) may be read by that unit's staff, even when another unit holds it.
import type { CaseRecord } from '../domain/case-record.js';
import type { StaffIdentity } from '../security/staff-identity.js';

const TREE_LEVELS = ['district', 'street', 'community', 'grid'] as const;

/** Whether the staff member's unit holds the case now (the one that must act). */
export function ownsCase(staff: StaffIdentity, record: CaseRecord): boolean {
  return record.owner.code === staff.unit.code;
}

/** Whether the case lies inside the staff member's unit (its place in the tree, or its department): who may see it. */
export function caseIsWithinUnit(staff: StaffIdentity, record: CaseRecord): boolean {
  const { code, level } = staff.unit;
  if (record.owner.code === code) return true;
  if (level === 'department') return record.classification.department.code === code;
  return record.jurisdiction[level]?.code === code;
}

/**
 * Whether the unit holding the case is the staff member's unit or lies below it. The holder's ancestors are
 * read from the case's jurisdiction, which always names the holder's street and district when a tree unit
 * holds it; a department's case is above no street or grid, so only the department and the district reach it.
 */
export function holderIsWithinUnit(staff: StaffIdentity, record: CaseRecord): boolean {
  const { code, level } = staff.unit;
  if (record.owner.code === code) return true;
  if (level === 'district') return record.jurisdiction.district?.code === code;
  if (level === 'department' || record.owner.level === 'department') return false;
  const staffDepth = TREE_LEVELS.indexOf(level);
  const holderDepth = TREE_LEVELS.indexOf(record.owner.level as (typeof TREE_LEVELS)[number]);
  return holderDepth > staffDepth && record.jurisdiction[level]?.code === code;
}

/** A handler may act on what its unit holds; a supervisor on what its unit or a unit below it holds. */
export function mayActOnCase(staff: StaffIdentity, record: CaseRecord): boolean {
  if (staff.role === 'supervisor') return holderIsWithinUnit(staff, record);
  if (staff.role === 'handler') return ownsCase(staff, record);
  return false;
}
