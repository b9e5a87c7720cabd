// The checks every task action makes before it writes: may this staff member act on this case, and does
// the case's status allow the action.
import { CASE_STATUS_NAMES } from '../../domain/case-status.js';
import type { WorkedCase } from '../../domain/work/case-work.js';
import { ACTION_STATUSES, type TaskAction } from '../../domain/work/task-rules.js';
import type { StaffIdentity } from '../../security/staff-identity.js';
import { caseIsWithinUnit, mayActOnCase } from '../staff-rights.js';
import { caseNotFound, refuse, type Refusal } from './run-case-action.js';

/** A case outside the staff member's unit reads as not found; inside it but held by another unit, 403. */
export function staffMayWork(staff: StaffIdentity, record: WorkedCase): Refusal | undefined {
  if (!caseIsWithinUnit(staff, record)) return caseNotFound();
  if (!mayActOnCase(staff, record)) {
    return refuse(403, 'not_your_task', `the case is held by ${record.owner.name} (${record.owner.code}); only that unit, or a supervisor above it, may act on it`);
  }
  return undefined;
}

export function statusAllows(action: TaskAction, record: WorkedCase): Refusal | undefined {
  if (ACTION_STATUSES[action].includes(record.status)) return undefined;
  return refuse(409, 'invalid_state', `cannot ${action} a case that is ${record.status} (${CASE_STATUS_NAMES[record.status]}); allowed in: ${ACTION_STATUSES[action].join(', ')}`);
}
