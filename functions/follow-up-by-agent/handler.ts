// POST /cases/{caseId}/follow-up/by-agent (staff, role agent): a call-centre agent records the caller's
// answer to the follow-up call (回访).
import { readActionRequest } from '../../shared/http/action-request.js';
import { actionResponse } from '../../shared/http/action-response.js';
import { requireStaff } from '../../shared/http/staff-auth.js';
import { httpHandler } from '../../shared/lambda/http-handler.js';
import { followUpRequest } from '../../shared/domain/work/task-requests.js';
import { followUp } from '../../shared/services/work/follow-up.js';
import { workDependencies } from '../../shared/services/work/work-wiring.js';

export const handler = httpHandler(async (event) => {
  const check = requireStaff(event, ['agent']);
  if (!check.ok) return check.response;
  const request = readActionRequest(event, followUpRequest);
  if (!request.ok) return request.response;
  const caseId = event.pathParameters?.caseId ?? '';
  return actionResponse(await followUp(workDependencies(), { caseId, body: request.body, by: { kind: 'agent', staff: check.staff }, idempotencyKey: request.idempotencyKey }));
});
