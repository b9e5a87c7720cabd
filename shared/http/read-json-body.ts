// Reads a JSON request body from an API Gateway v2 event: content type, size and syntax checked, in that
// order, each with its own status (415, 413, 400).
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { errorResponse } from './responses.js';

export const MAX_BODY_BYTES = 64 * 1024;

export type BodyResult = { ok: true; value: unknown; raw: string } | { ok: false; response: APIGatewayProxyStructuredResultV2 };

export function header(event: APIGatewayProxyEventV2, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(event.headers ?? {})) {
    if (key.toLowerCase() === wanted) return value;
  }
  return undefined;
}

export function readJsonBody(event: APIGatewayProxyEventV2): BodyResult {
  const contentType = header(event, 'content-type') ?? '';
  const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    return { ok: false, response: errorResponse(415, 'unsupported_media_type', 'send the request as application/json', [{ field: 'content-type', message: `got "${contentType || '(none)'}"` }]) };
  }
  const charset = /charset=([^;]+)/i.exec(contentType)?.[1]?.trim().replace(/"/g, '').toLowerCase();
  if (charset && charset !== 'utf-8' && charset !== 'utf8') {
    return { ok: false, response: errorResponse(415, 'unsupported_charset', 'send the body as UTF-8', [{ field: 'content-type', message: `charset ${charset} is not supported` }]) };
  }
  const bytes = event.body === undefined ? Buffer.alloc(0) : Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8');
  if (bytes.length > MAX_BODY_BYTES) {
    return { ok: false, response: errorResponse(413, 'payload_too_large', `the body is ${bytes.length} bytes; at most ${MAX_BODY_BYTES} are accepted`) };
  }
  if (bytes.length === 0) {
    return { ok: false, response: errorResponse(400, 'empty_body', 'the request has no body') };
  }
  let raw: string;
  try {
    raw = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, response: errorResponse(400, 'invalid_encoding', 'the body is not valid UTF-8') };
  }
  try {
    return { ok: true, value: JSON.parse(raw), raw };
  } catch (error) {
    return { ok: false, response: errorResponse(400, 'invalid_json', 'the body is not valid JSON', [{ field: '(body)', message: (error as Error).message }]) };
  }
}
