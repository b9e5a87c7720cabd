// The handlers invoked directly with the API Gateway and SQS events in events/, against the local runtime's
// DynamoDB and SQS endpoints (its pollers off, so the messages each handler sends can be read here).
import { readFileSync } from 'node:fs';
import { DeleteMessageBatchCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context, ScheduledEvent, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalRuntime, type LocalRuntime } from '../../infra/local/runtime.js';
import { createLambdaContext } from '../../infra/local/http/lambda-context.js';

type Http = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;
type Sqs = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;

const fixture = <T>(path: string): T => JSON.parse(readFileSync(new URL(`../../events/${path}`, import.meta.url), 'utf8')) as T;
const context = (name: string) => createLambdaContext({ functionName: name, timeoutMs: 10_000 });

type Scheduled = (event: ScheduledEvent, context: Context) => Promise<{ due: number; resent: number; markedStuck: number; skipped: number }>;

// A one-second stall time, so the stall sweep has something to do within the test.
process.env.STALL_AFTER_SECONDS = '1';

let runtime: LocalRuntime;
let sqs: SQSClient;
let handlers: { intake: Http; getCase: Http; getTimeline: Http; district: Sqs; street: Sqs; grid: Sqs; resendStalled: Scheduled };

beforeAll(async () => {
  runtime = await startLocalRuntime({ port: 0, startPollers: false, visibilityTimeoutSeconds: 1 });
  sqs = new SQSClient({ region: 'us-east-1', endpoint: runtime.sqsEndpoint, credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
  const load = async (id: string) => ((await import(`../../functions/${id}/handler.ts`)) as { handler: unknown }).handler;
  handlers = {
    intake: (await load('intake')) as Http,
    getCase: (await load('get-case')) as Http,
    getTimeline: (await load('get-timeline')) as Http,
    district: (await load('dispatch-district')) as Sqs,
    street: (await load('dispatch-street')) as Sqs,
    grid: (await load('assign-grid')) as Sqs,
    resendStalled: (await load('resend-stalled')) as Scheduled,
  };
});
afterAll(async () => {
  sqs?.destroy();
  await runtime?.stop();
});

/** The SQS fixture with its first record's body replaced (case ids depend on the day the test runs). */
function sqsEvent(path: string, body: object, extra: SQSEvent['Records'] = []): SQSEvent {
  const event = fixture<SQSEvent>(path);
  return { Records: [{ ...event.Records[0]!, body: JSON.stringify(body) }, ...extra] };
}

/** Receive and delete what a queue holds now. */
async function takeMessages(queue: string): Promise<unknown[]> {
  const QueueUrl = runtime.queueUrls[queue]!.url;
  const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
  if (Messages.length > 0) {
    await sqs.send(new DeleteMessageBatchCommand({ QueueUrl, Entries: Messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })) }));
  }
  return Messages.map((m) => JSON.parse(m.Body ?? 'null'));
}

function withCase(event: APIGatewayProxyEventV2, caseId: string, token: string): APIGatewayProxyEventV2 {
  return { ...event, pathParameters: { caseId }, headers: { ...event.headers, 'x-tracking-token': token } };
}

