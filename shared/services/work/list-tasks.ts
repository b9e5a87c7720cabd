// GET /tasks: a unit's open tasks, the nearest work deadline first, and GET /tasks/{caseId}: one of them in
// full. Staff see their own unit's list; a supervisor may also look at any unit below its own.
import { isCaseId } from '../../domain/case-id.js';
import { findDepartment } from '../../domain/departments.js';
import { huangpuTree } from '../../domain/jurisdiction/huangpu.js';
import type { SupportCallListing } from '../../adapters/dynamo/support-call-store.js';
import { WORKING_STATUSES } from '../../domain/work/task-rules.js';
import type { StaffIdentity } from '../../security/staff-identity.js';
import { caseIsWithinUnit } from '../staff-rights.js';
import { caseNotFound, refuse, type Refusal } from './run-case-action.js';
import { showsCallerInFull, taskDetail, taskLine } from './task-views.js';
import type { WorkDependencies } from './work-dependencies.js';

export const DEFAULT_TASK_LIMIT = 50;
export const MAX_TASK_LIMIT = 200;

/** Whether the staff member may see the work list of `unitCode`: its own, or (a supervisor) one below its unit. */
export function maySeeUnit(staff: StaffIdentity, unitCode: string): boolean {
  if (unitCode === staff.unit.code) return true;
  if (staff.role !== 'supervisor' || staff.unit.level === 'department') return false;
  if (staff.unit.level === 'district' && findDepartment(unitCode)) return true;
  return huangpuTree.path(unitCode).some((node) => node.code === staff.unit.code);
}

export interface WorkList {
  unit: string;
  /** the cases the unit holds */
  tasks: ReturnType<typeof taskLine>[];
  /** for a department: the calls for support (呼) it must answer, the nearest answer deadline first */
  supportCalls: Array<SupportCallListing & { overdue: boolean }>;
}

export async function listTasks(deps: WorkDependencies, staff: StaffIdentity, unitCode: string | undefined, limit = DEFAULT_TASK_LIMIT): Promise<WorkList | Refusal> {
  const unit = unitCode ?? staff.unit.code;
  if (!maySeeUnit(staff, unit)) return refuse(403, 'not_your_unit', `you may see the tasks of ${staff.unit.code}${staff.role === 'supervisor' ? ' and of the units below it' : ''}`);
  const now = deps.now();
  const bounded = Math.min(Math.max(1, limit), MAX_TASK_LIMIT);
  const [cases, calls] = await Promise.all([
    deps.work.workListOf(unit, WORKING_STATUSES, bounded),
    findDepartment(unit) ? deps.supportCalls.openCallsOf(unit, bounded) : Promise.resolve([]),
  ]);
  return {
    unit,
    tasks: cases.map((record) => taskLine(record, now)),
    supportCalls: calls.map((call) => ({ ...call, overdue: Date.parse(call.answerBy) < now.getTime() })),
  };
}

export async function readTask(deps: WorkDependencies, staff: StaffIdentity, caseId: string): Promise<ReturnType<typeof taskDetail> | Refusal> {
  const record = isCaseId(caseId) ? await deps.work.get(caseId) : undefined;
  // a department called for support reads the case it was called to
  const called = record?.supportCalls?.[staff.unit.code] !== undefined && staff.unit.level === 'department';
  if (!record || !(caseIsWithinUnit(staff, record) || called || staff.role === 'agent')) return caseNotFound();
  const events = await deps.cases.timeline(caseId, record.lastEvent);
  return taskDetail(record, events, deps.now(), showsCallerInFull(record, staff));
}
