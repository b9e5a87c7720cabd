// Shared setup for the local SQS tests: a server on a free port and a real SQSClient pointed at it.
import { SQSClient } from '@aws-sdk/client-sqs';
import { startSqsServer, type SqsServer, type SqsServerOptions } from '../../../infra/local/sqs/server.js';

export interface Local {
  server: SqsServer;
  client: SQSClient;
  stop(): Promise<void>;
}

export function clientFor(server: SqsServer): SQSClient {
  return new SQSClient({
    endpoint: server.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}

export async function startLocal(options: SqsServerOptions = {}): Promise<Local> {
  const server = await startSqsServer({ port: 0, ...options });
  const client = clientFor(server);
  return {
    server,
    client,
    async stop() {
      client.destroy();
      await server.close();
    },
  };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls check() every 25 ms until it returns true or timeoutMs passes. */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(25);
  }
}

/** The error an async call rejects with (fails the test if it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error('expected the call to fail, but it succeeded');
}
