// `npm start`: the whole system on this machine. Options: --in-memory (keep nothing), --port N (or PORT),
// --clock-speed N [--clock-start ISO] (time travel: simulated time runs N times as fast; infra/local/clock-options.ts).
import { loadOrCreateStaffSecret } from './auth/secret-file.js';
import { removeRuntimeFile, writeRuntimeFile } from './runtime-file.js';
import { startLocalRuntime } from './runtime.js';
import { parseClockArgs, saveClock } from './clock-options.js';
import { systemNow } from '../../shared/clock.js';

const args = process.argv.slice(2);
const inMemory = args.includes('--in-memory');
const portArg = args.indexOf('--port');
const port = Number(portArg >= 0 ? args[portArg + 1] : (process.env.PORT ?? 3000));
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`bad port: ${String(port)}`);
  process.exit(2);
}

let clock: ReturnType<typeof parseClockArgs>;
try {
  clock = parseClockArgs(args, inMemory ? undefined : '.data');
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}

const runtime = await startLocalRuntime({
  port,
  ...clock,
  ...(inMemory ? {} : { dataDir: '.data', staffTokenSecret: loadOrCreateStaffSecret('.data') }),
  logRequests: true,
}).catch((error: NodeJS.ErrnoException) => {
  if (error.code === 'EADDRINUSE') console.error(`port ${port} is already in use: stop what uses it, or run PORT=<another port> npm start`);
  else console.error(`could not start: ${error.message}`);
  process.exit(1);
});
writeRuntimeFile({ pid: process.pid, apiUrl: runtime.apiUrl, handlerEnv: runtime.handlerEnv });

console.log(`
hotline12345 is running locally.

  API            ${runtime.apiUrl}
  DynamoDB       ${runtime.dynamoEndpoint} (table ${runtime.tableName}; ${inMemory ? 'in memory' : 'data in .data/'})
  SQS            ${runtime.sqsEndpoint}

Post a case:
  curl -s -X POST ${runtime.apiUrl}/cases -H 'content-type: application/json' \\
    -d '{"channel":"phone","content":"黄埔区大沙街道丰乐北路 小区门口垃圾三天没人清运","address":"黄埔区大沙街道丰乐北路"}'

Then read it (use caseId and trackingToken from the answer):
  curl -s ${runtime.apiUrl}/cases/<caseId> -H 'x-tracking-token: <trackingToken>'
  curl -s ${runtime.apiUrl}/cases/<caseId>/timeline -H 'x-tracking-token: <trackingToken>'

Send a few dozen sample requests and see where each went:  HOTLINE_URL=${runtime.apiUrl} npm run demo
Run one handler with an event file:  npm run invoke -- get-case events/api/get-case.json
Staff endpoints want a token:  npm run token -- --unit 440112001 --level street --role supervisor
  (then -H "authorization: Bearer <token>"; with --in-memory, tokens are only good for that run)
Supervisors' dashboard:  ${runtime.apiUrl}/dashboard  (paste a supervisor token)
${clock.clockSpeed && clock.clockSpeed !== 1 ? `Time travel: the clock runs ${clock.clockSpeed}× (now ${systemNow().toISOString()}); deadlines, urges and escalations follow it.\n` : ''}Stop with Ctrl-C.
`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    console.log('\nstopping…');
    removeRuntimeFile();
    if (!inMemory && clock.clockSpeed && clock.clockSpeed !== 1) saveClock('.data');
    runtime.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
