// What a supervisor may see: its own unit and everything below it in the jurisdiction tree (a street
// supervisor: the street, its communities and grids). A department supervisor sees its department; a district
// supervisor sees every unit, departments included.
import type { JurisdictionTree } from '../../domain/jurisdiction/tree.js';
import type { StaffIdentity } from '../../security/staff-identity.js';

export type UnitScope = (unitCode: string, level: string) => boolean;

export function supervisorScope(staff: StaffIdentity, tree: JurisdictionTree): UnitScope {
  const { code, level } = staff.unit;
  if (level === 'district') return () => true;
  if (level === 'department') return (unitCode) => unitCode === code;
  return (unitCode, unitLevel) => unitLevel !== 'department' && tree.path(unitCode).some((node) => node.code === code);
}
