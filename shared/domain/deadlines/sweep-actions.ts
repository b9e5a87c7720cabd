// What taking one sweep step writes: the timeline event ('urged' or 'escalated'), the case's new SLA state
// and (for an escalation of the case's own clock) its new owner, and the boards and the unit to tell.
// Pure: the service writes it with one version-conditional update, so two sweepers cannot both take it.
import type { CaseOwner, CaseRecord } from '../case-record.js';
import type { UnitRef } from '../case.js';
import { formatBeijingTime } from '../beijing-time.js';
import { accountableUnits, type FigureUnit } from '../figures/accountable-units.js';
import type { TimelineEvent } from '../timeline.js';
import { DEADLINE_KIND_NAMES, type DeadlineRef } from './deadline-kind.js';
import type { SlaState } from './sla-state.js';
import { escalationTarget, type SweepStep, type SweptCase } from './sweep-plan.js';

export const SWEEPER_ACTOR = { kind: 'system', id: 'overdue-sweep' } as const;

export type SweepCase = SweptCase & Pick<CaseRecord, 'caseId' | 'jurisdiction' | 'classification'>;

export interface StepWrite {
  event: Omit<TimelineEvent, 'seq' | 'status'>;
  sla: SlaState;
  /** the new owner, when the case moves up */
  owner?: CaseOwner;
  /** units whose overdue-now board must show the case after the step */
  markBoards: FigureUnit[];
  /** units whose board must no longer show it (the ones a case moved away from) */
  clearBoards: string[];
  /** the unit the step is about (the one urged, or the one that missed the deadline) */
  lateUnit: UnitRef & { level: string };
}

function escalationOwner(record: SweepCase, district: UnitRef): CaseOwner | null {
  const target = escalationTarget(record.owner.level);
  if (target === 'street' && record.jurisdiction.street) return { ...record.jurisdiction.street, level: 'street' };
  if (target === null) return null;
  return { ...(record.jurisdiction.district ?? district), level: 'district' };
}

/** The write for one step taken at `at`. `district` is the district unit (for cases without one in their jurisdiction). */
export function stepWrite(record: SweepCase, step: SweepStep, at: string, district: UnitRef): StepWrite {
  const { clock } = step;
  const lateUnit = clock.unit ?? record.owner;
  const kindName = DEADLINE_KIND_NAMES[clock.kind];
  const due = formatBeijingTime(clock.dueAt);
  const progress = record.sla?.progress?.[clock.progressKey];
  const taken = progress && progress.dueAt === clock.dueAt ? progress.taken : [];
  const sla: SlaState = {
    ...record.sla,
    progress: { ...record.sla?.progress, [clock.progressKey]: { dueAt: clock.dueAt, taken: [...taken, step.step] } },
  };
  const deadline: DeadlineRef = {
    kind: clock.kind,
    dueAt: clock.dueAt,
    stage: step.stage,
    unit: { code: lateUnit.code, name: lateUnit.name, level: lateUnit.level },
    ...(clock.kind === 'support-answer' ? { key: clock.progressKey.slice('support-answer:'.length) } : {}),
  };
  const base = { at, actor: SWEEPER_ACTOR, deadline };

  if (step.stage === 'warning') {
    return { event: { ...base, type: 'urged', unit: deadline.unit!, reason: `临期催办：${lateUnit.name}${kindName}时限 ${due} 将至，请抓紧办理` }, sla, markBoards: [], clearBoards: [], lateUnit };
  }
  if (step.stage === 'overdue') {
    const board = clock.kind === 'support-answer' ? [{ ...lateUnit, level: 'department' as const }] : accountableUnits(record, record.owner);
    sla.overdueBoards = { ...record.sla?.overdueBoards, [clock.progressKey]: board.map((u) => u.code) };
    return {
      event: { ...base, type: 'urged', unit: deadline.unit!, reason: `超期催办：${lateUnit.name}${kindName}已超期（时限 ${due}），计入超期` },
      sla,
      markBoards: board,
      clearBoards: [],
      lateUnit,
    };
  }
  // escalation
  if (clock.kind === 'support-answer') {
    const top = record.jurisdiction.district ?? district;
    return {
      event: { ...base, type: 'escalated', unit: { ...top, level: 'district' }, reason: `升级督办：${lateUnit.name}超过报到时限（${due}）仍未响应呼叫，报区级督办` },
      sla,
      markBoards: [],
      clearBoards: [],
      lateUnit,
    };
  }
  const owner = escalationOwner(record, district);
  if (!owner) throw new Error(`case ${record.caseId} is with the district: nothing to escalate to`);
  const before = accountableUnits(record, record.owner).map((u) => u.code);
  const after = accountableUnits({ ...record, owner }, owner);
  sla.overdueBoards = { ...record.sla?.overdueBoards, [clock.progressKey]: after.map((u) => u.code) };
  return {
    event: { ...base, type: 'escalated', unit: owner, reason: `升级督办：${lateUnit.name}${kindName}超期（时限 ${due}）未办，工单升级至${owner.name}` },
    sla,
    owner,
    markBoards: after,
    clearBoards: before.filter((code) => !after.some((u) => u.code === code)),
    lateUnit,
  };
}
