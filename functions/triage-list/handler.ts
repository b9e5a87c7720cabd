// GET /triage?level=district|street&unit=<code>&limit=<n>&cursor=<c> (staff): the cases waiting for a
// person's routing decision at that unit (the district's list includes its disputes).
import { errorResponse, jsonResponse } from '../../shared/http/responses.js';
import { requireStaff } from '../../shared/http/staff-auth.js';
import { httpHandler } from '../../shared/lambda/http-handler.js';
import { TRIAGE_LEVELS, type TriageLevel } from '../../shared/domain/routing/triage-requests.js';
import { DEFAULT_TRIAGE_LIMIT, listAwaiting, MAX_TRIAGE_LIMIT } from '../../shared/services/triage/list-awaiting.js';
import { triageDependencies } from '../../shared/services/triage/triage-wiring.js';
import '../../shared/services/routing-wiring.js';

const invalid = (field: string, message: string) => errorResponse(400, 'validation_failed', 'the request has invalid fields', [{ field, message }]);

export const handler = httpHandler(async (event) => {
  const check = requireStaff(event, ['handler', 'supervisor']);
  if (!check.ok) return check.response;
  const query = event.queryStringParameters ?? {};
  if (!TRIAGE_LEVELS.includes(query.level as TriageLevel)) return invalid('level', `one of ${TRIAGE_LEVELS.join(', ')}`);
  if (query.unit !== undefined && !/^[0-9]{6,12}$/.test(query.unit)) return invalid('unit', 'a district or street code');
  const limit = query.limit === undefined ? DEFAULT_TRIAGE_LIMIT : Number(query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_TRIAGE_LIMIT) return invalid('limit', `a whole number from 1 to ${MAX_TRIAGE_LIMIT}`);
  if (query.cursor !== undefined && !/^[A-Za-z0-9_-]{1,2000}$/.test(query.cursor)) return invalid('cursor', 'the cursor is not one this API gave');
  const result = await listAwaiting(triageDependencies(), check.staff, {
    level: query.level as TriageLevel,
    limit,
    ...(query.unit !== undefined ? { unit: query.unit } : {}),
    ...(query.cursor !== undefined ? { cursor: query.cursor } : {}),
  });
  if ('kind' in result) return errorResponse(result.status, result.code, result.message, result.details ?? []);
  return jsonResponse(200, result);
});
