// GET /cases/{caseId} with X-Tracking-Token: the case, or 404 (also for a wrong token).
import { header } from '../../shared/http/read-json-body.js';
import { errorResponse, jsonResponse } from '../../shared/http/responses.js';
import { httpHandler } from '../../shared/lambda/http-handler.js';
import { caseView } from '../../shared/services/case-view.js';
import { readCaseWithToken } from '../../shared/services/read-case.js';
import { dependencies } from '../../shared/services/wiring.js';

export const handler = httpHandler(async (event) => {
  const record = await readCaseWithToken(dependencies(), event.pathParameters?.caseId, header(event, 'x-tracking-token'));
  if (!record) return errorResponse(404, 'case_not_found', 'no case with this id and tracking token');
  return jsonResponse(200, caseView(record));
});
