// POST /cases/{caseId}/merge (staff): merge the case into the open case `into` that carries the same request.
import { readActionRequest } from '../../shared/http/action-request.js';
import { actionResponse } from '../../shared/http/action-response.js';
import { requireStaff } from '../../shared/http/staff-auth.js';
import { httpHandler } from '../../shared/lambda/http-handler.js';
import { mergeRequest } from '../../shared/domain/work/task-requests.js';
import { mergeCase } from '../../shared/services/work/merge-cases.js';
import { workDependencies } from '../../shared/services/work/work-wiring.js';

export const handler = httpHandler(async (event) => {
  const check = requireStaff(event, ['handler', 'supervisor']);
  if (!check.ok) return check.response;
  const request = readActionRequest(event, mergeRequest);
  if (!request.ok) return request.response;
  return actionResponse(await mergeCase(workDependencies(), { staff: check.staff, caseId: event.pathParameters?.caseId ?? '', body: request.body, idempotencyKey: request.idempotencyKey }));
});
