// An embedded SQS-compatible HTTP endpoint for the local runtime, speaking the AWS JSON 1.0 protocol
// that @aws-sdk/client-sqs uses (POST /, X-Amz-Target: AmazonSQS.<Operation>, JSON body). Built on
// node:http only; queues live in memory and optionally persist to a JSON state file.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errors, SqsError } from './errors.js';
import { createOperations, type RequestContext } from './operations.js';
import { SnapshotFile } from './persistence.js';
import { ACCOUNT_ID, DEFAULT_REGION } from './queue-attributes.js';
import { QueueStore } from './store.js';

export interface SqsServerOptions {
  /** 0 (the default) picks any free port. */
  port?: number;
  /** Defaults to 127.0.0.1. */
  host?: string;
  /** Persist queues and messages here as JSON (debounced), and load them on start. */
  stateFile?: string;
  /** Deliver out of order: each message waits up to this many extra ms when sent or redelivered (default 0). */
  deliveryJitterMs?: number;
  /** Randomness for that jitter (default Math.random). */
  random?: () => number;
}

export interface SqsServer {
  /** http://host:port — use as the SQSClient endpoint. */
  url: string;
  port: number;
  /** Ends pending long polls, stops the server and writes the state file. */
  close(): Promise<void>;
  /** The URL of a queue (whether or not it exists). */
  queueUrl(name: string): string;
}

const MAX_REQUEST_BYTES = 4 * 1024 * 1024;
const TARGET_PREFIX = 'AmazonSQS.';
const CREDENTIAL_SCOPE = /Credential=([^/,\s]+)\/\d{8}\/([^/,\s]+)\/sqs\/aws4_request/;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_REQUEST_BYTES) chunks.push(chunk); // past the limit: keep draining, answer with an error
    });
    req.on('end', () => {
      if (size > MAX_REQUEST_BYTES) reject(errors.batchRequestTooLong());
      else resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
    req.on('close', () => {
      if (!req.complete) reject(new Error('request aborted by the client'));
    });
  });
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.writableEnded || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/x-amz-json-1.0',
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': randomUUID(),
    ...headers,
  });
  res.end(text);
}

function sendError(res: ServerResponse, error: SqsError): void {
  send(res, error.statusCode, error.toBody(), error.queryCode ? { 'x-amzn-query-error': `${error.queryCode};${error.fault}` } : {});
}

export async function startSqsServer(options: SqsServerOptions = {}): Promise<SqsServer> {
  const host = options.host ?? '127.0.0.1';
  const snapshots = options.stateFile ? new SnapshotFile(options.stateFile) : undefined;
  const store = new QueueStore(() => snapshots?.changed(), {
    ...(options.deliveryJitterMs !== undefined ? { deliveryJitterMs: options.deliveryJitterMs } : {}),
    ...(options.random ? { random: options.random } : {}),
  });
  if (snapshots) {
    const saved = await snapshots.load();
    if (saved) store.loadSnapshot(saved);
    snapshots.attach(() => store.toSnapshot());
  }
  const operations = createOperations(store);
  let baseUrl = '';
  let active = 0;
  let onIdle: (() => void) | undefined;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const aborted = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) aborted.abort();
    });
    try {
      const target = req.headers['x-amz-target'];
      const body = await readBody(req);
      if (req.method !== 'POST' || typeof target !== 'string' || !target.startsWith(TARGET_PREFIX)) {
        throw errors.unsupportedOperation(`Unsupported request: ${req.method} with X-Amz-Target ${String(target)}. Only the AWS JSON 1.0 protocol is served.`);
      }
      const name = target.slice(TARGET_PREFIX.length);
      const operation = Object.hasOwn(operations, name) ? operations[name] : undefined;
      if (!operation) throw errors.unsupportedOperation(`The operation ${name} is not supported by the local SQS endpoint.`);
      let input: unknown;
      try {
        input = body.trim() === '' ? {} : JSON.parse(body);
      } catch {
        throw errors.serialization('Malformed JSON in request body.');
      }
      if (typeof input !== 'object' || input === null || Array.isArray(input)) {
        throw errors.serialization('The request body must be a JSON object.');
      }
      const scope = CREDENTIAL_SCOPE.exec(req.headers.authorization ?? '');
      const ctx: RequestContext = {
        region: scope?.[2] ?? DEFAULT_REGION,
        senderId: scope?.[1] ?? ACCOUNT_ID,
        baseUrl,
        signal: aborted.signal,
      };
      const output = await operation(input as Record<string, unknown>, ctx);
      send(res, 200, output);
    } catch (error) {
      if (error instanceof SqsError) return sendError(res, error);
      if (aborted.signal.aborted || res.destroyed) return; // the client went away mid-request
      console.error('[local-sqs] internal error:', error);
      sendError(res, errors.internal(error instanceof Error ? error.message : String(error)));
    }
  }

  const server = createServer((req, res) => {
    active++;
    void handle(req, res).finally(() => {
      active--;
      if (active === 0) onIdle?.();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  baseUrl = `http://${urlHost}:${port}`;

  let closing: Promise<void> | undefined;
  async function close(): Promise<void> {
    store.close(); // pending long polls answer now, with no messages
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    if (active > 0) {
      // let requests already being handled finish (briefly), then drop keep-alive sockets
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 1000);
        onIdle = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    await new Promise((resolve) => setImmediate(resolve));
    server.closeAllConnections();
    await closed;
    await snapshots?.close();
  }

  return {
    url: baseUrl,
    port,
    close: () => (closing ??= close()),
    queueUrl: (name: string) => `${baseUrl}/${ACCOUNT_ID}/${name}`,
  };
}
