// The local API Gateway front, through real HTTP: what reaches the handler, what comes back, and the gateway's own errors.
import { request } from 'node:http';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startApiServer, type ApiRoute, type ApiServer } from '../../../infra/local/http/api-server.js';

interface Call {
  event: APIGatewayProxyEventV2;
  context: Context;
  remainingMs: number;
}

let server: ApiServer;
const calls: Call[] = [];
let nextResult: () => Promise<unknown> = async () => ({ statusCode: 200, body: 'ok' });

const capture: ApiRoute['handler'] = async (event, context) => {
  calls.push({ event, context, remainingMs: context.getRemainingTimeInMillis() });
  return (await nextResult()) as never;
};

beforeAll(async () => {
  server = await startApiServer({
    port: 0,
    routes: [
      { method: 'POST', path: '/cases', handler: capture, functionName: 'intake', timeoutSeconds: 10, memoryMb: 512 },
      { method: 'GET', path: '/cases/{caseId}', handler: capture, functionName: 'get-case' },
      { method: 'GET', path: '/cases/{caseId}/timeline', handler: capture },
      { method: 'GET', path: '/cases/today', handler: capture, functionName: 'literal-wins' },
      { method: 'GET', path: '/slow', handler: capture, functionName: 'slow', timeoutSeconds: 0.2 },
    ],
  });
});

afterAll(async () => {
  await server.close();
});

afterEach(() => {
  calls.length = 0;
  nextResult = async () => ({ statusCode: 200, body: 'ok' });
  vi.restoreAllMocks();
});

function lastCall(): Call {
  expect(calls).toHaveLength(1);
  return calls[0]!;
}

