// One Lambda function per FunctionSpec in infra/topology.ts: bundled locally with esbuild as ESM for Node 22
// on arm64, with its own role, its own log group and only the rights the spec names: read or read/write on the
// table, send on the queues in `sendsTo` (and the URLs of exactly those queues in its environment). SQS-triggered
// functions get their event source here too.
import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { NodejsFunction, OutputFormat, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { ENV } from '../../shared/config.js';
import { DEPARTMENTS } from '../../shared/domain/departments.js';
import { FUNCTIONS, LEVEL_QUEUES, departmentQueueName, type FunctionSpec, type LevelQueue } from '../topology.js';
import { SQS_BATCHING_WINDOW, type HotlineQueues } from './queues.js';
import { grantTableAccess } from './table-access.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const SERVICE_NAME = 'hotline12345';
export const FUNCTION_LOG_RETENTION = RetentionDays.SIX_MONTHS;
/** At most this many concurrent invocations per SQS-triggered function: a backlog drains steadily
 * instead of taking the account's whole concurrency (AWS's minimum for this setting is 2). */
export const SQS_MAX_CONCURRENCY = 5;

const LEVEL_QUEUE_ENV: Record<LevelQueue, string> = {
  district: ENV.districtQueueUrl,
  street: ENV.streetQueueUrl,
  grid: ENV.gridQueueUrl,
};

// ESM bundles cannot call `require`, which some CommonJS dependencies do at run time; this banner gives them one.
// The import is aliased so that it cannot clash with a bundled module's own `createRequire` import.
const ESM_REQUIRE_BANNER =
  "import { createRequire as __hotlineCreateRequire } from 'module'; const require = __hotlineCreateRequire(import.meta.url);";

export const FUNCTION_RUNTIME = Runtime.NODEJS_22_X;
export const FUNCTION_ARCHITECTURE = Architecture.ARM_64;
/** Stack traces point into the TypeScript sources (the maps ship beside the bundles). */
export const FUNCTION_NODE_OPTIONS = '--enable-source-maps';

/**
 * How every function is bundled (also used by `npm run bench`, which builds bundles with these very options to
 * measure their size and cold start; see docs/performance.md for the figures behind each choice).
 */
export const FUNCTION_BUNDLING: BundlingOptions = {
  format: OutputFormat.ESM,
  mainFields: ['module', 'main'],
  banner: ESM_REQUIRE_BANNER,
  target: 'node22',
  minify: true,
  sourceMap: true,
  sourcesContent: false,
  // Chinese text (place names, dictionaries, reasons) as UTF-8 rather than \uXXXX escapes: each character
  // takes 3 bytes instead of 6, so bundles are smaller and parse faster. (aws-cdk-lib's `charset` option is
  // not passed on to esbuild by its local bundling, hence the raw argument.)
  //
  // The SDK's default credential chain is replaced by the environment provider it starts with, the only one
  // that can answer on Lambda (see lambda-credential-provider.ts): 135 KB less in every bundle.
  esbuildArgs: { '--charset': 'utf8', '--alias': '@aws-sdk/credential-provider-node=./infra/cdk/lambda-credential-provider.ts' },
  // The AWS SDK v3 is bundled (tree-shaken ESM, minified) rather than left to the copy in the Node 22 runtime:
  //  - cold start: the runtime's copy is CommonJS loaded file by file; importing a bundle with the SDK left
  //    external took about twice as long as importing it bundled (measured, docs/performance.md);
  //  - version: the code runs on exactly the SDK version in package-lock.json that the tests ran against, not
  //    on whatever version the runtime carries that week (the runtime's copy is updated without notice).
  // It costs about 370 KB of bundle.
  externalModules: [],
  forceDockerBundling: false,
};

export interface HotlineFunctionsProps {
  readonly table: Table;
  readonly queues: HotlineQueues;
}

export class HotlineFunctions extends Construct {
  private readonly byId = new Map<string, NodejsFunction>();

  constructor(scope: Construct, id: string, props: HotlineFunctionsProps) {
    super(scope, id);
    for (const spec of FUNCTIONS) {
      this.byId.set(spec.id, this.makeFunction(spec, props));
    }
  }

  get(id: string): NodejsFunction {
    const fn = this.byId.get(id);
    if (!fn) throw new Error(`no function ${id}`);
    return fn;
  }

  get specs(): Array<{ spec: FunctionSpec; fn: NodejsFunction }> {
    return FUNCTIONS.map((spec) => ({ spec, fn: this.get(spec.id) }));
  }

  private makeFunction(spec: FunctionSpec, { table, queues }: HotlineFunctionsProps): NodejsFunction {
    const scope = new Construct(this, spec.id);

    // An explicit role instead of the default one: the default attaches the AWSLambdaBasicExecutionRole managed
    // policy (logs on every log group of the account); this one may write only to the function's own log group.
    const role = new Role(scope, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      // IAM descriptions allow Latin-1 only, so the spec's free-text description is not copied here.
      description: `hotline12345: role of the ${spec.id} function`,
    });
    const logGroup = new LogGroup(scope, 'Logs', {
      retention: FUNCTION_LOG_RETENTION,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    logGroup.grantWrite(role);

    const environment: Record<string, string> = {
      [ENV.table]: table.tableName,
      POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
      LOG_LEVEL: 'INFO',
      NODE_OPTIONS: FUNCTION_NODE_OPTIONS,
    };
    for (const target of spec.sendsTo) {
      if (target === 'departments') {
        const urls = Object.fromEntries(
          DEPARTMENTS.map((d) => [d.code, queues.get(departmentQueueName(d.code)).queue.queueUrl]),
        );
        environment[ENV.departmentQueueUrls] = Stack.of(this).toJsonString(urls);
      } else {
        environment[LEVEL_QUEUE_ENV[target]] = queues.get(LEVEL_QUEUES[target]).queue.queueUrl;
      }
    }

    const fn = new NodejsFunction(scope, 'Function', {
      entry: `${REPO_ROOT}functions/${spec.id}/handler.ts`,
      handler: 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: `${REPO_ROOT}package-lock.json`,
      description: spec.description,
      runtime: FUNCTION_RUNTIME,
      architecture: FUNCTION_ARCHITECTURE,
      memorySize: spec.memoryMb,
      timeout: Duration.seconds(spec.timeoutSeconds),
      role,
      logGroup,
      tracing: Tracing.ACTIVE,
      environment,
      bundling: FUNCTION_BUNDLING,
    });

    // Table rights by spec: only the actions the code uses (no Scan), with the matching use of the table's KMS key.
    grantTableAccess(table, fn, spec.table);

    for (const target of spec.sendsTo) {
      if (target === 'departments') {
        for (const d of DEPARTMENTS) queues.get(departmentQueueName(d.code)).queue.grantSendMessages(fn);
      } else {
        queues.get(LEVEL_QUEUES[target]).queue.grantSendMessages(fn);
      }
    }

    if (spec.trigger.kind === 'schedule') {
      new Rule(this, `${spec.id}-schedule`, {
        description: spec.description,
        schedule: Schedule.rate(Duration.minutes(spec.trigger.everyMinutes)),
        // a missed run is made up by the next one a minute later: no retries needed
        targets: [new LambdaFunction(fn, { retryAttempts: 0 })],
      });
    }

    if (spec.trigger.kind === 'sqs') {
      fn.addEventSource(
        new SqsEventSource(queues.get(LEVEL_QUEUES[spec.trigger.queue]).queue, {
          batchSize: spec.trigger.batchSize,
          maxBatchingWindow: SQS_BATCHING_WINDOW,
          reportBatchItemFailures: true,
          maxConcurrency: SQS_MAX_CONCURRENCY,
        }),
      );
    }

    acknowledgeFunctionFindings(fn, role, table, spec);
    return fn;
  }
}

/** cdk-nag findings on a function and its role that are conscious choices, each acknowledged on that one
 * function or role only. */
function acknowledgeFunctionFindings(fn: NodejsFunction, role: Role, table: Table, spec: FunctionSpec): void {
  Validations.of(fn).acknowledge({
    id: 'AwsSolutions-L1',
    reason:
      'Node.js 22 is the runtime chosen for this project (its bundles target node22); moving to a newer ' +
      'runtime is a deliberate, tested change rather than something to follow automatically.',
  });

  const stack = Stack.of(fn);
  const tableArn = stack.resolve(table.tableArn) as { 'Fn::GetAtt': [string, string] };
  const tableLogicalId = tableArn['Fn::GetAtt'][0];
  Validations.of(role).acknowledge({
    id: `AwsSolutions-IAM5[Resource::<${tableLogicalId}.Arn>/index/*]`,
    reason:
      'The table grant (table-access.ts) covers the table and its indexes (index/*); every index of ' +
      'this one table is queried by the handlers, and the wildcard covers no other table.',
  });
  Validations.of(role).acknowledge({
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason:
      'X-Ray tracing: xray:PutTraceSegments and xray:PutTelemetryRecords do not support resource-level ' +
      'permissions, so Lambda active tracing needs Resource "*".',
  });
  if (spec.table === 'readwrite') {
    for (const action of ['kms:ReEncrypt*', 'kms:GenerateDataKey*']) {
      Validations.of(role).acknowledge({
        id: `AwsSolutions-IAM5[Action::${action}]`,
        reason:
          `${action} is what writing an item encrypted with the table's customer-managed key takes (as ` +
          "DynamoDB's own grantReadWriteData gives it); the statement is limited to that one key.",
      });
    }
  }
}
