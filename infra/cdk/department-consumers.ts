// One IAM role per department for the department's own system to read its task queue (dept-<code>): receive,
// delete and extend the visibility of messages on that one queue, nothing else (not another department's
// queue, not the table, not the DLQ: redriving is the operators'). The role trusts principals of this
// account that an administrator allows to assume it (sts:AssumeRole on the role ARN, e.g. the department's
// integration user or its own account via a role chain); departments without a system use the task API.
// The queues are encrypted with SQS-managed keys, so no KMS grant is needed.
import { CfnOutput } from 'aws-cdk-lib';
import { AccountPrincipal, Role } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { Stack } from 'aws-cdk-lib';
import { DEPARTMENTS } from '../../shared/domain/departments.js';
import { departmentQueueName } from '../topology.js';
import type { HotlineQueues } from './queues.js';

export interface DepartmentConsumersProps {
  readonly queues: HotlineQueues;
}

export class DepartmentConsumers extends Construct {
  private readonly roles = new Map<string, Role>();

  constructor(scope: Construct, id: string, props: DepartmentConsumersProps) {
    super(scope, id);
    for (const department of DEPARTMENTS) {
      const queue = props.queues.get(departmentQueueName(department.code)).queue;
      const role = new Role(this, department.code, {
        assumedBy: new AccountPrincipal(Stack.of(this).account),
        // IAM descriptions allow Latin-1 only: the code, not the Chinese name
        description: `hotline12345: ${department.code} reads its own task queue`,
      });
      queue.grantConsumeMessages(role);
      this.roles.set(department.code, role);
      new CfnOutput(this, `${department.code}-role`, { description: `Role ${department.shortName} assumes to read its task queue`, value: role.roleArn });
    }
  }

  role(departmentCode: string): Role {
    const role = this.roles.get(departmentCode);
    if (!role) throw new Error(`no consumer role for ${departmentCode}`);
    return role;
  }
}