/** node:http rather than fetch, to send a header line more than once. */
function rawRequest(
  method: string,
  path: string,
  headers: Record<string, string | string[]>,
  body?: Buffer | string,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('the event a handler receives', () => {
  it('carries the route, the JSON body as text, lower-cased headers and the request context', async () => {
    const body = JSON.stringify({ channel: 'phone', content: '小区门口垃圾三天没人清运' });
    const res = await fetch(`${server.url}/cases`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': '7f3e-abc', 'User-Agent': 'vitest-agent' },
      body,
    });
    expect(res.status).toBe(200);

    const { event, context, remainingMs } = lastCall();
    expect(event.version).toBe('2.0');
    expect(event.routeKey).toBe('POST /cases');
    expect(event.rawPath).toBe('/cases');
    expect(event.rawQueryString).toBe('');
    expect(event.queryStringParameters).toBeUndefined();
    expect(event.pathParameters).toBeUndefined();
    expect(event.cookies).toBeUndefined();
    expect(event.isBase64Encoded).toBe(false);
    expect(event.body).toBe(body);
    expect(JSON.parse(event.body!)).toEqual({ channel: 'phone', content: '小区门口垃圾三天没人清运' });
    expect(event.headers['content-type']).toBe('application/json');
    expect(event.headers['idempotency-key']).toBe('7f3e-abc');
    expect(Object.keys(event.headers).every((name) => name === name.toLowerCase())).toBe(true);
    expect(event.headers.connection).toBeUndefined();
    expect(event.headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(event.headers['x-forwarded-proto']).toBe('http');
    expect(event.headers['x-forwarded-port']).toBe(String(server.port));
    expect(event.headers['x-amzn-trace-id']).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24}$/);

    const rc = event.requestContext;
    expect(rc.routeKey).toBe('POST /cases');
    expect(rc.stage).toBe('$default');
    expect(rc.http).toEqual({ method: 'POST', path: '/cases', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest-agent' });
    expect(rc.domainName).toBe('127.0.0.1');
    expect(rc.accountId).toMatch(/^\d{12}$/);
    expect(rc.requestId).toMatch(/^[A-Za-z0-9]{15}=$/);
    expect(rc.time).toMatch(/^\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000$/);
    expect(Math.abs(rc.timeEpoch - Date.now())).toBeLessThan(5_000);
    expect(res.headers.get('apigw-requestid')).toBe(rc.requestId);

    expect(context.functionName).toBe('intake');
    expect(context.memoryLimitInMB).toBe('512');
    expect(context.awsRequestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(context.invokedFunctionArn).toMatch(/^arn:aws:lambda:[a-z0-9-]+:\d{12}:function:intake$/);
    expect(remainingMs).toBeGreaterThan(9_000);
    expect(remainingMs).toBeLessThanOrEqual(10_000);
  });

  it('decodes path parameters and rawPath, Chinese included, and prefers the literal route', async () => {
    await fetch(`${server.url}/cases/${encodeURIComponent('黄埔-000001 号')}/timeline`);
    const { event, context } = lastCall();
    expect(event.routeKey).toBe('GET /cases/{caseId}/timeline');
    expect(event.pathParameters).toEqual({ caseId: '黄埔-000001 号' });
    expect(event.rawPath).toBe('/cases/黄埔-000001 号/timeline');
    expect(context.functionName).toBe('get-cases-caseId-timeline');

    calls.length = 0;
    await fetch(`${server.url}/cases/today`);
    expect(lastCall().context.functionName).toBe('literal-wins');
  });

  it('keeps the raw query string and decodes the parameters, joining repeats with commas', async () => {
    await fetch(`${server.url}/cases/HP-1?status=open&status=closed&q=%E5%9E%83%E5%9C%BE&empty=`);
    const { event } = lastCall();
    expect(event.rawQueryString).toBe('status=open&status=closed&q=%E5%9E%83%E5%9C%BE&empty=');
    expect(event.queryStringParameters).toEqual({ status: 'open,closed', q: '垃圾', empty: '' });
    expect(event.pathParameters).toEqual({ caseId: 'HP-1' });
  });

  it('joins a repeated header with commas and moves cookies out of the headers', async () => {
    await rawRequest('GET', '/cases/HP-1', { 'X-Multi': ['a', 'b'], Cookie: ['sid=1; theme=dark', 'lang=zh'], 'X-Tracking-Token': 'tok' });
    const { event } = lastCall();
    expect(event.headers['x-multi']).toBe('a,b');
    expect(event.headers['x-tracking-token']).toBe('tok');
    expect(event.headers.cookie).toBeUndefined();
    expect(event.cookies).toEqual(['sid=1', 'theme=dark', 'lang=zh']);
  });

  it('base64-encodes a binary body, as API Gateway does', async () => {
    const bytes = Buffer.from([0, 1, 2, 250, 255, 0x89, 0x50, 0x4e, 0x47]);
    await fetch(`${server.url}/cases`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: bytes });
    const { event } = lastCall();
    expect(event.isBase64Encoded).toBe(true);
    expect(Buffer.from(event.body!, 'base64').equals(bytes)).toBe(true);
  });

  it('base64-encodes a form body and a body with no content type; text/plain stays text', async () => {
    await rawRequest('POST', '/cases', { 'content-type': 'application/x-www-form-urlencoded' }, 'a=1&b=2');
    await rawRequest('POST', '/cases', {}, 'no type');
    await rawRequest('POST', '/cases', { 'content-type': 'text/plain; charset=utf-8' }, '垃圾');
    expect(calls.map((c) => [c.event.isBase64Encoded, c.event.body])).toEqual([
      [true, Buffer.from('a=1&b=2').toString('base64')],
      [true, Buffer.from('no type').toString('base64')],
      [false, '垃圾'],
    ]);
  });

  it('leaves out body for a request without one', async () => {
    await fetch(`${server.url}/cases/HP-1`);
    const { event } = lastCall();
    expect(event.body).toBeUndefined();
    expect(event.isBase64Encoded).toBe(false);
  });
});

describe('the response the caller gets', () => {
  it('has the status, headers, cookies and body of a structured result', async () => {
    nextResult = async () => ({
      statusCode: 201,
      headers: { 'content-type': 'application/json; charset=utf-8', location: '/cases/HP-1', 'x-count': 3 },
      cookies: ['a=1; Path=/', 'b=2; HttpOnly'],
      body: JSON.stringify({ caseId: 'HP-1', 状态: '已受理' }),
    });
    const res = await fetch(`${server.url}/cases`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('location')).toBe('/cases/HP-1');
    expect(res.headers.get('x-count')).toBe('3');
    expect(res.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; HttpOnly']);
    expect(await res.json()).toEqual({ caseId: 'HP-1', 状态: '已受理' });
  });

  it('decodes a base64 body', async () => {
    const bytes = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 1]);
    nextResult = async () => ({ statusCode: 200, headers: { 'content-type': 'image/jpeg' }, body: bytes.toString('base64'), isBase64Encoded: true });
    const res = await fetch(`${server.url}/cases/HP-1`);
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('treats a plain object as 200 JSON', async () => {
    nextResult = async () => ({ caseId: 'HP-1', status: 'open' });
    const res = await fetch(`${server.url}/cases/HP-1`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual({ caseId: 'HP-1', status: 'open' });
  });

  it('treats a string as a 200 JSON body, sent as it is', async () => {
    nextResult = async () => 'Hello from Lambda!';
    const res = await fetch(`${server.url}/cases/HP-1`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.text()).toBe('Hello from Lambda!');
  });
});

describe("API Gateway's own answers", () => {
  it('404 {"message":"Not Found"} for an unknown path, and for a known path with another method', async () => {
    for (const [method, path] of [['GET', '/nowhere'], ['DELETE', '/cases/HP-1'], ['GET', '/cases'], ['GET', '/cases/']]) {
      const res = await fetch(`${server.url}${path}`, { method });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(await res.json()).toEqual({ message: 'Not Found' });
      expect(res.headers.get('apigw-requestid')).toMatch(/=$/);
    }
    expect(calls).toHaveLength(0);
  });

  it('500 {"message":"Internal Server Error"} when the handler throws, logging the error but not the body', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    nextResult = async () => {
      throw new Error('table is gone');
    };
    const res = await fetch(`${server.url}/cases`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"caller":{"phone":"13800138000"}}' });
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ message: 'Internal Server Error' });
    const output = logged.mock.calls.flat().join('\n');
    expect(output).toContain('table is gone');
    expect(output).toContain('intake');
    expect(output).not.toContain('13800138000');
  });

  it('500 when the result is malformed (a statusCode that is not a number)', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    nextResult = async () => ({ statusCode: 'two hundred', body: 'x' });
    const res = await fetch(`${server.url}/cases/HP-1`);
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ message: 'Internal Server Error' });
  });

  it('500 when the handler runs past its timeout', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    nextResult = () => new Promise((resolve) => setTimeout(() => resolve({ statusCode: 200, body: 'late' }), 1_000));
    const started = Date.now();
    const res = await fetch(`${server.url}/slow`);
    expect(res.status).toBe(500);
    expect(Date.now() - started).toBeLessThan(900);
    expect(logged.mock.calls.flat().join('\n')).toContain('Task timed out after 0.2 seconds');
  });

  it('413 for a body over the limit, declared or streamed, without calling the handler', async () => {
    const small = await startApiServer({ port: 0, maxBodyBytes: 1024, routes: [{ method: 'POST', path: '/cases', handler: capture }] });
    try {
      const declared = await fetch(`${small.url}/cases`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(1025) });
      expect(declared.status).toBe(413);
      expect(await declared.json()).toEqual({ message: 'Request Entity Too Large' });

      const chunks = Array.from({ length: 50 }, () => new Uint8Array(100));
      const streamed = await fetch(`${small.url}/cases`, {
        method: 'POST',
        body: new ReadableStream({ start(c) { chunks.forEach((chunk) => c.enqueue(chunk)); c.close(); } }),
        duplex: 'half',
      } as RequestInit);
      expect(streamed.status).toBe(413);

      const fits = await fetch(`${small.url}/cases`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(1024) });
      expect(fits.status).toBe(200);
      expect(calls).toHaveLength(1);
    } finally {
      await small.close();
    }
  });

  it('413 past the default 10 MB, API Gateway\'s payload limit', async () => {
    const res = await fetch(`${server.url}/cases`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: Buffer.alloc(10 * 1024 * 1024 + 1, 0x20) });
    expect(res.status).toBe(413);
    expect(calls).toHaveLength(0);
  });
});

describe('close()', () => {
  it('stops promptly even with a keep-alive connection open, and frees the port', async () => {
    const own = await startApiServer({ port: 0, routes: [{ method: 'GET', path: '/x', handler: async () => ({ statusCode: 204 }) }] });
    const res = await fetch(`${own.url}/x`); // undici keeps the connection alive
    expect(res.status).toBe(204);
    const started = Date.now();
    await own.close();
    expect(Date.now() - started).toBeLessThan(1_000);
    await expect(fetch(`${own.url}/x`)).rejects.toThrow();
  });
});
