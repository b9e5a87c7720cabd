// A fake Lambda Context for one invocation: the fields the runtime fills in, and a clock that runs down
// from the function's timeout so getRemainingTimeInMillis() behaves as it does on AWS.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import { LOCAL_ACCOUNT_ID } from './to-api-gateway-event.js';

export interface LambdaContextOptions {
  functionName: string;
  timeoutMs: number;
  memoryMb?: number;
  /** default process.env.AWS_REGION, else 'us-east-1' */
  region?: string;
  accountId?: string;
  now?: Date;
}

export function createLambdaContext(options: LambdaContextOptions): Context {
  const now = options.now ?? new Date();
  const deadline = now.getTime() + options.timeoutMs;
  const region = options.region ?? process.env.AWS_REGION ?? 'us-east-1';
  const accountId = options.accountId ?? LOCAL_ACCOUNT_ID;
  const day = now.toISOString().slice(0, 10).replace(/-/g, '/');
  const gone = (what: string) => () => {
    throw new Error(`context.${what}() is the callback-era API; return a value or throw instead`);
  };
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: options.functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${region}:${accountId}:function:${options.functionName}`,
    memoryLimitInMB: String(options.memoryMb ?? 128),
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${options.functionName}`,
    logStreamName: `${day}/[$LATEST]${randomBytes(16).toString('hex')}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: gone('done'),
    fail: gone('fail'),
    succeed: gone('succeed'),
  };
}
