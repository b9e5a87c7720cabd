// The task API, follow-up, calls for support and Open311 handlers invoked with the events/api/work and
// events/api/open311 fixtures, against the local runtime's DynamoDB and SQS (pollers off). Staff claims
// come in the fixtures as API Gateway's JWT authorizer hands them over.
import { readFileSync } from 'node:fs';
import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLambdaContext } from '../../infra/local/http/lambda-context.js';
import { localDynamoClient } from '../../infra/local/dynamo/test-dynamo.js';
import { startLocalRuntime, type LocalRuntime } from '../../infra/local/runtime.js';
import { CaseRepository } from '../../shared/adapters/dynamo/case-repository.js';
import { hashApiKey, OPEN311_API_KEY_HASHES } from '../../shared/services/open311/api-keys.js';
import { routeByHand } from '../services/work/route-by-hand.js';

type Http = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

const fixture = (path: string) => JSON.parse(readFileSync(new URL(`../../events/api/${path}`, import.meta.url), 'utf8')) as APIGatewayProxyEventV2;
const context = (name: string) => createLambdaContext({ functionName: name, timeoutMs: 10_000 });
const body = (response: APIGatewayProxyStructuredResultV2) => JSON.parse(response.body ?? 'null');

let runtime: LocalRuntime;
let sqs: SQSClient;
let cases: CaseRepository;
const handlers: Record<string, Http> = {};

