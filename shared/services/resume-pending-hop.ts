// For a message that arrives after its step was already taken (a duplicate, a redelivery after a crash):
// write the case's last event if it is missing, and send the next hop's message again if that hop has not
// run yet. Both are safe to repeat, so a crash anywhere in a hop loses nothing and doubles nothing.
import type { CaseRecord } from '../domain/case-record.js';
import { departmentTask } from './department-task.js';
import type { Dependencies } from './dependencies.js';
import { CaseNotFoundError } from './errors.js';

export async function resumePendingHop(deps: Pick<Dependencies, 'cases' | 'queues'>, record: CaseRecord): Promise<void> {
  await deps.cases.repairTimeline(record);
  const { jurisdiction } = record;
  switch (record.status) {
    case 'received':
    case 'returned': // the district hop routes a returned case again
      await deps.queues.toDistrict({ caseId: record.caseId });
      return;
    case 'dispatched_to_street':
      if (jurisdiction.street) await deps.queues.toStreet({ caseId: record.caseId, streetCode: jurisdiction.street.code });
      return;
    case 'dispatched_to_grid':
      if (jurisdiction.grid) await deps.queues.toGrid({ caseId: record.caseId, gridCode: jurisdiction.grid.code });
      return;
    case 'dispatched_to_department':
      await deps.queues.toDepartment(departmentTask(record));
      return;
    default:
      return;
  }
}

/** Someone moved the case while we decided: finish whatever their step left pending, and answer with it. */
export async function settleAfterConflict(deps: Pick<Dependencies, 'cases' | 'queues'>, current: CaseRecord | undefined, caseId: string): Promise<CaseRecord> {
  if (!current) throw new CaseNotFoundError(caseId);
  await resumePendingHop(deps, current);
  return current;
}

/**
 * The case a hop message names, and whether it still waits for that hop. If it does not (a duplicate, a
 * late or stale message), whatever the case has pending is finished here and the hop has nothing to do.
 */
export async function caseAwaitingHop(
  deps: Pick<Dependencies, 'cases' | 'queues'>,
  caseId: string,
  awaits: (record: CaseRecord) => boolean,
): Promise<{ record: CaseRecord; awaiting: boolean }> {
  const record = await deps.cases.get(caseId);
  if (!record) throw new CaseNotFoundError(caseId);
  if (awaits(record)) return { record, awaiting: true };
  await resumePendingHop(deps, record);
  return { record, awaiting: false };
}
