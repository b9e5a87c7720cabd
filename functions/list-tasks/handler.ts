// GET /tasks?unit=<code>&limit=<n> (staff): the unit's open tasks, the nearest deadline first.
import { requireStaff } from '../../shared/http/staff-auth.js';
import { errorResponse, jsonResponse } from '../../shared/http/responses.js';
import { httpHandler } from '../../shared/lambda/http-handler.js';
import { DEFAULT_TASK_LIMIT, listTasks, MAX_TASK_LIMIT } from '../../shared/services/work/list-tasks.js';
import { workDependencies } from '../../shared/services/work/work-wiring.js';

export const handler = httpHandler(async (event) => {
  const check = requireStaff(event, ['handler', 'supervisor']);
  if (!check.ok) return check.response;
  const query = event.queryStringParameters ?? {};
  const limit = query.limit === undefined ? DEFAULT_TASK_LIMIT : Number(query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_TASK_LIMIT) {
    return errorResponse(400, 'validation_failed', 'the request has invalid fields', [{ field: 'limit', message: `a whole number from 1 to ${MAX_TASK_LIMIT}` }]);
  }
  if (query.unit !== undefined && !/^[A-Za-z0-9-]{1,40}$/.test(query.unit)) {
    return errorResponse(400, 'validation_failed', 'the request has invalid fields', [{ field: 'unit', message: 'a unit code' }]);
  }
  const result = await listTasks(workDependencies(), check.staff, query.unit, limit);
  if ('kind' in result) return errorResponse(result.status, result.code, result.message);
  return jsonResponse(200, result);
});
