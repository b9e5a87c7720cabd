// Queue functions under duplicate and concurrent delivery, at the handler level: the same message twice in
// one batch takes its hop once; and two invocations of the same function running at once in one process (as
// the local runtime's two pollers per queue do, and as a duplicate delivery does) each report exactly their
// own failed records — a failure lost there would delete a message whose work was not done.
import type { SQSRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalRuntime, type LocalRuntime } from '../../infra/local/runtime.js';
import { apiEvent } from '../fuzz/support/api-event.js';
import { lambdaContext, type ApiFunction, type QueueFunction } from '../fuzz/support/endpoints.js';

let runtime: LocalRuntime;
let intake: ApiFunction;
let dispatchDistrict: QueueFunction;
let getTimeline: ApiFunction;

beforeAll(async () => {
  process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
  process.env.INTAKE_RATE_LIMIT_PER_PHONE = '0';
  runtime = await startLocalRuntime({ port: 0, startPollers: false });
  intake = ((await import('../../functions/intake/handler.js')) as { handler: ApiFunction }).handler;
  dispatchDistrict = ((await import('../../functions/dispatch-district/handler.js')) as { handler: QueueFunction }).handler;
  getTimeline = ((await import('../../functions/get-timeline/handler.js')) as { handler: ApiFunction }).handler;
});
afterAll(async () => {
  await runtime?.stop();
});

let n = 0;
const record = (body: unknown): SQSRecord => ({
  messageId: `dup-${++n}`,
  receiptHandle: 'x',
  body: JSON.stringify(body),
  attributes: { ApproximateReceiveCount: '1', SentTimestamp: '0', SenderId: 'x', ApproximateFirstReceiveTimestamp: '0' },
  messageAttributes: {},
  md5OfBody: '',
  eventSource: 'aws:sqs',
  eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:district-dispatch',
  awsRegion: 'us-east-1',
});

async function newCase(): Promise<{ caseId: string; trackingToken: string }> {
  const body = JSON.stringify({ channel: 'phone', content: '黄埔区大沙街道丰乐北路 小区门口垃圾三天没人清运', address: '黄埔区大沙街道丰乐北路' });
  const result = await intake(apiEvent({ method: 'POST', path: '/cases', headers: { 'content-type': 'application/json' }, body }), lambdaContext('intake'));
  return JSON.parse(result.body!) as { caseId: string; trackingToken: string };
}

describe('queue functions under duplicates', () => {
  it('takes a hop once when its message comes twice in one batch', async () => {
    const { caseId, trackingToken } = await newCase();
    const response = await dispatchDistrict({ Records: [record({ caseId }), record({ caseId })] }, lambdaContext('dispatch-district'));
    expect(response?.batchItemFailures ?? []).toEqual([]);
    const timeline = await getTimeline(apiEvent({ method: 'GET', path: '/cases/{caseId}/timeline', pathParameters: { caseId }, headers: { 'x-tracking-token': trackingToken } }), lambdaContext('get-timeline'));
    const types = (JSON.parse(timeline.body!) as { events: Array<{ type: string }> }).events.map((e) => e.type);
    expect(types).toEqual(['received', 'classified', 'routed_to_street']);
  });

  it('reports to each of two concurrent invocations exactly its own failed records', async () => {
    for (let round = 0; round < 5; round++) {
      const good = await Promise.all([newCase(), newCase(), newCase()]);
      const missing = { caseId: `HP-20200101-9${String(round).padStart(5, '0')}` };
      const withFailure = [record({ caseId: good[0]!.caseId }), record(missing), record({ caseId: good[1]!.caseId })];
      const allGood = [record({ caseId: good[2]!.caseId })];
      const [a, b] = await Promise.all([
        dispatchDistrict({ Records: withFailure }, lambdaContext('dispatch-district')),
        dispatchDistrict({ Records: allGood }, lambdaContext('dispatch-district')),
      ]);
      expect(a?.batchItemFailures, `round ${round}`).toEqual([{ itemIdentifier: withFailure[1]!.messageId }]);
      expect(b?.batchItemFailures ?? [], `round ${round}`).toEqual([]);
    }
  });
});
