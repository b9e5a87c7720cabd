// `npm run dlq:redrive -- <queue> [--aws] [--by-hand] [--runtime-file <path>]`
// Moves the messages of <queue>'s dead-letter queue (`<queue>-dlq`) back to <queue>, once the cause of their
// failures is fixed. <queue> is a name from infra/topology.ts, e.g. district-dispatch, street-dispatch,
// grid-assign, dept-<code>.
//   - With `npm start` running (its .data/runtime.json) and no --aws: against the local SQS endpoint.
//   - Otherwise (or with --aws): against AWS with the SDK's usual credentials and region (AWS_PROFILE,
//     AWS_REGION …), using SQS's own redrive, StartMessageMoveTask.
// Prints the DLQ's depth before and after and how many messages moved; exits 1 on any error.
import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { readRuntimeFile, RUNTIME_FILE } from '../infra/local/runtime-file.js';
import { dlqName } from '../infra/topology.js';
import { moveMessages } from './dlq/move-messages.js';
import { resolveQueue } from './dlq/resolve-queue.js';

function usage(message: string): never {
  console.error(`${message}\nusage: npm run dlq:redrive -- <queue> [--aws] [--by-hand] [--runtime-file <path>]`);
  process.exit(2);
}

function clientFor(useAws: boolean, runtimeFile: string): { client: SQSClient; where: string } {
  if (!useAws) {
    const local = readRuntimeFile(runtimeFile);
    const env = local?.handlerEnv;
    if (env?.AWS_ENDPOINT_URL_SQS) {
      const client = new SQSClient({
        endpoint: env.AWS_ENDPOINT_URL_SQS,
        region: env.AWS_REGION ?? 'us-east-1',
        credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID ?? 'local', secretAccessKey: env.AWS_SECRET_ACCESS_KEY ?? 'local' },
      });
      return { client, where: `the local runtime (${env.AWS_ENDPOINT_URL_SQS})` };
    }
  }
  return { client: new SQSClient({}), where: 'AWS' };
}

async function depth(client: SQSClient, url: string): Promise<number> {
  const { Attributes } = await client.send(
    new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }),
  );
  return Number(Attributes?.ApproximateNumberOfMessages ?? 0) + Number(Attributes?.ApproximateNumberOfMessagesNotVisible ?? 0);
}

const args = process.argv.slice(2);
const fileArg = args.indexOf('--runtime-file');
const runtimeFile = fileArg >= 0 ? (args[fileArg + 1] ?? usage('--runtime-file needs a path')) : RUNTIME_FILE;
const positional = args.filter((a, i) => !a.startsWith('--') && !(fileArg >= 0 && i === fileArg + 1));
if (positional.length !== 1) usage('name one queue');
const queueName = positional[0]!.replace(/-dlq$/, '');

const { client, where } = clientFor(args.includes('--aws'), runtimeFile);
try {
  const source = await resolveQueue(client, queueName);
  const dlq = await resolveQueue(client, dlqName(queueName));
  const before = await depth(client, dlq.url);
  console.log(`redriving ${dlq.name} → ${source.name} on ${where}: ${before} message(s) in the DLQ`);
  const result = await moveMessages(client, dlq, source, { byHand: args.includes('--by-hand') });
  const after = await depth(client, dlq.url);
  console.log(`moved ${result.moved} message(s) with ${result.method} (${result.status}); ${after} left in the DLQ`);
} catch (error) {
  console.error(`redrive failed: ${(error as Error).name}: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  client.destroy();
}
