// A staff correction: the request, the corrected classification, the training record (masked) and its export.
import { describe, expect, it } from 'vitest';
import type { Classification } from '../../../shared/domain/case.js';
import {
  classificationCorrectionRequest,
  correctedClassification,
  correctionMonth,
  correctionRecord,
  correctionsAsLabelledFile,
  type ClassificationCorrection,
} from '../../../shared/domain/classification/correction.js';
import { parseLabelledFile } from '../../../shared/domain/classification/training/labelled-set.js';

const machine: Classification = {
  category: { code: 'urban-management/sanitation', path: ['城市管理', '市容环境卫生'] },
  requestType: 'help',
  urgency: 'normal',
  department: { code: 'urban-management', name: '区城市管理和综合执法局' },
  routeTo: 'grid',
  confidence: 0.41,
  reason: '…',
  manualTriage: true,
  classifier: 'model 2026-11-20T00:00:00.000Z',
};
const staff = { id: 'staff-7', at: '2026-11-30T17:00:00.000Z' };

describe('the correction request', () => {
  it('takes any of the four labels and a note, and nothing else', () => {
    expect(classificationCorrectionRequest.safeParse({ categoryCode: 'environmental-protection/noise', note: ' 夜间施工 ' }).data).toEqual({
      categoryCode: 'environmental-protection/noise',
      note: '夜间施工',
    });
    expect(classificationCorrectionRequest.safeParse({ urgency: 'urgent' }).success).toBe(true);
    expect(classificationCorrectionRequest.safeParse({}).success).toBe(false);
    expect(classificationCorrectionRequest.safeParse({ note: 'only a note' }).success).toBe(false);
    expect(classificationCorrectionRequest.safeParse({ categoryCode: 'nope/nope' }).success).toBe(false);
    expect(classificationCorrectionRequest.safeParse({ departmentCode: 'fire-brigade' }).success).toBe(false);
    expect(classificationCorrectionRequest.safeParse({ requestType: 'praise', extra: 1 }).success).toBe(false);
    expect(classificationCorrectionRequest.safeParse({ urgency: 'urgent', note: 'x'.repeat(501) }).success).toBe(false);
  });
});

describe('correctedClassification', () => {
  it('a new category brings its department and route; the person is sure; the machine labels are kept', () => {
    const after = correctedClassification(machine, { categoryCode: 'market-regulation/consumer-disputes', urgency: 'urgent' }, 'phone', staff)!;
    expect(after.category).toEqual({ code: 'market-regulation/consumer-disputes', path: ['市场监管', '消费纠纷'] });
    expect(after.department).toEqual({ code: 'market-regulation', name: '区市场监督管理局' });
    expect(after.routeTo).toBe('department'); // 消费纠纷 is the bureau's desk
    expect(after.urgency).toBe('urgent');
    expect(after.requestType).toBe('help');
    expect(after).toMatchObject({ confidence: 1, manualTriage: false, classifier: 'staff' });
    expect(after.correction).toEqual({
      by: 'staff-7',
      at: staff.at,
      before: { category: 'urban-management/sanitation', requestType: 'help', urgency: 'normal', department: 'urban-management', confidence: 0.41, classifier: 'model 2026-11-20T00:00:00.000Z' },
    });
    expect(after.reason).toBe('人工更正：城市管理/市容环境卫生 → 市场监管/消费纠纷；一般 → 紧急；区城市管理和综合执法局 → 区市场监督管理局');
  });

  it("a department other than the category's own sends the case straight to it", () => {
    const after = correctedClassification(machine, { departmentCode: 'water-affairs' }, 'phone', staff)!;
    expect(after.category.code).toBe('urban-management/sanitation');
    expect(after.department.code).toBe('water-affairs');
    expect(after.routeTo).toBe('department');
  });

  it('changes nothing → undefined', () => {
    expect(correctedClassification(machine, { categoryCode: 'urban-management/sanitation', requestType: 'help' }, 'phone', staff)).toBeUndefined();
  });
});

describe('the training record and its export', () => {
  const corrected = correctedClassification(machine, { categoryCode: 'environmental-protection/noise', requestType: 'complaint' }, 'phone', staff)!;

  it('masks phone and ID numbers before anything is stored, and files it under the Beijing month', () => {
    const record = correctionRecord({
      caseId: 'HP-20261201-000001',
      seq: 4,
      staffUnit: '440112',
      channel: 'phone',
      content: '楼下工地半夜施工，我电话13812345678，身份证440112199001011234，找我',
      classification: corrected,
      note: '回电 020-82221234',
    })!;
    expect(JSON.stringify(record)).not.toMatch(/13812345678|440112199001011234|82221234/);
    expect(record.text).toContain('[电话]');
    expect(record.before.category).toBe('urban-management/sanitation');
    expect(record.after).toEqual({ category: 'environmental-protection/noise', requestType: 'complaint', urgency: 'normal', department: 'ecology-environment' });
    // 17:00 UTC on 30 November is 01:00 on 1 December in Beijing
    expect(correctionMonth(record.correctedAt)).toBe('2026-12');
    expect(correctionRecord({ caseId: 'x', seq: 1, staffUnit: 'u', channel: 'web', content: 'x', classification: machine })).toBeUndefined();
  });

  it('exports as a labelled-set file the trainer reads back, the latest correction of a case winning', () => {
    const base: ClassificationCorrection = {
      caseId: 'HP-20261201-000001',
      seq: 3,
      correctedAt: '2026-12-01T02:00:00.000Z',
      correctedBy: 'staff-7',
      staffUnit: '440112',
      channel: 'wechat',
      text: '楼下KTV吵到半夜，电话13812345678',
      before: { category: 'other/unclassified', requestType: 'help', urgency: 'normal', department: 'government-data', confidence: 0.2 },
      after: { category: 'public-safety/public-order', requestType: 'complaint', urgency: 'normal', department: 'public-security' },
    };
    const later = { ...base, seq: 5, correctedAt: '2026-12-01T03:00:00.000Z', after: { ...base.after, category: 'environmental-protection/noise', department: 'ecology-environment' } };
    const other = { ...base, caseId: 'HP-20261201-000002', text: '水管爆了', after: { category: 'utilities/water-supply', requestType: 'help' as const, urgency: 'urgent' as const, department: 'urban-management' } };
    const file = correctionsAsLabelledFile([later, base, other], '2026-12-02T00:00:00.000Z');
    expect(file).not.toContain('13812345678');
    const rows = parseLabelledFile(file, 'corrections.txt');
    expect(rows.map((r) => [r.category, r.requestType, r.urgency, r.channel, r.text])).toEqual([
      ['environmental-protection/noise', 'complaint', 'normal', 'wechat', '楼下KTV吵到半夜，电话[电话]'],
      ['utilities/water-supply', 'help', 'urgent', 'wechat', '水管爆了'],
    ]);
    expect(file).toContain("# HP-20261201-000002: department set to urban-management, not the category's water-affairs");
  });
});
