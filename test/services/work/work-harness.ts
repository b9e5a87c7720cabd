// The service harness with the case-work repository, and a case moved to its grid or department.
import { CaseWorkRepository } from '../../../shared/adapters/dynamo/case-work-repository.js';
import { SupportCallStore } from '../../../shared/adapters/dynamo/support-call-store.js';
import type { IntakeRequest } from '../../../shared/domain/intake-request.js';
import type { StaffIdentity, StaffRole } from '../../../shared/security/staff-identity.js';
import { intakeCase } from '../../../shared/services/intake-case.js';
import type { WorkDependencies } from '../../../shared/services/work/work-dependencies.js';
import { startHarness, type Harness } from '../../support/service-harness.js';
import { routeByHand } from './route-by-hand.js';
import type { RecordingQueues } from '../../support/recording-queues.js';

export interface WorkHarness extends Harness {
  work: WorkDependencies & { queues: RecordingQueues };
}

export async function startWorkHarness(): Promise<WorkHarness> {
  const h = await startHarness();
  const work = { ...h.deps, work: new CaseWorkRepository(h.db, h.tableName, h.deps.cases), supportCalls: new SupportCallStore(h.db, h.tableName) };
  return { ...h, work };
}

export const GRID_REQUEST: IntakeRequest = {
  channel: 'phone',
  content: '黄埔区大沙街道丰乐北路 小区门口垃圾三天没人清运，联系我13800138000',
  caller: { name: '李先生', phone: '13800138000' },
  address: '黄埔区大沙街道丰乐北路',
};

/** A request the classifier sends straight to a department (社保 → 人社). */
export const DEPARTMENT_REQUEST: IntakeRequest = {
  channel: 'phone',
  content: '咨询一下社保缴费基数怎么调整，单位一直没有给我交社保',
  caller: { name: '王女士', phone: '13900139000' },
};

export { COMMUNITY, DISTRICT, GRID, STREET } from './route-by-hand.js';

/** A case taken in by intake and moved by hand to its grid or department (route-by-hand.ts). */
export async function caseAtItsUnit(h: WorkHarness, request: IntakeRequest = GRID_REQUEST): Promise<{ caseId: string; token: string }> {
  const outcome = await intakeCase(h.work, request);
  if (outcome.kind === 'key_reused') throw new Error('unexpected key reuse');
  const { caseId } = outcome;
  // the intake's message for the district is not what these tests look at
  h.work.queues.district = h.work.queues.district.filter((m) => m.caseId !== caseId);
  await routeByHand(h.work.cases, caseId, h.work.now().toISOString());
  return { caseId, token: outcome.trackingToken };
}

export function staff(unitCode: string, level: StaffIdentity['unit']['level'], role: StaffRole = 'handler', staffId = `${role}-${unitCode}`): StaffIdentity {
  return { staffId, role, unit: { code: unitCode, level } };
}
