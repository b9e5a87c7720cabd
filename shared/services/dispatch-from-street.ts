// The street hop (街镇分拨): pick the community and grid inside the street and queue the case for the grid,
// or hand it to the street's own triage when the community cannot be decided surely enough. Communities
// and grids that returned the case are not picked again (routing-input.ts).
import type { CaseRecord } from '../domain/case-record.js';
import type { StreetDispatchMessage } from '../messages.js';
import type { Dependencies } from './dependencies.js';
import { lowConfidenceReason } from './triage-reason.js';
import { caseAwaitingHop } from './resume-pending-hop.js';
import { routingInput } from './routing-input.js';
import { moveToGrid, moveToTriage } from './routing-moves.js';

export async function dispatchFromStreet(deps: Dependencies, message: StreetDispatchMessage): Promise<CaseRecord> {
  const { record, awaiting } = await caseAwaitingHop(deps, message.caseId, (r) => r.status === 'dispatched_to_street' && r.jurisdiction.street?.code === message.streetCode);
  const street = record.jurisdiction.street;
  if (!awaiting || !street) return record;
  const at = deps.now().toISOString();
  const actor = { kind: 'unit' as const, id: 'street-dispatcher', unit: street };
  const decision = deps.router.pickCommunityAndGrid(street.code, routingInput(record));
  const threshold = deps.router.autoDispatchConfidence;
  if (!decision.community || !decision.grid || decision.confidence < threshold) {
    return moveToTriage(deps, record, 'street', street, { at, actor, confidence: decision.confidence, reason: lowConfidenceReason(decision, threshold) });
  }
  return moveToGrid(deps, record, decision.community, decision.grid, { at, actor, confidence: decision.confidence, reason: decision.reason });
}
