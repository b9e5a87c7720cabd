// Published on-demand prices used for the bill estimate: AWS US East (N. Virginia), us-east-1, in USD, as
// listed on the AWS pricing pages named below (DynamoDB after the 50 % on-demand reduction of 1 Nov 2024).
// Taken from those pages as of 2025 and not re-read from this machine (it has no web access): check them
// before quoting a figure. Free tiers are left out on purpose (they hide the per-case cost).
// AWS China regions (Beijing, Ningxia; operated by Sinnet and NWCD) publish CNY prices on amazonaws.cn and
// are where a Guangzhou deployment would likely run; their prices differ.

export const PRICES = {
  region: 'us-east-1',
  asOf: '2025 (AWS public price pages; DynamoDB on-demand after the 2024-11-01 reduction)',
  dynamodb: {
    /** https://aws.amazon.com/dynamodb/pricing/on-demand/ — per write request unit (1 KB) */
    perMillionWriteUnits: 0.625,
    /** per read request unit (a strongly consistent read of 4 KB, or two eventually consistent ones) */
    perMillionReadUnits: 0.125,
    /** standard table class storage, per GB-month */
    perGbMonth: 0.25,
  },
  lambda: {
    /** https://aws.amazon.com/lambda/pricing/ — Arm, first 7.5 billion GB-s a month */
    perGbSecondArm: 0.0000133334,
    perMillionRequests: 0.2,
  },
  sqs: {
    /** https://aws.amazon.com/sqs/pricing/ — standard queues, per request (each 64 KB chunk is one) */
    perMillionRequests: 0.4,
  },
  apiGateway: {
    /** https://aws.amazon.com/api-gateway/pricing/ — HTTP APIs, first 300 million a month */
    perMillionHttpRequests: 1.0,
  },
  cloudwatchLogs: {
    /** https://aws.amazon.com/cloudwatch/pricing/ — standard log ingestion, per GB */
    perGbIngested: 0.5,
  },
  xray: {
    /** https://aws.amazon.com/xray/pricing/ — traces recorded */
    perMillionTracesRecorded: 5.0,
  },
} as const;

/** What Lambda itself writes per invocation (START, END and REPORT lines, text format): about 300 bytes. */
export const LAMBDA_PLATFORM_LOG_BYTES_PER_INVOCATION = 300;
