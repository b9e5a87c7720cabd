// The street hop (街镇分拨): pick the community and grid inside the street and queue the case for the grid,
// or hand it to the street's own triage when the community cannot be decided.
import type { CaseRecord } from '../domain/case-record.js';
import type { StreetDispatchMessage } from '../messages.js';
import { AUTO_DISPATCH_CONFIDENCE } from '../domain/routing/text-router.js';
import type { Dependencies } from './dependencies.js';
import { lowConfidenceReason } from './triage-reason.js';
import { caseAwaitingHop, settleAfterConflict } from './resume-pending-hop.js';
import { routingInput } from './routing-input.js';

export async function dispatchFromStreet(deps: Dependencies, message: StreetDispatchMessage): Promise<CaseRecord> {
  const { record, awaiting } = await caseAwaitingHop(deps, message.caseId, (r) => r.status === 'dispatched_to_street' && r.jurisdiction.street?.code === message.streetCode);
  const street = record.jurisdiction.street;
  if (!awaiting || !street) return record;
  const at = deps.now().toISOString();
  const actor = { kind: 'unit' as const, id: 'street-dispatcher', unit: street };
  const decision = deps.router.pickCommunityAndGrid(street.code, routingInput(record));
  if (!decision.community || !decision.grid || decision.confidence < AUTO_DISPATCH_CONFIDENCE) {
    const result = await deps.cases.transition(
      record,
      { to: 'triage_street', changes: {}, event: { type: 'triage_required', at, actor, unit: { ...street, level: 'street' }, confidence: decision.confidence, reason: lowConfidenceReason(decision) } },
      at,
    );
    return result.ok ? result.record : settleAfterConflict(deps, result.current, message.caseId);
  }
  const { community, grid } = decision;
  const result = await deps.cases.transition(
    record,
    {
      to: 'dispatched_to_grid',
      changes: { jurisdiction: { ...record.jurisdiction, community, grid }, owner: { ...grid, level: 'grid' } },
      event: { type: 'routed_to_grid', at, actor, unit: { ...grid, level: 'grid' }, confidence: decision.confidence, reason: decision.reason },
    },
    at,
  );
  if (!result.ok) return settleAfterConflict(deps, result.current, message.caseId);
  await deps.queues.toGrid({ caseId: record.caseId, gridCode: grid.code });
  return result.record;
}
