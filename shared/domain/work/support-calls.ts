// Calls for support (呼 / 吹哨) and their answers (应 / 报到): who may call, and what a department's answer
// needs. The answer deadline comes from the deadline policy (supportAnswer clock, deadlines/policy.ts).
import type { CaseOwner } from '../case-record.js';
import type { WorkedCase } from './case-work.js';

/** The units that call departments: the grid worker, the community and the street (有呼必应). */
export const CALLING_LEVELS: readonly CaseOwner['level'][] = ['grid', 'community', 'street'];

export function mayCallForSupport(owner: CaseOwner): boolean {
  return CALLING_LEVELS.includes(owner.level);
}

/** The departments among `codes` that have no open call on the case yet. */
export function departmentsToCall(record: WorkedCase, codes: readonly string[]): string[] {
  return codes.filter((code) => record.supportCalls?.[code]?.status !== 'open');
}
