// GET /cases/{caseId}/timeline with X-Tracking-Token: every event in order, with each routing reason.
import { header } from '../../shared/http/read-json-body.js';
import { errorResponse, jsonResponse } from '../../shared/http/responses.js';
import { httpHandler } from '../../shared/lambda/http-handler.js';
import { timelineView } from '../../shared/services/case-view.js';
import { readCaseWithToken } from '../../shared/services/read-case.js';
import { dependencies } from '../../shared/services/wiring.js';

export const handler = httpHandler(async (event) => {
  const deps = dependencies();
  const record = await readCaseWithToken(deps, event.pathParameters?.caseId, header(event, 'x-tracking-token'));
  if (!record) return errorResponse(404, 'case_not_found', 'no case with this id and tracking token');
  return jsonResponse(200, timelineView(record.caseId, await deps.cases.timeline(record.caseId, record.lastEvent)));
});
