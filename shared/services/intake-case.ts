// Intake (受理): classify the request, give it a case number and a tracking token, store it with its first
// events and queue it for the district. With an Idempotency-Key, a retry finishes the first attempt and
// answers with the same case; the same key with a different body is refused.
import { createHash } from 'node:crypto';
import { CHANNEL_NAMES } from '../domain/case.js';
import { formatCaseId } from '../domain/case-id.js';
import { beijingDayKey } from '../domain/beijing-time.js';
import type { CaseRecord } from '../domain/case-record.js';
import type { CaseStatus } from '../domain/case-status.js';
import { computeDeadlines } from '../domain/deadlines/compute-deadlines.js';
import type { IntakeRequest } from '../domain/intake-request.js';
import type { TimelineEvent } from '../domain/timeline.js';
import { hashTrackingToken, newTrackingToken } from '../security/tracking-token.js';
import { logger } from '../lambda/logger.js';
import type { Dependencies } from './dependencies.js';

export type IntakeOutcome =
  | { kind: 'created' | 'replayed'; caseId: string; trackingToken: string; status: CaseStatus }
  | { kind: 'key_reused'; caseId: string };

export function requestHash(request: IntakeRequest): string {
  return createHash('sha256').update(JSON.stringify(request)).digest('hex');
}

interface Reservation {
  caseId: string;
  trackingToken: string;
  createdAt: string;
}

export async function intakeCase(deps: Dependencies, request: IntakeRequest, idempotencyKey?: string): Promise<IntakeOutcome> {
  const hash = requestHash(request);
  if (idempotencyKey) {
    const earlier = await deps.idempotency.get(idempotencyKey, deps.now());
    if (earlier) return earlier.requestHash === hash ? complete(deps, request, earlier, 'replayed') : { kind: 'key_reused', caseId: earlier.caseId };
  }
  const now = deps.now();
  const dayKey = beijingDayKey(now);
  const reservation: Reservation = {
    caseId: formatCaseId(dayKey, await deps.sequence.next(dayKey)),
    trackingToken: newTrackingToken(),
    createdAt: now.toISOString(),
  };
  if (!idempotencyKey) return complete(deps, request, reservation, 'created');
  const holder = await deps.idempotency.reserve(idempotencyKey, { ...reservation, requestHash: hash });
  if (holder.caseId === reservation.caseId) return complete(deps, request, reservation, 'created');
  // Another request with the same key got there first (a concurrent retry): answer as it did.
  return holder.requestHash === hash ? complete(deps, request, holder, 'replayed') : { kind: 'key_reused', caseId: holder.caseId };
}

/** Store the case (if not stored yet) and queue it for the district (or leave that to the stall sweep). */
async function complete(deps: Dependencies, request: IntakeRequest, reservation: Reservation, kind: 'created' | 'replayed'): Promise<IntakeOutcome> {
  const { record, events } = newCase(deps, request, reservation);
  const created = await deps.cases.create(record, events);
  const current = created ? record : await deps.cases.get(record.caseId);
  if (!current) throw new Error(`case ${record.caseId} neither created nor found`);
  if (current.status === 'received') {
    try {
      await deps.queues.toDistrict({ caseId: current.caseId });
    } catch (error) {
      // The case is stored: answering 500 now would only invite a second case from a retry without a key.
      // The stall sweep sends the message once the case has sat in transit for its stall time.
      logger.warn('case stored but not queued for the district; the stall sweep will queue it', {
        caseId: current.caseId,
        error: { name: (error as Error).name, message: (error as Error).message },
      });
    }
  }
  return { kind, caseId: current.caseId, trackingToken: reservation.trackingToken, status: current.status };
}

function newCase(deps: Dependencies, request: IntakeRequest, reservation: Reservation): { record: CaseRecord; events: TimelineEvent[] } {
  const { caseId, createdAt } = reservation;
  const classification = deps.classifier.classify({
    content: request.content,
    channel: request.channel,
    ...(request.caller ? { caller: request.caller } : {}),
    ...(request.address ? { address: request.address } : {}),
  });
  const deadlines = computeDeadlines({ requestType: classification.requestType, urgency: classification.urgency, from: new Date(createdAt) });
  const received: TimelineEvent = {
    seq: 1,
    type: 'received',
    at: createdAt,
    actor: { kind: 'caller', id: 'caller', channel: request.channel },
    status: 'received',
    reason: `经${CHANNEL_NAMES[request.channel]}渠道受理`,
  };
  const classified: TimelineEvent = {
    seq: 2,
    type: 'classified',
    at: createdAt,
    actor: { kind: 'system', id: 'classifier' },
    status: 'received',
    reason: classification.reason,
    confidence: classification.confidence,
    unit: { ...classification.department, level: 'department' },
  };
  const record: CaseRecord = {
    caseId,
    status: 'received',
    version: 2,
    channel: request.channel,
    content: request.content,
    ...(request.address ? { address: request.address } : {}),
    ...(request.location ? { location: request.location } : {}),
    ...(request.caller ? { caller: request.caller } : {}),
    ...(request.attachments ? { attachments: request.attachments } : {}),
    classification,
    jurisdiction: { district: deps.district, street: null, community: null, grid: null },
    owner: { ...deps.district, level: 'district' },
    deadlines,
    trackingTokenHash: hashTrackingToken(reservation.trackingToken),
    createdAt,
    updatedAt: createdAt,
    lastEvent: classified,
  };
  return { record, events: [received, classified] };
}
