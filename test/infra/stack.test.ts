// Synthesizes the Hotline12345 stack once (bundling every function with the local esbuild) and checks the
// resources against infra/topology.ts and the table schema: table, queues and DLQs, visibility timeouts,
// functions and their triggers, HTTP routes, alarms, least-privilege IAM, and the ESM bundles themselves.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { App, CfnElement } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/cdk/build-app.js';
import type { HotlineStack } from '../../infra/cdk/hotline-stack.js';
import { FUNCTIONS, LEVEL_QUEUES, MAX_RECEIVE_COUNT, allQueueNames, type FunctionSpec } from '../../infra/topology.js';
import { GSIS, TABLE_KEYS, TTL_ATTRIBUTE } from '../../shared/adapters/dynamo/table-schema.js';
import { ENV } from '../../shared/config.js';

type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string; UpdateReplacePolicy?: string };

let app: App;
let stack: HotlineStack;
let template: Template;
let resources: Record<string, Resource>;

beforeAll(() => {
  // CDK's built-in CloudFormation template validation (a WASM engine, ~10 s here) is skipped in this file
  // only: nag.test.ts synthesizes the same app with it on.
  const previous = process.env.CDK_VALIDATION;
  process.env.CDK_VALIDATION = 'false';
  try {
    ({ app, stack } = buildApp());
    template = Template.fromStack(stack);
    resources = template.toJSON().Resources as Record<string, Resource>;
  } finally {
    if (previous === undefined) delete process.env.CDK_VALIDATION;
    else process.env.CDK_VALIDATION = previous;
  }
}, 240_000); // bundling every function with esbuild takes a while on 2 cores

function logicalId(construct: IConstruct): string {
  const cfn = (construct.node.defaultChild ?? construct) as CfnElement;
  return stack.getLogicalId(cfn);
}

const functionId = (id: string) => logicalId(stack.functions.get(id));
const queueId = (name: string) => logicalId(stack.queues.get(name).queue);
const dlqId = (name: string) => logicalId(stack.queues.get(name).dlq);

function ofType(type: string): Array<[string, Resource]> {
  return Object.entries(resources).filter(([, r]) => r.Type === type);
}

/** Every IAM policy statement attached to the role of the given function. */
function statementsOf(fnId: string): Array<{ Effect: string; Action: string | string[]; Resource: unknown }> {
  const fn = resources[functionId(fnId)]!;
  const roleId = fn.Properties.Role['Fn::GetAtt'][0] as string;
  expect(resources[roleId]?.Properties.ManagedPolicyArns ?? []).toEqual([]);
  return ofType('AWS::IAM::Policy')
    .filter(([, p]) => (p.Properties.Roles as unknown[]).some((r) => JSON.stringify(r) === JSON.stringify({ Ref: roleId })))
    .flatMap(([, p]) => p.Properties.PolicyDocument.Statement);
}

const actionsOf = (s: { Action: string | string[] }) => (Array.isArray(s.Action) ? s.Action : [s.Action]);
const resourcesOf = (s: { Resource: unknown }) => (Array.isArray(s.Resource) ? s.Resource : [s.Resource]);

