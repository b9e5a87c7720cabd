// The overdue sweep (scheduled, every minute): finds through the byDue index (DUE# partitions, never a Scan)
// every case whose next deadline step is due — a warning before a deadline (临期催办), the deadline itself
// (超期催办, the case goes on the overdue-now boards), an escalation after the grace (升级: the case moves one
// level up) — and takes each step with one version-conditional write that carries its timeline event. Two
// sweeps running at once read the same version; one write wins, the other is decided again on the new state
// and finds the step taken. Effects outside the case (figures, boards, a department's urge message) follow
// the winning write; a crash before them is repaired on the next look (figures and boards: idempotent).
import type { CaseWorkRepository } from '../../adapters/dynamo/case-work-repository.js';
import { DEFAULT_POLICY, type DeadlinePolicy } from '../../domain/deadlines/policy.js';
import { stepWrite, SWEEPER_ACTOR, type SweepCase } from '../../domain/deadlines/sweep-actions.js';
import { dueStepOf, nextStepOf, runningClocks, type SweepStep } from '../../domain/deadlines/sweep-plan.js';
import { boardChange } from '../../domain/deadlines/overdue-boards.js';
import { accountableUnits, type FigureUnit } from '../../domain/figures/accountable-units.js';
import type { TimelineEvent } from '../../domain/timeline.js';
import type { WorkedCase } from '../../domain/work/case-work.js';
import { logger } from '../../lambda/logger.js';
import { countEvent, clearOverdueIfMet } from '../count-event.js';
import type { Dependencies } from '../dependencies.js';

export type SweepDependencies = Pick<Dependencies, 'cases' | 'watches' | 'figures' | 'countedEvents' | 'overdueBoards' | 'queues' | 'now' | 'district'> & {
  work: Pick<CaseWorkRepository, 'act' | 'get'>;
  policy?: DeadlinePolicy;
};

export interface OverdueSweepSummary {
  /** index entries read */
  due: number;
  cases: number;
  warnings: number;
  overdue: number;
  escalations: number;
  /** looked at, nothing due (moved on by its unit meanwhile): put back at its next look */
  rescheduled: number;
}

/** Steps per case per run at most (warning → overdue → escalation × 2 is the longest path). */
const MAX_STEPS_PER_CASE = 6;
const MAX_CONFLICTS_PER_CASE = 3;

export async function sweepOverdue(deps: SweepDependencies, options: { limitPerShard?: number } = {}): Promise<OverdueSweepSummary> {
  const now = deps.now().toISOString();
  const entries = await deps.watches.due(now, options.limitPerShard ?? 100);
  const summary: OverdueSweepSummary = { due: entries.length, cases: 0, warnings: 0, overdue: 0, escalations: 0, rescheduled: 0 };
  const caseIds = [...new Set(entries.map((e) => e.caseId))];
  for (const caseId of caseIds) {
    summary.cases += 1;
    await sweepCase(deps, caseId, now, summary);
  }
  // separate watch items: move each to its next look (or drop it when its clock no longer runs)
  for (const entry of entries) {
    if (entry.source !== 'watch') continue;
    const record = (await deps.work.get(entry.caseId)) as WorkedCase | undefined;
    const key = entry.watch.key ? `${entry.watch.kind}:${entry.watch.key}` : entry.watch.kind;
    const clock = record ? runningClocks(record).find((c) => c.progressKey === key) : undefined;
    const next = record && clock ? nextStepOf(record, clock, deps.policy ?? DEFAULT_POLICY) : null;
    if (!next) await deps.watches.unwatch(entry.watch);
    else if (next.at !== entry.at) await deps.watches.watch({ ...entry.watch, dueAt: clock!.dueAt, lookAt: next.at });
  }
  return summary;
}

