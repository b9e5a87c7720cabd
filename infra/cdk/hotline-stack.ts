// The Hotline12345 stack: wires the case table, the queues, the functions, the HTTP API and the alarms
// together, all derived from infra/topology.ts, and publishes what operators and departments need as outputs.
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { DEPARTMENTS } from '../../shared/domain/departments.js';
import { departmentQueueName } from '../topology.js';
import { QueueAlarms } from './alarms.js';
import { CaseTable } from './case-table.js';
import { HotlineFunctions } from './functions.js';
import { HotlineHttpApi } from './http-api.js';
import { HotlineQueues } from './queues.js';
import { StaffDirectory } from './staff-directory.js';

export class HotlineStack extends Stack {
  readonly caseTable: CaseTable;
  readonly queues: HotlineQueues;
  readonly functions: HotlineFunctions;
  readonly httpApi: HotlineHttpApi;
  readonly alarms: QueueAlarms;
  readonly staff: StaffDirectory;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, {
      description: 'hotline12345: serverless case routing for the 12345 citizen hotline',
      ...props,
    });

    this.caseTable = new CaseTable(this, 'Cases');
    this.queues = new HotlineQueues(this, 'Queues');
    this.functions = new HotlineFunctions(this, 'Functions', {
      table: this.caseTable.table,
      queues: this.queues,
    });
    this.staff = new StaffDirectory(this, 'StaffDirectory');
    this.httpApi = new HotlineHttpApi(this, 'Http', { functions: this.functions, staff: this.staff });
    this.alarms = new QueueAlarms(this, 'Alarms', { queues: this.queues });

    new CfnOutput(this, 'ApiUrl', {
      description: 'Base URL of the HTTP API (POST /cases, GET /cases/{caseId}, GET /cases/{caseId}/timeline)',
      value: this.httpApi.url,
    });
    new CfnOutput(this, 'AlarmTopicArn', {
      description: 'SNS topic that receives every alarm: subscribe the operators to it',
      value: this.alarms.topic.topicArn,
    });
    new CfnOutput(this, 'CaseTableName', { value: this.caseTable.table.tableName });
    new CfnOutput(this, 'StaffUserPoolId', {
      description: 'Cognito user pool of staff accounts: give each its custom:unit, custom:level and custom:role',
      value: this.staff.userPool.userPoolId,
    });
    new CfnOutput(this, 'StaffClientId', { description: 'App client staff sign in with (ID tokens are the API bearer tokens)', value: this.staff.client.userPoolClientId });
    for (const d of DEPARTMENTS) {
      const name = departmentQueueName(d.code);
      new CfnOutput(this, `QueueUrl-${name}`, {
        description: `Queue that ${d.name} (${d.shortName}) polls for its tasks`,
        value: this.queues.get(name).queue.queueUrl,
      });
    }
  }
}
