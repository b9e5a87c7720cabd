// The triage and dispute handlers invoked with the events/api/triage fixtures, against the local runtime's
// DynamoDB and SQS (pollers off): staff claims as API Gateway's JWT authorizer hands them over, the case
// moved by the real dispatch handlers' services.
import { readFileSync } from 'node:fs';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLambdaContext } from '../../infra/local/http/lambda-context.js';
import { localDynamoClient } from '../../infra/local/dynamo/test-dynamo.js';
import { startLocalRuntime, type LocalRuntime } from '../../infra/local/runtime.js';
import { caseKey } from '../../shared/adapters/dynamo/keys.js';
import { CaseRepository } from '../../shared/adapters/dynamo/case-repository.js';

type Http = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

const fixture = (path: string) => JSON.parse(readFileSync(new URL(`../../events/api/${path}`, import.meta.url), 'utf8')) as APIGatewayProxyEventV2;
const context = (name: string) => createLambdaContext({ functionName: name, timeoutMs: 10_000 });
const body = (response: APIGatewayProxyStructuredResultV2) => JSON.parse(response.body ?? 'null');

let runtime: LocalRuntime;
let db: DynamoDBDocumentClient;
let cases: CaseRepository;
const handlers: Record<string, Http> = {};

beforeAll(async () => {
  runtime = await startLocalRuntime({ port: 0, startPollers: false, visibilityTimeoutSeconds: 1 });
  db = DynamoDBDocumentClient.from(localDynamoClient(runtime.dynamoEndpoint), { marshallOptions: { removeUndefinedValues: true } });
  cases = new CaseRepository(db, runtime.tableName);
  for (const id of ['intake', 'triage-list', 'triage-street', 'triage-community', 'dispute-decision']) {
    handlers[id] = ((await import(`../../functions/${id}/handler.ts`)) as { handler: Http }).handler;
  }
}, 60_000);
afterAll(async () => {
  await runtime?.stop();
});

/** A case taken in by the intake handler and moved by the repository to the given triage status. */
async function caseIn(status: 'triage_district' | 'triage_street' | 'disputed'): Promise<string> {
  const post = fixture('post-case.json');
  delete post.headers['idempotency-key'];
  const { caseId } = body(await handlers.intake!(post, context('intake')));
  const at = new Date().toISOString();
  const actor = { kind: 'system' as const, id: 'test' };
  const record = (await cases.get(caseId))!;
  if (status === 'triage_street') {
    const street = { code: '440112005', name: '大沙街道' };
    const sent = await cases.transition(record, { to: 'dispatched_to_street', changes: { jurisdiction: { ...record.jurisdiction, street }, owner: { ...street, level: 'street' } }, event: { type: 'routed_to_street', at, actor } }, at);
    if (!sent.ok) throw new Error('not moved');
    await cases.transition(sent.record, { to: 'triage_street', changes: {}, event: { type: 'triage_required', at, actor } }, at);
  } else if (status === 'triage_district') {
    await cases.transition(record, { to: 'triage_district', changes: {}, event: { type: 'triage_required', at, actor } }, at);
  } else {
    // two returns recorded, as the task API's return action leaves them, then the district dispatcher's move
    const returned = { code: '440112005001-01', name: '大沙东社区第一网格', level: 'grid' };
    await db.send(new UpdateCommand({ TableName: runtime.tableName, Key: caseKey(caseId), UpdateExpression: 'SET #r = :r', ExpressionAttributeNames: { '#r': 'returns' }, ExpressionAttributeValues: { ':r': [{ unit: returned, reasonCode: 'outside_jurisdiction', reason: '不在本网格', at }, { unit: { ...returned, code: '440112005002-01', name: '横沙社区第一网格' }, reasonCode: 'outside_jurisdiction', reason: '不在本网格', at }] } }));
    const fresh = (await cases.get(caseId))!;
    const street = await cases.transition(fresh, { to: 'dispatched_to_street', changes: {}, event: { type: 'routed_to_street', at, actor } }, at);
    const grid = await cases.transition((street as { record: typeof fresh }).record, { to: 'dispatched_to_grid', changes: {}, event: { type: 'routed_to_grid', at, actor } }, at);
    const assigned = await cases.transition((grid as { record: typeof fresh }).record, { to: 'assigned', changes: {}, event: { type: 'assigned', at, actor } }, at);
    const back = await cases.transition((assigned as { record: typeof fresh }).record, { to: 'returned', changes: {}, event: { type: 'returned', at, actor } }, at);
    await cases.transition((back as { record: typeof fresh }).record, { to: 'disputed', changes: { owner: { code: '440112', name: '黄埔区', level: 'district' } }, event: { type: 'disputed', at, actor } }, at);
  }
  return caseId;
}

