// The bill estimate: per-case usage from a lifecycle run, and prices applied to it.
import { describe, expect, it } from 'vitest';
import { billFor, type PerCaseUsage } from '../../bench/cost/bill.js';
import { LAMBDA_PLATFORM_LOG_BYTES_PER_INVOCATION, PRICES } from '../../bench/cost/prices.js';
import { perCaseUsage } from '../../bench/cost/usage.js';
import type { StageCost } from '../../bench/cost/measure-lifecycle.js';

function stage(partial: Partial<StageCost> & Pick<StageCost, 'functionId' | 'memoryMb'>): StageCost {
  return {
    invocations: 0,
    durationsMs: [],
    dynamo: { readUnits: 0, writeUnits: 0, calls: 0, conditionFailures: 0, byOperation: {}, writesByItemKind: {} },
    indexes: { writeUnits: 0, byIndex: {}, keysOnlyWriteUnits: 0, keysOnlyByIndex: {} },
    sqsRequests: 0,
    sqsByOperation: {},
    ...partial,
  };
}

describe('perCaseUsage', () => {
  it('adds table and index writes, divides by cases, and rounds each invocation up to a whole ms', () => {
    const usage = perCaseUsage({
      cases: 2,
      logBytes: 1000,
      stages: [
        stage({ functionId: 'intake', memoryMb: 512, invocations: 2, durationsMs: [10.2, 11.9], dynamo: { readUnits: 0, writeUnits: 8, calls: 8, conditionFailures: 0, byOperation: {}, writesByItemKind: {} }, indexes: { writeUnits: 4, byIndex: {}, keysOnlyWriteUnits: 2, keysOnlyByIndex: {} }, sqsRequests: 2 }),
        stage({ functionId: 'assign-grid', memoryMb: 256, invocations: 1, durationsMs: [30.5], dynamo: { readUnits: 2, writeUnits: 10, calls: 12, conditionFailures: 0, byOperation: {}, writesByItemKind: {} }, sqsRequests: 2 }),
      ],
    });
    expect(usage.writeUnits).toBe(11); // (8 + 4 + 10) / 2
    expect(usage.readUnits).toBe(1);
    expect(usage.sqsRequests).toBe(2);
    // intake: ceil(10.2) + ceil(11.9) = 11 + 12 ms over 2 cases; assign-grid: ceil(30.5) = 31 ms over 2 cases
    expect(usage.lambda).toEqual([
      { functionId: 'intake', memoryMb: 512, invocations: 1, billedMs: 11.5 },
      { functionId: 'assign-grid', memoryMb: 256, invocations: 0.5, billedMs: 15.5 },
    ]);
    expect(usage.logBytes).toBe((1000 + 3 * LAMBDA_PLATFORM_LOG_BYTES_PER_INVOCATION) / 2);
  });

  it("adds what a scheduled function does per case it looked at; its Lambda time per case, not its invocations", () => {
    const sweep = stage({ functionId: 'find-duplicates', memoryMb: 512, invocations: 3, durationsMs: [100.5, 50, 0.2], dynamo: { readUnits: 50, writeUnits: 100, calls: 150, conditionFailures: 0, byOperation: {}, writesByItemKind: {} }, sqsRequests: 0 });
    const usage = perCaseUsage({ cases: 10, logBytes: 0, stages: [stage({ functionId: 'intake', memoryMb: 512, invocations: 10, durationsMs: Array(10).fill(10), dynamo: { readUnits: 0, writeUnits: 40, calls: 40, conditionFailures: 0, byOperation: {}, writesByItemKind: {} } })], sweeps: [{ functionId: 'find-duplicates', looked: 50, stage: sweep }] });
    expect(usage.writeUnits).toBe(4 + 2); // 40 / 10 cases, then 100 / 50 looked at
    expect(usage.readUnits).toBe(1);
    expect(usage.lambda).toEqual([
      { functionId: 'intake', memoryMb: 512, invocations: 1, billedMs: 10 },
      { functionId: 'find-duplicates', memoryMb: 512, invocations: 0, billedMs: (101 + 50 + 1) / 50 },
    ]);
  });

  it('refuses a run without cases', () => {
    expect(() => perCaseUsage({ cases: 0, logBytes: 0, stages: [] })).toThrow();
  });
});

describe('billFor', () => {
  const usage: PerCaseUsage = {
    writeUnits: 10,
    readUnits: 4,
    sqsRequests: 9,
    apiRequests: 1,
    lambda: [{ functionId: 'intake', memoryMb: 1024, invocations: 1, billedMs: 100 }],
    logBytes: 1000,
    traces: 1,
  };

  it('prices each line for the number of cases', () => {
    const bill = billFor(usage, 1_000_000);
    const usd = Object.fromEntries(bill.lines.map((l) => [l.item, l.usd]));
    expect(usd['DynamoDB writes']).toBeCloseTo(10 * PRICES.dynamodb.perMillionWriteUnits);
    expect(usd['DynamoDB reads']).toBeCloseTo(4 * PRICES.dynamodb.perMillionReadUnits);
    expect(usd['SQS requests']).toBeCloseTo(9 * PRICES.sqs.perMillionRequests);
    expect(usd['Lambda requests']).toBeCloseTo(PRICES.lambda.perMillionRequests);
    expect(usd['Lambda compute (arm64)']).toBeCloseTo(1_000_000 * 1 * 0.1 * PRICES.lambda.perGbSecondArm); // 1 GB × 0.1 s each
    expect(usd['API Gateway (HTTP API)']).toBeCloseTo(PRICES.apiGateway.perMillionHttpRequests);
    expect(usd['CloudWatch Logs ingestion']).toBeCloseTo(1 * PRICES.cloudwatchLogs.perGbIngested); // 1 GB
    expect(usd['X-Ray traces']).toBeCloseTo(PRICES.xray.perMillionTracesRecorded);
    expect(bill.totalUsd).toBeCloseTo(bill.lines.reduce((t, l) => t + l.usd, 0));
  });

  it('scales linearly with the number of cases', () => {
    expect(billFor(usage, 20_000).totalUsd).toBeCloseTo(2 * billFor(usage, 10_000).totalUsd);
  });
});
