// GET /sla/ranking?level=street&month=YYYY-MM (supervisor; month defaults to this one): the units of the
// level inside the supervisor's unit, ranked by the weighted score of their rates.
import { jsonResponse } from '../../shared/http/responses.js';
import { httpHandler } from '../../shared/lambda/http-handler.js';
import { rankingQuerySchema } from '../../shared/domain/figures/query-params.js';
import { monthlyRanking } from '../../shared/services/sla/figures-queries.js';
import { levelVisible, outsideUnit, supervisorRequest } from '../../shared/services/sla/supervisor-request.js';
import { dependencies } from '../../shared/services/wiring.js';

export const handler = httpHandler(async (event) => {
  const deps = dependencies();
  const request = supervisorRequest(event, rankingQuerySchema, (p, today) => ({ ...p, month: p.month ?? today.slice(0, 7) }), deps.now());
  if (!request.ok) return request.response;
  const { level, month } = request.query;
  if (!levelVisible(request.staff, level)) return outsideUnit(`level ${level}`);
  return jsonResponse(200, await monthlyRanking(deps, level, month, request.scope));
});
