// The whole system on one machine: embedded DynamoDB (dynalite), an SQS-compatible endpoint, an HTTP
// server in front of the API handlers, and pollers that feed the queue handlers — the same handler code
// that runs on Lambda, talking to these through the real AWS SDK clients.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SQSClient } from '@aws-sdk/client-sqs';
import { clockEnv } from '../../shared/clock.js';
import { ENV } from '../../shared/config.js';
import { DEPARTMENTS } from '../../shared/domain/departments.js';
import { FUNCTIONS, LEVEL_QUEUES, MAX_RECEIVE_COUNT, allQueueNames, departmentQueueName } from '../topology.js';
import { newLocalTokenSecret, signLocalStaffToken, verifyLocalStaffToken, type StaffTokenRequest } from './auth/staff-token.js';
import { startApiServer, type ApiHandler, type ApiRoute } from './http/api-server.js';
import { startEmbeddedDynamo } from './dynamo/embedded-dynamo.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION, localDynamoClient } from './dynamo/local-client.js';
import { ensureTable } from './dynamo/table-definition.js';
import { startSchedule, type LocalSchedule } from './schedule.js';
import { startSqsServer } from './sqs/server.js';
import { ensureQueues } from './sqs/ensure-queues.js';
import { startSqsEventSource, type SqsEventSource, type SqsLambdaHandler } from './sqs/event-source.js';
import { FaultInjector } from './faults/fault-injector.js';
import type { FaultOptions } from './faults/fault-plan.js';

/** A schedule sped up by time travel still waits this long between runs. */
const MIN_SCHEDULE_MS = 1_000;

export interface LocalRuntimeOptions {
  /** HTTP port for the API; 0 picks a free one */
  port: number;
  /** where data survives restarts; undefined keeps everything in memory */
  dataDir?: string;
  tableName?: string;
  /** how long a received message stays invisible before it is tried again */
  visibilityTimeoutSeconds?: number;
  logRequests?: boolean;
  /** false: no queue pollers and no schedules, so a test can invoke those handlers itself */
  startPollers?: boolean;
  /** how often scheduled functions run; default: as their schedule says (e.g. every minute) */
  scheduleEveryMs?: number;
  /**
   * Time travel: simulated time runs this many times as fast (1440: a day a minute). The services' clock
   * (shared/clock.ts) and the schedules follow it; a schedule never runs more often than once a second.
   */
  clockSpeed?: number;
  /** the simulated time to start from (default: now, or where a persisted clock left off) */
  clockStart?: Date;
  /** signs and verifies staff tokens (base64url); default: a fresh one per start */
  staffTokenSecret?: string;
  /** inject faults into the functions and redeliver messages out of order (infra/local/faults; tests only) */
  faults?: FaultOptions;
}

export interface LocalRuntime {
  apiUrl: string;
  dynamoEndpoint: string;
  sqsEndpoint: string;
  tableName: string;
  /** the environment the handlers run with: endpoints, table and queue URLs (what `npm run invoke` needs) */
  handlerEnv: Record<string, string>;
  queueUrls: Record<string, { url: string; dlqUrl: string }>;
  /** the secret staff tokens are signed with (`npm run token` reads it from .data/runtime.json) */
  staffTokenSecret: string;
  /** a staff token this runtime accepts, for tests, demos and scripts */
  staffToken(request: StaffTokenRequest): Promise<string>;
  /** the fault injection, when started with `faults`: what it did so far, and poison on demand */
  faults?: FaultInjector;
  stop(): Promise<void>;
}


