// The grid hop (网格接单): record that the grid holds the case and count it in the day's figures of the
// grid and of every level above it.
import { beijingDate, formatBeijingTime } from '../domain/beijing-time.js';
import type { CaseRecord } from '../domain/case-record.js';
import type { UnitLevel, UnitRef } from '../domain/case.js';
import type { GridAssignMessage } from '../messages.js';
import type { Dependencies } from './dependencies.js';
import { caseAwaitingHop, settleAfterConflict } from './resume-pending-hop.js';

export async function assignToGrid(deps: Dependencies, message: GridAssignMessage): Promise<CaseRecord> {
  const { record, awaiting } = await caseAwaitingHop(deps, message.caseId, (r) => r.status === 'dispatched_to_grid' && r.jurisdiction.grid?.code === message.gridCode);
  const grid = record.jurisdiction.grid;
  if (!awaiting || !grid) return record;
  const at = deps.now().toISOString();
  const result = await deps.cases.transition(
    record,
    {
      to: 'assigned',
      changes: {},
      event: { type: 'assigned', at, actor: { kind: 'unit', id: 'grid-consumer', unit: grid }, unit: { ...grid, level: 'grid' }, reason: `${grid.name}已接单，签收时限 ${formatBeijingTime(record.deadlines.acceptBy)}` },
    },
    at,
  );
  if (!result.ok) return settleAfterConflict(deps, result.current, message.caseId);
  const { district, street, community } = record.jurisdiction;
  const units: Array<[UnitRef | null, UnitLevel]> = [
    [district, 'district'],
    [street, 'street'],
    [community, 'community'],
    [grid, 'grid'],
  ];
  const date = beijingDate(new Date(at));
  // four independent counters: written together rather than one after another
  await Promise.all(units.map(([unit, level]) => (unit ? deps.figures.increment({ ...unit, level }, date, 'received') : undefined)));
  return result.record;
}
