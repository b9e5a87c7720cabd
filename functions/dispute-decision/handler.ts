// POST /disputes/{caseId}/decision {streetCode | departmentCode, note} (district supervisor): the ruling on
// a case returned twice (争议工单裁定).
import { readActionRequest } from '../../shared/http/action-request.js';
import { decisionResponse } from '../../shared/http/decision-response.js';
import { requireStaff } from '../../shared/http/staff-auth.js';
import { httpHandler } from '../../shared/lambda/http-handler.js';
import { logger } from '../../shared/lambda/logger.js';
import { disputeDecisionRequest } from '../../shared/domain/routing/triage-requests.js';
import { decideDispute } from '../../shared/services/triage/decide-dispute.js';
import { triageDependencies } from '../../shared/services/triage/triage-wiring.js';
import '../../shared/services/routing-wiring.js';

export const handler = httpHandler(async (event) => {
  const check = requireStaff(event, ['supervisor']);
  if (!check.ok) return check.response;
  const request = readActionRequest(event, disputeDecisionRequest);
  if (!request.ok) return request.response;
  const caseId = event.pathParameters?.caseId ?? '';
  const outcome = await decideDispute(triageDependencies(), check.staff, caseId, request.body);
  logger.info('dispute decision', { caseId, unit: check.staff.unit.code, outcome: outcome.kind === 'done' ? (outcome.replayed ? 'replayed' : 'done') : outcome.code });
  return decisionResponse(outcome);
});
