// POST /cases: parse → validate → intake (classify, store, queue for the district) → 201.
import { describeProblems, intakeRequestSchema } from '../../shared/domain/intake-request.js';
import { header, readJsonBody } from '../../shared/http/read-json-body.js';
import { errorResponse, jsonResponse } from '../../shared/http/responses.js';
import { httpHandler } from '../../shared/lambda/http-handler.js';
import { logger } from '../../shared/lambda/logger.js';
import { intakeCase } from '../../shared/services/intake-case.js';
import { dependencies } from '../../shared/services/wiring.js';
import { rateLimited } from './rate-limit.js';
import '../../shared/services/classifier-wiring.js';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,128}$/;

export const handler = httpHandler(async (event) => {
  const body = readJsonBody(event);
  if (!body.ok) return body.response;
  const parsed = intakeRequestSchema.safeParse(body.value);
  if (!parsed.success) {
    return errorResponse(400, 'validation_failed', 'the request has invalid fields', describeProblems(parsed.error));
  }
  const idempotencyKey = header(event, 'idempotency-key');
  if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
    return errorResponse(400, 'invalid_idempotency_key', 'Idempotency-Key must be 1–128 characters of letters, digits and . _ : -', [{ field: 'idempotency-key', message: 'bad format' }]);
  }
  const limited = await rateLimited(dependencies(), event, parsed.data, idempotencyKey);
  if (limited) return limited;
  const outcome = await intakeCase(dependencies(), parsed.data, idempotencyKey);
  if (outcome.kind === 'key_reused') {
    return errorResponse(422, 'idempotency_key_reused', 'this Idempotency-Key was already used for a different request', [{ field: 'idempotency-key', message: `already used for case ${outcome.caseId}` }]);
  }
  logger.info('case taken in', { caseId: outcome.caseId, outcome: outcome.kind, channel: parsed.data.channel });
  const headers: Record<string, string> = { location: `/cases/${outcome.caseId}` };
  if (outcome.kind === 'replayed') headers['idempotent-replayed'] = 'true';
  return jsonResponse(201, { caseId: outcome.caseId, trackingToken: outcome.trackingToken, status: outcome.status }, headers);
});
