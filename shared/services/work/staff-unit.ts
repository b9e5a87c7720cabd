// The unit a staff member acts for, with its official name, as timeline events show it.
import type { CaseOwner } from '../../domain/case-record.js';
import { findDepartment } from '../../domain/departments.js';
import { huangpuTree } from '../../domain/jurisdiction/huangpu.js';
import type { StaffIdentity } from '../../security/staff-identity.js';

export function staffUnit(staff: StaffIdentity): CaseOwner {
  const { code, level } = staff.unit;
  const name = level === 'department' ? findDepartment(code)?.name : huangpuTree.get(code)?.name;
  return { code, level, name: name ?? code };
}

/** The event actor for a staff member: the account id (never a name) and the unit it acts for. */
export function staffActor(staff: StaffIdentity) {
  const { level: _level, ...unit } = staffUnit(staff);
  return { kind: 'unit' as const, id: staff.staffId, unit };
}
