// Bad input at every API endpoint of the topology (new ones are covered as soon as they are listed there):
// hostile JSON, bodies that are not JSON or not UTF-8, wrong content types and base64 flags, hostile path
// parameters, queries and headers, staff endpoints with and without a token. Whatever comes in, the answer
// is a 2xx or a 4xx that says what was wrong — never a 5xx — and a refused request writes nothing.
//
//   FUZZ_RUNS=100 npx vitest run test/fuzz      (the full run; CI does 8 runs per property and endpoint)
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiEvent, pathParameterNames, type EventInput } from './support/api-event.js';
import { answerProblem } from './support/answer-check.js';
import { lambdaContext, type HttpEndpoint } from './support/endpoints.js';
import { startFuzzWorld, type FuzzWorld } from './support/fuzz-world.js';
import { contentTypes, hostileJsonText, invalidUtf8Bytes, nastyString } from './support/hostile-values.js';
import { itemCount } from './support/item-count.js';
import { fixtureBodies, mutatedBodies } from './support/mutations.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 8);
// A refused request must write nothing; the intake rate limit would refuse most of a long run's valid cases.
process.env.INTAKE_RATE_LIMIT_PER_PHONE = '0';

let world: FuzzWorld;
const tally = { inputs: 0, serverErrors: 0, refusedWithWrite: 0, byStatus: {} as Record<string, number> };

beforeAll(async () => {
  world = await startFuzzWorld();
}, 120_000);

afterAll(async () => {
  console.log(`fuzz summary ${JSON.stringify({ runsPerProperty: RUNS, endpoints: world?.http.length, ...tally })}`);
  await world?.stop();
});

/** Calls the endpoint and checks the answer; a refused request (4xx) and any GET must leave the table as it was. */
async function callAndCheck(endpoint: HttpEndpoint, input: Omit<EventInput, 'method' | 'path'>): Promise<void> {
  const before = await itemCount(world.dynamo, world.runtime.tableName);
  const result = await endpoint.handler(apiEvent({ method: endpoint.method, path: endpoint.path, ...input }), lambdaContext(endpoint.id));
  const after = await itemCount(world.dynamo, world.runtime.tableName);
  const status = result.statusCode ?? 0;
  tally.inputs += 1;
  tally.byStatus[status] = (tally.byStatus[status] ?? 0) + 1;
  if (status >= 500) tally.serverErrors += 1;
  const problem = answerProblem(result);
  expect(problem, `${endpoint.method} ${endpoint.path}`).toBeUndefined();
  if (status >= 400 || endpoint.method === 'GET') {
    if (after !== before) tally.refusedWithWrite += 1;
    expect(after, `${endpoint.method} ${endpoint.path} answered ${status} but the table went from ${before} to ${after} items`).toBe(before);
  }
}

const pathParams = (endpoint: HttpEndpoint, value: fc.Arbitrary<string>) =>
  fc.record(Object.fromEntries(pathParameterNames(endpoint.path).map((name) => [name, value])) as Record<string, fc.Arbitrary<string>>);

const knownId = () => fc.constantFrom(...world.knownIds);
const anyClaims = () => fc.constantFrom(...world.claims);
const trackingToken = () => fc.oneof(fc.constantFrom(...world.cases.map((c) => c.trackingToken)), nastyString(80));

