// POST /cases/{caseId}/classification {categoryCode?, requestType?, urgency?, departmentCode?, note?}
// (district staff): corrects the classification; recorded on the timeline and kept as training data.
import { readActionRequest } from '../../shared/http/action-request.js';
import { actionResponse } from '../../shared/http/action-response.js';
import { requireStaff } from '../../shared/http/staff-auth.js';
import { httpHandler } from '../../shared/lambda/http-handler.js';
import { logger } from '../../shared/lambda/logger.js';
import { classificationCorrectionRequest } from '../../shared/domain/classification/correction.js';
import { correctClassification } from '../../shared/services/correct-classification.js';
import { correctionDependencies } from '../../shared/services/correction-wiring.js';

export const handler = httpHandler(async (event) => {
  const check = requireStaff(event, ['handler', 'supervisor']);
  if (!check.ok) return check.response;
  const request = readActionRequest(event, classificationCorrectionRequest);
  if (!request.ok) return request.response;
  const caseId = event.pathParameters?.caseId ?? '';
  const outcome = await correctClassification(correctionDependencies(), { staff: check.staff, caseId, body: request.body, idempotencyKey: request.idempotencyKey });
  logger.info('classification corrected', { caseId, unit: check.staff.unit.code, outcome: outcome.kind === 'done' ? (outcome.replayed ? 'replayed' : 'done') : outcome.code });
  return actionResponse(outcome);
});
