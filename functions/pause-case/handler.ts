// POST /tasks/{caseId}/pause {reason} (the unit that holds the case, or a supervisor above it): stop the
// case's clocks while waiting for the caller.
import { readActionRequest } from '../../shared/http/action-request.js';
import { actionResponse } from '../../shared/http/action-response.js';
import { requireStaff } from '../../shared/http/staff-auth.js';
import { httpHandler } from '../../shared/lambda/http-handler.js';
import { pauseClocks, pauseRequestSchema } from '../../shared/services/sla/pause-clocks.js';
import { workDependencies } from '../../shared/services/work/work-wiring.js';

export const handler = httpHandler(async (event) => {
  const check = requireStaff(event, ['handler', 'supervisor']);
  if (!check.ok) return check.response;
  const request = readActionRequest(event, pauseRequestSchema);
  if (!request.ok) return request.response;
  const caseId = event.pathParameters?.caseId ?? '';
  return actionResponse(await pauseClocks(workDependencies(), { staff: check.staff, caseId, body: request.body, idempotencyKey: request.idempotencyKey }));
});
