// Poison messages, end to end: a message no handler can process lands in its queue's DLQ after 5 receives
// (where the CDK alarm on the DLQ's visible messages would fire), and once the cause is fixed the documented
// command, `npm run dlq:redrive -- <queue>`, moves it back and the case finishes its route.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ListMessageMoveTasksCommand, SendMessageCommand, SQSClient, StartMessageMoveTaskCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/dynamo/local-client.js';
import { writeRuntimeFile } from '../../infra/local/runtime-file.js';
import { startLocalRuntime, type LocalRuntime } from '../../infra/local/runtime.js';
import { LEVEL_QUEUES } from '../../infra/topology.js';
import { moveMessages } from '../../scripts/dlq/move-messages.js';
import { depthOf, readAllBodies } from './fault-injection/queue-audit.js';

const run = promisify(execFile);
const STREET = LEVEL_QUEUES.street;
/** every street message for 大沙街道 fails, as if a bug had been deployed in the street hop */
const POISON = '"streetCode":"440112005"';
const MALFORMED = 'this is not a hop message';

let runtime: LocalRuntime;
let sqs: SQSClient;
let dir: string;

async function until<T>(what: string, probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(value)})`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function caseStatus(caseId: string, token: string): Promise<string> {
  const response = await fetch(`${runtime.apiUrl}/cases/${caseId}`, { headers: { 'x-tracking-token': token } });
  return ((await response.json()) as { status: string }).status;
}

beforeAll(async () => {
  process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
  runtime = await startLocalRuntime({ port: 0, visibilityTimeoutSeconds: 1, faults: {} });
  sqs = new SQSClient({ endpoint: runtime.sqsEndpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  dir = mkdtempSync(join(tmpdir(), 'hotline-dlq-'));
});

afterAll(async () => {
  sqs?.destroy();
  await runtime?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('poison messages and the DLQ redrive', () => {
  it('parks poison in the DLQ, and the documented redrive brings the fixed case home', async () => {
    runtime.faults!.poison(POISON);
    const created = await fetch(`${runtime.apiUrl}/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ channel: 'phone', content: '黄埔区大沙街道丰乐北路 小区门口垃圾三天没人清运', address: '黄埔区大沙街道丰乐北路' }),
    });
    const { caseId, trackingToken } = (await created.json()) as { caseId: string; trackingToken: string };
    await sqs.send(new SendMessageCommand({ QueueUrl: runtime.queueUrls[STREET]!.url, MessageBody: MALFORMED }));

    // after 5 failed receives each, both sit in the DLQ: the metric the dlq-not-empty alarm watches is > 0
    const dlqUrl = runtime.queueUrls[STREET]!.dlqUrl;
    await until('two messages in the DLQ', () => depthOf(sqs, dlqUrl), (n) => n === 2);
    expect(await depthOf(sqs, runtime.queueUrls[STREET]!.url)).toBe(0);
    expect(await caseStatus(caseId, trackingToken)).toBe('dispatched_to_street');
    expect(runtime.faults!.stats.poisonFailed).toBeGreaterThanOrEqual(5);

    // the fix is deployed; an operator redrives with the documented command, against this running runtime
    runtime.faults!.cure(POISON);
    const runtimeFile = join(dir, 'runtime.json');
    writeRuntimeFile({ pid: process.pid, apiUrl: runtime.apiUrl, handlerEnv: runtime.handlerEnv }, runtimeFile);
    const { stdout } = await run('npm', ['run', '--silent', 'dlq:redrive', '--', STREET, '--runtime-file', runtimeFile], { cwd: process.cwd(), timeout: 60_000 });
    expect(stdout).toContain('2 message(s) in the DLQ');
    expect(stdout).toContain('moved 2 message(s)');

    expect(await until('the case to reach its grid', () => caseStatus(caseId, trackingToken), (s) => s === 'assigned')).toBe('assigned');
    // the malformed message fails again and returns to the DLQ: only it is left there
    await until('the malformed message back in the DLQ', () => depthOf(sqs, dlqUrl), (n) => n === 1);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await readAllBodies(sqs, dlqUrl)).toEqual([MALFORMED]);
  }, 120_000);
});

describe('moveMessages', () => {
  const dlq = { name: 'q-dlq', url: 'https://sqs/q-dlq', arn: 'arn:aws:sqs:r:1:q-dlq' };
  const source = { name: 'q', url: 'https://sqs/q', arn: 'arn:aws:sqs:r:1:q' };

  it("uses SQS's own redrive where it exists, and follows the task until it is done", async () => {
    const sent: unknown[] = [];
    let polls = 0;
    const client = {
      send: async (command: object) => {
        sent.push(command);
        if (command instanceof StartMessageMoveTaskCommand) return { TaskHandle: 'task-1' };
        if (command instanceof ListMessageMoveTasksCommand) {
          polls += 1;
          return { Results: [{ TaskHandle: 'task-1', Status: polls < 2 ? 'RUNNING' : 'COMPLETED', ApproximateNumberOfMessagesMoved: 7 }] };
        }
        throw new Error(`unexpected ${command.constructor.name}`);
      },
    } as unknown as SQSClient;
    const result = await moveMessages(client, dlq, source, { wait: async () => {} });
    expect(result).toEqual({ method: 'StartMessageMoveTask', moved: 7, status: 'COMPLETED' });
    expect((sent[0] as StartMessageMoveTaskCommand).input).toEqual({ SourceArn: dlq.arn, DestinationArn: source.arn });
  });

  it('reports a failed move task as an error', async () => {
    const client = {
      send: async (command: object) =>
        command instanceof StartMessageMoveTaskCommand ? { TaskHandle: 't' } : { Results: [{ TaskHandle: 't', Status: 'FAILED', FailureReason: 'AccessDenied' }] },
    } as unknown as SQSClient;
    await expect(moveMessages(client, dlq, source, { wait: async () => {} })).rejects.toThrow(/AccessDenied/);
  });
});
