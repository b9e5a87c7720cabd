// The extension arithmetic on China's calendar, the follow-up outcomes, and the task rules.
import { describe, expect, it } from 'vitest';
import { extendDeadlines, extensionProblem, MAX_APPROVED_EXTENSIONS, MAX_EXTENSION_DAYS } from '../../../shared/domain/deadlines/extension.js';
import { followUpOutcome, unitAbove } from '../../../shared/domain/work/follow-up.js';
import { isReturnReasonCode, RETURN_REASON_CODES, RETURN_REASONS } from '../../../shared/domain/work/return-reasons.js';
import { ACTION_STATUSES, workDeadline } from '../../../shared/domain/work/task-rules.js';
import { canTransition } from '../../../shared/domain/case-status.js';
import type { CaseOwner } from '../../../shared/domain/case-record.js';

const endOf = (day: string) => new Date(`${day}T23:59:59.999+08:00`).toISOString();
const deadlines = (resolveBy: string) => ({ acceptBy: '2026-09-01T06:30:00.000Z', respondBy: '2026-09-02T15:59:59.999Z', resolveBy });

describe('extendDeadlines (延期)', () => {
  it('counts working days after the day of the current deadline, skipping weekends', () => {
    // Fri 2026-11-27 + 3 working days → Wed 2026-12-02
    expect(extendDeadlines(deadlines(endOf('2026-11-27')), 3).resolveBy).toBe(endOf('2026-12-02'));
  });

  it('skips the National Day holiday and counts its adjusted workdays (调休)', () => {
    // Tue 2026-09-29 + 2: Wed 09-30 (1), then Oct 1–7 off, Thu 10-08 (2)
    expect(extendDeadlines(deadlines(endOf('2026-09-29')), 2).resolveBy).toBe(endOf('2026-10-08'));
    // Fri 2026-10-09 + 1 → Sat 2026-10-10, a worked Saturday
    expect(extendDeadlines(deadlines(endOf('2026-10-09')), 1).resolveBy).toBe(endOf('2026-10-10'));
  });

  it('moves an urgent case’s mid-day deadline to the end of a working day, and nothing else', () => {
    const before = deadlines('2026-11-24T06:15:00.000Z'); // Tue 14:15 Beijing
    const after = extendDeadlines(before, 1);
    expect(after.resolveBy).toBe(endOf('2026-11-25'));
    expect({ ...after, resolveBy: before.resolveBy }).toEqual(before);
    expect(() => extendDeadlines(before, 0)).toThrow();
    expect(() => extendDeadlines(before, 1.5)).toThrow();
  });
});

describe('extensionProblem', () => {
  const now = new Date('2026-11-24T02:00:00.000Z');
  const resolveBy = endOf('2026-11-30');
  it('accepts 1 to the maximum of whole working days before the deadline', () => {
    expect(extensionProblem(1, { pending: 0, approved: 0 }, resolveBy, now)).toBeUndefined();
    expect(extensionProblem(MAX_EXTENSION_DAYS, { pending: 0, approved: MAX_APPROVED_EXTENSIONS - 1 }, resolveBy, now)).toBeUndefined();
  });
  it('names what is wrong', () => {
    expect(extensionProblem(0, { pending: 0, approved: 0 }, resolveBy, now)?.code).toBe('bad_days');
    expect(extensionProblem(MAX_EXTENSION_DAYS + 1, { pending: 0, approved: 0 }, resolveBy, now)?.code).toBe('bad_days');
    expect(extensionProblem(2.5, { pending: 0, approved: 0 }, resolveBy, now)?.code).toBe('bad_days');
    expect(extensionProblem(2, { pending: 1, approved: 0 }, resolveBy, now)?.code).toBe('extension_pending');
    expect(extensionProblem(2, { pending: 0, approved: MAX_APPROVED_EXTENSIONS }, resolveBy, now)?.code).toBe('extension_limit');
    expect(extensionProblem(2, { pending: 0, approved: 0 }, resolveBy, new Date('2026-12-01T00:00:00.000Z'))?.code).toBe('deadline_passed');
  });
});

describe('follow-up outcomes (回访)', () => {
  const district = { code: '440112', name: '黄埔区' };
  const jurisdiction = { district, street: { code: '440112005', name: '大沙街道' }, community: { code: '440112005001', name: '大沙东社区' }, grid: { code: '440112005001-01', name: '大沙东社区第一网格' } };
  const grid: CaseOwner = { ...jurisdiction.grid, level: 'grid' };

  it('closes on satisfied or basically satisfied', () => {
    expect(followUpOutcome('satisfied', 0, grid, jurisdiction, district)).toEqual({ kind: 'close' });
    expect(followUpOutcome('basically_satisfied', 3, grid, jurisdiction, district)).toEqual({ kind: 'close' });
  });

  it('reopens to the same unit the first time, then one level up each time', () => {
    expect(followUpOutcome('dissatisfied', 0, grid, jurisdiction, district)).toEqual({ kind: 'reopen', owner: grid, sameUnit: true });
    expect(followUpOutcome('dissatisfied', 1, grid, jurisdiction, district)).toEqual({ kind: 'reopen', owner: { code: '440112005', name: '大沙街道', level: 'street' }, sameUnit: false });
    const street: CaseOwner = { code: '440112005', name: '大沙街道', level: 'street' };
    expect(followUpOutcome('dissatisfied', 2, street, jurisdiction, district)).toMatchObject({ owner: { code: '440112', level: 'district' }, sameUnit: false });
    const top: CaseOwner = { ...district, level: 'district' };
    expect(followUpOutcome('dissatisfied', 3, top, jurisdiction, district)).toMatchObject({ owner: top, sameUnit: true });
  });

  it('knows the unit above every level', () => {
    expect(unitAbove({ ...jurisdiction.community, level: 'community' }, jurisdiction, district)).toMatchObject({ code: '440112005', level: 'street' });
    expect(unitAbove({ code: 'urban-management', name: '区城市管理和综合执法局', level: 'department' }, { district: null, street: null, community: null, grid: null }, district)).toEqual({ ...district, level: 'district' });
  });
});

describe('task rules', () => {
  it('asks each action for statuses the state machine allows it to leave from', () => {
    for (const status of ACTION_STATUSES.accept) expect(canTransition(status, 'accepted')).toBe(true);
    for (const status of ACTION_STATUSES.resolve) expect(canTransition(status, 'resolved')).toBe(true);
    for (const status of ACTION_STATUSES.return) expect(canTransition(status, 'returned')).toBe(true);
  });

  it('orders a unit’s work by accept, then respond, then resolve', () => {
    const d = { acceptBy: 'a', respondBy: 'b', resolveBy: 'c' };
    expect(workDeadline('assigned', d, false)).toBe('a');
    expect(workDeadline('accepted', d, false)).toBe('b');
    expect(workDeadline('accepted', d, true)).toBe('c');
  });

  it('lists return reasons with Chinese names', () => {
    expect(RETURN_REASON_CODES.length).toBeGreaterThanOrEqual(4);
    for (const code of RETURN_REASON_CODES) {
      expect(isReturnReasonCode(code)).toBe(true);
      expect(RETURN_REASONS[code]).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(isReturnReasonCode('toString')).toBe(false);
  });
});
