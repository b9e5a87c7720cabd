// Every API endpoint in infra/topology.ts with its handler, so the fuzz tests cover new endpoints as soon as
// they are listed there; and every queue function, for the poison-message fuzz.
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { FUNCTIONS, LEVEL_QUEUES, type FunctionSpec } from '../../../infra/topology.js';

export type ApiFunction = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;
export type QueueFunction = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse | void>;

export interface HttpEndpoint {
  id: string;
  method: string;
  path: string;
  staff: boolean;
  handler: ApiFunction;
}

export interface QueueEndpoint {
  id: string;
  queue: string;
  handler: QueueFunction;
}

async function load<T>(spec: FunctionSpec): Promise<T> {
  return ((await import(`../../../functions/${spec.id}/handler.ts`)) as { handler: T }).handler;
}

export async function httpEndpoints(): Promise<HttpEndpoint[]> {
  const endpoints: HttpEndpoint[] = [];
  for (const spec of FUNCTIONS) {
    if (spec.trigger.kind !== 'http') continue;
    endpoints.push({ id: spec.id, method: spec.trigger.method, path: spec.trigger.path, staff: spec.trigger.auth === 'staff', handler: await load<ApiFunction>(spec) });
  }
  return endpoints;
}

export async function queueEndpoints(): Promise<QueueEndpoint[]> {
  const endpoints: QueueEndpoint[] = [];
  for (const spec of FUNCTIONS) {
    if (spec.trigger.kind !== 'sqs') continue;
    const queue = (LEVEL_QUEUES as Record<string, string>)[spec.trigger.queue] ?? spec.trigger.queue;
    endpoints.push({ id: spec.id, queue, handler: await load<QueueFunction>(spec) });
  }
  return endpoints;
}

export function lambdaContext(functionName: string): Context {
  const noop = () => {};
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:000000000000:function:${functionName}`,
    memoryLimitInMB: '256',
    awsRequestId: `fuzz-${Math.random().toString(16).slice(2)}`,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'fuzz',
    getRemainingTimeInMillis: () => 10_000,
    done: noop,
    fail: noop,
    succeed: noop,
  };
}
