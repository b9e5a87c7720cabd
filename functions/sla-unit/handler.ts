// GET /sla/units/{code}?from=&to= (supervisor): one unit's figures day by day, with totals and overdue-now.
import { errorResponse, jsonResponse } from '../../shared/http/responses.js';
import { httpHandler } from '../../shared/lambda/http-handler.js';
import { unitQuerySchema, withDefaultRange } from '../../shared/domain/figures/query-params.js';
import { unitSeries } from '../../shared/services/sla/figures-queries.js';
import { outsideUnit, supervisorRequest, unitLevel } from '../../shared/services/sla/supervisor-request.js';
import { dependencies } from '../../shared/services/wiring.js';

export const handler = httpHandler(async (event) => {
  const deps = dependencies();
  const request = supervisorRequest(event, unitQuerySchema, withDefaultRange, deps.now());
  if (!request.ok) return request.response;
  const code = event.pathParameters?.code ?? '';
  const level = unitLevel(code);
  if (!level) return errorResponse(404, 'unit_not_found', `no unit with code "${code}"`);
  if (!request.scope(code, level)) return outsideUnit(`unit ${code}`);
  return jsonResponse(200, await unitSeries(deps, code, request.query.from, request.query.to));
});
