// The departments' consumer roles, synthesized on a small stack of just the queues (no function bundling):
// one role per department, allowed to consume its own queue and nothing else.
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { DepartmentConsumers } from '../../infra/cdk/department-consumers.js';
import { HotlineQueues } from '../../infra/cdk/queues.js';
import { departmentQueueName } from '../../infra/topology.js';
import { DEPARTMENTS } from '../../shared/domain/departments.js';

type Resource = { Type: string; Properties: Record<string, any> };

let stack: Stack;
let queues: HotlineQueues;
let consumers: DepartmentConsumers;
let resources: Record<string, Resource>;

beforeAll(() => {
  const app = new App();
  stack = new Stack(app, 'ConsumersTest', { env: { account: '123456789012', region: 'ap-east-1' } });
  queues = new HotlineQueues(stack, 'Queues');
  consumers = new DepartmentConsumers(stack, 'DepartmentConsumers', { queues });
  resources = Template.fromStack(stack).toJSON().Resources as Record<string, Resource>;
});

const logicalId = (construct: { node: { defaultChild?: unknown } }) => stack.getLogicalId(construct.node.defaultChild as never);

function statementsOf(roleId: string): Array<{ Effect: string; Action: string | string[]; Resource: unknown }> {
  return Object.values(resources)
    .filter((r) => r.Type === 'AWS::IAM::Policy' && (r.Properties.Roles as unknown[]).some((role) => JSON.stringify(role) === JSON.stringify({ Ref: roleId })))
    .flatMap((p) => p.Properties.PolicyDocument.Statement);
}

describe('department consumer roles', () => {
  it('has one role per department, trusted by this account only, with no managed policies', () => {
    const roles = Object.entries(resources).filter(([, r]) => r.Type === 'AWS::IAM::Role');
    expect(roles).toHaveLength(DEPARTMENTS.length);
    for (const [, role] of roles) {
      expect(role.Properties.ManagedPolicyArns ?? []).toEqual([]);
      const trust = role.Properties.AssumeRolePolicyDocument.Statement;
      expect(trust).toHaveLength(1);
      expect(trust[0].Action).toBe('sts:AssumeRole');
      expect(JSON.stringify(trust[0].Principal)).toContain(':iam::123456789012:root');
    }
  });

  it('lets each role receive, delete and extend messages on its own queue only', () => {
    for (const department of DEPARTMENTS) {
      const own = logicalId(queues.get(departmentQueueName(department.code)).queue);
      const statements = statementsOf(logicalId(consumers.role(department.code)));
      expect(statements.length).toBeGreaterThan(0);
      for (const statement of statements) {
        expect(statement.Effect).toBe('Allow');
        expect(statement.Resource).toEqual({ 'Fn::GetAtt': [own, 'Arn'] });
        const actions = Array.isArray(statement.Action) ? statement.Action : [statement.Action];
        expect(actions.sort()).toEqual(['sqs:ChangeMessageVisibility', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:ReceiveMessage']);
      }
    }
  });

  it('publishes each role’s ARN', () => {
    const outputs = Template.fromStack(stack).toJSON().Outputs as Record<string, { Value: unknown }>;
    const roleOutputs = Object.entries(outputs).filter(([name]) => name.includes('role'));
    expect(roleOutputs).toHaveLength(DEPARTMENTS.length);
  });
});