describe('case table', () => {
  it('has the schema keys, on-demand billing, PITR, deletion protection, TTL and a customer-managed key', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
      TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
      SSESpecification: {
        SSEEnabled: true,
        SSEType: 'KMS',
        KMSMasterKeyId: { 'Fn::GetAtt': [logicalId(stack.caseTable.key), 'Arn'] },
      },
    });
    template.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      Description: Match.stringLikeRegexp('case table'),
    });
  });

  it('has the three GSIs of the schema, projecting ALL', () => {
    const [, table] = ofType('AWS::DynamoDB::Table')[0]!;
    expect(table.Properties.GlobalSecondaryIndexes).toEqual(
      GSIS.map((g) => ({
        IndexName: g.indexName,
        KeySchema: [
          { AttributeName: g.partitionKey, KeyType: 'HASH' },
          { AttributeName: g.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    );
  });

  it('retains the table and its key when the stack is deleted', () => {
    for (const construct of [stack.caseTable.table, stack.caseTable.key]) {
      const r = resources[logicalId(construct)]!;
      expect(r.DeletionPolicy).toBe('Retain');
      expect(r.UpdateReplacePolicy).toBe('Retain');
    }
  });
});

describe('queues', () => {
  it('has one queue and one DLQ per queue name, and nothing else', () => {
    expect(allQueueNames().length).toBeGreaterThan(3);
    template.resourceCountIs('AWS::SQS::Queue', 2 * allQueueNames().length);
  });

  it.each(allQueueNames())('%s redrives to its own DLQ after MAX_RECEIVE_COUNT receives, with SSE', (name) => {
    const queue = resources[queueId(name)]!.Properties;
    expect(queue.RedrivePolicy).toEqual({
      deadLetterTargetArn: { 'Fn::GetAtt': [dlqId(name), 'Arn'] },
      maxReceiveCount: MAX_RECEIVE_COUNT,
    });
    expect(queue.SqsManagedSseEnabled).toBe(true);
    const dlq = resources[dlqId(name)]!.Properties;
    expect(dlq.MessageRetentionPeriod).toBe(14 * 24 * 3600);
    expect(dlq.SqsManagedSseEnabled).toBe(true);
  });

  it('denies non-TLS access on every queue and DLQ', () => {
    const policies = ofType('AWS::SQS::QueuePolicy');
    const guarded = new Set(
      policies
        .filter(([, p]) =>
          (p.Properties.PolicyDocument.Statement as any[]).some(
            (s) => s.Effect === 'Deny' && s.Condition?.Bool?.['aws:SecureTransport'] === 'false',
          ),
        )
        .flatMap(([, p]) => (p.Properties.Queues as Array<{ Ref: string }>).map((q) => q.Ref)),
    );
    for (const name of allQueueNames()) {
      expect(guarded).toContain(queueId(name));
      expect(guarded).toContain(dlqId(name));
    }
  });

  it("gives each consumed queue a visibility timeout of at least 6x its consumer's timeout", () => {
    const mappings = ofType('AWS::Lambda::EventSourceMapping');
    expect(mappings.length).toBeGreaterThan(0);
    for (const [, m] of mappings) {
      const queue = resources[m.Properties.EventSourceArn['Fn::GetAtt'][0]]!;
      const fn = resources[m.Properties.FunctionName.Ref]!;
      expect(queue.Properties.VisibilityTimeout).toBeGreaterThanOrEqual(6 * fn.Properties.Timeout);
    }
  });

  it('gives the department queues (polled by the departments) a 5-minute visibility timeout', () => {
    const consumed = new Set<string>(
      FUNCTIONS.flatMap((f) => (f.trigger.kind === 'sqs' ? [LEVEL_QUEUES[f.trigger.queue]] : [])),
    );
    for (const name of allQueueNames().filter((n) => !consumed.has(n))) {
      expect(resources[queueId(name)]!.Properties.VisibilityTimeout).toBe(300);
    }
  });
});

describe('functions', () => {
  it('has one nodejs22.x arm64 function per FunctionSpec, with its memory, timeout, tracing and log group', () => {
    // …plus CDK's own BucketDeployment handler, which uploads the dashboard files (infra/cdk/dashboard-site.ts)
    template.resourceCountIs('AWS::Lambda::Function', FUNCTIONS.length + 1);
    expect(Object.keys(template.findResources('Custom::CDKBucketDeployment'))).toHaveLength(1);
    for (const spec of FUNCTIONS) {
      const fn = resources[functionId(spec.id)]!.Properties;
      expect(fn.Runtime).toBe('nodejs22.x');
      expect(fn.Architectures).toEqual(['arm64']);
      expect(fn.Handler).toBe('index.handler');
      expect(fn.MemorySize).toBe(spec.memoryMb);
      expect(fn.Timeout).toBe(spec.timeoutSeconds);
      expect(fn.TracingConfig).toEqual({ Mode: 'Active' });
      const logGroup = resources[fn.LoggingConfig.LogGroup.Ref]!;
      expect(logGroup.Type).toBe('AWS::Logs::LogGroup');
      expect(logGroup.Properties.RetentionInDays).toBe(180);
    }
  });

  it('passes the table name and exactly the queue URLs each function sends to', () => {
    const levelEnv = { district: ENV.districtQueueUrl, street: ENV.streetQueueUrl, grid: ENV.gridQueueUrl };
    const queueEnv: string[] = [...Object.values(levelEnv), ENV.departmentQueueUrls];
    const expected = (spec: FunctionSpec) =>
      spec.sendsTo.map((t) => (t === 'departments' ? ENV.departmentQueueUrls : levelEnv[t])).sort();
    for (const spec of FUNCTIONS) {
      const vars = resources[functionId(spec.id)]!.Properties.Environment.Variables as Record<string, unknown>;
      expect(vars[ENV.table]).toEqual({ Ref: logicalId(stack.caseTable.table) });
      expect(vars.POWERTOOLS_SERVICE_NAME).toBe('hotline12345');
      expect(vars.LOG_LEVEL).toBeDefined();
      expect(Object.keys(vars).filter((k) => queueEnv.includes(k)).sort()).toEqual(expected(spec));
    }
  });

  it('builds DEPARTMENT_QUEUE_URLS as a JSON object of every department queue', () => {
    const vars = resources[functionId('dispatch-district')]!.Properties.Environment.Variables;
    const joined = JSON.stringify(vars[ENV.departmentQueueUrls]);
    for (const name of allQueueNames().filter((n) => n.startsWith('dept-'))) {
      expect(joined).toContain(`{"Ref":"${queueId(name)}"}`);
    }
  });

  it('has an SQS event source per SQS-triggered function, reporting batch item failures', () => {
    const sqsSpecs = FUNCTIONS.filter((f) => f.trigger.kind === 'sqs');
    template.resourceCountIs('AWS::Lambda::EventSourceMapping', sqsSpecs.length);
    for (const spec of sqsSpecs) {
      if (spec.trigger.kind !== 'sqs') continue;
      template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        FunctionName: { Ref: functionId(spec.id) },
        EventSourceArn: { 'Fn::GetAtt': [queueId(LEVEL_QUEUES[spec.trigger.queue]), 'Arn'] },
        BatchSize: spec.trigger.batchSize,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        MaximumBatchingWindowInSeconds: Match.anyValue(),
        ScalingConfig: { MaximumConcurrency: Match.anyValue() },
      });
    }
  });

  it('runs each scheduled function on an EventBridge rate rule, with permission to be invoked by it', () => {
    const scheduled = FUNCTIONS.filter((f) => f.trigger.kind === 'schedule');
    expect(scheduled.map((f) => f.id)).toContain('resend-stalled');
    template.resourceCountIs('AWS::Events::Rule', scheduled.length);
    for (const spec of scheduled) {
      if (spec.trigger.kind !== 'schedule') continue;
      const minutes = spec.trigger.everyMinutes;
      template.hasResourceProperties('AWS::Events::Rule', {
        ScheduleExpression: `rate(${minutes} ${minutes === 1 ? 'minute' : 'minutes'})`,
        State: 'ENABLED',
        Targets: Match.arrayWith([Match.objectLike({ Arn: { 'Fn::GetAtt': [functionId(spec.id), 'Arn'] }, RetryPolicy: { MaximumRetryAttempts: 0 } })]),
      });
      template.hasResourceProperties('AWS::Lambda::Permission', {
        Action: 'lambda:InvokeFunction',
        FunctionName: { 'Fn::GetAtt': [functionId(spec.id), 'Arn'] },
        Principal: 'events.amazonaws.com',
      });
    }
  });

  it('bundles each function as ESM with the createRequire banner', () => {
    for (const spec of FUNCTIONS) {
      const key = resources[functionId(spec.id)]!.Properties.Code.S3Key as string;
      const bundle = join(app.outdir, `asset.${key.replace(/\.zip$/, '')}`, 'index.mjs');
      expect(existsSync(bundle), bundle).toBe(true);
      const code = readFileSync(bundle, 'utf8');
      expect(code.split('\n')[0]).toContain('createRequire');
      expect(code).toMatch(/export\s*\{[^}]*\bhandler\b/);
    }
  });
});

describe('least privilege', () => {
  const writeActions = /^dynamodb:(PutItem|UpdateItem|DeleteItem|BatchWriteItem|PartiQL(Insert|Update|Delete)|\*)$/;

  it('get-case can neither write the table nor send to any queue', () => {
    const statements = statementsOf('get-case');
    expect(statements.length).toBeGreaterThan(0);
    const actions = statements.flatMap(actionsOf);
    expect(actions).toContain('dynamodb:GetItem');
    expect(actions.filter((a) => writeActions.test(a))).toEqual([]);
    expect(actions.filter((a) => a.startsWith('sqs:'))).toEqual([]);
    expect(actions.filter((a) => /^kms:(Encrypt|GenerateDataKey|ReEncrypt)/.test(a))).toEqual([]);
  });

  it('get-timeline is read-only too', () => {
    const actions = statementsOf('get-timeline').flatMap(actionsOf);
    expect(actions.filter((a) => writeActions.test(a) || a.startsWith('sqs:'))).toEqual([]);
  });

  it('intake may send only to the district queue', () => {
    const statements = statementsOf('intake');
    const send = statements.filter((s) => actionsOf(s).includes('sqs:SendMessage'));
    expect(send.flatMap(resourcesOf)).toEqual([{ 'Fn::GetAtt': [queueId(LEVEL_QUEUES.district), 'Arn'] }]);
    expect(statements.flatMap(actionsOf)).toContain('dynamodb:PutItem');
  });

  it('every function sends only to the queues in its sendsTo', () => {
    for (const spec of FUNCTIONS) {
      const targets = spec.sendsTo.flatMap((t) =>
        t === 'departments' ? allQueueNames().filter((n) => n.startsWith('dept-')) : [LEVEL_QUEUES[t]],
      );
      const sent = statementsOf(spec.id)
        .filter((s) => actionsOf(s).includes('sqs:SendMessage'))
        .flatMap(resourcesOf)
        .map((r) => (r as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0])
        .sort();
      expect(sent, spec.id).toEqual(targets.map(queueId).sort());
    }
  });
});

describe('HTTP API', () => {
  it('has one route per http FunctionSpec', () => {
    const routeKeys = ofType('AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties.RouteKey as string);
    expect(routeKeys).toEqual(expect.arrayContaining(['GET /cases/{caseId}', 'GET /cases/{caseId}/timeline', 'POST /cases']));
    const fromSpecs = FUNCTIONS.flatMap((f) => (f.trigger.kind === 'http' ? [`${f.trigger.method} ${f.trigger.path}`] : []));
    expect(routeKeys.sort()).toEqual(fromSpecs.sort());
  });

  it('puts every staff route, and only those, behind the Cognito JWT authorizer', () => {
    const staffRoutes = new Set(FUNCTIONS.flatMap((f) => (f.trigger.kind === 'http' && f.trigger.auth === 'staff' ? [`${f.trigger.method} ${f.trigger.path}`] : [])));
    expect(staffRoutes.size).toBeGreaterThan(0);
    const authorizers = ofType('AWS::ApiGatewayV2::Authorizer');
    expect(authorizers).toHaveLength(1);
    const [authorizerId, authorizer] = authorizers[0]!;
    expect(authorizer.Properties).toMatchObject({ AuthorizerType: 'JWT', IdentitySource: ['$request.header.Authorization'] });
    expect(JSON.stringify(authorizer.Properties.JwtConfiguration.Issuer)).toContain('cognito-idp');
    for (const [, route] of ofType('AWS::ApiGatewayV2::Route')) {
      const key = route.Properties.RouteKey as string;
      if (staffRoutes.has(key)) expect(route.Properties, key).toMatchObject({ AuthorizationType: 'JWT', AuthorizerId: { Ref: authorizerId } });
      else expect(route.Properties.AuthorizationType ?? 'NONE', key).toBe('NONE');
    }
  });

  it('keeps staff accounts in a user pool with required MFA, no self sign-up, and unit/level/role attributes', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      Schema: Match.arrayWith([
        Match.objectLike({ Name: 'unit', Mutable: true }),
        Match.objectLike({ Name: 'level' }),
        Match.objectLike({ Name: 'role' }),
      ]),
    });
    const [, client] = ofType('AWS::Cognito::UserPoolClient')[0]!;
    expect(client.Properties.WriteAttributes).toEqual(['email']);
  });

  it('has a throttled, access-logged $default stage and no CORS', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
    });
    const [, api] = ofType('AWS::ApiGatewayV2::Api')[0]!;
    expect(api.Properties.CorsConfiguration).toBeUndefined();
  });

  it('outputs the API URL and the alarm topic', () => {
    template.hasOutput('ApiUrl', {});
    template.hasOutput('AlarmTopicArn', { Value: { Ref: logicalId(stack.alarms.topic) } });
  });
});

