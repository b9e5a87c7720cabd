// HTTP for the Open311 GeoReport v2 endpoints: answers in the format the resource asked for (.json or
// .xml), errors in the spec's own format ([{code, description}]), and the form-encoded POST body. API
// Gateway (and the local emulator) hands an application/x-www-form-urlencoded body over base64-encoded.
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { CONTENT_TYPES, errorDocument, splitFormat, type Document, type Format } from '../domain/open311/documents.js';
import { JURISDICTION_IDS, type Open311Error } from '../domain/open311/post-request.js';
import { header } from './read-json-body.js';

export const MAX_FORM_BYTES = 64 * 1024;

export function documentResponse(statusCode: number, document: Document, headers: Record<string, string> = {}): APIGatewayProxyStructuredResultV2 {
  return { statusCode, headers: { 'content-type': CONTENT_TYPES[document.format], 'cache-control': 'no-store', ...headers }, body: document.body };
}

export function open311Error(statusCode: number, format: Format, errors: Open311Error[]): APIGatewayProxyStructuredResultV2 {
  return documentResponse(statusCode, errorDocument(format, errors));
}

/** The resource path parameter's name and format; an unknown extension answers 404 (in JSON). */
export function resourceOf(event: APIGatewayProxyEventV2, parameter: string): { ok: true; name: string; format: Format } | { ok: false; response: APIGatewayProxyStructuredResultV2 } {
  const resource = event.pathParameters?.[parameter] ?? '';
  const split = splitFormat(resource);
  if (!split) return { ok: false, response: open311Error(404, 'json', [{ code: 404, description: `no resource ${resource}: ask for .json or .xml` }]) };
  return { ok: true, ...split };
}

/** A GET naming another jurisdiction: 404, as the spec says (absent or ours: undefined). */
export function otherJurisdiction(event: APIGatewayProxyEventV2, format: Format): APIGatewayProxyStructuredResultV2 | undefined {
  const id = event.queryStringParameters?.jurisdiction_id;
  if (id === undefined || id === '' || JURISDICTION_IDS.includes(id)) return undefined;
  return open311Error(404, format, [{ code: 404, description: `jurisdiction_id ${id} was not found: this endpoint serves ${JURISDICTION_IDS[0]}` }]);
}

/** The form fields of a POST, or the 400 to answer. */
export function readForm(event: APIGatewayProxyEventV2, format: Format): { ok: true; form: URLSearchParams } | { ok: false; response: APIGatewayProxyStructuredResultV2 } {
  const contentType = (header(event, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (contentType !== 'application/x-www-form-urlencoded') {
    return { ok: false, response: open311Error(400, format, [{ code: 400, description: 'send the request as Content-Type: application/x-www-form-urlencoded; charset=utf-8' }]) };
  }
  const bytes = Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8');
  if (bytes.length > MAX_FORM_BYTES) return { ok: false, response: open311Error(400, format, [{ code: 400, description: `the body is over ${MAX_FORM_BYTES} bytes` }]) };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, response: open311Error(400, format, [{ code: 400, description: 'the body is not valid UTF-8' }]) };
  }
  return { ok: true, form: new URLSearchParams(text) };
}
