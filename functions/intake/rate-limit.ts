// The intake rate limit as the handler applies it: a 429 with Retry-After for a caller over the limit, or
// nothing. Limits come from INTAKE_RATE_LIMIT_PER_PHONE / INTAKE_RATE_LIMIT_PER_IP (shared/config.ts).
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { dynamoDocumentClient } from '../../shared/adapters/aws-clients.js';
import { RateLimitStore } from '../../shared/adapters/dynamo/rate-limit-store.js';
import { ENV, requireEnv } from '../../shared/config.js';
import type { IntakeRequest } from '../../shared/domain/intake-request.js';
import { jsonResponse } from '../../shared/http/responses.js';
import { rateLimitsFrom } from '../../shared/security/intake-rate-limit.js';
import { checkIntakeRateLimit } from '../../shared/services/intake-rate-limit.js';
import type { Dependencies } from '../../shared/services/dependencies.js';

let store: RateLimitStore | undefined;

export async function rateLimited(
  deps: Dependencies,
  event: APIGatewayProxyEventV2,
  request: IntakeRequest,
  idempotencyKey: string | undefined,
): Promise<APIGatewayProxyStructuredResultV2 | undefined> {
  const limits = rateLimitsFrom({ perPhone: process.env[ENV.intakeRateLimitPerPhone], perIp: process.env[ENV.intakeRateLimitPerIp] });
  if (limits.perPhonePerHour === 0 && limits.perIpPerMinute === 0) return undefined;
  store ??= new RateLimitStore(dynamoDocumentClient(), requireEnv(ENV.table));
  const now = deps.now();
  const outcome = await checkIntakeRateLimit(
    store,
    { phone: request.caller?.phone, sourceIp: event.requestContext?.http?.sourceIp },
    limits,
    now,
    async () => idempotencyKey !== undefined && (await deps.idempotency.get(idempotencyKey, now)) !== undefined,
  );
  if (outcome.ok) return undefined;
  const per = outcome.windowSeconds === 3600 ? 'hour' : 'minute';
  return jsonResponse(
    429,
    {
      error: {
        code: 'rate_limited',
        message: `too many requests from this caller: at most ${outcome.limit} per ${per}; try again in ${outcome.retryAfterSeconds} s`,
        details: [{ field: outcome.field, message: `limit ${outcome.limit} per ${per} reached` }],
      },
    },
    { 'retry-after': String(outcome.retryAfterSeconds) },
  );
}
