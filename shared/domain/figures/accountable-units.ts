// Which units a case's figures count for: the unit that holds it and every unit above it. A grid's case
// counts for the grid, its community, its street and the district; a department's for the department and
// the district.
import type { CaseRecord } from '../case-record.js';
import type { UnitLevel, UnitRef } from '../case.js';
import { findDepartment } from '../departments.js';

export interface FigureUnit extends UnitRef {
  level: UnitLevel;
}

const TREE_LEVELS = ['grid', 'community', 'street', 'district'] as const;

/** The level of a unit code as this case knows it (its owner, its jurisdiction, its department), or undefined. */
export function levelOfUnit(record: Pick<CaseRecord, 'owner' | 'jurisdiction' | 'classification'>, code: string): UnitLevel | undefined {
  if (record.owner.code === code) return record.owner.level;
  for (const level of TREE_LEVELS) if (record.jurisdiction[level]?.code === code) return level;
  if (record.classification.department.code === code || findDepartment(code)) return 'department';
  return undefined;
}

function nameOf(record: Pick<CaseRecord, 'owner' | 'jurisdiction' | 'classification'>, code: string, level: UnitLevel): string {
  if (record.owner.code === code) return record.owner.name;
  if (level === 'department') return findDepartment(code)?.name ?? (record.classification.department.code === code ? record.classification.department.name : code);
  return record.jurisdiction[level]?.name ?? code;
}

/** The unit and all units above it, lowest first. Levels the case does not know (null) are left out. */
export function accountableUnits(record: Pick<CaseRecord, 'owner' | 'jurisdiction' | 'classification'>, unit: { code: string; level: UnitLevel | string }): FigureUnit[] {
  const level = unit.level as UnitLevel;
  const self: FigureUnit = { code: unit.code, name: nameOf(record, unit.code, level), level };
  const district = record.jurisdiction.district;
  const withDistrict = (units: FigureUnit[]) => (district && !units.some((u) => u.code === district.code) ? [...units, { ...district, level: 'district' as const }] : units);
  if (level === 'department' || level === 'district') return withDistrict([self]);
  const start = TREE_LEVELS.indexOf(level as (typeof TREE_LEVELS)[number]);
  if (start < 0) return [self];
  const units: FigureUnit[] = [self];
  for (const above of TREE_LEVELS.slice(start + 1)) {
    const ref = record.jurisdiction[above];
    if (ref) units.push({ code: ref.code, name: ref.name, level: above });
  }
  return withDistrict(units);
}
