// The local stand-in for the API Gateway HTTP API: a node:http server that runs the same Lambda handlers,
// with the same event in (payload format 2.0) and the same response rules out.
//
// Like API Gateway: no matching route (method + path) → 404 {"message":"Not Found"}; a body over the payload
// limit (10 MB) → 413; a handler that throws, times out (route.timeoutSeconds) or returns a malformed result →
// 500 {"message":"Internal Server Error"}; no answer within API Gateway's 30 s integration timeout → 503.
// A route with an `authorize` hook stands for a route behind a JWT authorizer: no valid token → 401
// {"message":"Unauthorized"} before the handler runs; a valid one → its claims in requestContext.authorizer.jwt.
// Every response carries an apigw-requestid header, and the event's requestContext.requestId is the same id.
// A handler that timed out keeps running in this process (Lambda would have frozen it); its result is dropped.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { fromApiGatewayResult, gatewayError, writeHttpResponse, type HttpResponse } from './from-api-gateway-result.js';
import { createLambdaContext } from './lambda-context.js';
import { matchRoute, type RouteMatch } from './match-route.js';
import { newApiGatewayRequestId, toApiGatewayEvent } from './to-api-gateway-event.js';

export type ApiHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyResultV2>;

export interface ApiRoute {
  method: string;
  /** a path template, e.g. '/cases/{caseId}' */
  path: string;
  handler: ApiHandler;
  /** the Lambda function's name in the Context (default: made from method and path) */
  functionName?: string;
  /** the function's timeout; past it the call fails with 500, as on AWS (default: only the 30 s gateway limit) */
  timeoutSeconds?: number;
  memoryMb?: number;
  /** a JWT authorizer: the token's claims, or null to refuse the request with 401 */
  authorize?: (authorization: string | undefined) => Promise<Record<string, string> | null>;
}

export interface ApiServerOptions {
  /** 0 = any free port */
  port: number;
  /** default 127.0.0.1 */
  host?: string;
  routes: ApiRoute[];
  /** default 10 MB, API Gateway's own payload limit */
  maxBodyBytes?: number;
  /** one line per request: method, path, status, function, time */
  logRequests?: boolean;
}

export interface ApiServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export const API_GATEWAY_MAX_BODY_BYTES = 10 * 1024 * 1024;
/** API Gateway gives up on an integration after 30 s and answers 503. */
export const INTEGRATION_TIMEOUT_MS = 30_000;
/** After close(), requests still running get this long before their connections are cut. */
const CLOSE_GRACE_MS = 2_000;

type Outcome = { kind: 'result'; value: unknown } | { kind: 'error'; error: unknown } | { kind: 'lambda-timeout' } | { kind: 'gateway-timeout' };

export async function startApiServer(options: ApiServerOptions): Promise<ApiServer> {
  const host = options.host ?? '127.0.0.1';
  const maxBodyBytes = options.maxBodyBytes ?? API_GATEWAY_MAX_BODY_BYTES;
  const routes = [...options.routes];
  let closing = false;

  const server = createServer((req, res) => {
    if (closing) res.shouldKeepAlive = false;
    handle(req, res).catch((error: unknown) => {
      console.error(`[api] ${req.method} ${req.url}: ${describe(error)}`);
      if (!res.headersSent) writeHttpResponse(res, gatewayError(500));
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now();
    const requestId = newApiGatewayRequestId();
    const method = (req.method ?? 'GET').toUpperCase();
    const encodedPath = (req.url ?? '/').split('?')[0]!;
    const send = (response: HttpResponse, functionName?: string) => {
      writeHttpResponse(res, response, [['apigw-requestid', requestId]]);
      if (options.logRequests) {
        const by = functionName ? ` (${functionName})` : '';
        console.log(`[api] ${method} ${encodedPath} → ${response.statusCode}${by} ${Date.now() - started} ms`);
      }
    };

    const match = matchRoute(routes, method, encodedPath);
    if (!match) return send(gatewayError(404));
    const functionName = match.route.functionName ?? defaultFunctionName(match.route);

    let claims: Record<string, string> | null = null;
    if (match.route.authorize) {
      claims = await match.route.authorize(req.headers.authorization);
      if (!claims) return send(gatewayError(401), functionName);
    }

    const declared = Number(req.headers['content-length'] ?? 0);
    const body = declared > maxBodyBytes ? undefined : await readBody(req, maxBodyBytes);
    if (body === undefined) {
      // Do not read the rest: answer, then close the connection (a client still sending may see a reset).
      res.shouldKeepAlive = false;
      return send(gatewayError(413), functionName);
    }

    const event = toApiGatewayEvent(req, body, match, { requestId });
    if (claims) Object.assign(event.requestContext, { authorizer: { jwt: { claims, scopes: null } } });
    const outcome = await invoke(match, event, functionName);
    switch (outcome.kind) {
      case 'result':
        try {
          return send(fromApiGatewayResult(outcome.value), functionName);
        } catch (error) {
          console.error(`[api] ${match.routeKey} (${functionName}) returned a malformed response: ${describe(error)}`);
          return send(gatewayError(500), functionName);
        }
      case 'error':
        console.error(`[api] ${match.routeKey} (${functionName}) failed: ${describe(outcome.error)}`);
        return send(gatewayError(500), functionName);
      case 'lambda-timeout':
        console.error(`[api] ${match.routeKey} (${functionName}): Task timed out after ${match.route.timeoutSeconds} seconds`);
        return send(gatewayError(500), functionName);
      case 'gateway-timeout':
        console.error(`[api] ${match.routeKey} (${functionName}): no response within API Gateway's ${INTEGRATION_TIMEOUT_MS / 1000} s`);
        return send(gatewayError(503), functionName);
    }
  }

  async function invoke(match: RouteMatch<ApiRoute>, event: APIGatewayProxyEventV2, functionName: string): Promise<Outcome> {
    const { route } = match;
    const lambdaMs = route.timeoutSeconds !== undefined ? route.timeoutSeconds * 1000 : undefined;
    const lambdaFirst = lambdaMs !== undefined && lambdaMs < INTEGRATION_TIMEOUT_MS;
    const context = createLambdaContext({ functionName, timeoutMs: lambdaMs ?? INTEGRATION_TIMEOUT_MS, memoryMb: route.memoryMb });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<Outcome>((resolve) => {
      timer = setTimeout(
        () => resolve({ kind: lambdaFirst ? 'lambda-timeout' : 'gateway-timeout' }),
        lambdaFirst ? lambdaMs : INTEGRATION_TIMEOUT_MS,
      );
    });
    const run = Promise.resolve()
      .then(() => route.handler(event, context))
      .then(
        (value): Outcome => ({ kind: 'result', value }),
        (error: unknown): Outcome => ({ kind: 'error', error }),
      );
    try {
      return await Promise.race([run, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        closing = true;
        const cutOff = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
        server.close((err) => {
          clearTimeout(cutOff);
          if (err) reject(err);
          else resolve();
        });
        server.closeIdleConnections();
      }),
  };
}

/** The body, or undefined once it passes the limit (the rest is left unread). */
function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.off('data', onData);
        req.off('end', onEnd);
        req.pause();
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => resolve(Buffer.concat(chunks, size));
    req.on('data', onData);
    req.on('end', onEnd);
    req.once('error', reject);
  });
}

function defaultFunctionName(route: { method: string; path: string }): string {
  const path = route.path.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `${route.method.toLowerCase()}-${path || 'root'}`;
}

/** The error's name, message and stack — never the request or its body. */
function describe(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}