describe('alarms', () => {
  const topicRef = () => ({ Ref: logicalId(stack.alarms.topic) });

  it.each(allQueueNames())('alarms when %s-dlq holds any message', (name) => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: `Hotline12345-${name}-dlq-not-empty`,
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [dlqId(name), 'QueueName'] } }],
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      AlarmActions: [topicRef()],
    });
  });

  it('alarms when a consumed queue has an old message', () => {
    for (const level of Object.values(LEVEL_QUEUES)) {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        MetricName: 'ApproximateAgeOfOldestMessage',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId(level), 'QueueName'] } }],
        Threshold: 300,
        AlarmActions: [topicRef()],
      });
    }
  });

  it('sends alarms to a KMS-encrypted, TLS-only topic that CloudWatch may use', () => {
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({ Effect: 'Allow', Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: 'sns:Publish' }),
        ]),
      },
    });
    template.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({ Principal: { Service: 'cloudwatch.amazonaws.com' } }),
        ]),
      },
    });
  });
});

describe('the dashboard site', () => {
  it('serves the dashboard from a private bucket through CloudFront with OAC, and passes /sla/* to the API', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      VersioningConfiguration: { Status: 'Enabled' },
    });
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    const distributions = Object.values(template.findResources('AWS::CloudFront::Distribution'));
    expect(distributions).toHaveLength(1);
    const config = distributions[0]!.Properties.DistributionConfig;
    expect(config.DefaultRootObject).toBe('dashboard/index.html');
    expect(config.CacheBehaviors.map((b: { PathPattern: string }) => b.PathPattern)).toEqual(['/sla/*']);
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
  });

  it("sends the API's /dashboard routes to the CloudFront copy", () => {
    for (const id of ['dashboard', 'dashboard-asset']) {
      expect(resources[functionId(id)]!.Properties.Environment.Variables).toHaveProperty('DASHBOARD_URL');
    }
  });
});