function on(path: string, caseId: string): APIGatewayProxyEventV2 {
  const event = fixture(path);
  return { ...event, pathParameters: { ...event.pathParameters, caseId } };
}

describe('the triage handlers', () => {
  it('refuses a request without staff claims (401) and a bad level (400); lists the district\'s waiting cases', async () => {
    const unauthenticated = fixture('triage/list-triage-district.json');
    delete (unauthenticated.requestContext as { authorizer?: unknown }).authorizer;
    expect((await handlers['triage-list']!(unauthenticated, context('triage-list'))).statusCode).toBe(401);
    const badLevel = fixture('triage/list-triage-district.json');
    badLevel.queryStringParameters = { level: 'grid' };
    const refused = await handlers['triage-list']!(badLevel, context('triage-list'));
    expect(refused.statusCode).toBe(400);
    expect(body(refused).error.details).toEqual([{ field: 'level', message: 'one of district, street' }]);

    const caseId = await caseIn('triage_district');
    const response = await handlers['triage-list']!(fixture('triage/list-triage-district.json'), context('triage-list'));
    expect(response.statusCode).toBe(200);
    expect(body(response)).toMatchObject({ level: 'district', unit: { code: '440112' }, cases: expect.arrayContaining([expect.objectContaining({ caseId, status: 'triage_district' })]) });
  });

  it('district triage picks a street: 200 with the event, 409 when no longer in triage, 400 on a bad body', async () => {
    const caseId = await caseIn('triage_district');
    const response = await handlers['triage-street']!(on('triage/triage-street.json', caseId), context('triage-street'));
    expect(response.statusCode).toBe(200);
    expect(body(response)).toMatchObject({ caseId, status: 'dispatched_to_street', owner: { code: '440112006' }, event: { type: 'triage_decided', unit: { code: '440112006' } } });
    const replay = await handlers['triage-street']!(on('triage/triage-street.json', caseId), context('triage-street'));
    expect(replay.headers?.['idempotent-replayed']).toBe('true');
    const other = on('triage/triage-street.json', caseId);
    other.body = JSON.stringify({ streetCode: '440112007' });
    expect((await handlers['triage-street']!(other, context('triage-street'))).statusCode).toBe(409);
    const bad = on('triage/triage-street.json', caseId);
    bad.body = JSON.stringify({ streetCode: '440112007', departmentCode: 'transport' });
    expect((await handlers['triage-street']!(bad, context('triage-street'))).statusCode).toBe(400);
  });

  it('street triage picks a community, and lists the street\'s waiting cases', async () => {
    const caseId = await caseIn('triage_street');
    const list = await handlers['triage-list']!(fixture('triage/list-triage-street.json'), context('triage-list'));
    expect(body(list).cases.map((c: { caseId: string }) => c.caseId)).toContain(caseId);
    const response = await handlers['triage-community']!(on('triage/triage-community.json', caseId), context('triage-community'));
    expect(response.statusCode).toBe(200);
    expect(body(response)).toMatchObject({ status: 'dispatched_to_grid', jurisdiction: { community: { code: '440112005002' } }, event: { type: 'triage_decided' } });
  });

  it('a district supervisor rules on a dispute; a handler may not (403)', async () => {
    const caseId = await caseIn('disputed');
    const asHandler = on('triage/dispute-decision.json', caseId);
    (asHandler.requestContext as any).authorizer.jwt.claims['custom:role'] = 'handler';
    expect((await handlers['dispute-decision']!(asHandler, context('dispute-decision'))).statusCode).toBe(403);
    const response = await handlers['dispute-decision']!(on('triage/dispute-decision.json', caseId), context('dispute-decision'));
    expect(response.statusCode).toBe(200);
    expect(body(response)).toMatchObject({ status: 'dispatched_to_street', owner: { code: '440112005' }, event: { type: 'dispute_decided' } });
    expect(body(response).event.reason).toContain('曾退单：大沙东社区第一网格、横沙社区第一网格');
  });
});
