// POST /cases/{caseId}/extension/decision (supervisors): approve or refuse the pending extension request.
import { readActionRequest } from '../../shared/http/action-request.js';
import { actionResponse } from '../../shared/http/action-response.js';
import { requireStaff } from '../../shared/http/staff-auth.js';
import { httpHandler } from '../../shared/lambda/http-handler.js';
import { extensionDecisionRequest } from '../../shared/domain/work/task-requests.js';
import { decideExtension } from '../../shared/services/work/extensions.js';
import { workDependencies } from '../../shared/services/work/work-wiring.js';

export const handler = httpHandler(async (event) => {
  const check = requireStaff(event, ['supervisor']);
  if (!check.ok) return check.response;
  const request = readActionRequest(event, extensionDecisionRequest);
  if (!request.ok) return request.response;
  return actionResponse(await decideExtension(workDependencies(), { staff: check.staff, caseId: event.pathParameters?.caseId ?? '', body: request.body, idempotencyKey: request.idempotencyKey }));
});
