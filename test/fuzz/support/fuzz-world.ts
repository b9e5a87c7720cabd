// The world the fuzz tests throw inputs at: a local runtime without pollers (nothing writes in the
// background), a few real cases routed to their grids and departments, and the staff who may act on them.
import { SQSClient } from '@aws-sdk/client-sqs';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { readFileSync } from 'node:fs';
import { LOCAL_CREDENTIALS, LOCAL_REGION, localDynamoClient } from '../../../infra/local/dynamo/local-client.js';
import { startLocalRuntime, type LocalRuntime } from '../../../infra/local/runtime.js';
import { STAFF_CLAIMS } from '../../../shared/security/staff-identity.js';
import { apiEvent } from './api-event.js';
import { drainQueues } from './drain-queues.js';
import { httpEndpoints, lambdaContext, queueEndpoints, type HttpEndpoint, type QueueEndpoint } from './endpoints.js';

export interface FuzzWorld {
  runtime: LocalRuntime;
  dynamo: DynamoDBClient;
  sqs: SQSClient;
  http: HttpEndpoint[];
  queues: QueueEndpoint[];
  cases: Array<{ caseId: string; trackingToken: string }>;
  /** staff claims: the owners of the seed cases (handler and supervisor), the district, an agent, a stranger */
  claims: Array<Record<string, string>>;
  /** values that name real things: case ids, unit codes */
  knownIds: string[];
  stop(): Promise<void>;
}

const claimsOf = (sub: string, unit: string, level: string, role: string) => ({ sub, [STAFF_CLAIMS.unit]: unit, [STAFF_CLAIMS.level]: level, [STAFF_CLAIMS.role]: role });

export async function startFuzzWorld(seedCases = 6): Promise<FuzzWorld> {
  process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
  const runtime = await startLocalRuntime({ port: 0, startPollers: false });
  const dynamo = localDynamoClient(runtime.dynamoEndpoint);
  const sqs = new SQSClient({ endpoint: runtime.sqsEndpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  const http = await httpEndpoints();
  const queues = await queueEndpoints();
  const intake = http.find((e) => e.id === 'intake');
  if (!intake) throw new Error('no intake endpoint in the topology');

  const requests = (JSON.parse(readFileSync(new URL('../../../events/demo/requests.json', import.meta.url), 'utf8')) as { requests: unknown[] }).requests;
  const cases: FuzzWorld['cases'] = [];
  for (const body of requests.slice(0, seedCases)) {
    const result = await intake.handler(apiEvent({ method: 'POST', path: '/cases', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }), lambdaContext('intake'));
    if (result.statusCode !== 201) throw new Error(`seed case refused: ${result.statusCode} ${result.body}`);
    cases.push(JSON.parse(result.body!) as { caseId: string; trackingToken: string });
  }
  await drainQueues(sqs, queues, (queue) => runtime.queueUrls[queue]!.url);

  const getCase = http.find((e) => e.id === 'get-case')!;
  const claims: FuzzWorld['claims'] = [claimsOf('fuzz-district', '440112', 'district', 'supervisor'), claimsOf('fuzz-agent', '440112', 'district', 'agent'), claimsOf('fuzz-stranger', '440112099', 'street', 'handler')];
  const knownIds = new Set<string>();
  for (const c of cases) {
    knownIds.add(c.caseId);
    const read = await getCase.handler(apiEvent({ method: 'GET', path: '/cases/{caseId}', pathParameters: { caseId: c.caseId }, headers: { 'x-tracking-token': c.trackingToken } }), lambdaContext('get-case'));
    const owner = (JSON.parse(read.body!) as { owner: { code: string; level: string } }).owner;
    knownIds.add(owner.code);
    claims.push(claimsOf(`fuzz-${owner.code}-h`, owner.code, owner.level, 'handler'), claimsOf(`fuzz-${owner.code}-s`, owner.code, owner.level, 'supervisor'));
  }
  return {
    runtime,
    dynamo,
    sqs,
    http,
    queues,
    cases,
    claims,
    knownIds: [...knownIds],
    async stop() {
      dynamo.destroy();
      sqs.destroy();
      await runtime.stop();
    },
  };
}
