// The AWS bill for a number of cases, from what one case uses (measured by the lifecycle benchmark) and the
// published prices (prices.ts). Pure arithmetic; the assumptions are the caller's and are stated with it.
import { PRICES } from './prices.js';

export interface LambdaUsage {
  functionId: string;
  memoryMb: number;
  /** invocations per case */
  invocations: number;
  /** billed milliseconds per case (each invocation rounded up to the next ms) */
  billedMs: number;
}

export interface PerCaseUsage {
  writeUnits: number;
  readUnits: number;
  sqsRequests: number;
  apiRequests: number;
  lambda: LambdaUsage[];
  /** log bytes ingested per case */
  logBytes: number;
  /** X-Ray traces recorded per case */
  traces: number;
}

export interface BillLine {
  item: string;
  quantity: number;
  unit: string;
  usd: number;
}

export interface Bill {
  cases: number;
  lines: BillLine[];
  totalUsd: number;
}

type Prices = typeof PRICES;

export function billFor(usage: PerCaseUsage, cases: number, prices: Prices = PRICES): Bill {
  const gbSeconds = usage.lambda.reduce((total, fn) => total + (fn.memoryMb / 1024) * (fn.billedMs / 1000), 0) * cases;
  const invocations = usage.lambda.reduce((total, fn) => total + fn.invocations, 0) * cases;
  const lines: BillLine[] = [
    { item: 'DynamoDB writes', quantity: usage.writeUnits * cases, unit: 'WRU', usd: ((usage.writeUnits * cases) / 1e6) * prices.dynamodb.perMillionWriteUnits },
    { item: 'DynamoDB reads', quantity: usage.readUnits * cases, unit: 'RRU', usd: ((usage.readUnits * cases) / 1e6) * prices.dynamodb.perMillionReadUnits },
    { item: 'SQS requests', quantity: usage.sqsRequests * cases, unit: 'requests', usd: ((usage.sqsRequests * cases) / 1e6) * prices.sqs.perMillionRequests },
    { item: 'Lambda requests', quantity: invocations, unit: 'invocations', usd: (invocations / 1e6) * prices.lambda.perMillionRequests },
    { item: 'Lambda compute (arm64)', quantity: gbSeconds, unit: 'GB-s', usd: gbSeconds * prices.lambda.perGbSecondArm },
    { item: 'API Gateway (HTTP API)', quantity: usage.apiRequests * cases, unit: 'requests', usd: ((usage.apiRequests * cases) / 1e6) * prices.apiGateway.perMillionHttpRequests },
    { item: 'CloudWatch Logs ingestion', quantity: (usage.logBytes * cases) / 1e9, unit: 'GB', usd: ((usage.logBytes * cases) / 1e9) * prices.cloudwatchLogs.perGbIngested },
    { item: 'X-Ray traces', quantity: usage.traces * cases, unit: 'traces', usd: ((usage.traces * cases) / 1e6) * prices.xray.perMillionTracesRecorded },
  ];
  return { cases, lines, totalUsd: lines.reduce((total, line) => total + line.usd, 0) };
}
