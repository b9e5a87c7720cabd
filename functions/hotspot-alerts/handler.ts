// GET /alerts/hotspots?unit=<code> (supervisors): hot-spot alerts of a street or of the district.
import { errorResponse, jsonResponse } from '../../shared/http/responses.js';
import { requireStaff } from '../../shared/http/staff-auth.js';
import { httpHandler } from '../../shared/lambda/http-handler.js';
import { duplicateSweepDependencies } from '../../shared/services/work/duplicate-wiring.js';
import { hotspotAlerts } from '../../shared/services/work/hotspot-alerts.js';

export const handler = httpHandler(async (event) => {
  const check = requireStaff(event, ['supervisor']);
  if (!check.ok) return check.response;
  const unit = event.queryStringParameters?.unit;
  if (unit !== undefined && !/^[A-Za-z0-9-]{1,40}$/.test(unit)) {
    return errorResponse(400, 'validation_failed', 'the request has invalid fields', [{ field: 'unit', message: 'a unit code' }]);
  }
  const result = await hotspotAlerts(duplicateSweepDependencies(), check.staff, unit);
  if ('kind' in result) return errorResponse(result.status, result.code, result.message);
  return jsonResponse(200, result);
});
