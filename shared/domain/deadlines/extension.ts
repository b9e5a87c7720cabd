// Extensions (延期): a unit that cannot resolve a case in time asks for more working days; a supervisor
// approves or refuses. Approval moves the resolve deadline (办结时限) on China's working-day calendar.
//
// Rules (docs/api.md, "延期"):
// - 1 to MAX_EXTENSION_DAYS working days per request, a whole number;
// - at most MAX_APPROVED_EXTENSIONS approved extensions per case, and one request pending at a time;
// - asked before the resolve deadline has passed (a case already overdue is urged, not extended);
// - the new deadline is the end (24:00 Beijing) of the n-th working day after the day of the current
//   deadline (the calendar's addWorkingDays convention), so a 3-day extension of a deadline that falls on a
//   Friday ends on the Wednesday after, and holidays (放假) do not count while adjusted workdays (调休) do.
import type { Deadlines } from '../case.js';
import { addWorkingDays } from './calendar.js';

export const MAX_EXTENSION_DAYS = 15;
export const MAX_APPROVED_EXTENSIONS = 2;

export type ExtensionProblem =
  | { code: 'bad_days'; message: string }
  | { code: 'extension_pending'; message: string }
  | { code: 'extension_limit'; message: string }
  | { code: 'deadline_passed'; message: string };

export interface ExtensionHistory {
  /** requests still waiting for a decision */
  pending: number;
  /** requests approved so far */
  approved: number;
}

/** Why a new request may not be made now, or undefined if it may. */
export function extensionProblem(days: number, history: ExtensionHistory, resolveBy: string, now: Date): ExtensionProblem | undefined {
  if (!Number.isInteger(days) || days < 1 || days > MAX_EXTENSION_DAYS) {
    return { code: 'bad_days', message: `workingDays must be a whole number from 1 to ${MAX_EXTENSION_DAYS}` };
  }
  if (history.pending > 0) return { code: 'extension_pending', message: 'an extension request is already waiting for a decision' };
  if (history.approved >= MAX_APPROVED_EXTENSIONS) {
    return { code: 'extension_limit', message: `a case may be extended at most ${MAX_APPROVED_EXTENSIONS} times` };
  }
  if (now.getTime() > Date.parse(resolveBy)) return { code: 'deadline_passed', message: 'the resolve deadline has passed: an overdue case is urged, not extended' };
  return undefined;
}

/** The deadlines after an approved extension of `days` working days: only resolveBy moves. */
export function extendDeadlines(deadlines: Deadlines, days: number): Deadlines {
  if (!Number.isInteger(days) || days < 1) throw new Error(`an extension is a whole number of working days >= 1, got ${days}`);
  return { ...deadlines, resolveBy: addWorkingDays(new Date(deadlines.resolveBy), days).toISOString() };
}
