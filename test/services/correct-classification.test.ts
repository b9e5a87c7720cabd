// The classifier in the pipeline, on embedded DynamoDB: an unsure classification sends the case to district
// triage, and a district staff member's correction (POST /cases/{caseId}/classification) replaces the
// classification, lands on the timeline and is kept, masked, as training data in its month's partition.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CaseWorkRepository } from '../../shared/adapters/dynamo/case-work-repository.js';
import { ClassificationCorrectionStore } from '../../shared/adapters/dynamo/classification-correction-store.js';
import { SupportCallStore } from '../../shared/adapters/dynamo/support-call-store.js';
import { createHotlineClassifier } from '../../shared/domain/classification/hotline-classifier.js';
import type { IntakeRequest } from '../../shared/domain/intake-request.js';
import type { StaffIdentity } from '../../shared/security/staff-identity.js';
import { correctClassification, type CorrectionDependencies } from '../../shared/services/correct-classification.js';
import { dispatchFromDistrict } from '../../shared/services/dispatch-from-district.js';
import { intakeCase } from '../../shared/services/intake-case.js';
import { startHarness, type Harness } from '../support/service-harness.js';

let h: Harness;
let deps: CorrectionDependencies;
let store: ClassificationCorrectionStore;
beforeAll(async () => {
  h = await startHarness();
  store = new ClassificationCorrectionStore(h.db, h.tableName);
  deps = {
    ...h.deps,
    classifier: createHotlineClassifier(),
    work: new CaseWorkRepository(h.db, h.tableName, h.deps.cases),
    supportCalls: new SupportCallStore(h.db, h.tableName),
    corrections: store,
  };
});
afterAll(async () => {
  await h?.close();
});
beforeEach(() => {
  h.deps.queues.district = [];
  h.deps.queues.street = [];
  h.deps.queues.department = [];
});

const DISTRICT: StaffIdentity = { staffId: 'handler-440112', role: 'handler', unit: { code: '440112', level: 'district' } };
const STREET: StaffIdentity = { staffId: 'handler-440112005', role: 'handler', unit: { code: '440112005', level: 'street' } };

async function intake(request: IntakeRequest, d: CorrectionDependencies = deps): Promise<string> {
  const outcome = await intakeCase(d, request);
  if (outcome.kind === 'key_reused') throw new Error('unexpected');
  return outcome.caseId;
}

describe('an unsure classification', () => {
  it('goes to district triage with the classifier\'s reason', async () => {
    const unsure = { ...deps, classifier: createHotlineClassifier({ triageThreshold: 0.999 }) };
    // a vague request (the model is far from sure), under a threshold no classification short of certain passes
    const caseId = await intake({ channel: 'phone', content: '大沙街道那个东西又坏了，一直没人管' }, unsure);
    const stored = await deps.cases.get(caseId);
    expect(stored?.classification.manualTriage).toBe(true);
    const after = await dispatchFromDistrict(deps, { caseId });
    expect(after.status).toBe('triage_district');
    expect(after.lastEvent.type).toBe('triage_required');
    expect(after.lastEvent.reason).toMatch(/^分类不确定：.*低于自动派单阈值 0\.999，转人工分拨/);
    expect(h.deps.queues.street).toHaveLength(0);
  });

  it('a sure one goes on as before', async () => {
    const caseId = await intake({ channel: 'phone', content: '黄埔区大沙街道丰乐北路 小区门口垃圾三天没人清运' });
    expect((await deps.cases.get(caseId))?.classification.manualTriage).toBe(false);
    expect((await dispatchFromDistrict(deps, { caseId })).status).toBe('dispatched_to_street');
  });
});

