// Turns what a Lambda function returned (payload format 2.0) into the HTTP response API Gateway would send.
//
// API Gateway's rules for an HTTP API:
// - a result with a statusCode is a structured response: statusCode, headers (one value each; numbers and
//   booleans become strings), cookies (each becomes its own set-cookie header), body, and isBase64Encoded
//   (the body is base64 and is decoded to bytes before it is sent). multiValueHeaders belongs to format 1.0:
//   format 2.0 ignores it, so it is ignored here too (with a warning, so it is not silently lost locally).
// - any other result (a string, an object without statusCode, a number, null) means: status 200,
//   content-type application/json, and the result as the body: a string as it is, anything else as JSON.
// - a structured result that does not fit (statusCode not a whole number from 100 to 599, body not a
//   string, headers not an object …) makes API Gateway answer 500 {"message":"Internal Server Error"}.
import type { ServerResponse } from 'node:http';

export interface HttpResponse {
  statusCode: number;
  /** [name, value] pairs; a name may repeat (set-cookie) */
  headers: Array<[string, string]>;
  body: Buffer;
}

export class MalformedLambdaResponseError extends Error {
  override name = 'MalformedLambdaResponseError';
}

/** API Gateway's own error responses, with the bodies it sends. */
export function gatewayError(statusCode: 401 | 404 | 413 | 500 | 503): HttpResponse {
  const messages = {
    401: 'Unauthorized',
    404: 'Not Found',
    413: 'Request Entity Too Large',
    500: 'Internal Server Error',
    503: 'Service Unavailable',
  } as const;
  return jsonResponse(statusCode, JSON.stringify({ message: messages[statusCode] }));
}

/** @throws MalformedLambdaResponseError when API Gateway would answer 500 instead */
export function fromApiGatewayResult(returned: unknown): HttpResponse {
  const result = asSentByLambda(returned);
  if (!isStructured(result)) {
    return jsonResponse(200, typeof result === 'string' ? result : JSON.stringify(result));
  }

  const { statusCode, headers, cookies, body, isBase64Encoded } = result;
  if (typeof statusCode !== 'number' || !Number.isInteger(statusCode) || statusCode < 100 || statusCode > 599) {
    throw new MalformedLambdaResponseError(`statusCode must be a whole number from 100 to 599, got ${String(statusCode)}`);
  }
  if (body !== undefined && body !== null && typeof body !== 'string') {
    throw new MalformedLambdaResponseError(`body must be a string, got ${typeof body}`);
  }
  if (isBase64Encoded !== undefined && typeof isBase64Encoded !== 'boolean') {
    throw new MalformedLambdaResponseError('isBase64Encoded must be a boolean');
  }

  const pairs: Array<[string, string]> = [];
  if (headers !== undefined && headers !== null) {
    if (typeof headers !== 'object' || Array.isArray(headers)) {
      throw new MalformedLambdaResponseError('headers must be an object');
    }
    for (const [name, value] of Object.entries(headers)) {
      if (value === null) continue;
      if (typeof value === 'object') throw new MalformedLambdaResponseError(`header ${name} must be a string, number or boolean`);
      pairs.push([name, String(value)]);
    }
  }
  if (cookies !== undefined && cookies !== null) {
    if (!Array.isArray(cookies) || cookies.some((c) => typeof c !== 'string')) {
      throw new MalformedLambdaResponseError('cookies must be an array of strings');
    }
    for (const cookie of cookies as string[]) pairs.push(['set-cookie', cookie]);
  }
  if ('multiValueHeaders' in result && result.multiValueHeaders !== undefined) {
    console.warn('[api] multiValueHeaders is a payload format 1.0 field; API Gateway ignores it in format 2.0 (ignored here too)');
  }

  const text = typeof body === 'string' ? body : '';
  return {
    statusCode,
    headers: pairs,
    body: isBase64Encoded ? Buffer.from(text, 'base64') : Buffer.from(text, 'utf8'),
  };
}

/** Sends a response; extra headers (apigw-requestid …) go after the function's own. */
export function writeHttpResponse(res: ServerResponse, response: HttpResponse, extraHeaders: Array<[string, string]> = []): void {
  res.statusCode = response.statusCode;
  const grouped = new Map<string, { name: string; values: string[] }>();
  for (const [name, value] of [...response.headers, ...extraHeaders]) {
    const key = name.toLowerCase();
    const entry = grouped.get(key) ?? { name, values: [] };
    entry.values.push(value);
    grouped.set(key, entry);
  }
  for (const { name, values } of grouped.values()) {
    res.setHeader(name, values.length === 1 ? values[0]! : values);
  }
  res.setHeader('content-length', response.body.length);
  res.end(response.body);
}

/** Converts and sends a Lambda result; a malformed one is answered 500 as API Gateway does (and rethrown for logging). */
export function writeApiGatewayResult(res: ServerResponse, result: unknown, requestId?: string): void {
  const extra: Array<[string, string]> = requestId ? [['apigw-requestid', requestId]] : [];
  let response: HttpResponse;
  try {
    response = fromApiGatewayResult(result);
  } catch (error) {
    writeHttpResponse(res, gatewayError(500), extra);
    throw error;
  }
  writeHttpResponse(res, response, extra);
}

/** The Lambda runtime sends the handler's result as JSON: undefined becomes null, Dates become strings, … */
function asSentByLambda(returned: unknown): unknown {
  let json: string | undefined;
  try {
    json = JSON.stringify(returned);
  } catch (error) {
    throw new MalformedLambdaResponseError(`the result cannot be serialized to JSON: ${(error as Error).message}`);
  }
  return json === undefined ? null : (JSON.parse(json) as unknown);
}

function jsonResponse(statusCode: number, body: string): HttpResponse {
  return { statusCode, headers: [['content-type', 'application/json']], body: Buffer.from(body, 'utf8') };
}

interface StructuredLike {
  statusCode?: unknown;
  headers?: unknown;
  cookies?: unknown;
  body?: unknown;
  isBase64Encoded?: unknown;
  multiValueHeaders?: unknown;
}

function isStructured(result: unknown): result is StructuredLike {
  return typeof result === 'object' && result !== null && !Array.isArray(result) && 'statusCode' in result;
}
