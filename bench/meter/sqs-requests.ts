// Counts the requests the local SQS endpoint answers, per operation, by watching Node's HTTP server
// diagnostics channel (no change to the server): every AWS JSON request names its operation in
// X-Amz-Target. A ReceiveMessage answer is read as it is sent, to tell receives that brought messages from
// empty long polls (on AWS both are billed; empty ones cost per hour of polling, not per case). Requests
// the benchmark makes to look at the queues carry a probe header and are not counted.
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PROBE_HEADER } from '../load/probe-client.js';

export interface SqsRequestCounts {
  /** operation → requests */
  byOperation: Record<string, number>;
  /** ReceiveMessage requests that returned at least one message */
  receivesWithMessages: number;
  /** messages those receives delivered */
  messagesReceived: number;
}

const CHANNEL = 'http.server.request.start';

export class SqsRequestMeter {
  private readonly byOperation = new Map<string, number>();
  private receivesWithMessages = 0;
  private messagesReceived = 0;
  private readonly listener = (message: unknown) => this.observe(message as { request: IncomingMessage; response: ServerResponse });

  /** Counts requests to the HTTP server listening on `port` (the local SQS endpoint). */
  constructor(private readonly port: number) {}

  start(): void {
    subscribe(CHANNEL, this.listener);
  }

  stop(): void {
    unsubscribe(CHANNEL, this.listener);
  }

  private observe({ request, response }: { request: IncomingMessage; response: ServerResponse }): void {
    if (request.socket.localPort !== this.port || request.headers[PROBE_HEADER]) return;
    const target = request.headers['x-amz-target'];
    const operation = typeof target === 'string' ? target.replace(/^AmazonSQS\./, '') : 'unknown';
    this.byOperation.set(operation, (this.byOperation.get(operation) ?? 0) + 1);
    if (operation !== 'ReceiveMessage') return;
    const end = response.end.bind(response) as (...args: unknown[]) => ServerResponse;
    response.end = ((...args: unknown[]) => {
      const body = args[0];
      if (typeof body === 'string' || Buffer.isBuffer(body)) {
        try {
          const count = ((JSON.parse(String(body)) as { Messages?: unknown[] }).Messages ?? []).length;
          if (count > 0) {
            this.receivesWithMessages++;
            this.messagesReceived += count;
          }
        } catch {
          // not JSON (an error page): not a receive that brought messages
        }
      }
      return end(...args);
    }) as ServerResponse['end'];
  }

  snapshot(): SqsRequestCounts {
    return { byOperation: Object.fromEntries(this.byOperation), receivesWithMessages: this.receivesWithMessages, messagesReceived: this.messagesReceived };
  }
}

/** Billable requests between two snapshots, counting only receives that brought messages. */
export function billableRequestsBetween(before: SqsRequestCounts, after: SqsRequestCounts): { requests: number; byOperation: Record<string, number>; emptyReceives: number } {
  const byOperation: Record<string, number> = {};
  for (const [operation, n] of Object.entries(after.byOperation)) {
    const delta = n - (before.byOperation[operation] ?? 0);
    if (delta > 0) byOperation[operation] = delta;
  }
  const receives = byOperation.ReceiveMessage ?? 0;
  const withMessages = after.receivesWithMessages - before.receivesWithMessages;
  const requests = Object.entries(byOperation).reduce((sum, [operation, n]) => sum + (operation === 'ReceiveMessage' ? withMessages : n), 0);
  return { requests, byOperation, emptyReceives: receives - withMessages };
}
