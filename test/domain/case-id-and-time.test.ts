import { describe, expect, it } from 'vitest';
import { formatCaseId, isCaseId } from '../../shared/domain/case-id.js';
import { beijingDate, beijingDayKey, formatBeijingTime } from '../../shared/domain/beijing-time.js';

describe('case ids', () => {
  it('are readable and sort in intake order', () => {
    expect(formatCaseId('20261123', 123)).toBe('HP-20261123-000123');
    const ids = [formatCaseId('20261124', 1), formatCaseId('20261123', 999), formatCaseId('20261123', 1000)];
    expect([...ids].sort()).toEqual([ids[1], ids[2], ids[0]]);
    expect(isCaseId('HP-20261123-000123')).toBe(true);
    expect(isCaseId('HP-2026-1')).toBe(false);
    expect(() => formatCaseId('2026112', 1)).toThrow();
    expect(() => formatCaseId('20261123', 0)).toThrow();
  });

  it('use the Beijing calendar day, not UTC', () => {
    // 17:00 UTC on 23 Nov is 01:00 on 24 Nov in Beijing
    const lateEvening = new Date('2026-11-23T17:00:00Z');
    expect(beijingDayKey(lateEvening)).toBe('20261124');
    expect(beijingDate(lateEvening)).toBe('2026-11-24');
    expect(formatBeijingTime('2026-11-23T09:30:00.000Z')).toBe('2026-11-23 17:30');
  });
});

describe('case id pattern', () => {
  it('accepts ids of up to 9 daily digits and refuses longer ones, which could not be a DynamoDB key', async () => {
    const { isCaseId } = await import('../../shared/domain/case-id.js');
    expect(isCaseId('HP-20261123-000123')).toBe(true);
    expect(isCaseId('HP-20261123-123456789')).toBe(true);
    expect(isCaseId('HP-20261123-1234567890')).toBe(false);
    expect(isCaseId(`HP-20261123-${'9'.repeat(2100)}`)).toBe(false);
  });
});
