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

/** The tag each queue carries on AWS: its name here (a DLQ: `<name>-dlq`), since CloudFormation names the
 * queues itself. `npm run dlq:redrive` finds queues by it. */
export const QUEUE_NAME_TAG = 'hotline12345:queue';

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
  // The working half (issue 6): the task API of the units, calls for support, follow-up, merging, Open311.
  {
    id: 'list-tasks',
    description: 'GET /tasks: a unit’s open tasks (and a department’s calls for support), the nearest deadline first',
    trigger: { kind: 'http', method: 'GET', path: '/tasks', auth: 'staff' },
    table: 'read',
    sendsTo: [],
    timeoutSeconds: 10,
    memoryMb: 256,
  },
  {
    id: 'get-task',
    description: 'GET /tasks/{caseId}: one case in full for staff who may see it, with its timeline',
    trigger: { kind: 'http', method: 'GET', path: '/tasks/{caseId}', auth: 'staff' },
    table: 'read',
    sendsTo: [],
    timeoutSeconds: 10,
    memoryMb: 256,
  },
  {
    id: 'correct-classification',
    description: 'POST /cases/{caseId}/classification: district staff correct the classification (kept as training data)',
    trigger: { kind: 'http', method: 'POST', path: '/cases/{caseId}/classification', auth: 'staff' },
    table: 'readwrite',
    sendsTo: [],
    timeoutSeconds: 10,
    memoryMb: 256,
  },
  {
    id: 'task-action',
    description: 'POST /tasks/{caseId}/{action}: accept, contact, notes, resolve, return, extension, support-calls',
    trigger: { kind: 'http', method: 'POST', path: '/tasks/{caseId}/{action}', auth: 'staff' },
    table: 'readwrite',
    // return: the district dispatcher routes the case again; support-calls: the departments called
    sendsTo: ['district', 'departments'],
    timeoutSeconds: 15,
    memoryMb: 256,
  },
  {
    id: 'decide-extension',
    description: 'POST /cases/{caseId}/extension/decision: a supervisor approves or refuses an extension',
    trigger: { kind: 'http', method: 'POST', path: '/cases/{caseId}/extension/decision', auth: 'staff' },
    table: 'readwrite',
    sendsTo: [],
    timeoutSeconds: 10,
    memoryMb: 256,
  },
  {
    id: 'answer-support-call',
    description: 'POST /support-calls/{caseId}/{departmentCode}/answer: a department answers a call for support',
    trigger: { kind: 'http', method: 'POST', path: '/support-calls/{caseId}/{departmentCode}/answer', auth: 'staff' },
    table: 'readwrite',
    sendsTo: [],
    timeoutSeconds: 10,
    memoryMb: 256,
  },
  {
    id: 'follow-up',
    description: 'POST /cases/{caseId}/follow-up: the caller’s follow-up with their tracking token',
    trigger: { kind: 'http', method: 'POST', path: '/cases/{caseId}/follow-up' },
    table: 'readwrite',
    sendsTo: [],
    timeoutSeconds: 10,
    memoryMb: 256,
  },
  {
    id: 'follow-up-by-agent',
    description: 'POST /cases/{caseId}/follow-up/by-agent: a call-centre agent records a follow-up call',
    trigger: { kind: 'http', method: 'POST', path: '/cases/{caseId}/follow-up/by-agent', auth: 'staff' },
    table: 'readwrite',
    sendsTo: [],
    timeoutSeconds: 10,
    memoryMb: 256,
  },
  {
    id: 'merge-case',
    description: 'POST /cases/{caseId}/merge: merge a repeated request into the open case that carries it',
    trigger: { kind: 'http', method: 'POST', path: '/cases/{caseId}/merge', auth: 'staff' },
    table: 'readwrite',
    sendsTo: [],
    timeoutSeconds: 10,
    memoryMb: 256,
  },
  {
    id: 'open311-read',
    description: 'GET /open311/v2/{document}: GeoReport v2 services.json|xml (public) and requests.json|xml (api_key)',
    trigger: { kind: 'http', method: 'GET', path: '/open311/v2/{document}' },
    table: 'read',
    sendsTo: [],
    timeoutSeconds: 20,
    memoryMb: 512,
  },
  {
    id: 'open311-service',
    description: 'GET /open311/v2/services/{document}: a GeoReport v2 service definition',
    trigger: { kind: 'http', method: 'GET', path: '/open311/v2/services/{document}' },
    table: 'read',
    sendsTo: [],
    timeoutSeconds: 5,
    memoryMb: 256,
  },
  {
    id: 'open311-request',
    description: 'GET /open311/v2/requests/{document}: one GeoReport v2 service request (api_key)',
    trigger: { kind: 'http', method: 'GET', path: '/open311/v2/requests/{document}' },
    table: 'read',
    sendsTo: [],
    timeoutSeconds: 5,
    memoryMb: 256,
  },
  {
    id: 'open311-post',
    description: 'POST /open311/v2/{document}: create a GeoReport v2 service request (form-encoded, api_key)',
    trigger: { kind: 'http', method: 'POST', path: '/open311/v2/{document}' },
    table: 'readwrite',
    sendsTo: ['district'],
    timeoutSeconds: 10,
    memoryMb: 512,
  },
  {
    id: 'find-duplicates',
    description: 'Every minute: propose repeated requests as duplicates of open cases and raise hot-spot alerts',
    trigger: { kind: 'schedule', everyMinutes: 1 },
    table: 'readwrite',
    sendsTo: [],
    timeoutSeconds: 60,
    memoryMb: 512,
  },
  {
    id: 'hotspot-alerts',
    description: 'GET /alerts/hotspots: hot-spot alerts of a street or of the district, for its supervisors',
    trigger: { kind: 'http', method: 'GET', path: '/alerts/hotspots', auth: 'staff' },
    table: 'read',
    sendsTo: [],
    timeoutSeconds: 10,
    memoryMb: 256,
  },
  // deadlines, escalation and the supervisors' figures (docs/architecture.md, "Deadlines and figures")
  {
    id: 'sweep-overdue',
    description: 'Every minute: urge units whose deadlines are near or passed and escalate overdue cases one level up, each step once',
    trigger: { kind: 'schedule', everyMinutes: 1 },
    table: 'readwrite',
    sendsTo: ['departments'],
    timeoutSeconds: 60,
    memoryMb: 256,
  },
  {
    id: 'pause-case',
    description: 'POST /tasks/{caseId}/pause: stop the clocks while the unit waits for the caller',
    trigger: { kind: 'http', method: 'POST', path: '/tasks/{caseId}/pause', auth: 'staff' },
    table: 'readwrite',
    sendsTo: [],
    timeoutSeconds: 10,
    memoryMb: 256,
  },
  {
    id: 'resume-case',
    description: 'POST /tasks/{caseId}/resume: restart the clocks; the deadlines move by the paused working time',
    trigger: { kind: 'http', method: 'POST', path: '/tasks/{caseId}/resume', auth: 'staff' },
    table: 'readwrite',
    sendsTo: [],
    timeoutSeconds: 10,
    memoryMb: 256,
  },
  {
    id: 'sla-summary',
    description: 'GET /sla/summary: figures per unit of a level over a date range (supervisors)',
    trigger: { kind: 'http', method: 'GET', path: '/sla/summary', auth: 'staff' },
    table: 'read',
    sendsTo: [],
    timeoutSeconds: 10,
    memoryMb: 256,
  },
  {
    id: 'sla-unit',
    description: "GET /sla/units/{code}: one unit's figures day by day (supervisors)",
    trigger: { kind: 'http', method: 'GET', path: '/sla/units/{code}', auth: 'staff' },
    table: 'read',
    sendsTo: [],
    timeoutSeconds: 10,
    memoryMb: 256,
  },
  {
    id: 'sla-overdue',
    description: "GET /sla/overdue: a unit's cases past a deadline now (supervisors)",
    trigger: { kind: 'http', method: 'GET', path: '/sla/overdue', auth: 'staff' },
    table: 'read',
    sendsTo: [],
    timeoutSeconds: 10,
    memoryMb: 256,
  },
  {
    id: 'sla-ranking',
    description: 'GET /sla/ranking: the monthly ranking of the units of a level (supervisors)',
    trigger: { kind: 'http', method: 'GET', path: '/sla/ranking', auth: 'staff' },
    table: 'read',
    sendsTo: [],
    timeoutSeconds: 10,
    memoryMb: 256,
  },
  {
    id: 'sla-case',
    description: 'GET /sla/cases/{caseId}: a case and its timeline for a supervisor of its unit',
    trigger: { kind: 'http', method: 'GET', path: '/sla/cases/{caseId}', auth: 'staff' },
    table: 'read',
    sendsTo: [],
    timeoutSeconds: 10,
    memoryMb: 256,
  },
  // ---- routing decisions by a person (triage, disputes) --------------------------------------------------
  {
    id: 'triage-list',
    description: 'GET /triage?level=district|street&unit=<code>: the cases waiting for a person to decide their street or community (and the district\'s disputes)',
    trigger: { kind: 'http', method: 'GET', path: '/triage', auth: 'staff' },
    table: 'read',
    sendsTo: [],
    timeoutSeconds: 10,
    memoryMb: 256,
  },
  {
    id: 'triage-street',
    description: 'POST /triage/{caseId}/street: district triage picks the street (or department) and the case goes on',
    trigger: { kind: 'http', method: 'POST', path: '/triage/{caseId}/street', auth: 'staff' },
    table: 'readwrite',
    sendsTo: ROUTING_QUEUES,
    timeoutSeconds: 10,
    memoryMb: 512,
  },
  {
    id: 'triage-community',
    description: 'POST /triage/{caseId}/community: street triage picks the community (and grid) and the case goes on',
    trigger: { kind: 'http', method: 'POST', path: '/triage/{caseId}/community', auth: 'staff' },
    table: 'readwrite',
    sendsTo: ROUTING_QUEUES,
    timeoutSeconds: 10,
    memoryMb: 512,
  },
  {
    id: 'dispute-decision',
    description: 'POST /disputes/{caseId}/decision: a district supervisor rules which street or department handles a case returned twice',
    trigger: { kind: 'http', method: 'POST', path: '/disputes/{caseId}/decision', auth: 'staff' },
    table: 'readwrite',
    sendsTo: ROUTING_QUEUES,
    timeoutSeconds: 10,
    memoryMb: 512,
  },
  {
    id: 'expire-personal-data',
    description: 'Every 30 minutes: remove the personal data of cases past their retention period, keeping their anonymous facts and figures',
    trigger: { kind: 'schedule', everyMinutes: 30 },
    table: 'readwrite',
    sendsTo: [],
    timeoutSeconds: 300,
    memoryMb: 256,
  },
  {
    id: 'dashboard',
    description: "GET /dashboard: the supervisors' dashboard page (on AWS: a redirect to its CloudFront copy)",
    trigger: { kind: 'http', method: 'GET', path: '/dashboard' },
    table: 'read',
    sendsTo: [],
    timeoutSeconds: 5,
    memoryMb: 256,
  },
  {
    id: 'dashboard-asset',
    description: "GET /dashboard/{file}: the dashboard's script, styles and ECharts",
    trigger: { kind: 'http', method: 'GET', path: '/dashboard/{file}' },
    table: 'read',
    sendsTo: [],
    timeoutSeconds: 5,
    memoryMb: 256,
  },
];
