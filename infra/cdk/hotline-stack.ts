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
import { DepartmentConsumers } from './department-consumers.js';
import { Open311Keys } from './open311-keys.js';
import { DashboardSite } from './dashboard-site.js';
import { DASHBOARD_URL_ENV } from '../../shared/http/dashboard-response.js';

export class HotlineStack extends Stack {
  readonly caseTable: CaseTable;
  readonly queues: HotlineQueues;
  readonly functions: HotlineFunctions;
  readonly httpApi: HotlineHttpApi;
  readonly alarms: QueueAlarms;
  readonly staff: StaffDirectory;
  readonly departmentConsumers: DepartmentConsumers;
  readonly dashboard: DashboardSite;

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
    this.dashboard = new DashboardSite(this, 'Dashboard', { api: this.httpApi.api });
    // the API's /dashboard routes send browsers to the CloudFront copy (Lambda bundles carry no web files)
    for (const id of ['dashboard', 'dashboard-asset']) this.functions.get(id).addEnvironment(DASHBOARD_URL_ENV, this.dashboard.url);
    new CfnOutput(this, 'DashboardUrl', { description: "The supervisors' dashboard (sign in with a supervisor's ID token)", value: this.dashboard.url });
    this.alarms = new QueueAlarms(this, 'Alarms', { queues: this.queues });
    // departments with their own systems read their queue with a role limited to it
    this.departmentConsumers = new DepartmentConsumers(this, 'DepartmentConsumers', { queues: this.queues });
    new Open311Keys(this, 'Open311Keys', { functions: this.functions });

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
