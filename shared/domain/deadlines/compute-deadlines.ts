// Turns a case's request type, urgency and start instant into its three deadlines (Deadlines in case.ts),
// on the working-day calendar of calendar.ts and the policy of policy.ts.
import type { Deadlines, RequestType, Urgency } from '../case.js';
import { addCalendarHours, addWorkingDays, addWorkingHours } from './calendar.js';
import { DEFAULT_POLICY, ruleFor, type DeadlinePolicy, type Duration } from './policy.js';

export interface DeadlineInput {
  requestType: RequestType;
  urgency: Urgency;
  /** when the clock starts: usually intake (受理) */
  from: Date;
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

/**
 * The accept / respond / resolve deadlines as ISO-8601 UTC strings. Each deadline is at least the one before it
 * (a custom policy cannot make a case due to be resolved before it is due to be accepted).
 */
export function computeDeadlines(input: DeadlineInput, policy: DeadlinePolicy = DEFAULT_POLICY): Deadlines {
  const rule = ruleFor(policy, input.requestType, input.urgency);
  const acceptBy = addDuration(input.from, rule.accept);
  const respondBy = new Date(Math.max(acceptBy.getTime(), addDuration(input.from, rule.respond).getTime()));
  const resolveBy = new Date(Math.max(respondBy.getTime(), addDuration(input.from, rule.resolve).getTime()));
  return {
    acceptBy: acceptBy.toISOString(),
    respondBy: respondBy.toISOString(),
    resolveBy: resolveBy.toISOString(),
  };
}
