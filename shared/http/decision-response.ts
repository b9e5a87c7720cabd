// The answer to a person's routing decision (triage, dispute ruling): the case's status and place now and
// the event the decision made (200), the same with `Idempotent-Replayed: true` for a repeat, or the refusal
// in the API's error format.
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { CASE_STATUS_NAMES } from '../domain/case-status.js';
import { timelineView } from '../services/case-view.js';
import type { DecisionOutcome } from '../services/triage/decision-outcome.js';
import { errorResponse, jsonResponse } from './responses.js';

export function decisionResponse(outcome: DecisionOutcome): APIGatewayProxyStructuredResultV2 {
  if (outcome.kind === 'refused') return errorResponse(outcome.status, outcome.code, outcome.message, outcome.details ?? []);
  const { record, event, replayed } = outcome;
  return jsonResponse(
    200,
    {
      caseId: record.caseId,
      status: record.status,
      statusName: CASE_STATUS_NAMES[record.status],
      jurisdiction: record.jurisdiction,
      owner: record.owner,
      event: timelineView(record.caseId, [event]).events[0],
    },
    replayed ? { 'idempotent-replayed': 'true' } : {},
  );
}