beforeAll(async () => {
  process.env[OPEN311_API_KEY_HASHES] = `${'0'.repeat(64)},${hashApiKey('local-open311-key')}`;
  runtime = await startLocalRuntime({ port: 0, startPollers: false, visibilityTimeoutSeconds: 1 });
  sqs = new SQSClient({ region: 'us-east-1', endpoint: runtime.sqsEndpoint, credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
  cases = new CaseRepository(DynamoDBDocumentClient.from(localDynamoClient(runtime.dynamoEndpoint), { marshallOptions: { removeUndefinedValues: true } }), runtime.tableName);
  for (const id of ['intake', 'list-tasks', 'get-task', 'task-action', 'decide-extension', 'answer-support-call', 'follow-up', 'follow-up-by-agent', 'merge-case', 'hotspot-alerts', 'open311-read', 'open311-service', 'open311-request', 'open311-post']) {
    handlers[id] = ((await import(`../../functions/${id}/handler.ts`)) as { handler: Http }).handler;
  }
}, 60_000);
afterAll(async () => {
  sqs?.destroy();
  await runtime?.stop();
});

/** A new case (intake handler, without the fixture's Idempotency-Key), moved by hand to its grid. */
async function caseAtGrid(): Promise<{ caseId: string; token: string }> {
  const post = fixture('post-case.json');
  delete post.headers['idempotency-key'];
  const created = body(await handlers.intake!(post, context('intake')));
  await routeByHand(cases, created.caseId, new Date().toISOString());
  return { caseId: created.caseId, token: created.trackingToken };
}

/** The grid accepts and resolves the case through the task handler (the fixtures act as its grid handler). */
async function resolvedAtGrid(caseId: string): Promise<{ status: string }> {
  expect((await handlers['task-action']!(on('work/task-accept.json', caseId), context('task-action'))).statusCode).toBe(200);
  const resolved = await handlers['task-action']!(on('work/task-resolve.json', caseId), context('task-action'));
  expect(resolved.statusCode).toBe(200);
  return body(resolved);
}

function on(path: string, caseId: string, extra: Partial<APIGatewayProxyEventV2> = {}): APIGatewayProxyEventV2 {
  const event = fixture(path);
  return { ...event, pathParameters: { ...event.pathParameters, caseId }, ...extra };
}

async function queueBodies(queue: string): Promise<any[]> {
  const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: runtime.queueUrls[queue]!.url, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
  return Messages.map((m) => JSON.parse(m.Body ?? 'null'));
}

describe('the task API handlers', () => {
  it('refuses a request without staff claims with 401, and lists the grid’s tasks with them', async () => {
    expect((await handlers['list-tasks']!(fixture('work/list-tasks-no-token.json'), context('list-tasks'))).statusCode).toBe(401);
    const { caseId } = await caseAtGrid();
    const response = await handlers['list-tasks']!(fixture('work/list-tasks.json'), context('list-tasks'));
    expect(response.statusCode).toBe(200);
    expect(body(response)).toMatchObject({ unit: '440112005001-01', tasks: expect.arrayContaining([expect.objectContaining({ caseId, status: 'assigned' })]), supportCalls: [] });
  });

  it('accepts, contacts, notes and resolves; a repeat answers the same with Idempotent-Replayed', async () => {
    const { caseId, token } = await caseAtGrid();
    const accepted = await handlers['task-action']!(on('work/task-accept.json', caseId), context('task-action'));
    expect(accepted.statusCode).toBe(200);
    expect(body(accepted)).toMatchObject({ caseId, status: 'accepted', statusName: '已签收', event: { type: 'accepted', actor: { id: 'staff-grid-dsd-01' } } });
    const again = await handlers['task-action']!(on('work/task-accept.json', caseId), context('task-action'));
    expect(again.headers?.['idempotent-replayed']).toBe('true');
    expect(body(again).event.seq).toBe(body(accepted).event.seq);
    for (const name of ['work/task-contact.json', 'work/task-notes.json', 'work/task-resolve.json']) {
      const response = await handlers['task-action']!(on(name, caseId), context('task-action'));
      expect(response.statusCode, name).toBe(200);
    }
    const detail = body(await handlers['get-task']!(on('work/get-task.json', caseId), context('get-task')));
    expect(detail.timeline.map((e: { type: string }) => e.type).slice(-4)).toEqual(['accepted', 'contacted', 'progress_noted', 'resolved']);
    expect(detail.resolution.answer).toBe('垃圾已于当日清运完毕，并增加每日清运一次。');

    // the caller follows up with their token; the fixture's own token is not theirs
    expect((await handlers['follow-up']!(on('work/follow-up.json', caseId), context('follow-up'))).statusCode).toBe(404);
    const followUp = on('work/follow-up.json', caseId);
    followUp.headers = { ...followUp.headers, 'x-tracking-token': token };
    const closed = await handlers['follow-up']!(followUp, context('follow-up'));
    expect(closed.statusCode).toBe(200);
    expect(body(closed)).toMatchObject({ status: 'closed', events: [{ type: 'followed_up' }, { type: 'closed' }] });
  });

  it('answers an unknown action with 404, a bad body with 400 and a wrong state with 409', async () => {
    const { caseId } = await caseAtGrid();
    expect((await handlers['task-action']!(on('work/task-bad-action.json', caseId), context('task-action'))).statusCode).toBe(404);
    const bad = on('work/task-return.json', caseId, { body: JSON.stringify({ reasonCode: 'bored', reason: 'x' }) });
    const response = await handlers['task-action']!(bad, context('task-action'));
    expect(response.statusCode).toBe(400);
    expect(body(response).error.details.map((d: { field: string }) => d.field).sort()).toEqual(['reason', 'reasonCode']);
    expect((await handlers['task-action']!(on('work/task-resolve.json', caseId), context('task-action'))).statusCode).toBe(409);
    expect((await handlers['task-action']!(on('work/task-accept.json', 'HP-20991231-000001'), context('task-action'))).statusCode).toBe(404);
  });

  it('returns a case to the district dispatcher', async () => {
    const { caseId } = await caseAtGrid();
    await queueBodies('district-dispatch'); // the intake's messages
    const response = await handlers['task-action']!(on('work/task-return.json', caseId), context('task-action'));
    expect(response.statusCode).toBe(200);
    expect(body(response).status).toBe('returned');
    expect(await queueBodies('district-dispatch')).toContainEqual({ caseId });
  });

  it('requests an extension and lets the street supervisor approve it; an agent records a dissatisfied follow-up', async () => {
    const { caseId } = await caseAtGrid();
    await handlers['task-action']!(on('work/task-accept.json', caseId), context('task-action'));
    expect((await handlers['task-action']!(on('work/task-extension.json', caseId), context('task-action'))).statusCode).toBe(200);
    const decided = await handlers['decide-extension']!(on('work/extension-decision.json', caseId), context('decide-extension'));
    expect(decided.statusCode).toBe(200);
    expect(body(decided).event).toMatchObject({ type: 'extension_decided', deadline: { kind: 'resolve' } });
    // a grid handler is not a supervisor
    expect((await handlers['decide-extension']!(on('work/task-extension.json', caseId), context('decide-extension'))).statusCode).toBe(403);

    await handlers['task-action']!(on('work/task-resolve.json', caseId), context('task-action'));
    const reopened = await handlers['follow-up-by-agent']!(on('work/follow-up-by-agent.json', caseId), context('follow-up-by-agent'));
    expect(reopened.statusCode).toBe(200);
    expect(body(reopened)).toMatchObject({ status: 'accepted', events: [{ type: 'followed_up' }, { type: 'reopened' }] });
  });

  it('calls a department for support, which answers', async () => {
    const { caseId } = await caseAtGrid();
    await handlers['task-action']!(on('work/task-accept.json', caseId), context('task-action'));
    const called = await handlers['task-action']!(on('work/task-support-calls.json', caseId), context('task-action'));
    expect(called.statusCode).toBe(200);
    expect(body(called).events).toEqual([expect.objectContaining({ type: 'support_called', deadline: expect.objectContaining({ kind: 'support-answer', key: 'urban-management' }) })]);
    const messages = await queueBodies('dept-urban-management');
    expect(messages).toContainEqual(expect.objectContaining({ kind: 'support-call', caseId, department: 'urban-management' }));
    expect(JSON.stringify(messages)).not.toContain('13800138000');
    const answered = await handlers['answer-support-call']!(on('work/support-answer.json', caseId), context('answer-support-call'));
    expect(answered.statusCode).toBe(200);
    expect(body(answered).event.type).toBe('support_answered');
  });
});

describe('merging and hot spots', () => {
  it('merges a case not yet dispatched into an open one, and repeats the answer for the same request', async () => {
    const primary = await caseAtGrid();
    const post = fixture('post-case.json');
    delete post.headers['idempotency-key'];
    const repeat = body(await handlers.intake!(post, context('intake')));
    const merge = on('work/merge-case.json', repeat.caseId, { body: JSON.stringify({ into: primary.caseId }) });
    const merged = await handlers['merge-case']!(merge, context('merge-case'));
    expect(merged.statusCode).toBe(200);
    expect(body(merged)).toMatchObject({ caseId: repeat.caseId, status: 'merged', event: { type: 'merged' } });
    expect((await handlers['merge-case']!(merge, context('merge-case'))).headers?.['idempotent-replayed']).toBe('true');
    // a district handler may not act on a grid's case; a district supervisor may, but not once it is resolved
    const late = await caseAtGrid();
    const byHandler = on('work/merge-case.json', late.caseId, { body: JSON.stringify({ into: primary.caseId }) });
    expect((await handlers['merge-case']!(byHandler, context('merge-case'))).statusCode).toBe(403);
    const supervisor = structuredClone(byHandler);
    (supervisor.requestContext as any).authorizer.jwt.claims['custom:role'] = 'supervisor';
    const resolved = await resolvedAtGrid(late.caseId);
    expect(resolved.status).toBe('resolved');
    const refused = await handlers['merge-case']!(supervisor, context('merge-case'));
    expect(refused.statusCode).toBe(409);
    expect(body(refused).error.code).toBe('invalid_state');
  });

  it('runs the repeated-request sweep on its schedule and shows a street its alerts', async () => {
    const sweepModule = '../../functions/find-duplicates/handler.ts';
    const sweep = ((await import(sweepModule)) as { handler: (e: unknown, c: Context) => Promise<{ looked: number }> }).handler;
    const summary = await sweep(JSON.parse(readFileSync(new URL('../../events/scheduled/find-duplicates.json', import.meta.url), 'utf8')), context('find-duplicates'));
    // every case here is younger than a minute: the sweep waits for their routing
    expect(summary).toEqual({ looked: 0, proposed: 0, hotspots: 0 });
    const alerts = await handlers['hotspot-alerts']!(fixture('work/hotspot-alerts.json'), context('hotspot-alerts'));
    expect(alerts.statusCode).toBe(200);
    expect(body(alerts)).toEqual({ unit: '440112005', windowDays: 7, alerts: [] });
    const byHandler = fixture('work/list-tasks.json');
    expect((await handlers['hotspot-alerts']!({ ...byHandler, routeKey: 'GET /alerts/hotspots' }, context('hotspot-alerts'))).statusCode).toBe(403);
  });
});

describe('the Open311 handlers', () => {
  it('lists the services in JSON and XML, and one service’s definition', async () => {
    const json = await handlers['open311-read']!(fixture('open311/services-json.json'), context('open311-read'));
    expect(json.headers?.['content-type']).toBe('application/json; charset=utf-8');
    expect(body(json)).toContainEqual(expect.objectContaining({ service_code: 'urban-management.sanitation', metadata: false, type: 'realtime' }));
    const xml = await handlers['open311-read']!(fixture('open311/services-xml.json'), context('open311-read'));
    expect(xml.headers?.['content-type']).toBe('text/xml; charset=utf-8');
    expect(xml.body).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<services><service><service_code>/);
    const definition = await handlers['open311-service']!(fixture('open311/service-definition.json'), context('open311-service'));
    expect(body(definition)).toEqual({ service_code: 'urban-management.sanitation', attributes: [] });
    const unknown = fixture('open311/service-definition.json');
    unknown.pathParameters = { document: 'nope.xml' };
    const missing = await handlers['open311-service']!(unknown, context('open311-service'));
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('<errors><error><code>404</code>');
  });

  it('takes a form-encoded (base64, as API Gateway sends it) request in, then finds it by id and in a search', async () => {
    const created = await handlers['open311-post']!(fixture('open311/post-request.json'), context('open311-post'));
    expect(created.statusCode).toBe(201);
    const [answer] = body(created);
    expect(answer).toMatchObject({ service_request_id: expect.stringMatching(/^HP-\d{8}-\d{6}$/), service_notice: expect.stringContaining('已受理'), account_id: null });
    expect(created.headers?.['x-tracking-token']).toMatch(/^[\w-]{20,}$/);
    const id = answer.service_request_id as string;

    const one = fixture('open311/get-request.json');
    one.pathParameters = { document: `${id}.json` };
    const [request] = body(await handlers['open311-request']!(one, context('open311-request')));
    expect(request).toMatchObject({ service_request_id: id, status: 'open', service_code: 'urban-management.street-lights', description: '丰乐北路12号门口路灯不亮已经三天', media_url: 'https://example.org/photos/lamp.jpg', lat: 23.1031, long: 113.4417 });
    expect(JSON.stringify(request)).not.toMatch(/13800138000|李小明/);

    const search = await handlers['open311-read']!(fixture('open311/get-requests.json'), context('open311-read'));
    expect(search.statusCode).toBe(200);
    expect(search.body).toContain(`<service_request_id>${id}</service_request_id>`);
  });

  it('answers a missing api_key with 403 and a wrong content type with 400, in the spec’s error format', async () => {
    const noKey = fixture('open311/post-request.json');
    noKey.body = Buffer.from('service_code=urban-management.street-lights&lat=23.1&long=113.4').toString('base64');
    const refused = await handlers['open311-post']!(noKey, context('open311-post'));
    expect(refused.statusCode).toBe(403);
    expect(body(refused)).toEqual([{ code: 403, description: "Invalid api_key received -- can't proceed with create_request." }]);
    const wrongType = fixture('open311/post-request.json');
    wrongType.headers = { ...wrongType.headers, 'content-type': 'application/json' };
    expect((await handlers['open311-post']!(wrongType, context('open311-post'))).statusCode).toBe(400);
    const elsewhere = fixture('open311/services-xml.json');
    elsewhere.queryStringParameters = { jurisdiction_id: 'city.gov' };
    const notOurs = await handlers['open311-read']!(elsewhere, context('open311-read'));
    expect(notOurs.statusCode).toBe(404);
    expect(notOurs.body).toContain('<description>jurisdiction_id city.gov was not found');
    const read = fixture('open311/get-request.json');
    read.queryStringParameters = {};
    expect((await handlers['open311-request']!(read, context('open311-request'))).statusCode).toBe(403);
  });
});
