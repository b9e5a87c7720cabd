// Turns a case's request type, urgency (and category and units, for overrides) and a start instant into its
// deadlines (Deadlines in case.ts), on the working-day calendar of calendar.ts and the policy of policy.ts.
import type { CaseRecord } from '../case-record.js';
import type { Deadlines, RequestType, Urgency } from '../case.js';
import { addCalendarHours, addWorkingDays, addWorkingHours } from './calendar.js';
import { DEFAULT_POLICY, resolveRule, type DeadlinePolicy, type DeadlineRule, type Duration } from './policy.js';

export interface DeadlineInput {
  requestType: RequestType;
  urgency: Urgency;
  /** when the clock starts: intake (受理), or the moment a unit receives the case */
  from: Date;
  /** the category code, for category overrides */
  category?: string;
  /** the units concerned (owner, the units above it, the department), for unit overrides */
  unitCodes?: readonly string[];
}

/** `from` plus a policy duration. */
export function addDuration(from: Date, duration: Duration): Date {
  switch (duration.unit) {
    case 'calendar-hours':
      return addCalendarHours(from, duration.amount);
    case 'working-hours':
      return addWorkingHours(from, duration.amount);
    case 'working-days':
      return addWorkingDays(from, duration.amount);
  }
}

/** The rule that applies to a deadline input, overrides included. */
export function ruleForInput(input: Omit<DeadlineInput, 'from'>, policy: DeadlinePolicy = DEFAULT_POLICY): DeadlineRule {
  return resolveRule(policy, {
    requestType: input.requestType,
    urgency: input.urgency,
    ...(input.category ? { category: input.category } : {}),
    ...(input.unitCodes ? { unitCodes: input.unitCodes } : {}),
  });
}

/**
 * The accept / respond / resolve deadlines as ISO-8601 UTC strings. Each deadline is at least the one before it
 * (a custom policy cannot make a case due to be resolved before it is due to be accepted).
 */
export function computeDeadlines(input: DeadlineInput, policy: DeadlinePolicy = DEFAULT_POLICY): Deadlines {
  const rule = ruleForInput(input, policy);
  const acceptBy = addDuration(input.from, rule.accept);
  const respondBy = new Date(Math.max(acceptBy.getTime(), addDuration(input.from, rule.respond).getTime()));
  const resolveBy = new Date(Math.max(respondBy.getTime(), addDuration(input.from, rule.resolve).getTime()));
  return {
    acceptBy: acceptBy.toISOString(),
    respondBy: respondBy.toISOString(),
    resolveBy: resolveBy.toISOString(),
  };
}

type CaseFacts = Pick<CaseRecord, 'classification' | 'owner' | 'jurisdiction'>;

/** The unit codes a case's overrides look at: its owner, the jurisdiction above it, its department. */
export function unitCodesOf(record: CaseFacts): string[] {
  const { district, street, community, grid } = record.jurisdiction;
  const codes = [record.owner.code, ...[grid, community, street, district].filter((u) => u !== null).map((u) => u.code), record.classification.department.code];
  return [...new Set(codes)];
}

/** The input for a case's clocks started at `from` (e.g. when a unit receives it). */
export function deadlineInputOf(record: CaseFacts, from: Date): DeadlineInput {
  const c = record.classification;
  return { requestType: c.requestType, urgency: c.urgency, category: c.category.code, unitCodes: unitCodesOf(record), from };
}

/** The rule that applies to a case now (its category and the units it is with). */
export function ruleOfCase(record: CaseFacts, policy: DeadlinePolicy = DEFAULT_POLICY): DeadlineRule {
  return ruleForInput(deadlineInputOf(record, new Date(0)), policy);
}

/**
 * The deadlines a case gets when a unit receives it (grid assignment, routing to a department, a re-dispatch
 * after a return): every clock restarts for the receiving unit.
 */
export function deadlinesOnArrival(record: CaseFacts, at: Date, policy: DeadlinePolicy = DEFAULT_POLICY): Deadlines {
  return computeDeadlines(deadlineInputOf(record, at), policy);
}

/**
 * The deadlines after a reopen (重办, a dissatisfied follow-up): accept stays met; respond and resolve restart
 * from the reopen, by the same rule.
 */
export function deadlinesOnReopen(record: CaseFacts & Pick<CaseRecord, 'deadlines'>, at: Date, policy: DeadlinePolicy = DEFAULT_POLICY): Deadlines {
  const fresh = computeDeadlines(deadlineInputOf(record, at), policy);
  return { acceptBy: record.deadlines.acceptBy, respondBy: fresh.respondBy, resolveBy: fresh.resolveBy };
}

/** When a department must answer a call for support (呼) made at `at`; `departmentCode` picks unit overrides. */
export function supportAnswerDeadline(record: CaseFacts, departmentCode: string, at: Date, policy: DeadlinePolicy = DEFAULT_POLICY): string {
  const input = deadlineInputOf(record, at);
  const rule = ruleForInput({ ...input, unitCodes: [departmentCode] }, policy);
  return addDuration(at, rule.supportAnswer).toISOString();
}