describe('every API endpoint, under bad input', () => {
  it('is listed in the topology with at least the citizen endpoints', () => {
    expect(world.http.map((e) => e.id)).toEqual(expect.arrayContaining(['intake', 'get-case', 'get-timeline']));
  });

  it('answers hostile JSON bodies with a 2xx or a clear 4xx, and writes nothing when it refuses', async () => {
    for (const endpoint of world.http) {
      await fc.assert(
        fc.asyncProperty(hostileJsonText, pathParams(endpoint, knownId()), anyClaims(), trackingToken(), async (body, pathParameters, claims, token) => {
          await callAndCheck(endpoint, {
            body,
            pathParameters,
            headers: { 'content-type': 'application/json', 'x-tracking-token': token },
            ...(endpoint.staff ? { claims } : {}),
          });
        }),
        { numRuns: RUNS },
      );
    }
  }, 600_000);

  it('answers known-good bodies changed in one place with a 2xx or a clear 4xx, and writes nothing when it refuses', async () => {
    const fixtures = fixtureBodies();
    const covered = world.http.filter((e) => fixtures.has(`${e.method} ${e.path}`));
    expect(covered.map((e) => e.id)).toContain('intake');
    for (const endpoint of covered) {
      await fc.assert(
        fc.asyncProperty(mutatedBodies(fixtures.get(`${endpoint.method} ${endpoint.path}`)!), pathParams(endpoint, knownId()), anyClaims(), async (body, pathParameters, claims) => {
          await callAndCheck(endpoint, {
            body,
            pathParameters,
            headers: { 'content-type': 'application/json' },
            ...(endpoint.staff ? { claims } : {}),
          });
        }),
        { numRuns: RUNS * 4 },
      );
    }
  }, 600_000);

  it('answers bodies that are not UTF-8, not JSON, or not what their headers say, never with a 5xx', async () => {
    const encodedBody = fc.oneof(
      invalidUtf8Bytes.map((bytes) => ({ body: Buffer.from(bytes).toString('base64'), isBase64Encoded: true })),
      hostileJsonText.map((text) => ({ body: Buffer.from(text, 'utf8').toString('base64'), isBase64Encoded: true })),
      hostileJsonText.map((text) => ({ body: Buffer.from(text, 'utf8').toString('base64'), isBase64Encoded: false })),
      fc.string({ maxLength: 200 }).map((text) => ({ body: text, isBase64Encoded: true })),
    );
    for (const endpoint of world.http) {
      await fc.assert(
        fc.asyncProperty(encodedBody, contentTypes, pathParams(endpoint, knownId()), anyClaims(), async ({ body, isBase64Encoded }, contentType, pathParameters, claims) => {
          await callAndCheck(endpoint, {
            body,
            isBase64Encoded,
            pathParameters,
            headers: { 'content-type': contentType },
            ...(endpoint.staff ? { claims } : {}),
          });
        }),
        { numRuns: RUNS },
      );
    }
  }, 600_000);

  it('answers hostile path parameters, queries and headers with a 2xx or a clear 4xx', async () => {
    const headers = fc.record({
      'content-type': contentTypes,
      'idempotency-key': nastyString(200),
      'x-tracking-token': trackingToken(),
      'content-length': fc.constantFrom('0', '-1', '99999999999', 'abc'),
    });
    const query = fc.dictionary(fc.oneof(fc.constantFrom('unit', 'from', 'to', 'level', 'status', 'limit', 'cursor', 'date', 'overdue'), nastyString(10)), nastyString(60), { maxKeys: 5 });
    for (const endpoint of world.http) {
      await fc.assert(
        fc.asyncProperty(pathParams(endpoint, fc.oneof(nastyString(300), knownId())), query, headers, hostileJsonText, anyClaims(), async (pathParameters, q, h, body, claims) => {
          await callAndCheck(endpoint, { pathParameters, query: q, headers: h, body, ...(endpoint.staff ? { claims } : {}) });
        }),
        { numRuns: RUNS },
      );
    }
  }, 600_000);

  it('refuses every staff endpoint without a valid staff identity (401), whatever the body', async () => {
    const badClaims = fc.oneof(
      fc.constant(undefined),
      fc.record({ sub: nastyString(200), 'custom:unit': nastyString(60), 'custom:level': nastyString(12), 'custom:role': nastyString(12) }),
      fc.constantFrom(
        { sub: 'x', 'custom:unit': '440112', 'custom:level': 'district', 'custom:role': 'admin' },
        { sub: 'x', 'custom:unit': '440112', 'custom:level': 'city', 'custom:role': 'supervisor' },
        { sub: '', 'custom:unit': '440112', 'custom:level': 'district', 'custom:role': 'supervisor' },
      ),
    );
    for (const endpoint of world.http.filter((e) => e.staff)) {
      await fc.assert(
        fc.asyncProperty(badClaims, hostileJsonText, pathParams(endpoint, knownId()), async (claims, body, pathParameters) => {
          const before = await itemCount(world.dynamo, world.runtime.tableName);
          const result = await endpoint.handler(
            apiEvent({ method: endpoint.method, path: endpoint.path, body, pathParameters, headers: { 'content-type': 'application/json' }, ...(claims ? { claims: claims as Record<string, string> } : {}) }),
            lambdaContext(endpoint.id),
          );
          tally.inputs += 1;
          expect(result.statusCode, `${endpoint.method} ${endpoint.path}`).toBe(401);
          expect(answerProblem(result)).toBeUndefined();
          expect(await itemCount(world.dynamo, world.runtime.tableName)).toBe(before);
        }),
        { numRuns: RUNS },
      );
    }
  }, 600_000);

  it('is refused at the gateway (401) on every staff route without a valid token, before any function runs', async () => {
    const caseId = world.cases[0]!.caseId;
    const forged = `${(await world.runtime.staffToken({ staffId: 'x', unitCode: '440112', level: 'district', role: 'supervisor' })).slice(0, -4)}AAAA`;
    for (const endpoint of world.http.filter((e) => e.staff)) {
      const path = endpoint.path.replace(/\{[^}]+\}/g, caseId);
      for (const authorization of [undefined, 'Bearer', 'Bearer not-a-jwt', `Bearer ${forged}`, 'Basic YWRtaW46YWRtaW4=']) {
        const response = await fetch(`${world.runtime.apiUrl}${path}`, {
          method: endpoint.method,
          headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
          ...(endpoint.method === 'GET' ? {} : { body: '{}' }),
        });
        tally.inputs += 1;
        expect(response.status, `${endpoint.method} ${path} with ${authorization ?? 'no token'}`).toBe(401);
      }
    }
  });

  it('takes in emoji, mixed scripts and zero-width characters as they were sent', async () => {
    const intake = world.http.find((e) => e.id === 'intake')!;
    const getCase = world.http.find((e) => e.id === 'get-case')!;
    const content = fc
      .array(fc.constantFrom('黄埔区', '大沙街道', '路灯', '坏了', '😀', '🇨🇳', '\u200b', '\u200d', 'Ｌｅｄ', 'Я', 'ع', 'é', ' ', '，', '\n', '\t'), { minLength: 4, maxLength: 40 })
      .map((parts) => `黄埔区路灯${parts.join('')}`);
    await fc.assert(
      fc.asyncProperty(content, async (text) => {
        const created = await intake.handler(apiEvent({ method: 'POST', path: '/cases', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ channel: 'web', content: text }) }), lambdaContext('intake'));
        tally.inputs += 1;
        expect(created.statusCode).toBe(201);
        const { caseId, trackingToken: token } = JSON.parse(created.body!) as { caseId: string; trackingToken: string };
        const read = await getCase.handler(apiEvent({ method: 'GET', path: '/cases/{caseId}', pathParameters: { caseId }, headers: { 'x-tracking-token': token } }), lambdaContext('get-case'));
        expect((JSON.parse(read.body!) as { content: string }).content).toBe(text);
      }),
      { numRuns: RUNS },
    );
  }, 600_000);
});
