// POST /tasks/{caseId}/{action} (staff of the unit that holds the case, or a supervisor above it):
// accept | contact | notes | resolve | return | extension | support-calls.
import { readActionRequest } from '../../shared/http/action-request.js';
import { actionResponse } from '../../shared/http/action-response.js';
import { errorResponse } from '../../shared/http/responses.js';
import { requireStaff } from '../../shared/http/staff-auth.js';
import { httpHandler } from '../../shared/lambda/http-handler.js';
import { logger } from '../../shared/lambda/logger.js';
import { isTaskAction, TASK_ACTIONS } from '../../shared/domain/work/task-rules.js';
import { TASK_ACTION_TABLE } from '../../shared/services/work/task-action-table.js';
import { workDependencies } from '../../shared/services/work/work-wiring.js';

export const handler = httpHandler(async (event) => {
  const check = requireStaff(event, ['handler', 'supervisor']);
  if (!check.ok) return check.response;
  const action = event.pathParameters?.action ?? '';
  if (!isTaskAction(action)) return errorResponse(404, 'unknown_action', `no task action "${action}": one of ${TASK_ACTIONS.join(', ')}`);
  const { schema, run } = TASK_ACTION_TABLE[action];
  const request = readActionRequest(event, schema);
  if (!request.ok) return request.response;
  const caseId = event.pathParameters?.caseId ?? '';
  const outcome = await run(workDependencies(), { staff: check.staff, caseId, body: request.body, idempotencyKey: request.idempotencyKey });
  logger.info('task action', { caseId, action, unit: check.staff.unit.code, outcome: outcome.kind === 'done' ? (outcome.replayed ? 'replayed' : 'done') : outcome.code });
  return actionResponse(outcome);
});
