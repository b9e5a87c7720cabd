// POST /cases/{caseId}/classification: a district staff member (区级分拨) corrects the classifier's category,
// request type, urgency or department. The case keeps its status; its classification is replaced, the change
// is a 'reclassified' event on the timeline (who, what changed, their note), and a correction record (masked
// text, labels before and after) is stored for training. The correction does not move a case already sent
// on: a wrong place is fixed by the unit's return (退单) or triage; a case still waiting for the district hop
// (received) is dispatched by the corrected classification.
import { correctedClassification, correctionReason, correctionRecord, labelsOf, type ClassificationCorrectionRequest } from '../domain/classification/correction.js';
import type { ClassificationCorrectionStore } from '../adapters/dynamo/classification-correction-store.js';
import type { StaffIdentity } from '../security/staff-identity.js';
import { actionKey, refuse, runCaseAction, type ActionOutcome } from './work/run-case-action.js';
import { staffActor } from './work/staff-unit.js';
import type { WorkDependencies } from './work/work-dependencies.js';

export interface CorrectionDependencies extends WorkDependencies {
  corrections: Pick<ClassificationCorrectionStore, 'put'>;
}

export interface CorrectionCall {
  staff: StaffIdentity;
  caseId: string;
  body: ClassificationCorrectionRequest;
  idempotencyKey?: string;
}

const FINISHED = ['closed', 'merged'];

export function correctClassification(deps: CorrectionDependencies, { staff, caseId, body, idempotencyKey }: CorrectionCall): Promise<ActionOutcome> {
  return runCaseAction(deps, {
    caseId,
    actionKey: actionKey('reclassify', caseId, staff.staffId, body, idempotencyKey),
    authorize: () =>
      staff.unit.level === 'district' && staff.unit.code === deps.district.code
        ? undefined
        : refuse(403, 'forbidden', `classifications are corrected by staff of ${deps.district.name}(${deps.district.code})`),
    decide: (record) => {
      if (FINISHED.includes(record.status)) return refuse(409, 'invalid_state', `the case is ${record.status}: its classification can no longer change`);
      const at = deps.now().toISOString();
      const after = correctedClassification(record.classification, body, record.channel, { id: staff.staffId, at });
      if (!after) return refuse(409, 'no_change', 'the case already has this classification');
      return {
        kind: 'act',
        request: {
          to: record.status,
          set: { classification: after },
          event: {
            type: 'reclassified',
            at,
            actor: staffActor(staff),
            unit: { ...after.department, level: 'department' },
            confidence: 1,
            reason: correctionReason(labelsOf(record.classification), labelsOf(after), body.note),
          },
        },
      };
    },
    // after the write and on a replay (the put changes nothing the second time)
    effects: async (record, event) => {
      if (event.type !== 'reclassified') return;
      const correction = correctionRecord({
        caseId: record.caseId,
        seq: event.seq,
        staffUnit: staff.unit.code,
        channel: record.channel,
        content: record.content,
        classification: record.classification,
        ...(body.note ? { note: body.note } : {}),
      });
      if (correction) await deps.corrections.put(correction);
    },
  });
}
