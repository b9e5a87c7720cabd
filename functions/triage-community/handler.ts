// POST /triage/{caseId}/community {communityCode, gridCode?, note?} (staff of the case's street): street
// triage picks the community (and grid) of a case the router could not place inside the street.
import { readActionRequest } from '../../shared/http/action-request.js';
import { decisionResponse } from '../../shared/http/decision-response.js';
import { requireStaff } from '../../shared/http/staff-auth.js';
import { httpHandler } from '../../shared/lambda/http-handler.js';
import { logger } from '../../shared/lambda/logger.js';
import { streetTriageRequest } from '../../shared/domain/routing/triage-requests.js';
import { decideStreetTriage } from '../../shared/services/triage/decide-triage.js';
import { triageDependencies } from '../../shared/services/triage/triage-wiring.js';
import '../../shared/services/routing-wiring.js';

export const handler = httpHandler(async (event) => {
  const check = requireStaff(event, ['handler', 'supervisor']);
  if (!check.ok) return check.response;
  const request = readActionRequest(event, streetTriageRequest);
  if (!request.ok) return request.response;
  const caseId = event.pathParameters?.caseId ?? '';
  const outcome = await decideStreetTriage(triageDependencies(), check.staff, caseId, request.body);
  logger.info('street triage', { caseId, unit: check.staff.unit.code, outcome: outcome.kind === 'done' ? (outcome.replayed ? 'replayed' : 'done') : outcome.code });
  return decisionResponse(outcome);
});
