// The default deadline policy (时限标准), as data: how long a unit has to accept (签收), respond to the caller
// (响应 / 联系诉求人) and resolve (办结) a case, per request type (诉求类型), with one stricter rule for urgent cases.
// Units: see calendar.ts — working hours run 08:30–12:00 and 14:00–17:30 on working days; a working-day deadline
// is the end (24:00 Beijing) of the n-th working day after intake; calendar hours run around the clock.
import type { RequestType, Urgency } from '../case.js';

export type DurationUnit = 'calendar-hours' | 'working-hours' | 'working-days';

export interface Duration {
  unit: DurationUnit;
  amount: number;
}

/** The three clocks of a case. */
export interface DeadlineRule {
  /** 签收: the receiving unit acknowledges the case */
  accept: Duration;
  /** 响应: first contact with the caller */
  respond: Duration;
  /** 办结: the unit finishes and records its answer */
  resolve: Duration;
}

export interface DeadlinePolicy {
  /** Any urgent case, whatever its request type. */
  urgent: DeadlineRule;
  /** Normal cases, by request type. */
  normal: Record<RequestType, DeadlineRule>;
}

export const calendarHours = (amount: number): Duration => ({ unit: 'calendar-hours', amount });
export const workingHours = (amount: number): Duration => ({ unit: 'working-hours', amount });
export const workingDays = (amount: number): Duration => ({ unit: 'working-days', amount });

export const DEFAULT_POLICY: DeadlinePolicy = {
  // 紧急: life and property at risk (gas, fire, collapse …): the clock never stops for nights or holidays.
  urgent: {
    accept: calendarHours(0.5), // 30 minutes to acknowledge
    respond: calendarHours(1), // someone calls the caller (or is on site) within the hour
    resolve: calendarHours(24), // made safe and closed within a day
  },
  normal: {
    // 咨询: an answer is all that is asked, so respond and resolve are the same day.
    consultation: {
      accept: workingHours(2), // 2 office hours to acknowledge
      respond: workingDays(1), // answer the caller by the end of the next working day
      resolve: workingDays(1), // the answer closes the case
    },
    // 求助: a problem someone needs fixed.
    help: {
      accept: workingHours(4), // half a working day to acknowledge
      respond: workingDays(1), // contact the caller by the end of the next working day
      resolve: workingDays(3), // 3 working days to fix it
    },
    // 投诉: something went wrong and the caller is unhappy; needs checking on site.
    complaint: {
      accept: workingHours(4), // half a working day to acknowledge
      respond: workingDays(1), // contact the caller by the end of the next working day
      resolve: workingDays(5), // 5 working days: inspect, act, reply
    },
    // 举报: a reported violation; an investigation and possibly enforcement.
    report: {
      accept: workingHours(4), // half a working day to acknowledge
      respond: workingDays(2), // 2 working days to contact the reporter
      resolve: workingDays(15), // 15 working days: investigate and decide
    },
    // 建议: a proposal to study; nothing is broken.
    suggestion: {
      accept: workingDays(1), // acknowledge within a working day
      respond: workingDays(2), // thank and contact the caller within 2 working days
      resolve: workingDays(15), // 15 working days to study and reply
    },
    // 表扬: pass the praise on and thank the caller.
    praise: {
      accept: workingDays(1), // acknowledge within a working day
      respond: workingDays(1), // thank the caller within a working day
      resolve: workingDays(3), // record and pass on to the praised unit within 3 working days
    },
  },
};

/** The rule that applies to a case: the urgent rule for an urgent case, else the one of its request type. */
export function ruleFor(policy: DeadlinePolicy, requestType: RequestType, urgency: Urgency): DeadlineRule {
  return urgency === 'urgent' ? policy.urgent : policy.normal[requestType];
}
