// Each routing function may be handed a late message for a case whose pending hop is any hop at all, and
// must be able to finish it. On AWS a function has the URL (and the IAM right) of exactly the queues in its
// `sendsTo`; locally every URL is in one process, so this test gives each function only its own.
import type { SQSClient } from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { QueuePublisher, type QueueUrls } from '../../shared/adapters/sqs/queue-publisher.js';
import type { CaseRecord } from '../../shared/domain/case-record.js';
import { CASE_STATUSES } from '../../shared/domain/case-status.js';
import { DEPARTMENTS } from '../../shared/domain/departments.js';
import { resumePendingHop } from '../../shared/services/resume-pending-hop.js';
import { FUNCTIONS, type FunctionSpec } from '../../infra/topology.js';

/** The functions whose services call resumePendingHop (a message that comes after its hop was taken). */
const RESUMING = ['dispatch-district', 'dispatch-street', 'assign-grid', 'resend-stalled'];

function urlsFor(spec: FunctionSpec): QueueUrls {
  const has = (q: FunctionSpec['sendsTo'][number]) => spec.sendsTo.includes(q);
  return {
    district: has('district') ? 'https://sqs/district-dispatch' : '',
    street: has('street') ? 'https://sqs/street-dispatch' : '',
    grid: has('grid') ? 'https://sqs/grid-assign' : '',
    departments: has('departments') ? Object.fromEntries(DEPARTMENTS.map((d) => [d.code, `https://sqs/dept-${d.code}`])) : {},
  };
}

const caseAt = (status: CaseRecord['status']): CaseRecord =>
  ({
    caseId: 'HP-20261123-000001',
    status,
    version: 3,
    channel: 'phone',
    content: '垃圾没人清运',
    classification: { category: { code: 'urban-management/sanitation', path: ['城市管理', '市容环境卫生'] }, requestType: 'complaint', urgency: 'normal', department: { code: 'urban-management', name: '区城市管理和综合执法局' }, routeTo: 'grid', confidence: 0.9, reason: '' },
    jurisdiction: { district: { code: '440112', name: '黄埔区' }, street: { code: '440112005', name: '大沙街道' }, community: { code: '440112005001', name: '大沙东社区' }, grid: { code: '440112005001-01', name: '大沙东社区第一网格' } },
    owner: { level: 'grid', code: '440112005001-01', name: '大沙东社区第一网格' },
    deadlines: { acceptBy: '2026-11-24T06:30:00.000Z', respondBy: '2026-11-25T15:59:59.999Z', resolveBy: '2026-11-30T15:59:59.999Z' },
    trackingTokenHash: '0'.repeat(64),
    createdAt: '2026-11-23T02:00:00.000Z',
    updatedAt: '2026-11-23T02:00:00.000Z',
    lastEvent: { seq: 3, type: 'routed_to_street', at: '2026-11-23T02:00:00.000Z', actor: { kind: 'system', id: 'test' }, status },
  }) as CaseRecord;

describe('routing functions can finish any pending hop with only their own queues', () => {
  for (const id of RESUMING) {
    it(id, async () => {
      const spec = FUNCTIONS.find((f) => f.id === id);
      expect(spec, `${id} is in the topology`).toBeDefined();
      const sent: string[] = [];
      const client = { send: async (command: { input: { QueueUrl: string } }) => void sent.push(command.input.QueueUrl) } as unknown as SQSClient;
      const deps = { cases: { repairTimeline: async () => undefined } as never, queues: new QueuePublisher(client, urlsFor(spec!)) };
      for (const status of CASE_STATUSES) await resumePendingHop(deps, caseAt(status));
      // every in-transit status re-sent its hop: district (received, and returned for re-routing), street,
      // grid and the department
      expect(sent.sort()).toEqual([
        'https://sqs/dept-urban-management',
        'https://sqs/district-dispatch',
        'https://sqs/district-dispatch',
        'https://sqs/grid-assign',
        'https://sqs/street-dispatch',
      ]);
    });
  }
});
