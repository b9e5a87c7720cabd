// The load generator, run in its own process (bench/load/run-load.ts forks it) so that its timing is not
// held up by the system under test, which runs in the benchmark's process. Two modes:
//   open loop:   request i is sent at start + i / rate, whether or not earlier ones were answered; its latency
//                counts from that intended moment, so a slow system cannot hide queueing (no coordinated omission)
//   closed loop: `concurrency` senders, each sending its next request when its last was answered
// POSTs JSON bodies (cycled) to one URL over keep-alive connections and reports each latency and status.
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

export interface LoadPlan {
  url: string;
  bodies: string[];
  count: number;
  mode: { kind: 'open'; ratePerSecond: number } | { kind: 'closed'; concurrency: number };
}

export interface LoadResult {
  /** ms from the intended send (open loop) or the actual send (closed loop) to the full answer */
  latenciesMs: number[];
  statuses: Record<string, number>;
  /** ms from the first send to the last answer */
  elapsedMs: number;
  /** the epoch ms of the first send, to line up with the benchmark's own clock */
  startedAtEpochMs: number;
  errors: string[];
  /** the `caseId` and `trackingToken` of each 201 answer */
  created: Array<{ caseId: string; trackingToken: string }>;
}

function post(agent: Agent, url: URL, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export async function runLoad(plan: LoadPlan): Promise<LoadResult> {
  const url = new URL(plan.url);
  const agent = new Agent({ keepAlive: true, maxSockets: plan.mode.kind === 'closed' ? plan.mode.concurrency : 1024 });
  const latenciesMs: number[] = [];
  const statuses: Record<string, number> = {};
  const errors: string[] = [];
  const created: LoadResult['created'] = [];
  const startedAtEpochMs = Date.now();
  const start = performance.now();

  const sendOne = async (i: number, countFrom: number) => {
    try {
      const answer = await post(agent, url, plan.bodies[i % plan.bodies.length]!);
      statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
      if (answer.status === 201) {
        const { caseId, trackingToken } = JSON.parse(answer.body) as { caseId: string; trackingToken: string };
        created.push({ caseId, trackingToken });
      }
    } catch (error) {
      statuses.error = (statuses.error ?? 0) + 1;
      if (errors.length < 5) errors.push((error as Error).message);
    }
    latenciesMs.push(performance.now() - countFrom);
  };

  if (plan.mode.kind === 'closed') {
    let next = 0;
    const sender = async () => {
      while (next < plan.count) {
        const i = next++;
        await sendOne(i, performance.now());
      }
    };
    await Promise.all(Array.from({ length: plan.mode.concurrency }, sender));
  } else {
    const intervalMs = 1000 / plan.mode.ratePerSecond;
    const inFlight: Promise<void>[] = [];
    let sent = 0;
    await new Promise<void>((resolve) => {
      const tick = () => {
        const now = performance.now();
        while (sent < plan.count && start + sent * intervalMs <= now) {
          inFlight.push(sendOne(sent, start + sent * intervalMs));
          sent++;
        }
        if (sent >= plan.count) return resolve();
        setTimeout(tick, Math.max(0, start + sent * intervalMs - performance.now()));
      };
      tick();
    });
    await Promise.all(inFlight);
  }
  agent.destroy();
  return { latenciesMs, statuses, elapsedMs: performance.now() - start, startedAtEpochMs, errors, created };
}

// As a forked child: take one plan over IPC, answer with the result, exit.
if (process.send) {
  process.once('message', (plan: LoadPlan) => {
    runLoad(plan).then(
      (result) => process.send!(result, () => process.exit(0)),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
