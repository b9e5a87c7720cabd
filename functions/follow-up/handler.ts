// POST /cases/{caseId}/follow-up with X-Tracking-Token: the caller's own follow-up (回访), from the link in
// their SMS or WeChat message. A wrong or missing token answers 404, like an unknown case.
import { readActionRequest } from '../../shared/http/action-request.js';
import { actionResponse } from '../../shared/http/action-response.js';
import { header } from '../../shared/http/read-json-body.js';
import { httpHandler } from '../../shared/lambda/http-handler.js';
import { followUpRequest } from '../../shared/domain/work/task-requests.js';
import { followUp } from '../../shared/services/work/follow-up.js';
import { workDependencies } from '../../shared/services/work/work-wiring.js';

export const handler = httpHandler(async (event) => {
  const request = readActionRequest(event, followUpRequest);
  if (!request.ok) return request.response;
  const caseId = event.pathParameters?.caseId ?? '';
  return actionResponse(await followUp(workDependencies(), { caseId, body: request.body, by: { kind: 'caller', token: header(event, 'x-tracking-token') }, idempotencyKey: request.idempotencyKey }));
});
