// What the system is made of: its queues and its functions with their triggers and rights.
// The CDK stack and the local runtime both read this, so the two cannot drift apart.
import { DEPARTMENTS } from '../shared/domain/departments.js';

/** One dispatch queue per level of the jurisdiction tree; each has a DLQ named `<name>-dlq`. */
export const LEVEL_QUEUES = {
  district: 'district-dispatch',
  street: 'street-dispatch',
  grid: 'grid-assign',
} as const;
export type LevelQueue = keyof typeof LEVEL_QUEUES;

export function departmentQueueName(departmentCode: string): string {
  return `dept-${departmentCode}`;
}

export function dlqName(queueName: string): string {
  return `${queueName}-dlq`;
}

/** Every queue the system owns (DLQs not included). */
export function allQueueNames(): string[] {
  return [...Object.values(LEVEL_QUEUES), ...DEPARTMENTS.map((d) => departmentQueueName(d.code))];
}

/** A message that fails this many receives goes to the DLQ. */
export const MAX_RECEIVE_COUNT = 5;

export type Trigger =
  /** auth 'staff': the route needs a staff JWT (shared/security/staff-identity.ts); none: public (citizens) */
  | { kind: 'http'; method: 'GET' | 'POST' | 'PUT' | 'DELETE'; path: string; auth?: 'staff' }
  | { kind: 'sqs'; queue: LevelQueue; batchSize: number }
  | { kind: 'schedule'; everyMinutes: number };

export interface FunctionSpec {
  /** folder under functions/, and the function's logical name */
  id: string;
  description: string;
  trigger: Trigger;
  table: 'read' | 'readwrite';
  /** queues this function sends to; 'departments' means every department queue */
  sendsTo: Array<LevelQueue | 'departments'>;
  timeoutSeconds: number;
  memoryMb: number;
}

/**
 * What the routing functions may send to. Besides its own next hop, each of them finishes whatever hop a
 * case it meets has pending (shared/services/resume-pending-hop.ts): a late duplicate of a district message
 * may find the case waiting for its grid message, and must be able to send it.
 */
export const ROUTING_QUEUES: FunctionSpec['sendsTo'] = ['district', 'street', 'grid', 'departments'];

export const FUNCTIONS: FunctionSpec[] = [
  {
    id: 'intake',
    description: 'POST /cases: validate, classify, store the case and queue it for the district',
    trigger: { kind: 'http', method: 'POST', path: '/cases' },
    table: 'readwrite',
    sendsTo: ['district'],
    timeoutSeconds: 10,
    memoryMb: 512,
  },
  {
    id: 'get-case',
    description: 'GET /cases/{caseId}: the case for the holder of its tracking token',
    trigger: { kind: 'http', method: 'GET', path: '/cases/{caseId}' },
    table: 'read',
    sendsTo: [],
    timeoutSeconds: 5,
    memoryMb: 256,
  },
  {
    id: 'get-timeline',
    description: 'GET /cases/{caseId}/timeline: every event of the case, with each routing reason',
    trigger: { kind: 'http', method: 'GET', path: '/cases/{caseId}/timeline' },
    table: 'read',
    sendsTo: [],
    timeoutSeconds: 5,
    memoryMb: 256,
  },
  {
    id: 'dispatch-district',
    description: 'District hop: pick the street (or the department) and queue the case there',
    trigger: { kind: 'sqs', queue: 'district', batchSize: 10 },
    table: 'readwrite',
    sendsTo: ROUTING_QUEUES,
    timeoutSeconds: 20,
    memoryMb: 512,
  },
  {
    id: 'dispatch-street',
    description: 'Street hop: pick the community and grid and queue the case for the grid',
    trigger: { kind: 'sqs', queue: 'street', batchSize: 10 },
    table: 'readwrite',
    sendsTo: ROUTING_QUEUES,
    timeoutSeconds: 20,
    memoryMb: 512,
  },
  {
    id: 'assign-grid',
    description: 'Grid hop: record the assignment to the grid and start its clocks',
    trigger: { kind: 'sqs', queue: 'grid', batchSize: 10 },
    table: 'readwrite',
    sendsTo: ROUTING_QUEUES,
    timeoutSeconds: 20,
    memoryMb: 256,
  },
  {
    id: 'resend-stalled',
    description: 'Every minute: send again the hop message of a case stalled in transit, so a lost message costs minutes, never the case',
    trigger: { kind: 'schedule', everyMinutes: 1 },
    table: 'readwrite',
    sendsTo: ROUTING_QUEUES,
    timeoutSeconds: 60,
    memoryMb: 256,
  },
];
