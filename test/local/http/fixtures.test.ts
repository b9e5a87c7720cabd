// The sample events in events/api/ are what the local API Gateway really produces for the same requests,
// and their routes are the HTTP routes of the topology.
import { readFileSync } from 'node:fs';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from '../../../infra/local/http/api-server.js';
import { FUNCTIONS } from '../../../infra/topology.js';

const load = (name: string) => JSON.parse(readFileSync(new URL(`../../../events/api/${name}`, import.meta.url), 'utf8')) as APIGatewayProxyEventV2;

const httpRoutes = FUNCTIONS.flatMap((f) => (f.trigger.kind === 'http' ? [{ id: f.id, method: f.trigger.method, path: f.trigger.path }] : []));
const GATEWAY_HEADERS = ['host', 'x-forwarded-for', 'x-forwarded-port', 'x-forwarded-proto', 'x-amzn-trace-id', 'content-length'];

let server: ApiServer;
let captured: APIGatewayProxyEventV2 | undefined;

beforeAll(async () => {
  server = await startApiServer({
    port: 0,
    routes: httpRoutes.map((r) => ({
      method: r.method,
      path: r.path,
      functionName: r.id,
      handler: async (event) => {
        captured = event;
        return { statusCode: 204 };
      },
    })),
  });
});
afterAll(() => server.close());

/** Sends the fixture's request to the local server and returns the event the handler got. */
async function replay(fixture: APIGatewayProxyEventV2): Promise<APIGatewayProxyEventV2> {
  captured = undefined;
  const headers = Object.fromEntries(Object.entries(fixture.headers).filter(([name]) => !GATEWAY_HEADERS.includes(name))) as Record<string, string>;
  const body = fixture.body === undefined ? undefined : fixture.isBase64Encoded ? Buffer.from(fixture.body, 'base64') : fixture.body;
  const path = fixture.rawPath.split('/').map(encodeURIComponent).join('/');
  const query = fixture.rawQueryString ? `?${fixture.rawQueryString}` : '';
  const res = await fetch(`${server.url}${path}${query}`, { method: fixture.requestContext.http.method, headers, body });
  expect(res.status).toBe(204);
  expect(captured).toBeDefined();
  return captured!;
}

const keys = (o: object) => Object.keys(o).sort();

describe.each(['post-case.json', 'post-case-bad.json', 'post-case-wrong-type.json', 'get-case.json', 'get-timeline.json'])('%s', (name) => {
  const fixture = load(name);

  it('is on a route of the topology', () => {
    expect(httpRoutes.map((r) => `${r.method} ${r.path}`)).toContain(fixture.routeKey);
    expect(fixture.requestContext.routeKey).toBe(fixture.routeKey);
  });

  it('has the shape and content the local API Gateway gives the same request', async () => {
    const local = await replay(fixture);
    expect(keys(local)).toEqual(keys(fixture));
    expect(keys(local.requestContext)).toEqual(keys(fixture.requestContext));
    expect(keys(local.requestContext.http)).toEqual(keys(fixture.requestContext.http));
    expect(keys(local.headers)).toEqual(expect.arrayContaining(keys(fixture.headers))); // fetch adds a few of its own
    for (const field of ['version', 'routeKey', 'rawPath', 'rawQueryString', 'pathParameters', 'queryStringParameters', 'cookies', 'body', 'isBase64Encoded'] as const) {
      expect(local[field], field).toEqual(fixture[field]);
    }
    for (const [header, value] of Object.entries(fixture.headers)) {
      if (!GATEWAY_HEADERS.includes(header) && header !== 'user-agent') expect(local.headers[header], header).toBe(value);
    }
    expect(fixture.requestContext.time).toMatch(/^\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000$/);
    expect(new Date(fixture.requestContext.timeEpoch).getUTCDate()).toBe(Number(fixture.requestContext.time.slice(0, 2)));
  });
});

describe('fixture content', () => {
  it('post-case: the JSON case with an Idempotency-Key', () => {
    const event = load('post-case.json');
    expect(event.headers['content-type']).toBe('application/json');
    expect(event.headers['idempotency-key']).toMatch(/^7f3e/);
    expect(JSON.parse(event.body!)).toEqual({
      channel: 'phone',
      content: '黄埔区大沙街道丰乐北路 小区门口垃圾三天没人清运',
      caller: { name: '李先生', phone: '13800138000' },
      address: '黄埔区大沙街道丰乐北路',
    });
    expect(Number(event.headers['content-length'])).toBe(Buffer.byteLength(event.body!));
  });

  it('post-case-bad: no content', () => {
    const body = JSON.parse(load('post-case-bad.json').body!) as Record<string, unknown>;
    expect(body).not.toHaveProperty('content');
    expect(body).toHaveProperty('channel', 'phone');
  });

  it('post-case-wrong-type: text/plain', () => {
    const event = load('post-case-wrong-type.json');
    expect(event.headers['content-type']).toMatch(/^text\/plain/);
    expect(event.isBase64Encoded).toBe(false);
  });

  it('get-case and get-timeline: the case id and a tracking token', () => {
    for (const name of ['get-case.json', 'get-timeline.json']) {
      const event = load(name);
      expect(event.pathParameters).toEqual({ caseId: 'HP-20261123-000001' });
      expect(event.headers['x-tracking-token']).toMatch(/^[A-Za-z0-9_-]{20,}$/);
      expect(event.body).toBeUndefined();
    }
  });
});
