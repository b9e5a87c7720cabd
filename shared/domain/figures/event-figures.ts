// The one rule that turns a timeline event into figure increments (pure: the same event of the same case
// always gives the same increments, so replaying a case's timeline reproduces its figures). The counting
// itself, once per event, is shared/services/count-event.ts.
//
// What each event counts, on the Beijing day of the event, for the acting unit and every unit above it:
//   assigned / routed_to_department  received (the district counts a case once: not again after a return)
//   triage_decided / dispute_decided / rerouted to a department: received, as routed_to_department
//   accepted                         accepted, acceptedOnTime (by deadlines.acceptBy), accept time histogram
//   contacted (the first one only)   responded, respondedOnTime (by respondBy), respond time histogram
//   resolved                         resolved, resolvedOnTime (by resolveBy, as extended), resolve time histogram
//   returned                         returned (for the unit that returned it)
//   reopened                         reopened
//   followed_up                      followUps + satisfied | basicallySatisfied | dissatisfied, solved
//   urged                            urged; becameOverdue for the 'overdue' stage of the case's own clocks
//   escalated                        escalated (for the unit that missed the deadline)
//   support_called                   supportCalls (for the department called)
//   support_answered                 supportAnswered, supportAnsweredOnTime (by event.deadline.dueAt)
//   extension_decided                extensionsApproved when approved
// Times are minutes from intake (受理, the case's createdAt).
import { beijingDate } from '../beijing-time.js';
import type { CaseRecord } from '../case-record.js';
import type { TimelineEvent } from '../timeline.js';
import { accountableUnits, levelOfUnit, type FigureUnit } from './accountable-units.js';
import { bucketOf } from './duration-histogram.js';
import { bucketField, type CounterName, type FigureCounts, type TimedStep } from './figure-names.js';

export interface UnitIncrement {
  unit: FigureUnit;
  /** Beijing YYYY-MM-DD */
  date: string;
  counts: FigureCounts;
}

export interface EventFigureContext {
  /** for 'contacted': whether this is the case's first contact (only the first one is a response) */
  firstContact?: boolean;
}

export const SATISFACTION_LEVELS = ['satisfied', 'basic', 'dissatisfied'] as const;
export type Satisfaction = (typeof SATISFACTION_LEVELS)[number];

/** The extra fields a follow-up or an extension decision event may carry (written by the task API). */
interface EventExtras {
  satisfaction?: unknown;
  solved?: unknown;
  approved?: unknown;
  decision?: unknown;
}

type CaseFacts = Pick<CaseRecord, 'owner' | 'jurisdiction' | 'classification' | 'deadlines' | 'createdAt' | 'returns'>;

const minutesBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 60_000;

/** The unit that did what the event records: the acting unit, else the event's deadline unit, else the owner. */
function actingUnit(record: CaseFacts, event: TimelineEvent): { code: string; level: string } {
  if (event.deadline?.unit) return event.deadline.unit;
  if (event.actor.kind === 'unit') {
    const level = levelOfUnit(record, event.actor.unit.code);
    if (level) return { code: event.actor.unit.code, level };
  }
  return record.owner;
}

function timed(step: TimedStep, record: CaseFacts, at: string): FigureCounts {
  return { [bucketField(step, bucketOf(minutesBetween(record.createdAt, at)))]: 1 };
}

function onTime(at: string, dueAt: string | undefined): boolean {
  return dueAt !== undefined && Date.parse(at) <= Date.parse(dueAt);
}

function counts(names: CounterName[], extra: FigureCounts = {}): FigureCounts {
  const c: FigureCounts = { ...extra };
  for (const name of names) c[name] = (c[name] ?? 0) + 1;
  return c;
}

function satisfactionCounter(value: unknown): CounterName | undefined {
  if (value === 'satisfied') return 'satisfied';
  if (value === 'basic' || value === 'basically_satisfied' || value === 'basicallySatisfied') return 'basicallySatisfied';
  if (value === 'dissatisfied') return 'dissatisfied';
  return undefined;
}

/** What the event adds to which unit-day. Events that count nothing answer []. */
export function eventFigures(record: CaseFacts, event: TimelineEvent, context: EventFigureContext = {}): UnitIncrement[] {
  const date = beijingDate(new Date(event.at));
  const at = event.at;
  const extras = event as TimelineEvent & EventExtras;
  const forChain = (unit: { code: string; level: string }, c: FigureCounts, options: { skipDistrict?: boolean } = {}): UnitIncrement[] =>
    accountableUnits(record, unit)
      .filter((u) => !(options.skipDistrict && u.level === 'district'))
      .map((u) => ({ unit: u, date, counts: c }));

  switch (event.type) {
    case 'assigned':
    case 'routed_to_department': {
      const unit = event.unit ?? record.owner;
      return forChain(unit, counts(['received']), { skipDistrict: (record.returns?.length ?? 0) > 0 });
    }
    case 'triage_decided':
    case 'dispute_decided':
    case 'rerouted':
      // a person (triage, a dispute ruling) or a re-route sent it straight to a department: its arrival there
      if (event.unit?.level !== 'department') return [];
      return forChain(event.unit, counts(['received']), { skipDistrict: (record.returns?.length ?? 0) > 0 });
    case 'accepted':
      return forChain(actingUnit(record, event), counts(onTime(at, record.deadlines.acceptBy) ? ['accepted', 'acceptedOnTime'] : ['accepted'], timed('accept', record, at)));
    case 'contacted':
      if (!context.firstContact) return [];
      return forChain(actingUnit(record, event), counts(onTime(at, record.deadlines.respondBy) ? ['responded', 'respondedOnTime'] : ['responded'], timed('respond', record, at)));
    case 'resolved':
      return forChain(actingUnit(record, event), counts(onTime(at, record.deadlines.resolveBy) ? ['resolved', 'resolvedOnTime'] : ['resolved'], timed('resolve', record, at)));
    case 'returned':
      return forChain(actingUnit(record, event), counts(['returned']));
    case 'reopened':
      return forChain(record.owner, counts(['reopened']));
    case 'followed_up': {
      const satisfaction = satisfactionCounter(extras.satisfaction);
      const names: CounterName[] = ['followUps'];
      if (satisfaction) names.push(satisfaction);
      if (extras.solved === true) names.push('solved');
      return forChain(record.owner, counts(names));
    }
    case 'urged': {
      const names: CounterName[] = ['urged'];
      if (event.deadline?.stage === 'overdue') names.push('becameOverdue');
      return forChain(actingUnit(record, event), counts(names));
    }
    case 'escalated':
      return forChain(actingUnit(record, event), counts(['escalated']));
    case 'support_called': {
      const department = event.deadline?.unit ?? event.unit;
      return department ? forChain(department, counts(['supportCalls']), { skipDistrict: true }) : [];
    }
    case 'support_answered': {
      const department = event.deadline?.unit ?? (event.actor.kind === 'unit' ? { code: event.actor.unit.code, level: 'department' } : undefined);
      if (!department) return [];
      return forChain(department, counts(onTime(at, event.deadline?.dueAt) ? ['supportAnswered', 'supportAnsweredOnTime'] : ['supportAnswered']), { skipDistrict: true });
    }
    case 'extension_decided':
      return extras.approved === true || extras.decision === 'approved' ? forChain(record.owner, counts(['extensionsApproved'])) : [];
    default:
      return [];
  }
}
