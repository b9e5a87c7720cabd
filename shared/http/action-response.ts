// The answer to a task-API action: the case's status and the event the action made (200), the same answer
// with `Idempotent-Replayed: true` for a repeat, or the refusal in the API's error format.
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { CASE_STATUS_NAMES } from '../domain/case-status.js';
import type { ActionOutcome } from '../services/work/run-case-action.js';
import { timelineView } from '../services/case-view.js';
import { errorResponse, jsonResponse } from './responses.js';

export function actionResponse(outcome: ActionOutcome): APIGatewayProxyStructuredResultV2 {
  if (outcome.kind === 'refused') return errorResponse(outcome.status, outcome.code, outcome.message);
  const { record, event, replayed, events } = outcome;
  const show = (list: typeof event[]) => timelineView(record.caseId, list).events.map((view, i) => ({ ...view, deadline: list[i]!.deadline ?? null }));
  const [shown] = show([event]);
  return jsonResponse(
    200,
    {
      caseId: record.caseId,
      status: record.status,
      statusName: CASE_STATUS_NAMES[record.status],
      version: record.version,
      deadlines: record.deadlines,
      event: shown,
      ...(events ? { events: show(events) } : {}),
    },
    replayed ? { 'idempotent-replayed': 'true' } : {},
  );
}
