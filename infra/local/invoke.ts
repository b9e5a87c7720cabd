// `npm run invoke -- <function> <event.json>`: runs one handler once with an event file (for example from
// events/), against the DynamoDB and SQS of a running `npm start`, and prints what it returned.
import { readFileSync } from 'node:fs';
import { FUNCTIONS } from '../topology.js';
import { createLambdaContext } from './http/lambda-context.js';
import { readRuntimeFile, RUNTIME_FILE } from './runtime-file.js';

const [functionId, eventPath] = process.argv.slice(2);
const spec = FUNCTIONS.find((f) => f.id === functionId);
if (!spec || !eventPath) {
  console.error(`usage: npm run invoke -- <function> <event.json>\n  functions: ${FUNCTIONS.map((f) => f.id).join(', ')}\n  example:   npm run invoke -- get-case events/api/get-case.json`);
  process.exit(2);
}
const runtime = readRuntimeFile();
if (!runtime) {
  console.error(`no local runtime is running (${RUNTIME_FILE} is missing or stale): start one with npm start`);
  process.exit(2);
}
Object.assign(process.env, runtime.handlerEnv);

const event: unknown = JSON.parse(readFileSync(eventPath, 'utf8'));
const { handler } = (await import(`../../functions/${spec.id}/handler.ts`)) as { handler: (event: unknown, context: unknown) => Promise<unknown> };
const result = await handler(event, createLambdaContext({ functionName: spec.id, timeoutMs: spec.timeoutSeconds * 1000, memoryMb: spec.memoryMb }));
console.log(JSON.stringify(result, null, 2));
