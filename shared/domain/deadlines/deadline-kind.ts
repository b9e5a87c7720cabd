// The clocks a case runs on, and how a timeline event names the one it is about.
import type { UnitRef } from '../case.js';

/** accept 签收, respond 响应, resolve 办结: the case's own clocks; support-answer: a department's deadline to answer a call for support (应). */
export const DEADLINE_KINDS = ['accept', 'respond', 'resolve', 'support-answer'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export const DEADLINE_KIND_NAMES: Record<DeadlineKind, string> = {
  accept: '签收',
  respond: '响应',
  resolve: '办结',
  'support-answer': '报到',
};

/** warning: about to pass (临期催办); overdue: passed (超期催办); escalation: passed + grace, moved up (升级). */
export type SweepStage = 'warning' | 'overdue' | 'escalation';

/**
 * The deadline an event is about: urges and escalations (the sweeper), calls for support and their
 * answers, extension decisions. `unit` is the unit that holds (or missed) the deadline; `key` tells apart
 * several deadlines of one kind on a case (one per call for support).
 */
export interface DeadlineRef {
  kind: DeadlineKind;
  dueAt: string;
  stage?: SweepStage;
  key?: string;
  unit?: UnitRef & { level: string };
}
