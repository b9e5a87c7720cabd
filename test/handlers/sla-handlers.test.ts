// The supervisor API and the pause/resume endpoints, invoked with the API Gateway events in events/api/
// (claims as the JWT authorizer passes them) against embedded DynamoDB through the real wiring.
import { readFileSync } from 'node:fs';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTable } from '../../infra/local/dynamo/table-definition.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/dynamo/local-client.js';
import { localDynamoClient, startTestDynamo, type TestDynamo } from '../../infra/local/dynamo/test-dynamo.js';
import { createLambdaContext } from '../../infra/local/http/lambda-context.js';
import type { TimelineEvent } from '../../shared/domain/timeline.js';
import type { Harness } from '../support/service-harness.js';
import { bj, caseRecord, GRID, storeCase } from '../services/sla/sla-support.js';

type Http = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;
const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../events/api/${name}.json`, import.meta.url), 'utf8')) as APIGatewayProxyEventV2;
const context = (name: string) => createLambdaContext({ functionName: name, timeoutMs: 10_000 });

const STREET_SUPERVISOR = { sub: 'sup-1', 'custom:unit': '440112001', 'custom:level': 'street', 'custom:role': 'supervisor' };
const OTHER_STREET_SUPERVISOR = { sub: 'sup-2', 'custom:unit': '440112002', 'custom:level': 'street', 'custom:role': 'supervisor' };
const GRID_HANDLER = { sub: 'staff-grid-01', 'custom:unit': GRID.code, 'custom:level': 'grid', 'custom:role': 'handler' };

function withClaims(event: APIGatewayProxyEventV2, claims: Record<string, string> | null): APIGatewayProxyEventV2 {
  const copy = structuredClone(event) as APIGatewayProxyEventV2 & { requestContext: { authorizer?: unknown } };
  if (claims === null) delete copy.requestContext.authorizer;
  else copy.requestContext.authorizer = { jwt: { claims, scopes: null } };
  return copy;
}
const withQuery = (event: APIGatewayProxyEventV2, query: Record<string, string>) => ({ ...event, queryStringParameters: query, rawQueryString: new URLSearchParams(query).toString() });
const withPath = (event: APIGatewayProxyEventV2, params: Record<string, string>) => ({ ...event, pathParameters: params });
const json = (r: APIGatewayProxyStructuredResultV2) => JSON.parse(r.body as string) as Record<string, unknown> & { error?: { code: string; details: Array<{ field: string }> } };

let dynamo: TestDynamo;
const h: Record<string, Http> = {};
let overdueCaseId = '';
let acceptedCaseId = '';

beforeAll(async () => {
  dynamo = await startTestDynamo();
  Object.assign(process.env, {
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    TABLE_NAME: 'sla-handlers',
  });
  const client = localDynamoClient(dynamo.endpoint);
  await ensureTable(client, 'sla-handlers');
  client.destroy();
  for (const id of ['sla-summary', 'sla-unit', 'sla-overdue', 'sla-ranking', 'sla-case', 'pause-case', 'resume-case']) {
    h[id] = ((await import(`../../functions/${id}/handler.ts`)) as { handler: Http }).handler;
  }
  // seed: a grid case counted on Nov 2 and left unaccepted past its deadline, swept on Nov 23 16:00
  const { dependencies } = await import('../../shared/services/wiring.js');
  const { workDependencies } = await import('../../shared/services/work/work-wiring.js');
  const { countEvent } = await import('../../shared/services/count-event.js');
  const { sweepOverdue } = await import('../../shared/services/sla/sweep-overdue.js');
  const deps = dependencies();
  const store = { deps } as unknown as Harness;
  const late = await storeCase(store, caseRecord({ arrivedAt: '2026-11-23T09:00' }));
  overdueCaseId = late.caseId;
  await countEvent(deps, late, late.lastEvent);
  await sweepOverdue({ ...workDependencies(), now: () => bj('2026-11-23T16:00') });
  const accepted = await storeCase(store, caseRecord({ arrivedAt: '2026-11-02T09:00' }));
  await countEvent(deps, accepted, accepted.lastEvent);
  const acceptedAt = bj('2026-11-02T10:00').toISOString();
  await countEvent(deps, accepted, { seq: 4, type: 'accepted', at: acceptedAt, actor: { kind: 'unit', id: 's', unit: GRID }, status: 'accepted' } as TimelineEvent);
  await deps.cases.transition(accepted, { to: 'accepted', changes: {}, event: { type: 'accepted', at: acceptedAt, actor: { kind: 'unit', id: 's', unit: GRID } } }, acceptedAt);
  acceptedCaseId = accepted.caseId;
  // another street's grid had a case on Nov 3
  await deps.figures.add({ code: '440112002001-01', name: '红山社区第一网格', level: 'grid' }, '2026-11-03', { received: 1 });
  await deps.figures.add({ code: '440112002', name: '红山街道', level: 'street' }, '2026-11-03', { received: 1 });
});
afterAll(async () => {
  await dynamo?.close();
});

describe('GET /sla/summary', () => {
  it('answers a district supervisor with a row per street, overdue now included', async () => {
    const res = await h['sla-summary']!(fixture('sla-summary'), context('sla-summary'));
    expect(res.statusCode).toBe(200);
    const body = json(res) as unknown as { units: Array<{ unitCode: string; overdueNow: number; summary: { counts: { received: number; accepted: number } } }>; itemsRead: number };
    const huangpu = body.units.find((u) => u.unitCode === '440112001')!;
    expect(huangpu.summary.counts.received).toBe(2);
    expect(huangpu.summary.counts.accepted).toBe(1);
    expect(huangpu.overdueNow).toBe(1);
    expect(body.units.map((u) => u.unitCode)).toContain('440112002');
    expect(body.itemsRead).toBeLessThanOrEqual(6); // street-days with figures + the streets' overdue boards
  });

  it('shows a street supervisor only the grids of its street, and refuses it the district level', async () => {
    const own = await h['sla-summary']!(withQuery(withClaims(fixture('sla-summary'), STREET_SUPERVISOR), { level: 'grid', from: '2026-11-01', to: '2026-11-30' }), context('x'));
    expect(res200(own).units.map((u: { unitCode: string }) => u.unitCode)).toEqual([GRID.code]);
    const above = await h['sla-summary']!(withQuery(withClaims(fixture('sla-summary'), STREET_SUPERVISOR), { level: 'district', from: '2026-11-01', to: '2026-11-30' }), context('x'));
    expect(above.statusCode).toBe(403);
  });

  it('answers 401 without a token, 403 for a handler, 400 for bad parameters with each field named', async () => {
    expect((await h['sla-summary']!(withClaims(fixture('sla-summary'), null), context('x'))).statusCode).toBe(401);
    expect((await h['sla-summary']!(withClaims(fixture('sla-summary'), GRID_HANDLER), context('x'))).statusCode).toBe(403);
    const bad = await h['sla-summary']!(withQuery(fixture('sla-summary'), { level: 'city', from: '2026-13-01', to: '2026-11-30' }), context('x'));
    expect(bad.statusCode).toBe(400);
    expect(json(bad).error!.details.map((d) => d.field).sort()).toEqual(['from', 'level']);
    const unknown = await h['sla-summary']!(withQuery(fixture('sla-summary'), { level: 'street', from: '2026-11-01', to: '2026-11-30', sort: 'x' }), context('x'));
    expect(unknown.statusCode).toBe(400);
  });
});

function res200(res: APIGatewayProxyStructuredResultV2) {
  expect(res.statusCode).toBe(200);
  return json(res) as never as { units: Array<{ unitCode: string }> };
}

describe('GET /sla/units/{code}', () => {
  it("gives a unit's days", async () => {
    const res = await h['sla-unit']!(fixture('sla-unit'), context('sla-unit'));
    expect(res.statusCode).toBe(200);
    const body = json(res) as unknown as { unitName: string; days: Array<{ date: string }>; totals: { counts: { received: number } }; overdueNow: number };
    expect(body.unitName).toBe('黄埔街道');
    expect(body.days.map((d) => d.date)).toEqual(['2026-11-02', '2026-11-23']);
    expect(body.totals.counts.received).toBe(2);
    expect(body.overdueNow).toBe(1);
  });

  it('answers 404 for an unknown unit and 403 for a unit outside the supervisor', async () => {
    expect((await h['sla-unit']!(withPath(fixture('sla-unit'), { code: 'nope' }), context('x'))).statusCode).toBe(404);
    expect((await h['sla-unit']!(withClaims(fixture('sla-unit'), OTHER_STREET_SUPERVISOR), context('x'))).statusCode).toBe(403);
  });
});

describe('GET /sla/overdue', () => {
  it("lists the street's overdue case with its passed deadline", async () => {
    const res = await h['sla-overdue']!(fixture('sla-overdue'), context('sla-overdue'));
    expect(res.statusCode).toBe(200);
    const body = json(res) as unknown as { cases: Array<{ caseId: string; overdue: Array<{ kind: string; overdueMinutes: number }> }> };
    expect(body.cases.map((c) => c.caseId)).toEqual([overdueCaseId]);
    expect(body.cases[0]!.overdue[0]!.kind).toBe('accept');
    expect(body.cases[0]!.overdue[0]!.overdueMinutes).toBeGreaterThan(0);
    expect(JSON.stringify(body)).not.toContain('13800138000');
  });
});

describe('GET /sla/ranking', () => {
  it('ranks the streets of the month with the documented weights', async () => {
    const res = await h['sla-ranking']!(fixture('sla-ranking'), context('sla-ranking'));
    expect(res.statusCode).toBe(200);
    const body = json(res) as unknown as { weights: Record<string, number>; units: Array<{ unitCode: string; rank: number | null }> };
    expect(body.weights).toEqual({ satisfactionRate: 0.35, resolutionRate: 0.3, onTimeRate: 0.2, responseRate: 0.15 });
    expect(body.units.map((u) => u.unitCode).sort()).toEqual(['440112001', '440112002']);
    const bad = await h['sla-ranking']!(withQuery(fixture('sla-ranking'), { level: 'street', month: '2026-13' }), context('x'));
    expect(bad.statusCode).toBe(400);
  });
});

describe('GET /sla/cases/{caseId}', () => {
  it('shows a supervisor of the unit the timeline with the urges, and hides the case from another street', async () => {
    const event = withPath(fixture('sla-case'), { caseId: overdueCaseId });
    const res = await h['sla-case']!(event, context('sla-case'));
    expect(res.statusCode).toBe(200);
    const body = json(res) as unknown as { timeline: Array<{ type: string; deadline: { stage: string } | null }> };
    expect(body.timeline.filter((e) => e.type === 'urged').map((e) => e.deadline?.stage)).toEqual(['overdue']);
    expect((await h['sla-case']!(withClaims(event, OTHER_STREET_SUPERVISOR), context('x'))).statusCode).toBe(404);
  });
});

describe('POST /tasks/{caseId}/pause and /resume', () => {
  it('pauses once, resumes once, and refuses a second of either', async () => {
    const pause = withPath(fixture('pause-case'), { caseId: acceptedCaseId });
    const first = await h['pause-case']!(pause, context('pause-case'));
    expect(first.statusCode).toBe(200);
    expect((json(first) as unknown as { event: { type: string; reason: string } }).event).toMatchObject({ type: 'paused', reason: '暂停计时（等待诉求人）：等待诉求人补充现场照片' });
    const again = await h['pause-case']!({ ...pause, body: JSON.stringify({ reason: '另一个原因' }), headers: { ...pause.headers, 'content-length': '0' } }, context('x'));
    expect(again.statusCode).toBe(409);
    const resume = withPath(fixture('resume-case'), { caseId: acceptedCaseId });
    const resumed = await h['resume-case']!(resume, context('resume-case'));
    expect(resumed.statusCode).toBe(200);
    expect((json(resumed) as unknown as { event: { type: string } }).event.type).toBe('resumed');
    const twice = await h['resume-case']!({ ...resume, body: JSON.stringify({ note: '再次' }) }, context('x'));
    expect(twice.statusCode).toBe(409);
  });

  it('answers 400 for a missing reason and 404 for a case outside the unit', async () => {
    const pause = withPath(fixture('pause-case'), { caseId: acceptedCaseId });
    expect((await h['pause-case']!({ ...pause, body: '{}' }, context('x'))).statusCode).toBe(400);
    expect((await h['pause-case']!(withClaims(pause, OTHER_STREET_SUPERVISOR), context('x'))).statusCode).toBe(404);
  });
});