export async function startLocalRuntime(options: LocalRuntimeOptions): Promise<LocalRuntime> {
  // Node 20 is the supported local runtime; the SDK's notice about its future Node 22 floor is noise here.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const tableName = options.tableName ?? 'hotline12345';
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const dynamo = await startEmbeddedDynamo(options.dataDir ? { dataDir: join(options.dataDir, 'dynamo') } : {});
  const faults = options.faults ? new FaultInjector(options.faults) : undefined;
  const sqsServer = await startSqsServer({
    port: 0,
    ...(options.dataDir ? { stateFile: join(options.dataDir, 'sqs.json') } : {}),
    ...(faults ? { deliveryJitterMs: faults.plan.deliveryJitterMs, random: faults.plan.random } : {}),
  });

  // The handlers build their SDK clients from these, exactly as on Lambda they build them from the role.
  const handlerEnv: Record<string, string> = {
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    AWS_ENDPOINT_URL_SQS: sqsServer.url,
    [ENV.table]: tableName,
    // an earlier runtime in this process may have left a fast clock behind: say which one runs now
    ...(options.clockSpeed && options.clockSpeed !== 1 ? clockEnv(options.clockSpeed, options.clockStart ?? new Date()) : { [ENV.clockSpeed]: '1' }),
  };
  const dynamoClient = localDynamoClient(dynamo.endpoint);
  await ensureTable(dynamoClient, tableName);
  dynamoClient.destroy();

  const sqsClient = new SQSClient({ region: LOCAL_REGION, endpoint: sqsServer.url, credentials: LOCAL_CREDENTIALS });
  const queues = await ensureQueues(sqsClient, allQueueNames(), {
    maxReceiveCount: MAX_RECEIVE_COUNT,
    visibilityTimeoutSeconds: options.visibilityTimeoutSeconds ?? 30,
  });
  const urlOf = (name: string) => {
    const queue = queues[name];
    if (!queue) throw new Error(`queue ${name} was not created`);
    return queue;
  };
  Object.assign(handlerEnv, {
    [ENV.districtQueueUrl]: urlOf(LEVEL_QUEUES.district).url,
    [ENV.streetQueueUrl]: urlOf(LEVEL_QUEUES.street).url,
    [ENV.gridQueueUrl]: urlOf(LEVEL_QUEUES.grid).url,
    [ENV.departmentQueueUrls]: JSON.stringify(Object.fromEntries(DEPARTMENTS.map((d) => [d.code, urlOf(departmentQueueName(d.code)).url]))),
  });
  Object.assign(process.env, handlerEnv);
  faults?.start();

  const staffTokenSecret = options.staffTokenSecret ?? newLocalTokenSecret();
  const authorizeStaff = (authorization: string | undefined) => verifyLocalStaffToken(authorization, staffTokenSecret);
  const routes: ApiRoute[] = [];
  const pollers: Array<SqsEventSource | LocalSchedule> = [];
  for (const spec of FUNCTIONS) {
    const module = (await import(`../../functions/${spec.id}/handler.ts`)) as { handler: unknown };
    if (spec.trigger.kind === 'http') {
      routes.push({
        method: spec.trigger.method,
        path: spec.trigger.path,
        functionName: spec.id,
        timeoutSeconds: spec.timeoutSeconds,
        memoryMb: spec.memoryMb,
        handler: faults ? faults.wrapHttp(module.handler as ApiHandler) : (module.handler as ApiHandler),
        ...(spec.trigger.auth === 'staff' ? { authorize: authorizeStaff } : {}),
      });
    } else if (options.startPollers === false) {
      continue;
    } else if (spec.trigger.kind === 'schedule') {
      pollers.push(
        startSchedule({
          functionName: spec.id,
          everyMs: options.scheduleEveryMs ?? Math.max(MIN_SCHEDULE_MS, (spec.trigger.everyMinutes * 60_000) / (options.clockSpeed ?? 1)),
          timeoutSeconds: spec.timeoutSeconds,
          handler: faults
            ? faults.wrapSchedule(module.handler as Parameters<typeof startSchedule>[0]['handler'])
            : (module.handler as Parameters<typeof startSchedule>[0]['handler']),
        }),
      );
    } else {
      const queue = urlOf(LEVEL_QUEUES[spec.trigger.queue]);
      pollers.push(
        startSqsEventSource({
          client: sqsClient,
          queueUrl: queue.url,
          queueArn: queue.arn,
          batchSize: spec.trigger.batchSize,
          functionName: spec.id,
          handler: faults ? faults.wrapSqs(module.handler as SqsLambdaHandler) : (module.handler as SqsLambdaHandler),
        }),
      );
    }
  }
  const stopBackground = async () => {
    await Promise.all(pollers.map((p) => p.stop()));
    faults?.stop();
    sqsClient.destroy();
    await sqsServer.close();
    await dynamo.close();
  };
  let api: Awaited<ReturnType<typeof startApiServer>>;
  try {
    api = await startApiServer({ port: options.port, routes, ...(options.logRequests ? { logRequests: true } : {}) });
  } catch (error) {
    await stopBackground();
    throw error;
  }

  return {
    apiUrl: api.url,
    dynamoEndpoint: dynamo.endpoint,
    sqsEndpoint: sqsServer.url,
    tableName,
    handlerEnv,
    queueUrls: Object.fromEntries(Object.entries(queues).map(([name, q]) => [name, { url: q.url, dlqUrl: q.dlqUrl }])),
    staffTokenSecret,
    staffToken: (request) => signLocalStaffToken(request, staffTokenSecret),
    ...(faults ? { faults } : {}),
    async stop() {
      await api.close();
      await stopBackground();
    },
  };
}
