// GET /sla/summary?level=street&from=YYYY-MM-DD&to=YYYY-MM-DD (supervisor): one row per unit of the level
// inside the supervisor's unit, with its counts, rates, times and overdue-now; from/to default to the last 30 days.
import { jsonResponse } from '../../shared/http/responses.js';
import { httpHandler } from '../../shared/lambda/http-handler.js';
import { summaryQuerySchema, withDefaultRange } from '../../shared/domain/figures/query-params.js';
import { levelSummary } from '../../shared/services/sla/figures-queries.js';
import { levelVisible, outsideUnit, supervisorRequest } from '../../shared/services/sla/supervisor-request.js';
import { dependencies } from '../../shared/services/wiring.js';

export const handler = httpHandler(async (event) => {
  const deps = dependencies();
  const request = supervisorRequest(event, summaryQuerySchema, withDefaultRange, deps.now());
  if (!request.ok) return request.response;
  const { level, from, to } = request.query;
  if (!levelVisible(request.staff, level)) return outsideUnit(`level ${level}`);
  return jsonResponse(200, await levelSummary(deps, level, from, to, request.scope));
});
