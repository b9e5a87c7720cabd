// GET /sla/overdue?unit={code} (supervisor; default: its own unit): the unit's cases past a deadline now,
// most overdue first.
import { errorResponse, jsonResponse } from '../../shared/http/responses.js';
import { httpHandler } from '../../shared/lambda/http-handler.js';
import { overdueQuerySchema } from '../../shared/domain/figures/query-params.js';
import { overdueCases } from '../../shared/services/sla/figures-queries.js';
import { outsideUnit, supervisorRequest, unitLevel } from '../../shared/services/sla/supervisor-request.js';
import { dependencies } from '../../shared/services/wiring.js';

export const handler = httpHandler(async (event) => {
  const deps = dependencies();
  const request = supervisorRequest(event, overdueQuerySchema, undefined, deps.now());
  if (!request.ok) return request.response;
  const code = request.query.unit ?? request.staff.unit.code;
  const level = unitLevel(code);
  if (!level) return errorResponse(404, 'unit_not_found', `no unit with code "${code}"`);
  if (!request.scope(code, level)) return outsideUnit(`unit ${code}`);
  return jsonResponse(200, await overdueCases(deps, code, request.query.limit));
});
