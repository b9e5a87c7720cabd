// Cases put straight into the store at a chosen step of their life, for the deadlines-and-figures tests
// (so they do not depend on the routing pipeline): a grid's case in 黄埔街道, or a department's case.
import { CaseWorkRepository } from '../../../shared/adapters/dynamo/case-work-repository.js';
import type { CaseRecord } from '../../../shared/domain/case-record.js';
import type { CaseStatus } from '../../../shared/domain/case-status.js';
import { deadlinesOnArrival } from '../../../shared/domain/deadlines/compute-deadlines.js';
import type { TimelineEvent } from '../../../shared/domain/timeline.js';
import type { WorkedCase } from '../../../shared/domain/work/case-work.js';
import type { SweepDependencies } from '../../../shared/services/sla/sweep-overdue.js';
import type { Harness } from '../../support/service-harness.js';

export const DISTRICT = { code: '440112', name: '黄埔区' };
export const STREET = { code: '440112001', name: '黄埔街道' };
export const COMMUNITY = { code: '440112001001', name: '港湾社区' };
export const GRID = { code: '440112001001-01', name: '港湾社区第一网格' };
export const DEPARTMENT = { code: 'urban-management', name: '区城市管理和综合执法局' };

let counter = 0;

export interface CaseOptions {
  status?: CaseStatus;
  /** Beijing wall-clock time the case reached its unit, e.g. '2026-11-23T09:00' */
  arrivedAt: string;
  owner?: 'grid' | 'department';
  requestType?: CaseRecord['classification']['requestType'];
  urgency?: CaseRecord['classification']['urgency'];
  extra?: Partial<WorkedCase>;
}

export const bj = (local: string) => new Date(`${local}+08:00`);

/** A case as it is right after it reached its unit (status assigned / dispatched_to_department), stored with its events. */
export function caseRecord(options: CaseOptions): WorkedCase {
  const at = bj(options.arrivedAt).toISOString();
  const isDept = options.owner === 'department';
  const owner = isDept ? { ...DEPARTMENT, level: 'department' as const } : { ...GRID, level: 'grid' as const };
  const caseId = `HP-20261123-${String(900000 + ++counter).padStart(6, '0')}`;
  const base = {
    caseId,
    status: options.status ?? (isDept ? 'dispatched_to_department' : 'assigned'),
    version: 3,
    channel: 'phone',
    content: '小区门口垃圾三天没人清运',
    classification: {
      category: { code: 'urban-management/sanitation', path: ['城市管理', '市容环境卫生'] },
      requestType: options.requestType ?? 'complaint',
      urgency: options.urgency ?? 'normal',
      department: DEPARTMENT,
      routeTo: isDept ? 'department' : 'grid',
      confidence: 0.9,
      reason: 'test',
    },
    jurisdiction: isDept ? { district: DISTRICT, street: null, community: null, grid: null } : { district: DISTRICT, street: STREET, community: COMMUNITY, grid: GRID },
    owner,
    trackingTokenHash: 'x',
    createdAt: at,
    updatedAt: at,
  } as unknown as CaseRecord;
  const deadlines = deadlinesOnArrival(base, new Date(at));
  const lastEvent: TimelineEvent = {
    seq: 3,
    type: isDept ? 'routed_to_department' : 'assigned',
    at,
    actor: { kind: 'system', id: 'test' },
    status: base.status,
    unit: owner,
  };
  return { ...base, deadlines, lastEvent, ...options.extra } as WorkedCase;
}

export async function storeCase(h: Harness, record: WorkedCase): Promise<WorkedCase> {
  const events: TimelineEvent[] = [
    { seq: 1, type: 'received', at: record.createdAt, actor: { kind: 'system', id: 'test' }, status: 'received' },
    { seq: 2, type: 'classified', at: record.createdAt, actor: { kind: 'system', id: 'test' }, status: 'received' },
    record.lastEvent,
  ];
  if (!(await h.deps.cases.create(record, events))) throw new Error('case exists');
  return record;
}

export function sweepDeps(h: Harness): SweepDependencies & { work: CaseWorkRepository } {
  return { ...h.deps, work: new CaseWorkRepository(h.db, h.tableName, h.deps.cases) };
}
