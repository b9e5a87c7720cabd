// The infrastructure side of docs/reliability.md, on the synthesized template (bundling skipped: only the
// construct tree matters): no function may Scan the table or write in batches, read-only functions write
// nothing, every queue and DLQ carries its topology name (what `npm run dlq:redrive` looks up on AWS), every
// DLQ has its not-empty alarm and every consumed queue its age alarm, and the table keeps PITR, deletion
// protection and its own KMS key.
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/cdk/build-app.js';
import type { HotlineStack } from '../../infra/cdk/hotline-stack.js';
import { TABLE_READ_ACTIONS, TABLE_WRITE_ACTIONS } from '../../infra/cdk/table-access.js';
import { FUNCTIONS, QUEUE_NAME_TAG, allQueueNames, dlqName } from '../../infra/topology.js';

type Resource = { Type: string; Properties: Record<string, any> };
let stack: HotlineStack;
let resources: Record<string, Resource>;

beforeAll(() => {
  const previous = process.env.CDK_VALIDATION;
  process.env.CDK_VALIDATION = 'false';
  try {
    ({ stack } = buildApp({ context: { 'aws:cdk:bundling-stacks': [] } }));
    resources = Template.fromStack(stack).toJSON().Resources as Record<string, Resource>;
  } finally {
    if (previous === undefined) delete process.env.CDK_VALIDATION;
    else process.env.CDK_VALIDATION = previous;
  }
}, 120_000);

const logicalIdOf = (construct: { node: { defaultChild?: unknown } }) => stack.getLogicalId(construct.node.defaultChild as never);

function dynamoActionsOf(fnId: string): string[] {
  const fn = resources[logicalIdOf(stack.functions.get(fnId))]!;
  const roleId = fn.Properties.Role['Fn::GetAtt'][0] as string;
  return Object.values(resources)
    .filter((r) => r.Type === 'AWS::IAM::Policy' && (r.Properties.Roles as unknown[]).some((role) => JSON.stringify(role) === JSON.stringify({ Ref: roleId })))
    .flatMap((p) => p.Properties.PolicyDocument.Statement as Array<{ Action: string | string[] }>)
    .flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]))
    .filter((a) => a.startsWith('dynamodb:') || a === '*');
}

describe('least privilege on the table', () => {
  it('lets no function Scan, read streams or batch-write, and read-only ones write nothing', () => {
    for (const spec of FUNCTIONS) {
      const actions = dynamoActionsOf(spec.id);
      const allowed: readonly string[] = spec.table === 'readwrite' ? [...TABLE_READ_ACTIONS, ...TABLE_WRITE_ACTIONS] : TABLE_READ_ACTIONS;
      expect(actions.filter((a) => !allowed.includes(a)), spec.id).toEqual([]);
      expect(actions, spec.id).toContain('dynamodb:GetItem');
    }
  });
});

describe('queues, DLQs and their alarms', () => {
  it('tags every queue and DLQ with its topology name', () => {
    for (const name of allQueueNames()) {
      const pair = stack.queues.get(name);
      for (const [queue, expected] of [[pair.queue, name], [pair.dlq, dlqName(name)]] as const) {
        const tags = resources[logicalIdOf(queue)]!.Properties.Tags as Array<{ Key: string; Value: string }>;
        expect(tags, expected).toContainEqual({ Key: QUEUE_NAME_TAG, Value: expected });
      }
    }
  });

  it('alarms on any message in any DLQ, and on an old message in every consumed queue', () => {
    const alarms = Object.values(resources).filter((r) => r.Type === 'AWS::CloudWatch::Alarm');
    const watched = (metric: string) =>
      alarms.filter((a) => a.Properties.MetricName === metric).map((a) => (a.Properties.Dimensions as Array<{ Value: { 'Fn::GetAtt': [string, string] } }>)[0]!.Value['Fn::GetAtt'][0]);
    const dlqWatched = watched('ApproximateNumberOfMessagesVisible');
    for (const name of allQueueNames()) expect(dlqWatched, name).toContain(logicalIdOf(stack.queues.get(name).dlq));
    const ageWatched = watched('ApproximateAgeOfOldestMessage');
    for (const pair of stack.queues.all.filter((p) => p.consumedHere)) expect(ageWatched, pair.name).toContain(logicalIdOf(pair.queue));
    for (const alarm of alarms.filter((a) => ['ApproximateNumberOfMessagesVisible', 'ApproximateAgeOfOldestMessage'].includes(a.Properties.MetricName))) {
      expect(alarm.Properties.AlarmActions?.length ?? 0).toBeGreaterThan(0);
    }
  });
});

describe('the table', () => {
  it('keeps point-in-time recovery, deletion protection and its own KMS key', () => {
    const table = resources[logicalIdOf(stack.caseTable.table)]!.Properties;
    expect(table.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(table.DeletionProtectionEnabled).toBe(true);
    expect(table.SSESpecification).toMatchObject({ SSEEnabled: true, SSEType: 'KMS' });
  });
});
