// Who may act on a case. A handler acts for the unit that owns the case now; a supervisor sees and
// decides for every case inside its unit (a street supervisor: the street's cases; a department
// supervisor: the cases its department owns or was assigned by category).
import type { CaseRecord } from '../domain/case-record.js';
import type { StaffIdentity } from '../security/staff-identity.js';

/** Whether the staff member's unit owns the case now (the one that must act). */
export function ownsCase(staff: StaffIdentity, record: CaseRecord): boolean {
  return record.owner.code === staff.unit.code;
}

/** Whether the case lies inside the staff member's unit (its place in the tree, or its department). */
export function caseIsWithinUnit(staff: StaffIdentity, record: CaseRecord): boolean {
  const { code, level } = staff.unit;
  if (record.owner.code === code) return true;
  if (level === 'department') return record.classification.department.code === code;
  return record.jurisdiction[level]?.code === code;
}

/** A handler may act on what its unit owns; a supervisor on anything inside its unit. */
export function mayActOnCase(staff: StaffIdentity, record: CaseRecord): boolean {
  if (staff.role === 'supervisor') return caseIsWithinUnit(staff, record);
  if (staff.role === 'handler') return ownsCase(staff, record);
  return false;
}
