// The stall sweep (scheduled): a case that sat in transit longer than it should gets its pending hop's
// message sent again, with back-off; after MAX_RESENDS it is marked stuck for an operator. Sending again is
// always safe — every hop ignores a message for a step already taken — so a lost message costs minutes,
// never the case.
import { isInTransit } from '../domain/case-watch.js';
import type { Dependencies } from './dependencies.js';
import { resumePendingHop } from './resume-pending-hop.js';
import { logger } from '../lambda/logger.js';

export interface SweepSummary {
  due: number;
  resent: number;
  markedStuck: number;
  /** moved on by its own hop while the sweep looked: nothing to do */
  skipped: number;
}

export async function resendStalledCases(deps: Pick<Dependencies, 'cases' | 'queues' | 'now'>): Promise<SweepSummary> {
  const now = deps.now().toISOString();
  const due = await deps.cases.dueInTransit(now);
  const summary: SweepSummary = { due: due.length, resent: 0, markedStuck: 0, skipped: 0 };
  for (const candidate of due) {
    // the index is eventually consistent: decide on a consistent read of the case itself
    const record = await deps.cases.get(candidate.caseId);
    if (!record || !isInTransit(record.status) || (deps.cases.watchOf(record)?.at ?? '') > now) {
      summary.skipped += 1;
      continue;
    }
    await resumePendingHop(deps, record);
    const { ok, watch } = await deps.cases.markResent(record);
    if (!ok) {
      summary.skipped += 1;
      continue;
    }
    if (watch.kind === 'stuck') {
      summary.markedStuck += 1;
      logger.error('case stuck in transit: its hop was re-sent the maximum number of times', { caseId: record.caseId, status: record.status });
    } else {
      summary.resent += 1;
      logger.warn('case stalled in transit: its hop message was sent again', { caseId: record.caseId, status: record.status, nextLook: watch.at });
    }
  }
  return summary;
}
