import { describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../shared/domain/case-record.js';
import { caseView } from '../../shared/services/case-view.js';

const record = {
  caseId: 'HP-20261123-000001',
  status: 'assigned',
  version: 5,
  channel: 'phone',
  content: '丰乐北路垃圾没人清运，有事打我13800138000，身份证44011219900101123X',
  address: '大沙街道丰乐北路12号 联系13912345678',
  caller: { name: '李小明', phone: '13800138000' },
  classification: { category: { code: 'urban-management/sanitation', path: ['城市管理', '市容环境卫生'] }, requestType: 'complaint', urgency: 'normal', department: { code: 'urban-management', name: '区城市管理和综合执法局' }, routeTo: 'grid', confidence: 0.9, reason: '' },
  jurisdiction: { district: { code: '440112', name: '黄埔区' }, street: null, community: null, grid: null },
  owner: { level: 'district', code: '440112', name: '黄埔区' },
  deadlines: { acceptBy: '2026-11-24T06:30:00.000Z', respondBy: '2026-11-25T15:59:59.999Z', resolveBy: '2026-11-30T15:59:59.999Z' },
  trackingTokenHash: 'f'.repeat(64),
  createdAt: '2026-11-23T02:00:00.000Z',
  updatedAt: '2026-11-23T02:00:00.000Z',
  lastEvent: { seq: 5, type: 'assigned', at: '2026-11-23T02:00:00.000Z', actor: { kind: 'system', id: 'x' }, status: 'assigned' },
} as CaseRecord;

describe('the case view', () => {
  it('shows no phone, ID number or full name, wherever they were typed', () => {
    const view = caseView(record);
    const text = JSON.stringify(view);
    for (const secret of ['13800138000', '13912345678', '44011219900101123X', '李小明', 'trackingTokenHash', 'f'.repeat(64)]) expect(text).not.toContain(secret);
    expect(view.caller).toEqual({ name: '李**', phone: '138****8000', enterpriseName: null });
    expect(view.content).toContain('丰乐北路垃圾没人清运');
    expect(view.address).toBe('大沙街道丰乐北路12号 联系[电话]');
  });

  it('has every field the API promises, with null for levels not yet routed', () => {
    const view = caseView(record);
    for (const field of ['caseId', 'status', 'category', 'requestType', 'urgency', 'department', 'jurisdiction', 'deadlines', 'createdAt', 'updatedAt']) expect(view).toHaveProperty(field);
    expect(view.jurisdiction).toEqual({ district: { code: '440112', name: '黄埔区' }, street: null, community: null, grid: null });
  });
});
