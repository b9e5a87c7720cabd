// POST /support-calls/{caseId}/{departmentCode}/answer (staff of that department): the department's answer
// (应 / 报到) to a call for support.
import { readActionRequest } from '../../shared/http/action-request.js';
import { actionResponse } from '../../shared/http/action-response.js';
import { requireStaff } from '../../shared/http/staff-auth.js';
import { httpHandler } from '../../shared/lambda/http-handler.js';
import { supportAnswerRequest } from '../../shared/domain/work/task-requests.js';
import { answerSupportCall } from '../../shared/services/work/support-calls.js';
import { workDependencies } from '../../shared/services/work/work-wiring.js';

export const handler = httpHandler(async (event) => {
  const check = requireStaff(event, ['handler', 'supervisor']);
  if (!check.ok) return check.response;
  const request = readActionRequest(event, supportAnswerRequest);
  if (!request.ok) return request.response;
  const { caseId = '', departmentCode = '' } = event.pathParameters ?? {};
  return actionResponse(await answerSupportCall(workDependencies(), { staff: check.staff, caseId, departmentCode, body: request.body, idempotencyKey: request.idempotencyKey }));
});
