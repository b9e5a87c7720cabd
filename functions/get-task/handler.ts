// GET /tasks/{caseId} (staff): one case in full for a unit that may see it, with its timeline.
import { requireStaff } from '../../shared/http/staff-auth.js';
import { errorResponse, jsonResponse } from '../../shared/http/responses.js';
import { httpHandler } from '../../shared/lambda/http-handler.js';
import { readTask } from '../../shared/services/work/list-tasks.js';
import { workDependencies } from '../../shared/services/work/work-wiring.js';

export const handler = httpHandler(async (event) => {
  const check = requireStaff(event, ['handler', 'supervisor', 'agent']);
  if (!check.ok) return check.response;
  const result = await readTask(workDependencies(), check.staff, event.pathParameters?.caseId ?? '');
  if ('kind' in result) return errorResponse(result.status, result.code, result.message);
  return jsonResponse(200, result);
});