/** Takes every step due now for one case, one conditional write each. */
export async function sweepCase(deps: SweepDependencies, caseId: string, now: string, summary?: OverdueSweepSummary): Promise<void> {
  const policy = deps.policy ?? DEFAULT_POLICY;
  let conflicts = 0;
  for (let steps = 0; steps < MAX_STEPS_PER_CASE; ) {
    const record = (await deps.work.get(caseId)) as (WorkedCase & SweepCase) | undefined;
    if (!record) return;
    await repairLastStep(deps, record);
    const step = earliestDueStep(record, now, policy);
    if (!step) {
      if (steps === 0) {
        await deps.cases.reschedule(record);
        if (summary) summary.rescheduled += 1;
      }
      return;
    }
    const write = stepWrite(record, step, now, deps.district);
    const result = await deps.work.act(record, { to: record.status, set: { sla: write.sla, ...(write.owner ? { owner: write.owner } : {}) }, event: write.event }, now);
    if (!result.ok) {
      if (++conflicts >= MAX_CONFLICTS_PER_CASE) return;
      continue; // someone moved the case: decide again on what it is now
    }
    steps += 1;
    if (summary) summary[step.stage === 'warning' ? 'warnings' : step.stage === 'overdue' ? 'overdue' : 'escalations'] += 1;
    await afterStep(deps, result.record as WorkedCase & SweepCase, result.event, write.markBoards, write.clearBoards);
    if (write.lateUnit.level === 'department') await urgeDepartment(deps, result.record, result.event);
    logger.info('overdue sweep step', { caseId, stage: step.stage, clock: step.clock.kind, unit: write.lateUnit.code });
  }
}

function earliestDueStep(record: WorkedCase & SweepCase, now: string, policy: DeadlinePolicy): SweepStep | null {
  let best: SweepStep | null = null;
  for (const clock of runningClocks(record)) {
    const step = dueStepOf(record, clock, now, policy);
    if (step && (!best || step.at < best.at)) best = step;
  }
  return best;
}

/** Figures and boards of a step just written (all idempotent), then a re-check against the case as it is now. */
async function afterStep(deps: SweepDependencies, record: WorkedCase & SweepCase, event: TimelineEvent, mark: FigureUnit[], clear: string[]): Promise<void> {
  await countEvent(deps, record, event);
  if (clear.length > 0) await deps.overdueBoards.clear(clear, record.caseId);
  if (mark.length > 0) {
    await deps.overdueBoards.mark(mark, record.caseId);
    // the unit may have acted between our write and our mark: if so, its clear ran before our mark
    const fresh = (await deps.work.get(record.caseId)) as (WorkedCase & SweepCase) | undefined;
    if (fresh && fresh.version !== record.version) await clearOverdueIfMet(deps, fresh, deps.now().toISOString());
  }
}

/** After a crash between a step's write and its effects: redo the effects of the sweep's last event. */
async function repairLastStep(deps: SweepDependencies, record: WorkedCase & SweepCase): Promise<void> {
  const last = record.lastEvent;
  if (last.actor.kind !== 'system' || last.actor.id !== SWEEPER_ACTOR.id) return;
  if (await deps.countedEvents.wasCounted(record.caseId, last.seq)) return;
  await deps.cases.repairTimeline(record);
  const { keep } = boardChange(record, deps.now().toISOString());
  await countEvent(deps, record, last);
  if (keep.length > 0 && last.deadline?.stage !== 'warning') {
    const units = [record.owner, ...(last.deadline?.unit ? [last.deadline.unit] : [])];
    const known = units.flatMap((u) => accountableUnits(record, u)).filter((u, i, all) => keep.includes(u.code) && all.findIndex((x) => x.code === u.code) === i);
    await deps.overdueBoards.mark(known, record.caseId);
  }
}

async function urgeDepartment(deps: SweepDependencies, record: WorkedCase, event: TimelineEvent): Promise<void> {
  const deadline = event.deadline;
  if (!deadline?.unit || deadline.unit.level !== 'department') return;
  try {
    await deps.queues.toDepartment({
      kind: 'urge',
      caseId: record.caseId,
      department: deadline.unit.code,
      deadline: deadline.kind,
      dueAt: deadline.dueAt,
      stage: deadline.stage ?? 'overdue',
      text: event.reason ?? '',
      at: event.at,
    });
  } catch (error) {
    // the urge is on the timeline and the work list already; a lost queue message is logged, not retried
    logger.error('could not send an urge to a department queue', { caseId: record.caseId, department: deadline.unit.code, error: (error as Error).message });
  }
}