describe('a staff correction', () => {
  it('replaces the classification, keeps the status, is on the timeline and is kept masked for training', async () => {
    const caseId = await intake({ channel: 'phone', content: '楼下天天晚上有人唱歌到两点，我电话13812345678' });
    const before = (await deps.cases.get(caseId))!;
    const outcome = await correctClassification(deps, {
      staff: DISTRICT,
      caseId,
      body: { categoryCode: 'culture-tourism/cultural-market', requestType: 'report', note: '是无证KTV，回电13812345678' },
    });
    if (outcome.kind !== 'done') throw new Error(outcome.message);
    expect(outcome.replayed).toBe(false);
    expect(outcome.record.status).toBe('received');
    expect(outcome.record.classification).toMatchObject({
      category: { code: 'culture-tourism/cultural-market' },
      requestType: 'report',
      department: { code: 'culture-tourism', name: '区文化广电旅游局' },
      confidence: 1,
      manualTriage: false,
      classifier: 'staff',
      correction: { by: DISTRICT.staffId, before: { category: before.classification.category.code } },
    });
    expect(outcome.event).toMatchObject({ type: 'reclassified', seq: before.version + 1, actor: { kind: 'unit', id: DISTRICT.staffId } });
    expect(outcome.event.reason).toContain('→ 文化旅游/文化市场');
    expect(outcome.event.reason).not.toContain('13812345678');
    const timeline = await deps.cases.timeline(caseId);
    expect(timeline.map((e) => e.type)).toEqual(['received', 'classified', 'reclassified']);

    const month = (await store.inMonth('2026-11')).filter((c) => c.caseId === caseId);
    expect(month).toHaveLength(1);
    expect(month[0]).toMatchObject({ seq: outcome.event.seq, correctedBy: DISTRICT.staffId, staffUnit: '440112', channel: 'phone' });
    expect(month[0]!.after).toEqual({ category: 'culture-tourism/cultural-market', requestType: 'report', urgency: before.classification.urgency, department: 'culture-tourism' });
    expect(JSON.stringify(month[0])).not.toContain('13812345678');
    expect(month[0]!.text).toContain('[电话]');

    // the same request again: answered with the same event, nothing written twice
    const again = await correctClassification(deps, {
      staff: DISTRICT,
      caseId,
      body: { categoryCode: 'culture-tourism/cultural-market', requestType: 'report', note: '是无证KTV，回电13812345678' },
    });
    expect(again).toMatchObject({ kind: 'done', replayed: true, event: { seq: outcome.event.seq } });
    expect((await store.inMonth('2026-11')).filter((c) => c.caseId === caseId)).toHaveLength(1);
  });

  it('a case still waiting for the district hop is dispatched by the corrected classification', async () => {
    const caseId = await intake({ channel: 'phone', content: '黄埔区大沙街道丰乐北路 小区门口垃圾三天没人清运' });
    const outcome = await correctClassification(deps, { staff: DISTRICT, caseId, body: { departmentCode: 'water-affairs' } });
    expect(outcome.kind).toBe('done');
    const after = await dispatchFromDistrict(deps, { caseId });
    expect(after.status).toBe('dispatched_to_department');
    expect(after.owner.code).toBe('water-affairs');
    expect(h.deps.queues.department.map((t) => t.caseId)).toContain(caseId);
  });

  it('refuses other units, unknown cases and a correction that changes nothing', async () => {
    const caseId = await intake({ channel: 'phone', content: '长洲街道金洲北路的路灯坏了一个星期' });
    const current = (await deps.cases.get(caseId))!.classification;
    expect(await correctClassification(deps, { staff: STREET, caseId, body: { urgency: 'urgent' } })).toMatchObject({ kind: 'refused', status: 403 });
    expect(await correctClassification(deps, { staff: DISTRICT, caseId: 'HP-20261123-999999', body: { urgency: 'urgent' } })).toMatchObject({ kind: 'refused', status: 404 });
    expect(await correctClassification(deps, { staff: DISTRICT, caseId: 'not-a-case', body: { urgency: 'urgent' } })).toMatchObject({ kind: 'refused', status: 404 });
    expect(
      await correctClassification(deps, { staff: DISTRICT, caseId, body: { categoryCode: current.category.code, urgency: current.urgency } }),
    ).toMatchObject({ kind: 'refused', status: 409, code: 'no_change' });
    expect((await deps.cases.timeline(caseId)).map((e) => e.type)).toEqual(['received', 'classified']);
  });
});
