// What a department's own system receives for a case: enough to act (what, where, by when), no caller data.
import { describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../../shared/domain/case-record.js';
import { departmentTaskMessage } from '../../../shared/messages.js';
import { departmentTask } from '../../../shared/services/department-task.js';

const record = {
  caseId: 'HP-20261123-000001',
  status: 'dispatched_to_department',
  content: `我司申请研发补贴的进度怎么查询？联系人王经理电话13912345678，身份证44011219900101123X。${'补充说明'.repeat(100)}`,
  address: '黄埔区科学城开源大道11号 联系13912345678',
  location: { lat: 23.17, lng: 113.45 },
  caller: { name: '王经理', phone: '13912345678', enterpriseName: '广州某科技有限公司' },
  classification: { category: { code: 'policy-payments/enterprise-subsidies', path: ['政策兑现', '惠企政策兑现'] }, requestType: 'consultation', urgency: 'normal', department: { code: 'enterprise-services', name: '区民营经济和企业服务局' }, routeTo: 'department', confidence: 0.9, reason: '' },
  deadlines: { acceptBy: '2026-11-23T06:30:00.000Z', respondBy: '2026-11-24T15:59:59.999Z', resolveBy: '2026-11-24T15:59:59.999Z' },
} as unknown as CaseRecord;

describe('the department task message', () => {
  it('carries the case, its category, a blanked summary, the place and every deadline', () => {
    const message = departmentTask(record);
    expect(departmentTaskMessage.parse(message)).toEqual(message);
    expect(message).toMatchObject({
      kind: 'case-task',
      caseId: 'HP-20261123-000001',
      department: 'enterprise-services',
      category: '政策兑现/惠企政策兑现',
      requestType: 'consultation',
      urgency: 'normal',
      address: '黄埔区科学城开源大道11号 联系[电话]',
      location: { lat: 23.17, lng: 113.45 },
      acceptBy: '2026-11-23T06:30:00.000Z',
      respondBy: '2026-11-24T15:59:59.999Z',
      resolveBy: '2026-11-24T15:59:59.999Z',
    });
    expect(message.summary.length).toBeLessThanOrEqual(301);
    expect(message.summary).toContain('[电话]');
  });

  it('carries no caller name, phone or ID number anywhere', () => {
    const text = JSON.stringify(departmentTask(record));
    for (const secret of ['13912345678', '44011219900101123X', '"caller"', 'enterpriseName']) expect(text).not.toContain(secret);
    // a name typed into the text is not recognisable as one and stays: the caller's own name field is never sent
    expect(Object.keys(departmentTask(record)).sort()).toEqual(['acceptBy', 'address', 'caseId', 'category', 'department', 'kind', 'location', 'requestType', 'resolveBy', 'respondBy', 'summary', 'urgency']);
  });
});
