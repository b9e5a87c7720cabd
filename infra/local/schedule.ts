// The local stand-in for an EventBridge schedule: invokes a handler every N ms with a real-shaped
// "Scheduled Event", never two runs at once, and stop() waits for a run in progress.
import { randomUUID } from 'node:crypto';
import type { ScheduledEvent } from 'aws-lambda';
import { createLambdaContext } from './http/lambda-context.js';

export interface LocalSchedule {
  stop(): Promise<void>;
}

export function startSchedule(options: {
  functionName: string;
  everyMs: number;
  timeoutSeconds: number;
  handler: (event: ScheduledEvent, context: ReturnType<typeof createLambdaContext>) => Promise<unknown>;
  onError?: (error: unknown) => void;
}): LocalSchedule {
  let running: Promise<void> | undefined;
  const region = process.env.AWS_REGION ?? 'us-east-1';
  const tick = () => {
    if (running) return;
    const event: ScheduledEvent = {
      version: '0',
      id: randomUUID(),
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
      account: '000000000000',
      time: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      region,
      resources: [`arn:aws:events:${region}:000000000000:rule/${options.functionName}-schedule`],
      detail: {},
    };
    const context = createLambdaContext({ functionName: options.functionName, timeoutMs: options.timeoutSeconds * 1000 });
    running = options
      .handler(event, context)
      .then(
        () => undefined,
        (error: unknown) => (options.onError ?? ((e) => console.error(`[schedule] ${options.functionName} failed: ${(e as Error).message}`)))(error),
      )
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(tick, options.everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
