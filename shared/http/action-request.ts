// Reading a task-API request: the optional Idempotency-Key and a JSON body checked against its schema. A
// request with no body at all is read as `{}` (an accept needs nothing more).
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { z } from 'zod';
import { describeProblems } from '../domain/intake-request.js';
import { header, readJsonBody } from './read-json-body.js';
import { errorResponse } from './responses.js';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,128}$/;

export type ActionRequest<T> = { ok: true; body: T; idempotencyKey: string | undefined } | { ok: false; response: APIGatewayProxyStructuredResultV2 };

export function readActionRequest<S extends z.ZodType>(event: APIGatewayProxyEventV2, schema: S): ActionRequest<z.infer<S>> {
  const idempotencyKey = header(event, 'idempotency-key');
  if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
    return { ok: false, response: errorResponse(400, 'invalid_idempotency_key', 'Idempotency-Key must be 1–128 characters of letters, digits and . _ : -', [{ field: 'idempotency-key', message: 'bad format' }]) };
  }
  let value: unknown = {};
  if (event.body !== undefined && event.body !== '') {
    const body = readJsonBody(event);
    if (!body.ok) return body;
    value = body.value;
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) return { ok: false, response: errorResponse(400, 'validation_failed', 'the request has invalid fields', describeProblems(parsed.error)) };
  return { ok: true, body: parsed.data, idempotencyKey };
}
