import { describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../shared/domain/case-record.js';
import type { StaffIdentity } from '../../shared/security/staff-identity.js';
import { caseIsWithinUnit, mayActOnCase, ownsCase } from '../../shared/services/staff-rights.js';

// Only the fields the rights read; the rest of a case does not matter to them.
const record = {
  owner: { code: 'G-DS-01', name: '网格一', level: 'grid' },
  jurisdiction: {
    district: { code: '440112', name: '黄埔区' },
    street: { code: '440112001', name: '大沙街道' },
    community: { code: 'C-DS-01', name: '某社区' },
    grid: { code: 'G-DS-01', name: '网格一' },
  },
  classification: { department: { code: 'urban-management', name: '区城市管理和综合执法局' } },
} as unknown as CaseRecord;

const staff = (role: StaffIdentity['role'], level: StaffIdentity['unit']['level'], code: string): StaffIdentity => ({
  staffId: 's',
  role,
  unit: { code, level },
});

describe('who may act on a case', () => {
  it('lets a handler act only for the unit that owns the case now', () => {
    expect(ownsCase(staff('handler', 'grid', 'G-DS-01'), record)).toBe(true);
    expect(mayActOnCase(staff('handler', 'grid', 'G-DS-01'), record)).toBe(true);
    expect(mayActOnCase(staff('handler', 'grid', 'G-DS-02'), record)).toBe(false);
    expect(mayActOnCase(staff('handler', 'street', '440112001'), record)).toBe(false);
  });

  it('lets a supervisor act on what its unit or a unit below it holds, and nothing else', () => {
    expect(mayActOnCase(staff('supervisor', 'street', '440112001'), record)).toBe(true);
    expect(mayActOnCase(staff('supervisor', 'district', '440112'), record)).toBe(true);
    expect(mayActOnCase(staff('supervisor', 'street', '440112002'), record)).toBe(false);
    // the category's department may see a grid's case, but not act on it
    expect(caseIsWithinUnit(staff('supervisor', 'department', 'urban-management'), record)).toBe(true);
    expect(mayActOnCase(staff('supervisor', 'department', 'urban-management'), record)).toBe(false);
    expect(mayActOnCase(staff('supervisor', 'department', 'water'), record)).toBe(false);
  });

  it('takes a case re-routed to a department out of the old street\'s hands', () => {
    // a grid returned it and the district sent it to a department: the jurisdiction still names the street
    const atDepartment = { ...record, owner: { code: 'urban-management', name: '区城市管理和综合执法局', level: 'department' } } as CaseRecord;
    expect(mayActOnCase(staff('supervisor', 'street', '440112001'), atDepartment)).toBe(false);
    expect(mayActOnCase(staff('supervisor', 'grid', 'G-DS-01'), atDepartment)).toBe(false);
    expect(mayActOnCase(staff('supervisor', 'department', 'urban-management'), atDepartment)).toBe(true);
    expect(mayActOnCase(staff('supervisor', 'district', '440112'), atDepartment)).toBe(true);
  });

  it('lets a grid supervisor act on its grid\'s case, not on one escalated to the street', () => {
    expect(mayActOnCase(staff('supervisor', 'grid', 'G-DS-01'), record)).toBe(true);
    const escalated = { ...record, owner: { code: '440112001', name: '大沙街道', level: 'street' } } as CaseRecord;
    expect(mayActOnCase(staff('supervisor', 'grid', 'G-DS-01'), escalated)).toBe(false);
    expect(mayActOnCase(staff('supervisor', 'community', 'C-DS-01'), escalated)).toBe(false);
    expect(mayActOnCase(staff('supervisor', 'street', '440112001'), escalated)).toBe(true);
  });

  it('gives a call-centre agent no task rights', () => {
    expect(caseIsWithinUnit(staff('agent', 'district', '440112'), record)).toBe(true);
    expect(mayActOnCase(staff('agent', 'district', '440112'), record)).toBe(false);
  });
});
