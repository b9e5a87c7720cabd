// SQS clients for the benchmark itself. A probe client (queue depths, ARNs) marks its requests with a header
// so the SQS request meter leaves them out: they are the benchmark looking, not the system working.
import { SQSClient } from '@aws-sdk/client-sqs';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/dynamo/local-client.js';

export const PROBE_HEADER = 'x-hotline-bench-probe';

export function localSqsClient(endpoint: string): SQSClient {
  return new SQSClient({ region: LOCAL_REGION, endpoint, credentials: LOCAL_CREDENTIALS });
}

export function probeSqsClient(endpoint: string): SQSClient {
  const client = localSqsClient(endpoint);
  client.middlewareStack.add(
    (next) => async (args) => {
      const request = args.request as { headers?: Record<string, string> };
      if (request.headers) request.headers[PROBE_HEADER] = '1';
      return next(args);
    },
    { step: 'build', name: 'benchProbeHeader' },
  );
  return client;
}