describe('handlers with the events/ fixtures', () => {
  let caseId = '';
  let token = '';

  it('intake answers the sample POST with 201 and queues the case for the district', async () => {
    const response = await handlers.intake(fixture('api/post-case.json'), context('intake'));
    expect(response.statusCode).toBe(201);
    const body = JSON.parse(response.body ?? '{}');
    expect(body).toMatchObject({ caseId: expect.stringMatching(/^HP-\d{8}-\d{6}$/), status: 'received' });
    expect(response.headers?.location).toBe(`/cases/${body.caseId}`);
    ({ caseId, trackingToken: token } = body);
    expect(await takeMessages('district-dispatch')).toEqual([{ caseId }]);
  });

  it('intake refuses the bad fixtures with 400 and 415', async () => {
    const bad = await handlers.intake(fixture('api/post-case-bad.json'), context('intake'));
    expect(bad.statusCode).toBe(400);
    expect(JSON.parse(bad.body ?? '{}').error.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'content' })]));
    const wrongType = await handlers.intake(fixture('api/post-case-wrong-type.json'), context('intake'));
    expect(wrongType.statusCode).toBe(415);
  });

  it('the district handler routes the case to its street and sends the street message', async () => {
    const result = await handlers.district(sqsEvent('sqs/district-dispatch.json', { caseId }), context('dispatch-district'));
    expect(result.batchItemFailures).toEqual([]);
    expect(await takeMessages('street-dispatch')).toEqual([{ caseId, streetCode: '440112005' }]);
  });

  it('the street handler picks the community and grid', async () => {
    const result = await handlers.street(sqsEvent('sqs/street-dispatch.json', { caseId, streetCode: '440112005' }), context('dispatch-street'));
    expect(result.batchItemFailures).toEqual([]);
    const [message] = (await takeMessages('grid-assign')) as Array<{ caseId: string; gridCode: string }>;
    expect(message).toEqual({ caseId, gridCode: '440112005001-01' });
  });

  it('the grid handler records the assignment, and a duplicate delivery changes nothing', async () => {
    const event = sqsEvent('sqs/grid-assign.json', { caseId, gridCode: '440112005001-01' });
    expect((await handlers.grid(event, context('assign-grid'))).batchItemFailures).toEqual([]);
    expect((await handlers.grid(event, context('assign-grid'))).batchItemFailures).toEqual([]);
    const response = await handlers.getCase(withCase(fixture('api/get-case.json'), caseId, token), context('get-case'));
    expect(response.statusCode).toBe(200);
    const view = JSON.parse(response.body ?? '{}');
    expect(view).toMatchObject({ caseId, status: 'assigned', jurisdiction: { street: { code: '440112005', name: '大沙街道' }, grid: { code: '440112005001-01' } } });
    const timeline = JSON.parse((await handlers.getTimeline(withCase(fixture('api/get-timeline.json'), caseId, token), context('get-timeline'))).body ?? '{}');
    expect(timeline.events.map((e: { type: string }) => e.type)).toEqual(['received', 'classified', 'routed_to_street', 'routed_to_grid', 'assigned']);
  });

  it('the read handlers answer 404 for the fixture token, which is not this case’s', async () => {
    expect((await handlers.getCase(withCase(fixture('api/get-case.json'), caseId, fixture<APIGatewayProxyEventV2>('api/get-case.json').headers['x-tracking-token']!), context('get-case'))).statusCode).toBe(404);
    const fixtureToken = fixture<APIGatewayProxyEventV2>('api/get-timeline.json').headers['x-tracking-token']!;
    expect((await handlers.getTimeline(withCase(fixture('api/get-timeline.json'), caseId, fixtureToken), context('get-timeline'))).statusCode).toBe(404);
    // and the right token still works: the 404s came from the token, not from the case
    expect((await handlers.getTimeline(withCase(fixture('api/get-timeline.json'), caseId, token), context('get-timeline'))).statusCode).toBe(200);
  });

  it('reports only the bad records of a batch as failures', async () => {
    const good = sqsEvent('sqs/district-dispatch.json', { caseId }).Records[0]!;
    const notJson = { ...good, messageId: 'not-json', body: '{oops' };
    const wrongShape = { ...good, messageId: 'wrong-shape', body: JSON.stringify({ case: 1 }) };
    const unknownCase = { ...good, messageId: 'unknown-case', body: JSON.stringify({ caseId: 'HP-20000101-000001' }) };
    const result = await handlers.district({ Records: [good, notJson, wrongShape, unknownCase] }, context('dispatch-district'));
    expect(result.batchItemFailures.map((f) => f.itemIdentifier).sort()).toEqual(['not-json', 'unknown-case', 'wrong-shape']);
  });

  it('the scheduled stall sweep re-sends the hop of a case that has not moved', async () => {
    const response = await handlers.intake({ ...fixture<APIGatewayProxyEventV2>('api/post-case.json'), headers: { 'content-type': 'application/json' } }, context('intake'));
    const { caseId: stalled } = JSON.parse(response.body ?? '{}');
    expect(await takeMessages('district-dispatch')).toEqual([{ caseId: stalled }]);
    // nobody handled that message (no pollers here): after the stall time the sweep sends it again
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    const summary = await handlers.resendStalled(fixture('scheduled/resend-stalled.json'), context('resend-stalled'));
    expect(summary).toMatchObject({ resent: 1, markedStuck: 0 });
    expect(await takeMessages('district-dispatch')).toEqual([{ caseId: stalled }]);
    // and not again until the back-off has passed
    expect(await handlers.resendStalled(fixture('scheduled/resend-stalled.json'), context('resend-stalled'))).toMatchObject({ resent: 0 });
  });
});
