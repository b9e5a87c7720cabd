// The grid hop (网格接单): record that the grid holds the case, start its clocks for the grid (the deadlines
// are computed again at this arrival, so unit overrides of the policy apply) and count it in the day's
// figures of the grid and of every level above it (count-event.ts, once per event).
import { formatBeijingTime } from '../domain/beijing-time.js';
import type { CaseRecord } from '../domain/case-record.js';
import { deadlinesOnArrival } from '../domain/deadlines/compute-deadlines.js';
import type { GridAssignMessage } from '../messages.js';
import { countEvent } from './count-event.js';
import type { Dependencies } from './dependencies.js';
import { caseAwaitingHop, settleAfterConflict } from './resume-pending-hop.js';

export async function assignToGrid(deps: Dependencies, message: GridAssignMessage): Promise<CaseRecord> {
  const { record, awaiting } = await caseAwaitingHop(deps, message.caseId, (r) => r.status === 'dispatched_to_grid' && r.jurisdiction.grid?.code === message.gridCode);
  const grid = record.jurisdiction.grid;
  if (!awaiting || !grid) {
    // a redelivery after a crash between the assignment and its counting: count it now (once, by its seq)
    if (record.status === 'assigned' && record.lastEvent.type === 'assigned') await countEvent(deps, record, record.lastEvent);
    return record;
  }
  const at = deps.now().toISOString();
  const deadlines = deadlinesOnArrival({ ...record, owner: { ...grid, level: 'grid' } }, new Date(at));
  const result = await deps.cases.transition(
    record,
    {
      to: 'assigned',
      changes: { deadlines },
      event: { type: 'assigned', at, actor: { kind: 'unit', id: 'grid-consumer', unit: grid }, unit: { ...grid, level: 'grid' }, reason: `${grid.name}已接单，签收时限 ${formatBeijingTime(deadlines.acceptBy)}` },
    },
    at,
  );
  if (!result.ok) return settleAfterConflict(deps, result.current, message.caseId);
  await countEvent(deps, result.record, result.record.lastEvent);
  return result.record;
}
