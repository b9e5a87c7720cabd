// GET /sla/cases/{caseId} (supervisor): a case inside the supervisor's unit with its whole timeline and
// clocks, personal data masked; 404 for a case outside it (as if it did not exist).
import { errorResponse, jsonResponse } from '../../shared/http/responses.js';
import { requireStaff } from '../../shared/http/staff-auth.js';
import { httpHandler } from '../../shared/lambda/http-handler.js';
import { isCaseId } from '../../shared/domain/case-id.js';
import { caseView, timelineView } from '../../shared/services/case-view.js';
import { caseIsWithinUnit } from '../../shared/services/staff-rights.js';
import { dependencies } from '../../shared/services/wiring.js';

export const handler = httpHandler(async (event) => {
  const check = requireStaff(event, ['supervisor']);
  if (!check.ok) return check.response;
  const caseId = event.pathParameters?.caseId ?? '';
  const deps = dependencies();
  const record = isCaseId(caseId) ? await deps.cases.get(caseId) : undefined;
  if (!record || !caseIsWithinUnit(check.staff, record)) return errorResponse(404, 'case_not_found', 'no such case, or not one your unit may see');
  const events = await deps.cases.timeline(caseId, record.lastEvent);
  return jsonResponse(200, {
    case: { ...caseView(record), paused: record.sla?.pause ? { since: record.sla.pause.since, reason: record.sla.pause.reason } : null },
    timeline: timelineView(caseId, events).events.map((view, i) => ({ ...view, deadline: events[i]!.deadline ?? null })),
  });
});
