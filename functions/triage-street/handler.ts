// POST /triage/{caseId}/street {streetCode | departmentCode, note?} (district staff): district triage picks
// the street (or the department) of a case the router could not place.
import { readActionRequest } from '../../shared/http/action-request.js';
import { decisionResponse } from '../../shared/http/decision-response.js';
import { requireStaff } from '../../shared/http/staff-auth.js';
import { httpHandler } from '../../shared/lambda/http-handler.js';
import { logger } from '../../shared/lambda/logger.js';
import { districtTriageRequest } from '../../shared/domain/routing/triage-requests.js';
import { decideDistrictTriage } from '../../shared/services/triage/decide-triage.js';
import { triageDependencies } from '../../shared/services/triage/triage-wiring.js';
import '../../shared/services/routing-wiring.js';

export const handler = httpHandler(async (event) => {
  const check = requireStaff(event, ['handler', 'supervisor']);
  if (!check.ok) return check.response;
  const request = readActionRequest(event, districtTriageRequest);
  if (!request.ok) return request.response;
  const caseId = event.pathParameters?.caseId ?? '';
  const outcome = await decideDistrictTriage(triageDependencies(), check.staff, caseId, request.body);
  logger.info('district triage', { caseId, unit: check.staff.unit.code, outcome: outcome.kind === 'done' ? (outcome.replayed ? 'replayed' : 'done') : outcome.code });
  return decisionResponse(outcome);
});
